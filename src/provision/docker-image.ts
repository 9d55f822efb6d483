// What the docker-mode controller is, decided without the engine (cheap and
// synchronous, so the deploy-controller phase can hash it into its inputs): its
// image (natsgh-controller:<version>-<digest of the build inputs>, or the one
// the user named) and the uid it runs as. Its environment is deploy/controller/env.ts's.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';

/** natsgh's package root: the Dockerfile and what it copies. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** The files of natsgh's package the image is built from (the Dockerfile COPYs these). */
const BUILD_INPUTS = [
  'Dockerfile',
  '.dockerignore',
  'package.json',
  'package-lock.json',
  'oclif.manifest.json',
  'bin/run.js',
  'dist',
  'templates',
  'proto',
];

function hashTree(hash: ReturnType<typeof createHash>, root: string, path: string): void {
  const full = join(root, path);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(full);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(full).sort()) {
      // Not build inputs: source maps, and the V8 code cache each command writes on its first
      // run (bin/run.js; excluded from the image by .dockerignore too). Hashing the cache made
      // every fresh build's second run a new image tag, and a controller redeploy.
      if (!name.endsWith('.map') && name !== '.v8-cache') hashTree(hash, root, join(path, name));
    }
    return;
  }
  hash.update(`${relative(root, full)}\0${st.size}\0`);
  hash.update(readFileSync(full));
}

const buildIds = new Map<string, { version: string; hash: string }>();

/**
 * natsgh's version and a digest of what the image is built from (the Dockerfile
 * and the package files it copies): a new version or build input is a new tag,
 * so upgrading natsgh rebuilds the image and an unchanged one is reused.
 */
export function controllerBuildId(root = PROJECT_ROOT): { version: string; hash: string } {
  let id = buildIds.get(root);
  if (!id) {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
      .version;
    const hash = createHash('sha256').update(version);
    for (const input of BUILD_INPUTS) hashTree(hash, root, input);
    id = { version, hash: hash.digest('hex').slice(0, 12) };
    buildIds.set(root, id);
  }
  return id;
}

export interface ControllerImage {
  image: string;
  /** Set when natsgh builds the image itself from its package. */
  build?: { context: string; labels: Record<string, string> };
  /** compose pull_policy of an image natsgh does not build. */
  pullPolicy?: 'always' | 'missing' | 'never';
}

/** The controller image: the user's (--controller-image), else natsgh-controller:<version>-<build digest> built locally. */
export function controllerImage(config: NatsghConfig, root = PROJECT_ROOT): ControllerImage {
  const given = config.controller.image;
  if (given) {
    const policy = config.controller.imagePullPolicy;
    const pullPolicy =
      policy === 'Always' ? 'always' : policy === 'Never' ? 'never' : policy ? 'missing' : undefined;
    return { image: given, pullPolicy };
  }
  const { version, hash } = controllerBuildId(root);
  return {
    image: `natsgh-controller:${version}-${hash}`,
    build: { context: root, labels: { 'io.natsgh.version': version, 'io.natsgh.build': hash } },
  };
}

/**
 * The uid:gid the controller container runs as: one that can read the copies
 * natsgh makes for it. A non-root natsgh runs it as itself (its files stay
 * owner-only); root runs it as the image's unprivileged "node" user (1000) and
 * hands the copies to that uid. Undefined where uids do not apply (Windows).
 */
export function controllerUser(): { uid: number; gid: number } | undefined {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined || gid === undefined) return undefined;
  return uid === 0 ? { uid: 1000, gid: 1000 } : { uid, gid };
}
