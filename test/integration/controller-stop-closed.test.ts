// The controller's stop() returns when NATS closes the connection under it. nats.js
// never settles a flush that is pending when the connection closes, so a drain that
// began while the client was reconnecting, and that ends with the connection closed
// (the server now refuses the credentials: two authorization errors in a row end the
// reconnects; an expired user JWT does the same), hung stop() and with it SIGTERM and
// the tests that stop a controller whose creds expired.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { startController } from '../../src/controller/run.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';

const auth = (password: string) => `authorization { user: "ctl", password: "${password}" }`;

describe('controller stop() when NATS closes the connection during the drain', () => {
  let server: TestNatsServer;
  let stateDir: string;
  beforeAll(async () => {
    server = await startNatsServer({ extraConfig: auth('first-password-0123') });
    stateDir = mkdtempSync(join(tmpdir(), 'natsgh-ctl-stop-'));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('returns once the connection is closed, even with a flush pending', async () => {
    const { config } = await resolveConfig({
      noFile: true,
      env: {},
      flags: {
        'nats-url': server.url,
        'nats-user': 'ctl',
        'nats-password': 'first-password-0123',
        deployment: 'stopclosed',
        'state-dir': stateDir,
      },
    });
    const running = await startController({
      config,
      version: '0.0.0-test',
      controllerPort: 0,
      controllerHost: '127.0.0.1',
      resyncIntervalMs: 0,
      concurrency: 1,
      heartbeatIntervalMs: 60_000,
      github: null,
      log: () => undefined,
    });
    const refused = (async () => {
      for await (const s of running.nc.status()) if (s.type === 'error') return;
    })();
    // The server comes back requiring another password: every reconnect is refused.
    await server.kill();
    writeFileSync(
      server.configFile,
      readFileSync(server.configFile, 'utf8').replace(
        auth('first-password-0123'),
        auth('other-password-4567'),
      ),
    );
    await server.restart();
    // The first refusal: the client waits before its next attempt, which ends the reconnects.
    await refused;
    const stopped = running.stop().then(() => 'stopped');
    await running.nc.closed();
    // Closed: stop() has nothing left to wait for.
    const bound = new Promise((r) => setTimeout(() => r('still waiting 5 s after the close'), 5000));
    expect(await Promise.race([stopped, bound])).toBe('stopped');
  }, 60_000);
});
