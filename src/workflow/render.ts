// How a run's phases are shown: a listr2 task list (its default renderer on a
// TTY, a line per event in CI) or nothing at all (--json, where listr2 is never
// loaded). The runner hands each phase's step to a renderer and gets a task row back.
import { InterruptedError, isNatsghError } from '../errors.js';
import { redact } from '../redact.js';
import type { Logger, PhaseMeta, RunScope, TaskHandle } from './phase.js';

export type RenderMode = 'tty' | 'lines' | 'silent';

/** A task row plus how to mark it skipped. */
export type TaskRow = TaskHandle & { skip(reason: string): void };

/** Runs one phase's step against its row; throws to stop the run. */
export type Step = (index: number, row: TaskRow) => Promise<void>;

/**
 * Runs the steps in order under the renderer. `stopped()` tells whether a
 * phase failed (the run goes on only to mark the rest "not run").
 */
export async function renderSteps(
  mode: RenderMode,
  phases: readonly PhaseMeta[],
  scope: RunScope,
  step: Step,
  stopped: () => boolean,
): Promise<void> {
  if (mode === 'silent') {
    const row: TaskRow = {
      output: (line) => scope.log.info(line),
      title: () => {},
      confirm: async () => scope.assumeYes,
      skip: () => {},
    };
    for (const i of phases.keys()) {
      try {
        await step(i, row);
      } catch (err) {
        if (scope.signal.aborted || !stopped()) throw err;
      }
    }
    return;
  }
  const { Listr } = await import('listr2');
  const listr = new Listr(
    phases.map((p, i) => ({
      title: p.title,
      task: async (_: unknown, t: { output: string; title: string; skip(m?: string): void }) => {
        const originalLog = scope.log;
        const taskLog: Logger = {
          info: (line) => {
            t.output = redact(line);
          },
          warn: (line) => {
            t.output = redact(`warning: ${line}`);
          },
        };
        scope.log = taskLog;
        try {
          await step(i, {
            output: taskLog.info,
            title: (title) => {
              t.title = title;
            },
            confirm: async (question) => {
              if (!scope.interactive) return scope.assumeYes;
              const { confirm } = await import('@inquirer/prompts');
              return confirm({ message: question, default: false });
            },
            skip: (reason) => t.skip(mode === 'tty' ? `${p.title} (${reason})` : reason),
          });
        } finally {
          scope.log = originalLog;
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
    if (scope.signal.aborted) throw scope.signal.reason ?? err;
    if (!stopped() && !isNatsghError(err)) throw err;
  }
  if (scope.signal.aborted) throw scope.signal.reason ?? new InterruptedError();
}
