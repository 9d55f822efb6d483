// The controller against real NATS and the stateful GitHub model: triggers,
// one atomic commit, no loops, dedupe after the duplicate window, racing
// controllers, a ref that moves mid-commit, reconcile of a hand edit, GitHub
// 5xx and rate limits, NATS restarted mid-stream.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NatsghConfig } from '../../src/config/keys.js';
import { resolveConfig } from '../../src/config/load.js';
import { countGithubResponses, type MetricsRegistry } from '../../src/controller/metrics.js';
import { type RunningController, startController } from '../../src/controller/run.js';
import { publishGithubEvent } from '../../src/events/github-publish.js';
import { createGithubClient } from '../../src/github/client.js';
import { connectNats } from '../../src/nats/connect.js';
import { GITHUB_API, GithubModel, regenerateDispatch } from '../support/github-model.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';

const ORG = 'acme';
const REPO = '.github';
let nats: TestNatsServer;
let model: GithubModel;
let stateDir: string;
let config: NatsghConfig;
let client: NatsConnection;
const running: RunningController[] = [];
let deliveryCounter = 0;

beforeAll(() => {
  // Behaviour, not throughput: writes unpaced (the client does not pace them either).
  model = new GithubModel({ writeGapMs: 0 }).listen();
});
afterAll(() => model.close());

beforeEach(async () => {
  nats = await startNatsServer();
  stateDir = mkdtempSync(join(tmpdir(), 'natsgh-ctlgh-'));
  model.repos.clear();
  model.requests.length = 0;
  model.createRepo(ORG, REPO, { 'README.md': '# acme .github\n', 'SUPPORT.md': 'our own support page\n' });
  config = (
    await resolveConfig({
      noFile: true,
      env: {},
      flags: { 'nats-url': nats.url, org: ORG, deployment: 't', 'state-dir': stateDir },
    })
  ).config;
  client = await connectNats({ servers: [nats.url] });
});

afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
  await client.close();
  await nats.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

async function controller(opts: { durable?: string; webhookPort?: number } = {}): Promise<RunningController> {
  const github = (metrics: MetricsRegistry) =>
    createGithubClient({ kind: 'token', token: 'ghp_testtokentesttokentesttoken1234' }, GITHUB_API, {
      writeMinTimeMs: 0,
      retryAfterBaseMs: 5,
      onResponse: countGithubResponses(metrics),
    });
  const r = await startController({
    config,
    version: '0.0.0-test',
    controllerPort: 0,
    resyncIntervalMs: 0,
    concurrency: 4,
    github,
    durableName: opts.durable,
    webhookPort: opts.webhookPort,
    backoffBaseMs: 50,
    heartbeatIntervalMs: 60_000,
    log: () => undefined,
  });
  running.push(r);
  return r;
}

const dispatchPayload = () => regenerateDispatch(ORG, REPO);

async function publish(event: string, payload: unknown, delivery = `d-${++deliveryCounter}`) {
  return publishGithubEvent(
    client,
    { servers: [nats.url] },
    {
      eventName: event,
      payload: new TextEncoder().encode(JSON.stringify(payload)),
      msgId: delivery,
      ensureStream: false,
    },
  );
}

async function until(what: string | (() => string), fn: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A regenerate dispatch delivered to the controller's webhook port as GitHub sends it, signed with `secret`. */
async function postDispatch(port: number, secret: string, delivery: string): Promise<Response> {
  const { signBody } = await import('../../src/github/webhook-signature.js');
  const body = JSON.stringify(dispatchPayload());
  return fetch(`http://127.0.0.1:${port}/webhook`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'repository_dispatch',
      'x-github-delivery': delivery,
      'x-hub-signature-256': signBody(secret, body),
    },
  });
}

const settled = (r: RunningController, n: number) => () =>
  r.metrics.total('natsgh_events_received_total') >= n && r.metrics.get('natsgh_inflight') === 0;
const generatedCommits = () =>
  model.log(ORG, REPO).filter((c) => /Natsgh-Generated: [0-9a-f]{64}/.test(c.message));

