// Starts real nats-server processes on loopback ports for tests, and stops them.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Ports handed out here lie below the kernel's ephemeral range (32768-60999 on Linux), where
 * the local ports of outgoing connections come from: a port found free there (`listen(0)`)
 * can become some connection's local port before nats-server binds it, as CI saw. Below it,
 * only another test picking the same port can take it: each vitest worker (VITEST_POOL_ID,
 * 1..maxWorkers) picks from its own quarter of the range, and the harness starts again on new
 * ports when one is taken all the same. Derived ports (node i: +i, routes: +100+i) stay below
 * the ephemeral range too.
 */
const PORT_RANGE = (() => {
  const [low, high, slots] = [10_000, 30_000, 4];
  const pool = Number(process.env.VITEST_POOL_ID);
  if (!Number.isInteger(pool) || pool < 1) return { low, high };
  const size = (high - low) / slots;
  const slot = (pool - 1) % slots;
  return { low: low + slot * size, high: low + (slot + 1) * size };
})();
const handedOut = new Set<number>();

/** Whether a listener can bind this loopback port now. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const port = PORT_RANGE.low + Math.floor(Math.random() * (PORT_RANGE.high - PORT_RANGE.low));
    if (handedOut.has(port) || !(await portFree(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`freePort: no free port found in ${PORT_RANGE.low}-${PORT_RANGE.high}`);
}

export interface TestNatsServer {
  url: string;
  port: number;
  monitorPort: number;
  dir: string;
  configFile: string;
  process: ChildProcess;
  /** kill -9 */
  kill(): Promise<void>;
  /** Starts it again with the same config and store. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra config text appended to the generated config (operator mode, cluster, leafnodes, tls). */
  extraConfig?: string;
  jetstream?: boolean;
  port?: number;
  /** Server name (default: random). */
  name?: string;
  dir?: string;
  /** URL scheme clients use (tls when the config enables TLS). */
  scheme?: 'nats' | 'tls';
  /** JetStream domain for this server. */
  domain?: string;
  /** JetStream max_file_store, e.g. "64MB" (the server's default is 75% of the free disk). */
  maxFileStore?: string;
  /** The nats-server binary (default: the one on PATH, 2.9 here; NATS_SERVER_2_10 for 2.10). */
  bin?: string;
  /** Where the ports come from (default freePort; the harness's own test hands out taken ones). */
  nextPort?: () => Promise<number>;
}

/** nats-server 2.10 on this machine (NATS-NOTES.md); tests that hold natsgh to both versions use it. */
export const NATS_SERVER_2_10 = '/opt/nats-2.10/usr/sbin/nats-server';

/** A nats-server that could not bind a port it was given (another process took it meanwhile). */
class PortTaken extends Error {}

/**
 * Waits until the server this test started answers on its monitoring port: healthy, and
 * under its own name (a port taken by another server answers too, for someone else).
 * Fails at once when the process exits.
 */
async function waitHealthy(child: ChildProcess, monitorPort: number, name: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`nats-server exited (${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${monitorPort}/healthz`);
      if (res.ok) {
        const varz = (await (await fetch(`http://127.0.0.1:${monitorPort}/varz`)).json()) as {
          server_name?: string;
        };
        if (varz.server_name === name) return;
        throw new PortTaken(`monitor port ${monitorPort} answers for another server (${varz.server_name})`);
      }
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      if (err instanceof PortTaken) throw err;
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`nats-server on monitor port ${monitorPort} not healthy: ${last}`);
}

/** Ports freePort() found free can be taken before nats-server binds them: that many tries with new ones. */
const PORT_ATTEMPTS = 4;

export async function startNatsServer(opts: StartOptions = {}): Promise<TestNatsServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(opts);
    } catch (err) {
      // Ports the caller chose are the caller's to change.
      if (!(err instanceof PortTaken) || opts.port !== undefined || attempt >= PORT_ATTEMPTS) throw err;
    }
  }
}

async function startOnce(opts: StartOptions): Promise<TestNatsServer> {
  const nextPort = opts.nextPort ?? freePort;
  const port = opts.port ?? (await nextPort());
  const monitorPort = await nextPort();
  const ownDir = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'natsgh-test-nats-'));
  mkdirSync(join(dir, 'js'), { recursive: true });
  const name = opts.name ?? `test-${port}`;
  const js =
    opts.jetstream === false
      ? ''
      : `jetstream { store_dir: "${join(dir, 'js')}"${opts.domain ? `, domain: "${opts.domain}"` : ''}${opts.maxFileStore ? `, max_file_store: ${opts.maxFileStore}` : ''} }`;
  const configFile = join(dir, 'server.conf');
  writeFileSync(
    configFile,
    [
      `server_name: "${name}"`,
      'host: "127.0.0.1"',
      `port: ${port}`,
      `http: "127.0.0.1:${monitorPort}"`,
      js,
      opts.extraConfig ?? '',
    ].join('\n'),
  );
  const server: TestNatsServer = {
    url: `${opts.scheme ?? 'nats'}://127.0.0.1:${port}`,
    port,
    monitorPort,
    dir,
    configFile,
    process: undefined as unknown as ChildProcess,
    async kill() {
      await killChild(server.process, 'SIGKILL');
    },
    async restart() {
      await launch();
    },
    async stop() {
      await killChild(server.process, 'SIGTERM');
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
  async function launch() {
    const child = spawn(opts.bin ?? 'nats-server', ['-c', configFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d.toString();
      if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
    });
    server.process = child;
    try {
      await waitHealthy(child, monitorPort, name);
    } catch (err) {
      await killChild(child, 'SIGKILL');
      const message = `${(err as Error).message}\n${stderr}`;
      throw err instanceof PortTaken || /address already in use/.test(stderr)
        ? new PortTaken(message)
        : new Error(message);
    }
  }
  try {
    await launch();
  } catch (err) {
    if (ownDir) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return server;
}

async function killChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
