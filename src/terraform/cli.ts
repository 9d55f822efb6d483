// Drives the terraform binary for one module directory: init, plan -out, show, apply,
// outputs, state. Terraform's UI is streamed line by line (redacted); failures carry its diagnostics.
import { join } from 'node:path';
import { type ErrorCode, NatsghError } from '../errors.js';
import { redact, redactValue } from '../redact.js';
import { runCommand } from '../system/process.js';
import { type Diagnostic, describeDiagnostic, parseUiLine } from './diagnostics.js';
import { type PlanSummary, summarizePlan } from './plan-summary.js';
import { parseOutputs, type StateSummary, summarizeState, type TerraformOutput } from './state-summary.js';
import { isSecretBackendSetting, variableEnv } from './variables.js';

export interface TerraformCliOptions {
  /** Path of the terraform executable. */
  binary: string;
  /** The root module directory (terraform -chdir). */
  dir: string;
  /** Input variables, passed as TF_VAR_* environment variables. */
  vars: Record<string, string>;
  /** A private directory (mode 0700) for files holding secrets: backend settings. */
  workDir: string;
  signal?: AbortSignal;
  /** Receives terraform's UI, one redacted line at a time. */
  onLine?: (line: string) => void;
}

/** The terraform commands natsgh runs, each with the code of its failure. */
const FAILED = {
  init: 'terraform_init_failed',
  plan: 'terraform_plan_failed',
  show: 'terraform_show_failed',
  apply: 'terraform_apply_failed',
  output: 'terraform_output_failed',
  state: 'terraform_state_failed',
  workspace: 'terraform_workspace_failed',
} as const satisfies Record<string, ErrorCode>;
export type TerraformCommand = keyof typeof FAILED;

/** A terraform command failed; names the resources and terraform's errors. */
export class TerraformError extends NatsghError {
  constructor(
    readonly command: TerraformCommand,
    readonly diagnostics: Diagnostic[],
    readonly addresses: string[],
    fallback: string,
    dir: string,
  ) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const named = errors.length > 0 ? errors.map((d) => describeDiagnostic(d, false)).join('; ') : fallback;
    const where =
      addresses.length > 0 && !errors.some((d) => d.address) ? ` (resources: ${addresses.join(', ')})` : '';
    super(redact(`terraform ${command} failed${where}: ${named}`), {
      code: FAILED[command],
      details: redactDetails({ command, addresses, diagnostics: errors }),
      suggestions: [
        `Inspect with: terraform -chdir=${dir} ${command === 'init' ? 'init' : 'plan'}`,
        'Fix the configuration or the resource, then re-run: the terraform phase converges.',
      ],
    });
    this.name = 'TerraformError';
  }
}

function redactDetails(d: Record<string, unknown>): Record<string, unknown> {
  // Before any JSON.stringify: a secret holding " or \ is escaped there, and would no longer match.
  return redactValue(d);
}

