// The one publisher of natsgh events. Before NATS is up, publish() appends each
// event to a queue file in the state dir (one fsynced line per event, so a
// kill -9 loses nothing already published); attach() ensures NATSGH_EVENTS,
// flushes the queue in order with Nats-Msg-Id = event id and clears it only
// after every ack. After attach, publish() goes straight to JetStream.

import { mkdirSync } from 'node:fs';
import { appendFile, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StreamConfig, StreamInfo } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { InternalError } from '../errors.js';
import { type EnsureOptions, ensureStream } from '../nats/buckets.js';
import { jetstreamOptions, type NatsConnectionSpec } from '../nats/connect.js';
import { natsghEventSubject, STREAM_GITHUB_EVENTS, STREAM_NATSGH_EVENTS } from '../nats/names.js';
import { type StreamSizes, streamSizes } from '../nats/sizing.js';
import { EVENT_CONTENT_TYPE, SCHEMA_VERSION, stampEnvelope } from './builders.js';
import type { EventSink } from './sink.js';

export type QueuedEvent = Parameters<EventSink['publish']>[0];

export interface EventPublisher extends EventSink {
  /** Ensures NATSGH_EVENTS, flushes the queue in order, then publishes directly. */
  attach(nc: NatsConnection, spec: NatsConnectionSpec): Promise<{ flushed: number }>;
  readonly attached: boolean;
  /** Waits for publishes in flight; does not close the NATS connection (the caller owns it). */
  close(): Promise<void>;
}

export interface EventPublisherOptions {
  stateDir: string;
  deployment: string;
  /** Envelope source when a builder left it empty, e.g. "natsgh-cli/0.1.0". */
  source: string;
  /** Replicas of NATSGH_EVENTS when attach creates it (the deployment's, deploymentReplicas). */
  replicas?: number;
  /** Told when attach could not raise an existing NATSGH_EVENTS to `replicas`. */
  warn?: (message: string) => void;
  /** Sizes of natsgh's streams (streamSizes(config)); default: the sizing table's. */
  sizes?: StreamSizes;
}

const NS_PER_MS = 1_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Header names natsgh sets on every event it publishes. */
export const HEADER_SCHEMA_VERSION = 'Natsgh-Schema-Version';
export const HEADER_PAYLOAD_TYPE = 'Natsgh-Payload-Type';
export const HEADER_CONTENT_TYPE = 'Content-Type';

/** Stream limits of NATSGH_EVENTS. The duplicate window is long so that a re-run after a crash mid-flush does not store twice. */
export function eventsStreamConfig(
  replicas?: number,
  sizes: StreamSizes = streamSizes(),
): Partial<StreamConfig> & { name: string; subjects: string[] } {
  const size = sizes.natsghEvents;
  return {
    name: STREAM_NATSGH_EVENTS,
    description: 'natsgh events: natsgh.events.<deployment>.<type>, protobuf natsgh.v1.Envelope',
    subjects: ['natsgh.events.>'],
    retention: 'limits' as StreamConfig['retention'],
    storage: 'file' as StreamConfig['storage'],
    discard: 'old' as StreamConfig['discard'],
    max_age: size.maxAgeMs * NS_PER_MS,
    max_bytes: size.maxBytes,
    max_msg_size: 1024 * 1024,
    duplicate_window: Math.min(DAY_MS, size.maxAgeMs) * NS_PER_MS,
    ...(replicas ? { num_replicas: replicas } : {}),
  };
}

/** Stream limits of GITHUB_EVENTS (subjects github.events.<owner>.<repo>.<event>). */
export function githubEventsStreamConfig(
  replicas?: number,
  sizes: StreamSizes = streamSizes(),
): Partial<StreamConfig> & { name: string; subjects: string[] } {
  const size = sizes.githubEvents;
  return {
    name: STREAM_GITHUB_EVENTS,
    description: 'GitHub events: github.events.<owner>.<repo>.<event>, the raw JSON payload',
    subjects: ['github.events.>'],
    retention: 'limits' as StreamConfig['retention'],
    storage: 'file' as StreamConfig['storage'],
    discard: 'old' as StreamConfig['discard'],
    max_age: size.maxAgeMs * NS_PER_MS,
    max_bytes: size.maxBytes,
    // GitHub caps webhook payloads at 25 MB; the server's max_payload (1 MB by default) is the real limit.
    max_msg_size: -1,
    // Redeliveries can come later than this; the controller also dedupes in natsgh_deliveries.
    duplicate_window: 2 * 60 * 1000 * NS_PER_MS,
    ...(replicas ? { num_replicas: replicas } : {}),
  };
}

/** `replicas`: the deployment's (deploymentReplicas); an existing stream is only ever raised to it. */
export function ensureEventsStream(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  opts: EnsureOptions & { replicas?: number; sizes?: StreamSizes } = {},
): Promise<StreamInfo> {
  const sizes = opts.sizes ?? streamSizes();
  return ensureStream(nc, spec, eventsStreamConfig(opts.replicas, sizes), {
    ...opts,
    explicitMaxBytes: sizes.natsghEvents.explicit,
  });
}

