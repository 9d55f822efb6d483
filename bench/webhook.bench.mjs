// `webhook serve` throughput (issue 6's budget): signed deliveries/s at
// concurrency 1, 8 and 32 with p50/p99 latency, against publishing the same
// bodies straight to JetStream at the same concurrency (≥ 25%).
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startNats } from './controller.bench.mjs';
import { ROOT, saveResult } from './lib.mjs';

const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
const SECRET = 'bench-webhook-secret';
/** Rounds per case (each N/ROUNDS deliveries): the rate reported is their median. */
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS) || 5);

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Runs `total` jobs with `concurrency` workers; returns {perSecond, p50, p99} (ms). */
async function drive(total, concurrency, job) {
  const latencies = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        await job(i);
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
  const { startWebhookServer } = await dist('webhook/server.js');
  const { signBody } = await dist('github/webhook-signature.js');
  const { githubEventTarget } = await dist('events/github-publish.js');
  const { githubEventSubject } = await dist('nats/names.js');
  const { jetstream } = await import('@nats-io/jetstream');
  const spec = { servers: [nats.url] };
  const nc = await connectNats(spec);
  const server = await startWebhookServer({ nc, spec, port: 0, host: '127.0.0.1', secrets: [SECRET] });
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
      const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
      const post = (i) =>
        new Promise((resolve, reject) => {
          const b = bodies[i % bodies.length];
          const req = request(
            {
              agent,
              host: '127.0.0.1',
              port: server.port,
              path: '/webhook',
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'content-length': String(b.body.length),
                'x-github-event': b.event,
                'x-github-delivery': randomUUID(),
                'x-hub-signature-256': b.signature,
              },
            },
            (res) => {
              res.resume();
              res.on('end', () =>
                res.statusCode === 202 ? resolve() : reject(new Error(`status ${res.statusCode}`)),
              );
            },
          );
          req.on('error', reject);
          req.end(b.body);
        });
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
      agent.destroy();
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
    await server.close();
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
