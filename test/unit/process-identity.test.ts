// Process identity and stopping on each OS, from recorded tool outputs
// (test/fixtures/platform): Linux /proc/<pid>/stat (recorded here, with a ")" in
// the command name), macOS `ps -o pgid= -o stat= -o lstart= -o command=`, the
// Windows CIM query's JSON. The platform and the runner are injected, so the
// macOS and Windows branches run on Linux; real processes cover this machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { controllerMarkers } from '../../src/deploy/controller/dev.js';
import { type LocalServerSpec, stopServer } from '../../src/provision/local-server.js';
import type { Platform } from '../../src/system/platform.js';
import { isAlive, type RunResult, stopRecordedProcess } from '../../src/system/process.js';
import {
  holdsMarker,
  hostIdentity,
  inspectProcess,
  listProcesses,
  type ProcessRecord,
  parseProcStat,
  parseWindowsList,
  readProcessRecord,
  recordOrAdopt,
  recordProcess,
  verifyProcess,
  windowsProcessQuery,
} from '../../src/system/process-identity.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/platform', name), 'utf8');
const linux: Platform = { os: 'linux', arch: 'x64', env: {}, home: '/home/ada' };
const mac: Platform = { os: 'darwin', arch: 'arm64', env: {}, home: '/Users/dev' };
const win: Platform = { os: 'win32', arch: 'x64', env: {}, home: 'C:\\Users\\dev' };
const result = (stdout: string, exitCode = 0): RunResult => ({
  exitCode,
  stdout,
  stderr: '',
  failed: exitCode !== 0,
  timedOut: false,
});
const MAC_MARKERS = ['controller run', '--deployment default', '--state-dir /Users/dev/acme/.natsgh'];
const WIN_MARKERS = ['controller run', '--deployment default', '--state-dir C:\\Users\\dev\\acme\\.natsgh'];

/** A fake process table answering ps / PowerShell / taskkill with recorded outputs. */
function fakeTable(first: string, opts: { after?: string; diesOn?: string } = {}) {
  const calls: string[] = [];
  let output = first;
  let alive = true;
  return {
    calls,
    setOutput: (o: string) => {
      output = o;
    },
    isAlive: () => alive,
    sleep: async () => {},
    kill: (pid: number, signal: NodeJS.Signals | 0) => {
      calls.push(`kill ${pid} ${signal}`);
      if (opts.diesOn === signal) alive = false;
    },
    run: async (file: string, args: string[]) => {
      calls.push(`${file} ${file === 'powershell.exe' ? '<query>' : args.join(' ')}`);
      if (file === 'taskkill') {
        alive = false;
        return result('SUCCESS: The process with PID 4242 (child process of PID 1000) has been terminated.');
      }
      const out = output;
      if (opts.after !== undefined) output = opts.after;
      return out ? result(out) : result('', file === 'ps' ? 1 : 0);
    },
  };
}

function record(overrides: Partial<ProcessRecord>): ProcessRecord {
  return { pid: 4242, host: 'h', startTime: '', commandLine: '', meta: {}, ...overrides };
}

