// The controller image tag natsgh builds and runs in docker mode: derived from
// natsgh's version and its build inputs, so an upgrade (or a changed Dockerfile)
// names a new image that compose builds, and an unchanged one is reused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { NatsghConfig } from '../../src/config/keys.js';
import { resolveConfig } from '../../src/config/load.js';
import { dockerController } from '../../src/deploy/controller/docker.js';
import { controllerBuildId, controllerImage, controllerUser } from '../../src/provision/docker-image.js';

/** The docker adapter's inputs (what deploy-controller hashes) for a configuration. */
const dockerControllerInputs = (config: NatsghConfig) =>
  dockerController.inputs({ config, deployment: config.deployment, stateDir: config.stateDir } as never);

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function packageRoot(version: string, dockerfile: string): string {
  const root = mkdtempSync(join(tmpdir(), 'natsgh-image-'));
  roots.push(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'natsgh', version }));
  writeFileSync(join(root, 'Dockerfile'), dockerfile);
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'index.js'), 'export {};\n');
  return root;
}

const config = async (flags: Record<string, unknown> = {}) =>
  (await resolveConfig({ noFile: true, env: {}, flags: { mode: 'docker', ...flags } })).config;

describe('the docker-mode controller image', () => {
  it('is tagged with the version and a digest of the build inputs; an upgrade or a new Dockerfile is a new tag', async () => {
    const c = await config();
    const a = controllerImage(c, packageRoot('1.2.3', 'FROM node:24-alpine\n'));
    expect(a.image).toMatch(/^natsgh-controller:1\.2\.3-[0-9a-f]{12}$/);
    expect(a.build?.labels).toMatchObject({ 'io.natsgh.version': '1.2.3' });
    expect(controllerImage(c, packageRoot('1.2.3', 'FROM node:24-alpine\n')).image).toBe(a.image);
    const upgraded = controllerImage(c, packageRoot('1.2.4', 'FROM node:24-alpine\n')).image;
    expect(upgraded).toMatch(/^natsgh-controller:1\.2\.4-/);
    const newDockerfile = controllerImage(c, packageRoot('1.2.3', 'FROM node:26-alpine\n')).image;
    expect(newDockerfile).not.toBe(a.image);
    expect(controllerBuildId(packageRoot('1.2.3', 'FROM node:24-alpine\n')).hash).toBe(
      a.image.split('-').at(-1),
    );
  });

  it('is not changed by the code cache a command writes next to the bundle on its first run', () => {
    const root = packageRoot('1.2.3', 'FROM node:24-alpine\n');
    mkdirSync(join(root, 'dist', 'bundle'), { recursive: true });
    writeFileSync(join(root, 'dist', 'bundle', 'natsgh.cjs'), '"use strict";\n');
    const before = controllerBuildId(root).hash;
    const fresh = packageRoot('1.2.3', 'FROM node:24-alpine\n');
    mkdirSync(join(fresh, 'dist', 'bundle', '.v8-cache'), { recursive: true });
    writeFileSync(join(fresh, 'dist', 'bundle', 'natsgh.cjs'), '"use strict";\n');
    writeFileSync(join(fresh, 'dist', 'bundle', '.v8-cache', 'status-abc.bin'), 'cached code');
    expect(controllerBuildId(fresh).hash).toBe(before);
  });

  it('runs the controller as the host user (non-root), or as uid 1000 when natsgh runs as root', () => {
    const uid = vi.spyOn(process, 'getuid');
    const gid = vi.spyOn(process, 'getgid');
    try {
      uid.mockReturnValue(1001);
      gid.mockReturnValue(121);
      expect(controllerUser()).toEqual({ uid: 1001, gid: 121 });
      uid.mockReturnValue(0);
      gid.mockReturnValue(0);
      expect(controllerUser()).toEqual({ uid: 1000, gid: 1000 });
    } finally {
      uid.mockRestore();
      gid.mockRestore();
    }
  });

  it('--controller-image is used as given (not built), with the pull policy compose knows', async () => {
    const given = controllerImage(
      await config({ 'controller-image': 'mirror.example/natsgh:1.0', 'image-pull-policy': 'IfNotPresent' }),
    );
    expect(given).toEqual({ image: 'mirror.example/natsgh:1.0', pullPolicy: 'missing' });
  });

  it("changed controller settings change deploy-controller's docker inputs (so the phase re-runs)", async () => {
    const base = dockerControllerInputs(await config({ org: 'acme' }));
    expect(dockerControllerInputs(await config({ org: 'acme' }))).toEqual(base);
    for (const flags of [
      { org: 'other-org' },
      { org: 'acme', 'controller-port': 8090 },
      { org: 'acme', 'controller-image': 'mirror.example/natsgh:1.0' },
      { org: 'acme', 'github-repo': 'github-private' },
      { org: 'acme', 'github-api-url': 'https://ghe.example.com/api/v3' },
      { org: 'acme', 'github-app-id': '4242' },
      { org: 'acme', 'stream-max-bytes': '64MB' },
      { org: 'acme', 'nats-type': 'self_hosted_cluster', replicas: 5 },
    ]) {
      expect(dockerControllerInputs(await config(flags)), JSON.stringify(flags)).not.toEqual(base);
    }
  });
});
