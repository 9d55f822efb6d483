// Who listens on a local TCP port: pid and program name, for "port in use"
// errors and the doctor. Linux reads /proc/net/tcp{,6} (the listening socket's
// inode) and /proc/<pid>/fd (who holds that inode); when that finds no pid (a
// process of another user) it asks `ss -ltnp`, and macOS asks `lsof`. Only the
// program's name is reported, never its arguments (they may hold secrets).
import { readdir, readFile, readlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { NatsghError } from '../errors.js';
import { currentPlatform, type Platform } from './platform.js';
import { findOnPath, runCommand } from './process.js';

export interface PortHolder {
  pid: number;
  /** The program's name (argv[0] without its directory). */
  command: string;
}

const TCP_LISTEN = '0A';

/** Inodes of the sockets listening on `port` in one /proc/net/tcp-format table. */
export function listeningInodes(table: string, port: number): string[] {
  const inodes: string[] = [];
  for (const line of table.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const localPort = Number.parseInt(f[1].split(':').pop() ?? '', 16);
    if (localPort === port && f[3] === TCP_LISTEN && f[9] !== '0') inodes.push(f[9]);
  }
  return inodes;
}

/** The program name of a pid, from /proc/<pid>/cmdline (or comm). */
async function programOf(pid: number): Promise<string> {
  try {
    const argv0 = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')[0];
    if (argv0) return basename(argv0);
  } catch {
    // fall through to comm
  }
  return (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?')).trim();
}

async function fromProc(port: number): Promise<PortHolder | undefined> {
  const tables = await Promise.all(
    ['/proc/net/tcp', '/proc/net/tcp6'].map((f) => readFile(f, 'utf8').catch(() => '')),
  );
  const wanted = new Set(tables.flatMap((t) => listeningInodes(t, port)).map((i) => `socket:[${i}]`));
  if (wanted.size === 0) return undefined;
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((p) => /^\d+$/.test(p));
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = await readdir(`/proc/${pid}/fd`);
    } catch {
      continue; // another user's process, or gone
    }
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      if (wanted.has(target)) return { pid: Number(pid), command: await programOf(Number(pid)) };
    }
  }
  return undefined;
}

/** Parses `ss -ltnpH` output: users:(("nats-server",pid=123,fd=5)). */
export function parseSs(text: string, port: number): PortHolder | undefined {
  for (const line of text.split('\n')) {
    const local = line.trim().split(/\s+/)[3] ?? '';
    if (!local.endsWith(`:${port}`)) continue;
    const m = /\(\("([^"]+)",pid=(\d+)/.exec(line);
    if (m) return { pid: Number(m[2]), command: m[1] };
  }
  return undefined;
}

/** Parses `lsof -Fpc` output: p<pid> then c<command> lines. */
export function parseLsof(text: string): PortHolder | undefined {
  const pid = /^p(\d+)$/m.exec(text);
  const cmd = /^c(.+)$/m.exec(text);
  return pid ? { pid: Number(pid[1]), command: cmd?.[1] ?? '?' } : undefined;
}

/** Who listens on a loopback/any-address TCP port, when this machine lets natsgh find out. */
export async function findPortHolder(
  port: number,
  platform: Platform = currentPlatform(),
): Promise<PortHolder | undefined> {
  try {
    if (platform.os === 'linux') {
      const found = await fromProc(port);
      if (found) return found;
      const ss = findOnPath('ss', platform);
      if (!ss) return undefined;
      const r = await runCommand(ss, ['-ltnpH', `sport = :${port}`], { timeoutMs: 2000 });
      return r.failed ? undefined : parseSs(r.stdout, port);
    }
    if (platform.os === 'darwin') {
      const lsof = findOnPath('lsof', platform);
      if (!lsof) return undefined;
      const r = await runCommand(lsof, ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc'], { timeoutMs: 2000 });
      return parseLsof(r.stdout);
    }
  } catch {
    // Finding the holder is a courtesy: the caller still reports the busy port.
  }
  return undefined;
}

export function describeHolder(holder: PortHolder | undefined): string {
  return holder ? `pid ${holder.pid} (${holder.command})` : 'another process';
}

/**
 * The "port in use" error: which port, what natsgh wanted it for, who holds it
 * (when this machine tells) and the flag that moves natsgh elsewhere.
 */
export async function portInUseError(
  port: number,
  what: string,
  flag: string,
  details: Record<string, unknown> = {},
): Promise<NatsghError> {
  const holder = await findPortHolder(port);
  return new NatsghError(
    `port ${port} on 127.0.0.1 (${what}) is already in use by ${describeHolder(holder)}`,
    {
      code: 'port_in_use',
      details: { port, ...details, ...(holder ? { holder } : {}) },
      suggestions: [
        `Choose another port with ${flag}.`,
        holder
          ? `Or stop pid ${holder.pid} (${holder.command}), which listens on port ${port}.`
          : `Or stop the process listening on port ${port}.`,
      ],
    },
  );
}
