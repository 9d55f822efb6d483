// The controller under faults, against real NATS and the stateful GitHub model:
// nats-server killed -9 and restarted (twice, at seeded random moments) while
// events stream in; two controllers racing on one deployment. What GitHub
// received is the judge: every event processed once, one commit per change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NatsghConfig } from '../../src/config/keys.js';
import { resolveConfig } from '../../src/config/load.js';
import { countGithubResponses, type MetricsRegistry } from '../../src/controller/metrics.js';
import { type RunningController, startController } from '../../src/controller/run.js';
import { publishGithubEvent } from '../../src/events/github-publish.js';
import { createGithubClient } from '../../src/github/client.js';
import { connectNats } from '../../src/nats/connect.js';
import { deliveryKey } from '../../src/nats/names.js';
import { GITHUB_API, GithubModel, regenerateDispatch } from '../support/github-model.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { createRng } from './random.js';
import { checked, injected } from './report.js';

const ORG = 'acme';
const REPO = '.github';
let nats: TestNatsServer;
let model: GithubModel;
let stateDir: string;
let config: NatsghConfig;
let client: NatsConnection;
const running: RunningController[] = [];

beforeAll(() => {
  // Behaviour, not throughput: writes unpaced (the client does not pace them either).
  model = new GithubModel({ writeGapMs: 0 }).listen();
});
afterAll(() => model.close());

beforeEach(async () => {
  nats = await startNatsServer();
  stateDir = mkdtempSync(join(tmpdir(), 'natsgh-chaos-ctl-'));
  model.repos.clear();
  model.requests.length = 0;
  model.createRepo(ORG, REPO, { 'README.md': '# acme .github\n' });
  config = (
    await resolveConfig({
      noFile: true,
      env: {},
      flags: { 'nats-url': nats.url, org: ORG, deployment: 'chaos', 'state-dir': stateDir },
    })
  ).config;
  client = await connectNats({ servers: [nats.url] }, { reconnectForever: true });
});

afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
  await client.close();
  await nats.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

async function controller(name: string, durable?: string): Promise<RunningController> {
  const github = (metrics: MetricsRegistry) =>
    createGithubClient({ kind: 'token', token: `ghp_chaos${name}tokentesttokentest1234` }, GITHUB_API, {
      writeMinTimeMs: 0,
      retryAfterBaseMs: 5,
      onResponse: countGithubResponses(metrics),
    });
  const r = await startController({
    config,
    version: '0.0.0-chaos',
    controllerPort: 0,
    resyncIntervalMs: 0,
    concurrency: 4,
    github,
    durableName: durable,
    backoffBaseMs: 50,
    heartbeatIntervalMs: 60_000,
    log: () => undefined,
  });
  running.push(r);
  return r;
}

function dispatch(): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(regenerateDispatch(ORG, REPO)));
}

