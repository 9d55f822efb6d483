// Property: the webhook endpoint answers every request (arbitrary path, method,
// content type, signature, headers and body) with the status the contract
// names, never a 500 or a hang; and only correctly signed, routable JSON ends
// up in GITHUB_EVENTS, once per delivery id, byte for byte.
import { request } from 'node:http';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../src/github/webhook-signature.js';
import { connectNats } from '../../src/nats/connect.js';
import { startWebhookServer, type WebhookServer } from '../../src/webhook/server.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { checked, injected, within } from './report.js';

const SECRETS = ['fuzz-secret-current', 'fuzz-secret-previous'];
const LIMIT = 4096;

let nats: TestNatsServer;
let nc: NatsConnection;
let hook: WebhookServer;
const logged: string[] = [];

beforeAll(async () => {
  nats = await startNatsServer();
  nc = await connectNats({ servers: [nats.url] }, { reconnectForever: true });
  hook = await startWebhookServer({
    nc,
    spec: { servers: [nats.url] },
    port: 0,
    host: '127.0.0.1',
    secrets: SECRETS,
    maxBodyBytes: LIMIT,
    log: (l) => logged.push(l),
    publishTimeoutMs: 2000,
  });
});

afterAll(async () => {
  await hook?.close();
  await nc?.close();
  await nats?.stop();
});

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

function send(r: Req): Promise<{ status: number; body: string }> {
  return within(
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: hook.port,
          method: r.method,
          path: r.path,
          headers: r.headers,
          agent: false,
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          res.on('error', reject);
        },
      );
      // The server may answer (413) and close before reading the body.
      req.on('error', (err: NodeJS.ErrnoException) =>
        err.code === 'ECONNRESET' || err.code === 'EPIPE'
          ? resolve({ status: -1, body: err.code })
          : reject(err),
      );
      req.end(r.body);
    }),
    10_000,
    `${r.method} ${r.path}`,
  );
}

// --- the contract, written independently of the server ---
/**
 * Any JSON object is stored: under its repository, else its organization, else the
 * account of a GitHub App event (installation.account, sender), else no account.
 */
function routable(body: Buffer): boolean {
  let p: any;
  try {
    p = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return false;
  }
  return p !== null && typeof p === 'object' && !Array.isArray(p);
}

function expectedStatus(r: Req, signedOk: boolean): number {
  const path = r.path.split('?')[0];
  if (path !== '/webhook') return r.method === 'GET' && path === '/healthz' ? 200 : 404;
  if (r.method !== 'POST') return 405;
  if (r.body.length > LIMIT) return 413;
  const type = (r.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return 415;
  if (!r.headers['x-hub-signature-256']) return 401;
  if (!r.headers['x-github-event'] || !r.headers['x-github-delivery']) return 400;
  if (!signedOk) return 401;
  if (!/^[a-z0-9_]+$/.test(r.headers['x-github-event'])) return 400;
  return routable(r.body) ? 202 : 400;
}

const printable = fc.stringMatching(/^[!-~]([ -~]{0,20}[!-~])?$/);
const payload = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        owner: fc.string({ minLength: 1, maxLength: 12 }),
        repo: fc.string({ minLength: 1, maxLength: 12 }),
      })
      .map(({ owner, repo }) =>
        JSON.stringify({ action: 'opened', repository: { name: repo, owner: { login: owner } } }),
      ),
  },
  fc
    .string({ minLength: 1, maxLength: 12 })
    .map((org) => JSON.stringify({ action: 'created', organization: { login: org } })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('{"repository":{"name":"r","owner":{"login":"o"}}', '', 'null', '{"repository":null}'),
);
const body = fc.oneof(
  { weight: 6, arbitrary: payload.map((s) => Buffer.from(s, 'utf8')) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 80 }).map((a) => Buffer.from(a)) },
  { weight: 1, arbitrary: fc.integer({ min: LIMIT + 1, max: LIMIT * 3 }).map((n) => Buffer.alloc(n, 0x7b)) },
);
const signatureKind = fc.constantFrom(
  'current',
  'current',
  'current',
  'previous',
  'upper',
  'wrong-secret',
  'tampered',
  'garbage',
  'missing',
  'sha1',
);

