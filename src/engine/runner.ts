// The one piece of code that knows about ordering, the skip rule, checkpoints
// and rendering. Skip rule: checkpoint done + same input hash + verify passes,
// and no dependency ran in this run. Renders with listr2 (default renderer on a
// TTY, a line per event in CI) or not at all (--json, where listr2 is not loaded).
import { hostname } from 'node:os';
import { errorMessage, InterruptedError, isNatsghError } from '../errors.js';
import { redact } from '../redact.js';
import type { Checkpoint, CheckpointStore } from './checkpoints.js';
import { hashInputs } from './inputs.js';
import type { Logger, Phase, PhaseContext, TaskHandle, VerifyResult } from './phase.js';
import { traced } from './trace.js';

export type ReportStatus = 'done' | 'skipped' | 'failed' | 'pending';

export interface PhaseReport {
  id: string;
  status: ReportStatus;
  durationMs: number;
  reason: string;
}

export interface Selection {
  from?: string;
  only?: string[];
  skip?: string[];
  force?: boolean;
}

export type RenderMode = 'tty' | 'lines' | 'silent';

export interface RunnerOptions {
  /** In dependency order. */
  phases: Phase[];
  ctx: PhaseContext;
  checkpoints: Map<string, Checkpoint>;
  store: CheckpointStore;
  selection: Selection;
  dryRun: boolean;
  render: RenderMode;
  /** Called after each phase that did not fail (e.g. connect to NATS after provision-nats). */
  afterPhase?(phase: Phase, ctx: PhaseContext): Promise<void>;
  /** Bound on one verify call. */
  verifyTimeoutMs?: number;
}

export interface RunnerResult {
  ok: boolean;
  phases: PhaseReport[];
}

/** Test hooks, read only here: NATSGH_TEST_CRASH_AT=<phase>:<before|mid|after>, NATSGH_TEST_PAUSE_AT=<phase>. */
function testHook(name: 'NATSGH_TEST_CRASH_AT' | 'NATSGH_TEST_PAUSE_AT'): string | undefined {
  return process.env[name] || undefined;
}

function crashIfAsked(phaseId: string, point: 'before' | 'mid' | 'after'): void {
  if (testHook('NATSGH_TEST_CRASH_AT') === `${phaseId}:${point}`) process.kill(process.pid, 'SIGKILL');
}

/** Checks names given to --from/--only/--skip against the phase ids. */
export function validateSelection(selection: Selection, ids: readonly string[]): string | undefined {
  const named: Array<[string, string]> = [
    ...(selection.from ? [['--from', selection.from] as [string, string]] : []),
    ...(selection.only ?? []).map((id) => ['--only', id] as [string, string]),
    ...(selection.skip ?? []).map((id) => ['--skip', id] as [string, string]),
  ];
  for (const [flag, id] of named) {
    if (!ids.includes(id)) return `${flag} ${id}: unknown phase (phases: ${ids.join(', ')})`;
  }
  return undefined;
}

