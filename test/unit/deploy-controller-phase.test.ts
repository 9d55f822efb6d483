// The deploy-controller phase over a fake context and a fake adapter, run by
// the real workflow runner: the phase hashes the adapter's inputs (the real
// adapters' inputs for each mode, so a changed --org is seen in every mode),
// runs the adapter when they change or its verify fails, delegates verify and
// teardown, and never puts a secret in its inputs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NatsghConfig } from '../../src/config/keys.js';
import { resolveConfig } from '../../src/config/load.js';
import type { ControllerAdapter, ControllerContext } from '../../src/deploy/controller/adapter.js';
import { controllerAdapter } from '../../src/deploy/controller/index.js';
import { type DeployControllerContext, deployControllerWith } from '../../src/phases/deploy-controller.js';
import type { Provisioner } from '../../src/provision/provisioner.js';
import { newCheckpointStore, readJournal } from '../../src/services/checkpoints.js';
import { currentPlatform } from '../../src/system/platform.js';
import type { Phase, RunScope } from '../../src/workflow/phase.js';
import { runPhases } from '../../src/workflow/runner.js';

const TOKEN = 'ghp_phaseUnitSecretValue0123456789abcdef';
const MODES = [
  ['dev', 'self_hosted'],
  ['docker', 'self_hosted'],
  ['kubernetes', 'self_hosted'],
] as const;

/** The adapter of `mode` with its real inputs and plan, and recording fakes for what touches the world. */
function fakeAdapter(mode: NatsghConfig['mode']) {
  const real = controllerAdapter(mode);
  const calls: Array<{ op: string; ctx: ControllerContext; purge?: boolean }> = [];
  let verdict: { ok: true } | { ok: false; reason: string } = { ok: true };
  const adapter: ControllerAdapter = {
    mode: real.mode,
    inputs: (ctx) => real.inputs(ctx),
    plan: (ctx) => real.plan(ctx),
    async deploy(ctx, progress) {
      calls.push({ op: 'deploy', ctx });
      progress('deployed');
      return { deployedFor: ctx.config.org ?? '' };
    },
    async verify(ctx) {
      calls.push({ op: 'verify', ctx });
      return verdict;
    },
    async teardown(ctx, opts) {
      calls.push({ op: 'teardown', ctx, purge: opts.purge });
    },
  };
  return {
    adapter,
    calls,
    ops: () => calls.map((c) => c.op),
    setVerdict: (v: typeof verdict) => {
      verdict = v;
    },
  };
}

type Ctx = DeployControllerContext & RunScope;

describe.each(MODES)('deploy-controller over the %s adapter', (mode, natsType) => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'natsgh-phase-dc-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function context(flags: Record<string, unknown> = {}): Promise<Ctx> {
    const { config } = await resolveConfig({
      noFile: true,
      env: {},
      flags: { mode, 'nats-type': natsType, 'state-dir': dir, org: 'acme', 'github-token': TOKEN, ...flags },
    });
    const provisioner = {
      kind: 'fake',
      reachableAtStart: false,
      connection: () => ({ servers: ['nats://127.0.0.1:4222'] }),
    } as unknown as Provisioner;
    return {
      config,
      deployment: config.deployment,
      runId: `run-${Math.random()}`,
      stateDir: dir,
      cliVersion: '9.9.9-test',
      platform: currentPlatform(),
      interactive: false,
      assumeYes: true,
      signal: new AbortController().signal,
      log: { info: () => {}, warn: () => {} },
      outputs: {},
      recorded: {},
      provisioner,
    };
  }

  async function run(phase: Phase<Ctx>, ctx: Ctx) {
    const result = await runPhases({
      phases: [phase],
      ctx,
      checkpoints: await readJournal(dir, ctx.deployment),
      store: newCheckpointStore(dir, ctx.deployment, true),
      selection: {},
      dryRun: false,
      render: 'silent',
    });
    return result.phases[0];
  }

  function phaseOver(adapter: ControllerAdapter): Phase<Ctx> {
    const body = deployControllerWith((m) => {
      expect(m).toBe(mode);
      return adapter;
    });
    return { id: 'deploy-controller', title: 'Deploy the controller', dependsOn: [], ...body };
  }

  it('runs cold; skips when unchanged and verified; a changed org, GitHub repo or port redeploys', async () => {
    const fake = fakeAdapter(mode);
    const phase = phaseOver(fake.adapter);
    expect((await run(phase, await context())).status).toBe('done');
    expect(fake.ops()).toEqual(['deploy']);
    expect(fake.calls[0].ctx.cliVersion).toBe('9.9.9-test');
    expect((await readJournal(dir, 'default')).get('deploy-controller')?.outputs).toEqual({
      deployedFor: 'acme',
    });

    fake.calls.length = 0;
    expect((await run(phase, await context())).status).toBe('skipped');
    expect(fake.ops()).toEqual(['verify']);

    for (const flags of [
      { org: 'other-org' },
      { org: 'other-org', 'github-repo': 'github-private' },
      { org: 'other-org', 'github-repo': 'github-private', 'controller-port': 8091 },
    ]) {
      fake.calls.length = 0;
      const report = await run(phase, await context(flags));
      expect(report.status, JSON.stringify(flags)).toBe('done');
      expect(fake.ops()).toEqual(['deploy']);
      expect(fake.calls[0].ctx.config.org).toBe('other-org');
    }
  });

  it('a failing verify redeploys; verify and teardown delegate to the adapter with the run context', async () => {
    const fake = fakeAdapter(mode);
    const phase = phaseOver(fake.adapter);
    await run(phase, await context());
    fake.setVerdict({ ok: false, reason: 'the controller runs with other secrets' });
    fake.calls.length = 0;
    expect((await run(phase, await context())).status).toBe('done');
    expect(fake.ops()).toEqual(['verify', 'deploy']);

    const ctx = await context();
    expect(await phase.verify(ctx)).toEqual({ ok: false, reason: 'the controller runs with other secrets' });
    fake.calls.length = 0;
    await phase.teardown!(ctx, { purge: true });
    expect(fake.calls.map((c) => [c.op, c.purge])).toEqual([['teardown', true]]);
    expect(fake.calls[0].ctx).toMatchObject({
      deployment: 'default',
      stateDir: dir,
      cliVersion: '9.9.9-test',
    });
  });

  it('applies in this mode, writes the plan to the task, and keeps secrets out of its inputs', async () => {
    const fake = fakeAdapter(mode);
    const phase = phaseOver(fake.adapter);
    const ctx = await context();
    expect(phase.applies?.(ctx) ?? true).toBe(true);
    const lines: string[] = [];
    await phase.run(ctx, { output: (l) => lines.push(l), title: () => {}, confirm: async () => true });
    expect(lines.at(-1)).toBe('deployed');
    expect(lines.slice(0, -1)).toEqual(fake.adapter.plan({ ...ctx, hostServers: () => [] }));
    const inputs = JSON.stringify(phase.inputs(ctx));
    expect(inputs).not.toContain(TOKEN);
    expect(inputs).toContain('acme');
    // A rotated token is verify's to find (a salted digest), not a change of the inputs.
    const rotated = await context({ 'github-token': `${TOKEN}rotated` });
    expect(JSON.stringify(phase.inputs(rotated))).toBe(inputs);
  });
});
