import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { natsghCheckpointFormat, newCheckpointStore, readJournal } from '../../src/services/checkpoints.js';
import {
  type Checkpoint,
  CorruptCheckpointError,
  decodeCheckpoint,
  journalPath,
} from '../../src/workflow/checkpoints.js';
import { phaseGraph } from '../../src/workflow/graph.js';
import { hashInputs, stableJson } from '../../src/workflow/inputs.js';
import type { Phase, RunScope } from '../../src/workflow/phase.js';
import { runPhases, type Selection, validateSelection } from '../../src/workflow/runner.js';

interface FakeState {
  runs: string[];
  verifyOk: Record<string, boolean>;
  input: Record<string, unknown>;
  fail?: string;
}

function fakePhases(state: FakeState): Phase<RunScope>[] {
  const make = (id: string, dependsOn: string[]): Phase<RunScope> => ({
    id,
    title: id,
    dependsOn,
    inputs: () => state.input[id] ?? null,
    async run() {
      state.runs.push(id);
      if (state.fail === id) throw new Error(`${id} broke`);
      return { made: `${id}-output` };
    },
    async verify() {
      return state.verifyOk[id] === false ? { ok: false, reason: `${id} is gone` } : { ok: true };
    },
  });
  return [
    make('prerequisites', []),
    make('provision-nats', ['prerequisites']),
    make('handoff', ['provision-nats']),
    make('deploy-controller', ['handoff']),
    make('generate-files', ['prerequisites']),
    make('validate', ['provision-nats', 'deploy-controller', 'generate-files']),
  ];
}

describe('runner', () => {
  let dir: string;
  let state: FakeState;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'natsgh-engine-'));
    state = { runs: [], verifyOk: {}, input: {} };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // The runner needs nothing of natsgh: a bare run scope is the whole context.
  function context(): RunScope {
    return {
      deployment: 'd',
      runId: `run-${Math.random()}`,
      cliVersion: '0.0.0-test',
      interactive: false,
      assumeYes: true,
      signal: new AbortController().signal,
      log: { info: () => {}, warn: () => {} },
      outputs: {},
    };
  }

  async function run(selection: Selection = {}, dryRun = false) {
    state.runs = [];
    const ctx = context();
    const result = await runPhases({
      phases: fakePhases(state),
      ctx,
      checkpoints: await readJournal(dir, 'd'),
      store: newCheckpointStore(dir, 'd', !dryRun),
      selection,
      dryRun,
      render: 'silent',
    });
    return { result, ctx, statuses: Object.fromEntries(result.phases.map((p) => [p.id, p.status])) };
  }

  it('runs every phase cold, then skips them all when done, unchanged and verified', async () => {
    const cold = await run();
    expect(cold.result.ok).toBe(true);
    expect(state.runs).toEqual([
      'prerequisites',
      'provision-nats',
      'handoff',
      'deploy-controller',
      'generate-files',
      'validate',
    ]);
    const journal = await readJournal(dir, 'd');
    expect(journal.get('handoff')?.status).toBe('done');
    expect(journal.get('handoff')?.outputs).toEqual({ made: 'handoff-output' });

    const again = await run();
    expect(state.runs).toEqual([]);
    expect(new Set(Object.values(again.statuses))).toEqual(new Set(['skipped']));
    expect(again.result.phases[0].reason).toBe('done and verified');
    // Outputs of skipped phases still reach later phases.
    expect(again.ctx.outputs['provision-nats']).toEqual({ made: 'provision-nats-output' });
  });

  it('an input change re-runs only that phase and its dependants', async () => {
    await run();
    state.input['generate-files'] = { org: 'other' };
    const r = await run();
    expect(state.runs).toEqual(['generate-files', 'validate']);
    expect(r.result.phases.find((p) => p.id === 'generate-files')?.reason).toBe('inputs changed');
    expect(r.result.phases.find((p) => p.id === 'validate')?.reason).toBe('generate-files ran');
  });

  it('a failing verify re-runs that phase and everything that depends on it', async () => {
    await run();
    state.verifyOk['provision-nats'] = false;
    const r = await run();
    expect(state.runs).toEqual(['provision-nats', 'handoff', 'deploy-controller', 'validate']);
    expect(r.result.phases.find((p) => p.id === 'provision-nats')?.reason).toBe(
      'verify failed: provision-nats is gone',
    );
  });

  it('a failure stops the run, records the error and leaves later phases pending', async () => {
    state.fail = 'handoff';
    const r = await run();
    expect(r.result.ok).toBe(false);
    expect(r.statuses.handoff).toBe('failed');
    expect(r.statuses['deploy-controller']).toBe('pending');
    expect((await readJournal(dir, 'd')).get('handoff')).toMatchObject({
      status: 'failed',
      error: 'handoff broke',
    });
    state.fail = undefined;
    await run();
    // generate-files never ran (the run stopped at handoff); prerequisites and provision-nats are not repeated.
    expect(state.runs).toEqual(['handoff', 'deploy-controller', 'generate-files', 'validate']);
  });

  it('--force, --from, --only and --skip shape the run', async () => {
    await run();
    await run({ force: true });
    expect(state.runs).toHaveLength(6);
    await run({ from: 'deploy-controller' });
    expect(state.runs).toEqual(['deploy-controller', 'generate-files', 'validate']);
    state.verifyOk['generate-files'] = false;
    const only = await run({ only: ['generate-files'] });
    expect(state.runs).toEqual(['generate-files']);
    expect(only.result.phases.find((p) => p.id === 'validate')?.reason).toBe('not selected (--only)');
    await run({ skip: ['generate-files'], force: true });
    expect(state.runs).not.toContain('generate-files');
    expect(validateSelection({ only: ['nope'] }, ['a', 'b'])).toContain('--only nope');
  });

  it('--dry-run explains the plan and writes nothing', async () => {
    const r = await run({}, true);
    expect(state.runs).toEqual([]);
    expect(r.result.phases[0]).toMatchObject({ status: 'pending', reason: 'would run: no checkpoint' });
    expect(r.result.phases[1].reason).toBe('would run: prerequisites would run');
    expect(existsSync(join(dir, 'journal'))).toBe(false);
  });

  it('an interrupted phase is recorded as interrupted and the run throws', async () => {
    const ac = new AbortController();
    const phases = fakePhases(state);
    phases[1].run = async () => {
      ac.abort(new Error('stop'));
      return new Promise(() => {}); // a phase that ignores the signal
    };
    const ctx = { ...context(), signal: ac.signal };
    await expect(
      runPhases({
        phases,
        ctx,
        checkpoints: new Map(),
        store: newCheckpointStore(dir, 'd', true),
        selection: {},
        dryRun: false,
        render: 'silent',
      }),
    ).rejects.toThrow('stop');
    expect((await readJournal(dir, 'd')).get('provision-nats')?.status).toBe('interrupted');
  });
});

