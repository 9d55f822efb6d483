// `--nats-type hybrid`: a local leaf node with JetStream in its own domain
// (--js-domain, default "edge") connected to a hub (--hub-url: Synadia Cloud or
// your own) with creds (--creds) or TLS (--tls-ca/--tls-cert/--tls-key).
//
// Checkpoints, locks and every natsgh bucket live in the LEAF's domain: the
// leaf is the NATS natsgh runs next to the controller, so phases and the
// controller keep working while the hub link is down (KV and JetStream are
// local) and nothing waits on a WAN round trip. The hub only carries subjects
// across the link; the leaf reconnects to it on its own when it returns.
import { join } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import type { VerifyResult } from '../contracts.js';
import { UsageError } from '../errors.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import { serverAuthFor } from '../nats/deployment-auth.js';
import { generatedServerTls } from '../nats/tls-generate.js';
import { isAlive, readPidFile } from '../system/process.js';
import {
  authPlanStep,
  clientTlsFor,
  defaultBinaryResolver,
  type LocalProvisionerOptions,
  prepareServerAuth,
} from './embedded.js';
import { displayUrl } from './external.js';
import {
  assertPortsFree,
  findRunningServer,
  isHealthy,
  type LocalServerSpec,
  lastLogLines,
  pollUntil,
  readMonitor,
  removeStore,
  renderServerConfig,
  type ServerTlsFiles,
  serverFiles,
  spawnServer,
  stopServer,
  waitForServerHealth,
} from './local-server.js';
import type { NodeStatus, PlanStep, ProvisionContext, Provisioner, ProvisionResult } from './provisioner.js';
import { checkedCreds, credsOutputs } from './synadia.js';

export const HYBRID_DEFAULT_DOMAIN = 'edge';

/** The leaf's outbound connection to the hub, independent of where the leaf runs (dev, compose, Helm). */
export interface LeafRemote {
  urls: string[];
  /** Path of the .creds file as the leaf server sees it. */
  credentials?: string;
  tls?: { ca?: string; cert?: string; key?: string };
}

export function hubUrls(config: NatsghConfig): string[] {
  if (!config.nats.hubUrl) {
    throw new UsageError('--nats-type hybrid needs the hub the leaf node connects to', {
      code: 'hub_url_missing',
      details: { flag: '--hub-url', env: 'NATSGH_HUB_URL' },
      suggestions: [
        'Pass --hub-url (or NATSGH_HUB_URL), e.g. tls://connect.ngs.global:7422 for Synadia Cloud or nats-leaf://hub.example.com:7422, with --creds or --tls-cert/--tls-key.',
      ],
    });
  }
  return config.nats.hubUrl.split(',').map((u) => u.trim());
}

/** The remote from the configuration; `paths` maps host paths to what the server sees (containers). */
export function leafRemoteFromConfig(
  config: NatsghConfig,
  paths: (p: string) => string = (p) => p,
): LeafRemote {
  const tls = config.nats.tls;
  return {
    urls: hubUrls(config),
    credentials: config.nats.credsFile ? paths(config.nats.credsFile) : undefined,
    tls:
      tls.ca || tls.cert || tls.key
        ? {
            ca: tls.ca ? paths(tls.ca) : undefined,
            cert: tls.cert ? paths(tls.cert) : undefined,
            key: tls.key ? paths(tls.key) : undefined,
          }
        : undefined,
  };
}

/**
 * nats-server config text for the leafnodes block. No `reconnect`: the server's
 * default is 1 s, and no spelling of it passes both 2.9 (wants a number) and
 * 2.10 (wants a duration string; rejects a number).
 */
export function renderLeafnodesBlock(remote: LeafRemote): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = ['leafnodes {', '  remotes: [', '    {'];
  lines.push(`      urls: [${remote.urls.map(q).join(', ')}]`);
  if (remote.credentials) lines.push(`      credentials: ${q(remote.credentials)}`);
  if (remote.tls) {
    lines.push('      tls {');
    if (remote.tls.ca) lines.push(`        ca_file: ${q(remote.tls.ca)}`);
    if (remote.tls.cert) lines.push(`        cert_file: ${q(remote.tls.cert)}`);
    if (remote.tls.key) lines.push(`        key_file: ${q(remote.tls.key)}`);
    lines.push('      }');
  }
  lines.push('    }', '  ]', '}');
  return `${lines.join('\n')}\n`;
}

