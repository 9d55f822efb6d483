// kill -9 of `natsgh bootstrap` at 20 random moments (seeded): after each, a
// re-run converges with exactly one nats-server and one controller (pid files
// and the process list agree), NATSGH_EVENTS never holds one event twice, and GitHub never
// receives a duplicated commit. GitHub is the stateful model (github-model.ts);
// the bootstrap and the controller it spawns are subprocesses, so they reach the
// model through a loopback proxy (github-proxy.ts) given as GITHUB_API_URL.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { carriesTrailer, GENERATED_TRAILER } from '../../src/controller/decide.js';
import { defaultDurableName } from '../../src/controller/run.js';
import { publishGithubEvent } from '../../src/events/github-publish.js';
import { connectNats, type NatsConnectionSpec } from '../../src/nats/connect.js';
import { deliveryKey, STREAM_GITHUB_EVENTS } from '../../src/nats/names.js';
import { renderGithubFiles, renderVariablesFromConfig } from '../../src/render/render.js';
import { createTestDeployment, startCli, type TestDeployment } from '../support/deployment.js';
import { GithubModel, regenerateDispatch } from '../support/github-model.js';
import { type GithubProxy, startGithubProxy } from '../support/github-proxy.js';
import { countProcesses, recordedPids } from './processes.js';
import { createRng } from './random.js';
import { checked, injected } from './report.js';

const KILLS = 20;
/** The one org every run manages and every event concerns (see the loop for why it is fixed). */
const ORG = 'acme';
const REPO = '.github';
const DEPLOYMENT = 'default';
const TOKEN = 'ghp_bootkilltokentesttokentest123456';

let model: GithubModel;
let proxy: GithubProxy;

beforeAll(async () => {
  model = new GithubModel().listen();
  proxy = await startGithubProxy();
});
afterAll(async () => {
  await proxy?.close();
  model?.close();
});

async function withNats<T>(
  d: TestDeployment,
  fn: (nc: NatsConnection, spec: NatsConnectionSpec) => Promise<T>,
): Promise<T> {
  const spec: NatsConnectionSpec = await d.connection();
  const nc = await connectNats(spec);
  try {
    return await fn(nc, spec);
  } finally {
    await nc.close();
  }
}

async function eventIds(d: TestDeployment): Promise<string[]> {
  return withNats(d, async (nc) => {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info('NATSGH_EVENTS');
    const ids: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await jsm.streams.getMessage('NATSGH_EVENTS', { seq }).catch(() => null);
      if (m) ids.push(m.header.get('Nats-Msg-Id'));
    }
    return ids;
  });
}

function dispatch(owner: string): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(regenerateDispatch(owner, REPO)));
}

async function publishDispatch(d: TestDeployment, owner: string, deliveryId: string): Promise<void> {
  await withNats(d, (nc, spec) =>
    publishGithubEvent(nc, spec, {
      eventName: 'repository_dispatch',
      payload: dispatch(owner),
      msgId: deliveryId,
      ensureStream: false,
    }),
  );
}

/** What is left for the deployment's controller: its durable consumer's backlog and the recorded deliveries. */
async function controllerBacklog(
  d: TestDeployment,
): Promise<{ pending: number; ackPending: number; deliveries: string[] }> {
  return withNats(d, async (nc) => {
    const jsm = await jetstreamManager(nc);
    const ci = await jsm.consumers.info(STREAM_GITHUB_EVENTS, defaultDurableName(DEPLOYMENT));
    const deliveries: string[] = [];
    const kv = await new Kvm(nc).open('natsgh_deliveries');
    for await (const key of await kv.keys()) deliveries.push(key);
    return { pending: ci.num_pending, ackPending: ci.num_ack_pending, deliveries };
  });
}

async function until<T>(
  what: (last?: T) => string,
  probe: () => Promise<T>,
  done: (v: T) => boolean,
  ms: number,
) {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await probe().catch(() => undefined);
    if (last !== undefined && done(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function tempFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => /\.tmp$|\.tmp-|\.partial$/.test(f));
  } catch {
    return [];
  }
}

