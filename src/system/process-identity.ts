// Which process a pid is, on each OS: its start time (so a reused pid is told
// apart) and its command line (so a pid that never was natsgh's is). natsgh
// records this when it starts a process and signals only a live process whose
// identity still matches the record: never a pid learned over the network,
// never one whose record was written on another host, never pid <= 1.
//
//   linux   /proc/<pid>/stat (start time in clock ticks since boot, with the boot id)
//   darwin  ps -ww -o pgid= -o stat= -o lstart= -o command= -p <pid> (LC_ALL=C)
//   win32   Get-CimInstance Win32_Process (CreationDate, CommandLine) via PowerShell
//
// The platform, file reader and command runner are injected so that each
// branch is tested on Linux against recorded outputs of the real tools.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { writeFileAtomic } from './atomic-file.js';
import { currentPlatform, type Platform } from './platform.js';
import type { RunOptions, RunResult } from './process.js';

/** What the OS says about a live process. */
export interface ProcessInfo {
  pid: number;
  /** Opaque, compared for equality only: differs for every process that ever had this pid. */
  startTime: string;
  /** The full command line, as one string (Windows and ps give no argv). */
  commandLine: string;
  /** POSIX process group; equal to pid for a group leader natsgh started detached. */
  pgid?: number;
}

/** What natsgh wrote when it started a process (a JSON file, mode 0600, in the state dir). */
export interface ProcessRecord {
  pid: number;
  /** hostIdentity() of the machine that started it. */
  host: string;
  startTime: string;
  commandLine: string;
  /** Free-form facts the starter wants back (the CLI version, for the controller). */
  meta?: Record<string, string>;
}

export interface IdentityDeps {
  platform?: Platform;
  /** Reads a file, undefined when it does not exist (Linux /proc). */
  readFile?: (path: string) => Promise<string | undefined>;
  /** Runs ps or PowerShell; defaults to runCommand. */
  run?: (file: string, args: string[], opts?: RunOptions) => Promise<RunResult>;
  /** The host identity to compare records with (defaults to hostIdentity()). */
  host?: string;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function defaultRun(file: string, args: string[], opts?: RunOptions): Promise<RunResult> {
  const { runCommand } = await import('./process.js');
  return runCommand(file, args, opts);
}

let cachedHost: string | undefined;

/**
 * This machine: its host name plus, on Linux, /etc/machine-id (two containers
 * or VMs may share a host name). A record from another host never matches.
 */
export function hostIdentity(platform: Platform = currentPlatform()): string {
  if (platform.os === currentPlatform().os && cachedHost !== undefined) return cachedHost;
  let id = hostname();
  if (platform.os === 'linux') {
    try {
      id += `/${readFileSync('/etc/machine-id', 'utf8').trim()}`;
    } catch {
      // No machine id (a minimal container): the host name alone.
    }
  }
  cachedHost = id;
  return id;
}

/** Parses /proc/<pid>/stat: undefined for a zombie (exited, not yet reaped). */
export function parseProcStat(stat: string): { state: string; pgid: number; startTicks: string } | undefined {
  // The command name is parenthesised and may itself hold ")" and spaces.
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = stat
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // fields[0] is field 3 (state); pgrp is field 5, starttime field 22.
  const state = fields[0];
  const pgid = Number(fields[2]);
  const startTicks = fields[19];
  if (!state || !startTicks || !/^\d+$/.test(startTicks)) return undefined;
  return { state, pgid, startTicks };
}

/** Parses one line of `ps -ww -o pgid= -o stat= -o lstart= -o command= -p <pid>` run with LC_ALL=C. */
export function parsePsLine(
  line: string,
): { pgid: number; state: string; lstart: string; command: string } | undefined {
  const m = /^\s*(\d+)\s+(\S+)\s+(\w{3}\s+\w{3}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4})\s+(.*)$/.exec(line);
  if (!m) return undefined;
  return { pgid: Number(m[1]), state: m[2], lstart: m[3].replace(/\s+/g, ' '), command: m[4].trim() };
}

/** The PowerShell that prints one process as JSON (nothing when there is none). */
export function windowsProcessQuery(pid: number): string {
  return [
    '$ErrorActionPreference = "Stop"',
    `$p = Get-CimInstance -ClassName Win32_Process -Filter "ProcessId = ${pid}"`,
    'if ($p) { [pscustomobject]@{ ProcessId = [int]$p.ProcessId; CreationDate = $p.CreationDate.ToUniversalTime().ToString("o"); CommandLine = [string]$p.CommandLine } | ConvertTo-Json -Compress }',
  ].join('; ');
}

