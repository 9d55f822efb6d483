import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/system/platform.js';
import {
  isAlive,
  type RunResult,
  runCommand,
  spawnDetached,
  stopProcess,
  stopProcessTree,
} from '../../src/system/process.js';

const win: Platform = { os: 'win32', arch: 'x64', env: {}, home: 'C:\\Users\\ada' };
const linux: Platform = { os: 'linux', arch: 'x64', env: {}, home: '/home/ada' };
const ok: RunResult = { exitCode: 0, stdout: '', stderr: '', failed: false, timedOut: false };
const noSleep = async () => {};

/** A fake process table: pid 4242 lives until `dies` says otherwise. */
function fakeProcess(diesOn: (signal: string) => boolean) {
  let alive = true;
  const calls: string[] = [];
  return {
    calls,
    isAlive: () => alive,
    kill: (pid: number, signal: NodeJS.Signals | 0) => {
      calls.push(`kill ${pid} ${signal}`);
      if (!alive) throw Object.assign(new Error('ESRCH'), { code: 'ESRCH' });
      if (diesOn(String(signal))) alive = false;
    },
    run: (async (file: string, args: string[]) => {
      calls.push([file, ...args].join(' '));
      if (diesOn(args.join(' '))) alive = false;
      return ok;
    }) as typeof runCommand,
    sleep: noSleep,
  };
}

describe('stopProcessTree on Windows (injected platform and runner)', () => {
  it('asks with taskkill /T and stops there when the tree exits', async () => {
    const f = fakeProcess((s) => s === '/PID 4242 /T');
    const outcome = await stopProcessTree(4242, { platform: win, graceMs: 100, ...f });
    expect(outcome).toBe('stopped');
    expect(f.calls).toEqual(['taskkill /PID 4242 /T']);
  });

  it('forces with taskkill /T /F after the grace period', async () => {
    const f = fakeProcess((s) => s.endsWith('/F'));
    const outcome = await stopProcessTree(4242, { platform: win, graceMs: 100, ...f });
    expect(outcome).toBe('killed');
    expect(f.calls).toEqual(['taskkill /PID 4242 /T', 'taskkill /PID 4242 /T /F']);
  });

  it('goes straight to /F when taskkill refuses a windowless process, instead of waiting the grace period', async () => {
    const f = fakeProcess((s) => s.endsWith('/F'));
    let slept = 0;
    const refused = (async (file: string, args: string[]) => {
      const r = await f.run(file, args);
      if (args.includes('/F')) return r;
      return {
        ...r,
        exitCode: 128,
        failed: true,
        stderr:
          'ERROR: The process with PID 4242 (child process of PID 1000) could not be terminated.\r\nReason: This process can only be terminated forcefully (with /F option).',
      };
    }) as typeof runCommand;
    const outcome = await stopProcessTree(4242, {
      platform: win,
      graceMs: 60_000,
      ...f,
      run: refused,
      sleep: async (ms) => {
        slept += ms;
      },
    });
    expect(outcome).toBe('killed');
    expect(f.calls).toEqual(['taskkill /PID 4242 /T', 'taskkill /PID 4242 /T /F']);
    expect(slept).toBeLessThan(60_000);
  });

  it('never sends POSIX signals on Windows', async () => {
    const f = fakeProcess((s) => s.endsWith('/F'));
    await stopProcessTree(4242, { platform: win, graceMs: 10, ...f });
    expect(f.calls.some((c) => c.startsWith('kill'))).toBe(false);
  });
});

describe('stopProcessTree on POSIX (injected kill)', () => {
  it('sends SIGTERM to the process group first', async () => {
    const f = fakeProcess((s) => s === 'SIGTERM');
    const outcome = await stopProcessTree(4242, { platform: linux, graceMs: 100, ...f });
    expect(outcome).toBe('stopped');
    expect(f.calls[0]).toBe('kill -4242 SIGTERM');
    expect(f.calls.some((c) => c.includes('SIGKILL'))).toBe(false);
  });

  it('escalates to SIGKILL of the group when SIGTERM is ignored', async () => {
    const f = fakeProcess((s) => s === 'SIGKILL');
    const outcome = await stopProcessTree(4242, { platform: linux, graceMs: 100, ...f });
    expect(outcome).toBe('killed');
    expect(f.calls).toEqual(['kill -4242 SIGTERM', 'kill -4242 SIGKILL']);
  });

  it('falls back to the pid when it does not lead a group', async () => {
    const calls: string[] = [];
    let alive = true;
    const outcome = await stopProcessTree(4242, {
      platform: linux,
      graceMs: 100,
      sleep: noSleep,
      isAlive: () => alive,
      kill: (pid, signal) => {
        calls.push(`kill ${pid} ${signal}`);
        if (pid < 0) throw Object.assign(new Error('ESRCH'), { code: 'ESRCH' });
        alive = false;
      },
    });
    expect(outcome).toBe('stopped');
    expect(calls.slice(0, 2)).toEqual(['kill -4242 SIGTERM', 'kill 4242 SIGTERM']);
  });

  it('reports not-running without signalling anything', async () => {
    const calls: string[] = [];
    const outcome = await stopProcessTree(4242, {
      platform: linux,
      isAlive: () => false,
      kill: (pid, s) => void calls.push(`${pid} ${s}`),
    });
    expect(outcome).toBe('not-running');
    expect(calls).toEqual([]);
  });
});

describe.runIf(process.platform !== 'win32')('stopProcess on this machine', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('stops a detached process and the child it started (the whole group)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-stop-'));
    dirs.push(dir);
    const pidFile = join(dir, 'child.pid');
    // The leader starts a grandchild, records its pid, and waits.
    const pid = spawnDetached('sh', ['-c', `sleep 30 & echo $! > '${pidFile}'; wait`], {
      logFile: join(dir, 'log'),
    });
    let childPid = 0;
    for (let i = 0; i < 200 && !childPid; i++) {
      const r = await runCommand('cat', [pidFile]);
      childPid = Number(r.stdout.trim()) || 0;
      if (!childPid) await new Promise((r2) => setTimeout(r2, 10));
    }
    expect(childPid).toBeGreaterThan(0);
    expect(isAlive(childPid)).toBe(true);
    const outcome = await stopProcess(pid, 2000);
    expect(['stopped', 'killed']).toContain(outcome);
    expect(isAlive(pid)).toBe(false);
    for (let i = 0; i < 100 && isAlive(childPid); i++) await new Promise((r) => setTimeout(r, 10));
    expect(isAlive(childPid)).toBe(false);
  });
});
