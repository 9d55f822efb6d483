// One node of the local 3-node cluster killed -9 in the middle of a bootstrap;
// two bootstraps started at the same moment on one deployment (before NATS
// exists: the lock file; after: the KV lease).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDeployment, phaseStatuses, startCli, type TestDeployment } from '../support/deployment.js';
import { portFree } from '../support/nats-server.js';
import { countProcesses, pidFile } from './processes.js';
import { createRng } from './random.js';
import { checked, injected } from './report.js';

let d: TestDeployment | undefined;
afterEach(async () => {
  await d?.cleanup();
  d = undefined;
});

/** A client port base whose cluster ports (base+i, base+100+i) and monitor ports (mon+i) are all free. */
async function clusterPorts(
  rng: ReturnType<typeof createRng>,
): Promise<{ nats: number; monitor: number; controller: number }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    // Below the kernel's ephemeral range (32768+), where outgoing connections take local ports.
    const nats = rng.int(10_000, 32_000);
    const monitor = nats + 300;
    const controller = nats + 400;
    const wanted = [0, 1, 2].flatMap((i) => [nats + i, nats + 100 + i, monitor + i]).concat(controller);
    if ((await Promise.all(wanted.map(portFree))).every(Boolean)) return { nats, monitor, controller };
  }
  throw new Error('no free block of cluster ports found in 50 tries');
}

function setFlag(flags: string[], name: string, value: string): void {
  const i = flags.indexOf(name);
  if (i >= 0) flags[i + 1] = value;
  else flags.push(name, value);
}

async function waitFor(what: string, fn: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('local 3-node cluster', () => {
  it('a node killed -9 mid-run: the run completes or fails clearly, and a re-run converges', async () => {
    const rng = createRng('cluster-node-kill');
    d = await createTestDeployment();
    const ports = await clusterPorts(rng);
    setFlag(d.flags, '--nats-port', String(ports.nats));
    setFlag(d.flags, '--monitor-port', String(ports.monitor));
    setFlag(d.flags, '--controller-port', String(ports.controller));
    const args = ['bootstrap', '--json', '--nats-type', 'self_hosted_cluster'];
    const victim = rng.int(0, 2);
    const victimPid = join(d.stateDir, 'nats', `default-n${victim}`, 'nats-server.pid');
    const run = startCli(d, args);
    await waitFor(
      `node n${victim} to start`,
      () => alive(pidFile(victimPid)) || run.child.exitCode !== null,
      60_000,
    );
    const delay = rng.int(0, 1500);
    await new Promise((r) => setTimeout(r, delay));
    const pid = pidFile(victimPid);
    if (alive(pid)) process.kill(pid!, 'SIGKILL');
    injected(
      'cluster-node-kill',
      `kill -9 of node default-n${victim} (pid ${pid}) ${delay} ms after it started`,
    );
    const ended = await run.exited;
    const doc = JSON.parse(ended.stdout);
    if (ended.code === 0) {
      checked('cluster-node-kill', 'the run completed despite the lost node');
    } else {
      expect(ended.code, ended.stderr).toBe(1);
      const failed = doc.phases?.find((p: { status: string }) => p.status === 'failed');
      const message = failed ? `${failed.id}: ${failed.reason}` : `${doc.error?.code}: ${doc.error?.message}`;
      expect(message).not.toMatch(/internal error/);
      expect(message.length).toBeGreaterThan(10);
      checked('cluster-node-kill', `the run failed clearly: ${message}`);
    }
    const again = await d.run(args);
    expect(again.code, again.stdout).toBe(0);
    const procs = await countProcesses(d.stateDir);
    expect(procs.servers, procs.servers.join('\n')).toHaveLength(3);
    expect(procs.controllers).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`http://127.0.0.1:${ports.monitor + i}/healthz?js-enabled-only=true`);
      expect(res.ok, `node ${i}`).toBe(true);
    }
    checked('cluster-node-kill', 're-run converged: 3 healthy nodes, 1 controller');
  }, 150_000);
});

describe('two bootstraps at once', () => {
  it('before NATS (lock file) and after (KV lease): one runs, the other exits 3 naming the holder', async () => {
    d = await createTestDeployment();
    for (const stage of ['cold', 'bootstrapped'] as const) {
      const extra = stage === 'cold' ? [] : ['--force'];
      // Both pause in generate-files if they get the lock, so the overlap is certain.
      const env = { NATSGH_TEST_PAUSE_AT: 'generate-files' };
      const [x, y] = [
        startCli(d, ['bootstrap', '--json', ...extra], env),
        startCli(d, ['bootstrap', '--json', ...extra], env),
      ];
      injected('two-bootstraps', `${stage}: two bootstraps started at the same moment`);
      const loser = await Promise.race([x.exited.then(() => x), y.exited.then(() => y)]);
      const winner = loser === x ? y : x;
      const lost = await loser.exited;
      expect(lost.code, lost.stdout + lost.stderr).toBe(3);
      const err = JSON.parse(lost.stdout).error;
      expect(err.code).toBe('lock_held');
      expect(err.message).toMatch(/held by run \S+ on host \S+, pid \d+, since /);
      await winner.waitForStderr('natsgh-test: paused in generate-files');
      winner.child.kill('SIGINT');
      expect((await winner.exited).code).toBe(130);
      checked(
        'two-bootstraps',
        `${stage}: one exited 3 (${err.message.slice(0, 80)}...), the other ran until interrupted (130)`,
      );
    }
    const { r, doc } = await d.bootstrap();
    expect(r.code, r.stderr).toBe(0);
    expect(phaseStatuses(doc)['generate-files']).toBe('done');
    const procs = await countProcesses(d.stateDir);
    expect(procs.servers).toHaveLength(1);
    expect(procs.controllers).toHaveLength(1);
    checked('two-bootstraps', 'the next run converged with one server and one controller');
  }, 120_000);
});
