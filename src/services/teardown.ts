// The `natsgh teardown` service: under the deployment's locks, clears its
// checkpoints (KV and journal) and runs each phase's teardown in reverse order:
// the controller stops before NATS does. Keeps data unless purge. Idempotent:
// what is already gone is reported as such, not as an error.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import { type Logger, silentLog } from '../contracts.js';
import { BusyError, errorMessage } from '../errors.js';
import { deploymentLockKey, LOCK_LEASE_MS } from '../nats/names.js';
import { newBootstrapContext } from '../phases/context.js';
import type { BootstrapPhase } from '../phases/index.js';
import { type Provisioner, provisionContext } from '../provision/provisioner.js';
import { redact } from '../redact.js';
import { currentPlatform } from '../system/platform.js';
import {
  acquireFileLock,
  acquireKvLock,
  currentHolder,
  type LockHandle,
  lockFilePath,
} from '../workflow/locks.js';
import type { PhaseOutputs } from '../workflow/phase.js';
import { clearJournal, clearKvCheckpoints, readJournal, readKvCheckpoints } from './checkpoints.js';
import { type DeploymentNats, openDeploymentNats, tryOpenDeploymentNats } from './deployment-nats.js';
import { newRunId } from './run-id.js';

export interface TeardownOptions {
  config: NatsghConfig;
  purge: boolean;
  signal: AbortSignal;
  cliVersion: string;
  lockTimeoutMs?: number;
  log?: Logger;
  phases?: readonly BootstrapPhase[];
  provisioner?: Provisioner;
}

export interface TeardownStep {
  id: string;
  status: 'done' | 'skipped' | 'failed';
  reason: string;
}

export interface TeardownResult {
  ok: boolean;
  deployment: string;
  purge: boolean;
  checkpointsCleared: number;
  steps: TeardownStep[];
}

