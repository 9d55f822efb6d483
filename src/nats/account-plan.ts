// Plans natsgh's streams, buckets and consumers against the account before
// creating anything: reads the account's JetStream info ($JS.API.INFO: limits,
// max_bytes_required, the per-stream maximum, storage in use, stream and
// consumer counts; the R1/R3 tier when the account has tiered limits) and the
// streams already there (what they reserve), and says whether natsgh fits.
// When it does not, the error names the limit, what natsgh needs, and the flag
// that lowers it, and nothing has been changed yet.
import type { AccountLimits, JetStreamAccountStats } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { NatsghError } from '../errors.js';
import { jetstreamOptions, type NatsConnectionSpec } from './connect.js';
import { STREAM_GITHUB_EVENTS } from './names.js';
import {
  formatBytes,
  NATSGH_STREAM_IDS,
  type NatsghStreamId,
  STREAM_SIZING,
  type StreamSizes,
  sizeFlagValue,
} from './sizing.js';

export interface ExistingStream {
  name: string;
  maxBytes: number;
  storage: 'file' | 'memory';
  replicas: number;
  consumers: number;
}

export interface AccountSnapshot {
  /** The limits that apply to natsgh's streams (the R<replicas> tier when the account is tiered). */
  limits: AccountLimits;
  tier?: string;
  usage: { storage: number; memory: number; streams: number; consumers: number };
  streams: ExistingStream[];
}

/** Reads the account's JetStream info and its streams (max_bytes, consumers). */
export async function readAccount(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  replicas = 1,
): Promise<AccountSnapshot> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const jsm = await jetstreamManager(nc, { ...jetstreamOptions(spec), timeout: 5000 });
  const info: JetStreamAccountStats = await jsm.getAccountInfo();
  const tierName = `R${replicas}` as const;
  const tier = info.tiers?.[tierName];
  // A tiered account (Synadia Cloud) reports zero top-level limits and the real ones per tier.
  const useTier = tier && isEmptyLimits(info.limits);
  const streams: ExistingStream[] = [];
  if (info.streams > 0) {
    for await (const s of jsm.streams.list()) {
      streams.push({
        name: s.config.name,
        maxBytes: s.config.max_bytes ?? -1,
        storage: s.config.storage === 'memory' ? 'memory' : 'file',
        replicas: s.config.num_replicas || 1,
        consumers: s.state.consumer_count ?? 0,
      });
    }
  }
  return {
    limits: useTier ? tier.limits : info.limits,
    tier: useTier ? tierName : undefined,
    usage: {
      storage: (useTier ? tier : info).storage,
      memory: (useTier ? tier : info).memory,
      streams: info.streams,
      consumers: info.consumers,
    },
    streams,
  };
}

function isEmptyLimits(l: AccountLimits | undefined): boolean {
  return !l || (l.max_storage === 0 && l.max_memory === 0 && l.max_streams === 0 && l.max_consumers === 0);
}

export interface PlanNeeds {
  /** Which of natsgh's streams this process creates (all for bootstrap and the controller). */
  streams: readonly NatsghStreamId[];
  sizes: StreamSizes;
  replicas: number;
  /** Durable consumers it adds (the controller's, on GITHUB_EVENTS). */
  durable?: string;
}

export interface PlannedStream {
  id: NatsghStreamId;
  stream: string;
  /** The max_bytes natsgh will use for it. */
  maxBytes: number;
  exists: boolean;
}

export interface PlanProblem {
  /** The account limit, as the account JWT / Synadia Cloud names it. */
  limit: string;
  message: string;
  suggestions: string[];
}

export interface AccountPlan {
  fits: boolean;
  problems: PlanProblem[];
  streams: PlannedStream[];
  /** Bytes of file storage natsgh's streams reserve (max_bytes x replicas). */
  natsghBytes: number;
  /** Bytes reserved (or, without max_bytes, used) by the account's other streams. */
  othersBytes: number;
  newStreams: number;
  /** The largest ack window the account allows a consumer (natsgh's controller asks for up to 1000). */
  maxAckPending: number;
  /** One line per limit: the account's value beside what natsgh uses (doctor). */
  rows: string[];
  tier?: string;
}

/** The controller's consumer asks for this many outstanding acks, less when the account allows fewer. */
export const CONTROLLER_MAX_ACK_PENDING = 1000;

const unlimited = (n: number | undefined) => n === undefined || n < 0;

/** The largest per-stream cap c with sum(min(size, c)) <= budget, in whole MiB (0 = none fits). */
function capThatFits(sizes: number[], budget: number): number {
  const MiB = 1024 * 1024;
  let best = 0;
  for (let c = MiB; c <= Math.max(...sizes); c += MiB) {
    if (sizes.reduce((sum, s) => sum + Math.min(s, c), 0) <= budget) best = c;
    else break;
  }
  return best;
}

