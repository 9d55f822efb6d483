// `natsgh webhook serve`: POST /webhook verifies X-Hub-Signature-256 over the
// raw body while it streams, then publishes it to GITHUB_EVENTS with
// Nats-Msg-Id = X-GitHub-Delivery and answers 202 only after the JetStream ack.
// 401 bad/missing signature, 400 missing headers or bad JSON, 415 not JSON,
// 413 larger than NATS accepts, 503 NATS down or too many bodies in flight.
// The endpoint is public and the HMAC is checked only after the body: bodies are
// bounded by the NATS server's max_payload (refused by Content-Length before
// reading, or as soon as a stream passes it), bytes buffered across requests and
// connections are capped, and slow clients are cut off by header/request timeouts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { NatsConnection } from '@nats-io/nats-core';
import type { MetricsRegistry } from '../controller/metrics.js';
import { NatsghError, UsageError } from '../errors.js';
import { createSignatureVerifier } from '../github/webhook-signature.js';
import { jetstreamOptions, type NatsConnectionSpec } from '../nats/connect.js';
import type { StreamSizes } from '../nats/sizing.js';
import { redact } from '../redact.js';
import { withDeadline } from '../system/deadline.js';

/** GitHub's own cap on a webhook payload. */
export const MAX_WEBHOOK_BODY = 25 * 1024 * 1024;
/**
 * Bytes of request bodies buffered at once, across every connection, before new ones
 * get 503: room for 8 of the largest bodies NATS accepts, at least 16 MB, at most 64 MB.
 */
export function maxBytesInFlight(bodyLimit: number): number {
  return Math.min(64 * 1024 * 1024, Math.max(16 * 1024 * 1024, 8 * bodyLimit));
}
export const MAX_CONNECTIONS = 512;
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** How long a refused connection may keep sending (and is read and dropped) before it is closed. */
const LINGER_MS = 1000;
/** Room for the NATS headers natsgh adds (Nats-Msg-Id, X-GitHub-Event, X-GitHub-Delivery, Content-Type). */
const NATS_HEADER_ROOM = 512;
const MAX_DELIVERY_ID = 128;

export interface WebhookServerOptions {
  nc: NatsConnection;
  spec: NatsConnectionSpec;
  port: number;
  host?: string;
  secrets: string[];
  metrics?: MetricsRegistry;
  log?: (line: string) => void;
  /** Upper bound of a body (default: GitHub's 25 MB); the NATS server's max_payload lowers it. */
  maxBodyBytes?: number;
  maxBytesInFlight?: number;
  maxConnections?: number;
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** How long to wait for the JetStream ack before answering 503. */
  publishTimeoutMs?: number;
  /** Replicas of GITHUB_EVENTS when this creates it (the deployment's, deploymentReplicas; default 1). */
  replicas?: number;
  /** Size of GITHUB_EVENTS when this creates it (streamSizes(config)). */
  sizes?: StreamSizes;
  /** The deployment (names the permissions to grant when one is missing). */
  deployment?: string;
}

export interface WebhookServer {
  port: number;
  close(): Promise<void>;
}

