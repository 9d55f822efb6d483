// `webhook serve` against real NATS: every status code, redelivery stored once,
// 202 only after the JetStream ack, 503 while NATS is down, the secret never printed.
import { request } from 'node:http';
import { connect } from 'node:net';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureGithubEventsStream } from '../../src/events/publisher.js';
import { signBody } from '../../src/github/webhook-signature.js';
import { connectNats } from '../../src/nats/connect.js';
import { githubEventSubject } from '../../src/nats/names.js';
import { startWebhookServer, type WebhookServer } from '../../src/webhook/server.js';
import { runCli } from '../support/cli.js';
import { examplePayloads } from '../support/github-model.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';

const SECRET = 'whsec-current-0123456789';
const OLD_SECRET = 'whsec-previous-0123456789';
let nats: TestNatsServer;
let nc: NatsConnection;
let server: WebhookServer;
let small: WebhookServer;

beforeAll(async () => {
  nats = await startNatsServer();
  nc = await connectNats({ servers: [nats.url] }, { reconnectForever: true });
  await ensureGithubEventsStream(nc, { servers: [nats.url] });
  server = await startWebhookServer({
    nc,
    spec: { servers: [nats.url] },
    port: 0,
    host: '127.0.0.1',
    secrets: [SECRET, OLD_SECRET],
    publishTimeoutMs: 2000,
  });
  small = await startWebhookServer({
    nc,
    spec: { servers: [nats.url] },
    port: 0,
    host: '127.0.0.1',
    secrets: [SECRET],
    maxBodyBytes: 1024,
  });
});
afterAll(async () => {
  await server?.close();
  await small?.close();
  await nc?.close();
  await nats?.stop();
});

interface Sent {
  status: number;
  body: any;
}

function post(
  port: number,
  body: Buffer | string,
  headers: Record<string, string>,
  opts: { chunks?: number } = {},
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/webhook', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', (err) => reject(err));
    const buf = Buffer.from(body);
    const n = opts.chunks ?? 1;
    const size = Math.ceil(buf.length / n);
    for (let i = 0; i < n; i++) req.write(buf.subarray(i * size, (i + 1) * size));
    req.end();
  });
}

function delivery(event = 'issues', secret = SECRET, id = crypto.randomUUID()) {
  const payload = examplePayloads(event)[0];
  const body = Buffer.from(JSON.stringify(payload));
  return {
    id,
    payload,
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': id,
      'x-hub-signature-256': signBody(secret, body),
    },
  };
}

async function streamMessages(): Promise<number> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const jsm = await jetstreamManager(nc);
  return (await jsm.streams.info('GITHUB_EVENTS')).state.messages;
}

