// The phase contract (DESIGN.md, "The bootstrap"). A phase is a plain object;
// the runner is the only code that knows about ordering, checkpoints, locks
// and rendering. Phases converge: running one twice is safe.
import type { NatsConnection } from '@nats-io/nats-core';
import type { NatsghConfig } from '../config/keys.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import type { Provisioner } from '../provision/provisioner.js';
import type { Platform } from '../system/platform.js';

export const PHASE_IDS = [
  'prerequisites',
  'provision-nats',
  'handoff',
  'deploy-controller',
  'generate-files',
  'terraform',
  'validate',
] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** Line-oriented, redacted log into the current task's output (or stderr in CI). */
export interface Logger {
  info(line: string): void;
  warn(line: string): void;
}

/** The live NATS connection, once the provisioner has made NATS reachable. */
export interface NatsHandle {
  nc: NatsConnection;
  spec: NatsConnectionSpec;
}

/** Where phases publish natsgh events; queued in the state dir until NATS is up. */
export interface EventSink {
  /**
   * Publishes one event. `type` is the subject token (e.g. "phase", "deployment"),
   * `payloadType` the protobuf message name, `id` derived from what the event
   * describes so that a retried publish is stored once.
   */
  publish(event: { type: string; payloadType: string; payload: Uint8Array; id: string }): Promise<void>;
}

export interface PhaseContext {
  config: NatsghConfig;
  deployment: string;
  runId: string;
  stateDir: string;
  cliVersion: string;
  platform: Platform;
  /** False in CI, without a TTY, or with --yes: never prompt. */
  interactive: boolean;
  /** --yes was given: consent to installs and applies. */
  assumeYes: boolean;
  signal: AbortSignal;
  log: Logger;
  provisioner: Provisioner;
  /** Outputs recorded by earlier phases (from their checkpoints), by phase id. */
  outputs: Partial<Record<PhaseId, Record<string, string>>>;
  /** Set by the runner once NATS is reachable. */
  nats?: NatsHandle;
  events: EventSink;
  /** Options of the optional terraform phase (--terraform and its flags). */
  terraform: TerraformOptions;
  /** The run's checkpoint store, for the handoff phase (journal -> KV). Unset in tests that need none. */
  checkpoints?: CheckpointHandoff;
}

/** What the handoff phase may do with the run's checkpoints. */
export interface CheckpointHandoff {
  /** Copies journal entries of these phases into KV; returns the ids copied. */
  handoff(phaseIds: readonly string[]): Promise<string[]>;
  /** True when KV holds what the journal holds for these phases. */
  handedOff(phaseIds: readonly string[]): Promise<boolean>;
}

export interface TerraformOptions {
  enabled: boolean;
  dir: string;
  backend: 'local' | 's3' | 'gcs';
  backendConfig: Record<string, string>;
  /** -var values; may hold secrets, so never checkpointed or published as they are. */
  vars: Record<string, string>;
}

/** What a running phase can do with its task row. */
export interface TaskHandle {
  output(line: string): void;
  title(title: string): void;
  /** Asks a yes/no question; in non-interactive mode returns `assumeYes`. */
  confirm(question: string): Promise<boolean>;
}

export interface Phase {
  id: PhaseId;
  title: string;
  dependsOn: PhaseId[];
  /** When a phase does not apply (e.g. terraform without --terraform), the reason. */
  applies?(ctx: PhaseContext): true | string;
  /** Everything the phase's result depends on; hashed to decide whether to re-run. No secrets. */
  inputs(ctx: PhaseContext): unknown;
  /** Converges; returns outputs for later phases (no secrets). */
  run(ctx: PhaseContext, task: TaskHandle): Promise<Record<string, string> | undefined>;
  /** A cheap live check that the phase's result still exists. */
  verify(ctx: PhaseContext): Promise<VerifyResult>;
  teardown?(ctx: PhaseContext, opts: { purge: boolean }): Promise<void>;
}
