// drainUntilClosed: what the controller and `webhook serve` stop with. A drain that
// begins while the client is reconnecting, and that ends with the connection closed
// (the server now refuses the credentials: the reconnects end) may never settle in
// nats.js (a pending flush is dropped at close), which hung the controller on SIGTERM
// (test/integration/controller-stop-closed.test.ts shows it failing without this).
import { readFileSync, writeFileSync } from 'node:fs';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterEach, describe, expect, it } from 'vitest';
import { connectNats, drainUntilClosed } from '../../src/nats/connect.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';

const auth = (password: string) => `authorization { user: "svc", password: "${password}" }`;

let server: TestNatsServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** A connection whose server came back refusing its password, with the refusal seen. */
async function refusedConnection(): Promise<NatsConnection> {
  server = await startNatsServer({ extraConfig: auth('first-password-0123') });
  const nc = await connectNats(
    { servers: [server.url], user: 'svc', password: 'first-password-0123' },
    { name: 'drain-test', reconnectForever: true },
  );
  const refused = (async () => {
    for await (const s of nc.status()) if (s.type === 'error') return;
  })();
  await server.kill();
  writeFileSync(
    server.configFile,
    readFileSync(server.configFile, 'utf8').replace(auth('first-password-0123'), auth('other-password-4567')),
  );
  await server.restart();
  await refused;
  return nc;
}

const within = (ms: number) =>
  new Promise((r) => setTimeout(() => r(`still waiting ${ms} ms after the close`), ms));

describe('drainUntilClosed', () => {
  it('returns once the connection is closed by refused reconnects', async () => {
    const nc = await refusedConnection();
    const drained = drainUntilClosed(nc).then(() => 'drained');
    await nc.closed();
    expect(await Promise.race([drained, within(5000)])).toBe('drained');
  }, 60_000);
});
