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

export async function ensureControllerStreams(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  opts: EnsureOptions & { replicas: number },
): Promise<{ deliveries: KV; locks: KV }> {
  const { replicas, warn } = opts;
  await ensureGithubEventsStream(nc, spec, { replicas, warn });
  await ensureEventsStream(nc, spec, { replicas, warn });
  const deliveries = await ensureKvBucket(nc, spec, deliveriesBucket(replicas), { warn });
  const locks = await ensureKvBucket(nc, spec, locksBucket(replicas), { warn });
  return { deliveries, locks };
}