/** Publishes until JetStream acks (the publisher's retry across an outage); bounded. */
async function publishRetrying(
  id: string,
  payload: Uint8Array,
  event = 'repository_dispatch',
): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await publishGithubEvent(
        client,
        { servers: [nats.url] },
        { eventName: event, payload, msgId: id, ensureStream: false },
      );
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function until(what: () => string, fn: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const generatedCommits = () =>
  model.log(ORG, REPO).filter((c) => /Natsgh-Generated: [0-9a-f]{64}/.test(c.message));

describe('controller under faults', () => {
  it('nats-server killed -9 twice under load: no event lost, none processed twice, one commit', async () => {
    const rng = createRng('controller-nats-kill');
    const r = await controller('one');
    const N = 40;
    const ids = Array.from({ length: N }, (_, i) => `chaos-load-${i}`);
    // A steady stream of events, published by a retrying publisher while the server dies and returns.
    const publishing = (async () => {
      for (const id of ids) {
        await publishRetrying(id, dispatch());
        await new Promise((res) => setTimeout(res, rng.int(0, 40)));
      }
    })();
    for (const k of [1, 2]) {
      await new Promise((res) => setTimeout(res, rng.int(100, 900)));
      const seen = r.metrics.total('natsgh_events_received_total');
      await nats.kill();
      injected('controller-nats-kill', `kill -9 #${k} of nats-server after ${seen} events received`);
      await new Promise((res) => setTimeout(res, rng.int(50, 500)));
      await nats.restart();
    }
    await publishing;
    const decided = () =>
      r.metrics.total('natsgh_events_processed_total') + r.metrics.total('natsgh_events_deduplicated_total');
    // A lock whose release the outage cut off lapses after its lease (30 s).
    await until(
      () => `all ${N} decided (got ${decided()})`,
      () => decided() >= N && r.metrics.get('natsgh_inflight') === 0,
      75_000,
    );
    expect(r.metrics.total('natsgh_events_processed_total')).toBe(N);
    const kv = await new Kvm(client).open('natsgh_deliveries');
    const keys: string[] = [];
    for await (const key of await kv.keys()) keys.push(key);
    expect(keys.sort()).toEqual(ids.map((id) => deliveryKey('chaos', id)).sort());
    // What GitHub saw: one generated commit (the rest were fixed points), no rejected ref update.
    expect(generatedCommits()).toHaveLength(1);
    expect(
      model.requests.filter((q) => q.method === 'PATCH' && /\/git\/refs\//.test(q.path) && q.status >= 400),
    ).toEqual([]);
    expect(model.countRequests('POST', /\/git\/commits$/)).toBe(1);
    checked(
      'controller-nats-kill',
      `${N} events: processed ${r.metrics.total('natsgh_events_processed_total')}, deduplicated ${r.metrics.total('natsgh_events_deduplicated_total')}; ${keys.length} delivery keys; GitHub got 1 commit and no rejected ref update`,
    );
  }, 120_000);

  it('two controllers on one deployment never hold one repo at once; each change is committed once', async () => {
    const a = await controller('a', 'chaos-a');
    const b = await controller('b', 'chaos-b');
    // Record every change of the repo's regeneration lock.
    const locks = await new Kvm(client).open('natsgh_locks');
    const history: Array<{ op: string; holder?: string; rev: number }> = [];
    const watch = await locks.watch({ key: 'regen.>' });
    const watching = (async () => {
      for await (const e of watch) {
        let holder: string | undefined;
        try {
          const v = JSON.parse(e.string());
          holder = `${v.runId}/${v.pid}/${v.since}`;
        } catch {
          holder = undefined;
        }
        history.push({ op: e.operation, holder, rev: e.revision });
      }
    })();
    const ROUNDS = 5;
    for (let round = 0; round < ROUNDS; round++) {
      // A person edits a generated file; both controllers reconcile and both get a dispatch.
      if (round > 0) model.push(ORG, REPO, { 'SECURITY.md': `hand edit ${round}\n` }, { sender: 'octocat' });
      injected('two-controllers', `round ${round}: concurrent reconcile on both + 2 dispatches`);
      await Promise.all([
        a.reconcile(),
        b.reconcile(),
        publishRetrying(`race-${round}-1`, dispatch()),
        publishRetrying(`race-${round}-2`, dispatch()),
      ]);
      const decided = () =>
        ['natsgh_events_processed_total', 'natsgh_events_deduplicated_total'].reduce(
          (n, m) => n + a.metrics.total(m) + b.metrics.total(m),
          0,
        );
      await until(
        () => `round ${round} decided`,
        () =>
          decided() >= 4 * (round + 1) &&
          a.metrics.get('natsgh_inflight') === 0 &&
          b.metrics.get('natsgh_inflight') === 0,
        30_000,
      );
      expect(generatedCommits(), `round ${round}`).toHaveLength(round + 1);
    }
    watch.stop();
    await watching;
    // Between two acquisitions by different holders there is always a release.
    let current: string | undefined;
    for (const h of history) {
      if (h.op === 'PUT') {
        if (current !== undefined)
          expect(h.holder, `lock taken by ${h.holder} while ${current} held it`).toBe(current);
        current = h.holder;
      } else current = undefined;
    }
    expect(history.filter((h) => h.op === 'PUT').length).toBeGreaterThanOrEqual(ROUNDS);
    expect(
      model.requests.filter((q) => q.method === 'PATCH' && /\/git\/refs\//.test(q.path) && q.status >= 400),
    ).toEqual([]);
    checked(
      'two-controllers',
      `${ROUNDS} rounds: ${generatedCommits().length} generated commits (one per change), ${history.length} lock changes with no overlapping holders, no rejected ref update`,
    );
  }, 120_000);
});
