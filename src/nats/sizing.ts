// The one sizing table of every stream and KV bucket natsgh creates: its byte
// ceiling (max_bytes) and, where its data has a lifetime, its age limit.
// Managed accounts (Synadia Cloud) refuse a stream without max_bytes when the
// account sets "max bytes required", cap each stream and the account's total,
// so every stream declares its size, from defaults that fit a small account
// (372 MiB in all, on disk only), lowered with --stream-max-bytes (a cap on
// every stream) or per stream in the config file (nats.streams.<id>.maxBytes).
import type { NatsghConfig } from '../config/keys.js';
import { UsageError } from '../errors.js';
import {
  BUCKET_CHECKPOINTS,
  BUCKET_DELIVERIES,
  BUCKET_LOCKS,
  LOCK_LEASE_MS,
  STREAM_GITHUB_EVENTS,
  STREAM_NATSGH_EVENTS,
} from './names.js';

export const NATSGH_STREAM_IDS = [
  'githubEvents',
  'natsghEvents',
  'checkpoints',
  'locks',
  'deliveries',
] as const;
export type NatsghStreamId = (typeof NATSGH_STREAM_IDS)[number];

const KiB = 1024;
const MiB = 1024 * KiB;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface StreamSizingRow {
  /** The JetStream stream (a KV bucket's is KV_<bucket>). */
  stream: string;
  /** The KV bucket, for buckets. */
  bucket?: string;
  what: string;
  /** Default max_bytes. */
  maxBytes: number;
  /** max_age in ms; 0 = kept until the byte limit pushes it out (checkpoints). */
  maxAgeMs: number;
  /** The config file key and flag that override max_bytes for this stream alone. */
  key: string;
  flag: string;
}

/** The table. Storage is always file: natsgh uses no memory storage, so an account without memory works. */
export const STREAM_SIZING: Readonly<Record<NatsghStreamId, StreamSizingRow>> = {
  githubEvents: {
    stream: STREAM_GITHUB_EVENTS,
    what: 'GitHub events (github.events.<owner>.<repo>.<event>)',
    maxBytes: 256 * MiB,
    maxAgeMs: 7 * DAY_MS,
    key: 'nats.streams.githubEvents.maxBytes',
    flag: 'github-events-max-bytes',
  },
  natsghEvents: {
    stream: STREAM_NATSGH_EVENTS,
    what: "natsgh's own events (natsgh.events.<deployment>.<type>)",
    maxBytes: 64 * MiB,
    maxAgeMs: 30 * DAY_MS,
    key: 'nats.streams.natsghEvents.maxBytes',
    flag: 'natsgh-events-max-bytes',
  },
  checkpoints: {
    stream: `KV_${BUCKET_CHECKPOINTS}`,
    bucket: BUCKET_CHECKPOINTS,
    what: 'phase checkpoints (KV)',
    maxBytes: 16 * MiB,
    maxAgeMs: 0,
    key: 'nats.streams.checkpoints.maxBytes',
    flag: 'checkpoints-max-bytes',
  },
  locks: {
    stream: `KV_${BUCKET_LOCKS}`,
    bucket: BUCKET_LOCKS,
    what: 'leases (KV, TTL = lease)',
    maxBytes: 4 * MiB,
    maxAgeMs: LOCK_LEASE_MS,
    key: 'nats.streams.locks.maxBytes',
    flag: 'locks-max-bytes',
  },
  deliveries: {
    stream: `KV_${BUCKET_DELIVERIES}`,
    bucket: BUCKET_DELIVERIES,
    what: 'processed GitHub delivery ids (KV)',
    maxBytes: 32 * MiB,
    maxAgeMs: 7 * DAY_MS,
    key: 'nats.streams.deliveries.maxBytes',
    flag: 'deliveries-max-bytes',
  },
};

export interface StreamSize {
  maxBytes: number;
  maxAgeMs: number;
  /**
   * The user asked for this size (flag, env or config file). Only then is an
   * existing stream's max_bytes changed: a default never undoes a ceiling that
   * was halved to fit the server, or set by an earlier run's flag.
   */
  explicit: boolean;
}