describe('parsing what each OS says about a pid', () => {
  it('Linux /proc/<pid>/stat: start ticks and group, whatever the command name holds', () => {
    expect(parseProcStat(fixture('linux-proc-stat.txt'))).toEqual({
      state: 'S',
      pgid: 20008,
      startTicks: '158900',
    });
  });

  it('Linux: the start time carries the boot id, so a pid and tick count from before a reboot never match', async () => {
    const files: Record<string, string> = {
      '/proc/20013/stat': fixture('linux-proc-stat.txt'),
      '/proc/20013/cmdline': '/tmp/we ird) name\u000030\u0000',
      '/proc/sys/kernel/random/boot_id': 'd7e36202-108b-4e3b-b257-0abac6f050e5\n',
    };
    const info = await inspectProcess(20013, { platform: linux, readFile: async (p) => files[p] });
    expect(info).toEqual({
      pid: 20013,
      startTime: 'd7e36202-108b-4e3b-b257-0abac6f050e5:158900',
      commandLine: '/tmp/we ird) name 30',
      pgid: 20008,
    });
    files['/proc/20013/stat'] = fixture('linux-proc-stat.txt').replace(') S ', ') Z ');
    expect(await inspectProcess(20013, { platform: linux, readFile: async (p) => files[p] })).toBeUndefined();
  });

  it('macOS ps (LC_ALL=C, one -o per column): lstart is the identity; a zombie is not running', async () => {
    const t = fakeTable(fixture('darwin-ps.txt'));
    const info = await inspectProcess(4242, { platform: mac, run: t.run });
    expect(t.calls).toEqual(['ps -ww -o pgid= -o stat= -o lstart= -o command= -p 4242']);
    expect(info).toMatchObject({ pid: 4242, pgid: 4242, startTime: 'Sun Nov 29 11:26:39 2026' });
    expect(info?.commandLine).toContain('controller run --deployment default');
    expect(
      await inspectProcess(4243, { platform: mac, run: fakeTable(fixture('darwin-ps-zombie.txt')).run }),
    ).toBe(undefined);
    // ps exits 1 with no output for a pid that does not exist.
    expect(await inspectProcess(4242, { platform: mac, run: fakeTable('').run })).toBeUndefined();
  });

  it('Windows CIM through PowerShell: CreationDate (UTC, ISO 8601) and CommandLine', async () => {
    const t = fakeTable(fixture('win32-cim.stdout.txt'));
    const info = await inspectProcess(4242, { platform: win, run: t.run });
    expect(info).toEqual({
      pid: 4242,
      startTime: '2026-11-29T11:26:39.4567890Z',
      commandLine: expect.stringContaining('--state-dir C:\\Users\\dev\\acme\\.natsgh'),
    });
    expect(windowsProcessQuery(4242)).toContain('Win32_Process -Filter "ProcessId = 4242"');
    expect(await inspectProcess(4242, { platform: win, run: fakeTable('').run })).toBeUndefined();
  });
});

describe('listing processes (the test harness counts a deployment by its state dir)', () => {
  it('macOS ps -axww -o pid= -o command= and Windows CIM give pid and command line', async () => {
    const mac = await listProcesses({
      platform: { ...linux, os: 'darwin' },
      run: fakeTable(fixture('darwin-ps-list.txt')).run,
    });
    expect(mac.filter((p) => p.commandLine.includes('/Users/dev/acme/.natsgh')).map((p) => p.pid)).toEqual([
      4242, 4250,
    ]);
    const w = await listProcesses({
      platform: win,
      run: fakeTable(fixture('win32-cim-list.stdout.txt')).run,
    });
    expect(
      w.filter((p) => p.commandLine.includes('C:\\Users\\dev\\acme\\.natsgh')).map((p) => p.pid),
    ).toEqual([4242, 4250]);
    expect(parseWindowsList('{"ProcessId":7,"CommandLine":null}')).toEqual([{ pid: 7, commandLine: '' }]);
  });

  it('on this machine: finds this very process by its command line', async () => {
    const me = (await listProcesses()).find((p) => p.pid === process.pid);
    expect(me?.commandLine).toContain('node');
  });
});

