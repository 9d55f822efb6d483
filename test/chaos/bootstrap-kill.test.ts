// kill -9 of `natsgh bootstrap` at 20 random moments (seeded): after each, a
// re-run converges with exactly one nats-server and one controller (pid files
// and pgrep agree), and NATSGH_EVENTS never holds one event twice.

import { readdirSync } from 'node:fs';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats } from '../../src/nats/connect.js';
import { createTestDeployment, startCli, type TestDeployment } from '../support/deployment.js';
import { countProcesses, recordedPids } from './processes.js';
import { createRng } from './random.js';
import { checked, injected } from './report.js';

const KILLS = 20;

async function eventIds(d: TestDeployment): Promise<string[]> {
  const nc = await connectNats({ servers: [`nats://127.0.0.1:${d.natsPort}`] });
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info('NATSGH_EVENTS');
    const ids: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await jsm.streams.getMessage('NATSGH_EVENTS', { seq }).catch(() => null);
      if (m) ids.push(m.header.get('Nats-Msg-Id'));
    }
    return ids;
  } finally {
    await nc.close();
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

describe('bootstrap killed with SIGKILL at random moments', () => {
  let d: TestDeployment;
  beforeAll(async () => {
    d = await createTestDeployment();
  });
  afterAll(async () => {
    await d?.cleanup();
  });

  it(`converges after ${KILLS} kills: one server, one controller, no duplicated event`, async () => {
    const rng = createRng('bootstrap-kill');
    const hits: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      // Give every killed run work to do: a cold start, a forced re-run, or a changed input.
      const kind = i % 4 === 0 ? 'cold' : i % 2 === 1 ? 'force' : 'input';
      if (kind === 'cold' && i > 0) {
        const t = await d.run(['teardown', '--yes', '--json']);
        expect(t.code, t.stderr).toBe(0);
      }
      // Without --json the runner prints a line per phase event, which shows where the kill landed.
      const args = ['bootstrap', '--org', `org-${i % 2}`, ...(kind === 'force' ? ['--force'] : [])];
      // Most kills are timed from the first line the run prints (inside the phases);
      // every fifth from the spawn (inside Node/oclif start-up and config loading).
      const fromSpawn = i % 5 === 4;
      const delay = fromSpawn ? rng.int(20, 1200) : rng.int(0, kind === 'cold' ? 2000 : 900);
      const run = startCli(d, args);
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
      if (killed) run.child.kill('SIGKILL');
      const ended = await run.exited;
      // The phases that had printed progress tell where the kill landed.
      const last =
        `${ended.stdout}\n${ended.stderr}`.trim().split('\n').filter(Boolean).at(-1) ?? '(nothing printed)';
      hits.push(
        `#${i} ${kind} +${delay}ms after ${fromSpawn ? 'spawn' : 'first output'} ${killed ? 'killed' : `already exited ${ended.code}`}: ${last.slice(0, 80)}`,
      );
      injected('bootstrap-kill', hits.at(-1)!);

      const again = await d.bootstrap(['--org', `org-${i % 2}`]);
      expect(again.r.code, `re-run after kill #${i} (${hits.at(-1)}):\n${again.r.stderr}`).toBe(0);
      expect(again.doc.ok).toBe(true);

      const procs = countProcesses(d.stateDir);
      expect(procs.servers, `after kill #${i}:\n${procs.servers.join('\n')}`).toHaveLength(1);
      expect(procs.controllers, `after kill #${i}:\n${procs.controllers.join('\n')}`).toHaveLength(1);
      const pids = recordedPids(d.stateDir);
      expect(procs.servers[0].startsWith(`${pids.server} `), `server pid file ${pids.server}`).toBe(true);
      expect(
        procs.controllers[0].startsWith(`${pids.controller} `),
        `controller pid file ${pids.controller}`,
      ).toBe(true);
    }

    const ids = await eventIds(d);
    const seen = new Map<string, number>();
    for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
    const dup = [...seen].filter(([, n]) => n > 1);
    expect(dup, 'events stored more than once').toEqual([]);
    expect(ids.length).toBeGreaterThan(0);
    // A kill between "write temp" and "rename" orphans the temp file (the real file stays whole).
    // Orphans must belong to a killed run, never to a live process; they are reported, see the README.
    const temps = [...tempFiles(d.stateDir), ...tempFiles(d.outDir)];
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
    const status = await d.run(['status', '--json']);
    expect(JSON.parse(status.stdout).lock).toBeNull();
    checked(
      'bootstrap-kill',
      `${KILLS} kills each followed by a converging re-run: 1 nats-server + 1 controller matching the pid files; ${ids.length} events in NATSGH_EVENTS, none duplicated; no temp files; lock free`,
    );
  }, 240_000);
});
