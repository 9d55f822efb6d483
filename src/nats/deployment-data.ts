// One account can hold several natsgh deployments (or organizations) side by
// side: they share natsgh's five streams and buckets, and everything of one
// deployment is scoped by its name (checkpoint and lock keys, its events'
// subjects, its controller's durable consumer and ping subject). `teardown
// --purge` on NATS natsgh does not run removes one deployment's share, and
// the shared streams only when no other deployment uses them.
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstreamOptions, type NatsConnectionSpec } from './connect.js';
import {
  BUCKET_CHECKPOINTS,
  BUCKET_DELIVERIES,
  controllerDurableName,
  STREAM_GITHUB_EVENTS,
  STREAM_NATSGH_EVENTS,
} from './names.js';
import { NATSGH_STREAM_IDS, STREAM_SIZING } from './sizing.js';

const notFound = (err: unknown) => /not found/i.test(String((err as Error)?.message));

/** The deployments that use the account's natsgh streams: checkpoints and controller consumers. */
export async function deploymentsInAccount(nc: NatsConnection, spec: NatsConnectionSpec): Promise<string[]> {
  const { jetstream, jetstreamManager } = await import('@nats-io/jetstream');
  const { Kvm } = await import('@nats-io/kv');
  const jsm = await jetstreamManager(nc, jetstreamOptions(spec));
  const found = new Set<string>();
  const hasCheckpoints = await jsm.streams.info(`KV_${BUCKET_CHECKPOINTS}`).then(
    () => true,
    () => false,
  );
  if (hasCheckpoints) {
    const kv = await new Kvm(jetstream(nc, jetstreamOptions(spec))).open(BUCKET_CHECKPOINTS);
    for await (const k of await kv.keys('*.phase.>')) found.add(k.split('.')[0]);
  }
  const prefix = controllerDurableName('');
  try {
    for await (const c of jsm.consumers.list(STREAM_GITHUB_EVENTS)) {
      const name = c.config.durable_name ?? c.name;
      if (name.startsWith(prefix)) found.add(name.slice(prefix.length));
    }
  } catch (err) {
    if (!notFound(err)) throw err;
  }
  return [...found].sort();
}

/**
 * Removes what belongs to `deployment` from the shared streams (its controller's
 * durable consumer, its events), then deletes natsgh's streams and buckets when
 * no other deployment uses them. Returns what it did, for the teardown report.
 */
export async function purgeDeploymentData(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  deployment: string,
): Promise<string> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const jsm = await jetstreamManager(nc, jetstreamOptions(spec));
  await jsm.consumers.delete(STREAM_GITHUB_EVENTS, controllerDurableName(deployment)).catch((err) => {
    if (!notFound(err)) throw err;
  });
  for (const [stream, filter] of [
    [STREAM_NATSGH_EVENTS, `natsgh.events.${deployment}.>`],
    [`KV_${BUCKET_DELIVERIES}`, `$KV.${BUCKET_DELIVERIES}.${deployment}.>`],
  ]) {
    await jsm.streams.purge(stream, { filter }).catch((err) => {
      if (!notFound(err)) throw err;
    });
  }
  const others = (await deploymentsInAccount(nc, spec)).filter((d) => d !== deployment);
  if (others.length > 0) {
    return `removed deployment ${deployment}'s consumer, events and processed deliveries; kept the shared streams and buckets (used by ${others.join(', ')})`;
  }
  const deleted: string[] = [];
  for (const id of NATSGH_STREAM_IDS) {
    const name = STREAM_SIZING[id].stream;
    const gone = await jsm.streams.delete(name).then(
      () => true,
      (err) => {
        if (notFound(err)) return false;
        throw err;
      },
    );
    if (gone) deleted.push(name);
  }
  return `deleted natsgh's streams and buckets (${deleted.join(', ') || 'none left'}): no other deployment uses them`;
}
