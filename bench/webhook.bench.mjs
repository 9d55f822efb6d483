// `webhook serve` throughput (issue 6's budget): signed deliveries/s at
// concurrency 1, 8 and 32 with p50/p99 latency, against publishing the same
// bodies straight to JetStream at the same concurrency (≥ 25%). The server is
// the real `natsgh webhook serve` process; the client is this process.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startNats } from './controller.bench.mjs';
import { freePort, ROOT, saveResult } from './lib.mjs';

const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
const SECRET = 'bench-webhook-secret';
/** Rounds per case (each N/ROUNDS deliveries): the rate reported is their median. */
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS) || 5);

async function startServeProcess(natsUrl) {
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), 'natsgh-bench-hook-'));
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'run.js'),
      'webhook',
      'serve',
      '--webhook-port',
      String(port),
      '--nats-url',
      natsUrl,
      '--state-dir',
      stateDir,
    ],
    { env: { ...process.env, CI: '1', NATSGH_WEBHOOK_SECRET: SECRET }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`webhook serve did not start: ${stderr.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/**
 * A minimal HTTP/1.1 keep-alive client on one socket: a request at a time, the
 * response read by its Content-Length or chunks. Node's http client costs more per
 * request than the server under test; in one process with it, the benchmark
 * would mostly measure the client.
 */
function connectRaw(port) {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    sock.setNoDelay(true);
    let buf = Buffer.alloc(0);
    let waiter;
    const parse = () => {
      if (!waiter) return;
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buf.subarray(0, end).toString('latin1');
      let next;
      if (/transfer-encoding:\s*chunked/i.test(head)) {
        // The last chunk: "0" and an empty line.
        const last = buf.indexOf('0\r\n\r\n', end + 4);
        if (last < 0) return;
        next = last + 5;
      } else {
        next = end + 4 + Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < next) return;
      }
      buf = buf.subarray(next);
      const w = waiter;
      waiter = undefined;
      w.resolve(Number(head.slice(9, 12)));
    };
    sock.on('data', (d) => {
      buf = buf.length ? Buffer.concat([buf, d]) : d;
      parse();
    });
    sock.on('error', (err) => (waiter ? waiter.reject(err) : reject(err)));
    sock.once('connect', () =>
      resolve({
        send(head, body) {
          return new Promise((res, rej) => {
            waiter = { resolve: res, reject: rej };
            sock.cork();
            sock.write(head, 'latin1');
            sock.write(body);
            sock.uncork();
          });
        },
        close: () => sock.destroy(),
      }),
    );
  });
}

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Runs `total` jobs with `concurrency` workers; returns {perSecond, p50, p99} (ms). */
async function drive(total, concurrency, job) {
  const latencies = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        await job(i, worker);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const ms = performance.now() - t0;
  return { perSecond: (total / ms) * 1000, latencies };
}

/** Rounds of one case: the median rate and its spread (min, max); latency percentiles over every delivery. */
function combine(rounds) {
  const rates = rounds.map((r) => r.perSecond).sort((a, b) => a - b);
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    perSecond: Math.round(percentile(rates, 0.5)),
    min: Math.round(rates[0]),
    max: Math.round(rates[rates.length - 1]),
    rounds: rates.length,
    p50: Math.round(percentile(latencies, 0.5) * 100) / 100,
    p99: Math.round(percentile(latencies, 0.99) * 100) / 100,
  };
}

export default async function webhook() {
  const N = Number(process.env.BENCH_DELIVERIES) || 3000;
  const nats = await startNats();
  const { connectNats } = await dist('nats/connect.js');
  const { signBody } = await dist('github/webhook-signature.js');
  const { githubEventTarget } = await dist('events/github-publish.js');
  const { githubEventSubject } = await dist('nats/names.js');
  const { jetstream } = await import('@nats-io/jetstream');
  const spec = { servers: [nats.url] };
  const nc = await connectNats(spec);
  // The real `natsgh webhook serve`, in its own process as in production: an HTTP client in
  // the server's own event loop would charge the client's work to the server.
  const server = await startServeProcess(nats.url);
  const examples = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json');
  const bodies = examples
    .filter((e) => ['push', 'issues', 'pull_request', 'issue_comment', 'release'].includes(e.name))
    .flatMap((e) => e.examples.map((p) => ({ event: e.name, p })))
    .filter(({ p }) => p.repository?.owner?.login)
    .map(({ event, p }) => {
      const body = Buffer.from(JSON.stringify(p));
      const { owner, repo } = githubEventTarget(p);
      return {
        event,
        body,
        signature: signBody(SECRET, body),
        subject: githubEventSubject(owner, repo, event),
      };
    });
  const avgBytes = Math.round(bodies.reduce((s, b) => s + b.body.length, 0) / bodies.length);
  const js = jetstream(nc);
  const rows = [];
  try {
    for (const concurrency of [1, 8, 32]) {
      // One keep-alive connection per worker, as GitHub's deliveries arrive.
      const connections = await Promise.all(
        Array.from({ length: concurrency }, () => connectRaw(server.port)),
      );
      const post = async (i, worker) => {
        const b = bodies[i % bodies.length];
        const head =
          'POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
          `Content-Length: ${b.body.length}\r\nX-GitHub-Event: ${b.event}\r\n` +
          `X-GitHub-Delivery: ${randomUUID()}\r\nX-Hub-Signature-256: ${b.signature}\r\n\r\n`;
        const status = await connections[worker].send(head, b.body);
        if (status !== 202) throw new Error(`status ${status}`);
      };
      const direct = (i) => {
        const b = bodies[i % bodies.length];
        return js.publish(b.subject, b.body, { msgID: randomUUID() });
      };
      await drive(200, concurrency, direct);
      await drive(200, concurrency, post);
      // Interleaved rounds, so a burst of load on a shared machine hits both alike.
      const baseRounds = [];
      const hookRounds = [];
      for (let r = 0; r < ROUNDS; r++) {
        baseRounds.push(await drive(Math.ceil(N / ROUNDS), concurrency, direct));
        hookRounds.push(await drive(Math.ceil(N / ROUNDS), concurrency, post));
      }
      const base = combine(baseRounds);
      const hook = combine(hookRounds);
      for (const c of connections) c.close();
      const ratio = Math.round((hook.perSecond / base.perSecond) * 100) / 100;
      rows.push({
        label: `JetStream publish, concurrency ${concurrency}`,
        ...base,
        ratio: 1,
        budget: null,
        withinBudget: null,
      });
      rows.push({
        label: `webhook serve, concurrency ${concurrency}`,
        ...hook,
        ratio,
        budget: 0.25,
        withinBudget: ratio >= 0.25,
      });
    }
  } finally {
    await server.stop();
    await nc.close();
    await nats.stop();
  }
  const result = {
    name: 'webhook',
    measuredAt: new Date().toISOString(),
    deliveries: N,
    rounds: ROUNDS,
    avgBytes,
    rows,
    ok: rows.every((r) => r.withinBudget !== false),
  };
  console.log(
    `\nwebhook (${N} deliveries per case in ${ROUNDS} interleaved rounds, ${avgBytes} B average body)`,
  );
  console.log(
    `${'case'.padEnd(36)} ${'per s'.padStart(7)} ${'min–max'.padStart(13)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}  ratio`,
  );
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(36)} ${String(r.perSecond).padStart(7)} ${`${r.min}–${r.max}`.padStart(13)} ${r.p50.toFixed(2).padStart(7)} ${r.p99.toFixed(2).padStart(7)}  ${r.ratio.toFixed(2)}×${
        r.budget !== null ? ` (budget ≥ ${r.budget}× ${r.withinBudget ? 'ok' : 'UNDER'})` : ''
      }`,
    );
  }
  saveResult(result);
  return result;
}
