// The phase contract (DESIGN.md, "The bootstrap"). A phase is a plain object
// over a context of its own choosing; the runner is the only code that knows
// about ordering, checkpoints, locks and rendering. Phases converge: running
// one twice is safe. Nothing here knows what the phases do.
import type { Logger, VerifyResult } from '../contracts.js';

export type { Logger, VerifyResult } from '../contracts.js';

/** Facts a phase records for later phases and for status: flat strings in its checkpoint, no secrets. */
export type PhaseOutputs = Record<string, string>;

/** What a running phase can do with its task row. */
export interface TaskHandle {
  output(line: string): void;
  title(title: string): void;
  /** Asks a yes/no question; in non-interactive mode returns `assumeYes`. */
  confirm(question: string): Promise<boolean>;
}

/** Where a phase sits in the workflow: its id, its row title and what it runs after. */
export interface PhaseMeta<Id extends string = string> {
  readonly id: Id;
  readonly title: string;
  readonly dependsOn: readonly Id[];
}

/** What a phase does, over the narrow context `C` it declares. */
export interface PhaseBody<C, O extends PhaseOutputs | undefined = PhaseOutputs | undefined> {
  /** When the phase does not apply (e.g. terraform without --terraform), the reason. */
  applies?(ctx: C): true | string;
  /** Everything the phase's result depends on; hashed to decide whether to re-run. No secrets. */
  inputs(ctx: C): unknown;
  /** Converges; returns outputs for later phases (no secrets). */
  run(ctx: C, task: TaskHandle): Promise<O>;
  /** A cheap live check that the phase's result still exists. */
  verify(ctx: C): Promise<VerifyResult>;
  teardown?(ctx: C, opts: { purge: boolean }): Promise<void>;
}

export type Phase<C, Id extends string = string> = PhaseMeta<Id> & PhaseBody<C>;

/** What the runner itself needs of a run, whatever the phases' context holds besides. */
export interface RunScope {
  readonly deployment: string;
  readonly runId: string;
  readonly cliVersion: string;
  readonly signal: AbortSignal;
  /** False in CI, without a TTY, or with --yes: never prompt. */
  readonly interactive: boolean;
  /** --yes was given: consent to installs and applies. */
  readonly assumeYes: boolean;
  /** Pointed at the current task's row while a phase runs. */
  log: Logger;
  /** Outputs recorded by phases (from their checkpoints, then from this run), by phase id. */
  readonly outputs: Partial<Record<string, PhaseOutputs>>;
}