describe('verifyProcess', () => {
  const mine = record({ host: 'mac', startTime: 'Sun Nov 29 11:26:39 2026' });
  const deps = (out: string) => ({ platform: mac, run: fakeTable(out).run, host: 'mac' });

  it('is ours only with the same host, start time and every marker', async () => {
    expect((await verifyProcess(mine, MAC_MARKERS, deps(fixture('darwin-ps.txt')))).state).toBe('ours');
    expect(
      await verifyProcess({ ...mine, host: 'other-laptop' }, MAC_MARKERS, deps(fixture('darwin-ps.txt'))),
    ).toEqual({
      state: 'foreign',
      reason: expect.stringContaining('another host'),
    });
    const reused = fixture('darwin-ps.txt').replace('11:26:39', '08:00:01');
    expect((await verifyProcess(mine, MAC_MARKERS, deps(reused))).state).toBe('foreign');
    const browser = fixture('darwin-ps.txt').replace(
      /\/opt.*$/m,
      '/Applications/Safari.app/Contents/MacOS/Safari',
    );
    expect((await verifyProcess(mine, MAC_MARKERS, deps(browser))).state).toBe('foreign');
    expect((await verifyProcess(mine, MAC_MARKERS, deps(''))).state).toBe('gone');
  });

  it('Windows: a state dir with spaces, quoted in the command line CIM reports, still matches', async () => {
    const spaced = fixture('win32-cim.stdout.txt').replace(
      '--state-dir C:\\\\Users\\\\dev\\\\acme\\\\.natsgh',
      '--state-dir \\"C:\\\\Users\\\\Jo Doe\\\\acme\\\\.natsgh\\"',
    );
    expect(spaced).toContain('Jo Doe');
    const rec = record({ host: 'win', startTime: '2026-11-29T11:26:39.4567890Z' });
    const markers = ['controller run', '--state-dir C:\\Users\\Jo Doe\\acme\\.natsgh'];
    const verdict = await verifyProcess(rec, markers, {
      platform: win,
      run: fakeTable(spaced).run,
      host: 'win',
    });
    expect(verdict.state).toBe('ours');
  });

  it("the controller's markers tell deployment prod from prod2 and a state dir from its sibling", () => {
    const line = (d: string, dir: string) =>
      `/usr/bin/node /opt/natsgh/bin/run.js controller run --deployment ${d} --state-dir ${dir} --controller-port 8080`;
    const markers = controllerMarkers('/srv/.natsgh', 'prod');
    expect(markers.every((m) => holdsMarker(line('prod', '/srv/.natsgh'), m))).toBe(true);
    expect(markers.every((m) => holdsMarker(line('prod2', '/srv/.natsgh'), m))).toBe(false);
    expect(markers.every((m) => holdsMarker(line('prod', '/srv/.natsgh-old'), m))).toBe(false);
  });

  it('never accepts pid 1, 0, a negative pid or natsgh itself, whatever the record says', async () => {
    for (const pid of [1, 0, -1, process.pid]) {
      expect((await verifyProcess({ ...mine, pid }, [], deps(fixture('darwin-ps.txt')))).state).toBe(
        'foreign',
      );
    }
  });
});

describe('stopRecordedProcess on Windows (recorded CIM output, injected runner)', () => {
  const mine = record({ host: 'win', startTime: '2026-11-29T11:26:39.4567890Z' });

  it('asks the controller to shut down and uses no taskkill when it exits', async () => {
    const t = fakeTable(fixture('win32-cim.stdout.txt'), { diesOn: 'SIGTERM' });
    let asked = 0;
    const r = await stopRecordedProcess(mine, WIN_MARKERS, {
      ...t,
      platform: win,
      host: 'win',
      graceMs: 100,
      graceful: async () => {
        asked++;
        t.kill(4242, 'SIGTERM'); // the controller exits on its own
        return true;
      },
    });
    expect(r.outcome).toBe('stopped');
    expect(asked).toBe(1);
    expect(t.calls.filter((c) => c.startsWith('taskkill'))).toEqual([]);
  });

  it('ends the tree with taskkill /F only after checking the pid is still the one recorded', async () => {
    const t = fakeTable(fixture('win32-cim.stdout.txt'));
    const r = await stopRecordedProcess(mine, WIN_MARKERS, { ...t, platform: win, host: 'win', graceMs: 50 });
    expect(r.outcome).toBe('killed');
    expect(t.calls).toEqual(['powershell.exe <query>', 'powershell.exe <query>', 'taskkill /PID 4242 /T /F']);
  });

  it('a pid now held by another process (a stale record after a reboot) gets no taskkill at all', async () => {
    const browser = fixture('win32-cim.stdout.txt').replace('2026-11-29T11:26:39', '2026-12-01T07:00:00');
    const t = fakeTable(browser);
    const r = await stopRecordedProcess(mine, WIN_MARKERS, { ...t, platform: win, host: 'win', graceMs: 50 });
    expect(r.outcome).toBe('not-ours');
    expect(t.calls).toEqual(['powershell.exe <query>']);
  });

  it('a pid reused during the grace period is not force-killed', async () => {
    const reused = fixture('win32-cim.stdout.txt').replace('2026-11-29T11:26:39', '2026-11-29T11:27:00');
    const t = fakeTable(fixture('win32-cim.stdout.txt'), { after: reused });
    const r = await stopRecordedProcess(mine, WIN_MARKERS, { ...t, platform: win, host: 'win', graceMs: 50 });
    expect(r.outcome).toBe('stopped');
    expect(t.calls.filter((c) => c.startsWith('taskkill'))).toEqual([]);
  });
});