describe('controller with GitHub', () => {
  it('regenerates once on a dispatch and ignores its own push (no loop)', async () => {
    const r = await controller();
    await publish('repository_dispatch', dispatchPayload());
    await until('first commit', () => r.metrics.total('natsgh_commits_total') === 1);
    const files = model.files(ORG, REPO);
    expect(files.get('SECURITY.md')).toContain('acme');
    expect(files.get('.natsgh/manifest.json')).toContain('"SECURITY.md"');
    expect(files.get('SUPPORT.md')).toBe('our own support page\n');
    expect(model.log(ORG, REPO)[0].message).toMatch(/\n\nNatsgh-Generated: [0-9a-f]{64}\n/);

    await publish('push', model.lastCommitAsPush(ORG, REPO));
    await publish('push', model.lastCommitAsPush(ORG, REPO, 'someone-else'), 'own-trailer');
    await until('pushes decided', settled(r, 3));
    expect(r.metrics.get('natsgh_events_ignored_total', { reason: 'own_push' })).toBe(1);
    expect(r.metrics.get('natsgh_events_ignored_total', { reason: 'own_commit' })).toBe(1);
    // A dispatch on an unchanged render reaches a fixed point: no second commit.
    await publish('repository_dispatch', dispatchPayload());
    await until(
      'fixed point',
      () => r.metrics.get('natsgh_regenerations_total', { result: 'unchanged' }) === 1,
    );
    expect(generatedCommits()).toHaveLength(1);
  });

  it('receives a signed webhook inside controller run and publishes FilesGenerated and heartbeat events', async () => {
    config.webhook.secret = 'whsec-in-controller-123';
    const r = await controller({ webhookPort: 0 });
    const res = await postDispatch(r.webhookPort!, 'whsec-in-controller-123', 'via-webhook-1');
    expect(res.status).toBe(202);
    await until('commit', () => r.metrics.total('natsgh_commits_total') === 1);
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const { decodeEvent } = await import('../../src/events/builders.js');
    const jsm = await jetstreamManager(client);
    const files = await jsm.streams.getMessage('NATSGH_EVENTS', { last_by_subj: 'natsgh.events.t.files' });
    const decoded = decodeEvent(files!.data) as any;
    expect(JSON.stringify(decoded)).toContain(model.head(ORG, REPO));
    const beat = await jsm.streams.getMessage('NATSGH_EVENTS', { last_by_subj: 'natsgh.events.t.heartbeat' });
    expect(beat).toBeTruthy();
  });

  it('a push to natsgh.yaml regenerates with its variables; unrelated pushes are ignored', async () => {
    const r = await controller();
    await publish('push', model.push(ORG, REPO, { 'docs/x.md': 'x' }));
    await publish(
      'push',
      model.push(
        ORG,
        REPO,
        { 'natsgh.yaml': 'variables:\n  org_name: Acme Widgets\n' },
        { message: 'configure' },
      ),
    );
    await until('commit', () => r.metrics.total('natsgh_commits_total') === 1);
    expect(model.files(ORG, REPO).get('CONTRIBUTING.md')).toContain('Contributing to Acme Widgets');
    expect(r.metrics.get('natsgh_events_ignored_total', { reason: 'push_without_natsgh_changes' })).toBe(1);
  });

  it('dedupes a redelivery that arrives after the duplicate window', async () => {
    const r = await controller();
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const jsm = await jetstreamManager(client);
    const info = await jsm.streams.info('GITHUB_EVENTS');
    await jsm.streams.update('GITHUB_EVENTS', { ...info.config, duplicate_window: 200 * 1_000_000 });
    const first = await publish('repository_dispatch', dispatchPayload(), 'same-delivery');
    await until('processed', () => r.metrics.total('natsgh_events_processed_total') === 1);
    await new Promise((res) => setTimeout(res, 400));
    const again = await publish('repository_dispatch', dispatchPayload(), 'same-delivery');
    expect(again.duplicate).toBe(false);
    expect(again.seq).toBeGreaterThan(first.seq);
    await until('dedupe', () => r.metrics.total('natsgh_events_deduplicated_total') === 1);
    expect(r.metrics.total('natsgh_events_processed_total')).toBe(1);
  });

  it('two controllers racing for one repo commit once', async () => {
    const a = await controller({ durable: 'racer-a' });
    const b = await controller({ durable: 'racer-b' });
    // Both reconcile at once: the per-repo lock serializes them, the second sees a fixed point.
    await Promise.all([a.reconcile(), b.reconcile()]);
    const total = (name: string, labels?: Record<string, string>) =>
      labels
        ? a.metrics.get(name, labels) + b.metrics.get(name, labels)
        : a.metrics.total(name) + b.metrics.total(name);
    expect(total('natsgh_commits_total')).toBe(1);
    expect(total('natsgh_regenerations_total', { result: 'unchanged' })).toBe(1);
    expect(total('natsgh_lock_waits_total')).toBe(1);
    // Both see both deliveries (separate durables); each delivery is processed by exactly one.
    await publish('repository_dispatch', dispatchPayload());
    await publish('repository_dispatch', dispatchPayload());
    await until(
      'both deliveries decided',
      () => total('natsgh_events_processed_total') + total('natsgh_events_deduplicated_total') === 4,
    );
    expect(total('natsgh_events_processed_total')).toBe(2);
    expect(generatedCommits()).toHaveLength(1);
  });

  it('rebuilds on the new head when the ref moves mid-commit', async () => {
    const r = await controller();
    let personCommit = '';
    model.beforeNext('PATCH', /\/git\/refs\/heads\//, () => {
      model.push(ORG, REPO, { 'docs/guide.md': 'by hand\n' });
      personCommit = model.head(ORG, REPO);
    });
    await publish('repository_dispatch', dispatchPayload());
    await until('commit', () => r.metrics.total('natsgh_commits_total') === 1);
    const [head] = model.log(ORG, REPO);
    expect(head.parents).toEqual([personCommit]);
    const files = model.files(ORG, REPO);
    expect(files.get('docs/guide.md')).toBe('by hand\n');
    expect(files.has('SECURITY.md')).toBe(true);
    expect(model.countRequests('PATCH', /\/git\/refs\//)).toBe(2);
  });

  it('the reconcile reverts a hand edit of a generated file', async () => {
    const r = await controller();
    await r.reconcile();
    const generated = model.files(ORG, REPO).get('SECURITY.md');
    model.push(ORG, REPO, { 'SECURITY.md': 'edited by hand\n' });
    await r.reconcile();
    expect(model.files(ORG, REPO).get('SECURITY.md')).toBe(generated);
    expect(generatedCommits()).toHaveLength(2);
    await r.reconcile();
    expect(generatedCommits()).toHaveLength(2);
  });

  it('survives GitHub 5xx and rate limits', async () => {
    const r = await controller();
    model.fail('POST', /\/git\/trees$/, 502, { count: 2 });
    model.fail('GET', /\/git\/ref\//, 500, { count: 1 });
    model.rateLimit(1, 0);
    await publish('repository_dispatch', dispatchPayload());
    await until('commit', () => r.metrics.total('natsgh_commits_total') === 1, 20_000);
    expect(r.metrics.get('natsgh_github_calls_total', { status: '502' })).toBe(2);
    expect(r.metrics.get('natsgh_github_calls_total', { status: '403' })).toBe(1);
    expect(r.metrics.get('natsgh_github_rate_limit_remaining')).toBeGreaterThan(0);
    expect(generatedCommits()).toHaveLength(1);
  });

  it('names the missing permission when GitHub refuses a workflow file, and terms the event', async () => {
    const r = await controller();
    model.fail('PATCH', /\/git\/refs\//, 403, {
      body: {
        message:
          'refusing to allow a GitHub App to create or update workflow `.github/workflows/natsgh-events.yml` without `workflows` permission',
      },
    });
    await publish('repository_dispatch', dispatchPayload());
    await until('term', () => r.metrics.get('natsgh_events_failed_total', { outcome: 'term' }) === 1);
    const { regenerateRepository } = await import('../../src/controller/regenerate.js');
    const github = await createGithubClient({ kind: 'token', token: 'ghp_x' }, GITHUB_API, {
      writeMinTimeMs: 0,
    });
    const { renderVariablesFromConfig } = await import('../../src/render/render.js');
    model.fail('PATCH', /\/git\/refs\//, 403, {
      body: {
        message:
          'refusing to allow a GitHub App to create or update workflow `.github/workflows/x.yml` without `workflows` permission',
      },
    });
    await expect(
      regenerateRepository({
        github,
        owner: ORG,
        repo: REPO,
        variables: renderVariablesFromConfig(config),
        instanceId: 'x',
      }),
    ).rejects.toMatchObject({ code: 'github_permission', details: { permission: 'workflows: write' } });
  });

  it('NATS restarted mid-stream: no event lost, none processed twice', async () => {
    const r = await controller();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(`restart-${i}`);
      await publish('repository_dispatch', dispatchPayload(), `restart-${i}`);
    }
    await until('some processed', () => r.metrics.total('natsgh_events_processed_total') >= 3);
    await nats.kill();
    await new Promise((res) => setTimeout(res, 300));
    await nats.restart();
    await until('client reconnected', () => !client.isClosed() && client.info !== undefined, 10_000);
    for (let i = 10; i < 20; i++) {
      ids.push(`restart-${i}`);
      for (let attempt = 0; ; attempt++) {
        try {
          await publish('repository_dispatch', dispatchPayload(), `restart-${i}`);
          break;
        } catch (err) {
          if (attempt > 40) throw err;
          await new Promise((res) => setTimeout(res, 100));
        }
      }
    }
    await until(
      () =>
        `all processed: ${r.metrics
          .render()
          .split('\n')
          .filter((l) => l && !l.startsWith('#') && !l.endsWith(' 0'))
          .join(' | ')}`,
      () =>
        r.metrics.total('natsgh_events_processed_total') +
          r.metrics.total('natsgh_events_deduplicated_total') >=
        20,
      // A lock whose release was cut off by the outage lapses after its lease (30 s).
      60_000,
    );
    await new Promise((res) => setTimeout(res, 500));
    expect(r.metrics.total('natsgh_events_processed_total')).toBe(20);
    const { Kvm } = await import('@nats-io/kv');
    const kv = await new Kvm(client).open('natsgh_deliveries');
    const keys: string[] = [];
    for await (const k of await kv.keys()) keys.push(k);
    // Processed deliveries are scoped by deployment ('t' here): deployments sharing an account each process every one.
    const { deliveryKey } = await import('../../src/nats/names.js');
    expect(keys.sort()).toEqual(ids.map((id) => deliveryKey('t', id)).sort());
    expect(generatedCommits()).toHaveLength(1);
    // Events published while NATS was away were queued on disk and flushed after the reconnect.
    const { eventQueuePath } = await import('../../src/events/publisher.js');
    const { existsSync } = await import('node:fs');
    expect(existsSync(eventQueuePath(stateDir, 't'))).toBe(false);
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const jsm = await jetstreamManager(client);
    const files = await jsm.streams.getMessage('NATSGH_EVENTS', { last_by_subj: 'natsgh.events.t.files' });
    expect(files).toBeTruthy();
  }, 90_000);
});

