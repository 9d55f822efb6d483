// Every stream and KV bucket natsgh creates takes the deployment's replica
// count (deploymentReplicas): R3 on a real local 3-node cluster, whether the
// controller, `webhook serve`, `events publish` or the bootstrap creates it; a
// bootstrap raises what a controller without the cluster's settings created at
// R1, and such a controller never lowers it again. A single server stays at R1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsghConfig } from '../../src/config/keys.js';
import { resolveConfig } from '../../src/config/load.js';
import { startController } from '../../src/controller/run.js';
import { publishGithubEventFile } from '../../src/events/github-publish.js';
import { deploymentReplicas } from '../../src/nats/buckets.js';
import { connectionSpecFromConfig, connectNats, type NatsConnectionSpec } from '../../src/nats/connect.js';
import { handoff } from '../../src/phases/handoff.js';
import { phaseOf } from '../../src/phases/index.js';
import { provisionNats } from '../../src/phases/provision-nats.js';
import { createLocalClusterProvisioner } from '../../src/provision/local-cluster.js';
import type { Provisioner } from '../../src/provision/provisioner.js';
import { runBootstrap } from '../../src/services/bootstrap.js';
import { openDeploymentNats } from '../../src/services/deployment-nats.js';
import { serveWebhooks } from '../../src/webhook/serve.js';
import { examplePayloads } from '../support/github-model.js';
import { clusterPorts } from '../support/local-cluster.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { provisionContext, type RecordingContext } from '../support/provision-context.js';

const CONTROLLER_STREAMS = ['KV_natsgh_deliveries', 'KV_natsgh_locks', 'GITHUB_EVENTS', 'NATSGH_EVENTS'];
const ALL_STREAMS = ['KV_natsgh_checkpoints', ...CONTROLLER_STREAMS];

async function replicasOf(jsm: JetStreamManager, streams: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of streams) out[s] = (await jsm.streams.info(s)).config.num_replicas;
  return out;
}

const each = (streams: string[], n: number) => Object.fromEntries(streams.map((s) => [s, n]));

async function deleteStreams(jsm: JetStreamManager, streams: string[]): Promise<void> {
  for (const s of streams) await jsm.streams.delete(s).catch(() => false);
}

/** The controller as `natsgh controller run` starts it, without GitHub; stopped again at once. */
async function startAndStopController(config: NatsghConfig, logs: string[] = []): Promise<void> {
  const running = await startController({
    config,
    version: '0.0.0-test',
    controllerPort: 0,
    controllerHost: '127.0.0.1',
    resyncIntervalMs: 0,
    concurrency: 1,
    heartbeatIntervalMs: 60_000,
    github: null,
    log: (line) => logs.push(line),
  });
  await running.stop();
}

/** `natsgh webhook serve` with this configuration, until it listens. */
async function startAndStopWebhookServe(config: NatsghConfig): Promise<void> {
  const stop = new AbortController();
  let listening = () => {};
  const ready = new Promise<void>((resolve) => {
    listening = resolve;
  });
  const served = serveWebhooks({
    config: { ...config, webhook: { ...config.webhook, secret: 'whsec-replicas-test' } },
    port: 0,
    signal: stop.signal,
    log: () => undefined,
    onListening: () => listening(),
  });
  await Promise.race([ready, served]);
  stop.abort();
  await served;
}

async function configFor(flags: Record<string, unknown>): Promise<NatsghConfig> {
  return (await resolveConfig({ noFile: true, env: {}, flags })).config;
}

