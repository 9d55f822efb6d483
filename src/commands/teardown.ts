// `natsgh teardown`: stops what bootstrap started and clears its checkpoints.
import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { allConfigFlags, commonFlags } from '../cli/flags.js';
import { UsageError } from '../errors.js';
import type { TeardownResult } from '../services/teardown.js';

export default class Teardown extends BaseCommand<TeardownResult> {
  static summary = 'Stop the controller and the NATS natsgh runs, and clear the checkpoints.';
  static description =
    "Stops the controller, then the NATS server(s) natsgh started, and clears the deployment's checkpoints from NATS KV and the local journal. Data (the JetStream store) is kept unless --purge, which also removes the state dir. Safe to run twice. Asks for confirmation on a terminal unless --yes.";
  static examples = [
    '<%= config.bin %> teardown --yes',
    '<%= config.bin %> teardown --yes --purge',
    '<%= config.bin %> teardown --deployment staging --state-dir /var/lib/natsgh --yes --json',
  ];
  static flags = {
    ...commonFlags,
    ...allConfigFlags(),
    purge: Flags.boolean({ description: 'Also delete data: the JetStream store and the state dir.' }),
  };

  protected async execute(): Promise<TeardownResult> {
    const { flags } = await this.parse(Teardown);
    const { runTeardown } = await import('../services/teardown.js');
    const { config } = await this.resolveConfig(flags);
    if (this.isInteractive(flags.yes)) {
      const { confirm } = await import('@inquirer/prompts');
      const what = flags.purge ? 'and delete its data' : '(data is kept)';
      if (
        !(await confirm({ message: `Tear down deployment ${config.deployment} ${what}?`, default: false }))
      ) {
        throw new UsageError('teardown not confirmed', {
          code: 'not_confirmed',
          suggestions: ['Pass --yes to skip the question.'],
        });
      }
    }
    const result = await runTeardown({
      config,
      purge: Boolean(flags.purge),
      signal: this.signal,
      cliVersion: this.config.version,
      log: this.logger,
    });
    if (!result.ok) this.resultExitCode = 1;
    return result;
  }

  protected render(r: TeardownResult): void {
    for (const s of r.steps) this.out(`  ${s.id.padEnd(18)} ${s.status.padEnd(7)} ${s.reason}`);
    this.out(
      r.ok ? `deployment ${r.deployment} torn down` : `teardown of ${r.deployment} had failures (see above)`,
    );
  }
}