export function planAgainstAccount(account: AccountSnapshot, needs: PlanNeeds): AccountPlan {
  const l = account.limits;
  const byName = new Map(account.streams.map((s) => [s.name, s]));
  const ids = NATSGH_STREAM_IDS.filter((id) => needs.streams.includes(id));
  const planned: PlannedStream[] = ids.map((id) => {
    const existing = byName.get(STREAM_SIZING[id].stream);
    const size = needs.sizes[id];
    // An existing ceiling stays unless the user asked for another (buckets.ts).
    const maxBytes = existing && existing.maxBytes > 0 && !size.explicit ? existing.maxBytes : size.maxBytes;
    return { id, stream: STREAM_SIZING[id].stream, maxBytes, exists: Boolean(existing) };
  });
  const ours = new Set(ids.map((id) => STREAM_SIZING[id].stream));
  const others = account.streams.filter((s) => !ours.has(s.name) && s.storage === 'file');
  // The server reserves max_bytes x replicas; a stream without max_bytes takes what it stores (not known per stream here).
  const othersBytes = others.reduce((sum, s) => sum + (s.maxBytes > 0 ? s.maxBytes * s.replicas : 0), 0);
  const natsghBytes = planned.reduce((sum, s) => sum + s.maxBytes * needs.replicas, 0);
  const newStreams = planned.filter((s) => !s.exists).length;
  const problems: PlanProblem[] = [];
  const rows: string[] = [];
  const lowerFlag = (bytes: number) => `--stream-max-bytes ${sizeFlagValue(bytes)}`;

  // Disk.
  const maxStorage = l.max_storage;
  if (maxStorage === 0) {
    problems.push({
      limit: 'disk storage (disk_storage)',
      message: `the account has no JetStream disk storage (disk_storage 0); natsgh keeps ${planned.length} stream(s) on disk, ${formatBytes(natsghBytes)} in all`,
      suggestions: [
        "Give the account JetStream disk storage (Synadia Cloud: the account's JetStream limits; nsc edit account --js-disk-storage).",
      ],
    });
  } else if (!unlimited(maxStorage)) {
    const free = maxStorage - othersBytes;
    rows.push(
      `disk: natsgh reserves ${formatBytes(natsghBytes)} of ${formatBytes(maxStorage)} (other streams reserve ${formatBytes(othersBytes)})`,
    );
    if (natsghBytes > free) {
      const cap = capThatFits(
        planned.map((s) => s.maxBytes * needs.replicas),
        free,
      );
      problems.push({
        limit: 'disk storage (disk_storage)',
        message: `natsgh's ${planned.length} stream(s) (${planned.map((s) => `${s.stream} ${formatBytes(s.maxBytes)}`).join(', ')}) need ${formatBytes(natsghBytes)} of JetStream disk storage (max_bytes), and the account has ${formatBytes(Math.max(0, free))} left of ${formatBytes(maxStorage)} (its other streams reserve ${formatBytes(othersBytes)})`,
        suggestions:
          cap > 0
            ? [
                `Lower natsgh's stream sizes: ${lowerFlag(cap / needs.replicas)} (NATSGH_STREAM_MAX_BYTES), or per stream in the config file (nats.streams.<id>.maxBytes).`,
                'Or free storage in the account (delete streams you do not need) or raise its disk limit.',
              ]
            : ['Free storage in the account (delete streams you do not need) or raise its disk limit.'],
      });
    }
  } else {
    rows.push(`disk: natsgh reserves ${formatBytes(natsghBytes)} (the account's disk is unlimited)`);
  }

  // Per-stream maximum.
  const perStream = l.storage_max_stream_bytes;
  if (!unlimited(perStream) && perStream > 0) {
    const largest = Math.max(...planned.map((s) => s.maxBytes));
    rows.push(`per stream: at most ${formatBytes(perStream)}; natsgh's largest is ${formatBytes(largest)}`);
    for (const s of planned.filter((p) => p.maxBytes > perStream)) {
      const row = STREAM_SIZING[s.id];
      problems.push({
        limit: 'maximum stream size (disk_max_stream_bytes)',
        message: `${s.stream} needs max_bytes ${formatBytes(s.maxBytes)} and the account allows at most ${formatBytes(perStream)} per stream`,
        suggestions: [
          `Lower it: ${lowerFlag(perStream)} (every stream), or --${row.flag} ${sizeFlagValue(perStream)} (${row.key} in the config file).`,
        ],
      });
    }
  }
  rows.push(
    l.max_bytes_required
      ? 'max bytes required: yes (natsgh declares max_bytes on every stream)'
      : 'max bytes required: no (natsgh declares max_bytes on every stream anyway)',
  );

  // Streams.
  if (!unlimited(l.max_streams) && l.max_streams > 0) {
    const othersCount = account.usage.streams - planned.filter((s) => s.exists).length;
    rows.push(
      `streams: natsgh uses ${planned.length} of ${l.max_streams} (${othersCount} other stream(s) in the account)`,
    );
    if (othersCount + planned.length > l.max_streams) {
      problems.push({
        limit: 'streams (streams)',
        message: `natsgh needs ${planned.length} stream(s) (${planned.map((s) => s.stream).join(', ')}), ${newStreams} of them new, and the account allows ${l.max_streams} with ${account.usage.streams} in use`,
        suggestions: [
          'Delete streams the account does not need, or raise its stream limit (nsc edit account --js-streams; Synadia Cloud: the account limits).',
          'Deployments in one account share these streams: another deployment adds none.',
        ],
      });
    }
  } else {
    rows.push(`streams: natsgh uses ${planned.length} (the account's stream count is unlimited)`);
  }

  // Consumers: the server counts them per stream (checked on 2.9 and 2.10): the controller's durable on
  // GITHUB_EVENTS, plus one short-lived consumer at a time (tail, KV listings).
  if (!unlimited(l.max_consumers) && l.max_consumers > 0) {
    const github = byName.get(STREAM_GITHUB_EVENTS);
    const needsDurable = needs.durable !== undefined && ids.includes('githubEvents');
    const want = (needsDurable ? 1 : 0) + 1;
    rows.push(
      `consumers: natsgh uses up to ${want} per stream at a time, the account allows ${l.max_consumers} per stream (${onGithubText(byName.get(STREAM_GITHUB_EVENTS))})`,
    );
    const onGithub = github?.consumers ?? 0;
    if (needsDurable && onGithub + 1 > l.max_consumers) {
      problems.push({
        limit: 'consumers (consumer)',
        message: `the controller needs a durable consumer on ${STREAM_GITHUB_EVENTS}, which has ${onGithub} already, and the account allows ${l.max_consumers}`,
        suggestions: [
          'Delete consumers you do not need (nats consumer ls GITHUB_EVENTS), or raise the consumer limit.',
        ],
      });
    }
  }

  // Outstanding acks: adapted to, never a failure.
  const ackLimit = l.max_ack_pending;
  const maxAckPending =
    !unlimited(ackLimit) && ackLimit > 0
      ? Math.min(CONTROLLER_MAX_ACK_PENDING, ackLimit)
      : CONTROLLER_MAX_ACK_PENDING;
  if (maxAckPending < CONTROLLER_MAX_ACK_PENDING) {
    rows.push(`ack pending: the controller asks for ${maxAckPending} (the account's maximum)`);
  }
  rows.push(
    `memory: natsgh uses none (all file storage); the account has ${unlimited(l.max_memory) ? 'unlimited' : formatBytes(l.max_memory)}`,
  );

  return {
    fits: problems.length === 0,
    problems,
    streams: planned,
    natsghBytes,
    othersBytes,
    newStreams,
    maxAckPending,
    rows,
    tier: account.tier,
  };
}

