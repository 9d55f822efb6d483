// How natsgh connects to NATS: one spec (servers, auth, TLS, JetStream domain)
// built from the configuration or a provisioner, one connect function that
// turns client failures into errors a person can act on.
import { readFile } from 'node:fs/promises';
import type { NatsConnection } from '@nats-io/nats-core';
import type { NatsghConfig } from '../config/keys.js';
import { NatsghError, UsageError } from '../errors.js';

export interface NatsConnectionSpec {
  servers: string[];
  credsFile?: string;
  nkeyFile?: string;
  user?: string;
  password?: string;
  token?: string;
  tls?: { ca?: string; cert?: string; key?: string };
  /** JetStream domain every JetStream/KV call must use. */
  jetstreamDomain?: string;
}

export interface ConnectOptions {
  name?: string;
  timeoutMs?: number;
  /** Keep reconnecting forever (long-running processes); default: fail fast. */
  reconnectForever?: boolean;
}

export function connectionSpecFromConfig(config: NatsghConfig, servers?: string[]): NatsConnectionSpec {
  const urls = servers ?? (config.nats.url ? config.nats.url.split(',').map((s) => s.trim()) : []);
  const tls = config.nats.tls;
  return {
    servers: urls.length > 0 ? urls : [`nats://127.0.0.1:${config.nats.port}`],
    credsFile: config.nats.credsFile,
    nkeyFile: config.nats.nkeyFile,
    user: config.nats.user,
    password: config.nats.password,
    token: config.nats.token,
    tls: tls.ca || tls.cert || tls.key ? { ca: tls.ca, cert: tls.cert, key: tls.key } : undefined,
    jetstreamDomain: config.nats.jetstreamDomain,
  };
}

async function readAuthFile(path: string, what: string, flag: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw new UsageError(
      `cannot read the ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      {
        code: 'auth_file_unreadable',
        details: { file: path },
        suggestions: [`Check the path given to ${flag} and that this user can read it.`],
      },
    );
  }
}

export async function connectNats(
  spec: NatsConnectionSpec,
  opts: ConnectOptions = {},
): Promise<NatsConnection> {
  const core = await import('@nats-io/nats-core');
  const { connect } = await import('@nats-io/transport-node');
  const authenticators = [];
  if (spec.credsFile) {
    authenticators.push(core.credsAuthenticator(await readAuthFile(spec.credsFile, 'creds file', '--creds')));
  }
  if (spec.nkeyFile) {
    const seed = new TextDecoder()
      .decode(await readAuthFile(spec.nkeyFile, 'nkey seed file', '--nkey-file'))
      .trim();
    authenticators.push(core.nkeyAuthenticator(new TextEncoder().encode(seed)));
  }
  const tls = spec.tls
    ? {
        ...(spec.tls.ca ? { caFile: spec.tls.ca } : {}),
        ...(spec.tls.cert ? { certFile: spec.tls.cert } : {}),
        ...(spec.tls.key ? { keyFile: spec.tls.key } : {}),
      }
    : spec.servers.some((s) => s.startsWith('tls://'))
      ? {}
      : undefined;
  try {
    return await connect({
      servers: spec.servers,
      name: opts.name ?? 'natsgh',
      timeout: opts.timeoutMs ?? 5000,
      user: spec.user,
      pass: spec.password,
      token: spec.token,
      authenticator: authenticators.length > 0 ? authenticators : undefined,
      tls,
      maxReconnectAttempts: opts.reconnectForever ? -1 : 10,
      reconnectTimeWait: 250,
      waitOnFirstConnect: false,
    });
  } catch (err) {
    throw describeConnectError(err, spec);
  }
}

export function describeConnectError(err: unknown, spec: NatsConnectionSpec): NatsghError {
  const e = err as Error & { code?: string };
  const where = spec.servers.join(', ');
  const text = `${e?.name ?? ''} ${e?.message ?? ''} ${e?.code ?? ''}`;
  if (/Authorization|authentication|auth/i.test(text)) {
    return new NatsghError(`NATS at ${where} refused the credentials: ${e.message}`, {
      code: 'nats_auth',
      cause: err,
      suggestions: ['Check the creds/nkey/user/token given to natsgh and that the account allows this user.'],
    });
  }
  if (/Timeout/i.test(text)) {
    return new NatsghError(`connecting to NATS at ${where} timed out`, {
      code: 'nats_timeout',
      cause: err,
      suggestions: [
        'If the server requires TLS client certificates (mTLS), a missing or wrong client certificate shows up as a timeout: pass --tls-cert and --tls-key.',
        'Otherwise check that the server is up and reachable: natsgh doctor',
      ],
    });
  }
  if (/ECONNREFUSED|CONNECTION_REFUSED|refused/i.test(text)) {
    return new NatsghError(`NATS at ${where} is not reachable (connection refused)`, {
      code: 'nats_unreachable',
      cause: err,
      suggestions: ['Start the server or fix --nats-url; `natsgh status` shows what natsgh started.'],
    });
  }
  if (/TLS|SSL|certificate|wrong version number/i.test(text)) {
    return new NatsghError(`TLS handshake with NATS at ${where} failed: ${e.message}`, {
      code: 'nats_tls',
      cause: err,
      suggestions: [
        'Check --tls-ca (the CA that signed the server certificate) and the server URL scheme (tls://).',
      ],
    });
  }
  return new NatsghError(`could not connect to NATS at ${where}: ${e?.message ?? String(err)}`, {
    code: 'nats_connect',
    cause: err,
    suggestions: ['Run `natsgh doctor` to check the NATS URL, credentials and TLS files.'],
  });
}

/** JetStream options every JetStream/KV call uses (the domain). */
export function jetstreamOptions(spec: NatsConnectionSpec): { domain?: string } {
  return spec.jetstreamDomain ? { domain: spec.jetstreamDomain } : {};
}