interface Decision {
  run: boolean;
  reason: string;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    t.unref();
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

function describeCheckpoint(cp: Checkpoint): string {
  switch (cp.status) {
    case 'running':
      return 'last run did not finish (it crashed or was killed)';
    case 'failed':
      return `last run failed${cp.error ? `: ${cp.error}` : ''}`;
    case 'interrupted':
      return 'last run was interrupted';
    default:
      return `last status ${cp.status}`;
  }
}

export async function runPhases(opts: RunnerOptions): Promise<RunnerResult> {
  const { phases, ctx, checkpoints, selection } = opts;
  const ids = phases.map((p) => p.id as string);
  const fromIndex = selection.from ? ids.indexOf(selection.from) : -1;
  const reports = new Map<string, PhaseReport>(
    phases.map((p) => [p.id, { id: p.id, status: 'pending' as ReportStatus, durationMs: 0, reason: '' }]),
  );
  // Outputs of phases done earlier are visible to later ones.
  for (const cp of checkpoints.values()) {
    if (cp.status === 'done') ctx.outputs[cp.phaseId as keyof PhaseContext['outputs']] = cp.outputs;
  }
  const hashes = new Map(phases.map((p) => [p.id, hashInputs(p.inputs(ctx))]));
  const verifyTimeout = opts.verifyTimeoutMs ?? 10_000;

  // Verify every phase that could be skipped, in parallel, up front: on a no-op
  // re-run that is the whole cost of the run.
  const verifies = new Map<string, Promise<VerifyResult>>();
  const verifyOf = (p: Phase): Promise<VerifyResult> => {
    let v = verifies.get(p.id);
    if (!v) {
      v = traced(`verify ${p.id}`, () =>
        withTimeout(p.verify(ctx), verifyTimeout, `verify of ${p.id}`),
      ).catch((err): VerifyResult => ({ ok: false, reason: errorMessage(err) }));
      verifies.set(p.id, v);
    }
    return v;
  };
  const excluded = (p: Phase, i: number): string | undefined => {
    const applies = p.applies?.(ctx) ?? true;
    if (applies !== true) return `does not apply: ${applies}`;
    if (selection.only && !selection.only.includes(p.id)) return 'not selected (--only)';
    if (selection.skip?.includes(p.id)) return 'skipped by --skip';
    if (fromIndex >= 0 && i < fromIndex) return `before --from ${selection.from}`;
    return undefined;
  };
  const forced = (i: number): string | undefined => {
    if (selection.force) return 'forced (--force)';
    if (fromIndex >= 0 && i >= fromIndex) return `forced (--from ${selection.from})`;
    return undefined;
  };
  phases.forEach((p, i) => {
    const cp = checkpoints.get(p.id);
    if (!excluded(p, i) && !forced(i) && cp?.status === 'done' && cp.inputHash === hashes.get(p.id)) {
      void verifyOf(p);
    }
  });

  const ran = new Set<string>();
  const decide = async (p: Phase, i: number): Promise<Decision> => {
    const ex = excluded(p, i);
    if (ex) return { run: false, reason: ex };
    const f = forced(i);
    if (f) return { run: true, reason: f };
    const dep = p.dependsOn.find((d) => ran.has(d));
    if (dep) return { run: true, reason: `${dep} ${opts.dryRun ? 'would run' : 'ran'}` };
    const cp = checkpoints.get(p.id);
    if (!cp) return { run: true, reason: 'no checkpoint' };
    if (cp.status !== 'done') return { run: true, reason: describeCheckpoint(cp) };
    if (cp.inputHash !== hashes.get(p.id)) return { run: true, reason: 'inputs changed' };
    const v = await verifyOf(p);
    if (!v.ok) return { run: true, reason: `verify failed: ${v.reason}` };
    return { run: false, reason: 'done and verified' };
  };

  const publish = async (
    phaseId: string,
    transition: 'started' | 'done' | 'skipped' | 'failed' | 'interrupted',
    durationMs: number,
    reason: string,
  ) => {
    try {
      const { phaseEvent } = await import('../events/builders.js');
      await ctx.events.publish(
        phaseEvent({
          deployment: ctx.deployment,
          runId: ctx.runId,
          phaseId,
          transition,
          durationMs,
          reason: redact(reason),
        }),
      );
    } catch (err) {
      ctx.log.warn(`could not record the ${transition} event of ${phaseId}: ${errorMessage(err)}`);
    }
  };

  const checkpoint = (
    p: Phase,
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

  let stopped: { reason: string } | undefined;

  /** Decides and (unless dry-run) runs one phase; throws to stop the run. */
  const step = async (
    p: Phase,
    i: number,
    task: TaskHandle & { skip(reason: string): void },
  ): Promise<void> => {
    const report = reports.get(p.id)!;
    if (stopped) {
      report.reason = stopped.reason;
      task.skip(`not run: ${stopped.reason}`);
      return;
    }
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new InterruptedError();
    const d = await decide(p, i);
    if (!d.run) {
      report.status = 'skipped';
      report.reason = d.reason;
      task.skip(d.reason);
      if (!opts.dryRun) {
        await publish(p.id, 'skipped', 0, d.reason);
        await opts.afterPhase?.(p, ctx);
      }
      return;
    }
    report.reason = d.reason;
    if (opts.dryRun) {
      report.reason = `would run: ${d.reason}`;
      ran.add(p.id);
      task.skip(report.reason);
      return;
    }
    crashIfAsked(p.id, 'before');
    const started = Date.now();
    await opts.store.write(checkpoint(p, 'running', started));
    await publish(p.id, 'started', 0, d.reason);
    ran.add(p.id);
    try {
      const outputs = await runUntilAborted(p, task, ctx);
      crashIfAsked(p.id, 'mid');
      const done = checkpoint(p, 'done', started, { outputs: outputs ?? {} });
      await opts.store.write(done);
      ctx.outputs[p.id] = done.outputs;
      report.status = 'done';
      report.durationMs = Date.now() - started;
      crashIfAsked(p.id, 'after');
      await publish(p.id, 'done', report.durationMs, d.reason);
      await opts.afterPhase?.(p, ctx);
    } catch (err) {
      report.durationMs = Date.now() - started;
      const interrupted = ctx.signal.aborted;
      const message = redact(errorMessage(err));
      report.status = interrupted ? 'pending' : 'failed';
      report.reason = interrupted ? 'interrupted' : message;
      // Record what happened even if NATS went away meanwhile: the journal always takes it.
      await opts.store
        .write(
          checkpoint(p, interrupted ? 'interrupted' : 'failed', started, {
            error: interrupted ? 'interrupted' : message,
          }),
        )
        .catch(() => undefined);
      await publish(p.id, interrupted ? 'interrupted' : 'failed', report.durationMs, report.reason);
      if (interrupted) throw ctx.signal.reason ?? new InterruptedError();
      stopped = { reason: `${p.id} failed` };
      throw err;
    }
  };

  if (opts.render === 'silent') {
    for (const [i, p] of phases.entries()) {
      const handle = plainTaskHandle(ctx);
      try {
        await step(p, i, handle);
      } catch (err) {
        if (ctx.signal.aborted || !stopped) throw err;
      }
    }
  } else {
    await runWithListr(phases, ctx, opts.render, step, () => stopped !== undefined);
  }
  return { ok: !stopped, phases: phases.map((p) => reports.get(p.id)!) };
}

/** Races a phase's run with the abort signal, so an interrupt never waits for a phase that ignores it. */
async function runUntilAborted(p: Phase, task: TaskHandle, ctx: PhaseContext) {
  if (ctx.signal.aborted) throw ctx.signal.reason;
  let onAbort: () => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(ctx.signal.reason ?? new InterruptedError());
    ctx.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const pauseAt = testHook('NATSGH_TEST_PAUSE_AT');
    if (pauseAt === p.id) {
      process.stderr.write(`natsgh-test: paused in ${p.id}\n`);
      await aborted;
    }
    return await Promise.race([p.run(ctx, task), aborted]);
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
}

function plainTaskHandle(ctx: PhaseContext): TaskHandle & { skip(reason: string): void } {
  return {
    output: (line) => ctx.log.info(line),
    title: () => {},
    confirm: async () => ctx.assumeYes,
    skip: () => {},
  };
}

async function runWithListr(
  phases: Phase[],
  ctx: PhaseContext,
  mode: 'tty' | 'lines',
  step: (p: Phase, i: number, task: TaskHandle & { skip(reason: string): void }) => Promise<void>,
  failedBefore: () => boolean,
): Promise<void> {
  const { Listr } = await import('listr2');
  const listr = new Listr(
    phases.map((p, i) => ({
      title: p.title,
      task: async (_: unknown, t: { output: string; title: string; skip(m?: string): void }) => {
        const originalLog = ctx.log;
        const taskLog: Logger = {
          info: (line) => {
            t.output = redact(line);
          },
          warn: (line) => {
            t.output = redact(`warning: ${line}`);
          },
        };
        ctx.log = taskLog;
        try {
          await step(p, i, {
            output: taskLog.info,
            title: (title) => {
              t.title = title;
            },
            confirm: async (question) => {
              if (!ctx.interactive) return ctx.assumeYes;
              const { confirm } = await import('@inquirer/prompts');
              return confirm({ message: question, default: false });
            },
            skip: (reason) => t.skip(mode === 'tty' ? `${p.title} (${reason})` : reason),
          });
        } finally {
          ctx.log = originalLog;
        }
      },
    })),
    {
      concurrent: false,
      exitOnError: false,
      registerSignalListeners: false,
      renderer: mode === 'tty' ? 'default' : 'verbose',
      rendererOptions: { collapseErrors: false },
      fallbackRendererCondition: mode !== 'tty',
    } as never,
  );
  try {
    await listr.run();
  } catch (err) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? err;
    if (!failedBefore() && !isNatsghError(err)) throw err;
  }
  if (ctx.signal.aborted) throw ctx.signal.reason ?? new InterruptedError();
}
