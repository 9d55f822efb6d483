// The terraform phase against the real terraform binary on a fixture module that needs
// no provider download (terraform_data, local backend), driven through a fake PhaseContext.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEvent } from '../../src/events/builders.js';
import type { EventSink, BootstrapContext as PhaseContext } from '../../src/phases/context.js';
import { phaseOf } from '../../src/phases/index.js';
import { terraform } from '../../src/phases/terraform.js';
import { hashInputs } from '../../src/workflow/inputs.js';
import type { TaskHandle } from '../../src/workflow/phase.js';

const terraformPhase = phaseOf('terraform', terraform);

import { clearRegisteredSecrets } from '../../src/redact.js';
import { currentPlatform } from '../../src/system/platform.js';
import { requireTool } from '../support/tools.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/terraform/phase');
const API_TOKEN = 'tok-7f3a9c1e5b2d-natsgh';
const DB_PASSWORD = 'pw-correct-horse-battery';
const haveTerraform = requireTool('terraform', ['version']);

type Published = Parameters<EventSink['publish']>[0];

interface RecordingTask extends TaskHandle {
  lines: string[];
  questions: string[];
}

function recordingTask(answer = true): RecordingTask {
  const lines: string[] = [];
  const questions: string[] = [];
  return {
    lines,
    questions,
    output: (line) => lines.push(line),
    title: () => {},
    confirm: async (q) => {
      questions.push(q);
      return answer;
    },
  };
}

