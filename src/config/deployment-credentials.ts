// A deployment's stored NATS credentials, as every command's configuration reads
// them: <stateDir>/auth/<deployment>/credentials.json, owner-only, beside the
// recorded settings. When natsgh runs the deployment's server and the user gave no
// client auth, the stored credentials become the resolved `nats.*` auth keys.
// Writing them (bootstrap) is nats/deployment-auth.ts's job. Kept light: every
// command's config resolution reads this module.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { registerSecret } from '../redact.js';
import type { NatsghConfig } from './keys.js';

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

/** The stored credentials, or undefined when there are none or the file is damaged. */
export function readStoredOrNothing(stateDir: string, deployment: string): DeploymentCredentials | undefined {
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
