// Counts the processes of one deployment the way an operator would: pgrep -f
// on its state dir, split by what they are.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function pgrep(pattern: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', pattern], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim() && !l.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

export function countProcesses(stateDir: string): { servers: string[]; controllers: string[] } {
  const all = pgrep(stateDir).filter((l) => Number(l.split(' ')[0]) !== process.pid);
  return {
    servers: all.filter((l) => l.includes('nats-server')),
    controllers: all.filter((l) => l.includes('controller run')),
  };
}

export function pidFile(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function recordedPids(stateDir: string): { server?: number; controller?: number } {
  return {
    server: pidFile(join(stateDir, 'nats', 'nats-server.pid')),
    controller: pidFile(join(stateDir, 'controller.pid')),
  };
}