/** Parses what windowsProcessQuery prints. */
export function parseWindowsProcess(
  stdout: string,
): { pid: number; created: string; commandLine: string } | undefined {
  const text = stdout.trim();
  if (!text) return undefined;
  try {
    const o = JSON.parse(text) as { ProcessId?: unknown; CreationDate?: unknown; CommandLine?: unknown };
    if (typeof o.ProcessId !== 'number' || typeof o.CreationDate !== 'string') return undefined;
    return {
      pid: o.ProcessId,
      created: o.CreationDate,
      commandLine: typeof o.CommandLine === 'string' ? o.CommandLine : '',
    };
  } catch {
    return undefined;
  }
}

/** The identity of a live process, or undefined when no such process runs (or it is a zombie). */
export async function inspectProcess(pid: number, deps: IdentityDeps = {}): Promise<ProcessInfo | undefined> {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const platform = deps.platform ?? currentPlatform();
  const read = deps.readFile ?? readIfExists;
  const run = deps.run ?? defaultRun;
  switch (platform.os) {
    case 'linux': {
      const statText = await read(`/proc/${pid}/stat`);
      const stat = statText ? parseProcStat(statText) : undefined;
      if (!stat || stat.state === 'Z' || stat.state === 'X') return undefined;
      const bootId = ((await read('/proc/sys/kernel/random/boot_id')) ?? '').trim();
      const cmdline = (await read(`/proc/${pid}/cmdline`)) ?? '';
      return {
        pid,
        startTime: `${bootId}:${stat.startTicks}`,
        commandLine: cmdline.replace(/\0+$/, '').split('\0').join(' '),
        pgid: stat.pgid,
      };
    }
    case 'darwin': {
      // One -o per column: in "-o a=,b=" everything after "=" is a's header.
      const columns = ['-o', 'pgid=', '-o', 'stat=', '-o', 'lstart=', '-o', 'command='];
      const r = await run('ps', ['-ww', ...columns, '-p', String(pid)], {
        env: { ...platform.env, LC_ALL: 'C', LANG: 'C' },
        timeoutMs: 10_000,
      }).catch(() => undefined);
      // ps exits 1 with no output when the pid does not exist.
      const line = r?.stdout.split('\n').find((l) => l.trim());
      const ps = line ? parsePsLine(line) : undefined;
      if (!ps || ps.state.startsWith('Z')) return undefined;
      return { pid, startTime: ps.lstart, commandLine: ps.command, pgid: ps.pgid };
    }
    case 'win32': {
      const r = await run(
        'powershell.exe',
        ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', windowsProcessQuery(pid)],
        { timeoutMs: 30_000 },
      ).catch(() => undefined);
      const w = r && !r.failed ? parseWindowsProcess(r.stdout) : undefined;
      if (!w || w.pid !== pid) return undefined;
      return { pid, startTime: w.created, commandLine: w.commandLine };
    }
  }
}

