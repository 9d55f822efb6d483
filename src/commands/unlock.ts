// `natsgh unlock`: removes a stale deployment lock now instead of waiting for its lease.
import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { commonFlags, configFlags, NATS_CONNECTION_KEYS } from '../cli/flags.js';
import type { UnlockResult } from '../services/unlock.js';

export default class Unlock extends BaseCommand<UnlockResult> {
  static summary = "Remove a crashed run's lock on the deployment.";
  static description =
    'Removes the lock file in the state dir and the lease in NATS KV natsgh_locks. Without --force only a holder that ran on this host and is no longer alive is removed; a lease held elsewhere lapses by itself within 30 s. With --force the lock is removed whoever holds it: make sure that run is gone.';
  static examples = [
    '<%= config.bin %> unlock',
    '<%= config.bin %> unlock --force',
    '<%= config.bin %> unlock --deployment staging --state-dir /var/lib/natsgh --json',
  ];
  static flags = {
    ...commonFlags,
    ...configFlags('mode', ...NATS_CONNECTION_KEYS, 'nats.monitorPort'),
    force: Flags.boolean({ description: 'Remove the lock even if its holder may still be running.' }),
  };

  protected async execute(): Promise<UnlockResult> {
    const { flags } = await this.parse(Unlock);
    const { runUnlock } = await import('../services/unlock.js');
    const { config } = await this.resolveConfig(flags);
    return runUnlock({ config, force: flags.force, signal: this.signal });
  }

  protected render(r: UnlockResult): void {
    for (const l of r.locks) {
      const who = l.holder ? ` (run ${l.holder.runId}, host ${l.holder.host}, pid ${l.holder.pid})` : '';
      this.out(`${l.lock} lock: ${l.removed ? 'removed' : l.reason}${l.removed ? who : ''}`);
    }
  }
}
