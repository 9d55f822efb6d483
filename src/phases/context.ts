// What the bootstrap's phases work with. The service builds one
// BootstrapContext per run; each phase declares the part of it it reads (its
// data interface, as kubeadm calls it), so a phase's unit test builds only that.
import { resolve } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import type { NatsghConfig } from '../config/keys.js';
import type { EventSink } from '../events/sink.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import { type Provisioner, provisionContext } from '../provision/provisioner.js';
import type { RenderResult } from '../render/render.js';
import type { Platform } from '../system/platform.js';
import type { TerraformOptions } from '../terraform/options.js';
import type { PhaseOutputs, RunScope, VerifyResult } from '../workflow/phase.js';
import type { PhaseId } from './list.js';
import { type RecordedOutputs, recordedOutputs } from './outputs.js';

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
  /** Outputs recorded by earlier phases (from their checkpoints), by phase id, as stored: the runner's. */
  readonly outputs: Partial<Record<PhaseId, PhaseOutputs>>;
  /** The same outputs, decoded (phases/outputs.ts): what phases and services read. */
  readonly recorded: RecordedOutputs;
  /** Results the phases of this run share (one NATS health check, one render). */
  readonly memo: RunMemo;
  /** Set by the service once NATS is reachable. */
  nats?: NatsHandle;
  events: EventSink;
  /** Options of the optional terraform phase (--terraform and its flags). */
  readonly terraform: TerraformOptions;
  /** The run's checkpoint store, for the handoff phase (journal -> KV). Unset in tests that need none. */
  readonly checkpoints?: CheckpointHandoff;
}

/**
 * A phase's data interface: the fields of BootstrapContext it reads (`K`) and
 * the recorded outputs of the phases it reads (`R`), so its unit test builds
 * only those.
 */
export type PhaseContext<
  K extends Exclude<keyof BootstrapContext, 'recorded' | 'outputs'>,
  R extends keyof RecordedOutputs = never,
> = Pick<BootstrapContext, K> & { readonly recorded: Pick<RecordedOutputs, R> };

/** What a phase that talks to the provisioner reads: the provisioner and its view of the run. */
export type ProvisionerFields =
  | 'provisioner'
  | 'config'
  | 'deployment'
  | 'stateDir'
  | 'platform'
  | 'interactive'
  | 'assumeYes'
  | 'signal'
  | 'log';

/**
 * Per-run memos: a check or render several phases ask for, done once per run.
 * It lives with the run's context, so two runs in one process never share one.
 */
export class RunMemo {
  #natsHealth?: Promise<VerifyResult>;
  #checkoutRender?: Promise<RenderResult>;

  /**
   * The provisioner's health check: provision-nats and validate both ask, and on
   * a no-op re-run both verifies run at once (for Synadia each check is a new
   * TLS connection over the WAN). Kept until provision-nats changes NATS.
   */
  natsHealth(ctx: Pick<BootstrapContext, ProvisionerFields>): Promise<VerifyResult> {
    this.#natsHealth ??= ctx.provisioner.verify(provisionContext(ctx));
    return this.#natsHealth;
  }

  /** NATS just changed (provision-nats ran): the next health check is a new one. */
  forgetNatsHealth(): void {
    this.#natsHealth = undefined;
  }

  /** What the checkout should hold: generate-files writes it, and its verify and validate compare with it. */
  checkoutRender(ctx: Pick<BootstrapContext, 'config' | 'stateDir'>): Promise<RenderResult> {
    this.#checkoutRender ??= import('../render/local-checkout.js').then(({ renderForCheckout }) =>
      renderForCheckout(checkoutDir(ctx), ctx.config),
    );
    return this.#checkoutRender;
  }
}

/** The checkout generate-files writes and validate compares (--output-dir; by default in the state dir). */
export function checkoutDir(ctx: Pick<BootstrapContext, 'config' | 'stateDir'>): string {
  return resolve(ctx.config.outputDir || resolve(ctx.stateDir, 'github'));
}

/**
 * A context for a run (bootstrap) or a teardown: no outputs yet, a fresh memo;
 * the deployment and state dir are the config's, and events go nowhere unless given.
 */
export function newBootstrapContext(
  fields: Omit<BootstrapContext, 'outputs' | 'recorded' | 'memo' | 'deployment' | 'stateDir' | 'events'> &
    Partial<Pick<BootstrapContext, 'events'>>,
): BootstrapContext {
  const outputs: Partial<Record<PhaseId, PhaseOutputs>> = {};
  return {
    deployment: fields.config.deployment,
    stateDir: fields.config.stateDir,
    events: { publish: async () => {} },
    ...fields,
    outputs,
    recorded: recordedOutputs(outputs),
    memo: new RunMemo(),
  };
}

export type { EventSink } from '../events/sink.js';
/** The one ProvisionContext builder (provision/provisioner.ts), here for the phases. */
export { provisionContext } from '../provision/provisioner.js';
export type { TerraformOptions } from '../terraform/options.js';
export type { RecordedOutputs } from './outputs.js';
