// The only module that spawns processes, finds binaries and signals pids.
// execa is loaded lazily so commands that never spawn stay fast to start.

import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import { NatsghError } from '../errors.js';
import { currentPlatform, type Platform } from './platform.js';
import { type IdentityDeps, type ProcessRecord, verifyProcess } from './process-identity.js';

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  failed: boolean;
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with each line of output as it arrives (streamed into a task's output). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** Runs a command to completion; never throws for a non-zero exit (see `failed`). Throws ENOENT when missing. */
export async function runCommand(file: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const { execa } = await import('execa');
  const child = execa(file, args, {
    cwd: opts.cwd,
    env: opts.env,
    extendEnv: true,
    input: opts.input,
    timeout: opts.timeoutMs,
    cancelSignal: opts.signal,
    reject: false,
    stripFinalNewline: true,
    stdin: opts.input === undefined ? 'ignore' : 'pipe',
  });
  if (opts.onLine) {
    for (const stream of ['stdout', 'stderr'] as const) {
      let buf = '';
      child[stream]?.on('data', (chunk: Buffer) => {
        buf += chunk.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const line of lines) opts.onLine!(line, stream);
      });
      child[stream]?.on('end', () => buf && opts.onLine!(buf, stream));
    }
  }
  const r = await child;
  if ((r as any).code === 'ENOENT' || /ENOENT/.test(String((r as any).originalMessage ?? ''))) {
    // Errno-shaped like spawn's own: callers test `code === 'ENOENT'` for a missing tool.
    const err = new Error(`${file}: command not found`) as NodeJS.ErrnoException;
    err.code = 'ENOENT';
    throw err;
  }
  return {
    exitCode: r.exitCode ?? (r.timedOut ? 124 : 1),
    stdout: String(r.stdout ?? ''),
    stderr: String(r.stderr ?? ''),
    failed: r.failed,
    timedOut: Boolean(r.timedOut),
  };
}

export interface DetachedOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** stdout and stderr are appended to this file. */
  logFile: string;
}

/** Starts a background process that outlives natsgh; returns its pid. */
export function spawnDetached(file: string, args: string[], opts: DetachedOptions): number {
  const fd = openSync(opts.logFile, 'a');
  try {
    const child = spawn(file, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
      windowsHide: true,
    });
    // A file that cannot be run gives no pid now and an 'error' event later: the throw reports
    // it, and the event must not crash natsgh as an unhandled one.
    child.on('error', () => undefined);
    if (child.pid === undefined) throw new NatsghError(`could not start ${file}`, { code: 'spawn_failed' });
    child.unref();
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** True while the process runs. An exited process not yet reaped (a zombie, on Linux) is not alive. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** Linux only: an orphan's zombie lingers until init reaps it, and signal 0 still reaches it. */
function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the parenthesised command name, which may itself hold ")".
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/** Sends a signal; on Windows any signal terminates the process. Returns false when it was not running. */
export function signalProcess(pid: number, signal: NodeJS.Signals = 'SIGTERM'): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Stops a process started by spawnDetached, and its children, the way its platform expects. */
export async function stopProcess(
  pid: number,
  graceMs = 5000,
): Promise<'stopped' | 'killed' | 'not-running'> {
  return stopProcessTree(pid, { graceMs });
}

export type StopOutcome = 'stopped' | 'killed' | 'not-running';

/** What stopProcessTree touches; tests inject stand-ins to exercise each platform on any machine. */
export interface StopDeps {
  platform?: Platform;
  graceMs?: number;
  /** Runs taskkill on Windows. */
  run?: typeof runCommand;
  /** process.kill: a negative pid addresses a POSIX process group. */
  kill?: (pid: number, signal: NodeJS.Signals | 0) => void;
  isAlive?: (pid: number) => boolean;
  sleep?: (ms: number) => Promise<void>;
  /** Upper bound on waiting after the forced kill, so a zombie cannot hang natsgh. */
  killWaitMs?: number;
}

/** Waits up to `ms` for `pid` to exit (polling every 25 ms); true when it did. */
function gonePoller(
  pid: number,
  deps: Pick<StopDeps, 'isAlive' | 'sleep'>,
): (ms: number) => Promise<boolean> {
  const alive = deps.isAlive ?? isAlive;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async (ms) => {
    const step = Math.min(25, Math.max(1, ms));
    for (let waited = 0; waited < ms; waited += step) {
      if (!alive(pid)) return true;
      await sleep(step);
    }
    return !alive(pid);
  };
}

/**
 * POSIX: SIGTERM to the process group (spawnDetached makes the child a group
 * leader, so helpers it started go too; falls back to the pid alone), wait up to
 * graceMs, then SIGKILL the group. Windows has no signals: `taskkill /PID pid /T`
 * asks the tree to close, then `taskkill /PID pid /T /F` ends it.
 */
export async function stopProcessTree(pid: number, deps: StopDeps = {}): Promise<StopOutcome> {
  const platform = deps.platform ?? currentPlatform();
  const alive = deps.isAlive ?? isAlive;
  const graceMs = deps.graceMs ?? 5000;
  // kill(-1) is every process the user may signal; pid 0 is natsgh's own group.
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || !alive(pid)) return 'not-running';
  const waitGone = gonePoller(pid, deps);

  if (platform.os === 'win32') {
    const run = deps.run ?? runCommand;
    const asked = await run('taskkill', ['/PID', String(pid), '/T'], { timeoutMs: 10_000 }).catch(
      () => undefined,
    );
    // A windowless process refuses it at once ("can only be terminated forcefully"): no point waiting.
    if (asked && !asked.failed && (await waitGone(graceMs))) return 'stopped';
    await run('taskkill', ['/PID', String(pid), '/T', '/F'], { timeoutMs: 10_000 }).catch(() => undefined);
    await waitGone(deps.killWaitMs ?? 5000);
    return 'killed';
  }

  const kill = deps.kill ?? ((target: number, signal: NodeJS.Signals | 0) => process.kill(target, signal));
  const send = (signal: NodeJS.Signals): void => {
    try {
      kill(-pid, signal);
    } catch {
      // Not a group leader (or the group is gone): signal the process itself.
      try {
        kill(pid, signal);
      } catch {
        // Already gone.
      }
    }
  };
  send('SIGTERM');
  if (await waitGone(graceMs)) {
    // The leader is gone; helpers left in its group get the same request.
    try {
      kill(-pid, 'SIGTERM');
    } catch {
      // No group left.
    }
    return 'stopped';
  }
  send('SIGKILL');
  await waitGone(deps.killWaitMs ?? 5000);
  return 'killed';
}

