// prerequisites against a fake context: what it hashes, the binary it records
// (the one provision-nats starts), its verify, and a failed check stopping it.
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prerequisitesOutputs } from '../../../src/phases/outputs.js';
import { type PrerequisitesContext, prerequisites } from '../../../src/phases/prerequisites.js';
import { hashInputs } from '../../../src/workflow/inputs.js';
import { type FakeBase, fakeBase, fakeTask } from '../../support/phase-context.js';

const bases: FakeBase[] = [];
afterEach(() => {
  for (const b of bases.splice(0)) b.cleanup();
});

async function context(
  flags: Record<string, unknown> = {},
  recorded: PrerequisitesContext['recorded'] = {},
): Promise<PrerequisitesContext & FakeBase> {
  const base = await fakeBase(flags);
  bases.push(base);
  return { ...base, recorded };
}

describe('prerequisites inputs', () => {
  it('change with the mode, the NATS type, --nats-server-bin and the mirror, not with ports', async () => {
    const a = await context();
    const h = (c: PrerequisitesContext) => hashInputs(prerequisites.inputs(c));
    const nats = (n: Partial<PrerequisitesContext['config']['nats']>) => ({
      ...a,
      config: { ...a.config, nats: { ...a.config.nats, ...n } },
    });
    expect(h(nats({ port: 4999 }))).toBe(h(a));
    expect(h(nats({ serverBin: '/opt/nats-server' }))).not.toBe(h(a));
    expect(h(nats({ downloadMirror: 'https://mirror.example' }))).not.toBe(h(a));
    expect(h({ ...a, config: { ...a.config, natsType: 'self_hosted_cluster' } })).not.toBe(h(a));
  });
});

describe('prerequisites run', () => {
  it('records the nats-server it resolved (here the one on PATH), under the keys provision-nats reads', async () => {
    const ctx = await context();
    const task = fakeTask();
    const out = await prerequisites.run(ctx, task);
    const natsServer = prerequisitesOutputs.decode(out)?.natsServer;
    expect(natsServer).toMatchObject({ source: 'path', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(out?.natsServerBin).toBe(natsServer?.path);
    expect(task.lines).toContain(`nats-server ${natsServer?.version} (path): ${natsServer?.path}`);

    // --nats-server-bin names the same binary: recorded as given by the flag.
    const flagged = {
      ...ctx,
      config: { ...ctx.config, nats: { ...ctx.config.nats, serverBin: natsServer?.path } },
    };
    expect(prerequisitesOutputs.decode(await prerequisites.run(flagged, fakeTask()))?.natsServer).toEqual({
      ...natsServer,
      source: 'flag',
    });
  });

  it('stops on a failed check with its hint', async () => {
    const base = await context();
    // A state dir that is a file cannot hold anything.
    const file = join(base.stateDir, 'not-a-dir');
    writeFileSync(file, '');
    const ctx = { ...base, config: { ...base.config, stateDir: file } };
    const err = await prerequisites.run(ctx, fakeTask()).catch((e) => e);
    expect(err).toMatchObject({ code: 'prerequisites_failed' });
    expect(err.message).toMatch(/state dir/i);
    expect(err.suggestions).toContain('Run `natsgh doctor` for the full report.');
  });
});

describe('prerequisites verify', () => {
  it('passes while the recorded binary is there, and names it once it is gone', async () => {
    const base = await context();
    const bin = join(base.stateDir, 'nats-server');
    writeFileSync(bin, '');
    chmodSync(bin, 0o755);
    const ctx = {
      ...base,
      recorded: { prerequisites: { natsServer: { path: bin, version: '2.10.24', source: 'path' as const } } },
    };
    expect(await prerequisites.verify(ctx)).toEqual({ ok: true });
    rmSync(bin);
    expect(await prerequisites.verify(ctx)).toEqual({ ok: false, reason: `nats-server ${bin} is gone` });
  });

  it('passes with no binary to keep (NATS natsgh does not run here), fails on a record it cannot read', async () => {
    expect(await prerequisites.verify(await context({}, { prerequisites: {} }))).toEqual({ ok: true });
    const unreadable = await prerequisites.verify(await context({}, { prerequisites: undefined }));
    expect(unreadable.ok).toBe(false);
  });
});
