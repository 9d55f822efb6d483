// Consumes GITHUB_EVENTS with a durable pull consumer and explicit acks: decides
// each event (ack when ignored), dedupes deliveries by kv.create in
// natsgh_deliveries, runs regenerations with bounded concurrency and working()
// keep-alives, naks transient failures with backoff and terms poison messages.
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { isNatsghError } from '../errors.js';
import { jetstreamOptions, type NatsConnectionSpec } from '../nats/connect.js';
import { deliveryKey, parseGithubEventSubject, STREAM_GITHUB_EVENTS } from '../nats/names.js';
import { redact } from '../redact.js';
import type { Decision } from './decide.js';
import type { MetricsRegistry } from './metrics.js';

export const ACK_WAIT_MS = 30_000;
export const MAX_DELIVER = 12;
const WORKING_EVERY_MS = 10_000;

export interface RegenerationTarget {
  owner: string;
  repo: string;
  reason: string;
  deliveryId: string;
}

export type RegenerateFn = (target: RegenerationTarget, opts: { working: () => void }) => Promise<void>;

export interface EventConsumerOptions {
  nc: NatsConnection;
  spec: NatsConnectionSpec;
  durableName: string;
  /** Scopes the processed-delivery keys: deployments sharing an account each process every delivery once. */
  deployment?: string;
  /** Outstanding acks the consumer asks for (default 1000; lower when the account allows fewer, account-plan.ts). */
  maxAckPending?: number;
  deliveries: KV;
  concurrency: number;
  metrics: MetricsRegistry;
  decide: (event: { name: string; owner: string; repo: string; payload: Record<string, any> }) => Decision;
  /** Decides from the subject alone when it can (no payload parsing); undefined = parse and decide. */
  prefilter?: (event: { name: string; owner: string }) => Decision | undefined;
  /** Undefined when no GitHub credentials are configured: regenerations are then ignored. */
  regenerate?: RegenerateFn;
  log: (line: string) => void;
  instanceId: string;
  /** Base of the nak backoff (doubles per delivery, capped at 60 s). */
  backoffBaseMs?: number;
}

export interface EventConsumer {
  readonly running: boolean;
  /** Stops pulling, waits for the events in hand, returns. */
  stop(): Promise<void>;
  /** Resolves when the consume loop ends. */
  done: Promise<void>;
}

/** Errors worth retrying never carry one of these codes. */
const PERMANENT_CODES = new Set([
  'github_permission',
  'github_not_found',
  'repo_config_invalid',
  'template_variable_missing',
]);

export function isPermanentFailure(err: unknown): boolean {
  return isNatsghError(err) && PERMANENT_CODES.has(err.code);
}

export function backoffMs(deliveryCount: number, baseMs = 1000): number {
  return Math.min(60_000, baseMs * 2 ** Math.max(0, deliveryCount - 1));
}

function isWrongLastSequence(err: unknown): boolean {
  const e = err as { code?: number; message?: string };
  return e?.code === 10071 || /wrong last sequence/i.test(String(e?.message));
}

/** Creates (or updates) the controller's durable consumer on GITHUB_EVENTS. */
export async function ensureEventConsumer(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  durableName: string,
  maxAckPending = 1000,
): Promise<Consumer> {
  const { jetstream, jetstreamManager, AckPolicy, DeliverPolicy } = await import('@nats-io/jetstream');
  const jsm = await jetstreamManager(nc, jetstreamOptions(spec));
  const config = {
    durable_name: durableName,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: ACK_WAIT_MS * 1_000_000,
    max_deliver: MAX_DELIVER,
    max_ack_pending: maxAckPending,
    filter_subject: 'github.events.>',
  };
  try {
    await jsm.consumers.info(STREAM_GITHUB_EVENTS, durableName);
    await jsm.consumers.update(STREAM_GITHUB_EVENTS, durableName, {
      ack_wait: config.ack_wait,
      max_deliver: config.max_deliver,
      max_ack_pending: config.max_ack_pending,
    });
  } catch (err) {
    if (!/not found/i.test(String((err as Error).message))) throw err;
    await jsm.consumers.add(STREAM_GITHUB_EVENTS, config);
  }
  return jetstream(nc, jetstreamOptions(spec)).consumers.get(STREAM_GITHUB_EVENTS, durableName);
}

const UTF8 = new TextDecoder();

