import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseJson } from '../support/cli.js';
import {
  bootstrapKvKeys,
  createTestDeployment,
  mtimes,
  phaseStatuses,
  startCli,
  type TestDeployment,
} from '../support/deployment.js';
import { GithubModel } from '../support/github-model.js';
import { startGithubProxy } from '../support/github-proxy.js';

async function serverId(d: TestDeployment): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${d.monitorPort}/varz`);
  return ((await res.json()) as { server_id: string }).server_id;
}

async function kvCheckpointKeys(d: TestDeployment): Promise<string[]> {
  const { connectNats } = await import('../../src/nats/connect.js');
  const { Kvm } = await import('@nats-io/kv');
  const nc = await connectNats(await d.connection());
  try {
    const kv = await new Kvm(nc).open('natsgh_checkpoints');
    const keys: string[] = [];
    for await (const k of await kv.keys()) keys.push(k);
    return keys.sort();
  } finally {
    await nc.close();
  }
}

describe('bootstrap, dev/embedded, end to end', () => {
  let d: TestDeployment;
  beforeAll(async () => {
    d = await createTestDeployment();
  });
  afterAll(async () => {
    await d?.cleanup();
  });

  it('cold run does every phase and checkpoints them in KV', async () => {
    const { r, doc } = await d.bootstrap(['--org', 'acme']);
    expect(r.code, r.stderr).toBe(0);
    expect(doc).toMatchObject({
      ok: true,
      deployment: 'default',
      nats: { url: `nats://127.0.0.1:${d.natsPort}` },
    });
    expect(typeof doc.runId).toBe('string');
    expect(phaseStatuses(doc)).toEqual({
      prerequisites: 'done',
      'provision-nats': 'done',
      handoff: 'done',
      'deploy-controller': 'done',
      'generate-files': 'done',
      terraform: 'skipped',
      validate: 'done',
    });
    expect(await kvCheckpointKeys(d)).toEqual(bootstrapKvKeys());
    expect(existsSync(join(d.outDir, 'CONTRIBUTING.md'))).toBe(true);
    const status = parseJson(await d.run(['status', '--json']));
    expect(status).toMatchObject({
      deployment: 'default',
      nats: { healthy: true },
      controller: { healthy: true },
      lock: null,
    });
    expect(status.phases.find((p: { id: string }) => p.id === 'validate').status).toBe('done');
  });

  it('re-run skips every phase, keeps the same server and rewrites no file', async () => {
    const id = await serverId(d);
    const pids = d.pids();
    const conf = join(d.stateDir, 'nats', 'server.conf');
    const before = { ...mtimes(d.outDir), [conf]: mtimes(join(d.stateDir, 'nats'))[conf] };
    const { r, doc } = await d.bootstrap(['--org', 'acme']);
    expect(r.code, r.stderr).toBe(0);
    for (const p of doc.phases) expect(p.status, p.id).toBe('skipped');
    expect(await serverId(d)).toBe(id);
    expect(d.pids()).toEqual(pids);
    const after = { ...mtimes(d.outDir), ...mtimes(join(d.stateDir, 'nats')) };
    expect(Object.keys(before).length).toBeGreaterThan(5);
    for (const [path, mtime] of Object.entries(before)) expect(after[path], path).toBe(mtime);
  });

  it('a changed input re-runs only the phases it affects', async () => {
    const before = d.pids().controller;
    const { r, doc } = await d.bootstrap(['--org', 'other-org']);
    expect(r.code, r.stderr).toBe(0);
    const s = phaseStatuses(doc);
    expect(s['generate-files']).toBe('done');
    expect(s.validate).toBe('done');
    for (const id of ['prerequisites', 'provision-nats', 'handoff']) expect(s[id], id).toBe('skipped');
    // The controller acts for the org: it is replaced by one started with the new org.
    expect(s['deploy-controller']).toBe('done');
    expect(d.pids().controller).not.toBe(before);
    expect((await d.processes()).filter((c) => c.includes('controller run'))).toHaveLength(1);
    expect(readFileSync(join(d.outDir, 'CONTRIBUTING.md'), 'utf8')).toContain('other-org');
  });

  it('a killed server fails verify: that phase and its dependants run again, with one server and one controller', async () => {
    const { server, controller } = d.pids();
    process.kill(server!, 'SIGKILL');
    const { r, doc } = await d.bootstrap(['--org', 'other-org']);
    expect(r.code, r.stderr).toBe(0);
    const s = phaseStatuses(doc);
    expect(doc.phases.find((p: { id: string }) => p.id === 'provision-nats').reason).toMatch(
      /^verify failed/,
    );
    for (const id of ['provision-nats', 'handoff', 'deploy-controller', 'validate'])
      expect(s[id], id).toBe('done');
    expect(s['generate-files']).toBe('skipped');
    expect(d.pids().server).not.toBe(server);
    // The controller reconnects to the new server; it is adopted, not started twice.
    expect(d.pids().controller).toBe(controller);
    const procs = await d.processes();
    expect(procs.filter((c) => c.includes('nats-server'))).toHaveLength(1);
    expect(procs.filter((c) => c.includes('controller run'))).toHaveLength(1);
  });

  it('a second concurrent run exits 3 naming the holder; SIGINT exits 130 and releases the lock', async () => {
    const first = startCli(d, ['bootstrap', '--json', '--force'], { NATSGH_TEST_PAUSE_AT: 'generate-files' });
    await first.waitForStderr('natsgh-test: paused in generate-files');
    const second = await d.bootstrap();
    expect(second.r.code).toBe(3);
    expect(second.doc.error.code).toBe('lock_held');
    expect(second.doc.error.message).toMatch(/held by run \S+ on host \S+, pid \d+, since /);

    first.child.kill('SIGINT');
    const done = await first.exited;
    expect(done.code).toBe(130);
    expect(existsSync(join(d.stateDir, 'default.lock'))).toBe(false);
    const status = parseJson(await d.run(['status', '--json']));
    expect(status.lock).toBeNull();
    expect(status.phases.find((p: { id: string }) => p.id === 'generate-files').status).toBe('interrupted');
    // The next run resumes from the interrupted phase.
    const resumed = await d.bootstrap(['--org', 'other-org']);
    expect(resumed.r.code, resumed.r.stderr).toBe(0);
    expect(phaseStatuses(resumed.doc)['generate-files']).toBe('done');
  });

  it('a rotated GitHub token replaces the controller; only a salted digest of it is kept, owner-only', async () => {
    // The subprocesses reach the msw GitHub model through a loopback proxy.
    const model = new GithubModel().listen();
    const proxy = await startGithubProxy();
    try {
      await rotate(proxy.url);
    } finally {
      await proxy.close();
      model.close();
    }
  });

  async function rotate(apiUrl: string) {
    const tokenA = 'ghp_rotateAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const tokenB = 'ghp_rotateBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
    const env = (token: string) => ({ GITHUB_TOKEN: token, GITHUB_API_URL: apiUrl });
    const first = await d.bootstrap(['--org', 'other-org'], env(tokenA));
    expect(first.r.code, first.r.stderr).toBe(0);
    const withA = d.pids().controller;
    const same = await d.bootstrap(['--org', 'other-org'], env(tokenA));
    expect(phaseStatuses(same.doc)['deploy-controller']).toBe('skipped');
    expect(d.pids().controller).toBe(withA);

    const rotated = await d.bootstrap(['--org', 'other-org'], env(tokenB));
    expect(rotated.r.code, rotated.r.stderr).toBe(0);
    const row = rotated.doc.phases.find((p: { id: string }) => p.id === 'deploy-controller');
    expect(row.status).toBe('done');
    expect(row.reason).toMatch(/other settings/);
    expect(d.pids().controller).not.toBe(withA);
    expect((await d.processes()).filter((c) => c.includes('controller run'))).toHaveLength(1);

    const stamp = join(d.stateDir, 'controller.settings');
    const text = readFileSync(stamp, 'utf8');
    for (const t of [tokenA, tokenB]) {
      expect(text).not.toContain(t);
      expect(first.r.stdout + rotated.r.stdout + rotated.r.stderr).not.toContain(t);
    }
    if (process.platform !== 'win32') expect(statSync(stamp).mode & 0o777).toBe(0o600);
  }

  it('teardown stops everything and clears checkpoints; a second teardown is fine too', async () => {
    const first = await d.run(['teardown', '--yes', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(parseJson(first).checkpointsCleared).toBe(6);
    expect(await d.processes()).toEqual([]);
    const second = await d.run(['teardown', '--yes', '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(parseJson(second).ok).toBe(true);
    // Data is kept without --purge.
    expect(existsSync(join(d.stateDir, 'nats', 'jetstream'))).toBe(true);
  });
});

describe('bootstrap without side effects', () => {
  let d: TestDeployment;
  afterEach(async () => {
    await d?.cleanup();
  });

  it('--dry-run prints the plan and leaves no process, file or key behind', async () => {
    d = await createTestDeployment();
    const { r, doc } = await d.bootstrap(['--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(doc.dryRun).toBe(true);
    expect(doc.phases[0]).toMatchObject({
      id: 'prerequisites',
      status: 'pending',
      reason: 'would run: no checkpoint',
    });
    expect(existsSync(d.stateDir)).toBe(false);
    expect(existsSync(d.outDir)).toBe(false);
    expect(await d.processes()).toEqual([]);
    const graph = await d.run(['bootstrap', '--graph', 'mermaid']);
    expect(graph.stdout).toContain('provision_nats --> handoff');
    // The graph alone: no plan or task list around it.
    expect(graph.stdout.trim().startsWith('flowchart LR')).toBe(true);
    expect(graph.stderr).toBe('');
    expect(existsSync(d.stateDir)).toBe(false);
  });

  it('a corrupt journal is a clear error naming the file', async () => {
    d = await createTestDeployment();
    const file = join(d.stateDir, 'journal', 'default', 'prerequisites.pb');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'garbage, not protobuf {{{');
    const { r, doc } = await d.bootstrap();
    expect(r.code).toBe(1);
    expect(doc.error.code).toBe('checkpoint_corrupt');
    expect(doc.error.message).toContain(file);
    expect(existsSync(join(d.stateDir, 'default.lock'))).toBe(false);
  });

  it('a mode and NATS type that do not go together exit 2 naming the valid ones', async () => {
    d = await createTestDeployment();
    const { r, doc } = await d.bootstrap(['--mode', 'kubernetes', '--nats-type', 'embedded']);
    expect(r.code).toBe(2);
    expect(doc.error.code).toBe('invalid_combination');
    expect(doc.error.suggestions.join(' ')).toContain('--mode dev: embedded');
  });
});
