// Support for the docker-mode suite against the real Docker engine
// (scripts/test-docker.sh sets the engine up; `npm run test:docker`). A missing
// engine fails the suite: it never skips.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectNats, type NatsConnectionSpec } from '../../src/nats/connect.js';
import { readDeploymentCredentials } from '../../src/nats/deployment-auth.js';
import { BIN, type CliResult, parseJson, runCli } from '../support/cli.js';
import { freePort } from '../support/nats-server.js';

export function docker(args: string[], timeoutMs = 120_000): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Throws (so the suite fails) when there is no engine to talk to. */
export function requireEngine(): void {
  try {
    docker(['info', '--format', '{{.ServerVersion}}'], 30_000);
    docker(['compose', 'version'], 30_000);
  } catch (err) {
    throw new Error(
      `the docker-mode suite needs a running Docker engine with Compose v2 (run scripts/docker/engine.sh as root): ${(err as Error).message}`,
    );
  }
}

export interface ContainerState {
  name: string;
  service: string;
  state: string;
  health: string;
  user: string;
  image: string;
  env: string[];
  mounts: Array<{ Source: string; Destination: string }>;
}

/** Every container of a compose project, inspected (running or not). */
export function containers(project: string): ContainerState[] {
  const ids = docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`])
    .split('\n')
    .filter(Boolean);
  if (ids.length === 0) return [];
  const docs = JSON.parse(docker(['inspect', ...ids])) as Array<{
    Name: string;
    State: { Status: string; Health?: { Status: string } };
    Config: { User: string; Image: string; Env: string[]; Labels: Record<string, string> };
    Mounts: Array<{ Source: string; Destination: string }>;
  }>;
  return docs.map((d) => ({
    name: d.Name.replace(/^\//, ''),
    service: d.Config.Labels['com.docker.compose.service'],
    state: d.State.Status,
    health: d.State.Health?.Status ?? 'none',
    user: d.Config.User,
    image: d.Config.Image,
    env: d.Config.Env,
    mounts: d.Mounts,
  }));
}

/** Containers, networks and volumes a compose project left behind. */
export function leftovers(project: string): string[] {
  const label = `label=com.docker.compose.project=${project}`;
  return [
    ...docker(['ps', '-aq', '--filter', label])
      .split('\n')
      .filter(Boolean)
      .map((c) => `container ${c}`),
    ...docker(['network', 'ls', '-q', '--filter', label])
      .split('\n')
      .filter(Boolean)
      .map((n) => `network ${n}`),
    ...docker(['volume', 'ls', '-q', '--filter', label])
      .split('\n')
      .filter(Boolean)
      .map((v) => `volume ${v}`),
  ];
}

/** Waits until every container of the project runs and is healthy (a restarted one takes a moment). */
export async function waitHealthy(
  project: string,
  count: number,
  timeoutMs = 120_000,
): Promise<ContainerState[]> {
  const deadline = Date.now() + timeoutMs;
  let last: ContainerState[] = [];
  while (Date.now() < deadline) {
    last = containers(project);
    if (last.length === count && last.every((c) => c.state === 'running' && c.health === 'healthy'))
      return last;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`not all healthy: ${JSON.stringify(last.map((c) => [c.name, c.state, c.health]))}`);
}

export interface DockerDeployment {
  name: string;
  project: string;
  dir: string;
  stateDir: string;
  env: NodeJS.ProcessEnv;
  natsPort: number;
  monitorPort: number;
  controllerPort: number;
  natsgh(args: string[], timeoutMs?: number): Promise<CliResult>;
  /** bootstrap --json; fails the test with the phases and stderr unless it exits 0. */
  bootstrap(args?: string[]): Promise<{ phases: Array<{ id: string; status: string; reason?: string }> }>;
  /** How a client on the host reaches this deployment's NATS. */
  spec(opts?: {
    tls?: boolean;
    user?: string;
    password?: string;
    token?: string;
    domain?: string;
    /** No credentials at all (the deployment's are used otherwise). */
    anonymous?: boolean;
  }): NatsConnectionSpec;
  cleanup(): Promise<void>;
}

let seq = 0;
export async function dockerDeployment(
  label: string,
  env: Record<string, string> = {},
): Promise<DockerDeployment> {
  const name = `dk${process.pid % 10000}${label}${seq++}`.toLowerCase().replace(/[^a-z0-9]/g, '');
  const dir = mkdtempSync(join(tmpdir(), `natsgh-docker-${label}-`));
  const natsPort = await freePort();
  const monitorPort = await freePort();
  const controllerPort = await freePort();
  const d: DockerDeployment = {
    name,
    project: `natsgh-${name}`,
    dir,
    stateDir: join(dir, 'state'),
    natsPort,
    monitorPort,
    controllerPort,
    env: {
      CI: '1',
      NATSGH_MODE: 'docker',
      NATSGH_NATS_TYPE: 'self_hosted',
      NATSGH_DEPLOYMENT: name,
      NATSGH_STATE_DIR: join(dir, 'state'),
      NATSGH_OUTPUT_DIR: join(dir, 'out'),
      NATSGH_NATS_PORT: String(natsPort),
      NATSGH_MONITOR_PORT: String(monitorPort),
      NATSGH_CONTROLLER_PORT: String(controllerPort),
      ...env,
    },
    natsgh: (args, timeoutMs = 600_000) => runCli(args, { cwd: dir, env: d.env, timeoutMs }),
    async bootstrap(args = []) {
      const r = await d.natsgh(['bootstrap', '--json', ...args]);
      if (r.code !== 0) throw new Error(`bootstrap exited ${r.code}\n${r.stdout}\n${r.stderr.slice(-3000)}`);
      return parseJson(r);
    },
    spec(opts = {}) {
      const tls = opts.tls ? { ca: join(d.stateDir, 'tls', 'ca.pem') } : undefined;
      // Without explicit credentials: the deployment's own (every server natsgh runs requires them).
      const own =
        opts.user || opts.token || opts.anonymous ? undefined : readDeploymentCredentials(d.stateDir, name);
      return {
        servers: [`${opts.tls ? 'tls' : 'nats'}://127.0.0.1:${natsPort}`],
        user: opts.user ?? own?.user,
        password: opts.password ?? own?.password,
        token: opts.token ?? own?.token,
        tls,
        jetstreamDomain: opts.domain,
      };
    },
    async cleanup() {
      await d.natsgh(['teardown', '--yes', '--purge', '--json']).catch(() => undefined);
      // Whatever a failed test left: by the compose project's label, not by name.
      for (const left of leftovers(d.project)) {
        const [kind, id] = left.split(' ');
        try {
          docker(kind === 'container' ? ['rm', '-f', '-v', id] : [kind, 'rm', '-f', id]);
        } catch {
          // gone meanwhile
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return d;
}

/** The checkpoint keys of a deployment in KV, and the replicas of the bucket's stream. */
export async function checkpointsInKv(
  spec: NatsConnectionSpec,
  deployment: string,
): Promise<{ keys: string[]; replicas: number }> {
  const nc = await connectNats(spec);
  try {
    const jsm = await jetstreamManager(nc, spec.jetstreamDomain ? { domain: spec.jetstreamDomain } : {});
    const info = await jsm.streams.info('KV_natsgh_checkpoints');
    const { Kvm } = await import('@nats-io/kv');
    const kv = await new Kvm(nc).open('natsgh_checkpoints');
    const keys: string[] = [];
    for await (const k of await kv.keys(`${deployment}.phase.>`)) keys.push(k);
    return { keys: keys.sort(), replicas: info.config.num_replicas };
  } finally {
    await nc.close();
  }
}

export function statuses(doc: { phases: Array<{ id: string; status: string }> }): Record<string, string> {
  return Object.fromEntries(doc.phases.map((p) => [p.id, p.status]));
}

/** The `docker compose ... up` child of a bootstrap, once it runs (the image build happens inside it). */
/** Waits until a process on this host (containers' included: a build's RUN step shows here) has an argv that matches. */
export async function waitForProcess(
  matches: (argv: string[]) => boolean,
  what: string,
  timeoutMs = 300_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const pid of execFileSync('ls', ['/proc'], { encoding: 'utf8' }).split('\n')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (matches(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean))) return;
      } catch {
        // gone meanwhile
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${what} within ${timeoutMs} ms`);
}

/** Starts `natsgh bootstrap` in its own process group without waiting for it (to kill it part-way). */
export function spawnBootstrap(d: DockerDeployment) {
  return spawn(process.execPath, [BIN, 'bootstrap', '--json'], {
    cwd: d.dir,
    env: { ...process.env, NO_COLOR: '1', ...d.env },
    stdio: 'ignore',
    detached: true,
  });
}