export type StreamSizes = Readonly<Record<NatsghStreamId, StreamSize>>;

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: KiB,
  kb: KiB,
  kib: KiB,
  m: MiB,
  mb: MiB,
  mib: MiB,
  g: 1024 * MiB,
  gb: 1024 * MiB,
  gib: 1024 * MiB,
  t: 1024 * 1024 * MiB,
  tb: 1024 * 1024 * MiB,
  tib: 1024 * 1024 * MiB,
};

/** A size as written in flags and config: "268435456", "256MiB", "256M", "1.5GB" (binary units, as nats-server reads them). */
export const SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b?|b)?\s*$/i;

export function parseSize(text: string): number | undefined {
  const m = SIZE_PATTERN.exec(text);
  if (!m) return undefined;
  const bytes = Math.floor(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]);
  return Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
}

export function formatBytes(n: number): string {
  if (n < 0) return 'unlimited';
  for (const [unit, size] of [
    ['GiB', 1024 * MiB],
    ['MiB', MiB],
    ['KiB', KiB],
  ] as const) {
    if (n >= size) {
      const v = n / size;
      return `${Number.isInteger(v) ? v : v.toFixed(1)} ${unit}`;
    }
  }
  return `${n} B`;
}

/** The size flag value for a byte count, rounded down to what the flag can say ("48MiB"). */
export function sizeFlagValue(n: number): string {
  if (n >= MiB) return `${Math.floor(n / MiB)}MiB`;
  return `${Math.max(1, Math.floor(n / KiB))}KiB`;
}

function sizeOf(text: string, where: string): number {
  const bytes = parseSize(text);
  if (bytes === undefined) {
    throw new UsageError(`${where} is "${text}", expected a size such as 64MiB or 1GiB`, {
      code: 'config_invalid',
      suggestions: [`Set ${where} to a positive size: bytes, or a number with KiB, MiB or GiB.`],
    });
  }
  return bytes;
}

/**
 * The size of each stream for this configuration: the table's default, capped
 * by nats.streamMaxBytes (--stream-max-bytes), replaced by the stream's own
 * nats.streams.<id>.maxBytes. Without a configuration: the defaults.
 */
export function streamSizes(config?: Pick<NatsghConfig, 'nats'>): StreamSizes {
  const cap = config?.nats.streamMaxBytes
    ? sizeOf(config.nats.streamMaxBytes, '--stream-max-bytes (nats.streamMaxBytes)')
    : undefined;
  const out = {} as Record<NatsghStreamId, StreamSize>;
  for (const id of NATSGH_STREAM_IDS) {
    const row = STREAM_SIZING[id];
    const own = config?.nats.streams?.[id]?.maxBytes;
    const maxBytes = own
      ? sizeOf(own, `--${row.flag} (${row.key})`)
      : cap !== undefined
        ? Math.min(row.maxBytes, cap)
        : row.maxBytes;
    out[id] = { maxBytes, maxAgeMs: row.maxAgeMs, explicit: Boolean(own) || cap !== undefined };
  }
  return out;
}

/** The size settings as environment variables, for a controller started elsewhere (container, pod). */
export function streamSizeEnv(config: Pick<NatsghConfig, 'nats'>): Record<string, string> {
  const env: Record<string, string> = {};
  if (config.nats.streamMaxBytes) env.NATSGH_STREAM_MAX_BYTES = config.nats.streamMaxBytes;
  for (const id of NATSGH_STREAM_IDS) {
    const own = config.nats.streams?.[id]?.maxBytes;
    if (own) env[`NATSGH_${STREAM_SIZING[id].flag.toUpperCase().replaceAll('-', '_')}`] = own;
  }
  return env;
}

/** The stream id of a stream name, when it is one of natsgh's. */
export function streamIdOf(stream: string): NatsghStreamId | undefined {
  return NATSGH_STREAM_IDS.find((id) => STREAM_SIZING[id].stream === stream);
}
