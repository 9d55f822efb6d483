// `natsgh controller run`: connects to NATS (reconnecting forever), ensures the
// streams and buckets it owns, answers ping (and doctor) requests, consumes
// GITHUB_EVENTS, regenerates the org's .github repository under a per-repo lock,
// reconciles periodically, publishes heartbeats and serves /healthz, /readyz,
// /metrics on 127.0.0.1. stop() drains and returns; it works without GitHub.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import type { NatsConnection } from '@nats-io/nats-core';
import type { NatsghConfig } from '../config/keys.js';
import type { GithubClient } from '../github/client.js';
import { deploymentReplicas } from '../nats/buckets.js';
import {
  connectionSpecFromConfig,
  connectNats,
  drainUntilClosed,
  type NatsConnectionSpec,
} from '../nats/connect.js';
import { controllerDurableName, controllerPingSubject } from '../nats/names.js';
import { redact } from '../redact.js';
import { type EventConsumer, startEventConsumer } from './consumer.js';
import { decideEvent, decideFromSubject } from './decide.js';
import { startHealthServer } from './health-server.js';
import { controllerMetrics, countGithubResponses, type MetricsRegistry } from './metrics.js';

export { DELIVERIES_TTL_MS } from '../nats/buckets.js';

export interface ControllerOptions {
  config: NatsghConfig;
  version: string;
  /** 0 picks a free port (tests). */
  controllerPort?: number;
  /** Address of the health endpoints (default: 127.0.0.1; 0.0.0.0 inside a container so probes reach it). */
  controllerHost?: string;
  /** Also serve `webhook serve` on this port. */
  webhookPort?: number;
  /** Periodic reconcile of the org's generated repository; 0 disables it. */
  resyncIntervalMs: number;
  concurrency: number;
  heartbeatIntervalMs?: number;
  /** Injected GitHub client or factory (tests); null = none; default: built from the configuration. */
  github?: GithubClient | null | ((metrics: MetricsRegistry) => Promise<GithubClient>);
  durableName?: string;
  instanceId?: string;
  log?: (line: string) => void;
  /** Base of the nak backoff (tests shorten it). */
  backoffBaseMs?: number;
  /** How long a regeneration waits for another holder of the repo lock. */
  lockWaitMs?: number;
  /** POST /shutdown on the health port with this bearer token calls onRequest (graceful stop on Windows). */
  shutdown?: import('./health-server.js').ShutdownRequest;
}

export interface RunningController {
  instanceId: string;
  controllerPort: number;
  webhookPort?: number;
  metrics: MetricsRegistry;
  nc: NatsConnection;
  /** Runs one reconcile of the org's generated repository now. */
  reconcile(): Promise<void>;
  stop(): Promise<void>;
}

export interface ControllerRunResult {
  deployment: string;
  instanceId: string;
  stoppedBy: string;
  eventsReceived: number;
  eventsProcessed: number;
  commits: number;
}

/** Loopback, except in a container, where kubelet and docker probe the pod/container address. */
export function defaultControllerHost(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NATSGH_CONTROLLER_HOST) return env.NATSGH_CONTROLLER_HOST;
  return env.KUBERNETES_SERVICE_HOST || existsSync('/.dockerenv') ? '0.0.0.0' : '127.0.0.1';
}

export function defaultDurableName(deployment: string): string {
  return controllerDurableName(deployment);
}