/** `replicas`: the deployment's (deploymentReplicas); an existing stream is only ever raised to it. */
export function ensureGithubEventsStream(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  opts: EnsureOptions & { replicas?: number; sizes?: StreamSizes } = {},
): Promise<StreamInfo> {
  const sizes = opts.sizes ?? streamSizes();
  return ensureStream(nc, spec, githubEventsStreamConfig(opts.replicas, sizes), {
    ...opts,
    explicitMaxBytes: sizes.githubEvents.explicit,
  });
}

/** The queue file of one deployment in the state dir. */
export function eventQueuePath(stateDir: string, deployment: string): string {
  return join(stateDir, `events-${deployment}.queue.ndjson`);
}

interface QueueLine {
  id: string;
  type: string;
  payloadType: string;
  /** base64 of the encoded envelope */
  payload: string;
}

/** Reads the queue; a torn last line (a crash mid-append) and unreadable lines are skipped. */
export async function readEventQueue(file: string): Promise<QueuedEvent[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: QueuedEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const q = JSON.parse(line) as QueueLine;
      if (typeof q.id !== 'string' || typeof q.payload !== 'string') continue;
      out.push({
        id: q.id,
        type: q.type,
        payloadType: q.payloadType,
        payload: new Uint8Array(Buffer.from(q.payload, 'base64')),
      });
    } catch {
      // torn or corrupted line: the event was never fully queued
    }
  }
  return out;
}

export function createEventPublisher(opts: EventPublisherOptions): EventPublisher {
  const queueFile = eventQueuePath(opts.stateDir, opts.deployment);
  let chain: Promise<unknown> = Promise.resolve();
  let live: { js: import('@nats-io/jetstream').JetStreamClient; nc: NatsConnection } | undefined;
  let closed = false;
  let queueChecked = false;

  /** Runs fn after everything queued before it, so events keep their order. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  }

  async function enqueue(event: QueuedEvent): Promise<void> {
    mkdirSync(opts.stateDir, { recursive: true });
    if (!queueChecked) {
      // A crash mid-append can leave a line without its newline; start on a fresh line.
      queueChecked = true;
      const size = await stat(queueFile).then(
        (s) => s.size,
        () => 0,
      );
      if (size > 0) {
        const fh = await open(queueFile, 'r');
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, size - 1);
        await fh.close();
        if (last[0] !== 0x0a) await appendFile(queueFile, '\n');
      }
    }
    const line: QueueLine = {
      id: event.id,
      type: event.type,
      payloadType: event.payloadType,
      payload: Buffer.from(event.payload).toString('base64'),
    };
    const fh = await open(queueFile, 'a', 0o600);
    try {
      await fh.write(`${JSON.stringify(line)}\n`);
      await fh.datasync();
    } finally {
      await fh.close();
    }
  }

  async function send(js: import('@nats-io/jetstream').JetStreamClient, event: QueuedEvent) {
    const { headers } = await import('@nats-io/nats-core');
    const h = headers();
    h.set(HEADER_SCHEMA_VERSION, String(SCHEMA_VERSION));
    h.set(HEADER_CONTENT_TYPE, EVENT_CONTENT_TYPE);
    h.set(HEADER_PAYLOAD_TYPE, event.payloadType);
    return js.publish(natsghEventSubject(opts.deployment, event.type), event.payload, {
      msgID: event.id,
      headers: h,
    });
  }

  const publisher: EventPublisher = {
    get attached() {
      return live !== undefined;
    },

    publish(built) {
      if (closed) return Promise.reject(new InternalError('event publisher is closed'));
      // Stamp now, so a queued event keeps the source of the process that published it.
      const event = {
        ...built,
        payload: stampEnvelope(built.payload, { source: opts.source, deployment: opts.deployment }),
      };
      return serial(async () => {
        if (live && !live.nc.isClosed()) {
          try {
            await send(live.js, event);
            return;
          } catch {
            // NATS went away: keep the event (and every later one) in the queue until attach() again.
            live = undefined;
          }
        } else {
          live = undefined;
        }
        await enqueue(event);
      });
    },

    attach(nc, spec) {
      return serial(async () => {
        const { jetstream } = await import('@nats-io/jetstream');
        await ensureEventsStream(nc, spec, { replicas: opts.replicas, warn: opts.warn, sizes: opts.sizes });
        const js = jetstream(nc, jetstreamOptions(spec));
        const queued = await readEventQueue(queueFile);
        for (const event of queued) await send(js, event);
        // Only now, after every ack: a crash before this line re-flushes, and the msg ids make that harmless.
        await rm(queueFile, { force: true });
        live = { js, nc };
        return { flushed: queued.length };
      });
    },

    async close() {
      closed = true;
      await chain;
      live = undefined;
    },
  };
  return publisher;
}
