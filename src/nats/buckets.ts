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
import { natsErrorFor } from './nats-errors.js';
import { type NatsghStreamId, STREAM_SIZING, type StreamSizes, streamSizes } from './sizing.js';
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
  /**
   * The max_bytes asked for was chosen by the user (sizing.ts): only then is an
   * existing stream's ceiling changed. Otherwise a stream without one gets it,
   * and one with a ceiling (perhaps halved to fit the server) keeps it.
   */
  explicitMaxBytes?: boolean;
}

export interface BucketSpec {
  bucket: string;
  /** Bucket TTL in ms (0 = keep forever); for natsgh_locks this is the lease. */
  ttlMs?: number;
  /** The bucket's byte ceiling (its stream's max_bytes); from the sizing table (sizing.ts). */
  maxBytes?: number;
  /** maxBytes was chosen by the user (see EnsureOptions.explicitMaxBytes). */
  explicitMaxBytes?: boolean;
  history?: number;
  replicas?: number;
  description?: string;
}

/** How long the controller remembers a processed GitHub delivery id (redeliveries come later than the stream's window). */
export const DELIVERIES_TTL_MS = STREAM_SIZING.deliveries.maxAgeMs;

function sizedBucket(id: NatsghStreamId, sizes: StreamSizes | undefined, replicas: number | undefined) {
  const size = (sizes ?? streamSizes())[id];
  const ttlMs = STREAM_SIZING[id].maxAgeMs;
  return {
    bucket: STREAM_SIZING[id].bucket!,
    ...(ttlMs > 0 ? { ttlMs } : {}),
    maxBytes: size.maxBytes,
    explicitMaxBytes: size.explicit,
    replicas,
  };
}

export function checkpointsBucket(replicas?: number, sizes?: StreamSizes): BucketSpec {
  return {
    ...sizedBucket('checkpoints', sizes, replicas),
    history: 5,
    description: 'natsgh phase checkpoints',
  };
}

export function locksBucket(replicas?: number, sizes?: StreamSizes): BucketSpec {
  return {
    ...sizedBucket('locks', sizes, replicas),
    description: 'natsgh leases: runs and per-repo regenerations (TTL = lease)',
  };
}

export function deliveriesBucket(replicas?: number, sizes?: StreamSizes): BucketSpec {
  return {
    ...sizedBucket('deliveries', sizes, replicas),
    description: 'GitHub delivery ids the controller processed',
  };
}

const alreadyInUse = (err: unknown) => /already in use/i.test(String((err as Error)?.message));

/** Permissions violations and account limits as errors a person can act on (nats-errors.ts). */
async function actionable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw natsErrorFor(err) ?? err;
  }
}

export function ensureKvBucket(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  b: BucketSpec,
  opts: EnsureOptions = {},
): Promise<KV> {
  return actionable(() => ensureKvBucketAs(nc, spec, b, opts));
}

async function ensureKvBucketAs(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  b: BucketSpec,
  opts: EnsureOptions,
): Promise<KV> {
  const { jetstream, jetstreamManager } = await import('@nats-io/jetstream');
  const { Kvm } = await import('@nats-io/kv');
  const js = jetstream(nc, jetstreamOptions(spec));
  const kvm = new Kvm(js);
  let maxBytes = b.maxBytes ?? STREAM_SIZING.checkpoints.maxBytes;
  // The byte ceiling is halved while the server cannot reserve it (a small disk), as for streams.
  const create = () =>
    withFittingMaxBytes({ name: `KV_${b.bucket}`, max_bytes: maxBytes }, (c) => {
      maxBytes = c.max_bytes ?? maxBytes;
      return kvm.create(b.bucket, {
        history: b.history ?? 1,
        ttl: b.ttlMs ?? 0,
        replicas: b.replicas ?? 1,
        description: b.description,
        max_bytes: maxBytes,
      });
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
    max_bytes: maxBytes,
    num_replicas: b.replicas,
  };
  await correctDrift(jsm, info, want, {
    ...opts,
    explicitMaxBytes: b.explicitMaxBytes ?? opts.explicitMaxBytes,
  });
  return kv;
}

/**
 * Creates the stream, or updates it when its configuration drifted from
 * `config`; `num_replicas` is only raised (see the top of this file).
 */
export function ensureStream(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  config: Partial<StreamConfig> & { name: string; subjects: string[] },
  opts: EnsureOptions = {},
): Promise<StreamInfo> {
  return actionable(() => ensureStreamAs(nc, spec, config, opts));
}

async function ensureStreamAs(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  config: Partial<StreamConfig> & { name: string; subjects: string[] },
  opts: EnsureOptions,
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
  // A ceiling the stream has (halved to fit, or set by the user) stays unless the user asks for another.
  if (!opts.explicitMaxBytes && (info.config.max_bytes ?? -1) > 0) delete rest.max_bytes;
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
