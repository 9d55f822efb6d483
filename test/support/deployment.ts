// A throwaway dev/embedded deployment for bootstrap tests: its own state dir,
// output dir and random loopback ports, and a cleanup that leaves no process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnectionSpec } from '../../src/nats/connect.js';
import { listProcesses } from '../../src/system/process-identity.js';
import { BIN, type CliResult, parseJson, runCli } from './cli.js';
import { freePort } from './nats-server.js';

export interface TestDeployment {
  dir: string;
  stateDir: string;
  outDir: string;
  natsPort: number;
  monitorPort: number;
  controllerPort: number;
  flags: string[];
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<CliResult>;
  bootstrap(extra?: string[], env?: NodeJS.ProcessEnv): Promise<{ r: CliResult; doc: any }>;
  /** How every natsgh command connects to this deployment's NATS (its stored credentials included). */
  connection(): Promise<NatsConnectionSpec>;
  /** Pids natsgh recorded for this deployment (server, controller). */
  pids(): { server?: number; controller?: number };
  /** Every live process whose command line names this deployment's state dir. */
  processes(): Promise<string[]>;
  cleanup(): Promise<void>;
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function createTestDeployment(): Promise<TestDeployment> {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-boot-'));
  const stateDir = join(dir, 'state');
  const outDir = join(dir, 'out');
  const [natsPort, monitorPort, controllerPort] = [await freePort(), await freePort(), await freePort()];
  const flags = [
    '--state-dir',
    stateDir,
    '--nats-port',
    String(natsPort),
    '--monitor-port',
    String(monitorPort),
    '--controller-port',
    String(controllerPort),
  ];
  const env = { CI: '1', NATSGH_OUTPUT_DIR: outDir };
  const d: TestDeployment = {
    dir,
    stateDir,
    outDir,
    natsPort,
    monitorPort,
    controllerPort,
    flags,
    run: (args, extraEnv) =>
      runCli([...args, ...flags], { cwd: dir, env: { ...env, ...extraEnv }, timeoutMs: 60_000 }),
    async bootstrap(extra = [], extraEnv) {
      const r = await d.run(['bootstrap', '--json', ...extra], extraEnv);
      return { r, doc: r.stdout.trim() ? parseJson(r) : undefined };
    },
    connection: () => deploymentConnection({ 'state-dir': stateDir, 'nats-port': natsPort }),
    pids() {
      return {
        server: readPid(join(stateDir, 'nats', 'nats-server.pid')),
        controller: readPid(join(stateDir, 'controller.pid')),
      };
    },
    async processes() {
      return (await listProcesses())
        .filter((p) => p.commandLine.includes(stateDir) && p.pid !== process.pid)
        .map((p) => p.commandLine.trim());
    },
    async cleanup() {
      if (existsSync(stateDir))
        await d.run(['teardown', '--yes', '--purge', '--json']).catch(() => undefined);
      // Safety net: anything still running from this state dir is killed.
      for (const p of await listProcesses()) {
        if (!p.commandLine.includes(stateDir) || p.pid === process.pid || !alive(p.pid)) continue;
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return d;
}

/**
 * The connection spec a natsgh command builds from these flags: the resolved
 * configuration, which feeds in the credentials of a server natsgh runs from
 * its state dir, so tests connect the same way the CLI does.
 */
export async function deploymentConnection(
  flags: Record<string, unknown>,
  servers?: string[],
): Promise<NatsConnectionSpec> {
  const { resolveConfig } = await import('../../src/config/load.js');
  const { connectionSpecFromConfig } = await import('../../src/nats/connect.js');
  const { config } = await resolveConfig({ noFile: true, env: {}, flags });
  return connectionSpecFromConfig(config, servers);
}

/** path -> mtimeMs of every file under dir. */
export function mtimes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out[p] = statSync(p).mtimeMs;
  }
  return out;
}

export function phaseStatuses(doc: {
  phases: Array<{ id: string; status: string }>;
}): Record<string, string> {
  return Object.fromEntries(doc.phases.map((p) => [p.id, p.status]));
}

/** Starts the CLI without waiting for it, for signal tests. */
export function startCli(d: TestDeployment, args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [BIN, ...args, ...d.flags], {
    cwd: d.dir,
    env: { ...process.env, NO_COLOR: '1', CI: '1', NATSGH_OUTPUT_DIR: d.outDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  const waitForStderr = async (text: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!stderr.includes(text)) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`no "${text}" on stderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { child, exited, waitForStderr };
}

/**
 * The keys a done dev bootstrap (no terraform) leaves in KV natsgh_checkpoints,
 * sorted: one checkpoint per phase that ran, and the deployment's recorded settings.
 */
export function bootstrapKvKeys(deployment = 'default'): string[] {
  return [
    ...['deploy-controller', 'generate-files', 'handoff', 'prerequisites', 'provision-nats', 'validate'].map(
      (id) => `${deployment}.phase.${id}`,
    ),
    `${deployment}.settings`,
  ];
}
