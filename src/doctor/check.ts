// The doctor's check contract: a check says whether it applies to the chosen
// mode (true, or the reason it does not) and returns ok / warn / fail / skip
// with a message and, when not ok, a hint naming the fix for this platform.
import type { Mode, NatsghConfig, NatsType } from '../config/keys.js';
import type { Platform } from '../system/platform.js';
import type { RunOptions, RunResult } from '../system/process.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckOutcome {
  status: CheckStatus;
  message: string;
  hint?: string;
}

/** The side effects a check may use; injected so tests use stand-ins on PATH, msw and a fixed clock. */
export interface DoctorDeps {
  platform: Platform;
  /** Absolute path of an executable on the platform's PATH, or undefined. */
  findOnPath(name: string): string | undefined;
  /** Runs a binary to completion (never throws for a non-zero exit; throws ENOENT when missing). */
  run(file: string, args: string[], opts?: RunOptions): Promise<RunResult>;
  fetch: typeof globalThis.fetch;
  /** Milliseconds since the epoch. */
  now(): number;
  /** The running Node.js version, e.g. "20.19.0". */
  nodeVersion: string;
}

export interface DoctorContext {
  config: NatsghConfig;
  mode: Mode;
  natsType: NatsType;
  deps: DoctorDeps;
  /** Aborted when the check times out or the command is interrupted. */
  signal: AbortSignal;
  /** The deployment's record says natsgh started its NATS here: the NATS checks reach it. */
  natsRunning?: boolean;
}

export interface DoctorCheck {
  id: string;
  title: string;
  /** true when the check applies; otherwise the reason it is skipped. */
  appliesTo(ctx: DoctorContext): true | string;
  run(ctx: DoctorContext): Promise<CheckOutcome>;
}

/** One row of the report (and of `natsgh doctor --json`). */
export interface CheckRow {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  hint: string | null;
  /** Set when --ignore turned a failure into a warning. */
  ignored?: boolean;
}

export interface DoctorReport {
  ok: boolean;
  checks: CheckRow[];
}

/** True when mode/natsType run a nats-server on this machine as a local process. */
export function runsLocalNatsServer(mode: Mode, natsType: NatsType): boolean {
  return mode === 'dev' && natsType !== 'synadia';
}

/** True when natsgh starts a NATS server (process, container or pod) rather than using an existing one. */
export function natsghRunsNats(natsType: NatsType): boolean {
  return natsType !== 'synadia';
}

/** "1.2.3" from any version text ("nats-server: v2.9.10", "Docker version 28.2.2, build"). */
export function parseVersion(text: string): [number, number, number] | undefined {
  const m = /v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

export function versionAtLeast(v: [number, number, number], min: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) {
    if (v[i] !== min[i]) return v[i] > min[i];
  }
  return true;
}