export async function startEventConsumer(opts: EventConsumerOptions): Promise<EventConsumer> {
  const consumer = await ensureEventConsumer(opts.nc, opts.spec, opts.durableName, opts.maxAckPending);
  const concurrency = Math.max(1, opts.concurrency);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: Math.max(64, concurrency * 4) });
  const inflight = new Set<Promise<void>>();
  let slotWaiters: Array<() => void> = [];
  let running = true;
  let warnedNoGithub = false;
  // Deliveries whose claim (kv.create) failed with an unknown outcome, e.g. NATS went away
  // mid-request: the claim may be stored, so its "already exists" on redelivery is our own.
  const ambiguousClaims = new Set<string>();
  const m = opts.metrics;
  const base = opts.backoffBaseMs ?? 1000;

  const releaseSlot = () => {
    const next = slotWaiters.shift();
    if (next) next();
  };
  const takeSlot = async () => {
    if (inflight.size < concurrency) return;
    await new Promise<void>((resolve) => slotWaiters.push(resolve));
  };

  function terminate(msg: JsMsg, deliveryId: string, why: string) {
    opts.log(`terminating delivery ${deliveryId} (stream seq ${msg.seq}): ${why}`);
    m.inc('natsgh_events_failed_total', { outcome: 'term' });
    msg.term(why.slice(0, 200));
  }

  async function regenerate(msg: JsMsg, deliveryId: string, d: Extract<Decision, { action: 'regenerate' }>) {
    const key = deliveryKey(opts.deployment, deliveryId);
    let claim: number;
    try {
      claim = await opts.deliveries.create(
        key,
        JSON.stringify({ instance: opts.instanceId, seq: msg.seq, at: new Date().toISOString() }),
      );
    } catch (err) {
      if (isWrongLastSequence(err) && !ambiguousClaims.has(key)) {
        m.inc('natsgh_events_deduplicated_total');
        msg.ack();
        return;
      }
      if (!isWrongLastSequence(err)) {
        ambiguousClaims.add(key);
        m.inc('natsgh_events_failed_total', { outcome: 'nak' });
        msg.nak(backoffMs(msg.info.deliveryCount, base));
        return;
      }
      // Our own earlier claim: process it (a render equal to the tree never commits twice).
      claim = 0;
    }
    ambiguousClaims.delete(key);
    const keepAlive = setInterval(() => msg.working(), WORKING_EVERY_MS);
    try {
      await opts.regenerate!(
        { owner: d.owner, repo: d.repo, reason: d.reason, deliveryId },
        { working: () => msg.working() },
      );
      m.inc('natsgh_events_processed_total');
      await msg.ackAck().catch(() => undefined);
    } catch (err) {
      const why = redact(String((err as Error)?.message ?? err));
      if (isPermanentFailure(err) || msg.info.deliveryCount >= MAX_DELIVER) {
        terminate(msg, deliveryId, why);
        return;
      }
      // Give the claim back so the redelivery can take it (or remember it as ours).
      if (claim > 0) {
        await opts.deliveries.delete(key, { previousSeq: claim }).catch(() => ambiguousClaims.add(key));
      } else {
        ambiguousClaims.add(key);
      }
      opts.log(`delivery ${deliveryId} failed (attempt ${msg.info.deliveryCount}), will retry: ${why}`);
      m.inc('natsgh_events_failed_total', { outcome: 'nak' });
      msg.nak(backoffMs(msg.info.deliveryCount, base));
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Decides at once; returns the asynchronous work only when the event needs some. */
  function handle(msg: JsMsg): (() => Promise<void>) | undefined {
    // Parsing headers costs more than deciding most events: only when the id is needed.
    const deliveryId = () =>
      msg.headers?.get('Nats-Msg-Id') || msg.headers?.get('X-GitHub-Delivery') || `seq-${msg.seq}`;
    let event: { owner: string; repo: string; event: string };
    try {
      event = parseGithubEventSubject(msg.subject);
    } catch (err) {
      m.inc('natsgh_events_received_total', { event: 'malformed' });
      terminate(msg, deliveryId(), `malformed subject: ${(err as Error).message}`);
      return undefined;
    }
    m.inc('natsgh_events_received_total', { event: event.event });
    let d = opts.prefilter?.({ name: event.event, owner: event.owner });
    if (!d) {
      let payload: Record<string, any>;
      try {
        payload = JSON.parse(UTF8.decode(msg.data));
        if (payload === null || typeof payload !== 'object') throw new Error('payload is not a JSON object');
      } catch (err) {
        terminate(msg, deliveryId(), `malformed event: ${(err as Error).message}`);
        return undefined;
      }
      d = opts.decide({ name: event.event, owner: event.owner, repo: event.repo, payload });
    }
    if (d.action === 'ignore') {
      m.inc('natsgh_events_ignored_total', { reason: d.reason });
      msg.ack();
      return undefined;
    }
    if (!opts.regenerate) {
      if (!warnedNoGithub) {
        warnedNoGithub = true;
        opts.log('no GitHub credentials configured: events that need GitHub are acknowledged and ignored');
      }
      m.inc('natsgh_events_ignored_total', { reason: 'github_not_configured' });
      msg.ack();
      return undefined;
    }
    const target = d;
    return () => regenerate(msg, deliveryId(), target);
  }

  const done = (async () => {
    for await (const msg of messages) {
      const work = handle(msg);
      if (!work) continue;
      await takeSlot();
      const p = work().finally(() => {
        inflight.delete(p);
        m.set('natsgh_inflight', inflight.size);
        releaseSlot();
      });
      inflight.add(p);
      m.set('natsgh_inflight', inflight.size);
    }
  })().finally(() => {
    running = false;
  });

  return {
    get running() {
      return running;
    },
    done,
    async stop() {
      running = false;
      await messages.close();
      await done.catch(() => undefined);
      await Promise.allSettled([...inflight]);
      slotWaiters = [];
    },
  };
}
