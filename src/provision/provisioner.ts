// One interface for every way natsgh gets a NATS (DESIGN.md, "Modes and NATS
// types"): embedded, local cluster, bring-your-own, Synadia, hybrid leaf,
// docker compose, Helm. The provision-nats phase only talks to this.
import type { NatsghConfig } from '../config/keys.js';
import { type Logger, silentLog, type VerifyResult } from '../contracts.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import type { ResolvedBinary } from '../system/nats-server-binary.js';
import { currentPlatform, type Platform } from '../system/platform.js';

export interface ProvisionContext {
  config: NatsghConfig;
  deployment: string;
  stateDir: string;
  platform: Platform;
  interactive: boolean;
  assumeYes: boolean;
  signal: AbortSignal;
  log: Logger;
  /**
   * The nats-server binary the prerequisites phase resolved (this run, or the
   * run it resumes): a provisioner that starts nats-server uses it as it is
   * instead of resolving (and probing) one again. Unset: it resolves one itself.
   */
  natsServer?: ResolvedBinary;
}

/** What a ProvisionContext is made of; the deployment, state dir and platform default to the config's and this machine's. */
export interface ProvisionContextSource {
  config: NatsghConfig;
  signal: AbortSignal;
  deployment?: string;
  stateDir?: string;
  platform?: Platform;
  interactive?: boolean;
  assumeYes?: boolean;
  log?: Logger;
}

/**
 * The provisioner's view of a run, built one way for every caller: the
 * bootstrap's phases (with the binary prerequisites resolved) and the services
 * (status, teardown, unlock), which never start a server.
 */
export function provisionContext(
  from: ProvisionContextSource,
  natsServer?: ResolvedBinary,
): ProvisionContext {
  return {
    config: from.config,
    deployment: from.deployment ?? from.config.deployment,
    stateDir: from.stateDir ?? from.config.stateDir,
    platform: from.platform ?? currentPlatform(),
    interactive: from.interactive ?? false,
    assumeYes: from.assumeYes ?? false,
    signal: from.signal,
    log: from.log ?? silentLog,
    ...(natsServer ? { natsServer } : {}),
  };
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
