// Follows NATSGH_EVENTS with an ordered consumer and hands each decoded event to
// a callback, until the signal aborts, --max events arrived, or nothing arrived
// for --idle-exit. Also turns an event into one readable line.
import type { NatsConnection } from '@nats-io/nats-core';
import type { NatsghConfig } from '../config/keys.js';
import { UsageError } from '../errors.js';
import { deploymentReplicas } from '../nats/buckets.js';
import {
  connectionSpecFromConfig,
  connectNats,
  jetstreamOptions,
  type NatsConnectionSpec,
} from '../nats/connect.js';
import { STREAM_NATSGH_EVENTS } from '../nats/names.js';
import { type StreamSizes, streamSizes } from '../nats/sizing.js';
import { type DecodedEvent, decodeEvent } from './builders.js';
import { ensureEventsStream } from './publisher.js';

export interface TailedEvent {
  seq: number;
  subject: string;
  /** Subject type token (phase, deployment, ...). */
  type: string;
  deployment: string;
  id: string;
  time: string;
  source: string;
  payloadType: string;
  /** The payload as a plain object; undefined for a payload type this natsgh does not know. */
  message: Record<string, unknown> | undefined;
}

export interface TailOptions {
  deployment: string;
  /** Subject type tokens to show; empty = all. */
  types: string[];
  /** Where to start: new events only (undefined), a start time, or a stream sequence. */
  since?: { time: Date } | { seq: number };
  /** Stop after this many events. */
  max?: number;
  /** Stop when no event arrived for this long. */
  idleExitMs?: number;
  signal?: AbortSignal;
  onEvent(event: TailedEvent): void;
  /** Called once the consumer exists, before the first event. */
  onReady?(filter: string): void;
  /** Replicas of NATSGH_EVENTS when this creates it (the deployment's, deploymentReplicas; default 1). */
  replicas?: number;
  /** Sizes of natsgh's streams (streamSizes(config)). */
  sizes?: StreamSizes;
}

export type Since = { time: Date } | { seq: number };

const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a duration such as "500ms", "30s", "10m", "2h", "1d", "1h30m". */
export function parseDurationMs(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let matched = 0;
  for (const m of text.trim().matchAll(re)) {
    total += Number(m[1]) * UNITS_MS[m[2]];
    matched += m[0].length;
  }
  return matched > 0 && matched === text.trim().length ? total : undefined;
}

/** --since: a duration back from now ("10m") or a stream sequence ("1234"). */
export function parseSince(text: string, nowMs = Date.now()): Since {
  if (/^\d+$/.test(text.trim())) return { seq: Number(text.trim()) };
  const ms = parseDurationMs(text);
  if (ms === undefined) {
    throw new UsageError(
      `--since "${text}" is neither a duration (10m, 2h, 1d) nor a stream sequence number`,
      {
        code: 'since_invalid',
        suggestions: ['natsgh events tail --since 10m', 'natsgh events tail --since 1'],
      },
    );
  }
  return { time: new Date(nowMs - ms) };
}

export async function tailEvents(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  opts: TailOptions,
): Promise<{ count: number }> {
  const { jetstream } = await import('@nats-io/jetstream');
  await ensureEventsStream(nc, spec, { replicas: opts.replicas, sizes: opts.sizes });
  const filter = `natsgh.events.${opts.deployment}.>`;
  const since = opts.since;
  const consumer = await jetstream(nc, jetstreamOptions(spec)).consumers.get(STREAM_NATSGH_EVENTS, {
    filter_subjects: filter,
    ...(since === undefined
      ? { deliver_policy: 'new' as never }
      : 'seq' in since
        ? { deliver_policy: 'by_start_sequence' as never, opt_start_seq: Math.max(1, since.seq) }
        : { deliver_policy: 'by_start_time' as never, opt_start_time: since.time.toISOString() }),
  });
  const messages = await consumer.consume();
  let count = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (idleTimer) clearTimeout(idleTimer);
    messages.stop();
  };
  const armIdle = () => {
    if (!opts.idleExitMs) return;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(stop, opts.idleExitMs);
  };
  if (opts.signal?.aborted) stop();
  opts.signal?.addEventListener('abort', stop, { once: true });
  armIdle();
  opts.onReady?.(filter);
  try {
    for await (const m of messages) {
      armIdle();
      const type = m.subject.split('.').slice(3).join('.');
      if (opts.types.length > 0 && !opts.types.includes(type)) continue;
      let decoded: DecodedEvent | undefined;
      try {
        decoded = decodeEvent(m.data);
      } catch {
        decoded = undefined;
      }
      opts.onEvent({
        seq: m.seq,
        subject: m.subject,
        type,
        deployment: decoded?.envelope.deployment || opts.deployment,
        id: decoded?.envelope.id ?? m.headers?.get('Nats-Msg-Id') ?? '',
        time: new Date(decoded?.envelope.time_unix_ms || m.info.timestampNanos / 1e6).toISOString(),
        source: decoded?.envelope.source ?? '',
        payloadType: decoded?.typeName ?? 'undecodable',
        message: decoded?.message,
      });
      count++;
      if (opts.max !== undefined && count >= opts.max) break;
    }
  } finally {
    stop();
    opts.signal?.removeEventListener('abort', stop);
  }
  return { count };
}