export async function startWebhookServer(opts: WebhookServerOptions): Promise<WebhookServer> {
  if (opts.secrets.length === 0) {
    throw new UsageError('no webhook secret: pass --webhook-secret or set NATSGH_WEBHOOK_SECRET', {
      code: 'webhook_secret_missing',
      details: { flag: '--webhook-secret', env: 'NATSGH_WEBHOOK_SECRET' },
      suggestions: [
        'Use the secret configured on the GitHub webhook; several, comma-separated, while rotating.',
      ],
    });
  }
  const { registerSecret } = await import('../redact.js');
  for (const s of opts.secrets) registerSecret(s);
  const { githubEventTarget, parseGithubPayload, HEADER_GITHUB_DELIVERY, HEADER_GITHUB_EVENT } = await import(
    '../events/github-publish.js'
  );
  const { githubEventSubject } = await import('../nats/names.js');
  const { jetstream } = await import('@nats-io/jetstream');
  const { headers: natsHeaders } = await import('@nats-io/nats-core');
  // One JetStream client for the server's life (publishGithubEvent builds one per call).
  const js = jetstream(opts.nc, jetstreamOptions(opts.spec));
  const publishGithubEvent = async (o: { eventName: string; payload: Uint8Array; msgId: string }) => {
    if (!/^[a-z0-9_]+$/.test(o.eventName)) {
      throw new UsageError(`"${o.eventName}" is not a GitHub event name`, {
        code: 'github_event_name_invalid',
      });
    }
    const { owner, repo } = githubEventTarget(parseGithubPayload(o.payload));
    const h = natsHeaders();
    h.set(HEADER_GITHUB_EVENT, o.eventName);
    h.set(HEADER_GITHUB_DELIVERY, o.msgId);
    h.set('Content-Type', 'application/json');
    const ack = await js.publish(githubEventSubject(owner, repo, o.eventName), o.payload, {
      msgID: o.msgId,
      headers: h,
    });
    return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
  };
  const { ensureGithubEventsStream } = await import('../events/publisher.js');
  // Before creating GITHUB_EVENTS: the user's permissions and the account's limits (nats/preflight.ts).
  const { preflightNats } = await import('../nats/preflight.js');
  const { streamSizes } = await import('../nats/sizing.js');
  const sizes = opts.sizes ?? streamSizes();
  await preflightNats(opts.nc, opts.spec, {
    deployment: opts.deployment ?? 'default',
    role: 'webhook',
    sizes,
    replicas: opts.replicas ?? 1,
    streams: ['githubEvents'],
  });
  await ensureGithubEventsStream(opts.nc, opts.spec, { replicas: opts.replicas, warn: opts.log, sizes });
  const log = opts.log ?? (() => undefined);
  let connected = !opts.nc.isClosed();
  (async () => {
    for await (const s of opts.nc.status()) {
      if (s.type === 'disconnect') connected = false;
      else if (s.type === 'reconnect') connected = true;
    }
  })().catch(() => undefined);

  const answer = (res: ServerResponse, status: number, body: Record<string, unknown>, close = false) => {
    opts.metrics?.inc('natsgh_webhook_requests_total', { status: String(status) });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (close) headers.connection = 'close';
    if (status === 503) headers['retry-after'] = '10';
    res.writeHead(status, headers).end(`${JSON.stringify(body)}\n`);
  };

  /**
   * Answers and closes the connection without reading the rest of the body. Node
   * destroys a `Connection: close` socket as soon as the answer is written; with
   * input still unread that is a reset, which can make the client lose the answer.
   * So: half-close after the answer is flushed, drop what still arrives, close later.
   */
  const refuse = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: Record<string, unknown>,
  ) => {
    const socket = req.socket as Socket & { destroySoon?: () => void };
    socket.destroySoon = () => {
      socket.end();
      const timer = setTimeout(() => socket.destroy(), LINGER_MS);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
    };
    answer(res, status, body, true);
  };

  /** The largest body NATS will store with our headers (max_payload of the server we are connected to). */
  const bodyLimit = (): number => {
    const maxPayload = opts.nc.info?.max_payload;
    const natsLimit = maxPayload && maxPayload > 0 ? maxPayload - NATS_HEADER_ROOM : Number.POSITIVE_INFINITY;
    return Math.min(opts.maxBodyBytes ?? MAX_WEBHOOK_BODY, natsLimit);
  };
  const tooLargeBody = (limit: number) => ({
    error: `body over ${limit} bytes, the largest the NATS server accepts (its max_payload)`,
  });
  const maxInFlight = () => opts.maxBytesInFlight ?? maxBytesInFlight(bodyLimit());
  let bytesInFlight = 0;

  async function handleWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const limit = bodyLimit();
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      refuse(req, res, 413, tooLargeBody(limit));
      return;
    }
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'application/json') {
      refuse(req, res, 415, {
        error: 'content type must be application/json (set it on the GitHub webhook)',
      });
      return;
    }
    const signature = req.headers['x-hub-signature-256'] as string | undefined;
    if (!signature) {
      refuse(req, res, 401, { error: 'missing X-Hub-Signature-256' });
      return;
    }
    const event = req.headers['x-github-event'] as string | undefined;
    const delivery = req.headers['x-github-delivery'] as string | undefined;
    if (!event || !delivery) {
      refuse(req, res, 400, { error: 'missing X-GitHub-Event or X-GitHub-Delivery' });
      return;
    }
    const verifier = createSignatureVerifier(opts.secrets);
    const budget = maxInFlight();
    const chunks: Buffer[] = [];
    let size = 0;
    let refused: 'too_large' | 'busy' | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          if (size + chunk.length > limit) refused = 'too_large';
          else if (bytesInFlight + chunk.length > budget) refused = 'busy';
          if (refused) {
            req.off('data', onData);
            resolve();
            return;
          }
          size += chunk.length;
          bytesInFlight += chunk.length;
          verifier.update(chunk);
          chunks.push(chunk);
        };
        req.on('data', onData);
        req.on('end', () => resolve());
        req.on('error', reject);
        req.on('close', () => resolve());
      });
      if (refused === 'too_large') {
        refuse(req, res, 413, tooLargeBody(limit));
        return;
      }
      if (refused === 'busy') {
        refuse(req, res, 503, { error: 'too many webhook bodies in flight; GitHub can redeliver' });
        return;
      }
      if (!req.complete) return;
      if (!verifier.verify(signature)) {
        answer(res, 401, { error: 'signature does not match' });
        return;
      }
      if (delivery.length > MAX_DELIVERY_ID) {
        answer(res, 400, { error: `X-GitHub-Delivery longer than ${MAX_DELIVERY_ID} characters` });
        return;
      }
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      if (!connected || opts.nc.isClosed()) {
        answer(res, 503, { error: 'NATS is unreachable; GitHub can redeliver' });
        return;
      }
      try {
        const ackWithinMs = opts.publishTimeoutMs ?? 10_000;
        const ack = await withDeadline(
          publishGithubEvent({
            eventName: event,
            payload: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
            msgId: delivery,
          }),
          ackWithinMs,
          () => new NatsghError(`no JetStream ack within ${ackWithinMs} ms`, { code: 'nats_timeout' }),
        );
        answer(res, 202, { delivery, stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate });
      } catch (err) {
        if (err instanceof UsageError) {
          answer(res, 400, { error: err.message });
          return;
        }
        const message = redact(String((err as Error)?.message ?? err));
        if (/max.?payload|maximum payload/i.test(message)) {
          answer(res, 413, { error: 'body larger than the NATS server max_payload' });
          return;
        }
        log(`webhook delivery ${delivery} not stored: ${message}`);
        answer(res, 503, { error: 'NATS did not acknowledge the event; GitHub can redeliver' });
      }
    } finally {
      bytesInFlight -= size;
      chunks.length = 0;
    }
  }

  const requestTimeout = opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node checks both timeouts on this interval (30 s by default, longer than the timeouts).
  const server: Server = createServer(
    { connectionsCheckingInterval: Math.min(1000, requestTimeout) },
    (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path === '/healthz') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(`${JSON.stringify({ ok: true, nats: connected })}\n`);
        return;
      }
      if (path !== '/webhook') {
        res.writeHead(404, { connection: 'close' }).end();
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST', connection: 'close' }).end();
        return;
      }
      handleWebhook(req, res).catch((err) => {
        log(`webhook handler failed: ${redact(String((err as Error)?.message ?? err))}`);
        if (!res.headersSent) answer(res, 500, { error: 'internal error' });
      });
    },
  );
  server.requestTimeout = requestTimeout;
  server.headersTimeout = Math.min(opts.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, requestTimeout);
  server.maxConnections = opts.maxConnections ?? MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      }),
  };
}