describe('natsgh streams and buckets on a 3-node local cluster', () => {
  let ctx: RecordingContext;
  let p: Provisioner;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let spec: NatsConnectionSpec;
  /** The same NATS, seen by a controller started without the cluster's settings (a container's env). */
  let plain: NatsghConfig;

  beforeAll(async () => {
    const { port, monitor } = await clusterPorts(3);
    const flags = {
      'nats-type': 'self_hosted_cluster',
      deployment: 'rep',
      'nats-port': port,
      'monitor-port': monitor,
      replicas: 3,
    };
    ctx = await provisionContext(flags);
    p = createLocalClusterProvisioner(ctx.config);
    const result = await p.apply(ctx);
    // The servers require the deployment's credentials (made by apply); the controller,
    // webhook serve and events publish find them as every command does, in their resolved config.
    ctx.config = await configFor({ ...flags, 'state-dir': ctx.stateDir });
    expect(ctx.config.nats.password).toBeTruthy();
    spec = p.connection(ctx);
    nc = await connectNats(spec);
    const { jetstreamManager } = await import('@nats-io/jetstream');
    jsm = await jetstreamManager(nc);
    plain = await configFor({
      'nats-url': result.servers.join(','),
      deployment: 'rep',
      'state-dir': ctx.stateDir,
    });
    expect(deploymentReplicas(ctx.config)).toBe(3);
    expect(deploymentReplicas(plain)).toBe(1);
  }, 60_000);

  afterAll(async () => {
    await nc?.close().catch(() => undefined);
    await p?.teardown(ctx, { purge: true });
    if (ctx) rmSync(ctx.stateDir, { recursive: true, force: true });
  }, 60_000);

  it('the controller, webhook serve and events publish started with its configuration create theirs at R3', async () => {
    await deleteStreams(jsm, ALL_STREAMS);
    await startAndStopController(ctx.config);
    expect(await replicasOf(jsm, CONTROLLER_STREAMS)).toEqual(each(CONTROLLER_STREAMS, 3));

    await deleteStreams(jsm, ['GITHUB_EVENTS']);
    await startAndStopWebhookServe(ctx.config);
    expect(await replicasOf(jsm, ['GITHUB_EVENTS'])).toEqual({ GITHUB_EVENTS: 3 });

    await deleteStreams(jsm, ['GITHUB_EVENTS']);
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-replicas-'));
    try {
      const eventPath = join(dir, 'event.json');
      writeFileSync(eventPath, JSON.stringify(examplePayloads('push')[0]));
      const r = await publishGithubEventFile(ctx.config, {
        eventName: 'push',
        eventPath,
        runId: '1',
        runAttempt: '1',
      });
      expect(r.stream).toBe('GITHUB_EVENTS');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await replicasOf(jsm, ['GITHUB_EVENTS'])).toEqual({ GITHUB_EVENTS: 3 });
  }, 60_000);

  it('a bootstrap raises what a controller without the cluster settings created at R1, which never lowers it again', async () => {
    await deleteStreams(jsm, ALL_STREAMS);
    await startAndStopController(plain);
    expect(await replicasOf(jsm, CONTROLLER_STREAMS)).toEqual(each(CONTROLLER_STREAMS, 1));

    const warnings: string[] = [];
    const result = await runBootstrap({
      config: ctx.config,
      selection: {},
      dryRun: false,
      lockTimeoutMs: 10_000,
      interactive: false,
      assumeYes: true,
      render: 'silent',
      signal: new AbortController().signal,
      cliVersion: '0.0.0-test',
      terraform: { enabled: false, dir: 'terraform', backend: 'local', backendConfig: {}, vars: {} },
      phases: [phaseOf('provision-nats', provisionNats), phaseOf('handoff', handoff)],
      provisioner: p,
      log: { info: () => undefined, warn: (l) => warnings.push(l) },
    });
    expect(result.ok, JSON.stringify(result.phases)).toBe(true);
    expect(warnings).toEqual([]);
    expect(await replicasOf(jsm, ALL_STREAMS)).toEqual(each(ALL_STREAMS, 3));

    // Restarting the controller that asks for 1 replica keeps them at 3 (idempotent, never lowered).
    const logs: string[] = [];
    await startAndStopController(plain, logs);
    expect(await replicasOf(jsm, ALL_STREAMS)).toEqual(each(ALL_STREAMS, 3));
    expect(logs.filter((l) => /replica/i.test(l))).toEqual([]);
  }, 60_000);
});

describe('natsgh streams and buckets on a single server', () => {
  let server: TestNatsServer;
  let stateDir: string;

  beforeAll(async () => {
    server = await startNatsServer();
    stateDir = mkdtempSync(join(tmpdir(), 'natsgh-replicas-single-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it('stay at R1', async () => {
    const config = await configFor({
      'nats-type': 'self_hosted',
      'nats-url': server.url,
      deployment: 'one',
      'state-dir': stateDir,
    });
    const replicas = deploymentReplicas(config);
    expect(replicas).toBe(1);
    const n = await openDeploymentNats(connectionSpecFromConfig(config), { create: true, replicas });
    await n.close();
    await startAndStopController(config);
    await startAndStopWebhookServe(config);
    const nc = await connectNats({ servers: [server.url] });
    try {
      const { jetstreamManager } = await import('@nats-io/jetstream');
      expect(await replicasOf(await jetstreamManager(nc), ALL_STREAMS)).toEqual(each(ALL_STREAMS, 1));
    } finally {
      await nc.close();
    }
  });
});
