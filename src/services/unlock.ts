// The `natsgh unlock` service: removes the deployment's lock file and KV lease.
// Without force only a holder that ran on this host and is dead is removed (a
// lease on another host lapses by itself); with force, whoever holds it.
import { resolve } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import { errorMessage } from '../errors.js';
import { deploymentLockKey } from '../nats/names.js';
import { type Provisioner, provisionContext } from '../provision/provisioner.js';
import { redact } from '../redact.js';
import {
  describeHolder,
  forceRemoveKvLock,
  isStaleHolder,
  type LockHolder,
  lockFilePath,
  readKvLockHolder,
  removeFileLock,
} from '../workflow/locks.js';
import { tryOpenDeploymentNats } from './deployment-nats.js';

export interface UnlockEntry {
  lock: 'file' | 'kv';
  removed: boolean;
  holder: LockHolder | null;
  reason: string;
}

export interface UnlockResult {
  deployment: string;
  locks: UnlockEntry[];
}

export async function runUnlock(opts: {
  config: NatsghConfig;
  force: boolean;
  signal: AbortSignal;
  provisioner?: Provisioner;
}): Promise<UnlockResult> {
  const config = { ...opts.config, stateDir: resolve(opts.config.stateDir) };
  const deployment = config.deployment;
  const locks: UnlockEntry[] = [];
  const file = await removeFileLock(lockFilePath(config.stateDir, deployment), { force: opts.force });
  locks.push({
    lock: 'file',
    removed: file.removed,
    holder: file.holder ?? null,
    reason: file.removed ? 'removed' : (file.reason ?? 'kept'),
  });
  const provisioner =
    opts.provisioner ?? (await (await import('../provision/index.js')).createProvisioner(config));
  const pctx = provisionContext({ config, signal: opts.signal });
  let openError: unknown;
  const nats = await tryOpenDeploymentNats(provisioner, pctx, {
    create: false,
    timeoutMs: 1500,
    onError: (err) => {
      openError = err;
    },
  });
  try {
    if (!nats?.locks) {
      locks.push({
        lock: 'kv',
        removed: false,
        holder: null,
        reason: nats
          ? 'no lock bucket'
          : openError === undefined
            ? 'NATS not reachable'
            : `NATS not reachable: ${redact(errorMessage(openError))}`,
      });
    } else {
      const key = deploymentLockKey(deployment);
      const holder = await readKvLockHolder(nats.locks, key);
      if (!holder) {
        locks.push({ lock: 'kv', removed: false, holder: null, reason: 'not locked' });
      } else if (opts.force || isStaleHolder(holder)) {
        await forceRemoveKvLock(nats.locks, key);
        locks.push({ lock: 'kv', removed: true, holder, reason: 'removed' });
      } else {
        locks.push({
          lock: 'kv',
          removed: false,
          holder,
          reason: `holder may be alive (${describeHolder(holder)}); its lease lapses by itself, or use --force`,
        });
      }
    }
  } finally {
    await nats?.close();
  }
  return { deployment, locks };
}
