// Forged controller ping replies through a whole bootstrap, re-run and
// teardown (the engine, in this process, against a real nats-server): one names
// pid 1, one names another user's process (uid 65534 when the suite runs as
// root, as in CI's container job; this user's otherwise). Whatever answers the
// ping, natsgh signals only the controller it recorded. process.kill is guarded,
// so a regression is reported instead of delivered to pid 1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { runBootstrap } from '../../src/services/bootstrap.js';
import { runTeardown } from '../../src/services/teardown.js';
import { isAlive } from '../../src/system/process.js';
import { forgePingReplies, forgeryServer, guardKill, unrelatedProcess } from '../support/forged-ping.js';
import { freePort, type TestNatsServer } from '../support/nats-server.js';
import { recordedPids } from './processes.js';
import { checked, injected } from './report.js';

const NOBODY = 65534;
let server: TestNatsServer;
let nc: NatsConnection;
let forgery: Awaited<ReturnType<typeof forgeryServer>>;
const cleanups: Array<() => void | Promise<void>> = [];
beforeAll(async () => {
  forgery = await forgeryServer();
  ({ server, nc } = forgery);
});
afterAll(async () => {
  await forgery?.close();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function scenario(name: string, deployment: string, forgedPid: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-chaos-forged-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const { config } = await resolveConfig({
    noFile: true,
    env: { CI: '1' },
    flags: {
      'nats-type': 'self_hosted',
      'nats-url': server.url,
      deployment,
      'state-dir': join(dir, 'state'),
      'output-dir': join(dir, 'out'),
      org: 'acme',
      'controller-port': await freePort(),
    },
  });
  cleanups.push(forgePingReplies(nc, deployment, forgedPid));
  injected(
    name,
    `a responder on natsgh.${deployment}.controller.ping answering {"ok":true,"pid":${forgedPid}}`,
  );
  const guard = guardKill();
  cleanups.push(() => guard.restore());
  const common = {
    config,
    selection: {},
    dryRun: false,
    lockTimeoutMs: 10_000,
    interactive: false,
    assumeYes: true,
    render: 'silent' as const,
    signal: new AbortController().signal,
    cliVersion: '0.1.0',
    terraform: { enabled: false, dir: 'terraform', backend: 'local' as const, backendConfig: {}, vars: {} },
  };
  const first = await runBootstrap(common);
  expect(first.ok, JSON.stringify(first.phases)).toBe(true);
  const controller = recordedPids(config.stateDir).controller;
  expect(controller).toBeGreaterThan(1);
  cleanups.push(() => {
    if (controller && isAlive(controller)) process.kill(controller, 'SIGKILL');
  });
  const again = await runBootstrap(common);
  expect(again.ok, JSON.stringify(again.phases)).toBe(true);
  expect(recordedPids(config.stateDir).controller).toBe(controller);

  const down = await runTeardown({
    config,
    purge: false,
    signal: common.signal,
    cliVersion: common.cliVersion,
  });
  expect(down.ok, JSON.stringify(down.steps)).toBe(true);
  await expect.poll(() => isAlive(controller!), { timeout: 15_000 }).toBe(false);
  const stray = guard.sent.filter(([pid]) => Math.abs(pid) !== controller);
  expect(stray, 'signals sent to anything but the recorded controller').toEqual([]);
  checked(name, `bootstrap, re-run and teardown signalled only the recorded controller (pid ${controller})`);
}

describe('chaos: forged controller ping replies', () => {
  it('a reply naming pid 1 signals neither pid 1 nor every process (-1)', async () => {
    await scenario('forged ping pid 1', 'forgedone', 1);
  });

  it("a reply naming another user's process leaves it running", async () => {
    const asRoot = process.getuid?.() === 0;
    const victim = unrelatedProcess(asRoot ? NOBODY : undefined);
    cleanups.push(() => victim.stop());
    if (!asRoot) console.log('[chaos] not root: the victim runs as this user (the stronger case)');
    await scenario('forged ping other pid', 'forgedother', victim.pid);
    expect(isAlive(victim.pid)).toBe(true);
    checked(
      'forged ping other pid',
      `pid ${victim.pid} (uid ${asRoot ? NOBODY : process.getuid?.()}) still runs`,
    );
  });
});
