// Counts the processes of one deployment the way an operator would: every
// process whose command line names its state dir, split by what they are.
// Listed through src/system/process-identity.ts (/proc on Linux, ps on macOS,
// CIM on Windows), so the harness runs on all three.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listProcesses } from '../../src/system/process-identity.js';

/** "<pid> <command line>" of every process whose command line holds `pattern`, this one excepted. */
export async function processesMatching(pattern: string): Promise<string[]> {
  return (await listProcesses())
    .filter((p) => p.pid !== process.pid && p.commandLine.includes(pattern))
    .map((p) => `${p.pid} ${p.commandLine}`);
}

export async function countProcesses(
  stateDir: string,
): Promise<{ servers: string[]; controllers: string[] }> {
  const all = await processesMatching(stateDir);
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
