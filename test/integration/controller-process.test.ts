// The controller process as the bootstrap starts it: no GitHub token, ping over
// NATS, /healthz, /readyz, /metrics, SIGTERM drains and exits 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, parseJson, runCli } from '../support/cli.js';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';

let nats: TestNatsServer;
let stateDir: string;
beforeAll(async () => {
  nats = await startNatsServer();
  stateDir = mkdtempSync(join(tmpdir(), 'natsgh-ctl-'));
});
afterAll(async () => {
  await nats?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting: ${String(last)}`);
}

describe('natsgh controller run (compiled CLI)', () => {
  it('answers ping, doctor --remote and health endpoints without a GitHub token; exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const env = { ...process.env, GITHUB_TOKEN: '', GH_TOKEN: '', NO_COLOR: '1' };
    const child = spawn(
      process.execPath,
      [
        BIN,
        'controller',
        'run',
        '--deployment',
        'ctltest',
        '--state-dir',
        stateDir,
        '--nats-url',
        nats.url,
        '--controller-port',
        String(port),
        '--org',
        'acme',
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const health = await waitFor(async () => {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        return r.ok ? r.status : undefined;
      });
      expect(health).toBe(200);
      const ready = await waitFor(async () => {
        const r = await fetch(`http://127.0.0.1:${port}/readyz`);
        return r.status === 200 ? ((await r.json()) as any) : undefined;
      });
      expect(ready.nats.connected).toBe(true);
      expect(ready.consumer.running).toBe(true);
      expect(ready.github.ready).toBe(false);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('# TYPE natsgh_events_received_total counter');

      const { connect } = await import('@nats-io/transport-node');
      const nc = await connect({ servers: nats.url });
      try {
        const reply = await nc.request('natsgh.ctltest.controller.ping', '', { timeout: 3000 });
        const doc = JSON.parse(reply.string());
        expect(doc).toMatchObject({ ok: true, pid: child.pid, deployment: 'ctltest' });
        expect(typeof doc.version).toBe('string');
        const { jetstreamManager } = await import('@nats-io/jetstream');
        const jsm = await jetstreamManager(nc);
        const names: string[] = [];
        for await (const s of jsm.streams.list()) names.push(s.config.name);
        expect(names).toEqual(
          expect.arrayContaining([
            'GITHUB_EVENTS',
            'NATSGH_EVENTS',
            'KV_natsgh_deliveries',
            'KV_natsgh_locks',
          ]),
        );
        const locks = await jsm.streams.info('KV_natsgh_locks');
        expect(locks.config.max_age).toBe(30_000 * 1_000_000);
      } finally {
        await nc.close();
      }
      const remote = await runCli(
        ['doctor', '--remote', '--deployment', 'ctltest', '--nats-url', nats.url, '--json'],
        { env, timeoutMs: 45_000 },
      );
      const report = parseJson(remote);
      expect(Array.isArray(report.checks), remote.stdout).toBe(true);
      expect(report.checks.length).toBeGreaterThan(0);
      expect(remote.code).toBe(report.ok ? 0 : 1);
      const nobody = await runCli(
        ['doctor', '--remote', '--deployment', 'nobody', '--nats-url', nats.url, '--json'],
        {
          env,
        },
      );
      expect(nobody.code).toBe(1);
      expect(parseJson(nobody).error.code).toBe('controller_unreachable');

      child.kill('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise<string>((r) => setTimeout(() => r('timeout'), 10_000)),
      ]);
      expect(code, stderr).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
