import { BaseCommand } from '../cli/base-command.js';
import { allConfigFlags, commonFlags } from '../cli/flags.js';
import type { Source } from '../config/load.js';

export interface ConfigResult {
  file: string | null;
  /** The deployment's recorded settings this configuration starts from (state dir), if any. */
  recorded: string | null;
  values: Array<{ key: string; value: unknown; source: Source | 'unset' }>;
}

export default class Config extends BaseCommand<ConfigResult> {
  static summary = 'Show the resolved configuration and where each value came from.';
  static description =
    'Precedence: defaults < the recorded settings of the deployment (what its bootstrap ran with, in <state-dir>/settings/<deployment>.json) < config file (natsgh.config.*, .natsghrc*, package.json#natsgh) < environment (NATSGH_*, GITHUB_TOKEN, SYNADIA_CREDS_FILE) < flags. Secrets are shown as [REDACTED] and are never recorded.';
  static examples = [
    '<%= config.bin %> config',
    '<%= config.bin %> config --json',
    'NATSGH_NATS_PORT=4333 <%= config.bin %> config --mode docker --nats-type self_hosted',
  ];
  static flags = { ...commonFlags, ...allConfigFlags() };

  protected async execute(): Promise<ConfigResult> {
    const { flags } = await this.parse(Config);
    const { describeConfig } = await import('../config/load.js');
    const resolved = await this.resolveConfig(flags);
    return {
      file: resolved.file ?? null,
      recorded: resolved.recorded?.file ?? null,
      values: describeConfig(resolved),
    };
  }

  protected render(result: ConfigResult): void {
    this.out(`config file: ${result.file ?? '(none found)'}`);
    this.out(`recorded settings: ${result.recorded ?? '(none: no bootstrap recorded this deployment)'}`);
    const width = Math.max(...result.values.map((v) => v.key.length));
    for (const v of result.values) {
      const value = v.value === null ? '-' : String(v.value);
      this.out(`${v.key.padEnd(width)}  ${value}  (${v.source})`);
    }
  }
}