const trailerHash = (message: string) =>
  new RegExp(`^${GENERATED_TRAILER}:\\s*(\\S+)`, 'm').exec(message)?.[1] ?? '(none)';

/** Trees that appear on more than one commit of the repository's history. */
function duplicatedTrees(owner: string): string[] {
  const trees = model.log(owner, REPO).map((c) => c.tree);
  return trees.filter((t, i) => trees.indexOf(t) !== i);
}

describe('bootstrap killed with SIGKILL at random moments', () => {
  let d: TestDeployment;
  beforeAll(async () => {
    model.createRepo(ORG, REPO, { 'README.md': '# acme .github\n' });
    d = await createTestDeployment();
  });
  afterAll(async () => {
    await d?.cleanup();
  });

  it(`converges after ${KILLS} kills: one server, one controller, no duplicated event or commit`, async () => {
    const rng = createRng('bootstrap-kill');
    // The GitHub settings go in the environment: the bootstrap spawns the controller with its own
    // environment, and does not pass it the --github-* flags (see the next test).
    const github = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: proxy.url };
    // The org is fixed, so the repository checked at the end is the one the deployment manages
    // and every event concerns it. The changed input of every other run is the local checkout
    // instead (it alternates, so generate-files sees a new input hash each time, as the
    // alternating org did before): it changes what the bootstrap does, not what the controller
    // renders for acme/.github, so every regeneration renders the same content and exactly one
    // commit is right. With the org alternating, half the runs would configure another org than
    // the one the events and the check are about.
    const outDirs = [d.outDir, join(d.dir, 'out-alt')];
    const hits: string[] = [];
    const published: string[] = [];
    let kills = 0;
    const started = Date.now();
    for (let i = 0; i < KILLS; i++) {
      // Give every killed run work to do: a cold start, a forced re-run, or a changed input.
      const kind = i % 4 === 0 ? 'cold' : i % 2 === 1 ? 'force' : 'input';
      if (kind === 'cold' && i > 0) {
        // Also stops the controller, possibly in the middle of the previous iteration's regeneration.
        const t = await d.run(['teardown', '--yes', '--json'], github);
        expect(t.code, t.stderr).toBe(0);
      }
      const target = ['--org', ORG, '--output-dir', outDirs[i % 2]];
      // Without --json the runner prints a line per phase event, which shows where the kill landed.
      const args = ['bootstrap', ...target, ...(kind === 'force' ? ['--force'] : [])];
      // Most kills are timed from the first line the run prints (inside the phases);
      // every fifth from the spawn (inside Node/oclif start-up and config loading).
      const fromSpawn = i % 5 === 4;
      const delay = fromSpawn ? rng.int(20, 1200) : rng.int(0, kind === 'cold' ? 2000 : 900);
      const run = startCli(d, args, github);
      let printed = false;
      run.child.stdout.once('data', () => (printed = true));
      run.child.stderr.once('data', () => (printed = true));
      if (!fromSpawn) {
        const deadline = Date.now() + 15_000;
        while (!printed && run.child.exitCode === null && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 10));
        }
      }
      await new Promise((r) => setTimeout(r, delay));
      const killed = run.child.exitCode === null;
      if (killed) {
        run.child.kill('SIGKILL');
        kills++;
      }
      const ended = await run.exited;
      // The phases that had printed progress tell where the kill landed.
      const last =
        `${ended.stdout}\n${ended.stderr}`.trim().split('\n').filter(Boolean).at(-1) ?? '(nothing printed)';
      hits.push(
        `#${i} ${kind} +${delay}ms after ${fromSpawn ? 'spawn' : 'first output'} ${killed ? 'killed' : `already exited ${ended.code}`}: ${last.slice(0, 80)}`,
      );
      injected('bootstrap-kill', hits.at(-1)!);

      const again = await d.bootstrap(target, github);
      const failed =
        again.doc?.error ?? again.doc?.phases?.filter((p: { status: string }) => p.status === 'failed');
      expect(
        again.r.code,
        `re-run after kill #${i} (${hits.at(-1)}):\n${JSON.stringify(failed)}\n${again.r.stderr}`,
      ).toBe(0);
      expect(again.doc.ok).toBe(true);

      const procs = await countProcesses(d.stateDir);
      expect(procs.servers, `after kill #${i}:\n${procs.servers.join('\n')}`).toHaveLength(1);
      expect(procs.controllers, `after kill #${i}:\n${procs.controllers.join('\n')}`).toHaveLength(1);
      const pids = recordedPids(d.stateDir);
      expect(procs.servers[0].startsWith(`${pids.server} `), `server pid file ${pids.server}`).toBe(true);
      expect(
        procs.controllers[0].startsWith(`${pids.controller} `),
        `controller pid file ${pids.controller}`,
      ).toBe(true);
      expect(duplicatedTrees(ORG), `a commit repeats an earlier tree after kill #${i}`).toEqual([]);

      // One regeneration request per iteration. The controller works on it while the next
      // iteration's bootstrap is killed (and, before a cold run, while teardown stops it).
      const id = `bootstrap-kill-${i}`;
      await publishDispatch(d, ORG, id);
      published.push(id);
    }

    // The last re-run left a controller running: let it finish every published delivery.
    const loopMs = Date.now() - started;
    const drainStart = Date.now();
    const drained = await until(
      (b) =>
        `the controller to record ${published.length} deliveries and empty its backlog (last: ${JSON.stringify(b && { ...b, deliveries: b.deliveries.length })})`,
      () => controllerBacklog(d),
      (b) =>
        b.pending === 0 &&
        b.ackPending === 0 &&
        published.every((id) => b.deliveries.includes(deliveryKey(DEPLOYMENT, id))),
      45_000,
    );
    const drainMs = Date.now() - drainStart;
    expect(drained.deliveries.filter((k) => k.startsWith(`${DEPLOYMENT}.bootstrap-kill-`)).sort()).toEqual(
      published.map((id) => deliveryKey(DEPLOYMENT, id)).sort(),
    );

    const ids = await eventIds(d);
    const seen = new Map<string, number>();
    for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
    const dup = [...seen].filter(([, n]) => n > 1);
    expect(dup, 'events stored more than once').toEqual([]);
    expect(ids.length).toBeGreaterThan(0);

    // What GitHub kept. Every run renders the same content for acme/.github (fixed org,
    // deployment and repository; no natsgh.yaml or overrides in the repository), so the
    // distinct rendered contents are exactly one, and so must be the generated commits;
    // and regenerating unchanged content must never commit, so no two commits share a tree.
    const { config } = await resolveConfig({
      noFile: true,
      env: {},
      flags: { org: ORG, deployment: DEPLOYMENT },
    });
    const expected = await renderGithubFiles({ variables: renderVariablesFromConfig(config) });
    const history = model.log(ORG, REPO);
    expect(duplicatedTrees(ORG), 'commits with the same tree (a duplicated commit)').toEqual([]);
    const generated = history.filter((c) => carriesTrailer(c.message));
    const renders = new Set(generated.map((c) => trailerHash(c.message)));
    expect([...renders], 'render hashes of the generated commits').toEqual([expected.hash]);
    expect(generated, 'one generated commit per distinct rendered content').toHaveLength(renders.size);
    expect(history, 'the initial commit and the generated one').toHaveLength(2);
    const files = model.files(ORG, REPO);
    for (const [path, bytes] of expected.files)
      expect(files.get(path), `${path} at the head of ${ORG}/${REPO}`).toBe(new TextDecoder().decode(bytes));
    expect(files.get('README.md'), 'a file natsgh never generated').toBe('# acme .github\n');
    const commitObjects = model.countRequests('POST', /\/git\/commits$/);

    // A kill between "write temp" and "rename" orphans the temp file (the real file stays whole).
    // Orphans must belong to a killed run, never to a live process; they are reported, see the README.
    const temps = [d.stateDir, ...outDirs].flatMap(tempFiles);
    const alive = temps.filter((f) => {
      const pid = Number(/\.(\d+)\.(?:[0-9a-f]{8}\.)?tmp$/.exec(f)?.[1]);
      if (!(pid > 0)) return false;
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive, 'temp files of a live process').toEqual([]);
    if (temps.length > 0)
      checked('bootstrap-kill', `orphaned temp files left by killed runs: ${temps.join(', ')}`);
    const status = await d.run(['status', '--json'], github);
    expect(JSON.parse(status.stdout).lock).toBeNull();
    checked(
      'bootstrap-kill',
      `${KILLS} runs (${kills} killed, ${KILLS - kills} exited before the kill) each followed by a converging re-run: 1 nats-server + 1 controller matching the pid files; ${ids.length} events in NATSGH_EVENTS, none duplicated; no temp files of a live process; lock free`,
    );
    checked(
      'bootstrap-kill',
      `${published.length} regeneration dispatches for ${ORG}/${REPO}, all recorded in natsgh_deliveries and acked (${drainMs} ms after the last run; loop ${loopMs} ms); GitHub: ${history.length} commits on ${ORG}/${REPO} (${generated.length} generated, render ${expected.hash.slice(0, 12)}, ${expected.files.size} files), no two with the same tree; ${commitObjects} commit object(s) created; ${proxy.forwarded.length} requests through the proxy`,
    );
  }, 240_000);
});

