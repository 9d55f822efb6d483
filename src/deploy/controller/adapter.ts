// How the controller is deployed, one adapter per mode (dev: a supervised
// background process; docker: the compose service; kubernetes: a Deployment).
// The deploy-controller phase talks only to this interface, in every mode.
import type { NatsConnection } from '@nats-io/nats-core';
import type { VerifyResult } from '../../contracts.js';
import type { NatsConnectionSpec } from '../../nats/connect.js';
import type { ProvisionContext } from '../../provision/provisioner.js';

/** What an adapter works with: the provisioner's view of the run, plus the CLI version and NATS. */
export interface ControllerContext extends ProvisionContext {
  readonly cliVersion: string;
  /** The NATS servers as this host reaches them (what a controller on this host connects to). */
  hostServers(): string[];
  /** The live connection, once NATS is reachable (unset in teardown after NATS stopped). */
  readonly nats?: { nc: NatsConnection; spec: NatsConnectionSpec };
}

export interface ControllerAdapter {
  readonly mode: 'dev' | 'docker' | 'kubernetes';
  /**
   * The non-secret settings that decide the deployment (hashed into the phase's
   * input: any change redeploys). Secrets are not here: verify finds a change
   * of them through a salted digest kept outside checkpoints (settings-stamp.ts).
   */
  inputs(ctx: ControllerContext): Record<string, unknown>;
  /** What deploy would do, one line each; changes nothing. */
  plan(ctx: ControllerContext): string[];
  /** Converges to a controller running with the current settings; returns facts for the checkpoint (no secrets). */
  deploy(ctx: ControllerContext, progress: (line: string) => void): Promise<Record<string, string>>;
  /** A cheap live check that the controller runs, with the current version, settings and secrets. */
  verify(ctx: ControllerContext): Promise<VerifyResult>;
  /** Stops and removes the controller (idempotent); data it keeps elsewhere is not its to remove. */
  teardown(ctx: ControllerContext, opts: { purge: boolean }): Promise<void>;
}