function onGithubText(github: ExistingStream | undefined): string {
  return github
    ? `${STREAM_GITHUB_EVENTS} has ${github.consumers}`
    : `${STREAM_GITHUB_EVENTS} does not exist yet`;
}

export function accountLimitsError(plan: AccountPlan): NatsghError {
  const [first, ...rest] = plan.problems;
  const message =
    plan.problems.length === 1
      ? `natsgh does not fit the NATS account's ${first.limit}: ${first.message}`
      : `natsgh does not fit the NATS account's limits: ${plan.problems.map((p) => `${p.limit}: ${p.message}`).join('; ')}`;
  return new NatsghError(`${message}. Nothing was created.`, {
    code: 'nats_account_limits',
    details: {
      limits: plan.problems.map((p) => p.limit),
      natsghBytes: plan.natsghBytes,
      streams: plan.streams.map((s) => ({ stream: s.stream, maxBytes: s.maxBytes, exists: s.exists })),
      ...(plan.tier ? { tier: plan.tier } : {}),
    },
    suggestions: [
      ...new Set([first, ...rest].flatMap((p) => p.suggestions)),
      "`natsgh doctor` shows the account's limits beside what natsgh uses.",
    ],
  });
}

/**
 * Reads the account and throws nats_account_limits when natsgh's streams and
 * consumers do not fit; returns the plan (its maxAckPending is for the controller).
 */
export async function assertAccountFits(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  needs: PlanNeeds,
): Promise<AccountPlan> {
  const account = await readAccount(nc, spec, needs.replicas);
  const plan = planAgainstAccount(account, needs);
  if (!plan.fits) throw accountLimitsError(plan);
  return plan;
}