describe.runIf(haveTerraform)('terraform phase (real terraform, fixture module)', () => {
  let root: string;
  let moduleDir: string;
  const published: Published[] = [];
  const savedEnv: Record<string, string | undefined> = {};

  function context(vars: Record<string, string>, opts: { assumeYes?: boolean } = {}): PhaseContext {
    return {
      deployment: 'tf-test',
      runId: `run-${published.length}`,
      stateDir: join(root, 'state'),
      cliVersion: '0.0.0-test',
      platform: currentPlatform(),
      interactive: !opts.assumeYes,
      assumeYes: opts.assumeYes ?? true,
      signal: AbortSignal.timeout(60_000),
      log: { info: () => {}, warn: () => {} },
      outputs: {},
      events: { publish: async (e: Published) => void published.push(e) },
      terraform: {
        enabled: true,
        dir: moduleDir,
        backend: 'local',
        backendConfig: { path: join(root, 'state', 'terraform.tfstate') },
        vars: { api_token: API_TOKEN, db_password: DB_PASSWORD, ...vars },
      },
    } as unknown as PhaseContext;
  }

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'natsgh-tf-phase-'));
    moduleDir = join(root, 'module');
    cpSync(FIXTURE, moduleDir, { recursive: true });
    // Keep terraform offline and quiet: an empty CLI config, no update checks, a private plugin cache.
    const cliConfig = join(root, 'terraformrc');
    writeFileSync(cliConfig, '');
    const env = {
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_PLUGIN_CACHE_DIR: join(root, 'plugin-cache'),
      TF_DATA_DIR: join(root, 'tf-data'),
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
    };
    for (const [k, v] of Object.entries(env)) {
      savedEnv[k] = process.env[k];
      process.env[k] = v;
    }
  });

  afterAll(() => {
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    clearRegisteredSecrets();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const stateEvents = () => published.filter((e) => e.type === 'terraform');
  let firstHash = '';
  let firstOutputs: Record<string, string> | undefined;

  it('does not apply without --terraform', () => {
    const ctx = context({});
    expect(terraformPhase.applies?.({ ...ctx, terraform: { ...ctx.terraform, enabled: false } })).toMatch(
      /--terraform/,
    );
    expect(terraformPhase.applies?.(ctx)).toBe(true);
    expect(terraformPhase.dependsOn).toEqual(['handoff']);
  });

  it('asks before applying and stops when the answer is no', async () => {
    const task = recordingTask(false);
    await expect(terraformPhase.run(context({}, { assumeYes: false }), task)).rejects.toMatchObject({
      code: 'terraform_apply_declined',
    });
    expect(task.questions).toEqual(['Apply 2 to add, 0 to change, 0 to destroy?']);
    expect(stateEvents()).toHaveLength(0);
  });

  it('inits, plans, applies, records outputs and publishes the state event', async () => {
    const ctx = context({});
    expect((await terraformPhase.verify(ctx)).ok).toBe(false);
    const task = recordingTask();
    firstHash = hashInputs(terraformPhase.inputs(ctx));
    firstOutputs = (await terraformPhase.run(ctx, task)) ?? undefined;

    expect(task.lines).toContain('Plan: 2 to add, 0 to change, 0 to destroy.');
    expect(task.lines.some((l) => l.startsWith('terraform_data.greeting: Creation complete'))).toBe(true);
    expect(task.questions).toEqual([]); // --yes
    expect(firstOutputs).toMatchObject({
      workspace: 'default',
      resourceCount: '2',
      'output.nats_url': 'nats://hello.example:4222',
    });
    expect(firstOutputs?.outputsDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(firstOutputs).not.toHaveProperty('output.api_token');

    expect(stateEvents()).toHaveLength(1);
    const event = decodeEvent(stateEvents()[0].payload);
    expect(event.typeName).toBe('natsgh.v1.TerraformStateEvent');
    expect(event.message).toMatchObject({
      deployment: 'tf-test',
      workspace: 'default',
      serial: Number(firstOutputs?.serial),
      lineage: firstOutputs?.lineage,
      resource_count: 2,
      outputs_digest: firstOutputs?.outputsDigest,
    });
  });

  it('skips on re-run: same input hash and verify (plan -detailed-exitcode) passes', async () => {
    const ctx = context({});
    expect(hashInputs(terraformPhase.inputs(ctx))).toBe(firstHash);
    expect(await terraformPhase.verify(ctx)).toEqual({ ok: true });
  });

  it('converges without applying when forced with nothing to change; the event id repeats', async () => {
    const task = recordingTask();
    const out = await terraformPhase.run(context({}), task);
    expect(task.lines).toContain('Plan: 0 to add, 0 to change, 0 to destroy.');
    expect(out?.serial).toBe(firstOutputs?.serial);
    expect(stateEvents()).toHaveLength(2);
    expect(stateEvents()[1].id).toBe(stateEvents()[0].id); // stored once by NATS de-duplication
  });

  it('re-applies when a variable changes, publishing a new state event', async () => {
    const ctx = context({ greeting: 'bonjour' });
    expect(hashInputs(terraformPhase.inputs(ctx))).not.toBe(firstHash);
    const drift = await terraformPhase.verify(ctx);
    expect(drift).toEqual({
      ok: false,
      reason: 'terraform plan shows pending changes: 0 to add, 1 to change, 0 to destroy',
    });
    const task = recordingTask();
    const out = await terraformPhase.run(ctx, task);
    expect(task.lines).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    expect(out?.['output.nats_url']).toBe('nats://bonjour.example:4222');
    expect(Number(out?.serial)).toBeGreaterThan(Number(firstOutputs?.serial));
    expect(out?.lineage).toBe(firstOutputs?.lineage);
    expect(out?.outputsDigest).not.toBe(firstOutputs?.outputsDigest);
    const ids = new Set(stateEvents().map((e) => e.id));
    expect(ids.size).toBe(2);
    expect(await terraformPhase.verify(ctx)).toEqual({ ok: true });
  });

  it('reports a failed apply with the resource address and terraform error', async () => {
    const ctx = context({ greeting: 'bonjour', fail_apply: 'true' });
    const task = recordingTask();
    const before = stateEvents().length;
    const err = await terraformPhase.run(ctx, task).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'terraform_apply_failed' });
    expect((err as Error).message).toMatch(
      /^terraform apply failed: terraform_data\.broken\[0\]: local-exec provisioner error/,
    );
    expect((err as Error).message).toMatch(/local-exec provisioner error/);
    expect((err as Error).message).toMatch(/cannot reach the cluster/);
    expect(task.lines.some((l) => l.includes('terraform_data.broken[0]: Creation errored'))).toBe(true);
    expect(stateEvents()).toHaveLength(before);
    expect((await terraformPhase.verify(ctx)).ok).toBe(false);
  });

  it('never lets a secret tf-var reach inputs, outputs, task output or events', async () => {
    const ctx = context({ greeting: 'bonjour' });
    const task = recordingTask();
    const out = await terraformPhase.run(ctx, task);
    const inputs = JSON.stringify(terraformPhase.inputs(ctx));
    expect(inputs).toMatch(/"api_token":"sha256:[0-9a-f]{64}"/);
    expect(inputs).toMatch(/"db_password":"sha256:[0-9a-f]{64}"/);
    expect(inputs).toContain('"greeting":"bonjour"');
    expect(out?.['output.db_password']).toBe('[REDACTED]');
    const everything = [
      inputs,
      JSON.stringify(out),
      task.lines.join('\n'),
      ...published.map((e) => JSON.stringify(decodeEvent(e.payload)) + e.id),
      ...published.map((e) => Buffer.from(e.payload).toString('latin1')),
    ].join('\n');
    expect(everything).not.toContain(API_TOKEN);
    expect(everything).not.toContain(DB_PASSWORD);
    // Changing a secret still changes the input hash (it is hashed, not dropped).
    const rotated = context({ greeting: 'bonjour', api_token: 'tok-rotated-value-0001' });
    expect(hashInputs(terraformPhase.inputs(rotated))).not.toBe(hashInputs(terraformPhase.inputs(ctx)));
  });
});