/** Connects with the configuration, tails, and closes the connection. */
export async function followEvents(
  config: NatsghConfig,
  opts: Omit<TailOptions, 'deployment'> & { deployment?: string },
): Promise<{ count: number }> {
  const spec = connectionSpecFromConfig(config);
  const nc = await connectNats(spec, { name: 'natsgh-events-tail', reconnectForever: true });
  try {
    return await tailEvents(nc, spec, {
      replicas: deploymentReplicas(config),
      sizes: streamSizes(config),
      ...opts,
      deployment: opts.deployment ?? config.deployment,
    });
  } finally {
    await nc.close();
  }
}

/** One readable line: time, deployment, type, then what happened. */
export function describeEvent(e: TailedEvent): string {
  const m = (e.message ?? {}) as Record<string, any>;
  const enumName = (v: unknown, prefix: string) =>
    String(v ?? '')
      .replace(prefix, '')
      .toLowerCase();
  let what: string;
  switch (e.payloadType) {
    case 'natsgh.v1.PhaseEvent':
      what = `${m.phase_id} ${enumName(m.transition, 'PHASE_TRANSITION_')}${m.duration_ms ? ` in ${m.duration_ms} ms` : ''}${m.reason ? `: ${m.reason}` : ''} (run ${m.run_id})`;
      break;
    case 'natsgh.v1.NatsDeploymentEvent':
      what = `${enumName(m.change, 'DEPLOYMENT_CHANGE_')} ${m.nats_type} in ${m.mode} at ${(m.urls ?? []).join(',')}${m.jetstream_domain ? ` domain ${m.jetstream_domain}` : ''}, ${m.cluster_size} server(s)${(m.servers ?? []).length ? ` v${[...new Set((m.servers as any[]).map((s) => s.version))].join(',')}` : ''}`;
      break;
    case 'natsgh.v1.ClusterEvent':
      what = `${enumName(m.change, 'CLUSTER_CHANGE_')}${m.node ? ` ${m.node}` : ''} size ${m.size_before}->${m.size_after}${m.meta_leader ? ` leader ${m.meta_leader}` : ''}`;
      break;
    case 'natsgh.v1.TerraformStateEvent':
      what = `${m.action} workspace ${m.workspace} serial ${m.serial} lineage ${m.lineage} ${m.resource_count} resource(s) outputs ${String(m.outputs_digest).slice(0, 12)}`;
      break;
    case 'natsgh.v1.FilesGeneratedEvent':
      what = `${(m.files ?? []).length} file(s) for ${m.repo} to ${m.target}${m.commit ? ` commit ${String(m.commit).slice(0, 12)}` : ''}${m.changed ? '' : ' (unchanged)'}`;
      break;
    case 'natsgh.v1.ControllerHeartbeat':
      what = `controller ${m.instance_id} on ${m.host} beat ${m.beat}, ${m.events_processed} event(s), ${m.commits_made} commit(s), ${m.pending} pending${m.last_error ? `, last error: ${m.last_error}` : ''}`;
      break;
    case 'natsgh.v1.SynadiaCloudConfig':
      what = `account ${m.account_public_key} at ${m.url}, creds ${m.creds_fingerprint}`;
      break;
    default:
      what = `${e.payloadType} ${e.id}`;
  }
  return `${e.time}  ${e.deployment}  ${e.type.padEnd(10)} ${what}`;
}
