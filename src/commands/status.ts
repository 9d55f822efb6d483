// `natsgh status`: what bootstrap did and whether it still holds.
import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { commonFlags, configFlags, NATS_CONNECTION_KEYS } from '../cli/flags.js';
import type { StatusResult } from '../services/status.js';
import { trace } from '../workflow/trace.js';

function age(ms: number | null): string {
  if (ms === null) return '-';
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s}s ago`;
  if (s < 7200) return `${Math.round(s / 60)}m ago`;
  return `${Math.round(s / 3600)}h ago`;
}

export default class Status extends BaseCommand<StatusResult> {
  static summary = 'Show the phases of a deployment, NATS and controller health, and who holds the lock.';
  static description =
    'Reads the checkpoints from NATS KV when NATS answers, else from the local journal, and checks NATS and the controller live. Changes nothing. --watch follows the checkpoints in KV and prints the status again on every change (one JSON document per line with --json) until Ctrl-C.';
  static examples = [
    '<%= config.bin %> status',
    '<%= config.bin %> status --json',
    '<%= config.bin %> status --watch',
    '<%= config.bin %> status --deployment staging --state-dir /var/lib/natsgh',
  ];
  static flags = {
    ...commonFlags,
    ...configFlags('mode', ...NATS_CONNECTION_KEYS, 'nats.monitorPort', 'controller.port'),
    watch: Flags.boolean({ description: 'Keep following the checkpoints in NATS KV.' }),
  };

  protected async execute(): Promise<StatusResult> {
    trace('status command');
    const { flags } = await this.parse(Status);
    this.streamsJson = Boolean(flags.watch);
    const { readStatus, watchStatus } = await import('../services/status.js');
    const { config, recorded } = await this.resolveConfig(flags);
    trace('config resolved');
    if (!flags.watch) return readStatus({ config, recorded: recorded?.record, signal: this.signal });
    let last: StatusResult | undefined;
    await watchStatus({ config, recorded: recorded?.record, signal: this.signal }, (s) => {
      last = s;
      if (this.jsonEnabled()) process.stdout.write(`${JSON.stringify(s)}\n`);
      else this.render(s);
    });
    // The watch printed every state already; exit without printing the last one again.
    this.exit(last ? 0 : 1);
    return last!;
  }

  protected render(s: StatusResult): void {
    this.out(`deployment ${s.deployment} (phases from ${s.source})`);
    for (const p of s.phases) {
      this.out(
        `  ${p.id.padEnd(18)} ${p.status.padEnd(11)} ${age(p.ageMs).padEnd(9)} ${p.error ?? p.reason ?? ''}`,
      );
    }
    this.out(
      `NATS        ${s.nats.url}  ${s.nats.healthy ? 'healthy' : `unhealthy: ${s.nats.reason ?? ''}`}`,
    );
    if (s.nats.context) this.out(`  context   ${s.nats.context}  (nats --context ${s.nats.context} kv ls)`);
    for (const n of s.nodes) {
      this.out(
        `  node ${n.name.padEnd(16)} ${n.healthy ? 'healthy' : 'unhealthy'}${n.pid ? ` pid ${n.pid}` : ''}  ${n.url}${n.detail ? `  ${n.detail}` : ''}`,
      );
    }
    this.out(
      `controller  ${s.controller.healthy ? `healthy (pid ${s.controller.pid}, ${s.controller.version})` : 'not answering'}`,
    );
    this.out(
      `lock        ${s.lock ? `held by run ${s.lock.runId} on ${s.lock.host}, pid ${s.lock.pid}, since ${s.lock.since}` : 'free'}`,
    );
  }
}