export type StopRecordedOutcome = StopOutcome | 'not-ours';

export interface StopRecordedOptions extends StopDeps, IdentityDeps {
  /**
   * Asks the process to exit without a signal (the controller's shutdown
   * request); resolves true when it was accepted. Used on Windows, which has no
   * SIGTERM: taskkill without /F is refused for a windowless process.
   */
  graceful?: () => Promise<boolean>;
}

/**
 * Stops a process natsgh recorded when it started it (see process-identity.ts),
 * and only while it is still that process: same host, same start time, a
 * command line holding every marker. Checked again before the forced kill, so
 * a pid reused during the grace period is left alone. The process group is
 * signalled only when the recorded process leads it.
 */
export async function stopRecordedProcess(
  record: ProcessRecord,
  markers: readonly string[],
  opts: StopRecordedOptions = {},
): Promise<{ outcome: StopRecordedOutcome; reason?: string }> {
  const platform = opts.platform ?? currentPlatform();
  const deps: IdentityDeps = { ...opts, platform };
  const verdict = await verifyProcess(record, markers, deps);
  if (verdict.state === 'gone') return { outcome: 'not-running' };
  if (verdict.state === 'foreign') return { outcome: 'not-ours', reason: verdict.reason };
  const pid = record.pid;
  const graceMs = opts.graceMs ?? 5000;
  const waitGone = gonePoller(pid, opts);
  const stillOurs = async () => (await verifyProcess(record, markers, deps)).state === 'ours';

  if (platform.os === 'win32') {
    const accepted = opts.graceful ? await opts.graceful().catch(() => false) : false;
    if (accepted && (await waitGone(graceMs))) return { outcome: 'stopped' };
    if (!(await stillOurs())) return { outcome: 'stopped' };
    const run = opts.run ?? runCommand;
    await run('taskkill', ['/PID', String(pid), '/T', '/F'], { timeoutMs: 10_000 }).catch(() => undefined);
    await waitGone(opts.killWaitMs ?? 5000);
    return { outcome: 'killed' };
  }

  const kill = opts.kill ?? ((target: number, signal: NodeJS.Signals | 0) => process.kill(target, signal));
  const group = verdict.info.pgid === pid;
  const send = (signal: NodeJS.Signals): void => {
    try {
      kill(group ? -pid : pid, signal);
    } catch {
      // Already gone.
    }
  };
  send('SIGTERM');
  if (await waitGone(graceMs)) {
    // The leader is gone; helpers left in its group get the same request.
    if (group) send('SIGTERM');
    return { outcome: 'stopped' };
  }
  if (!(await stillOurs())) return { outcome: 'stopped' };
  send('SIGKILL');
  await waitGone(opts.killWaitMs ?? 5000);
  return { outcome: 'killed' };
}

/** The value of PATH; Windows environment names are case-insensitive ("Path"). */
function pathValue(platform: Platform): string {
  if (platform.os !== 'win32') return platform.env.PATH ?? '';
  const key = Object.keys(platform.env).find((k) => k.toUpperCase() === 'PATH');
  return key ? (platform.env[key] ?? '') : '';
}

/**
 * The file names `name` may have on disk: on Windows every extension of PATHEXT
 * (".COM;.EXE;.BAT;.CMD" when unset) unless the name already ends with one.
 */
export function executableNames(name: string, platform: Platform): string[] {
  if (platform.os !== 'win32') return [name];
  const key = Object.keys(platform.env).find((k) => k.toUpperCase() === 'PATHEXT');
  const exts = ((key && platform.env[key]) || '.COM;.EXE;.BAT;.CMD')
    .split(';')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.startsWith('.'));
  if (exts.some((e) => name.toLowerCase().endsWith(e))) return [name];
  return exts.map((e) => `${name}${e}`);
}

/** Finds an executable on PATH, in PATH order, trying PATHEXT's extensions in order on Windows. */
export function findOnPath(name: string, platform: Platform = currentPlatform()): string | undefined {
  const names = executableNames(name, platform);
  if (isAbsolute(name)) return names.find((n) => isExecutable(n, platform));
  const sep = platform.os === 'win32' ? ';' : delimiter;
  for (const raw of pathValue(platform).split(sep)) {
    // Windows PATH entries may be quoted.
    const dir = raw.replace(/^"(.*)"$/, '$1');
    if (!dir) continue;
    for (const n of names) {
      const candidate = join(dir, n);
      if (isExecutable(candidate, platform)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string, platform: Platform): boolean {
  try {
    // Windows has no execute bit: the extension makes a file executable.
    accessSync(file, platform.os === 'win32' ? constants.F_OK : constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The pid a pid file names: a positive integer, or undefined (no file, or anything else in it). */
export async function readPidFile(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(pidFile, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
