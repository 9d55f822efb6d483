// How natsgh connects to NATS: one spec (servers, auth, TLS, JetStream domain)
// built from the configuration or a provisioner, one connect function that
// turns client failures into errors a person can act on.
import { readFile } from 'node:fs/promises';
import type { NatsConnection } from '@nats-io/nats-core';
import type { NatsghConfig } from '../config/keys.js';
import { NatsghError, UsageError } from '../errors.js';
import { registerSecret } from '../redact.js';
import { readCredsFile } from './creds.js';
import { refusedUserError } from './nats-errors.js';
import { devTlsPaths } from './tls-generate.js';

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
  return {
    servers: urls.length > 0 ? urls : [`nats://127.0.0.1:${config.nats.port}`],
    credsFile: config.nats.credsFile,
    nkeyFile: config.nats.nkeyFile,
    user: config.nats.user,
    password: config.nats.password,
    token: config.nats.token,
    tls: clientTlsFromConfig(config),
    jetstreamDomain: config.nats.jetstreamDomain,
  };
}

/**
 * Client-side TLS files: --tls-ca/--tls-cert/--tls-key when given; with
 * `--tls generate` the generated dev CA (and, with --tls-verify, the generated
 * client certificate) from <stateDir>/tls/, see tls-generate.ts.
 */
