// handoff against a fake checkpoint store: what it copies, what it records,
// and what its verify says when KV is behind or NATS is away.
import type { NatsConnection } from '@nats-io/nats-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointHandoff } from '../../../src/phases/context.js';
import { type HandoffContext, handoff } from '../../../src/phases/handoff.js';
import { handoffOutputs } from '../../../src/phases/outputs.js';
import type { Provisioner } from '../../../src/provision/provisioner.js';
import { hashInputs } from '../../../src/workflow/inputs.js';
import { type FakeBase, fakeBase, fakeTask } from '../../support/phase-context.js';

interface FakeStore extends CheckpointHandoff {
  inKv: Set<string>;
  journal: Set<string>;
  asked: string[][];
}

function fakeStore(journal: string[], inKv: string[] = []): FakeStore {
  const s: FakeStore = {
    journal: new Set(journal),
    inKv: new Set(inKv),
    asked: [],
    async handoff(ids) {
      s.asked.push([...ids]);
      const copied = ids.filter((id) => s.journal.has(id) && !s.inKv.has(id));
      for (const id of copied) s.inKv.add(id);
      return copied;
    },
    async handedOff(ids) {
      return ids.every((id) => !s.journal.has(id) || s.inKv.has(id));
    },
  };
  return s;
}

const provisioner = (servers: string[]) => ({ connection: () => ({ servers }) }) as unknown as Provisioner;
const nats = { nc: {} as NatsConnection, spec: { servers: ['nats://127.0.0.1:4222'] } };

const bases: FakeBase[] = [];
afterEach(() => {
  for (const b of bases.splice(0)) b.cleanup();
});

async function context(fields: Partial<HandoffContext> = {}): Promise<HandoffContext> {
  const base = await fakeBase();
  bases.push(base);
  return { ...base, provisioner: provisioner(['nats://127.0.0.1:4222']), recorded: {}, ...fields };
}

describe('handoff', () => {
  it('hashes where NATS is, nothing else', async () => {
    const a = await context();
    const moved = { ...a, provisioner: provisioner(['nats://10.0.0.1:4222']) };
    expect(hashInputs(handoff.inputs({ ...a, nats }))).toBe(hashInputs(handoff.inputs(a)));
    expect(hashInputs(handoff.inputs(moved))).not.toBe(hashInputs(handoff.inputs(a)));
  });

  it('copies the checkpoints written before NATS existed, and records how many', async () => {
    const store = fakeStore(['prerequisites', 'provision-nats']);
    const ctx = await context({ nats, checkpoints: store });
    const task = fakeTask();
    const out = await handoff.run(ctx, task);
    expect(store.asked).toEqual([['prerequisites', 'provision-nats']]);
    expect(handoffOutputs.decode(out)).toEqual({ copied: 2 });
    expect(task.lines).toEqual(['copied prerequisites, provision-nats into KV']);

    const again = fakeTask();
    expect(handoffOutputs.decode(await handoff.run(ctx, again))).toEqual({ copied: 0 });
    expect(again.lines).toEqual(['KV already holds every checkpoint']);
  });

  it('fails without NATS, and copies nothing', async () => {
    const store = fakeStore(['prerequisites']);
    await expect(handoff.run(await context({ checkpoints: store }), fakeTask())).rejects.toThrow(
      /NATS is not reachable/,
    );
    expect(store.asked).toEqual([]);
  });

  it('verifies that KV holds what the journal holds', async () => {
    const store = fakeStore(['prerequisites', 'provision-nats'], ['prerequisites']);
    const ctx = await context({ nats, checkpoints: store });
    expect(await handoff.verify(ctx)).toEqual({ ok: false, reason: 'KV lacks checkpoints the journal has' });
    store.inKv.add('provision-nats');
    expect(await handoff.verify(ctx)).toEqual({ ok: true });
    expect(await handoff.verify({ ...ctx, nats: undefined })).toEqual({
      ok: false,
      reason: 'NATS is not reachable',
    });
  });
});
