// The doctor's entry point for `natsgh doctor` and the bootstrap's
// prerequisites phase: runDoctor({config, mode, natsType, ignore}) → {ok, checks}.

import type { Mode, NatsghConfig, NatsType } from '../config/keys.js';
import { UsageError } from '../errors.js';
import { currentPlatform } from '../system/platform.js';
import { findOnPath, runCommand } from '../system/process.js';
import { closestMatch } from '../system/suggest.js';
import type { DoctorCheck, DoctorDeps, DoctorReport } from './check.js';
import { DOCTOR_CHECK_IDS, DOCTOR_CHECKS } from './registry.js';
import { runChecks } from './runner.js';

export type { CheckRow, CheckStatus, DoctorReport } from './check.js';

export interface RunDoctorOptions {
  config: NatsghConfig;
  /** Defaults to config.mode / config.natsType. */
  mode?: Mode;
  natsType?: NatsType;
  /** Check ids whose failures become warnings. Unknown ids are a usage error. */
  ignore?: readonly string[];
  /** Run only these check ids (default: all). */
  only?: readonly string[];
  deps?: Partial<DoctorDeps>;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Replaces the registry (tests). */
  checks?: readonly DoctorCheck[];
  /** The deployment's record says natsgh runs its NATS here (`natsgh doctor` after a bootstrap). */
  natsRunning?: boolean;
}

export function defaultDoctorDeps(overrides: Partial<DoctorDeps> = {}): DoctorDeps {
  const platform = overrides.platform ?? currentPlatform();
  return {
    platform,
    findOnPath: (name) => findOnPath(name, platform),
    run: (file, args, opts) => runCommand(file, args, { ...opts, env: { ...platform.env, ...opts?.env } }),
    fetch: (...args) => globalThis.fetch(...args),
    now: () => Date.now(),
    nodeVersion: process.versions.node,
    ...overrides,
  };
}

export function assertKnownCheckIds(
  ids: readonly string[],
  flag = '--ignore',
  known: readonly string[] = DOCTOR_CHECK_IDS,
): void {
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length === 0) return;
  const near = unknown.map((id) => closestMatch(id, known)).filter(Boolean);
  throw new UsageError(`${flag}: unknown check id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`, {
    code: 'usage',
    details: { unknown, known },
    suggestions: [
      ...(near.length > 0 ? [`Did you mean ${near.join(', ')}?`] : []),
      `Check ids: ${known.join(', ')}.`,
    ],
  });
}

export async function runDoctor(opts: RunDoctorOptions): Promise<DoctorReport> {
  const ignore = opts.ignore ?? [];
  const registry = opts.checks ?? DOCTOR_CHECKS;
  const known = registry.map((c) => c.id);
  assertKnownCheckIds(ignore, '--ignore', known);
  if (opts.only) assertKnownCheckIds(opts.only, 'only', known);
  const checks = opts.only ? registry.filter((c) => opts.only!.includes(c.id)) : registry;
  return runChecks(
    checks,
    {
      config: opts.config,
      mode: opts.mode ?? opts.config.mode,
      natsType: opts.natsType ?? opts.config.natsType,
      deps: defaultDoctorDeps(opts.deps),
      signal: opts.signal ?? new AbortController().signal,
      natsRunning: opts.natsRunning ?? false,
    },
    { timeoutMs: opts.timeoutMs, ignore },
  );
}