export function clientTlsFromConfig(config: NatsghConfig): NatsConnectionSpec['tls'] {
  const tls = config.nats.tls;
  // Generated files are for servers natsgh runs; Synadia's certificate is publicly trusted.
  const generated =
    tls.mode === 'generate' && config.natsType !== 'synadia'
      ? devTlsPaths(config.stateDir, tls.verify)
      : undefined;
  const ca = tls.ca ?? generated?.ca;
  const cert = tls.cert ?? generated?.clientCert;
  const key = tls.key ?? generated?.clientKey;
  return ca || cert || key ? { ca, cert, key } : undefined;
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

/**
 * Drains a connection and returns once it is closed. nats.js never settles a
 * flush that is pending when the connection closes (reconnects ended by refused
 * or expired credentials), so a plain drain can hang: the drain is done when the
 * connection is closed, whichever comes first.
 */
export async function drainUntilClosed(nc: NatsConnection): Promise<void> {
  await Promise.race([nc.drain().catch(() => nc.close()), nc.closed()]);
}

export async function connectNats(
  spec: NatsConnectionSpec,
  opts: ConnectOptions = {},
): Promise<NatsConnection> {
  const core = await import('@nats-io/nats-core');
  const { connect } = await import('@nats-io/transport-node');
  const authenticators = [];
  if (spec.credsFile) {
    // Parse and check first: a truncated or expired file gets an error naming
    // the file and the problem instead of the server's bare "Authorization Violation".
    await readCredsFile(spec.credsFile);
    authenticators.push(core.credsAuthenticator(await readAuthFile(spec.credsFile, 'creds file', '--creds')));
  }
  if (spec.nkeyFile) {
    const seed = await readNkeySeedFile(spec.nkeyFile);
    authenticators.push(core.nkeyAuthenticator(seed));
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
  const fromUrl = userInfoFromUrls(spec.servers);
  try {
    return await connect({
      servers: fromUrl.servers,
      name: opts.name ?? 'natsgh',
      timeout: opts.timeoutMs ?? 5000,
      user: spec.user ?? fromUrl.user,
      pass: spec.password ?? fromUrl.password,
      token: spec.token ?? fromUrl.token,
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

/** Reads an NKey user seed file; the error names the file and never contains the seed. */
export async function readNkeySeedFile(file: string): Promise<Uint8Array> {
  const text = new TextDecoder().decode(await readAuthFile(file, 'nkey seed file', '--nkey-file'));
  const seed =
    text
      .split(/\r?\n/)
      .find((l) => /^\s*S[A-Z2-7]/.test(l))
      ?.trim() ?? text.trim();
  registerSecret(seed);
  const fail = (what: string) =>
    new UsageError(`nkey seed file ${file} ${what}`, {
      code: 'nkey_invalid',
      details: { file },
      suggestions: ['Pass a file holding an NKey user seed (it starts with "SU") with --nkey-file.'],
    });
  if (!seed.startsWith('SU')) throw fail('does not hold a user seed (one starting "SU")');
  const { fromSeed } = await import('@nats-io/nkeys');
  try {
    fromSeed(new TextEncoder().encode(seed)).getPublicKey();
  } catch {
    throw fail('holds a seed that is not valid (is it truncated?)');
  }
  return new TextEncoder().encode(seed);
}

/**
 * `nats://user:pass@host` and `nats://token@host`: the client does not read
 * user info from URLs, so it is taken out here (and registered for redaction).
 */
export function userInfoFromUrls(servers: string[]): {
  servers: string[];
  user?: string;
  password?: string;
  token?: string;
} {
  const out: ReturnType<typeof userInfoFromUrls> = { servers: [] };
  for (const raw of servers) {
    const m = /^([a-z][a-z0-9+.-]*:\/\/)([^@/]*)@(.*)$/i.exec(raw);
    if (!m) {
      out.servers.push(raw);
      continue;
    }
    out.servers.push(`${m[1]}${m[3]}`);
    const [user, password] = m[2].split(':').map((v) => decodeURIComponent(v));
    if (password !== undefined) {
      out.user ??= user;
      out.password ??= password;
      registerSecret(password);
    } else if (user) {
      out.token ??= user;
      registerSecret(user);
    }
  }
  return out;
}

/** The servers for messages: user info (`user:password@`) removed. */
export function serversForDisplay(spec: NatsConnectionSpec): string {
  return spec.servers.map((u) => u.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1')).join(', ');
}

export function describeConnectError(err: unknown, spec: NatsConnectionSpec): NatsghError {
  if (err instanceof NatsghError) return err;
  const e = err as Error & { code?: string };
  const where = serversForDisplay(spec);
  const text = `${e?.name ?? ''} ${e?.message ?? ''} ${e?.code ?? ''}`;
  if (/maximum account active connections/i.test(text)) {
    return new NatsghError(
      `NATS at ${where} refused the connection: the account allows no more connections`,
      {
        code: 'nats_account_limits',
        cause: err,
        suggestions: [
          'Raise the account connection limit (an operator-mode account JWT needs conn: -1 or a positive value).',
        ],
      },
    );
  }
  if (/expired/i.test(text)) {
    return new NatsghError(`NATS at ${where} refused the credentials: they have expired`, {
      code: 'nats_auth_expired',
      cause: err,
      suggestions: ['Download fresh creds for this user and pass them with --creds or SYNADIA_CREDS_FILE.'],
    });
  }
  if (/Authorization|authentication|auth/i.test(text)) {
    // The creds were parsed and found unexpired before connecting: a refusal means revoked (nats-errors.ts).
    if (spec.credsFile) return refusedUserError(err, `NATS at ${where}`, spec.credsFile);
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

export interface JetStreamSummary {
  domain?: string;
  streams: number;
  /** Bytes of file storage the account may use (-1 = unlimited). */
  maxStorage: number;
}

/**
 * Confirms JetStream answers for this account in the spec's domain; throws an
 * error saying which (JetStream off, account without JetStream, wrong domain).
 */
export async function assertJetStream(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
): Promise<JetStreamSummary> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const where = serversForDisplay(spec);
  try {
    const jsm = await jetstreamManager(nc, { ...jetstreamOptions(spec), timeout: 5000 });
    const info = await jsm.getAccountInfo();
    return {
      domain: info.domain,
      streams: info.streams,
      maxStorage: info.limits?.max_storage ?? -1,
    };
  } catch (err) {
    const domain = spec.jetstreamDomain;
    throw new NatsghError(
      `JetStream is not available at ${where}${domain ? ` in domain "${domain}"` : ''}: ${(err as Error).message}`,
      {
        code: 'jetstream_unavailable',
        cause: err,
        suggestions: [
          domain
            ? `Check that a JetStream server with domain "${domain}" is reachable from this account, or fix --js-domain.`
            : "Enable JetStream on the server (jetstream {}) or for the account (Synadia Cloud: the account's JetStream limits).",
          'natsgh doctor checks JetStream for the configured account.',
        ],
      },
    );
  }
}