export async function startController(opts: ControllerOptions): Promise<RunningController> {
  const { config } = opts;
  const deployment = config.deployment;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${redact(line)}\n`));
  const instanceId = opts.instanceId ?? randomUUID();
  const startedUnixMs = Date.now();
  const metrics = controllerMetrics();
  const spec: NatsConnectionSpec = connectionSpecFromConfig(config);
  const nc = await connectNats(spec, { name: `natsgh-controller-${deployment}`, reconnectForever: true });
  const stoppers: Array<() => Promise<void>> = [];
  /** Re-attaches the event publisher after a reconnect (it queues to disk while NATS is away). */
  let onReconnect: () => void = () => undefined;
  let connected = true;
  metrics.set('natsgh_nats_connected', 1);
  (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') {
        connected = false;
        metrics.set('natsgh_nats_connected', 0);
        log('NATS disconnected; reconnecting');
      } else if (s.type === 'error') {
        // An expired user JWT or a permissions violation at run time: say what to do (nats/nats-errors.ts).
        const { natsErrorFor } = await import('../nats/nats-errors.js');
        const mapped = natsErrorFor((s as { error?: unknown }).error, { deployment });
        if (mapped) log(`${mapped.message}. ${mapped.suggestions.join(' ')}`);
      } else if (s.type === 'reconnect') {
        connected = true;
        metrics.set('natsgh_nats_connected', 1);
        log('NATS reconnected');
        onReconnect();
      }
    }
  })().catch(() => undefined);

  try {
    const { createEventPublisher } = await import('../events/publisher.js');
    const { ensureControllerStreams } = await import('./streams.js');
    // R3 on a cluster (the configuration says so), 1 otherwise; existing streams are only raised.
    const replicas = deploymentReplicas(config);
    const { streamSizes } = await import('../nats/sizing.js');
    const sizes = streamSizes(config);
    // Before creating anything: the user's permissions and the account's limits (nats/preflight.ts).
    const durableName = opts.durableName ?? defaultDurableName(deployment);
    const { preflightNats } = await import('../nats/preflight.js');
    const plan = await preflightNats(nc, spec, {
      deployment,
      role: 'controller',
      sizes,
      replicas,
      durable: durableName,
    });
    const { deliveries, locks } = await ensureControllerStreams(nc, spec, { replicas, warn: log, sizes });

    const publisher = createEventPublisher({
      stateDir: config.stateDir,
      deployment,
      source: `natsgh-controller/${opts.version}`,
      replicas,
      warn: log,
      sizes,
    });
    await publisher.attach(nc, spec);
    stoppers.push(() => publisher.close());
    onReconnect = () => {
      publisher
        .attach(nc, spec)
        .catch((err) => log(`could not flush queued events: ${redact((err as Error).message)}`));
    };

    let github: GithubClient | undefined;
    if (typeof opts.github === 'function') github = await opts.github(metrics);
    else if (opts.github !== undefined) github = opts.github ?? undefined;
    else {
      const { githubClientFromConfig } = await import('../github/client.js');
      github = await githubClientFromConfig(config, { onResponse: countGithubResponses(metrics) });
    }
    const selfLogins = new Set<string>();
    if (github) {
      for (const login of await github.identityLogins().catch(() => [])) selfLogins.add(login.toLowerCase());
    }

    let regenerateTarget: ((owner: string, repo: string, working?: () => void) => Promise<void>) | undefined;
    if (github) {
      const { regenerateRepository } = await import('./regenerate.js');
      const { renderVariablesFromConfig } = await import('../render/render.js');
      const { filesGeneratedEvent } = await import('../events/builders.js');
      const gh = github;
      // One regeneration per repo at a time in this process; requests arriving while one
      // waits to start share it (it will see everything they asked about).
      const queues = new Map<string, { tail: Promise<void>; pending?: Promise<void> }>();
      const coalesced = (key: string, fn: () => Promise<void>): Promise<void> => {
        const q = queues.get(key) ?? { tail: Promise.resolve() };
        queues.set(key, q);
        if (q.pending) return q.pending;
        const run = q.tail
          .catch(() => undefined)
          .then(() => {
            q.pending = undefined;
            return fn();
          });
        q.pending = run;
        q.tail = run;
        return run;
      };
      const regenerateOnce = async (owner: string, repo: string, working?: () => void) => {
        const result = await regenerateRepository({
          github: gh,
          owner,
          repo,
          variables: { ...renderVariablesFromConfig({ ...config, org: owner }) },
          locks,
          instanceId,
          metrics,
          lockWaitMs: opts.lockWaitMs ?? 120_000,
          working,
          viaPullRequest: config.github.viaPullRequest,
        });
        if (result.changed)
          log(`committed ${result.commit} to ${owner}/${repo} (${result.changedPaths.length} files)`);
        await publisher
          .publish(
            filesGeneratedEvent({
              deployment,
              runId: instanceId,
              repo: `${owner}/${repo}`,
              commit: result.commit,
              files: result.files,
              renderHash: result.hash,
              target: 'github',
              changed: result.changed,
            }),
          )
          .catch((err) => log(`could not publish FilesGeneratedEvent: ${(err as Error).message}`));
      };
      regenerateTarget = (owner, repo, working) =>
        coalesced(`${owner.toLowerCase()}/${repo.toLowerCase()}`, () => regenerateOnce(owner, repo, working));
    }

    const decisionContext = { org: config.org, generatedRepo: config.github.repo, selfLogins };
    const consumer: EventConsumer = await startEventConsumer({
      nc,
      spec,
      durableName,
      deployment,
      maxAckPending: plan.maxAckPending,
      deliveries,
      concurrency: opts.concurrency,
      metrics,
      instanceId,
      log,
      backoffBaseMs: opts.backoffBaseMs,
      decide: (event) => decideEvent(event, decisionContext),
      prefilter: (event) => decideFromSubject(event, decisionContext),
      regenerate: regenerateTarget
        ? (target, { working }) => regenerateTarget!(target.owner, target.repo, working)
        : undefined,
    });
    stoppers.unshift(() => consumer.stop());

    const reconcile = async () => {
      if (!regenerateTarget || !config.org) return;
      await regenerateTarget(config.org, config.github.repo);
    };
    if (opts.resyncIntervalMs > 0) {
      let running = false;
      const timer = setInterval(() => {
        if (running || !connected) return;
        running = true;
        reconcile()
          .catch((err) => log(`reconcile failed: ${redact((err as Error).message)}`))
          .finally(() => {
            running = false;
          });
      }, opts.resyncIntervalMs);
      timer.unref();
      stoppers.unshift(async () => clearInterval(timer));
    }

    const pingSub = nc.subscribe(controllerPingSubject(deployment), {
      callback: (_err, msg) => {
        msg.respond(
          JSON.stringify({ ok: true, pid: process.pid, version: opts.version, deployment, instanceId }),
        );
      },
    });
    const { controllerDoctorSubject } = await import('./remote-doctor.js');
    const doctorSub = nc.subscribe(controllerDoctorSubject(deployment), {
      callback: (_err, msg) => {
        answerDoctor(config, msg.data)
          .then((doc) => msg.respond(JSON.stringify(doc)))
          .catch((err) => msg.respond(JSON.stringify({ ok: false, error: redact((err as Error).message) })));
      },
    });
    stoppers.push(async () => {
      pingSub.unsubscribe();
      doctorSub.unsubscribe();
    });

    const { controllerHeartbeat } = await import('../events/builders.js');
    let beat = 0;
    const heartbeatIntervalMs = opts.heartbeatIntervalMs ?? 30_000;
    const sendHeartbeat = () => {
      beat++;
      publisher
        .publish(
          controllerHeartbeat({
            deployment,
            instanceId,
            host: hostname(),
            pid: process.pid,
            version: opts.version,
            startedUnixMs,
            beat,
            eventsProcessed: metrics.total('natsgh_events_processed_total'),
            commitsMade: metrics.total('natsgh_commits_total'),
            pending: metrics.get('natsgh_inflight'),
            intervalMs: heartbeatIntervalMs,
          }),
        )
        .catch(() => undefined);
    };
    sendHeartbeat();
    const hb = setInterval(sendHeartbeat, heartbeatIntervalMs);
    hb.unref();
    stoppers.unshift(async () => clearInterval(hb));

    const health = await startHealthServer({
      port: opts.controllerPort ?? config.controller.port,
      host: opts.controllerHost ?? defaultControllerHost(),
      metrics,
      liveness: () => ({ ready: consumer.running, details: { consumer: { running: consumer.running } } }),
      shutdown: opts.shutdown,
      readiness: () => ({
        ready: connected && consumer.running,
        details: {
          nats: { connected },
          consumer: { running: consumer.running },
          github: github
            ? { ready: true }
            : { ready: false, reason: 'no GitHub credentials (GITHUB_TOKEN or a GitHub App)' },
        },
      }),
    });
    stoppers.push(() => health.close());

    let webhookPort: number | undefined;
    if (opts.webhookPort !== undefined) {
      const { startWebhookServer } = await import('../webhook/server.js');
      const { parseWebhookSecrets } = await import('../config/webhook-secrets.js');
      const webhook = await startWebhookServer({
        nc,
        spec,
        port: opts.webhookPort,
        secrets: parseWebhookSecrets(config.webhook.secret),
        metrics,
        log,
        replicas,
      });
      webhookPort = webhook.port;
      stoppers.unshift(() => webhook.close());
    }

    log(
      `controller ${instanceId} running: deployment ${deployment}, health on ${opts.controllerHost ?? defaultControllerHost()}:${health.port}` +
        (webhookPort !== undefined ? `, webhooks on :${webhookPort}` : '') +
        (github ? '' : ' (no GitHub credentials: events needing GitHub are ignored)'),
    );

    let stopped: Promise<void> | undefined;
    return {
      instanceId,
      controllerPort: health.port,
      webhookPort,
      metrics,
      nc,
      reconcile,
      stop() {
        stopped ??= (async () => {
          for (const s of stoppers) await s().catch(() => undefined);
          await drainUntilClosed(nc);
        })();
        return stopped;
      },
    };
  } catch (err) {
    for (const s of stoppers) await s().catch(() => undefined);
    await nc.close().catch(() => undefined);
    throw err;
  }
}

/** Runs the doctor where the controller runs (doctor --remote). */
async function answerDoctor(config: NatsghConfig, data: Uint8Array): Promise<unknown> {
  let request: { ignore?: string[] } = {};
  try {
    if (data.length > 0) request = JSON.parse(new TextDecoder().decode(data));
  } catch {
    // An empty or unreadable request runs every check.
  }
  const { runDoctor } = await import('../doctor/run.js');
  return runDoctor({ config, ignore: request.ignore ?? [], timeoutMs: 20_000 });
}

/** Runs until `signal` aborts, then drains and returns a summary (exit 0). */
export async function runController(
  opts: ControllerOptions & { signal: AbortSignal },
): Promise<ControllerRunResult> {
  const running = await startController(opts);
  const stoppedBy = await new Promise<string>((resolve) => {
    if (opts.signal.aborted) resolve('signal');
    opts.signal.addEventListener(
      'abort',
      () => resolve(String((opts.signal.reason as Error)?.message ?? 'signal')),
      {
        once: true,
      },
    );
  });
  await running.stop();
  return {
    deployment: opts.config.deployment,
    instanceId: running.instanceId,
    stoppedBy,
    eventsReceived: running.metrics.total('natsgh_events_received_total'),
    eventsProcessed: running.metrics.total('natsgh_events_processed_total'),
    commits: running.metrics.total('natsgh_commits_total'),
  };
}