describe('controller against hostile events', () => {
  it('a poisoned push (commits: [null], non-string paths) does not stop it: the next event is processed', async () => {
    const r = await controller();
    const poison = model.push(ORG, REPO, { 'docs/x.md': 'x\n' });
    poison.commits = [null, { message: 7, modified: [42, null, { path: 'natsgh.yaml' }] }];
    await publish('push', poison, 'poison-1');
    await publish('repository_dispatch', dispatchPayload(), 'valid-after-poison');
    await until(
      'the valid event after the poisoned one',
      () => r.metrics.total('natsgh_commits_total') === 1,
    );
    const health = await fetch(`http://127.0.0.1:${r.controllerPort}/healthz`);
    expect(health.status).toBe(200);
  });

  /** The consumer alone, on its own durable and claim bucket, with the decision and regeneration given. */
  async function bareConsumer(
    name: string,
    regenerate: (deliveryId: string) => Promise<void>,
    decide?: (payload: Record<string, any>) => void,
    /** Wraps the deliveries bucket the consumer uses (to fail a request as an outage does). */
    wrap?: (kv: import('@nats-io/kv').KV) => import('@nats-io/kv').KV,
  ) {
    const { startEventConsumer } = await import('../../src/controller/consumer.js');
    const { controllerMetrics } = await import('../../src/controller/metrics.js');
    const { Kvm } = await import('@nats-io/kv');
    const { ensureGithubEventsStream } = await import('../../src/events/publisher.js');
    await ensureGithubEventsStream(client, { servers: [nats.url] });
    const deliveries = await new Kvm(client).create(`${name}_deliveries`);
    const metrics = controllerMetrics();
    const lines: string[] = [];
    const consumer = await startEventConsumer({
      nc: client,
      spec: { servers: [nats.url] },
      durableName: name,
      deliveries: wrap ? wrap(deliveries) : deliveries,
      concurrency: 2,
      metrics,
      instanceId: name,
      log: (line) => lines.push(line),
      backoffBaseMs: 5,
      maxBackoffMs: 40,
      decide: (e) => {
        decide?.(e.payload);
        return { action: 'regenerate', owner: ORG, repo: REPO, reason: 'test' };
      },
      regenerate: (t) => regenerate(t.deliveryId),
    });
    return { consumer, deliveries, metrics, lines };
  }

  it('an event whose handling throws is terminated, counted and logged once; the loop goes on', async () => {
    const regenerated: string[] = [];
    const { consumer, metrics, lines } = await bareConsumer(
      'poison',
      async (id) => {
        regenerated.push(id);
      },
      (payload) => {
        if (payload.poison) throw new TypeError("Cannot read properties of null (reading 'message')");
      },
    );
    try {
      await publish('repository_dispatch', { ...dispatchPayload(), poison: true }, 'throws-1');
      await publish('repository_dispatch', dispatchPayload(), 'after-throw');
      await until('the valid event', () => regenerated.includes('after-throw'));
      await new Promise((res) => setTimeout(res, 300));
      expect(regenerated).toEqual(['after-throw']);
      expect(metrics.get('natsgh_events_malformed_total')).toBe(1);
      expect(metrics.get('natsgh_events_failed_total', { outcome: 'term' })).toBe(1);
      expect(lines.filter((l) => l.includes('throws-1'))).toHaveLength(1);
      expect(consumer.running).toBe(true);
    } finally {
      await consumer.stop();
    }
  });

  // Seen in CI's chaos run (nats-server killed -9 under load: 41 events processed of 40): an
  // event processed, its ack lost in the outage; its redelivery's claim request cut off by the
  // outage too (outcome unknown); the next delivery then found "already exists" and took the
  // claim of the attempt that had processed it for the unknown one's, and processed it again.
  /**
   * A consumer recording the deliveries it regenerates, whose claims (kv.create) go through
   * `create`, given the real create and the call's number: it may fail a request as an outage does.
   */
  async function claimsThrough(
    name: string,
    create: (real: () => Promise<number>, n: number) => Promise<number>,
  ) {
    const regenerated: string[] = [];
    let creates = 0;
    const c = await bareConsumer(
      name,
      async (id) => {
        regenerated.push(id);
      },
      undefined,
      (kv) =>
        new Proxy(kv, {
          get(target, prop, receiver) {
            if (prop !== 'create') return Reflect.get(target, prop, receiver);
            return (key: string, value: string) => create(() => target.create(key, value), ++creates);
          },
        }),
    );
    return { ...c, regenerated, creates: () => creates };
  }

  // Seen in CI's chaos run (nats-server killed -9 under load: 41 events processed of 40): an
  // event processed, its ack lost in the outage; its redelivery's claim request cut off by the
  // outage too (outcome unknown); the next delivery then found "already exists" and took the
  // claim of the attempt that had processed it for the unknown one's, and processed it again.
  it("a claim whose request was cut off is ours only if the stored claim is that attempt's: a processed event stays done", async () => {
    // The second claim request is cut off before NATS stored anything.
    const { consumer, metrics, regenerated, creates } = await claimsThrough('cutoff', (real, n) =>
      n === 2 ? Promise.reject(new Error('TIMEOUT')) : real(),
    );
    try {
      const { jetstream } = await import('@nats-io/jetstream');
      const { headers } = await import('@nats-io/nats-core');
      const { githubEventSubject } = await import('../../src/nats/names.js');
      const js = jetstream(client);
      // One GitHub delivery stored twice (no Nats-Msg-Id): the second stands for its redelivery.
      const h = headers();
      h.set('X-GitHub-Delivery', 'cutoff-1');
      const subject = githubEventSubject(ORG, REPO, 'repository_dispatch');
      await js.publish(subject, JSON.stringify(dispatchPayload()), { headers: h });
      await until('the first delivery processed', () => regenerated.length === 1);
      await js.publish(subject, JSON.stringify(dispatchPayload()), { headers: h });
      const decided = () =>
        metrics.total('natsgh_events_deduplicated_total') + metrics.total('natsgh_events_processed_total');
      await until('the redelivery decided', () => decided() >= 2);
      expect(creates()).toBeGreaterThanOrEqual(3);
      expect(regenerated).toEqual(['cutoff-1']);
      expect(metrics.total('natsgh_events_deduplicated_total')).toBe(1);
      expect(metrics.total('natsgh_events_processed_total')).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it("a claim whose request was cut off but stored is this attempt's: its event is processed on the next delivery", async () => {
    // The first claim is stored, but its answer is lost.
    const { consumer, metrics, regenerated, creates } = await claimsThrough('cutoffstored', (real, n) =>
      n === 1 ? real().then(() => Promise.reject(new Error('TIMEOUT'))) : real(),
    );
    try {
      await publish('repository_dispatch', dispatchPayload(), 'stored-1');
      await until('the event processed', () => regenerated.length === 1);
      await new Promise((res) => setTimeout(res, 300));
      expect(regenerated).toEqual(['stored-1']);
      expect(creates()).toBe(2);
      expect(metrics.total('natsgh_events_deduplicated_total')).toBe(0);
    } finally {
      await consumer.stop();
    }
  });

  // nats-server 2.9 takes only a bare "+TERM" for a termination: "+TERM <reason>" is not
  // understood, so the message came back after every ack_wait (and after every restart).
  it('a terminated event stays terminated past ack_wait (nats-server 2.9 and 2.10)', async () => {
    const { NATS_SERVER_2_10 } = await import('../support/nats-server.js');
    const { jetstreamManager } = await import('@nats-io/jetstream');
    for (const bin of [undefined, NATS_SERVER_2_10]) {
      if (bin) {
        await client.close();
        await nats.stop();
        nats = await startNatsServer({ bin });
        client = await connectNats({ servers: [nats.url] });
      }
      const { consumer, metrics, lines } = await bareConsumer(`term${bin ? '210' : '29'}`, async () => {});
      try {
        const jsm = await jetstreamManager(client);
        // A short ack_wait, so a termination the server ignored shows up as a redelivery within the test.
        await jsm.consumers.update('GITHUB_EVENTS', `term${bin ? '210' : '29'}`, { ack_wait: 500_000_000 });
        const nc = client;
        const { jetstream } = await import('@nats-io/jetstream');
        await jetstream(nc).publish('github.events.acme.x.push', 'not json{', { msgID: 'poison-term' });
        await until('the termination', () => lines.some((l) => l.includes('poison-term')));
        await new Promise((res) => setTimeout(res, 2000));
        expect(lines.filter((l) => l.includes('poison-term'))).toHaveLength(1);
        expect(metrics.get('natsgh_events_malformed_total')).toBe(1);
        const info = await jsm.consumers.info('GITHUB_EVENTS', `term${bin ? '210' : '29'}`);
        expect(info.num_ack_pending).toBe(0);
        expect(info.num_redelivered).toBe(0);
      } finally {
        await consumer.stop();
      }
    }
  }, 30_000);

  it('a payload cannot forge log lines or send terminal escapes through the reason it is terminated for', async () => {
    const { consumer, lines } = await bareConsumer('logforge', async () => {});
    try {
      const { jetstream } = await import('@nats-io/jetstream');
      const forged = 'x\n2026-01-01T00:00:00.000Z controller forged: running\r\u001b[2J\u0007';
      await jetstream(client).publish('github.events.acme.x.push', forged, { msgID: 'log-forge' });
      await until('the termination', () => lines.some((l) => l.includes('log-forge')));
      const line = lines.find((l) => l.includes('log-forge'))!;
      expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(line).toContain('x\\n2026-01-');
    } finally {
      await consumer.stop();
    }
  });

  it('GitHub down for more than MAX_DELIVER deliveries: retried, never terminated, done once it is back', async () => {
    const { MAX_DELIVER } = await import('../../src/controller/consumer.js');
    const { NatsghError } = await import('../../src/errors.js');
    let attempts = 0;
    const done: string[] = [];
    const { consumer, metrics, lines } = await bareConsumer('outage', async (id) => {
      attempts++;
      if (attempts <= MAX_DELIVER + 6) {
        const code = attempts % 2 ? 'github_unavailable' : 'github_rate_limited';
        throw new NatsghError('GitHub request failed: 502 Bad Gateway', { code });
      }
      done.push(id);
    });
    try {
      await publish('repository_dispatch', dispatchPayload(), 'during-outage');
      await until(
        () => `processed after the outage (attempts ${attempts})`,
        () => done.length === 1,
        20_000,
      );
      expect(attempts).toBe(MAX_DELIVER + 7);
      expect(metrics.get('natsgh_events_failed_total', { outcome: 'term' })).toBe(0);
      expect(metrics.get('natsgh_github_outage_retries_total')).toBe(MAX_DELIVER + 6);
      expect(metrics.get('natsgh_events_waiting_for_github')).toBe(0);
      // One line for the outage (hourly), one when GitHub answers again: not one per retry.
      expect(lines.filter((l) => /GitHub unavailable/.test(l))).toHaveLength(1);
      expect(lines.filter((l) => /GitHub answers again/.test(l))).toHaveLength(1);
    } finally {
      await consumer.stop();
    }
  }, 30_000);

  it('a terminated event gives its de-duplication claim back (GitHub "Redeliver" is not dropped)', async () => {
    const { NatsghError } = await import('../../src/errors.js');
    const { encodeToken } = await import('../../src/nats/names.js');
    const { consumer, deliveries, metrics } = await bareConsumer('claims', async () => {
      throw new NatsghError('GitHub refused to write', { code: 'github_permission' });
    });
    try {
      await publish('repository_dispatch', dispatchPayload(), 'terminated-delivery');
      await until('terminated', () => metrics.get('natsgh_events_failed_total', { outcome: 'term' }) === 1);
      await new Promise((res) => setTimeout(res, 200));
      // The claim a redelivery makes succeeds again.
      await expect(
        deliveries.create(encodeToken('terminated-delivery'), 'redelivery'),
      ).resolves.toBeGreaterThan(0);
    } finally {
      await consumer.stop();
    }
  });

  it('rotating webhook secrets "old, new": deliveries signed with either are accepted, each is redacted', async () => {
    config.webhook.secret = 'whsec-old-0123456, whsec-new-6543210 ';
    const r = await controller({ webhookPort: 0 });
    const { redact } = await import('../../src/redact.js');
    for (const [i, secret] of ['whsec-new-6543210', 'whsec-old-0123456'].entries()) {
      const res = await postDispatch(r.webhookPort!, secret, `rotation-${i}`);
      expect(res.status, secret).toBe(202);
      expect(redact(`secret ${secret} here`)).toBe('secret [REDACTED] here');
    }
  });

  it('metric labels from subjects stay bounded: GitHub event names plus "other"', async () => {
    const { GITHUB_EVENT_NAMES } = await import('../../src/controller/metrics.js');
    const examples = (
      await import('@octokit/webhooks-examples/api.github.com/index.json', { with: { type: 'json' } })
    ).default as Array<{ name: string }>;
    for (const e of examples) expect(GITHUB_EVENT_NAMES.has(e.name), e.name).toBe(true);
    const r = await controller();
    const { jetstream } = await import('@nats-io/jetstream');
    const js = jetstream(client);
    for (let i = 0; i < 40; i++)
      await js.publish(`github.events.acme.x.made_up_${i}`, '{}', { msgID: `labels-${i}` });
    await publish('push', model.push(ORG, REPO, { 'docs/y.md': 'y' }), 'labels-push');
    await until('all received', () => r.metrics.total('natsgh_events_received_total') >= 41);
    const labels = r.metrics
      .render()
      .split('\n')
      .filter((l) => l.startsWith('natsgh_events_received_total{'));
    expect(labels.sort()).toEqual([
      'natsgh_events_received_total{event="other"} 40',
      'natsgh_events_received_total{event="push"} 1',
    ]);
  });

  it('/healthz answers 503 once the event consumer is gone (liveness), 200 before', async () => {
    const r = await controller({ durable: 'liveness-test' });
    const url = `http://127.0.0.1:${r.controllerPort}/healthz`;
    expect((await fetch(url)).status).toBe(200);
    const { jetstreamManager } = await import('@nats-io/jetstream');
    await (await jetstreamManager(client)).consumers.delete('GITHUB_EVENTS', 'liveness-test');
    const deadline = Date.now() + 20_000;
    let status = 200;
    while (Date.now() < deadline && status === 200) {
      status = (await fetch(url)).status;
      if (status === 200) await new Promise((res) => setTimeout(res, 100));
    }
    expect(status).toBe(503);
    expect(await (await fetch(url)).json()).toMatchObject({ ok: false, consumer: { running: false } });
  }, 30_000);
});