/** Records the identity of a process natsgh just started; undefined when it already exited. */
export async function recordProcess(
  file: string,
  pid: number,
  meta: Record<string, string> = {},
  deps: IdentityDeps = {},
): Promise<ProcessRecord | undefined> {
  const info = await inspectProcess(pid, deps);
  if (!info) return undefined;
  const record: ProcessRecord = {
    pid,
    host: deps.host ?? hostIdentity(deps.platform),
    startTime: info.startTime,
    commandLine: info.commandLine,
    meta,
  };
  await writeFileAtomic(file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  return record;
}

/** A record file natsgh wrote, or undefined when it is missing or malformed. */
export async function readProcessRecord(file: string): Promise<ProcessRecord | undefined> {
  const text = await readIfExists(file);
  if (!text) return undefined;
  try {
    const r = JSON.parse(text) as Partial<ProcessRecord>;
    if (
      typeof r.pid !== 'number' ||
      !Number.isInteger(r.pid) ||
      typeof r.host !== 'string' ||
      typeof r.startTime !== 'string' ||
      typeof r.commandLine !== 'string'
    )
      return undefined;
    const meta =
      r.meta && typeof r.meta === 'object'
        ? Object.fromEntries(Object.entries(r.meta).filter(([, v]) => typeof v === 'string'))
        : {};
    return { pid: r.pid, host: r.host, startTime: r.startTime, commandLine: r.commandLine, meta };
  } catch {
    return undefined;
  }
}

/**
 * Whether a command line holds a marker. Windows reports the command line as
 * the process was started, with an argument holding spaces in double quotes
 * ("C:\Users\Jo Doe\.natsgh"): quotes are not compared.
 */
export function holdsMarker(commandLine: string, marker: string): boolean {
  return commandLine.replaceAll('"', '').includes(marker.replaceAll('"', ''));
}

export type Verdict =
  | { state: 'ours'; info: ProcessInfo }
  | { state: 'gone' }
  | { state: 'foreign'; reason: string };

/**
 * Whether the recorded process still runs and is still the one recorded: same
 * host, pid > 1 and not natsgh itself, same start time, and a command line
 * holding every marker (natsgh's controller or nats-server, and this state dir).
 */
export async function verifyProcess(
  record: ProcessRecord,
  markers: readonly string[],
  deps: IdentityDeps = {},
): Promise<Verdict> {
  if (!Number.isInteger(record.pid) || record.pid <= 1 || record.pid === process.pid)
    return { state: 'foreign', reason: `pid ${record.pid} is never natsgh's to signal` };
  const host = deps.host ?? hostIdentity(deps.platform);
  if (record.host !== host)
    return { state: 'foreign', reason: `pid ${record.pid} was recorded on another host (${record.host})` };
  const info = await inspectProcess(record.pid, deps);
  if (!info) return { state: 'gone' };
  if (info.startTime !== record.startTime)
    return {
      state: 'foreign',
      reason: `pid ${record.pid} now belongs to another process (started ${info.startTime}, recorded ${record.startTime})`,
    };
  const missing = markers.filter((m) => !holdsMarker(info.commandLine, m));
  if (missing.length > 0)
    return {
      state: 'foreign',
      reason: `pid ${record.pid} does not run what natsgh started (its command line lacks ${missing.join(', ')})`,
    };
  return { state: 'ours', info };
}

/**
 * The record natsgh wrote for a process it started; when there is none (a run
 * killed between the spawn and the record, or a state dir from a natsgh that
 * kept pid files only), the pid from the state dir's own pid file is recorded
 * now if that process runs a command line holding every marker (natsgh's
 * controller or nats-server with this state dir). Never a pid from anywhere else.
 */
export async function recordOrAdopt(
  recordFile: string,
  pidFromStateDir: number | undefined,
  markers: readonly string[],
  deps: IdentityDeps = {},
): Promise<ProcessRecord | undefined> {
  const record = await readProcessRecord(recordFile);
  if (record) return record;
  if (pidFromStateDir === undefined || pidFromStateDir <= 1 || pidFromStateDir === process.pid)
    return undefined;
  const info = await inspectProcess(pidFromStateDir, deps);
  if (!info || !markers.every((m) => holdsMarker(info.commandLine, m))) return undefined;
  return recordProcess(recordFile, pidFromStateDir, { adopted: 'true' }, deps);
}

/** Every process this user can see: pid and command line (tests and diagnostics count natsgh's by state dir). */
export async function listProcesses(
  deps: IdentityDeps = {},
): Promise<Array<{ pid: number; commandLine: string }>> {
  const platform = deps.platform ?? currentPlatform();
  const run = deps.run ?? defaultRun;
  switch (platform.os) {
    case 'linux': {
      const { readdir } = await import('node:fs/promises');
      const read = deps.readFile ?? readIfExists;
      const pids = (await readdir('/proc').catch(() => [] as string[])).filter((n) => /^\d+$/.test(n));
      const out: Array<{ pid: number; commandLine: string }> = [];
      for (const name of pids) {
        const cmdline = await read(`/proc/${name}/cmdline`);
        if (cmdline)
          out.push({ pid: Number(name), commandLine: cmdline.replace(/\0+$/, '').split('\0').join(' ') });
      }
      return out;
    }
    case 'darwin': {
      const r = await run('ps', ['-axww', '-o', 'pid=', '-o', 'command='], {
        env: { ...platform.env, LC_ALL: 'C', LANG: 'C' },
        timeoutMs: 10_000,
      });
      return parsePsList(r.stdout);
    }
    case 'win32': {
      const script =
        'Get-CimInstance -ClassName Win32_Process | ForEach-Object { [pscustomobject]@{ ProcessId = [int]$_.ProcessId; CommandLine = [string]$_.CommandLine } } | ConvertTo-Json -Compress';
      const r = await run(
        'powershell.exe',
        ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script],
        {
          timeoutMs: 60_000,
        },
      );
      return parseWindowsList(r.stdout);
    }
  }
}

/** Parses `ps -axww -o pid= -o command=`. */
export function parsePsList(stdout: string): Array<{ pid: number; commandLine: string }> {
  return stdout
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), commandLine: m[2].trim() }));
}

/** Parses the CIM process list as JSON (one process prints as an object in PowerShell 5.1). */
export function parseWindowsList(stdout: string): Array<{ pid: number; commandLine: string }> {
  const text = stdout.trim();
  if (!text) return [];
  const parsed = JSON.parse(text) as unknown;
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list
    .filter(
      (p): p is { ProcessId: number; CommandLine?: string } =>
        typeof (p as { ProcessId?: unknown })?.ProcessId === 'number',
    )
    .map((p) => ({ pid: p.ProcessId, commandLine: p.CommandLine ?? '' }));
}