export async function runTeardown(opts: TeardownOptions): Promise<TeardownResult> {
  const config = { ...opts.config, stateDir: resolve(opts.config.stateDir) };
  const deployment = config.deployment;
  const log = opts.log ?? silentLog;
  const phases = [...(opts.phases ?? (await (await import('../phases/index.js')).loadPhases()))];
  const provisioner =
    opts.provisioner ?? (await (await import('../provision/index.js')).createProvisioner(config));
  const pctx = provisionContext({ config, signal: opts.signal, log });
  const runId = newRunId();
  const steps: TeardownStep[] = [];
  let cleared = 0;

  if (!existsSync(config.stateDir) && !provisioner.reachableAtStart) {
    return {
      ok: true,
      deployment,
      purge: opts.purge,
      checkpointsCleared: 0,
      steps: [
        {
          id: 'state-dir',
          status: 'skipped',
          reason: `${config.stateDir} does not exist: nothing to tear down`,
        },
      ],
    };
  }

  let fileLock: LockHandle | undefined;
  let kvLock: LockHandle | undefined;
  let nats: DeploymentNats | undefined;
  const holder = currentHolder(runId);
  try {
    if (existsSync(config.stateDir)) {
      fileLock = await acquireFileLock(lockFilePath(config.stateDir, deployment), holder, {
        waitMs: opts.lockTimeoutMs ?? 0,
        signal: opts.signal,
        what: `deployment ${deployment}`,
      });
    }
    nats = provisioner.reachableAtStart
      ? await openDeploymentNats(provisioner.connection(pctx), { create: false })
      : await tryOpenDeploymentNats(provisioner, pctx, { create: false });
    if (nats?.locks) {
      try {
        kvLock = await acquireKvLock(nats.locks, deploymentLockKey(deployment), holder, {
          leaseMs: LOCK_LEASE_MS,
          waitMs: opts.lockTimeoutMs ?? 0,
          signal: opts.signal,
          what: `deployment ${deployment}`,
        });
      } catch (err) {
        // Held by another run: stop. JetStream unable to write (full disk): the file
        // lock already excludes every other run on this machine, so stopping what
        // natsgh started here must not depend on it.
        if (err instanceof BusyError || !fileLock) throw err;
        steps.push({
          id: 'kv-lock',
          status: 'skipped',
          reason: `KV could not take the lease (${redact(errorMessage(err))}); tearing down under the file lock`,
        });
      }
    }

    // Phase teardowns see the outputs their runs recorded (pids, paths).
    const ids = phases.map((p) => p.id);
    const journal = await readJournal(config.stateDir, deployment).catch(() => new Map());
    const inKv = nats?.checkpoints
      ? await readKvCheckpoints(nats.checkpoints, deployment, ids).catch(() => new Map())
      : new Map();
    const ctx = newBootstrapContext({
      config,
      runId,
      cliVersion: opts.cliVersion,
      platform: currentPlatform(),
      interactive: false,
      assumeYes: true,
      signal: opts.signal,
      log,
      provisioner,
      terraform: { enabled: false, dir: 'terraform', backend: 'local', backendConfig: {}, vars: {} },
      nats: nats ? { nc: nats.nc, spec: nats.spec } : undefined,
    });
    // Read through ctx.recorded (typed); KV's record wins over the journal's.
    const outputs = ctx.outputs as Record<string, PhaseOutputs>;
    for (const cp of [...journal.values(), ...inKv.values()]) outputs[cp.phaseId] = cp.outputs;

    if (nats?.checkpoints) {
      try {
        cleared = await clearKvCheckpoints(nats.checkpoints, deployment);
        steps.push({ id: 'checkpoints', status: 'done', reason: `cleared ${cleared} checkpoint(s) from KV` });
      } catch (err) {
        // Still stop what runs: a checkpoint left behind is verified before the next run trusts it.
        steps.push({
          id: 'checkpoints',
          status: 'failed',
          reason: `could not clear the checkpoints in KV (${redact(errorMessage(err))}); the next bootstrap verifies each phase before trusting them`,
        });
      }
    }

    for (const p of [...phases].reverse()) {
      if (!p.teardown) continue;
      if (p.id === 'provision-nats' && nats) {
        // NATS is about to stop: let go of the lease and the connection first.
        await kvLock?.release();
        kvLock = undefined;
        // NATS natsgh does not run may hold other deployments: remove only this one's share (nats/deployment-data.ts).
        if (opts.purge && provisioner.reachableAtStart) {
          const { purgeDeploymentData } = await import('../nats/deployment-data.js');
          try {
            const reason = await purgeDeploymentData(nats.nc, nats.spec, deployment);
            steps.push({ id: 'nats-data', status: 'done', reason });
          } catch (err) {
            steps.push({ id: 'nats-data', status: 'failed', reason: redact(errorMessage(err)) });
          }
        }
        await nats.close();
        nats = undefined;
        ctx.nats = undefined;
      }
      const applies = p.applies?.(ctx) ?? true;
      if (applies !== true) {
        steps.push({ id: p.id, status: 'skipped', reason: applies });
        continue;
      }
      try {
        await p.teardown(ctx, { purge: opts.purge });
        // NATS that existed before natsgh (Synadia, your own server) is left as it is.
        const leftAlone = p.id === 'provision-nats' && provisioner.reachableAtStart;
        steps.push({
          id: p.id,
          status: 'done',
          reason: leftAlone
            ? 'left running: natsgh does not run this NATS'
            : opts.purge
              ? 'stopped and purged'
              : 'stopped (data kept)',
        });
      } catch (err) {
        steps.push({ id: p.id, status: 'failed', reason: redact(errorMessage(err)) });
      }
    }

    await clearJournal(config.stateDir, deployment);
    steps.push({ id: 'journal', status: 'done', reason: 'cleared the local journal' });
    if (opts.purge) {
      await rm(config.stateDir, { recursive: true, force: true });
      fileLock = undefined;
      steps.push({ id: 'state-dir', status: 'done', reason: `removed ${config.stateDir}` });
    }
  } finally {
    await kvLock?.release().catch(() => undefined);
    await nats?.close();
    await fileLock?.release().catch(() => undefined);
  }
  return {
    ok: steps.every((s) => s.status !== 'failed'),
    deployment,
    purge: opts.purge,
    checkpointsCleared: cleared,
    steps,
  };
}
