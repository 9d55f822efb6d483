// The optional `terraform` phase: init → plan → confirm → apply of the Terraform module
// (--terraform-dir), then publishes a TerraformStateEvent; verify = `plan -detailed-exitcode`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NatsghError, UsageError } from '../errors.js';
import { terraformStateEvent } from '../events/builders.js';
import { redactValue } from '../redact.js';
import { installHint } from '../system/platform.js';
import { findOnPath } from '../system/process.js';
import { selectBackend } from '../terraform/backend.js';
import { terraformCli } from '../terraform/cli.js';
import { configFileDigests, listConfigFiles, sensitiveVariables } from '../terraform/module-files.js';
import { describePlan } from '../terraform/plan-summary.js';
import { outputStrings, outputsDigest } from '../terraform/state-summary.js';
import { isSecretBackendSetting, maskedValues, secretVariable } from '../terraform/variables.js';
import type { PhaseBody, VerifyResult } from '../workflow/phase.js';
import type { PhaseContext } from './context.js';
import { terraformOutputs } from './outputs.js';

export type TerraformContext = PhaseContext<
  'terraform' | 'platform' | 'signal' | 'assumeYes' | 'deployment' | 'runId' | 'events'
>;

export const terraform: PhaseBody<TerraformContext> = {
  applies(ctx) {
    return ctx.terraform.enabled ? true : 'not requested (--terraform)';
  },

  inputs(ctx) {
    const dir = moduleDir(ctx);
    const present = existsSync(dir);
    return {
      // Content, not paths: the same configuration on another machine hashes the same.
      files: present ? configFileDigests(dir) : null,
      vars: maskedValues(ctx.terraform.vars, secretVariable(present ? sensitiveVariables(dir) : new Set())),
      backend: {
        type: ctx.terraform.backend,
        config: maskedValues(ctx.terraform.backendConfig, isSecretBackendSetting),
      },
    };
  },

  async run(ctx, task) {
    return withTerraform(
      ctx,
      (line) => task.output(line),
      async (tf, workDir) => {
        await tf.init(ctx.terraform.backendConfig);
        const planFile = join(workDir, 'natsgh.tfplan');
        const { changes } = await tf.plan(planFile);
        const summary = await tf.showPlan(planFile);
        task.output(`Plan: ${describePlan(summary)}.`);
        if (changes) {
          const question = `Apply ${describePlan(summary)}?`;
          if (!ctx.assumeYes && !(await task.confirm(question))) {
            throw new NatsghError(`Terraform plan not applied: ${describePlan(summary)}`, {
              code: 'terraform_apply_declined',
              suggestions: ['Re-run with --yes to apply without asking.'],
              details: { add: summary.add, change: summary.change, destroy: summary.destroy },
            });
          }
          await tf.apply(planFile);
        }
        const [state, outputs, workspace] = await Promise.all([tf.state(), tf.outputs(), tf.workspace()]);
        const digest = outputsDigest(outputs);
        // No lineage means no state was ever written (nothing to track yet).
        if (state.lineage) {
          // The event id is made of lineage and serial: re-publishing the same state stores it once.
          await ctx.events.publish(
            terraformStateEvent({
              deployment: ctx.deployment,
              runId: ctx.runId,
              workspace,
              serial: state.serial,
              lineage: state.lineage,
              resourceCount: state.resourceCount,
              outputsDigest: digest,
              action: 'apply',
              backend: ctx.terraform.backend,
              terraformVersion: state.terraformVersion,
            }),
          );
        }
        return redactValue(
          terraformOutputs.encode({
            workspace,
            serial: state.serial,
            lineage: state.lineage,
            resourceCount: state.resourceCount,
            outputsDigest: digest,
            outputs: outputStrings(outputs),
          }),
        );
      },
    );
  },

  async verify(ctx): Promise<VerifyResult> {
    try {
      return await withTerraform(ctx, undefined, async (tf) => {
        await tf.init(ctx.terraform.backendConfig, false);
        return tf.drift();
      });
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
  },
};

/** The module natsgh ships, used when --terraform-dir is not given. */
const SHIPPED_MODULE = resolve(import.meta.dirname, '../../terraform');

function moduleDir(ctx: TerraformContext): string {
  return ctx.terraform.dir ? resolve(ctx.terraform.dir) : SHIPPED_MODULE;
}

function requireModule(dir: string): void {
  if (!existsSync(dir) || listConfigFiles(dir).length === 0) {
    throw new UsageError(`no Terraform configuration in ${dir}`, {
      code: 'terraform_dir_missing',
      suggestions: [
        'Point --terraform-dir at a directory holding .tf files (the default is the module natsgh ships).',
      ],
    });
  }
}

function requireTerraform(ctx: TerraformContext): string {
  const binary = findOnPath('terraform', ctx.platform);
  if (!binary) {
    throw new NatsghError('terraform is not installed (needed by --terraform)', {
      code: 'terraform_missing',
      suggestions: [installHint(ctx.platform, 'terraform'), 'or run without --terraform'],
    });
  }
  return binary;
}

/** Runs `body` with a terraform CLI for the module and a private scratch directory, removed afterwards. */
async function withTerraform<T>(
  ctx: TerraformContext,
  onLine: ((line: string) => void) | undefined,
  body: (tf: ReturnType<typeof terraformCli>, workDir: string) => Promise<T>,
): Promise<T> {
  const dir = moduleDir(ctx);
  requireModule(dir);
  const binary = requireTerraform(ctx);
  // Registers secret values with the redactor before terraform prints anything.
  maskedValues(ctx.terraform.vars, secretVariable(sensitiveVariables(dir)));
  maskedValues(ctx.terraform.backendConfig, isSecretBackendSetting);
  selectBackend(dir, ctx.terraform.backend, ctx.terraform.backendConfig);
  // Plan files hold variable values, secrets included: they live in a 0700 temp dir, never in the state dir.
  const workDir = mkdtempSync(join(tmpdir(), 'natsgh-terraform-'));
  try {
    const tf = terraformCli({ binary, dir, vars: ctx.terraform.vars, workDir, signal: ctx.signal, onLine });
    return await body(tf, workDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