describe('webhook serve', () => {
  it('202 after the ack, stored once for a redelivery, with Nats-Msg-Id = delivery id', async () => {
    const d = delivery('issues');
    const before = await streamMessages();
    const first = await post(server.port, d.body, d.headers);
    expect(first.status).toBe(202);
    expect(first.body.duplicate).toBe(false);
    const again = await post(server.port, d.body, d.headers);
    expect(again.status).toBe(202);
    expect(again.body.duplicate).toBe(true);
    expect(await streamMessages()).toBe(before + 1);
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const jsm = await jetstreamManager(nc);
    const stored = await jsm.streams.getMessage('GITHUB_EVENTS', { seq: first.body.seq });
    expect(stored!.subject).toBe(
      githubEventSubject(d.payload.repository.owner.login, d.payload.repository.name, 'issues'),
    );
    expect(stored!.header.get('Nats-Msg-Id')).toBe(d.id);
    expect(Buffer.from(stored!.data).equals(d.body)).toBe(true);
  });

  it('accepts the previous secret during rotation and splits bodies across chunks', async () => {
    const d = delivery('push', OLD_SECRET);
    expect((await post(server.port, d.body, d.headers, { chunks: 7 })).status).toBe(202);
  });

  it('401 for a missing or wrong signature', async () => {
    const d = delivery();
    const { 'x-hub-signature-256': _, ...unsigned } = d.headers;
    expect((await post(server.port, d.body, unsigned)).status).toBe(401);
    expect(
      (await post(server.port, d.body, { ...d.headers, 'x-hub-signature-256': signBody('nope', d.body) }))
        .status,
    ).toBe(401);
    expect(
      (await post(server.port, d.body, { ...d.headers, 'x-hub-signature-256': 'sha256=zz' })).status,
    ).toBe(401);
    const tampered = Buffer.concat([d.body, Buffer.from(' ')]);
    expect((await post(server.port, tampered, d.headers)).status).toBe(401);
  });

  it('400 for missing GitHub headers or malformed JSON; 415 for a wrong content type', async () => {
    const d = delivery();
    const { 'x-github-delivery': _, ...noDelivery } = d.headers;
    expect((await post(server.port, d.body, noDelivery)).status).toBe(400);
    const bad = Buffer.from('{"not json');
    expect(
      (await post(server.port, bad, { ...d.headers, 'x-hub-signature-256': signBody(SECRET, bad) })).status,
    ).toBe(400);
    const form = await post(server.port, `payload=${encodeURIComponent(d.body.toString())}`, {
      ...d.headers,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('413 for an oversized body, declared or streamed, and nothing is published', async () => {
    const before = await streamMessages();
    const big = Buffer.alloc(4096, 'a');
    const d = delivery();
    const declared = await post(small.port, big, { ...d.headers, 'content-length': String(big.length) });
    expect(declared.status).toBe(413);
    const streamed = await post(
      small.port,
      big,
      { ...d.headers, 'transfer-encoding': 'chunked' },
      { chunks: 8 },
    );
    expect(streamed.status).toBe(413);
    // The 25 MB limit itself, refused from the header alone.
    const huge = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/webhook',
          method: 'POST',
          headers: { ...d.headers, 'content-length': String(25 * 1024 * 1024 + 1) },
        },
        (res) => resolve(res.statusCode!),
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(huge).toBe(413);
    // Under 25 MB but over the NATS server's max_payload (1 MB by default): 413 too, never a retry loop.
    const payload = { ...d.payload, padding: 'x'.repeat(1_500_000) };
    const overNats = Buffer.from(JSON.stringify(payload));
    const res = await post(server.port, overNats, {
      ...d.headers,
      'x-hub-signature-256': signBody(SECRET, overNats),
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toContain('max_payload');
    expect(await streamMessages()).toBe(before);
  });

  it('503 while NATS is unreachable, 202 again after it is back', async () => {
    await nats.kill();
    try {
      const d = delivery();
      const down = await post(server.port, d.body, d.headers);
      expect(down.status).toBe(503);
    } finally {
      await nats.restart();
    }
    const deadline = Date.now() + 15_000;
    let status = 0;
    const d = delivery();
    while (Date.now() < deadline && status !== 202) {
      status = (await post(server.port, d.body, d.headers)).status;
      if (status !== 202) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(202);
  });

  it('GitHub App events naming no repository or organization: 202, stored under the account', async () => {
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const jsm = await jetstreamManager(nc);
    const cases: Array<[string, (p: any) => string]> = [
      ['installation', (p) => p.installation.account.login],
      ['installation_repositories', (p) => p.installation.account.login],
      ['github_app_authorization', (p) => p.sender.login],
      ['sponsorship', (p) => p.sender.login],
      ['marketplace_purchase', (p) => p.sender.login],
      ['security_advisory', () => '*'],
    ];
    for (const [event, account] of cases) {
      for (const payload of examplePayloads(event)) {
        expect(payload.repository, event).toBeUndefined();
        const body = Buffer.from(JSON.stringify(payload));
        const id = crypto.randomUUID();
        const res = await post(server.port, body, {
          'content-type': 'application/json',
          'x-github-event': event,
          'x-github-delivery': id,
          'x-hub-signature-256': signBody(SECRET, body),
        });
        expect(res.status, `${event} ${payload.action}: ${JSON.stringify(res.body)}`).toBe(202);
        const stored = await jsm.streams.getMessage('GITHUB_EVENTS', { seq: res.body.seq });
        expect(stored!.subject).toBe(githubEventSubject(account(payload), '*', event));
      }
    }
    // An App's ping names the hook and the sender only.
    const ping = {
      zen: 'Keep it logically awesome.',
      hook_id: 1,
      hook: { type: 'App', app_id: 7 },
      sender: { login: 'octo-app-owner' },
    };
    const body = Buffer.from(JSON.stringify(ping));
    const res = await post(server.port, body, {
      'content-type': 'application/json',
      'x-github-event': 'ping',
      'x-github-delivery': crypto.randomUUID(),
      'x-hub-signature-256': signBody(SECRET, body),
    });
    expect(res.status).toBe(202);
  });

  it('GET /healthz answers', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(res.status).toBe(200);
  });
});

/** A raw HTTP/1.1 client: sends the head and `body` now, then trickles `trickle` bytes every 50 ms until the server closes. */
function rawUpload(
  port: number,
  headers: Record<string, string>,
  opts: { body?: Buffer; trickle?: number; maxMs?: number } = {},
): Promise<{ response: string; closedAfterMs: number; error?: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let error: string | undefined;
    const head = Object.entries({ host: '127.0.0.1', ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`POST /webhook HTTP/1.1\r\n${head}\r\n`);
    if (opts.body) socket.write(opts.body);
    const trickle = opts.trickle
      ? setInterval(() => {
          if (!socket.destroyed) socket.write(Buffer.alloc(opts.trickle!, 'a'));
        }, 50)
      : undefined;
    const cap = setTimeout(() => socket.destroy(), opts.maxMs ?? 10_000);
    socket.on('data', (d) => (response += d));
    socket.on('error', (err) => (error = (err as NodeJS.ErrnoException).code ?? err.message));
    socket.on('close', () => {
      clearInterval(trickle);
      clearTimeout(cap);
      resolve({ response, closedAfterMs: Date.now() - started, error });
    });
  });
}

const unsignedHeaders = (length: number) => ({
  'content-type': 'application/json',
  'x-github-event': 'push',
  'x-github-delivery': crypto.randomUUID(),
  'content-length': String(length),
});

describe('webhook serve under exhaustion attempts', () => {
  it("413 from Content-Length alone when the body is over the NATS server's max_payload, with Connection: close", async () => {
    const tight = await startNatsServer({ extraConfig: 'max_payload: 65536\n' });
    const tnc = await connectNats({ servers: [tight.url] });
    const srv = await startWebhookServer({
      nc: tnc,
      spec: { servers: [tight.url] },
      port: 0,
      host: '127.0.0.1',
      secrets: [SECRET],
    });
    try {
      // Only the head is sent: the answer cannot wait for a body that never comes.
      const d = delivery();
      const r = await rawUpload(
        srv.port,
        { ...d.headers, 'content-length': String(100 * 1024) },
        { maxMs: 5000 },
      );
      expect(r.response).toMatch(/^HTTP\/1\.1 413 /);
      expect(r.response.toLowerCase()).toContain('connection: close');
      expect(r.response).toContain('max_payload');
      expect(r.closedAfterMs).toBeLessThan(4000);
      // Streamed (chunked) past the limit: refused while the client is still sending, the answer intact.
      const streamed = await rawUpload(
        srv.port,
        { ...d.headers, 'transfer-encoding': 'chunked' },
        { body: Buffer.from(`10000\r\n${'a'.repeat(0x10000)}\r\n`), trickle: 4096, maxMs: 5000 },
      );
      expect(streamed.response).toMatch(/^HTTP\/1\.1 413 /);
      expect(streamed.closedAfterMs).toBeLessThan(4000);
      // Under the limit still passes.
      expect((await post(srv.port, d.body, d.headers)).status).toBe(202);
    } finally {
      await srv.close();
      await tnc.close();
      await tight.stop();
    }
  });

  it('a refused upload that keeps sending still gets its whole answer (closed after the answer is flushed)', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await rawUpload(server.port, unsignedHeaders(20 * 1024 * 1024), {
        body: Buffer.alloc(512 * 1024, 'a'),
        trickle: 64 * 1024,
        maxMs: 5000,
      });
      expect(r.response, `attempt ${i}: ${r.error}`).toMatch(
        /^HTTP\/1\.1 413 [\s\S]*\r\n\r\n[\s\S]*\{"error":"body over \d+ bytes[^"]*"\}/,
      );
    }
  });

  it('an unsigned upload gets 401 and its connection is closed while it still trickles', async () => {
    const r = await rawUpload(server.port, unsignedHeaders(500_000), { trickle: 100, maxMs: 8000 });
    expect(r.response).toMatch(/^HTTP\/1\.1 401 /);
    expect(r.closedAfterMs).toBeLessThan(4000);
  });

  it('bodies in flight are capped: 503 with Connection: close past the budget, 202 again once it frees', async () => {
    const capped = await startWebhookServer({
      nc,
      spec: { servers: [nats.url] },
      port: 0,
      host: '127.0.0.1',
      secrets: [SECRET],
      maxBytesInFlight: 64 * 1024,
    });
    try {
      const d = delivery();
      const holder = rawUpload(
        capped.port,
        { ...d.headers, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}`, 'content-length': '900000' },
        { body: Buffer.alloc(60 * 1024, 'a'), maxMs: 1500 },
      );
      await new Promise((res) => setTimeout(res, 300));
      const second = await rawUpload(
        capped.port,
        { ...d.headers, 'content-length': '200000' },
        { body: Buffer.alloc(20 * 1024, 'a'), trickle: 1024, maxMs: 5000 },
      );
      expect(second.response).toMatch(/^HTTP\/1\.1 503 /);
      expect(second.response.toLowerCase()).toContain('connection: close');
      await holder;
      expect((await post(capped.port, d.body, d.headers)).status).toBe(202);
    } finally {
      await capped.close();
    }
  });

  it('a body slower than the request timeout is cut off', async () => {
    const quick = await startWebhookServer({
      nc,
      spec: { servers: [nats.url] },
      port: 0,
      host: '127.0.0.1',
      secrets: [SECRET],
      requestTimeoutMs: 1000,
    });
    try {
      const d = delivery();
      const r = await rawUpload(
        quick.port,
        { ...d.headers, 'content-length': String(d.body.length + 100_000) },
        { body: d.body, trickle: 10, maxMs: 8000 },
      );
      expect(r.closedAfterMs).toBeLessThan(4000);
      expect(r.response).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await quick.close();
    }
  });
});

describe('webhook serve (compiled CLI)', () => {
  it('without a secret exits 2 naming the flag and the env var', async () => {
    const r = await runCli(['webhook', 'serve', '--json', '--nats-url', nats.url], {
      env: { NATSGH_WEBHOOK_SECRET: '' },
    });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.error.message).toContain('--webhook-secret');
    expect(doc.error.message).toContain('NATSGH_WEBHOOK_SECRET');
  });

  it('serves, never prints the secret, and exits 0 on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../support/cli.js');
    const { freePort } = await import('../support/nats-server.js');
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [BIN, 'webhook', 'serve', '--port', String(port), '--nats-url', nats.url],
      {
        env: { ...process.env, NATSGH_WEBHOOK_SECRET: SECRET },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (x) => (out += x));
    child.stderr.on('data', (x) => (out += x));
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    try {
      const deadline = Date.now() + 15_000;
      let ok = false;
      while (!ok && Date.now() < deadline) {
        ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ok) await new Promise((r) => setTimeout(r, 100));
      }
      const d = delivery();
      expect((await post(port, d.body, d.headers)).status).toBe(202);
      expect((await post(port, d.body, { ...d.headers, 'x-hub-signature-256': 'sha256=00' })).status).toBe(
        401,
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).not.toContain(SECRET);
      expect(out).toContain('1 deliveries accepted, 1 rejected');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
