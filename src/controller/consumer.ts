// Consumes GITHUB_EVENTS with a durable pull consumer and explicit acks: decides
// each event (ack when ignored), dedupes deliveries by kv.create in
// natsgh_deliveries, runs regenerations with bounded concurrency and working()
// keep-alives, naks transient failures with backoff and terms poison messages.

import { randomUUID } from 'node:crypto';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { type ErrorCode, isNatsghError } from '../errors.js';
import { jetstreamOptions, type NatsConnectionSpec } from '../nats/connect.js';
import { deliveryKey, parseGithubEventSubject, STREAM_GITHUB_EVENTS } from '../nats/names.js';
import { oneLogLine, redact } from '../redact.js';
import type { Decision } from './decide.js';
import { eventLabel, type MetricsRegistry } from './metrics.js';

export const ACK_WAIT_MS = 30_000;
/** Deliveries of an event failing for other reasons than GitHub being down; then it is terminated. */
export const MAX_DELIVER = 12;
const WORKING_EVERY_MS = 10_000;
const OUTAGE_LOG_EVERY_MS = 60 * 60 * 1000;
/**
 * GitHub being down or rate limiting is not the event's fault: such events are
 * retried for as long as it lasts (the stream's age limit bounds it), never terminated.
 */
const GITHUB_DOWN_CODES = new Set<ErrorCode>(['github_unavailable', 'github_rate_limited']);

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
  /** Base of the nak backoff (doubles per delivery, capped at maxBackoffMs). */
  backoffBaseMs?: number;
  /** Cap of the nak backoff (default 60 s). */
  maxBackoffMs?: number;
}

export interface EventConsumer {
  readonly running: boolean;
  /** Stops pulling, waits for the events in hand, returns. */
  stop(): Promise<void>;
  /** Resolves when the consume loop ends. */
  done: Promise<void>;
}

/** Errors worth retrying never carry one of these codes. */
const PERMANENT_CODES = new Set<ErrorCode>([
  'github_permission',
  'github_not_found',
  // GitHub refusals reported at once (github/commit.ts), never retried into "kept moving".
  'github_branch_protected',
  'github_branch_missing',
  'github_conflict',
  'github_tree_too_large',
  'repo_config_invalid',
  'template_variable_missing',
]);

export function isPermanentFailure(err: unknown): boolean {
  return isNatsghError(err) && PERMANENT_CODES.has(err.code);
}

export function backoffMs(deliveryCount: number, baseMs = 1000, capMs = 60_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.min(30, Math.max(0, deliveryCount - 1)));
}

