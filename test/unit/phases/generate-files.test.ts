// generate-files in a temp checkout: what it hashes, writes and records, the
// event it publishes, and a verify that tells a reported hand edit from drift.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEvent } from '../../../src/events/builders.js';
import { type GenerateFilesContext, generateFiles } from '../../../src/phases/generate-files.js';
import { generateFilesOutputs } from '../../../src/phases/outputs.js';
import { hashInputs } from '../../../src/workflow/inputs.js';
import { type FakeBase, fakeBase, fakeTask } from '../../support/phase-context.js';

const bases: FakeBase[] = [];
afterEach(() => {
  for (const b of bases.splice(0)) b.cleanup();
});

async function context(flags: Record<string, unknown> = {}) {
  const base = await fakeBase({ org: 'acme', ...flags });
  bases.push(base);
  return { ...base, recorded: {} } satisfies GenerateFilesContext;
}

describe('generate-files', () => {
  it('hashes the checkout, the org and the CLI version', async () => {
    const a = await context();
    const h = (c: GenerateFilesContext) => hashInputs(generateFiles.inputs(c));
    expect(h({ ...a, runId: 'another' })).toBe(h(a));
    expect(h({ ...a, config: { ...a.config, org: 'other' } })).not.toBe(h(a));
    expect(h({ ...a, config: { ...a.config, outputDir: join(a.stateDir, 'elsewhere') } })).not.toBe(h(a));
    expect(h({ ...a, cliVersion: '9.9.9' })).not.toBe(h(a));
  });

  it('writes the render, records what it did and publishes it; a second run writes nothing', async () => {
    const ctx = await context();
    const out = generateFilesOutputs.decode(await generateFiles.run(ctx, fakeTask()))!;
    expect(out.dir).toBe(ctx.config.outputDir);
    expect(out.written).toBeGreaterThan(0);
    expect(out).toMatchObject({ unchanged: 0, handEdited: [], renderHash: expect.stringMatching(/\S/) });
    expect(existsSync(join(out.dir, '.natsgh/manifest.json'))).toBe(true);
    const event = decodeEvent(ctx.published[0].payload);
    expect(event.envelope.payload_type).toBe('natsgh.v1.FilesGeneratedEvent');
    expect(event.message).toMatchObject({ target: out.dir, changed: true, render_hash: out.renderHash });

    const next = { ...ctx, memo: new (await import('../../../src/phases/context.js')).RunMemo() };
    const again = generateFilesOutputs.decode(await generateFiles.run(next, fakeTask()))!;
    expect(again).toMatchObject({ written: 0, unchanged: out.written, renderHash: out.renderHash });
    expect(await generateFiles.verify(next)).toEqual({ ok: true });
  });

  it('keeps a hand edit, reports it, and its verify counts only edits not reported yet', async () => {
    const ctx = await context();
    const first = generateFilesOutputs.decode(await generateFiles.run(ctx, fakeTask()))!;
    const manifest = JSON.parse(readFileSync(join(first.dir, '.natsgh/manifest.json'), 'utf8'));
    const [edited, other] = Object.keys(manifest.files);
    writeFileSync(join(first.dir, edited), 'edited by hand\n');

    expect(await generateFiles.verify(ctx)).toEqual({
      ok: false,
      reason: `files differ from the render: ${edited}`,
    });
    const out = generateFilesOutputs.decode(await generateFiles.run(ctx, fakeTask()))!;
    expect(out.handEdited).toEqual([edited]);
    expect(readFileSync(join(first.dir, edited), 'utf8')).toBe('edited by hand\n');
    expect(ctx.warnings).toContain(`${edited} was edited by hand since natsgh generated it: left as it is`);

    // Next run: the reported edit is known; a new one is drift.
    const next = { ...ctx, recorded: { 'generate-files': out } };
    expect(await generateFiles.verify(next)).toEqual({ ok: true });
    writeFileSync(join(first.dir, other), 'also edited\n');
    expect(await generateFiles.verify(next)).toEqual({
      ok: false,
      reason: `files differ from the render: ${other}`,
    });
  });
});
