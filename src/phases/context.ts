// What the bootstrap's phases work with. The service builds one
// BootstrapContext per run; each phase declares the part of it it reads (its
// data interface, as kubeadm calls it), so a phase's unit test builds only that.
import type { NatsConnection } from '@nats-io/nats-core';
import type { NatsghConfig } from '../config/keys.js';
import type { EventSink } from '../events/sink.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import type { ProvisionContext, Provisioner } from '../provision/provisioner.js';
import type { Platform } from '../system/platform.js';
import type { TerraformOptions } from '../terraform/options.js';
import type { PhaseOutputs, RunScope } from '../workflow/phase.js';
import type { PhaseId } from './list.js';

/** The live NATS connection, once the provisioner has made NATS reachable. */
export interface NatsHandle {
  nc: NatsConnection;
  spec: NatsConnectionSpec;
}

/** What the handoff phase may do with the run's checkpoints. */
export interface CheckpointHandoff {
  /** Copies journal entries of these phases into KV; returns the ids copied. */
  handoff(phaseIds: readonly string[]): Promise<string[]>;
  /** True when KV holds what the journal holds for these phases. */
  handedOff(phaseIds: readonly string[]): Promise<boolean>;
}

export interface BootstrapContext extends RunScope {
  readonly config: NatsghConfig;
  readonly stateDir: string;
  readonly platform: Platform;
  readonly provisioner: Provisioner;
  /** Outputs recorded by earlier phases (from their checkpoints), by phase id. */
  readonly outputs: Partial<Record<PhaseId, PhaseOutputs>>;
  /** Set by the service once NATS is reachable. */
  nats?: NatsHandle;
  events: EventSink;
  /** Options of the optional terraform phase (--terraform and its flags). */
  readonly terraform: TerraformOptions;
  /** The run's checkpoint store, for the handoff phase (journal -> KV). Unset in tests that need none. */
  readonly checkpoints?: CheckpointHandoff;
}

/** The provisioner's view of a run; the nats-server binary found by prerequisites is passed on. */
export function provisionContext(
  ctx: Pick<
    BootstrapContext,
    | 'config'
    | 'deployment'
    | 'stateDir'
    | 'platform'
    | 'interactive'
    | 'assumeYes'
    | 'signal'
    | 'log'
    | 'outputs'
  >,
): ProvisionContext {
  const bin = ctx.outputs.prerequisites?.natsServerBin;
  const config =
    bin && !ctx.config.nats.serverBin
      ? { ...ctx.config, nats: { ...ctx.config.nats, serverBin: bin } }
      : ctx.config;
  return {
    config,
    deployment: ctx.deployment,
    stateDir: ctx.stateDir,
    platform: ctx.platform,
    interactive: ctx.interactive,
    assumeYes: ctx.assumeYes,
    signal: ctx.signal,
    log: ctx.log,
  };
}

export type { EventSink } from '../events/sink.js';
export type { TerraformOptions } from '../terraform/options.js';