export function isGithubDown(err: unknown): boolean {
  return isNatsghError(err) && GITHUB_DOWN_CODES.has(err.code);
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
    // Unlimited on the server: the consumer decides when to give up (MAX_DELIVER, or never
    // while GitHub is down); a server-side limit would drop events silently.
    max_deliver: -1,
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
  const log = (line: string) => opts.log(oneLogLine(line));
  const concurrency = Math.max(1, opts.concurrency);
  // A deleted consumer ends the loop (instead of pulling from nothing forever), so liveness sees it.
  const messages: ConsumerMessages = await consumer.consume({
    max_messages: Math.max(64, concurrency * 4),
    abort_on_missing_resource: true,
  });
  const inflight = new Set<Promise<void>>();
  let slotWaiters: Array<() => void> = [];
  let running = true;
  let warnedNoGithub = false;
  // Claims this process may have stored without processing their event: a kv.create whose
  // outcome is unknown (NATS went away mid-request) or a claim it could not give back. Each
  // claim carries the token of the attempt that wrote it, so an "already exists" on redelivery
  // is ours only when the stored claim has one of these tokens: the claim of an attempt that
  // did process the event (its ack lost in an outage) stays a duplicate.
  const ownClaims = new Map<string, Set<string>>();
  const mayOwn = (key: string, token: string) => {
    const tokens = ownClaims.get(key) ?? new Set<string>();
    tokens.add(token);
    ownClaims.set(key, tokens);
  };
  /** The stored claim when it is one of ours; 'other' when it is not; undefined when NATS did not say. */
  const ownClaim = async (
    key: string,
  ): Promise<{ revision: number; token: string } | 'other' | undefined> => {
    const entry = await opts.deliveries.get(key).catch(() => undefined);
    if (!entry) return undefined;
    if (entry.operation !== 'PUT') return 'other';
    let token: unknown;
    try {
      token = (JSON.parse(entry.string()) as { attempt?: unknown }).attempt;
    } catch {
      return 'other';
    }
    return typeof token === 'string' && ownClaims.get(key)?.has(token)
      ? { revision: entry.revision, token }
      : 'other';
  };
  const m = opts.metrics;
  const base = opts.backoffBaseMs ?? 1000;
  const backoff = (msg: JsMsg) => backoffMs(msg.info.deliveryCount, base, opts.maxBackoffMs);
  // Deliveries waiting for GitHub to come back, and when the outage was last logged.
  const waitingForGithub = new Set<string>();
  let outageLoggedAt = 0;
  let outageSince = 0;
  const githubBack = (key: string) => {
    if (!waitingForGithub.delete(key)) return;
    m.set('natsgh_events_waiting_for_github', waitingForGithub.size);
    if (waitingForGithub.size === 0 && outageSince > 0) {
      log(`GitHub answers again after ${Math.round((Date.now() - outageSince) / 1000)} s of outage`);
      outageSince = 0;
      outageLoggedAt = 0;
    }
  };

  const releaseSlot = () => {
    const next = slotWaiters.shift();
    if (next) next();
  };
  const takeSlot = async () => {
    if (inflight.size < concurrency) return;
    await new Promise<void>((resolve) => slotWaiters.push(resolve));
  };

  function terminate(msg: JsMsg, deliveryId: string, why: string) {
    log(`terminating delivery ${deliveryId} (stream seq ${msg.seq}): ${why}`);
    m.inc('natsgh_events_failed_total', { outcome: 'term' });
    try {
      // A bare +TERM: nats-server 2.9 does not understand "+TERM <reason>" and would deliver
      // the message again after every ack_wait (and after every restart). The log line has the reason.
      msg.term();
    } catch {
      // The connection is gone: the message comes back after ack_wait and is decided again.
    }
  }

  /** Header lookups of a message whose headers may themselves be malformed. */
  function deliveryIdOf(msg: JsMsg): string {
    try {
      return msg.headers?.get('Nats-Msg-Id') || msg.headers?.get('X-GitHub-Delivery') || `seq-${msg.seq}`;
    } catch {
      return `seq-${msg.seq}`;
    }
  }

  async function regenerate(msg: JsMsg, deliveryId: string, d: Extract<Decision, { action: 'regenerate' }>) {
    const key = deliveryKey(opts.deployment, deliveryId);
    let token: string = randomUUID();
    let claim: number;
    const retryLater = () => {
      m.inc('natsgh_events_failed_total', { outcome: 'nak' });
      msg.nak(backoff(msg));
    };
    try {
      claim = await opts.deliveries.create(
        key,
        JSON.stringify({
          instance: opts.instanceId,
          seq: msg.seq,
          at: new Date().toISOString(),
          attempt: token,
        }),
      );
    } catch (err) {
      if (!isWrongLastSequence(err)) {
        mayOwn(key, token);
        retryLater();
        return;
      }
      const own = ownClaims.has(key) ? await ownClaim(key) : 'other';
      if (own === undefined) {
        retryLater();
        return;
      }
      if (own === 'other') {
        ownClaims.delete(key);
        m.inc('natsgh_events_deduplicated_total');
        msg.ack();
        return;
      }
      // Our own earlier claim, never processed: process it (a render equal to the tree never commits twice).
      claim = own.revision;
      token = own.token;
    }
    ownClaims.delete(key);
    const keepAlive = setInterval(() => msg.working(), WORKING_EVERY_MS);
    try {
      await opts.regenerate!(
        { owner: d.owner, repo: d.repo, reason: d.reason, deliveryId },
        { working: () => msg.working() },
      );
      m.inc('natsgh_events_processed_total');
      githubBack(key);
      await msg.ackAck().catch(() => undefined);
    } catch (err) {
      const why = redact(String((err as Error)?.message ?? err));
      const githubDown = isGithubDown(err);
      // Give the claim back, so a later delivery of the same event (a redelivery, GitHub's
      // "Redeliver" after an outage) can take it; when NATS does not take the delete, remember it as ours.
      const releaseClaim = () =>
        opts.deliveries.delete(key, { previousSeq: claim }).catch(() => mayOwn(key, token));
      if (isPermanentFailure(err) || (!githubDown && msg.info.deliveryCount >= MAX_DELIVER)) {
        await releaseClaim();
        githubBack(key);
        terminate(msg, deliveryId, why);
        return;
      }
      await releaseClaim();
      if (githubDown) {
        waitingForGithub.add(key);
        m.set('natsgh_events_waiting_for_github', waitingForGithub.size);
        m.inc('natsgh_github_outage_retries_total');
        const now = Date.now();
        if (outageSince === 0) outageSince = now;
        if (now - outageLoggedAt >= OUTAGE_LOG_EVERY_MS) {
          outageLoggedAt = now;
          log(
            `GitHub unavailable (${why}): ${waitingForGithub.size} event(s) waiting, retried until it answers ` +
              `(this line repeats hourly while it lasts)`,
          );
        }
      } else {
        log(`delivery ${deliveryId} failed (attempt ${msg.info.deliveryCount}), will retry: ${why}`);
      }
      m.inc('natsgh_events_failed_total', { outcome: 'nak' });
      msg.nak(backoff(msg));
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Decides at once; returns the asynchronous work only when the event needs some. */
  function handle(msg: JsMsg): (() => Promise<void>) | undefined {
    // Parsing headers costs more than deciding most events: only when the id is needed.
    const deliveryId = () => deliveryIdOf(msg);
    let event: { owner: string; repo: string; event: string };
    try {
      event = parseGithubEventSubject(msg.subject);
    } catch (err) {
      m.inc('natsgh_events_received_total', { event: 'malformed' });
      m.inc('natsgh_events_malformed_total');
      terminate(msg, deliveryId(), `malformed subject: ${(err as Error).message}`);
      return undefined;
    }
    m.inc('natsgh_events_received_total', { event: eventLabel(event.event) });
    let d = opts.prefilter?.({ name: event.event, owner: event.owner });
    if (!d) {
      let payload: Record<string, any>;
      try {
        payload = JSON.parse(UTF8.decode(msg.data));
        if (payload === null || typeof payload !== 'object') throw new Error('payload is not a JSON object');
      } catch (err) {
        m.inc('natsgh_events_malformed_total');
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
        log('no GitHub credentials configured: events that need GitHub are acknowledged and ignored');
      }
      m.inc('natsgh_events_ignored_total', { reason: 'github_not_configured' });
      msg.ack();
      return undefined;
    }
    const target = d;
    return () => regenerate(msg, deliveryId(), target);
  }

  // Each message is handled inside its own failure boundary: whatever one event does
  // (a payload no decision expected, a bug), it is terminated and the loop goes on.
  const guarded = (msg: JsMsg, fn: () => Promise<void>) =>
    fn().catch((err) => {
      terminate(msg, deliveryIdOf(msg), `internal error: ${redact(String((err as Error)?.message ?? err))}`);
    });

  let stopping = false;
  const done = (async () => {
    for await (const msg of messages) {
      let work: (() => Promise<void>) | undefined;
      try {
        work = handle(msg);
      } catch (err) {
        m.inc('natsgh_events_malformed_total');
        terminate(
          msg,
          deliveryIdOf(msg),
          `malformed event: ${redact(String((err as Error)?.message ?? err))}`,
        );
        continue;
      }
      if (!work) continue;
      await takeSlot();
      const run = work;
      const p = guarded(msg, run).finally(() => {
        inflight.delete(p);
        m.set('natsgh_inflight', inflight.size);
        releaseSlot();
      });
      inflight.add(p);
      m.set('natsgh_inflight', inflight.size);
    }
  })()
    .catch((err) => {
      if (!stopping) log(`the event consumer stopped: ${redact(String((err as Error)?.message ?? err))}`);
    })
    .finally(() => {
      if (!stopping) log('the event consumer is no longer running: /healthz answers 503 until a restart');
      running = false;
    });

  return {
    get running() {
      return running;
    },
    done,
    async stop() {
      stopping = true;
      running = false;
      await messages.close();
      await done.catch(() => undefined);
      await Promise.allSettled([...inflight]);
      slotWaiters = [];
    },
  };
}