/** The environment every terraform command runs with: no prompts, no update checks. */
export function terraformEnv(vars: Record<string, string>): Record<string, string> {
  return { TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', ...variableEnv(vars) };
}

interface Streamed {
  exitCode: number;
  stdout: string;
  stderr: string;
  diagnostics: Diagnostic[];
  erroredAddresses: string[];
  /** The `changes` of terraform's change_summary message, when one was printed. */
  changeSummary?: { add: number; change: number; remove: number };
}

export function terraformCli(opts: TerraformCliOptions) {
  const env = terraformEnv(opts.vars);

  /** Runs a `-json` command, showing its messages and collecting its diagnostics. */
  async function streamed(args: string[], show = true): Promise<Streamed> {
    const diagnostics: Diagnostic[] = [];
    const erroredAddresses: string[] = [];
    let changeSummary: Streamed['changeSummary'];
    const r = await runCommand(opts.binary, [`-chdir=${opts.dir}`, ...args], {
      env,
      signal: opts.signal,
      onLine: (line) => {
        const ui = parseUiLine(line);
        if (ui.diagnostic) diagnostics.push(ui.diagnostic);
        if (ui.erroredAddress) erroredAddresses.push(ui.erroredAddress);
        if (line.includes('"type":"change_summary"')) changeSummary = JSON.parse(line).changes;
        if (show && ui.text !== undefined) opts.onLine?.(redact(ui.text));
      },
    });
    return { ...r, diagnostics, erroredAddresses, changeSummary };
  }

  /** Runs a quiet command whose stdout is data (JSON, a name). */
  async function data(args: [TerraformCommand, ...string[]]): Promise<string> {
    const r = await runCommand(opts.binary, [`-chdir=${opts.dir}`, ...args], { env, signal: opts.signal });
    if (r.exitCode !== 0) throw failure(args[0], { ...r, diagnostics: [], erroredAddresses: [] });
    return r.stdout;
  }

  function failure(command: TerraformCommand, r: Streamed): TerraformError {
    const tail = (r.stderr || r.stdout)
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('{') && !/[╷│╵]\s*$/.test(l))
      .slice(-5)
      .join(' ')
      .trim();
    return new TerraformError(
      command,
      r.diagnostics,
      r.erroredAddresses,
      tail || `exit code ${r.exitCode}`,
      opts.dir,
    );
  }

  return {
    /** terraform init with the backend settings; secret-looking settings go through a private file. */
    async init(backendConfig: Record<string, string>, show = true): Promise<void> {
      const args = ['init', '-input=false', '-json', '-reconfigure'];
      const secretLines: string[] = [];
      for (const key of Object.keys(backendConfig).sort()) {
        if (isSecretBackendSetting(key)) secretLines.push(`${key} = ${JSON.stringify(backendConfig[key])}`);
        else args.push(`-backend-config=${key}=${backendConfig[key]}`);
      }
      if (secretLines.length > 0) {
        const file = join(opts.workDir, 'backend-secrets.tfbackend');
        // Owner-only: mode 0600, and an owner-only ACL on Windows.
        const { writePrivateFile } = await import('../system/file-privacy.js');
        await writePrivateFile(file, `${secretLines.join('\n')}\n`);
        args.push(`-backend-config=${file}`);
      }
      const r = await streamed(args, show);
      if (r.exitCode !== 0) throw failure('init', r);
    },

    /** terraform plan -out; `changes` says whether applying it would change anything. */
    async plan(planFile: string): Promise<{ changes: boolean }> {
      const r = await streamed(['plan', '-input=false', '-json', '-detailed-exitcode', `-out=${planFile}`]);
      if (r.exitCode === 0) return { changes: false };
      if (r.exitCode === 2) return { changes: true };
      throw failure('plan', r);
    },

    /** Summarizes a saved plan from `terraform show -json`. */
    async showPlan(planFile: string): Promise<PlanSummary> {
      return summarizePlan(await data(['show', '-json', planFile]));
    },

    /** Applies a saved plan (no prompt: the plan was approved). */
    async apply(planFile: string): Promise<void> {
      const r = await streamed(['apply', '-input=false', '-json', planFile]);
      if (r.exitCode !== 0) throw failure('apply', r);
    },

    async outputs(): Promise<Record<string, TerraformOutput>> {
      return parseOutputs(await data(['output', '-json']));
    },

    async state(): Promise<StateSummary> {
      return summarizeState(await data(['state', 'pull']));
    },

    async workspace(): Promise<string> {
      return (await data(['workspace', 'show'])).trim() || 'default';
    },

    /** `plan -detailed-exitcode` without saving: does the live infrastructure still match? */
    async drift(): Promise<{ ok: true } | { ok: false; reason: string }> {
      const r = await streamed(['plan', '-input=false', '-json', '-detailed-exitcode'], false);
      if (r.exitCode === 0) return { ok: true };
      if (r.exitCode === 2) {
        const c = r.changeSummary;
        const counts = c ? `${c.add} to add, ${c.change} to change, ${c.remove} to destroy` : 'changes';
        return { ok: false, reason: `terraform plan shows pending changes: ${counts}` };
      }
      return { ok: false, reason: failure('plan', r).message };
    },
  };
}

export type TerraformCli = ReturnType<typeof terraformCli>;
