// validate against a fake context: every check that fails is named with its
// reason, the run fails with all of them; against a real nats-server with the
// checkpoints bucket and a generated checkout it passes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunMemo } from '../../../src/phases/context.js';
import { generateFiles } from '../../../src/phases/generate-files.js';
import { generateFilesOutputs } from '../../../src/phases/outputs.js';
import { type ValidateContext, validate } from '../../../src/phases/validate.js';
import type { Provisioner } from '../../../src/provision/provisioner.js';
import type { VerifyResult } from '../../../src/workflow/phase.js';
import { useDeploymentNats } from '../../support/deployment-nats.js';
import { type FakeBase, fakeBase, fakeTask } from '../../support/phase-context.js';

const healthy = (result: VerifyResult = { ok: true }) => {
  const p = {
    verifies: 0,
    async verify() {
      p.verifies++;
      return result;
    },
  };
  return p as unknown as Provisioner & { verifies: number };
};

const bases: FakeBase[] = [];
afterEach(() => {
  for (const b of bases.splice(0)) b.cleanup();
});

async function context(flags: Record<string, unknown>, fields: Partial<ValidateContext> = {}) {
  const base = await fakeBase({ org: 'acme', ...flags });
  bases.push(base);
  return { ...base, provisioner: healthy(), recorded: {}, ...fields } satisfies ValidateContext;
}

describe('validate inputs', () => {
  it('are the deployment and the mode', async () => {
    const ctx = await context({ mode: 'docker' });
    expect(validate.inputs(ctx)).toEqual({ deployment: 'unit', mode: 'docker' });
  });
});

describe('validate without a working deployment', () => {
  it('fails naming every check that fails and why', async () => {
    const ctx = await context(
      {},
      { provisioner: healthy({ ok: false, reason: 'nats-server (pid 9) is not running' }) },
    );
    const err = await validate.run(ctx, fakeTask()).catch((e) => e);
    expect(err).toMatchObject({ code: 'validation_failed' });
    expect(err.details.failures).toEqual([
      'NATS healthy: nats-server (pid 9) is not running',
      'KV round trip: NATS is not reachable',
      'controller ping: no answer on the ping subject',
      expect.stringMatching(/^generated files: differ from the render: /),
    ]);
    expect(await validate.verify(ctx)).toEqual({ ok: false, reason: err.details.failures.join('; ') });
  });

  it('asks the provisioner once per run, however often it verifies', async () => {
    const provisioner = healthy();
    const ctx = await context({ mode: 'docker' }, { provisioner });
    await validate.verify(ctx);
    await validate.verify(ctx);
    expect(provisioner.verifies).toBe(1);
    await validate.verify({ ...ctx, memo: new RunMemo() });
    expect(provisioner.verifies).toBe(2);
  });
});

describe('validate with NATS and a generated checkout', () => {
  const deploymentNats = useDeploymentNats();

  it('passes, leaves no key behind, and counts a reported hand edit as no drift', async () => {
    const ctx = await context(
      { mode: 'docker' },
      { nats: { nc: deploymentNats().nc, spec: deploymentNats().spec } },
    );
    const written = generateFilesOutputs.decode(
      await generateFiles.run({ ...ctx, recorded: {} }, fakeTask()),
    )!;
    const task = fakeTask();
    expect(await validate.run(ctx, task)).toEqual({});
    expect(task.lines).toEqual(['NATS, KV, controller and files are all as expected']);
    const keys: string[] = [];
    for await (const k of await deploymentNats().checkpoints!.keys()) keys.push(k);
    expect(keys).toEqual([]);

    const manifest = JSON.parse(readFileSync(join(written.dir, '.natsgh/manifest.json'), 'utf8'));
    const edited = Object.keys(manifest.files)[0];
    writeFileSync(join(written.dir, edited), 'edited by hand\n');
    expect(await validate.verify(ctx)).toEqual({
      ok: false,
      reason: `generated files: differ from the render: ${edited}`,
    });
    const known = { ...ctx, recorded: { 'generate-files': { ...written, handEdited: [edited] } } };
    expect(await validate.verify(known)).toEqual({ ok: true });
  });
});
