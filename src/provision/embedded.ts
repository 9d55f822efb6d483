// `--mode dev --nats-type embedded`: one nats-server with JetStream that natsgh
// runs in the background from <stateDir>/nats (config, pid, log, store). apply
// finds a running one instead of starting a second; teardown keeps data unless purge.
import { join } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import type { VerifyResult } from '../contracts.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import { type ClientAuth, ensureDeploymentCredentials, serverAuthFor } from '../nats/deployment-auth.js';
import { devTlsPaths, generatedServerTls } from '../nats/tls-generate.js';
import { resolveNatsServerBinary } from '../system/nats-server-binary.js';
import { isAlive, readPidFile } from '../system/process.js';
import {
  ensureServer,
  isHealthy,
  type LocalServerSpec,
  removeStore,
  type ServerTlsFiles,
  serverFiles,
  stopServer,
} from './local-server.js';
import type { NodeStatus, PlanStep, ProvisionContext, Provisioner, ProvisionResult } from './provisioner.js';

export interface LocalProvisionerOptions {
  /**
   * TLS files for the client port. A function lets `--tls generate` create them
   * in the state dir; without it, `--tls-cert`/`--tls-key` (and `--tls-ca`,
   * `--tls-verify`) are used as the server's files when both are set.
   */
  serverTls?: ServerTlsFiles | ((ctx: ProvisionContext) => ServerTlsFiles | undefined);
  /** Finds the nats-server binary (default: resolveNatsServerBinary). */
  resolveBinary?: (ctx: ProvisionContext) => Promise<{ path: string; version: string; source: string }>;
  fetch?: typeof fetch;
  healthTimeoutMs?: number;
}

/**
 * The server's TLS files without creating anything (plan, connection, verify):
 * explicit option, then `--tls generate` (files at their fixed paths in the
 * state dir), then `--tls-cert`/`--tls-key` used as the server's own files.
 */
export function serverTlsFor(
  config: NatsghConfig,
  ctx: ProvisionContext,
  opts: LocalProvisionerOptions,
): ServerTlsFiles | undefined {
  if (opts.serverTls) return typeof opts.serverTls === 'function' ? opts.serverTls(ctx) : opts.serverTls;
  const tls = config.nats.tls;
  if (tls.mode === 'generate') {
    const p = devTlsPaths(ctx.stateDir, tls.verify);
    return {
      cert: p.serverCert,
      key: p.serverKey,
      ca: p.ca,
      verify: tls.verify,
      client: p.clientCert && p.clientKey ? { cert: p.clientCert, key: p.clientKey } : undefined,
    };
  }
  if (tls.cert && tls.key) return { cert: tls.cert, key: tls.key, ca: tls.ca, verify: tls.verify };
  return undefined;
}

/** Before starting servers: with `--tls generate`, creates (or reuses) the dev CA and certificates. */
export async function prepareServerTls(
  config: NatsghConfig,
  ctx: ProvisionContext,
  opts: LocalProvisionerOptions,
): Promise<void> {
  if (opts.serverTls || config.nats.tls.mode !== 'generate') return;
  await generatedServerTls({ stateDir: ctx.stateDir, nats: config.nats });
}

/**
 * Before starting servers: makes sure the deployment has credentials (the ones
 * the user gave, the stored ones, or new ones), so no server natsgh runs admits
 * a client without them. The bootstrap did this already; a provisioner used on
 * its own (tests, tools) must not start an open server either.
 */
export async function prepareServerAuth(ctx: ProvisionContext): Promise<void> {
  await ensureDeploymentCredentials({ ...ctx.config, stateDir: ctx.stateDir, deployment: ctx.deployment });
}

/** The client auth of a server natsgh runs for this context (given, else stored). */
export function serverClientAuth(ctx: ProvisionContext): ClientAuth | undefined {
  return serverAuthFor(ctx.config, ctx.stateDir, ctx.deployment).client;
}

/** The client side of a server natsgh runs with these TLS files. */
export function clientTlsFor(tls: ServerTlsFiles | undefined): NatsConnectionSpec['tls'] {
  if (!tls) return undefined;
  const client = tls.client ?? (tls.verify ? { cert: tls.cert, key: tls.key } : undefined);
  return { ca: tls.ca, cert: client?.cert, key: client?.key };
}

/** One plan line on client authentication (never the secret). */
export function authPlanStep(auth: ClientAuth | undefined): string {
  if (!auth)
    return 'clients authenticate with credentials natsgh generates (owner-only file in the state dir)';
  const kind = auth.token ? 'a token' : auth.nkeyFile ? `the NKey in ${auth.nkeyFile}` : `user ${auth.user}`;
  return `clients authenticate with ${kind}`;
}

/** Finds the binary to start: the injected resolver, else the one prerequisites resolved, else a new resolution. */
export function defaultBinaryResolver(opts: LocalProvisionerOptions) {
  return async (ctx: ProvisionContext) =>
    opts.resolveBinary
      ? opts.resolveBinary(ctx)
      : (ctx.natsServer ??
        resolveNatsServerBinary({
          config: ctx.config,
          platform: ctx.platform,
          interactive: ctx.interactive,
          assumeYes: ctx.assumeYes,
          signal: ctx.signal,
          log: ctx.log,
          fetch: opts.fetch,
        }));
}

