// The controller's graceful stop without signals (how Windows stops it): POST
// /shutdown on its health port with the token deploy-controller gave it drains
// it and exits 0; without the token (or with another one) it is refused and the
// controller keeps running. Without a token configured there is no endpoint.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackGet, loopbackRequest } from '../../src/system/loopback-http.js';
import { BIN } from '../support/cli.js';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';

let nats: TestNatsServer;
let stateDir: string;
beforeAll(async () => {
  nats = await startNatsServer();
  stateDir = mkdtempSync(join(tmpdir(), 'natsgh-ctl-shutdown-'));
});
afterAll(async () => {
  await nats?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

async function startController(token: string | undefined) {
  const port = await freePort();
  const env = {
    ...process.env,
    GITHUB_TOKEN: '',
    GH_TOKEN: '',
    NATSGH_CONTROLLER_SHUTDOWN_TOKEN: token ?? '',
  };
  const args = ['controller', 'run', '--deployment', 'shut', '--state-dir', stateDir, '--nats-url', nats.url];
  const child = spawn(process.execPath, [BIN, ...args, '--controller-port', String(port), '--org', 'acme'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await expect
    .poll(
      async () => (await loopbackGet(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status,
      {
        timeout: 20_000,
      },
    )
    .toBe(200);
  const post = (auth?: string) =>
    loopbackRequest(`http://127.0.0.1:${port}/shutdown`, {
      method: 'POST',
      headers: auth ? { authorization: auth } : {},
      timeoutMs: 3000,
    });
  return { child, exited, post, stderr: () => stderr };
}

describe('controller POST /shutdown', () => {
  it('refuses a missing or wrong token, then drains and exits 0 with the right one', async () => {
    const token = 'tok-7d1f0c3a9b2e4f5a8c6d';
    const c = await startController(token);
    try {
      expect((await c.post()).status).toBe(401);
      expect((await c.post('Bearer tok-7d1f0c3a9b2e4f5a8c6e')).status).toBe(401);
      expect((await c.post(`Basic ${token}`)).status).toBe(401);
      expect(c.child.exitCode).toBeNull();
      expect((await c.post(`Bearer ${token}`)).status).toBe(202);
      const code = await Promise.race([c.exited, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
      expect(code, c.stderr()).toBe(0);
      expect(c.stderr()).not.toContain(token);
    } finally {
      if (c.child.exitCode === null) c.child.kill('SIGKILL');
    }
  }, 60_000);

  it('does not exist when the controller was given no token', async () => {
    const c = await startController(undefined);
    try {
      expect((await c.post('Bearer ')).status).toBe(405);
      expect(c.child.exitCode).toBeNull();
    } finally {
      c.child.kill('SIGTERM');
      expect(await c.exited).toBe(0);
    }
  }, 60_000);
});