describe('stopRecordedProcess on macOS (recorded ps output, injected kill)', () => {
  const mine = record({ host: 'mac', startTime: 'Sun Nov 29 11:26:39 2026' });

  it('SIGTERMs the group it leads; SIGKILL follows only while it is still the recorded process', async () => {
    const t = fakeTable(fixture('darwin-ps.txt'), { diesOn: 'SIGKILL' });
    const r = await stopRecordedProcess(mine, MAC_MARKERS, { ...t, platform: mac, host: 'mac', graceMs: 50 });
    expect(r.outcome).toBe('killed');
    expect(t.calls.filter((c) => c.startsWith('kill'))).toEqual(['kill -4242 SIGTERM', 'kill -4242 SIGKILL']);
  });

  it('signals only the pid (not a group) when the process does not lead its group', async () => {
    const t = fakeTable(fixture('darwin-ps.txt').replace(' 4242 S', ' 4100 S'), { diesOn: 'SIGTERM' });
    const r = await stopRecordedProcess(mine, MAC_MARKERS, { ...t, platform: mac, host: 'mac', graceMs: 50 });
    expect(r.outcome).toBe('stopped');
    expect(t.calls.filter((c) => c.startsWith('kill'))).toEqual(['kill 4242 SIGTERM']);
  });
});

describe('on this machine (real processes)', () => {
  const dirs: string[] = [];
  const victims: number[] = [];
  afterEach(() => {
    for (const pid of victims.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'natsgh-identity-'));
    dirs.push(d);
    return d;
  };
  const unrelated = () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)'], {
      detached: true,
      stdio: 'ignore',
    });
    child.unref();
    victims.push(child.pid!);
    return child.pid!;
  };

  it('records a process it started (0600) and stops it; the record then says gone', async () => {
    const dir = tmp();
    const pid = unrelated();
    const file = join(dir, 'x.proc.json');
    const rec = await recordProcess(file, pid, { version: '1' });
    expect(rec?.host).toBe(hostIdentity());
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readProcessRecord(file)).toEqual(rec);
    const r = await stopRecordedProcess(rec!, ['setInterval'], { graceMs: 2000 });
    expect(r.outcome).toBe('stopped');
    expect(isAlive(pid)).toBe(false);
    expect((await verifyProcess(rec!, ['setInterval'])).state).toBe('gone');
  });

  it('leaves a live process alone when the record has another start time (pid reuse) or lacks a marker', async () => {
    const dir = tmp();
    const pid = unrelated();
    const rec = (await recordProcess(join(dir, 'x.proc.json'), pid))!;
    expect(
      (await stopRecordedProcess({ ...rec, startTime: `${rec.startTime}0` }, [], { graceMs: 100 })).outcome,
    ).toBe('not-ours');
    expect((await stopRecordedProcess(rec, ['nats-server'], { graceMs: 100 })).outcome).toBe('not-ours');
    expect(isAlive(pid)).toBe(true);
  });

  it('adopts a pid from the state dir only when its command line names what natsgh started there', async () => {
    const dir = tmp();
    const pid = unrelated();
    const file = join(dir, 'x.proc.json');
    expect(await recordOrAdopt(file, pid, ['nats-server', join(dir, 'server.conf')])).toBeUndefined();
    expect(await recordOrAdopt(file, 1, [])).toBeUndefined();
    const adopted = await recordOrAdopt(file, pid, ['setInterval']);
    expect(adopted?.pid).toBe(pid);
    writeFileSync(file, '{"pid":1}');
    expect(await readProcessRecord(file)).toBeUndefined();
  });

  it('stopServer leaves running the process a stale nats-server.pid names (the after-reboot case)', async () => {
    const dir = tmp();
    const pid = unrelated();
    writeFileSync(join(dir, 'nats-server.pid'), `${pid}\n`);
    expect(await stopServer({ dir, serverName: 'n1', monitorPort: 1 } as LocalServerSpec)).toBe(
      'not-running',
    );
    expect(isAlive(pid)).toBe(true);
  });
});
