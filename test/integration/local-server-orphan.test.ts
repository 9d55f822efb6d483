// A bootstrap killed between spawning nats-server and recording its pid leaves a
// server nobody has written a pid file for. The next run must adopt it, not fail
// forever with "port in use" (found by the bootstrap kill -9 chaos scenario in CI).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureServer,
  type LocalServerSpec,
  renderServerConfig,
  serverFiles,
  stopServer,
} from '../../src/provision/local-server.js';
import { isAlive } from '../../src/system/process.js';
import { freePort } from '../support/nats-server.js';

const silent = { info() {}, warn() {}, debug() {} } as never;
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

describe('a nats-server whose pid was never recorded', () => {
  it('is adopted by the next run (same config), not reported as another process on the port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-orphan-'));
    const spec: LocalServerSpec = {
      deployment: 'orphan',
      serverName: 'natsgh-orphan',
      port: await freePort(),
      monitorPort: await freePort(),
      dir: join(dir, 'nats'),
      portFlags: { port: '--nats-port', monitorPort: '--monitor-port' },
    };
    const files = serverFiles(spec.dir);
    mkdirSync(files.storeDir, { recursive: true });
    // What a run killed right after the spawn leaves: the config, a running server, no pid file from natsgh.
    writeFileSync(files.configFile, await renderServerConfig(spec));
    const orphan = spawn('nats-server', ['-c', files.configFile], { stdio: 'ignore', detached: true });
    cleanup.push(() => {
      if (orphan.pid && isAlive(orphan.pid)) process.kill(orphan.pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });

    // The next run starts a Node process first (hundreds of ms): by then the server answers.
    // (Polled over HTTP: probing the port by binding it could make the server's own bind fail.)
    const deadline = Date.now() + 20_000;
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${spec.monitorPort}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      expect(isAlive(orphan.pid!), 'the orphan nats-server exited before it was healthy').toBe(true);
      expect(Date.now() < deadline, 'the orphan nats-server was not healthy within 20 s').toBe(true);
      await new Promise((r) => setTimeout(r, 20));
    }

    const started = await ensureServer(spec, {
      binary: async () => 'nats-server',
      log: silent,
      healthTimeoutMs: 10_000,
    });
    expect(started.started).toBe(false);
    expect(started.pid).toBe(orphan.pid);
    expect(await stopServer(spec)).toBe('stopped');
    expect(isAlive(orphan.pid!)).toBe(false);
  });
});