describe('checkpoints', () => {
  const cp: Checkpoint = {
    deployment: 'd',
    phaseId: 'handoff',
    status: 'done',
    inputHash: 'abc',
    outputs: { a: '1' },
    runId: 'r',
    startedMs: 1_700_000_000_000,
    finishedMs: 1_700_000_000_500,
    cliVersion: '1.2.3',
    error: '',
    host: 'h',
  };

  it('round-trips through protobuf', () => {
    expect(decodeCheckpoint(natsghCheckpointFormat, natsghCheckpointFormat.encode(cp), cp, 'x', 'y')).toEqual(
      cp,
    );
  });

  it('reports a corrupt journal entry with its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-journal-'));
    try {
      const path = journalPath(dir, 'd', 'handoff');
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'this is not a checkpoint {{{');
      const err = await readJournal(dir, 'd').catch((e) => e);
      expect(err).toBeInstanceOf(CorruptCheckpointError);
      expect(err.message).toContain(path);
      // Bytes that decode but describe another phase are corrupt too.
      writeFileSync(path, natsghCheckpointFormat.encode({ ...cp, phaseId: 'validate' }));
      await expect(readJournal(dir, 'd')).rejects.toThrow(/expected phase "handoff"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('inputs and graph', () => {
  it('hashes inputs independently of key order and undefined values', () => {
    expect(hashInputs({ a: 1, b: { c: [1, 2], d: undefined } })).toBe(hashInputs({ b: { c: [1, 2] }, a: 1 }));
    expect(hashInputs({ a: 1 })).not.toBe(hashInputs({ a: 2 }));
    expect(stableJson({ b: 1, a: [undefined] })).toBe('{"a":[null],"b":1}');
  });

  it('prints the phase graph as Mermaid and DOT', () => {
    const phases = fakePhases({ runs: [], verifyOk: {}, input: {} });
    const mermaid = phaseGraph(phases, 'mermaid');
    expect(mermaid).toMatch(/^flowchart LR/);
    expect(mermaid).toContain('provision_nats --> handoff');
    const dot = phaseGraph(phases, 'dot');
    expect(dot).toContain('"handoff" -> "deploy-controller";');
  });
});