interface Leafz {
  leafnodes?: number;
  leafs?: Array<{ ip?: string; port?: number; account?: string; rtt?: string }>;
}

export interface HybridOptions extends LocalProvisionerOptions {
  /** How long apply waits for the hub link before warning (default 10 s). */
  linkTimeoutMs?: number;
}

export function leafServerName(deployment: string): string {
  return `natsgh-${deployment}-leaf`;
}

/** Dev mode: the leaf node runs as a background nats-server from <stateDir>/leaf. */
export function createHybridProvisioner(config: NatsghConfig, opts: HybridOptions = {}): Provisioner {
  const resolveBinary = defaultBinaryResolver(opts);

  function domain(c: NatsghConfig): string {
    return c.nats.jetstreamDomain ?? HYBRID_DEFAULT_DOMAIN;
  }

  function spec(ctx: ProvisionContext, tls?: ServerTlsFiles): LocalServerSpec {
    const c = ctx.config ?? config;
    return {
      deployment: ctx.deployment,
      serverName: leafServerName(ctx.deployment),
      port: c.nats.port,
      monitorPort: c.nats.monitorPort,
      dir: join(ctx.stateDir, 'leaf'),
      jetstreamDomain: domain(c),
      tls,
      // The leaf's own client port; the link to the hub authenticates with --creds / TLS.
      auth: serverAuthFor(c, ctx.stateDir, ctx.deployment).client,
      portFlags: {
        port: '--nats-port (or NATSGH_NATS_PORT)',
        monitorPort: '--monitor-port (or NATSGH_MONITOR_PORT)',
      },
    };
  }

  /** The generated TLS files' paths, known without generating them (connection() is synchronous). */
  function plannedTls(ctx: ProvisionContext): ServerTlsFiles | undefined {
    const t = ctx.config.nats.tls;
    if (t.mode !== 'generate') return undefined;
    const dir = join(ctx.stateDir, 'tls');
    return {
      cert: join(dir, 'server.pem'),
      key: join(dir, 'server-key.pem'),
      ca: join(dir, 'ca.pem'),
      verify: t.verify,
      client: t.verify ? { cert: join(dir, 'client.pem'), key: join(dir, 'client-key.pem') } : undefined,
    };
  }

  function url(s: LocalServerSpec): string {
    return `${s.tls ? 'tls' : 'nats'}://127.0.0.1:${s.port}`;
  }

  async function hubLinkUp(s: LocalServerSpec): Promise<boolean> {
    const leafz = await readMonitor<Leafz>(s.monitorPort, '/leafz', opts);
    return (leafz?.leafnodes ?? leafz?.leafs?.length ?? 0) > 0;
  }

  async function configText(ctx: ProvisionContext, s: LocalServerSpec): Promise<string> {
    const base = await renderServerConfig(s);
    return `${base}\n# The leaf's link to the hub (--hub-url).\n${renderLeafnodesBlock(leafRemoteFromConfig(ctx.config))}`;
  }

  return {
    kind: 'hybrid',
    reachableAtStart: false,

    async plan(ctx): Promise<PlanStep[]> {
      const s = spec(ctx, plannedTls(ctx));
      const remote = leafRemoteFromConfig(ctx.config);
      return [
        { action: `run leaf node ${s.serverName} on ${url(s)} with JetStream domain ${s.jetstreamDomain}` },
        {
          action: `connect it to the hub ${remote.urls.map(displayUrl).join(', ')}${remote.credentials ? ` with creds ${remote.credentials}` : ''}${remote.tls ? ' over TLS' : ''}`,
        },
        { action: `keep natsgh's checkpoints and locks in domain ${s.jetstreamDomain} (on the leaf)` },
        { action: `${authPlanStep(s.auth)} on the leaf's client port` },
      ];
    },

    async apply(ctx): Promise<ProvisionResult> {
      const c = ctx.config;
      const creds = c.nats.credsFile ? await checkedCreds(ctx, 'hybrid') : undefined;
      await prepareServerAuth(ctx);
      const s = spec(ctx, await generatedServerTls(c));
      const files = serverFiles(s.dir);
      const text = await configText(ctx, s);
      let running = await findRunningServer(s, opts);
      const { readFile } = await import('node:fs/promises');
      const previous = await readFile(files.configFile, 'utf8').catch(() => undefined);
      let pid: number;
      if (running && previous === text) {
        ctx.log.info(`leaf node ${s.serverName} already runs (pid ${running.pid})`);
        pid = running.pid;
      } else {
        if (running) {
          ctx.log.info(`restarting leaf node ${s.serverName}: its configuration changed`);
          await stopServer(s, { ...opts, log: ctx.log });
        }
        await assertPortsFree(s);
        const bin = await resolveBinary(ctx);
        const started = await spawnServer(s, bin.path, text);
        pid = started.pid;
        ctx.log.info(`started leaf node ${s.serverName} (pid ${pid}) on ${url(s)}`);
        const varz = await waitForServerHealth(s, pid, {
          timeoutMs: opts.healthTimeoutMs ?? 15_000,
          signal: ctx.signal,
          fetch: opts.fetch,
        });
        running = { pid, varz };
      }
      const linked = await pollUntil(() => hubLinkUp(s), {
        timeoutMs: opts.linkTimeoutMs ?? 10_000,
        signal: ctx.signal,
        intervalMs: 100,
      });
      if (!linked) {
        // Not fatal: the controller works against the leaf alone; the link comes up when the hub does.
        ctx.log.warn(
          `the leaf is not connected to the hub ${leafRemoteFromConfig(c).urls.map(displayUrl).join(', ')} yet; it keeps retrying every second. Last lines of ${files.logFile}:\n${await lastLogLines(files.logFile, 5)}`,
        );
      }
      return {
        servers: [url(s)],
        outputs: {
          url: url(s),
          pid: String(pid),
          version: running.varz.version,
          serverId: running.varz.server_id,
          jetstreamDomain: s.jetstreamDomain ?? '',
          hubUrls: leafRemoteFromConfig(c).urls.map(displayUrl).join(','),
          hubLink: linked ? 'up' : 'down',
          configFile: files.configFile,
          ...(creds ? credsOutputs(creds) : {}),
        },
      };
    },

    async verify(ctx): Promise<VerifyResult> {
      const s = spec(ctx, plannedTls(ctx));
      const pid = await readPidFile(serverFiles(s.dir).pidFile);
      if (pid === undefined || !isAlive(pid))
        return { ok: false, reason: `leaf node ${s.serverName} is not running` };
      if (!(await isHealthy(s.monitorPort, opts))) {
        return { ok: false, reason: `leaf node ${s.serverName} is not healthy on port ${s.monitorPort}` };
      }
      if (!(await hubLinkUp(s)))
        ctx.log.warn(`leaf node ${s.serverName} is running but not connected to the hub`);
      return { ok: true };
    },

    async teardown(ctx, { purge }): Promise<void> {
      const s = spec(ctx);
      if ((await stopServer(s, { ...opts, log: ctx.log })) === 'stopped') {
        ctx.log.info(`stopped leaf node ${s.serverName}; the hub is not touched`);
      }
      if (purge) await removeStore(s);
    },

    connection(ctx): NatsConnectionSpec {
      const s = spec(ctx, plannedTls(ctx));
      return { servers: [url(s)], ...s.auth, tls: clientTlsFor(s.tls), jetstreamDomain: s.jetstreamDomain };
    },

    async nodes(ctx): Promise<NodeStatus[]> {
      const s = spec(ctx, plannedTls(ctx));
      const pid = await readPidFile(serverFiles(s.dir).pidFile);
      const alive = pid !== undefined && isAlive(pid);
      const healthy = alive && (await isHealthy(s.monitorPort, opts));
      const linked = healthy && (await hubLinkUp(s));
      const hub = leafRemoteFromConfig(ctx.config).urls.map(displayUrl).join(', ');
      return [
        {
          name: s.serverName,
          url: url(s),
          healthy,
          pid: alive ? pid : undefined,
          detail: healthy ? `JetStream domain ${s.jetstreamDomain}` : alive ? 'not healthy' : 'not running',
        },
        { name: 'hub link', url: hub, healthy: linked, detail: linked ? 'connected' : 'not connected' },
      ];
    },
  };
}
