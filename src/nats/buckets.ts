// Creates natsgh's KV buckets and streams idempotently and corrects drift:
// Kvm.create on an existing bucket keeps its old configuration (NATS-NOTES),
// so the backing stream is compared and updated.

import type { StreamConfig, StreamInfo } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstreamOptions, type NatsConnectionSpec } from './connect.js';

export interface BucketSpec {
  bucket: string;
  /** Bucket TTL in ms (0 = keep forever); for natsgh_locks this is the lease. */
  ttlMs?: number;
  history?: number;
  replicas?: number;
  description?: string;
}

export async function ensureKvBucket(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  b: BucketSpec,
): Promise<KV> {
  const { jetstream, jetstreamManager } = await import('@nats-io/jetstream');
  const { Kvm } = await import('@nats-io/kv');
  const js = jetstream(nc, jetstreamOptions(spec));
  const kvm = new Kvm(js);
  const kv = await kvm.create(b.bucket, {
    history: b.history ?? 1,
    ttl: b.ttlMs ?? 0,
    replicas: b.replicas ?? 1,
    description: b.description,
  });
  const jsm = await jetstreamManager(nc, jetstreamOptions(spec));
  const info = await jsm.streams.info(`KV_${b.bucket}`);
  const maxAge = (b.ttlMs ?? 0) * 1_000_000;
  const want: Partial<StreamConfig> = {
    max_age: maxAge,
    // The duplicate window may not exceed max_age (NATS-NOTES).
    duplicate_window:
      maxAge > 0 ? Math.min(info.config.duplicate_window || maxAge, maxAge) : info.config.duplicate_window,
    max_msgs_per_subject: b.history ?? 1,
    num_replicas: b.replicas ?? info.config.num_replicas,
  };
  await correctDrift(jsm, info, want);
  return kv;
}

/** Creates the stream, or updates it when its configuration drifted from `config`. */
export async function ensureStream(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  config: Partial<StreamConfig> & { name: string; subjects: string[] },
): Promise<StreamInfo> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const jsm = await jetstreamManager(nc, jetstreamOptions(spec));
  let info: StreamInfo;
  try {
    info = await jsm.streams.info(config.name);
  } catch (err) {
    if (!/not found/i.test(String((err as Error).message))) throw err;
    return jsm.streams.add(config);
  }
  return correctDrift(jsm, info, config);
}

async function correctDrift(
  jsm: Awaited<ReturnType<typeof import('@nats-io/jetstream').jetstreamManager>>,
  info: StreamInfo,
  want: Partial<StreamConfig>,
): Promise<StreamInfo> {
  const drifted = Object.entries(want).some(([k, v]) => {
    if (v === undefined) return false;
    const have = (info.config as unknown as Record<string, unknown>)[k];
    return JSON.stringify(have) !== JSON.stringify(v);
  });
  if (!drifted) return info;
  return jsm.streams.update(info.config.name, { ...info.config, ...want });
}
