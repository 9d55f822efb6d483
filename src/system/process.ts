// The only module that spawns processes, finds binaries and signals pids.
// execa is loaded lazily so commands that never spawn stay fast to start.
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, openSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { currentPlatform, exeName, type Platform } from './platform.js';

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
    if (child.pid === undefined) throw new Error(`could not start ${file}`);
    child.unref();
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
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

/** Stops a process: SIGTERM, wait up to graceMs, then SIGKILL. Resolves when it is gone. */
export async function stopProcess(
  pid: number,
  graceMs = 5000,
): Promise<'stopped' | 'killed' | 'not-running'> {
  if (!isAlive(pid)) return 'not-running';
  signalProcess(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped';
    await new Promise((r) => setTimeout(r, 25));
  }
  signalProcess(pid, 'SIGKILL');
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 10));
  return 'killed';
}

/** Finds an executable on PATH (PATHEXT-aware on Windows). */
export function findOnPath(name: string, platform: Platform = currentPlatform()): string | undefined {
  if (isAbsolute(name)) return isExecutable(name) ? name : undefined;
  const path = platform.env.PATH ?? platform.env.Path ?? '';
  const sep = platform.os === 'win32' ? ';' : delimiter;
  const names =
    platform.os === 'win32' && !/\.\w+$/.test(name) ? [exeName(platform, name), `${name}.cmd`] : [name];
  for (const dir of path.split(sep)) {
    if (!dir) continue;
    for (const n of names) {
      const candidate = join(dir, n);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
