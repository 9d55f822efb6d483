// The skip rule, alone: a phase is skipped when its checkpoint is done with the
// same input hash, its live verify passes, and no dependency ran in this run;
// --only/--skip/--from and `applies` exclude or force phases first.
import type { Checkpoint } from './checkpoints.js';
import type { PhaseMeta } from './phase.js';

export interface Selection {
  from?: string;
  only?: string[];
  skip?: string[];
  force?: boolean;
}

export interface Decision {
  run: boolean;
  reason: string;
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

export function describeCheckpoint(cp: Checkpoint): string {
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

/** The rule over one run's phases (in dependency order), their checkpoints and input hashes. */
export function skipRule(opts: {
  phases: readonly PhaseMeta[];
  selection: Selection;
  checkpoints: ReadonlyMap<string, Checkpoint>;
  hashes: ReadonlyMap<string, string>;
  /** The phase's own reason not to apply, or true. */
  applies(index: number): true | string;
}) {
  const { phases, selection, checkpoints, hashes } = opts;
  const fromIndex = selection.from ? phases.findIndex((p) => p.id === selection.from) : -1;

  /** Why the phase is left out of this run, or undefined. */
  const excluded = (i: number): string | undefined => {
    const p = phases[i];
    const applies = opts.applies(i);
    if (applies !== true) return `does not apply: ${applies}`;
    if (selection.only && !selection.only.includes(p.id)) return 'not selected (--only)';
    if (selection.skip?.includes(p.id)) return 'skipped by --skip';
    if (fromIndex >= 0 && i < fromIndex) return `before --from ${selection.from}`;
    return undefined;
  };
  /** Why the phase runs whatever its checkpoint says, or undefined. */
  const forced = (i: number): string | undefined => {
    if (selection.force) return 'forced (--force)';
    if (fromIndex >= 0 && i >= fromIndex) return `forced (--from ${selection.from})`;
    return undefined;
  };
  /** Whether only a live verify stands between the phase and a skip (verify it early). */
  const skippable = (i: number): boolean => {
    const cp = checkpoints.get(phases[i].id);
    return !excluded(i) && !forced(i) && cp?.status === 'done' && cp.inputHash === hashes.get(phases[i].id);
  };
  /** The decision; `ran` holds the phases run (or that would run) so far, `verify` the phase's live check. */
  const decide = async (
    i: number,
    ran: ReadonlySet<string>,
    dryRun: boolean,
    verify: () => Promise<{ ok: true } | { ok: false; reason: string }>,
  ): Promise<Decision> => {
    const p = phases[i];
    const ex = excluded(i);
    if (ex) return { run: false, reason: ex };
    const f = forced(i);
    if (f) return { run: true, reason: f };
    const dep = p.dependsOn.find((d) => ran.has(d));
    if (dep) return { run: true, reason: `${dep} ${dryRun ? 'would run' : 'ran'}` };
    const cp = checkpoints.get(p.id);
    if (!cp) return { run: true, reason: 'no checkpoint' };
    if (cp.status !== 'done') return { run: true, reason: describeCheckpoint(cp) };
    if (cp.inputHash !== hashes.get(p.id)) return { run: true, reason: 'inputs changed' };
    const v = await verify();
    if (!v.ok) return { run: true, reason: `verify failed: ${v.reason}` };
    return { run: false, reason: 'done and verified' };
  };
  return { skippable, decide };
}
