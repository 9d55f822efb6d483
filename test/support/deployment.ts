// A throwaway dev/embedded deployment for bootstrap tests: its own state dir,
// output dir and random loopback ports, and a cleanup that leaves no process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    pids() {
      return {
        server: readPid(join(stateDir, 'nats', 'nats-server.pid')),
        controller: readPid(join(stateDir, 'controller.pid')),
      };
    },
    async processes() {
      const out: string[] = [];
      for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        try {
          const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
          if (cmd.includes(stateDir) && Number(pid) !== process.pid) out.push(cmd.trim());
        } catch {
          // gone meanwhile
        }
      }
      return out;
    },
    async cleanup() {
      if (existsSync(stateDir))
        await d.run(['teardown', '--yes', '--purge', '--json']).catch(() => undefined);
      // Safety net: anything still running from this state dir is killed.
      for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        try {
          const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          if (cmd.includes(stateDir) && Number(pid) !== process.pid && alive(Number(pid)))
            process.kill(Number(pid), 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return d;
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
