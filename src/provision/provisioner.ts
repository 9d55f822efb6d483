// One interface for every way natsgh gets a NATS (DESIGN.md, "Modes and NATS
// types"): embedded, local cluster, bring-your-own, Synadia, hybrid leaf,
// docker compose, Helm. The provision-nats phase only talks to this.
import type { NatsghConfig } from '../config/keys.js';
import type { Logger, VerifyResult } from '../contracts.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import type { Platform } from '../system/platform.js';

export interface ProvisionContext {
  config: NatsghConfig;
  deployment: string;
  stateDir: string;
  platform: Platform;
  interactive: boolean;
  assumeYes: boolean;
  signal: AbortSignal;
  log: Logger;
}

export interface PlanStep {
  /** What would be done, in one line, e.g. "start nats-server on 127.0.0.1:4222". */
  action: string;
}

export interface ProvisionResult {
  /** Client URLs of the NATS that now exists. */
  servers: string[];
  /** Facts for the checkpoint (pids, versions, paths); no secrets. */
  outputs: Record<string, string>;
}

export interface NodeStatus {
  name: string;
  url: string;
  healthy: boolean;
  pid?: number;
  detail?: string;
}

export interface Provisioner {
  readonly kind: string;
  /**
   * True when NATS exists before natsgh does anything (Synadia, bring-your-own):
   * KV is used from the first phase and the local journal is only a cache.
   */
  readonly reachableAtStart: boolean;
  /** What apply would do; changes nothing. */
  plan(ctx: ProvisionContext): Promise<PlanStep[]>;
  /** Converges to a running NATS; safe to repeat (finds what already runs). */
  apply(ctx: ProvisionContext): Promise<ProvisionResult>;
  /** Cheap live check that what apply made still runs. */
  verify(ctx: ProvisionContext): Promise<VerifyResult>;
  /** Stops what apply started; keeps data unless purge. Idempotent. */
  teardown(ctx: ProvisionContext, opts: { purge: boolean }): Promise<void>;
  /** How clients connect to this NATS. */
  connection(ctx: ProvisionContext): NatsConnectionSpec;
  /** Per-node health for `natsgh status` (optional). */
  nodes?(ctx: ProvisionContext): Promise<NodeStatus[]>;
}
