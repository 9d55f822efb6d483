// Runs a workflow's phases: decides each by the skip rule (decide.ts), writes
// its checkpoint around the run, and tells the caller through hooks (events,
// test fault points) and a renderer (render.ts). It knows nothing of what the
// phases do or where their events go.
import { hostname } from 'node:os';
import { errorMessage, InterruptedError } from '../errors.js';
import { redact } from '../redact.js';
import { withDeadline } from '../system/deadline.js';
import type { Checkpoint, CheckpointStore } from './checkpoints.js';
import { type Selection, skipRule } from './decide.js';
import { hashInputs } from './inputs.js';
import type { Phase, PhaseOutputs, RunScope, TaskHandle, VerifyResult } from './phase.js';
import { type RenderMode, renderSteps } from './render.js';
import { traced } from './trace.js';

export { type Selection, validateSelection } from './decide.js';
export type { RenderMode } from './render.js';

export type ReportStatus = 'done' | 'skipped' | 'failed' | 'pending';

export interface PhaseReport {
  id: string;
  status: ReportStatus;
  durationMs: number;
  reason: string;
}

export type Transition = 'started' | 'done' | 'skipped' | 'failed' | 'interrupted';

export interface RunnerHooks<C> {
  /** A phase changed state (the caller records an event); a failure here never fails the phase. */
  transition?(phaseId: string, transition: Transition, durationMs: number, reason: string): Promise<void>;
  /** Called after each phase that did not fail (e.g. connect to NATS after it was provisioned). */
  afterPhase?(phase: Phase<C>, ctx: C): Promise<void>;
  /** A fault point around a phase's run (tests kill the process here). */
  at?(phaseId: string, point: 'before' | 'mid' | 'after'): void;
  /** True when the phase should wait, without running, until the run is aborted (tests). */
  pauseAt?(phaseId: string): boolean;
}

export interface RunnerOptions<C extends RunScope> {
  /** In dependency order. */
  phases: readonly Phase<C>[];
  ctx: C;
  checkpoints: ReadonlyMap<string, Checkpoint>;
  store: Pick<CheckpointStore, 'write'>;
  selection: Selection;
  dryRun: boolean;
  render: RenderMode;
  hooks?: RunnerHooks<C>;
  /** Bound on one verify call. */
  verifyTimeoutMs?: number;
}

export interface RunnerResult {
  ok: boolean;
  phases: PhaseReport[];
}

