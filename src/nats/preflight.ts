// What every natsgh process that creates streams, buckets or consumers does
// first, before changing anything: the user's permissions against the
// subjects its role needs (permissions.ts), then natsgh's streams and
// consumers against the account's limits (account-plan.ts).
import type { NatsConnection } from '@nats-io/nats-core';
import type { NatsghConfig } from '../config/keys.js';
import { errorMessage, NatsghError } from '../errors.js';
import { type AccountPlan, assertAccountFits } from './account-plan.js';
import type { NatsConnectionSpec } from './connect.js';
import { natsErrorFor } from './nats-errors.js';
import { assertPermissions, type NatsghRole } from './permissions.js';
import { NATSGH_STREAM_IDS, type NatsghStreamId, type StreamSizes, streamSizes } from './sizing.js';

export interface PreflightOptions {
  deployment: string;
  role: NatsghRole;
  sizes: StreamSizes;
  replicas: number;
  /** The streams this process creates (default: all of natsgh's). */
  streams?: readonly NatsghStreamId[];
  /** The durable consumer it creates on GITHUB_EVENTS (the controller's). */
  durable?: string;
}

export function preflightOptions(
  config: NatsghConfig,
  role: NatsghRole,
  replicas: number,
  extra: Partial<PreflightOptions> = {},
): PreflightOptions {
  return { deployment: config.deployment, role, sizes: streamSizes(config), replicas, ...extra };
}

export async function preflightNats(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  o: PreflightOptions,
): Promise<AccountPlan> {
  await assertPermissions(spec, o.deployment, o.role);
  try {
    return await assertAccountFits(nc, spec, {
      streams: o.streams ?? NATSGH_STREAM_IDS,
      sizes: o.sizes,
      replicas: o.replicas,
      durable: o.durable,
    });
  } catch (err) {
    if (err instanceof NatsghError) throw err;
    throw (
      natsErrorFor(err, { deployment: o.deployment }) ??
      new NatsghError(`cannot read the account's JetStream limits: ${errorMessage(err)}`, {
        code: 'jetstream_unavailable',
        cause: err,
        suggestions: [
          "Check that JetStream is enabled for the account (Synadia Cloud: the account's JetStream limits) and, with --js-domain, that the domain is right.",
          '`natsgh doctor` checks JetStream for the configured account.',
        ],
      })
    );
  }
}
