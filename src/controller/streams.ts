// What the controller keeps in NATS: GITHUB_EVENTS, NATSGH_EVENTS,
// natsgh_deliveries and natsgh_locks, at the deployment's replica count
// (deploymentReplicas). The controller ensures them at start-up; the bootstrap
// of a cluster ensures them too, because a controller in a container may be
// started without the cluster's settings (and so ask for 1 replica, which never
// lowers what is there, see buckets.ts).
import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { ensureEventsStream, ensureGithubEventsStream } from '../events/publisher.js';
import { deliveriesBucket, type EnsureOptions, ensureKvBucket, locksBucket } from '../nats/buckets.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import type { StreamSizes } from '../nats/sizing.js';

export async function ensureControllerStreams(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  opts: EnsureOptions & { replicas: number; sizes?: StreamSizes },
): Promise<{ deliveries: KV; locks: KV }> {
  const { replicas, warn, sizes } = opts;
  await ensureGithubEventsStream(nc, spec, { replicas, warn, sizes });
  await ensureEventsStream(nc, spec, { replicas, warn, sizes });
  const deliveries = await ensureKvBucket(nc, spec, deliveriesBucket(replicas, sizes), { warn });
  const locks = await ensureKvBucket(nc, spec, locksBucket(replicas, sizes), { warn });
  return { deliveries, locks };
}
