// NATS authentication of the servers natsgh runs (embedded, local cluster,
// hybrid leaf; docker and kubernetes apply the same config keys). The
// credentials live owner-only in <stateDir>/auth/<deployment>/credentials.json:
// generated at bootstrap when the user gave none, or the ones the user gave
// (--nats-user/--nats-password, --nats-token, --nkey-file), so every later
// command finds them through its resolved configuration (the file's format and
// reading: config/deployment-credentials.ts).
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AuthPaths,
  authPaths,
  type ClientAuth,
  clientAuthOf,
  type DeploymentCredentials,
  givenAuth,
  readDeploymentCredentials,
  readStoredOrNothing,
} from '../config/deployment-credentials.js';
import type { NatsghConfig } from '../config/keys.js';
import { UsageError } from '../errors.js';
import { registerSecret } from '../redact.js';
import type { NatsConnectionSpec } from './connect.js';

export {
  type AuthPaths,
  authPaths,
  type ClientAuth,
  clientAuthOf,
  type DeploymentCredentials,
  givenAuth,
  natsghRunsServer,
  onlyLoopback,
  readDeploymentCredentials,
} from '../config/deployment-credentials.js';

export const GENERATED_USER = 'natsgh';
const ROUTE_USER = 'natsgh-route';

function sameClientAuth(a: ClientAuth, b: ClientAuth): boolean {
  return a.user === b.user && a.password === b.password && a.token === b.token && a.nkeyFile === b.nkeyFile;
}

function checkGiven(given: ClientAuth): void {
  if (given.token) return;
  if ((given.user && !given.password) || (!given.user && given.password)) {
    throw new UsageError(
      'user/password auth for a NATS server natsgh runs needs both a user and a password',
      {
        code: 'nats_auth_incomplete',
        suggestions: [
          'Pass both --nats-user and NATSGH_NATS_PASSWORD (or --nats-password), or neither: natsgh then generates credentials.',
        ],
      },
    );
  }
}

const secret = () => randomBytes(32).toString('base64url');

async function writeCredentials(paths: AuthPaths, c: DeploymentCredentials): Promise<void> {
  await ensurePrivateDir(paths);
  await writePrivate(paths.credentials, `${JSON.stringify(c, null, 2)}\n`);
}

/**
 * <stateDir>/auth and <stateDir>/auth/<deployment>: 0700, and ignored by git (the
 * default state dir `.natsgh/` often sits in a repository, where `git add -A`
 * would commit the credentials whatever their permissions).
 */
async function ensurePrivateDir(paths: AuthPaths): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const parent = join(paths.dir, '..');
  for (const dir of [parent, paths.dir]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') chmodSync(dir, 0o700);
  }
  const ignore = join(parent, '.gitignore');
  if (!existsSync(ignore)) {
    await writeFile(ignore, '# written by natsgh: NATS credentials, never to be committed\n*\n', {
      mode: 0o600,
    });
  }
}

/** Atomic write of an owner-only file (0600; on Windows the ACL is restricted to the owner). */
async function writePrivate(file: string, text: string): Promise<void> {
  const [{ writeFileAtomic }, { restrictFilePrivacy }] = await Promise.all([
    import('../system/atomic-file.js'),
    import('../system/file-privacy.js'),
  ]);
  await writeFileAtomic(file, text, { mode: 0o600 });
  await restrictFilePrivacy(file);
}

/**
 * Bootstrap step (under the deployment's lock, before any phase): records the
 * credentials the user gave, or keeps the stored ones, or generates new ones,
 * and returns them. A change of credentials changes their fingerprint, so the
 * provision-nats phase runs again and reconfigures the servers.
 */
