// `natsgh doctor`: checks this machine and the configured services for what the
// chosen mode and NATS type need, and says how to fix what is missing.
import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { allConfigFlags, commonFlags } from '../cli/flags.js';
import type { DoctorReport } from '../doctor/check.js';

const SYMBOL = { ok: '✓', warn: '!', fail: '✗', skip: '-' } as const;

export default class Doctor extends BaseCommand<DoctorReport> {
  static summary = 'Check that this machine and the configured services are ready for natsgh.';
  static description =
    `Runs every check the chosen --mode and --nats-type need, concurrently: Node.js, nats-server, docker, kubectl, helm and the cluster context, terraform, git, the GitHub token (against --github-api-url), the creds file, the NATS URL (round-trip time, JetStream), TLS files, ports and the state directory. Checks that do not apply are skipped with the reason; each problem comes with a hint for this platform.

Exit status: 0 when no check failed, 1 when one did, 2 for bad flags or configuration. --ignore ID,... reports the named failures as warnings instead.`;
  static examples = [
    '<%= config.bin %> doctor',
    '<%= config.bin %> doctor --mode docker --nats-type self_hosted',
    'SYNADIA_CREDS_FILE=~/synadia.creds <%= config.bin %> doctor --nats-type synadia --json',
    '<%= config.bin %> doctor --mode kubernetes --nats-type self_hosted_cluster --ignore helm,kube-context',
    'GITHUB_API_URL=https://ghe.example.com/api/v3 <%= config.bin %> doctor --json',
    '<%= config.bin %> doctor --remote --deployment prod --nats-url nats://nats:4222',
  ];
  static flags = {
    ...commonFlags,
    ...allConfigFlags(),
    ignore: Flags.string({
      description: 'Check ids whose failures are reported as warnings (comma-separated).',
      multiple: true,
      delimiter: ',',
      helpGroup: 'GLOBAL',
    }),
    remote: Flags.boolean({
      description: 'Ask the running controller (over NATS) to run the checks from where it runs.',
      helpGroup: 'GLOBAL',
    }),
  };

  protected async execute(): Promise<DoctorReport> {
    const { flags } = await this.parse(Doctor);
    const { assertValidCombination } = await import('../config/combination.js');
    const { runDoctor } = await import('../doctor/run.js');
    const { config, recorded } = await this.resolveConfig(flags);
    assertValidCombination(config.mode, config.natsType);
    const ignore = (flags.ignore ?? []).map((s) => s.trim()).filter(Boolean);
    const report = flags.remote
      ? await (await import('../controller/remote-doctor.js')).askControllerDoctor(config, { ignore })
      : await runDoctor({
          config,
          ignore,
          signal: this.signal,
          // What the record says natsgh started for this deployment (a server or compose services).
          natsRunning:
            recorded?.record.started.some((s) => s.kind === 'nats-server' || s.kind === 'compose') ?? false,
        });
    if (!report.ok) this.resultExitCode = 1;
    return report;
  }

  protected render(report: DoctorReport): void {
    const width = Math.max(...report.checks.map((c) => c.title.length));
    for (const c of report.checks) {
      this.out(`[${SYMBOL[c.status]}] ${c.title.padEnd(width)}  ${c.message}`);
      if (c.hint) this.out(`    ${' '.repeat(width)}  → ${c.hint}`);
    }
    const count = (s: string) => report.checks.filter((c) => c.status === s).length;
    this.out('');
    this.out(
      `${report.ok ? 'No problems found' : 'Problems found'}: ${count('ok')} ok, ${count('warn')} warnings, ${count('fail')} failed, ${count('skip')} skipped.`,
    );
    if (!report.ok) {
      const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
      this.out(`To go on anyway: --ignore ${failed.join(',')}`);
    }
  }
}
