// Creates natsgh's KV buckets and streams idempotently and corrects drift:
// Kvm.create on an existing bucket keeps its old configuration (NATS-NOTES),
// so the backing stream is compared and updated.
//
// Replicas come from one place, deploymentReplicas(config), and are only ever
// raised on an existing stream or bucket, never lowered: a process that knows
// less about the deployment (a controller container without the cluster's
// settings, a single-server default) must not take away the redundancy the
// bootstrap gave it. A raise that the cluster cannot carry out right now (a
// node down) is reported through `warn` and leaves the stream as it is; the
// next bootstrap or controller start tries again.

import type { StreamConfig, StreamInfo } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import type { NatsghConfig } from '../config/keys.js';
import { jetstreamOptions, type NatsConnectionSpec } from './connect.js';
import { BUCKET_CHECKPOINTS, BUCKET_DELIVERIES, BUCKET_LOCKS, LOCK_LEASE_MS } from './names.js';
import { withFittingMaxBytes } from './stream-storage.js';

/** natsgh keeps at most this many copies of a stream, however large the cluster (R3). */
export const MAX_REPLICAS = 3;

/**
 * Replicas of every stream and KV bucket natsgh creates in this deployment:
 * R3 on a self-hosted cluster (never more than it has servers), 1 on a single
 * server, a hybrid leaf node or Synadia (which places its streams itself).
 */
export function deploymentReplicas(config: {
  natsType: NatsghConfig['natsType'];
  nats: Pick<NatsghConfig['nats'], 'replicas'>;
}): number {
  if (config.natsType !== 'self_hosted_cluster') return 1;
  return Math.max(1, Math.min(MAX_REPLICAS, config.nats.replicas));
}

export interface EnsureOptions {
  /** Told when an existing stream keeps fewer replicas than asked for (the raise failed). */
  warn?: (message: string) => void;
}

export interface BucketSpec {
  bucket: string;
  /** Bucket TTL in ms (0 = keep forever); for natsgh_locks this is the lease. */
  ttlMs?: number;
  history?: number;
  replicas?: number;
  description?: string;
}

/** How long the controller remembers a processed GitHub delivery id (redeliveries come later than the stream's window). */
export const DELIVERIES_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function checkpointsBucket(replicas?: number): BucketSpec {
  return { bucket: BUCKET_CHECKPOINTS, history: 5, replicas, description: 'natsgh phase checkpoints' };
}

export function locksBucket(replicas?: number): BucketSpec {
  return {
    bucket: BUCKET_LOCKS,
    ttlMs: LOCK_LEASE_MS,
    replicas,
    description: 'natsgh leases: runs and per-repo regenerations (TTL = lease)',
  };
}

export function deliveriesBucket(replicas?: number): BucketSpec {
  return {
    bucket: BUCKET_DELIVERIES,
    ttlMs: DELIVERIES_TTL_MS,
    replicas,
    description: 'GitHub delivery ids the controller processed',
  };
}

const alreadyInUse = (err: unknown) => /already in use/i.test(String((err as Error)?.message));

export async function ensureKvBucket(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  b: BucketSpec,
  opts: EnsureOptions = {},
): Promise<KV> {
  const { jetstream, jetstreamManager } = await import('@nats-io/jetstream');
  const { Kvm } = await import('@nats-io/kv');
  const js = jetstream(nc, jetstreamOptions(spec));
  const kvm = new Kvm(js);
  const create = () =>
    kvm.create(b.bucket, {
      history: b.history ?? 1,
      ttl: b.ttlMs ?? 0,
      replicas: b.replicas ?? 1,
      description: b.description,
    });
  // Another process creating the same bucket at the same moment wins the add; open what it made.
  const kv = await create().catch((err) => {
    if (alreadyInUse(err)) return create();
    throw err;
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
    num_replicas: b.replicas,
  };
  await correctDrift(jsm, info, want, opts);
  return kv;
}

/**
 * Creates the stream, or updates it when its configuration drifted from
 * `config`; `num_replicas` is only raised (see the top of this file).
 */
export async function ensureStream(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  config: Partial<StreamConfig> & { name: string; subjects: string[] },
  opts: EnsureOptions = {},
): Promise<StreamInfo> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const jsm = await jetstreamManager(nc, jetstreamOptions(spec));
  let info: StreamInfo;
  try {
    info = await jsm.streams.info(config.name);
  } catch (err) {
    if (!/not found/i.test(String((err as Error).message))) throw err;
    try {
      // The byte ceiling is halved while the server cannot reserve it (a small disk).
      return await withFittingMaxBytes(config, (c) => jsm.streams.add(c));
    } catch (addErr) {
      // Created by another process in between (with other settings): converge on it instead.
      if (!alreadyInUse(addErr)) throw addErr;
      info = await jsm.streams.info(config.name);
    }
  }
  return correctDrift(jsm, info, config, opts);
}

async function correctDrift(
  jsm: Awaited<ReturnType<typeof import('@nats-io/jetstream').jetstreamManager>>,
  info: StreamInfo,
  want: Partial<StreamConfig>,
  opts: EnsureOptions,
): Promise<StreamInfo> {
  const { num_replicas: replicas, ...rest } = want;
  const drifted = Object.entries(rest).some(([k, v]) => {
    if (v === undefined) return false;
    const have = (info.config as unknown as Record<string, unknown>)[k];
    return JSON.stringify(have) !== JSON.stringify(v);
  });
  if (drifted) {
    info = await withFittingMaxBytes({ ...info.config, ...rest }, (c) =>
      jsm.streams.update(info.config.name, c),
    );
  }
  const have = info.config.num_replicas || 1;
  if (replicas === undefined || replicas <= have) return info;
  let raised: StreamInfo;
  try {
    raised = await jsm.streams.update(info.config.name, { ...info.config, num_replicas: replicas });
  } catch (err) {
    opts.warn?.(
      `${info.config.name} keeps ${have} replica(s): raising it to ${replicas} failed (${(err as Error).message}); the next bootstrap or controller start tries again`,
    );
    return info;
  }
  return waitForLeader(jsm, raised, opts);
}

/** How long a stream may take to elect a leader after its replicas were raised. */
const RAISE_LEADER_WAIT_MS = 10_000;

/**
 * A stream whose replicas were just raised has no leader for a moment (~0.5 s
 * on loopback), and every publish to it, a KV create included, fails with "no
 * responders" ("jetstream is not enabled") until it has one: wait for it.
 */
async function waitForLeader(
  jsm: Awaited<ReturnType<typeof import('@nats-io/jetstream').jetstreamManager>>,
  info: StreamInfo,
  opts: EnsureOptions,
): Promise<StreamInfo> {
  const deadline = Date.now() + RAISE_LEADER_WAIT_MS;
  let current = info;
  while (!current.cluster?.leader) {
    if (Date.now() > deadline) {
      opts.warn?.(
        `${info.config.name} has no leader ${RAISE_LEADER_WAIT_MS / 1000}s after its replicas were raised to ${info.config.num_replicas}`,
      );
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
    current = await jsm.streams.info(info.config.name).catch(() => current);
  }
  return current;
}