export async function ensureDeploymentCredentials(config: NatsghConfig): Promise<DeploymentCredentials> {
  const paths = authPaths(config.stateDir, config.deployment);
  const stored = readDeploymentCredentials(config.stateDir, config.deployment);
  const given = givenAuth(config.nats);
  if (given) checkGiven(given);
  if (stored && (!given || sameClientAuth(clientAuthOf(stored), given))) {
    if (existsSync(paths.credentials) && process.platform !== 'win32') chmodSync(paths.credentials, 0o600);
    return stored;
  }
  const fresh: DeploymentCredentials = {
    version: 1,
    origin: given ? 'given' : 'generated',
    ...(given ?? { user: GENERATED_USER, password: secret() }),
    routes: stored?.routes ?? { user: ROUTE_USER, password: randomBytes(24).toString('hex') },
    salt: stored?.salt ?? randomBytes(16).toString('hex'),
  };
  registerSecret(fresh.password);
  registerSecret(fresh.token);
  registerSecret(fresh.routes.password);
  await writeCredentials(paths, fresh);
  return fresh;
}

/** The config with the deployment's client credentials in `nats.*` (the keys every server and client use). */
export function withClientAuth(config: NatsghConfig, c: ClientAuth): NatsghConfig {
  const auth = clientAuthOf(c);
  return {
    ...config,
    nats: {
      ...config.nats,
      user: auth.user,
      password: auth.password,
      token: auth.token,
      nkeyFile: auth.nkeyFile,
    },
  };
}

/**
 * Stands for the credentials in input hashes and outputs: a salted HMAC, so a
 * change is seen and the secret cannot be guessed back from it.
 */
export function credentialsFingerprint(c: DeploymentCredentials): string {
  const auth = clientAuthOf(c);
  let nkey: string | undefined;
  if (auth.nkeyFile) {
    try {
      nkey = readFileSync(auth.nkeyFile, 'utf8').trim();
    } catch {
      nkey = auth.nkeyFile;
    }
  }
  const material = JSON.stringify([
    auth.user,
    auth.password,
    auth.token,
    nkey,
    c.routes.user,
    c.routes.password,
  ]);
  return createHmac('sha256', c.salt).update(material).digest('hex').slice(0, 16);
}

/** What a server natsgh runs is configured with, from the resolved config or, failing that, the stored credentials. */
export function serverAuthFor(
  config: NatsghConfig,
  stateDir: string,
  deployment: string,
): { client?: ClientAuth; routes?: { user: string; password: string } } {
  const stored = readStoredOrNothing(stateDir, deployment);
  const given = givenAuth(config.nats);
  return { client: given ?? (stored ? clientAuthOf(stored) : undefined), routes: stored?.routes };
}

/** What the context is written from: a connection spec (of any NATS type) and a description. */
export type NatsContextInput = NatsConnectionSpec & { description: string };

/**
 * The NATS CLI context (the JSON `nats --context FILE.json` reads, field names
 * of nats-io/jsm.go natscontext): `url`, one kind of auth (`user`/`password`,
 * `creds`, `nkey` as a seed file path, or `token`), TLS files and the
 * JetStream domain. Written owner-only beside the credentials.
 */
export function natsContextDocument(input: NatsContextInput): Record<string, string> {
  // Credentials travel in their own fields, never as `user:password@` inside the URL.
  const url = input.servers.map((u) => u.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1')).join(',');
  const doc: Record<string, string> = { description: input.description, url };
  if (input.user) {
    doc.user = input.user;
    doc.password = input.password ?? '';
  } else if (input.credsFile) doc.creds = input.credsFile;
  else if (input.nkeyFile) doc.nkey = input.nkeyFile;
  else if (input.token) doc.token = input.token;
  if (input.tls?.ca) doc.ca = input.tls.ca;
  if (input.tls?.cert && input.tls.key) {
    doc.cert = input.tls.cert;
    doc.key = input.tls.key;
  }
  if (input.jetstreamDomain) doc.jetstream_domain = input.jetstreamDomain;
  return doc;
}

export async function writeNatsContext(
  stateDir: string,
  deployment: string,
  input: NatsContextInput,
): Promise<string> {
  const paths = authPaths(stateDir, deployment);
  await ensurePrivateDir(paths);
  await writePrivate(paths.context, `${JSON.stringify(natsContextDocument(input), null, 2)}\n`);
  return paths.context;
}

/** The context file's path when it exists (status). */
export function natsContextPath(stateDir: string, deployment: string): string | null {
  const file = authPaths(stateDir, deployment).context;
  return existsSync(file) ? file : null;
}
