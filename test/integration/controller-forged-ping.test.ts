// A forged reply on natsgh.<deployment>.controller.ping names a pid: pid 1, or
// an unrelated process. Neither deploy-controller (replacing "the running
// controller") nor teardown may signal it: natsgh stops only the controller it
// recorded on this host (pid + start time + command line). Real nats-server,
// real controller process, real victim process; process.kill is guarded so a
// regression is recorded instead of delivered to pid 1.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { controllerFiles } from '../../src/deploy/controller/dev.js';
import { newBootstrapContext, type BootstrapContext as PhaseContext } from '../../src/phases/context.js';
import { deployController } from '../../src/phases/deploy-controller.js';
import { phaseOf } from '../../src/phases/index.js';
import { readStatus } from '../../src/services/status.js';
import { runTeardown } from '../../src/services/teardown.js';

const deployControllerPhase = phaseOf('deploy-controller', deployController);

import { createProvisioner } from '../../src/provision/index.js';
import { currentPlatform } from '../../src/system/platform.js';
import { isAlive } from '../../src/system/process.js';
import {
  forgePingReplies,
  forgeryServer,
  guardKill,
  type KillGuard,
  unrelatedProcess,
} from '../support/forged-ping.js';
import { freePort, type TestNatsServer } from '../support/nats-server.js';

const VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

let server: TestNatsServer;
let nc: NatsConnection;
let forgery: Awaited<ReturnType<typeof forgeryServer>>;
beforeAll(async () => {
  forgery = await forgeryServer();
  ({ server, nc } = forgery);
});
afterAll(async () => {
  await forgery?.close();
});

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function phaseContext(deployment: string): Promise<PhaseContext> {
  const stateDir = mkdtempSync(join(tmpdir(), 'natsgh-forged-'));
  cleanups.push(() => rmSync(stateDir, { recursive: true, force: true }));
  const { config } = await resolveConfig({
    noFile: true,
    env: {},
    flags: {
      'nats-type': 'self_hosted',
      'nats-url': server.url,
      deployment,
      'state-dir': stateDir,
      org: 'acme',
      'controller-port': await freePort(),
    },
  });
  return newBootstrapContext({
    config,
    runId: 'forged',
    cliVersion: VERSION,
    platform: currentPlatform(),
    interactive: false,
    assumeYes: true,
    signal: new AbortController().signal,
    log: { info: () => undefined, warn: () => undefined },
    provisioner: await createProvisioner(config),
    terraform: { enabled: false, dir: 'terraform', backend: 'local', backendConfig: {}, vars: {} },
    nats: { nc, spec: { servers: [server.url] } },
  });
}

async function deployAndTearDown(ctx: PhaseContext, guard: KillGuard, forged: number): Promise<number> {
  const out = await deployControllerPhase.run(ctx, { output: () => undefined } as never);
  const controller = Number((out as Record<string, string>).pid);
  cleanups.push(() => {
    if (controller > 1 && isAlive(controller)) process.kill(controller, 'SIGKILL');
  });
  expect(guard.sent.filter(([pid]) => Math.abs(pid) === forged)).toEqual([]);
  expect(controller).not.toBe(forged);
  expect(isAlive(controller)).toBe(true);
  // The controller is the one natsgh started: the pid file names it, not the forger's pid.
  expect(Number(readFileSync(controllerFiles(ctx.stateDir).pidFile, 'utf8'))).toBe(controller);
  expect(statSync(controllerFiles(ctx.stateDir).recordFile).mode & 0o777).toBe(0o600);

  // A second run (the forger still answering, with another version) keeps ours and signals nothing.
  const again = await deployControllerPhase.run(ctx, { output: () => undefined } as never);
  expect(Number((again as Record<string, string>).pid)).toBe(controller);

  const result = await runTeardown({
    config: ctx.config,
    purge: false,
    signal: new AbortController().signal,
    cliVersion: VERSION,
    phases: [deployControllerPhase],
    provisioner: ctx.provisioner,
  });
  expect(result.ok, JSON.stringify(result.steps)).toBe(true);
  await expect.poll(() => isAlive(controller), { timeout: 15_000 }).toBe(false);
  expect(guard.sent.map(([pid]) => pid).filter((pid) => pid !== controller && pid !== -controller)).toEqual(
    [],
  );
  return controller;
}

describe('a forged controller ping reply', () => {
  it('naming pid 1 makes neither deploy-controller nor teardown signal pid 1 (or -1)', async () => {
    const ctx = await phaseContext('forged1');
    cleanups.push(forgePingReplies(nc, 'forged1', 1));
    const guard = guardKill();
    cleanups.push(() => guard.restore());
    await deployAndTearDown(ctx, guard, 1);
    expect(guard.sent.filter(([pid]) => Math.abs(pid) <= 1)).toEqual([]);
  }, 90_000);

  it("naming an unrelated process's pid leaves that process running", async () => {
    const ctx = await phaseContext('forged2');
    const victim = unrelatedProcess();
    cleanups.push(() => victim.stop());
    cleanups.push(forgePingReplies(nc, 'forged2', victim.pid));
    const guard = guardKill();
    cleanups.push(() => guard.restore());
    await deployAndTearDown(ctx, guard, victim.pid);
    expect(guard.sent.filter(([pid]) => Math.abs(pid) === victim.pid)).toEqual([]);
    expect(isAlive(victim.pid)).toBe(true);
  }, 90_000);
  it('status shows the pid natsgh recorded, never the one a ping reply names', async () => {
    const ctx = await phaseContext('forged3');
    const victim = unrelatedProcess();
    cleanups.push(() => victim.stop());
    cleanups.push(forgePingReplies(nc, 'forged3', victim.pid));
    const status = () => readStatus({ config: ctx.config, signal: new AbortController().signal });
    // Only the forger answers: someone answers the ping, but natsgh started no controller here.
    const before = await status();
    expect(before.controller.pid).toBeNull();
    const out = await deployControllerPhase.run(ctx, { output: () => undefined } as never);
    const controller = Number((out as Record<string, string>).pid);
    cleanups.push(() => {
      if (controller > 1 && isAlive(controller)) process.kill(controller, 'SIGKILL');
    });
    for (let i = 0; i < 3; i++) expect((await status()).controller.pid).toBe(controller);
  }, 90_000);
});
