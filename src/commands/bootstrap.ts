// `natsgh bootstrap`: parses flags and runs the resumable bootstrap
// (src/services/bootstrap.ts). The typed result is the --json document.
import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { allConfigFlags, commonFlags } from '../cli/flags.js';
import { UsageError } from '../errors.js';
import { PHASE_IDS } from '../phases/list.js';
import type { BootstrapResult } from '../services/bootstrap.js';
import { trace } from '../workflow/trace.js';

const PHASE_IDS_TEXT = PHASE_IDS.join(', ');

/** "0", "500ms", "30s", "2m", "1h" -> milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) {
    throw new UsageError(`${flag} ${text}: expected a duration such as 0s, 30s, 2m`, { code: 'usage' });
  }
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(m[1]) * unit);
}

function keyValues(values: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const i = v.indexOf('=');
    if (i <= 0) throw new UsageError(`${flag} ${v.split('=')[0]}: expected KEY=VALUE`, { code: 'usage' });
    out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}

export default class Bootstrap extends BaseCommand<BootstrapResult> {
  static summary = 'Stand up NATS, the controller and the generated .github files, in resumable phases.';
  static description =
    `Runs the phases ${PHASE_IDS_TEXT} in order. Each phase is checkpointed (a local journal in the state dir until NATS exists, then NATS KV natsgh_checkpoints); a re-run skips a phase whose checkpoint is done, whose inputs are unchanged and whose live verify passes, and re-runs the phases that depend on one that ran.

One run at a time per deployment: a second run exits 3 naming the holder (or waits --lock-timeout). Ctrl-C records the phase as interrupted, releases the lock and exits 130; a re-run resumes.

Exit status: 0 ok, 1 a phase failed, 2 usage or config error, 3 busy, 130 interrupted.`;
  static examples = [
    '<%= config.bin %> bootstrap',
    '<%= config.bin %> bootstrap --org my-org --output-dir ../.github --json',
    '<%= config.bin %> bootstrap --dry-run',
    '<%= config.bin %> bootstrap --dry-run --graph mermaid',
    '<%= config.bin %> bootstrap --from deploy-controller',
    '<%= config.bin %> bootstrap --only generate-files,validate --force',
    '<%= config.bin %> bootstrap --nats-port 4333 --monitor-port 8333 --controller-port 8081 --lock-timeout 60s',
    'SYNADIA_CREDS_FILE=~/ngs.creds <%= config.bin %> bootstrap --nats-type synadia --yes',
  ];
  static flags = {
    ...commonFlags,
    ...allConfigFlags(),
    from: Flags.string({
      description: `Run from this phase on, forcing it and every later phase (${PHASE_IDS_TEXT}).`,
      helpGroup: 'PHASES',
    }),
    only: Flags.string({
      description: 'Run only these phases (comma-separated); the skip rule still applies unless --force.',
      multiple: true,
      delimiter: ',',
      helpGroup: 'PHASES',
    }),
    skip: Flags.string({
      description: 'Do not run these phases (comma-separated).',
      multiple: true,
      delimiter: ',',
      helpGroup: 'PHASES',
    }),
    force: Flags.boolean({
      description: 'Run every selected phase even when its checkpoint says done.',
      helpGroup: 'PHASES',
    }),
    'dry-run': Flags.boolean({
      description: 'Print the plan (which phases would run and why) and change nothing anywhere.',
      helpGroup: 'PHASES',
    }),
    graph: Flags.string({
      description: 'Print the phase graph (implies --dry-run).',
      options: ['mermaid', 'dot'],
      helpGroup: 'PHASES',
    }),
    'lock-timeout': Flags.string({
      description: 'How long to wait for another run of this deployment to finish (e.g. 30s, 2m).',
      default: '0s',
      helpGroup: 'PHASES',
    }),
    terraform: Flags.boolean({
      description: 'Also run the terraform phase (init, plan, apply of --terraform-dir).',
      helpGroup: 'TERRAFORM',
    }),
    'terraform-dir': Flags.string({
      description: 'Terraform module to apply.',
      default: 'terraform',
      helpGroup: 'TERRAFORM',
    }),
    'tf-backend': Flags.string({
      description: 'Terraform state backend.',
      options: ['local', 's3', 'gcs'],
      default: 'local',
      helpGroup: 'TERRAFORM',
    }),
    'tf-backend-config': Flags.string({
      description: 'Backend setting KEY=VALUE (repeatable).',
      multiple: true,
      helpGroup: 'TERRAFORM',
    }),
    'tf-var': Flags.string({
      description: 'Terraform variable KEY=VALUE (repeatable).',
      multiple: true,
      helpGroup: 'TERRAFORM',
    }),
  };

  protected async execute(): Promise<BootstrapResult> {
    trace('bootstrap command');
    const { flags } = await this.parse(Bootstrap);
    const [{ runBootstrap }, resolved] = await Promise.all([
      import('../services/bootstrap.js'),
      this.resolveConfig(flags, { applyChanges: true }),
    ]);
    const { config } = resolved;
    trace('config resolved');
    const json = this.jsonEnabled();
    const tty =
      Boolean(process.stdout.isTTY) &&
      !(process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0');
    const result = await runBootstrap({
      config,
      selection: { from: flags.from, only: flags.only, skip: flags.skip, force: flags.force },
      dryRun: flags['dry-run'],
      graph: flags.graph as 'mermaid' | 'dot' | undefined,
      lockTimeoutMs: parseDuration(flags['lock-timeout'], '--lock-timeout'),
      interactive: this.isInteractive(flags.yes),
      assumeYes: Boolean(flags.yes),
      render: json ? 'silent' : tty ? 'tty' : 'lines',
      signal: this.signal,
      cliVersion: this.config.version,
      terraform: {
        enabled: flags.terraform,
        dir: flags['terraform-dir'],
        backend: flags['tf-backend'] as 'local' | 's3' | 'gcs',
        backendConfig: keyValues(flags['tf-backend-config'], '--tf-backend-config'),
        vars: keyValues(flags['tf-var'], '--tf-var'),
      },
      log: this.logger,
    });
    if (!result.ok) this.resultExitCode = 1;
    return result;
  }

  protected render(r: BootstrapResult): void {
    if (r.graph) {
      this.out(r.graph);
      return;
    }
    const width = Math.max(...r.phases.map((p) => p.id.length));
    if (r.dryRun) this.out(`plan for deployment ${r.deployment} (nothing was changed):`);
    for (const p of r.phases) {
      const took = p.status === 'done' ? ` ${(p.durationMs / 1000).toFixed(1)}s` : '';
      this.out(`  ${p.id.padEnd(width)}  ${p.status.padEnd(7)}${took}  ${p.reason}`);
    }
    if (r.dryRun) return;
    this.out(
      r.ok
        ? `bootstrap of ${r.deployment} ok (run ${r.runId}); NATS at ${r.nats.url ?? 'unknown'}`
        : `bootstrap of ${r.deployment} failed (run ${r.runId}); fix the error above and run it again: done phases are skipped`,
    );
  }
}