let delivery = 0;
const requestArb = fc
  .record({
    method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, fc.constantFrom('GET', 'PUT', 'DELETE')),
    path: fc.oneof(
      { weight: 8, arbitrary: fc.constant('/webhook') },
      fc.constantFrom('/webhook?x=1', '/', '/healthz', '/webhook/', '/WEBHOOK'),
    ),
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      fc.constantFrom(
        'application/json; charset=utf-8',
        'APPLICATION/JSON',
        'text/plain',
        'application/x-www-form-urlencoded',
        '',
      ),
    ),
    event: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('push', 'pull_request', 'workflow_run') },
      printable,
      fc.constant(''),
    ),
    deliveryKind: fc.constantFrom('fresh', 'fresh', 'fresh', 'custom', 'missing'),
    deliverySuffix: printable,
    signature: signatureKind,
    garbage: printable,
    body,
  })
  .map((g) => {
    const headers: Record<string, string> = {};
    if (g.contentType) headers['content-type'] = g.contentType;
    if (g.event) headers['x-github-event'] = g.event;
    if (g.deliveryKind !== 'missing') {
      delivery++;
      headers['x-github-delivery'] =
        g.deliveryKind === 'fresh' ? `fuzz-${delivery}` : `fuzz-${delivery}-${g.deliverySuffix}`;
    }
    const good = signBody(SECRETS[0], g.body);
    const sig: Record<string, string | undefined> = {
      current: good,
      previous: signBody(SECRETS[1], g.body),
      upper: `sha256=${good.slice(7).toUpperCase()}`,
      'wrong-secret': signBody('not-the-secret', g.body),
      tampered: signBody(SECRETS[0], Buffer.concat([g.body, Buffer.from(' ')])),
      garbage: g.garbage,
      missing: undefined,
      sha1: `sha1=${good.slice(7, 47)}`,
    };
    const value = sig[g.signature];
    if (value !== undefined) headers['x-hub-signature-256'] = value;
    const signedOk = ['current', 'previous', 'upper'].includes(g.signature);
    return { req: { method: g.method, path: g.path, headers, body: g.body } as Req, signedOk };
  });

describe('webhook endpoint (fuzz)', () => {
  it('answers every request with the contract status; stores exactly the accepted deliveries', async () => {
    injected(
      'webhook',
      '250 requests: arbitrary paths, methods, content types, signatures, headers, bodies (some over the limit)',
    );
    const accepted = new Map<string, Buffer>();
    const counts = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArb, async ({ req, signedOk }) => {
        const res = await send(req);
        const want = expectedStatus(req, signedOk);
        // A client may see the connection closed instead of the 413 when the server stops reading early.
        if (!(want === 413 && res.status === -1))
          expect(res.status, `${req.method} ${req.path} ${JSON.stringify(req.headers)} ${res.body}`).toBe(
            want,
          );
        expect(res.status).not.toBe(500);
        counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
        if (res.status === 202) {
          const doc = JSON.parse(res.body);
          expect(doc).toMatchObject({
            delivery: req.headers['x-github-delivery'],
            stream: 'GITHUB_EVENTS',
            duplicate: false,
          });
          accepted.set(req.headers['x-github-delivery'], req.body);
        }
      }),
      { numRuns: 250 },
    );

    // Replaying every accepted delivery (GitHub's redelivery) is answered 202 and stored once.
    for (const [id, b] of [...accepted].slice(0, 10)) {
      const res = await send({
        method: 'POST',
        path: '/webhook',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'push',
          'x-github-delivery': id,
          'x-hub-signature-256': signBody(SECRETS[0], b),
        },
        body: b,
      });
      expect(res.status).toBe(202);
      expect(JSON.parse(res.body).duplicate).toBe(true);
    }

    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info('GITHUB_EVENTS');
    expect(info.state.messages).toBe(accepted.size);
    const stored = new Map<string, Uint8Array>();
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && accepted.size > 0; seq++) {
      const m = await jsm.streams.getMessage('GITHUB_EVENTS', { seq });
      const id = m!.header.get('Nats-Msg-Id');
      expect(stored.has(id), `delivery ${id} stored twice`).toBe(false);
      stored.set(id, m!.data);
    }
    for (const [id, b] of accepted) expect(Buffer.from(stored.get(id) ?? []).equals(b), id).toBe(true);
    expect(logged.filter((l) => /handler failed/.test(l))).toEqual([]);
    checked(
      'webhook',
      `statuses ${JSON.stringify(Object.fromEntries([...counts].sort()))}; ${accepted.size} accepted deliveries stored once each, byte-identical; replays answered duplicate`,
    );
  });

  it('answers 503 (never 500, never 202) while NATS is down, and 202 again once it is back', async () => {
    const valid = (id: string): Req => {
      const b = Buffer.from(JSON.stringify({ repository: { name: 'r', owner: { login: 'o' } } }));
      return {
        method: 'POST',
        path: '/webhook',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'push',
          'x-github-delivery': id,
          'x-hub-signature-256': signBody(SECRETS[0], b),
        },
        body: b,
      };
    };
    injected('webhook', 'kill -9 of nats-server, then signed valid deliveries');
    await nats.kill();
    const during = await send(valid('down-1'));
    expect(during.status).toBe(503);
    const again = await send(valid('down-2'));
    expect(again.status).toBe(503);
    await nats.restart();
    const deadline = Date.now() + 15_000;
    let after = await send(valid('up-1'));
    while (after.status !== 202 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      after = await send(valid('up-1'));
    }
    expect(after.status).toBe(202);
    checked('webhook', '503 while NATS was down (GitHub redelivers), 202 after the restart');
  });
});