export async function runPhases<C extends RunScope>(opts: RunnerOptions<C>): Promise<RunnerResult> {
  const { phases, ctx, checkpoints, selection, dryRun } = opts;
  const hooks = opts.hooks ?? {};
  const reports = phases.map(
    (p): PhaseReport => ({ id: p.id, status: 'pending', durationMs: 0, reason: '' }),
  );
  // Outputs of phases done earlier are visible to later ones.
  const outputs = ctx.outputs as Record<string, PhaseOutputs>;
  for (const cp of checkpoints.values()) if (cp.status === 'done') outputs[cp.phaseId] = cp.outputs;
  const hashes = new Map(phases.map((p) => [p.id, hashInputs(p.inputs(ctx))]));
  const rule = skipRule({
    phases,
    selection,
    checkpoints,
    hashes,
    applies: (i) => phases[i].applies?.(ctx) ?? true,
  });
  const verifyTimeout = opts.verifyTimeoutMs ?? 10_000;

  // Verify every phase that could be skipped, in parallel, up front: on a no-op
  // re-run that is the whole cost of the run.
  const verifies = new Map<string, Promise<VerifyResult>>();
  const verifyOf = (p: Phase<C>): Promise<VerifyResult> => {
    let v = verifies.get(p.id);
    if (!v) {
      v = traced(`verify ${p.id}`, () =>
        withDeadline(
          p.verify(ctx),
          verifyTimeout,
          () => new Error(`verify of ${p.id} timed out after ${verifyTimeout} ms`),
        ),
      ).catch((err): VerifyResult => ({ ok: false, reason: errorMessage(err) }));
      verifies.set(p.id, v);
    }
    return v;
  };
  for (const [i, p] of phases.entries()) if (rule.skippable(i)) void verifyOf(p);

  const transition = async (phaseId: string, t: Transition, durationMs: number, reason: string) => {
    try {
      await hooks.transition?.(phaseId, t, durationMs, redact(reason));
    } catch (err) {
      ctx.log.warn(`could not record the ${t} event of ${phaseId}: ${errorMessage(err)}`);
    }
  };

  const checkpoint = (
    p: Phase<C>,
    status: Checkpoint['status'],
    startedMs: number,
    extra: Partial<Checkpoint> = {},
  ): Checkpoint => ({
    deployment: ctx.deployment,
    phaseId: p.id,
    status,
    inputHash: hashes.get(p.id)!,
    outputs: {},
    runId: ctx.runId,
    startedMs,
    finishedMs: status === 'running' ? 0 : Date.now(),
    cliVersion: ctx.cliVersion,
    error: '',
    host: hostname(),
    ...extra,
  });

  const ran = new Set<string>();
  let stopped: { reason: string } | undefined;

  /** Decides and (unless dry-run) runs one phase; throws to stop the run. */
  const step = async (i: number, task: TaskHandle & { skip(reason: string): void }): Promise<void> => {
    const p = phases[i];
    const report = reports[i];
    if (stopped) {
      report.reason = stopped.reason;
      task.skip(`not run: ${stopped.reason}`);
      return;
    }
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new InterruptedError();
    const d = await rule.decide(i, ran, dryRun, () => verifyOf(p));
    if (!d.run) {
      report.status = 'skipped';
      report.reason = d.reason;
      task.skip(d.reason);
      if (!dryRun) {
        await transition(p.id, 'skipped', 0, d.reason);
        await hooks.afterPhase?.(p, ctx);
      }
      return;
    }
    report.reason = d.reason;
    if (dryRun) {
      report.reason = `would run: ${d.reason}`;
      ran.add(p.id);
      task.skip(report.reason);
      return;
    }
    hooks.at?.(p.id, 'before');
    const started = Date.now();
    await opts.store.write(checkpoint(p, 'running', started));
    await transition(p.id, 'started', 0, d.reason);
    ran.add(p.id);
    try {
      const result = await runUntilAborted(p, task, ctx, hooks.pauseAt?.(p.id) ?? false);
      hooks.at?.(p.id, 'mid');
      const done = checkpoint(p, 'done', started, { outputs: result ?? {} });
      await opts.store.write(done);
      outputs[p.id] = done.outputs;
      report.status = 'done';
      report.durationMs = Date.now() - started;
      hooks.at?.(p.id, 'after');
      await transition(p.id, 'done', report.durationMs, d.reason);
      await hooks.afterPhase?.(p, ctx);
    } catch (err) {
      report.durationMs = Date.now() - started;
      const interrupted = ctx.signal.aborted;
      const message = redact(errorMessage(err));
      report.status = interrupted ? 'pending' : 'failed';
      report.reason = interrupted ? 'interrupted' : message;
      // Record what happened even if the shared store went away meanwhile: the journal always takes it.
      await opts.store
        .write(
          checkpoint(p, interrupted ? 'interrupted' : 'failed', started, {
            error: interrupted ? 'interrupted' : message,
          }),
        )
        .catch(() => undefined);
      await transition(p.id, interrupted ? 'interrupted' : 'failed', report.durationMs, report.reason);
      if (interrupted) throw ctx.signal.reason ?? new InterruptedError();
      stopped = { reason: `${p.id} failed` };
      throw err;
    }
  };

  await renderSteps(opts.render, phases, ctx, step, () => stopped !== undefined);
  return { ok: !stopped, phases: reports };
}

/** Races a phase's run with the abort signal, so an interrupt never waits for a phase that ignores it. */
async function runUntilAborted<C extends RunScope>(
  p: Phase<C>,
  task: TaskHandle,
  ctx: C,
  pause: boolean,
): Promise<PhaseOutputs | undefined> {
  if (ctx.signal.aborted) throw ctx.signal.reason;
  let onAbort: () => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(ctx.signal.reason ?? new InterruptedError());
    ctx.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    if (pause) await aborted;
    return await Promise.race([p.run(ctx, task), aborted]);
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
}
