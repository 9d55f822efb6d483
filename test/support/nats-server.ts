// Starts real nats-server processes on loopback ports for tests, and stops them.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
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
}

/** nats-server 2.10 on this machine (NATS-NOTES.md); tests that hold natsgh to both versions use it. */
export const NATS_SERVER_2_10 = '/opt/nats-2.10/usr/sbin/nats-server';

async function waitHealthy(monitorPort: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${monitorPort}/healthz`);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`nats-server on monitor port ${monitorPort} not healthy: ${last}`);
}

export async function startNatsServer(opts: StartOptions = {}): Promise<TestNatsServer> {
  const port = opts.port ?? (await freePort());
  const monitorPort = await freePort();
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
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
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
      await waitHealthy(monitorPort);
    } catch (err) {
      child.kill('SIGKILL');
      throw new Error(`${(err as Error).message}\n${stderr}`);
    }
  }
  await launch();
  return server;
}

async function killChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
