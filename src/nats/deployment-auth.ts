// NATS authentication of the servers natsgh runs (embedded, local cluster,
// hybrid leaf; docker and kubernetes apply the same config keys). The
// credentials live owner-only in <stateDir>/auth/<deployment>/credentials.json:
// generated at bootstrap when the user gave none, or the ones the user gave
// (--nats-user/--nats-password, --nats-token, --nkey-file), so every later
// command finds them through its resolved configuration. Kept light: every
// command's config resolution reads this module.
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import { UsageError } from '../errors.js';
import { registerSecret } from '../redact.js';
import type { NatsConnectionSpec } from './connect.js';

/** Client authentication a server natsgh runs requires: one of user/password, token, NKey. */
export interface ClientAuth {
  user?: string;
  password?: string;
  token?: string;
  /** File holding the NKey user seed; the server is configured with its public key. */
  nkeyFile?: string;
}

export interface DeploymentCredentials extends ClientAuth {
  version: 1;
  /** Made by natsgh, or given by the user for the server natsgh runs. */
  origin: 'generated' | 'given';
  /** Credentials the nodes of a local cluster present to each other on their route port. */
  routes: { user: string; password: string };
  /** Salt of the fingerprint that stands for these credentials in input hashes. */
  salt: string;
}

export interface AuthPaths {
  dir: string;
  credentials: string;
  /** The NATS CLI context (`nats --context <file>`). */
  context: string;
}

export const GENERATED_USER = 'natsgh';
const ROUTE_USER = 'natsgh-route';

export function authPaths(stateDir: string, deployment: string): AuthPaths {
  const dir = join(stateDir, 'auth', deployment);
  return { dir, credentials: join(dir, 'credentials.json'), context: join(dir, 'nats-context.json') };
}

/** True for the NATS types and modes where natsgh runs the server (not Synadia, not your own --nats-url). */
export function natsghRunsServer(config: Pick<NatsghConfig, 'mode' | 'natsType'>): boolean {
  if (config.natsType === 'synadia') return false;
  return !(config.mode === 'dev' && config.natsType === 'self_hosted');
}

/** The client auth the user set (flags, env), if any; a creds file is the hub's in hybrid, never the server's. */
export function givenAuth(nats: NatsghConfig['nats']): ClientAuth | undefined {
  if (nats.token) return { token: nats.token };
  if (nats.user || nats.password) return { user: nats.user, password: nats.password };
  if (nats.nkeyFile) return { nkeyFile: nats.nkeyFile };
  return undefined;
}

function invalid(file: string, why: string): UsageError {
  return new UsageError(`the NATS credentials file ${file} ${why}`, {
    code: 'nats_credentials_invalid',
    details: { file },
    suggestions: [
      `Delete ${file} and re-run \`natsgh bootstrap\`: it generates new credentials and reconfigures the servers it runs.`,
    ],
  });
}

const isText = (v: unknown) => typeof v === 'string' && v.length > 0;

/** The deployment's credentials, or undefined when none were made yet. Registers the secrets for redaction. */
export function readDeploymentCredentials(
  stateDir: string,
  deployment: string,
): DeploymentCredentials | undefined {
  const file = authPaths(stateDir, deployment).credentials;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    // No file, or a path through a plain file (a state dir under a file): nothing was ever stored there.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw invalid(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let c: DeploymentCredentials;
  try {
    c = JSON.parse(text);
  } catch {
    throw invalid(file, 'is not valid JSON (was it truncated or edited?)');
  }
  if (c?.version !== 1 || !isText(c.salt) || !isText(c.routes?.user) || !isText(c.routes?.password)) {
    throw invalid(file, 'is not a natsgh credentials file');
  }
  const kinds = [c.token, c.user && c.password, c.nkeyFile].filter(isText).length;
  if (kinds !== 1) throw invalid(file, 'must hold exactly one of user/password, token or nkeyFile');
  registerSecret(c.password);
  registerSecret(c.token);
  registerSecret(c.routes.password);
  return c;
}

function readStoredOrNothing(stateDir: string, deployment: string): DeploymentCredentials | undefined {
  try {
    return readDeploymentCredentials(stateDir, deployment);
  } catch {
    return undefined;
  }
}

/** The client part of stored credentials. */
export function clientAuthOf(c: ClientAuth): ClientAuth {
  if (c.token) return { token: c.token };
  if (c.nkeyFile) return { nkeyFile: c.nkeyFile };
  return { user: c.user, password: c.password };
}

/**
 * Resolved-config step: when natsgh runs this deployment's server, the user set
 * no client auth and the deployment has credentials, they become
 * `nats.user`/`nats.password` (or `nats.token`, `nats.nkeyFile`).
 */
export function feedDeploymentCredentials(config: NatsghConfig, sources: Record<string, string>): void {
  if (!natsghRunsServer(config) || givenAuth(config.nats)) return;
  // Never sent to a server elsewhere that --nats-url names: only to natsgh's own, on this machine.
  if (config.nats.url && !onlyLoopback(config.nats.url)) return;
  // A damaged file must not stop teardown or status; the bootstrap reports it (ensureDeploymentCredentials).
  const stored = readStoredOrNothing(config.stateDir, config.deployment);
  if (!stored) return;
  const auth = clientAuthOf(stored);
  for (const [k, v] of Object.entries(auth)) {
    if (v === undefined) continue;
    (config.nats as unknown as Record<string, unknown>)[k] = v;
    sources[`nats.${k}`] = 'derived';
  }
}

/** True when every URL of a comma-separated list names this machine (127.0.0.1, ::1, localhost). */
export function onlyLoopback(urls: string): boolean {
  return urls.split(',').every((raw) => {
    const u = raw.trim();
    let host: string;
    try {
      host = new URL(u.includes('://') ? u : `nats://${u}`).hostname;
    } catch {
      return false;
    }
    return /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/i.test(host);
  });
}

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
