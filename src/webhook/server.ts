// `natsgh webhook serve`: POST /webhook verifies X-Hub-Signature-256 over the
// raw body while it streams (never buffering more than the 25 MB limit), then
// publishes it to GITHUB_EVENTS with Nats-Msg-Id = X-GitHub-Delivery and
// answers 202 only after the JetStream ack. 401 bad/missing signature, 400
// missing headers or bad JSON, 415 not JSON, 413 too large, 503 NATS down.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { NatsConnection } from '@nats-io/nats-core';
import type { MetricsRegistry } from '../controller/metrics.js';
import { NatsghError, UsageError } from '../errors.js';
import { createSignatureVerifier } from '../github/webhook-signature.js';
import { jetstreamOptions, type NatsConnectionSpec } from '../nats/connect.js';
import type { StreamSizes } from '../nats/sizing.js';
import { redact } from '../redact.js';

export const MAX_WEBHOOK_BODY = 25 * 1024 * 1024;

export interface WebhookServerOptions {
  nc: NatsConnection;
  spec: NatsConnectionSpec;
  port: number;
  host?: string;
  secrets: string[];
  metrics?: MetricsRegistry;
  log?: (line: string) => void;
  maxBodyBytes?: number;
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
  const limit = opts.maxBodyBytes ?? MAX_WEBHOOK_BODY;
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

  async function handleWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      answer(res, 413, { error: `body over ${limit} bytes` }, true);
      req.destroy();
      return;
    }
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'application/json') {
      answer(res, 415, { error: 'content type must be application/json (set it on the GitHub webhook)' });
      req.resume();
      return;
    }
    const signature = req.headers['x-hub-signature-256'] as string | undefined;
    if (!signature) {
      answer(res, 401, { error: 'missing X-Hub-Signature-256' });
      req.resume();
      return;
    }
    const event = req.headers['x-github-event'] as string | undefined;
    const delivery = req.headers['x-github-delivery'] as string | undefined;
    if (!event || !delivery) {
      answer(res, 400, { error: 'missing X-GitHub-Event or X-GitHub-Delivery' });
      req.resume();
      return;
    }
    const verifier = createSignatureVerifier(opts.secrets);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    await new Promise<void>((resolve, reject) => {
      req.on('data', (chunk: Buffer) => {
        if (tooLarge) return;
        size += chunk.length;
        if (size > limit) {
          tooLarge = true;
          chunks.length = 0;
          resolve();
          return;
        }
        verifier.update(chunk);
        chunks.push(chunk);
      });
      req.on('end', () => resolve());
      req.on('error', reject);
    });
    if (tooLarge) {
      answer(res, 413, { error: `body over ${limit} bytes` }, true);
      req.destroy();
      return;
    }
    if (!verifier.verify(signature)) {
      answer(res, 401, { error: 'signature does not match' });
      return;
    }
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
    if (!connected || opts.nc.isClosed()) {
      answer(res, 503, { error: 'NATS is unreachable; GitHub can redeliver' });
      return;
    }
    try {
      const ack = await withTimeout(
        publishGithubEvent({
          eventName: event,
          payload: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
          msgId: delivery,
        }),
        opts.publishTimeoutMs ?? 10_000,
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
  }

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(`${JSON.stringify({ ok: true, nats: connected })}\n`);
      return;
    }
    if (path !== '/webhook') {
      res.writeHead(404).end();
      req.resume();
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      req.resume();
      return;
    }
    handleWebhook(req, res).catch((err) => {
      log(`webhook handler failed: ${redact(String((err as Error)?.message ?? err))}`);
      if (!res.headersSent) answer(res, 500, { error: 'internal error' });
    });
  });
  server.requestTimeout = 120_000;
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

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(
      () => reject(new NatsghError(`no JetStream ack within ${ms} ms`, { code: 'nats_timeout' })),
      ms,
    );
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
