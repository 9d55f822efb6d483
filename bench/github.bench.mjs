// The controller against a GitHub that paces writes (issue 18's budgets): the
// GitHub model answers a mutating request closer than a second to the previous
// one with 403 + retry-after, and the controller's octokit runs with its
// throttling on (a second between writes, retry-after honoured), as against
// github.com. Measured with a real nats-server and the controller in process:
//   - repository_dispatch published → generated commit on the branch, for the
//     16 shipped files and for 200 files (overrides) in a 2,000-file repository:
//     median and spread over rounds, mutating requests per regeneration;
//   - a reconcile of an unchanged repository: requests GitHub counts against the
//     rate limit (a 304 is not counted).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadGithubModel, startNats } from './controller.bench.mjs';
import { ROOT, saveResult } from './lib.mjs';

const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS) || 5);
const ORG = 'octo-org';

async function until(what, fn, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export default async function github() {
  const nats = await startNats();
  const stateDir = mkdtempSync(join(tmpdir(), 'natsgh-bench-gh-'));
  const { GithubModel, GITHUB_API, regenerateDispatch } = await loadGithubModel();
  // GitHub's pace: a second between mutating requests of one credential, else 403 with retry-after.
  const model = new GithubModel({ writeGapMs: 1000 }).listen();
  const { connectNats } = await dist('nats/connect.js');
  const { publishGithubEvent } = await dist('events/github-publish.js');
  const { resolveConfig } = await dist('config/load.js');
  const { startController } = await dist('controller/run.js');
  const { createGithubClient } = await dist('github/client.js');
  const { countGithubResponses } = await dist('controller/metrics.js');
  const { loadTemplates } = await dist('render/render.js');
  const spec = { servers: [nats.url] };
  const nc = await connectNats(spec);
  const rows = [];
  const controllers = [];
  let delivery = 0;
  try {
    const shipped = (await loadTemplates()).size;
    const cases = [
      {
        label: `${shipped + 1} files (${shipped} shipped templates + manifest)`,
        repo: 'small',
        budgetMs: 4000,
        files: {},
      },
      {
        label: '201 files (200 templates + manifest) in a 2,000-file repository',
        repo: 'large',
        budgetMs: 5000,
        files: {},
      },
    ];
    for (let i = 0; i < 2000; i++) cases[1].files[`src/pkg${i % 40}/file${i}.txt`] = `file ${i}\n`;
    for (let i = 0; i < 200 - shipped; i++)
      cases[1].files[`natsgh/templates/extra/t${i}.md`] = `template ${i} of {{ org_name }}\n`;

    for (const c of cases) {
      model.createRepo(ORG, c.repo, { 'README.md': '# .github\n', ...c.files });
      const { config } = await resolveConfig({
        noFile: true,
        env: {},
        flags: {
          'nats-url': nats.url,
          org: ORG,
          deployment: `gh${c.repo}`,
          'state-dir': stateDir,
          'github-repo': c.repo,
        },
      });
      const ctl = await startController({
        config,
        version: 'bench',
        controllerPort: 0,
        resyncIntervalMs: 0,
        concurrency: 4,
        // Octokit as in production: throttling on (a second between writes), retry-after honoured.
        github: (metrics) =>
          createGithubClient({ kind: 'token', token: `ghp_benchgithub${c.repo}token1234567` }, GITHUB_API, {
            onResponse: countGithubResponses(metrics),
          }),
        durableName: `bench-gh-${c.repo}`,
        heartbeatIntervalMs: 600_000,
        log: process.env.BENCH_DEBUG ? (l) => console.error(`[controller] ${l}`) : () => undefined,
      });
      controllers.push(ctl);
      // First regeneration outside the measurement (the repository gets its generated files).
      await ctl.reconcile();
      const samples = [];
      const writesPer = [];
      const rateLimited = [];
      for (let round = 0; round < ROUNDS; round++) {
        // The previous round's last write is more than a second old, as when a dispatch arrives
        // at an idle controller (back to back, the throttle would hold the first write for it).
        await new Promise((r) => setTimeout(r, 1100));
        // A person changes natsgh.yaml; then the dispatch that asks for a regeneration.
        model.push(
          ORG,
          c.repo,
          { 'natsgh.yaml': `variables:\n  org_name: Octo ${round}\n` },
          { message: 'configure' },
        );
        const before = model.head(ORG, c.repo);
        const from = model.requests.length;
        const t0 = performance.now();
        await publishGithubEvent(nc, spec, {
          eventName: 'repository_dispatch',
          payload: new TextEncoder().encode(JSON.stringify(regenerateDispatch(ORG, c.repo))),
          msgId: `bench-gh-${++delivery}`,
          ensureStream: false,
        });
        await until(
          'the generated commit',
          () =>
            model.head(ORG, c.repo) !== before && /Natsgh-Generated/.test(model.log(ORG, c.repo)[0].message),
          60_000,
        );
        samples.push(performance.now() - t0);
        const reqs = model.requests.slice(from);
        if (process.env.BENCH_DEBUG) {
          console.log(
            reqs.map((q) => `${Math.round(q.at - t0)} ${q.method} ${q.path} ${q.status}`).join('\n'),
          );
        }
        writesPer.push(reqs.filter((q) => q.mutating && q.status < 300).length);
        rateLimited.push(reqs.filter((q) => q.status === 403 || q.status === 429).length);
      }
      const med = median(samples);
      rows.push({
        label: `dispatch → commit, ${c.label} (ms)`,
        median: Math.round(med),
        min: Math.round(Math.min(...samples)),
        max: Math.round(Math.max(...samples)),
        writesPerRegeneration: Math.max(...writesPer),
        secondaryRateLimited: rateLimited.reduce((a, b) => a + b, 0),
        budget: c.budgetMs,
        withinBudget: med <= c.budgetMs && Math.max(...writesPer) <= 3,
      });

      // A periodic reconcile of the unchanged repository: the first learns the new head's ETag.
      await ctl.reconcile();
      const from = model.requests.length;
      const t0 = performance.now();
      await ctl.reconcile();
      const ms = performance.now() - t0;
      const reqs = model.requests.slice(from);
      const counted = reqs.filter((q) => q.counted).length;
      rows.push({
        label: `unchanged reconcile, ${c.label}: requests counted by GitHub`,
        median: counted,
        requests: reqs.length,
        notModified: reqs.filter((q) => q.status === 304).length,
        ms: Math.round(ms),
        budget: 0,
        withinBudget: counted === 0,
      });
      // One controller at a time: they share the deliveries bucket, so the other one could claim a dispatch.
      await ctl.stop();
    }
  } finally {
    for (const c of controllers) await c.stop();
    await nc.close();
    model.close();
    await nats.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
  const result = {
    name: 'github',
    measuredAt: new Date().toISOString(),
    rounds: ROUNDS,
    rows,
    ok: rows.every((r) => r.withinBudget !== false),
  };
  console.log(`\ngithub (paced model: a second between writes; octokit throttling on; ${ROUNDS} rounds)`);
  for (const r of rows) {
    const extra =
      r.min !== undefined
        ? `${r.min}–${r.max} ms, ${r.writesPerRegeneration} writes, ${r.secondaryRateLimited} rate-limited`
        : `${r.requests} requests, ${r.notModified} × 304, ${r.ms} ms`;
    console.log(
      `${r.label.padEnd(72)} ${String(r.median).padStart(6)}  ${extra}  (budget ≤ ${r.budget} ${r.withinBudget ? 'ok' : 'OVER'})`,
    );
  }
  saveResult(result);
  return result;
}