describe('bootstrap passes its GitHub settings on to the controller it starts', () => {
  // The bootstrap accepts --org, --github-token and --github-api-url (bootstrap --help) but
  // deploy-controller starts `controller run` with only --deployment, --state-dir and
  // --controller-port plus its own environment, so settings given as flags never reach the
  // controller: it runs without GitHub credentials and ignores every regeneration, and without
  // the org it regenerates any owner's repository.
  let e: TestDeployment;
  beforeAll(async () => {
    model.createRepo('flag-org', REPO, { 'README.md': '# flag-org .github\n' });
    model.createRepo('not-ours', REPO, { 'README.md': '# not-ours .github\n' });
    e = await createTestDeployment();
  });
  afterAll(async () => {
    await e?.cleanup();
  });

  it('a controller started by `bootstrap --org --github-token --github-api-url` commits for that org only', async () => {
    // Nothing in the environment: the flags are the only source of these settings.
    const none = {
      GITHUB_TOKEN: '',
      GH_TOKEN: '',
      GITHUB_API_URL: '',
      NATSGH_ORG: '',
      GITHUB_REPOSITORY_OWNER: '',
    };
    const b = await e.bootstrap(
      ['--org', 'flag-org', '--github-token', TOKEN, '--github-api-url', proxy.url],
      none,
    );
    expect(b.r.code, b.r.stderr).toBe(0);
    const ready = await fetch(`http://127.0.0.1:${e.controllerPort}/readyz`).then((r) => r.json());
    expect.soft(ready.github, 'GitHub readiness in the controller /readyz').toEqual({ ready: true });
    await publishDispatch(e, 'flag-org', 'flags-1');
    await publishDispatch(e, 'not-ours', 'flags-2');
    await until(
      (b) => `the controller to empty its backlog (last: ${JSON.stringify(b)})`,
      () => controllerBacklog(e),
      (b) => b.pending === 0 && b.ackPending === 0,
      30_000,
    );
    const generated = (owner: string) => model.log(owner, REPO).filter((c) => carriesTrailer(c.message));
    expect.soft(generated('flag-org'), 'generated commits in flag-org/.github').toHaveLength(1);
    expect.soft(generated('not-ours'), 'generated commits in another org').toHaveLength(0);
    checked(
      'bootstrap-github-flags',
      `controller /readyz github ${JSON.stringify(ready.github)}; generated commits: flag-org ${generated('flag-org').length}, not-ours ${generated('not-ours').length}`,
    );
  }, 90_000);
});