export function embeddedServerName(deployment: string): string {
  return `natsgh-${deployment}`;
}

export function createEmbeddedProvisioner(
  config: NatsghConfig,
  opts: LocalProvisionerOptions = {},
): Provisioner {
  const resolveBinary = defaultBinaryResolver(opts);

  function spec(ctx: ProvisionContext): LocalServerSpec {
    const c = ctx.config ?? config;
    return {
      deployment: ctx.deployment,
      serverName: embeddedServerName(ctx.deployment),
      port: c.nats.port,
      monitorPort: c.nats.monitorPort,
      dir: join(ctx.stateDir, 'nats'),
      jetstreamDomain: c.nats.jetstreamDomain,
      tls: serverTlsFor(c, ctx, opts),
      auth: serverAuthFor(c, ctx.stateDir, ctx.deployment).client,
      portFlags: {
        port: '--nats-port (or NATSGH_NATS_PORT)',
        monitorPort: '--monitor-port (or NATSGH_MONITOR_PORT)',
      },
    };
  }

  function url(s: LocalServerSpec): string {
    return `${s.tls ? 'tls' : 'nats'}://127.0.0.1:${s.port}`;
  }

  return {
    kind: 'dev/embedded',
    reachableAtStart: false,

    async plan(ctx): Promise<PlanStep[]> {
      const s = spec(ctx);
      const files = serverFiles(s.dir);
      const steps: PlanStep[] = [
        {
          action: `run nats-server ${s.serverName} on ${url(s)} (monitoring http://127.0.0.1:${s.monitorPort}), unless it already runs`,
        },
        { action: `write ${files.configFile}; JetStream store in ${files.storeDir}` },
      ];
      if (s.jetstreamDomain) steps.push({ action: `JetStream domain ${s.jetstreamDomain}` });
      if (s.tls)
        steps.push({ action: `TLS on the client port with ${s.tls.cert}${s.tls.verify ? ' (mTLS)' : ''}` });
      steps.push({ action: authPlanStep(s.auth) });
      steps.push({ action: `pid file ${files.pidFile}, log ${files.logFile}` });
      return steps;
    },

    async apply(ctx): Promise<ProvisionResult> {
      await prepareServerTls(ctx.config ?? config, ctx, opts);
      await prepareServerAuth(ctx);
      const s = spec(ctx);
      const server = await ensureServer(s, {
        binary: async () => {
          const bin = await resolveBinary(ctx);
          ctx.log.info(`using nats-server v${bin.version} at ${bin.path} (${bin.source})`);
          return bin.path;
        },
        log: ctx.log,
        signal: ctx.signal,
        fetch: opts.fetch,
        healthTimeoutMs: opts.healthTimeoutMs,
      });
      const version = server.varz.version;
      return {
        servers: [url(s)],
        outputs: {
          serverId: server.varz.server_id,
          pid: String(server.pid),
          url: url(s),
          version,
          configFile: server.configFile,
        },
      };
    },

    async verify(ctx): Promise<VerifyResult> {
      const s = spec(ctx);
      const pid = await readPidFile(serverFiles(s.dir).pidFile);
      if (pid === undefined) return { ok: false, reason: `no pid file ${serverFiles(s.dir).pidFile}` };
      if (!isAlive(pid)) return { ok: false, reason: `nats-server (pid ${pid}) is not running` };
      if (!(await isHealthy(s.monitorPort, opts))) {
        return {
          ok: false,
          reason: `nats-server (pid ${pid}) is not healthy on monitoring port ${s.monitorPort}`,
        };
      }
      return { ok: true };
    },

    async teardown(ctx, { purge }): Promise<void> {
      const s = spec(ctx);
      const r = await stopServer(s, { ...opts, log: ctx.log });
      if (r === 'stopped') ctx.log.info(`stopped nats-server ${s.serverName}`);
      if (purge) {
        await removeStore(s);
        ctx.log.info(`removed the JetStream store ${serverFiles(s.dir).storeDir}`);
      }
    },

    connection(ctx): NatsConnectionSpec {
      const s = spec(ctx);
      return { servers: [url(s)], ...s.auth, tls: clientTlsFor(s.tls), jetstreamDomain: s.jetstreamDomain };
    },

    async nodes(ctx): Promise<NodeStatus[]> {
      const s = spec(ctx);
      const pid = await readPidFile(serverFiles(s.dir).pidFile);
      const alive = pid !== undefined && isAlive(pid);
      const healthy = alive && (await isHealthy(s.monitorPort, opts));
      return [
        {
          name: s.serverName,
          url: url(s),
          healthy,
          pid: alive ? pid : undefined,
          detail: healthy ? undefined : alive ? 'not healthy' : 'not running',
        },
      ];
    },
  };
}
