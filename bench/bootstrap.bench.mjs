#!/usr/bin/env node
// Bench of `natsgh bootstrap --mode dev` (embedded): a cold run (fresh state dir
// each round, teardown not timed) and a no-op re-run, interleaved round by round
// with `node -e 0` and with starting a bare nats-server to usable JetStream (the
// second baseline: what natsgh costs on top of the server), so machine load hits
// all of them alike. Budgets (issue 3, tightened by issue 15):
// cold <= 3 s and <= 45x node; no-op <= 1 s and <= 4x node; `status` of the
// running deployment, pointed at it by --state-dir alone (its recorded
// settings), <= 3x node, on medians.
// Usage: npm run build && node bench/bootstrap.bench.mjs [--runs N] [--json] [--strict]
// (or `npm run bench bootstrap`). Set NATSGH_DEBUG=1 on a single run to see where
// a run spends its time (natsgh-trace lines on stderr).
import { arch, cpus, platform } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  benchDeployment,
  DEFAULT_RUNS,
  freePort,
  printTable,
  saveResult,
  summarize,
  timeOnce,
} from './lib.mjs';
import { bareNatsServers } from './nats-baseline.mjs';

const BUDGETS = {
  cold: { ratio: 45, ms: 3000 },
  noop: { ratio: 4, ms: 1000 },
  status: { ratio: 3, ms: 1000 },
};

async function deployment() {
  const ports = [await freePort(), await freePort(), await freePort()];
  return benchDeployment('natsgh-bench-', () => [
    '--nats-port',
    String(ports[0]),
    '--monitor-port',
    String(ports[1]),
    '--controller-port',
    String(ports[2]),
  ]);
}

export default async function bootstrapBench({ runs = DEFAULT_RUNS, quiet = false } = {}) {
  const samples = { node: [], bare: [], cold: [], noop: [], status: [] };
  const warm = await deployment();
  try {
    warm.bootstrap();
    await bareNatsServers(1);
    for (let i = 0; i < runs; i++) {
      samples.node.push(timeOnce({ cmd: process.execPath, args: ['-e', '0'] }));
      samples.bare.push(await bareNatsServers(1));
      const fresh = await deployment();
      try {
        samples.cold.push(fresh.bootstrap());
      } finally {
        fresh.teardown();
      }
      samples.noop.push(warm.bootstrap());
      samples.status.push(warm.status());
    }
  } finally {
    warm.teardown();
  }
  const stats = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
  const base = stats.node.median;
  const round = (n) => Math.round(n * 10) / 10;
  const row = (key, label) => {
    const s = stats[key];
    const budget = BUDGETS[key];
    const ratio = s.median / base;
    return {
      label,
      median: round(s.median),
      min: round(s.min),
      p90: round(s.p90),
      max: round(s.max),
      runs: s.runs,
      ratio: Math.round(ratio * 100) / 100,
      budget: budget?.ratio ?? null,
      budgetMs: budget?.ms ?? null,
      withinBudget: budget ? ratio <= budget.ratio && s.median <= budget.ms : null,
      ...(key === 'node' || key === 'bare'
        ? {}
        : { ratioVsBareServer: Math.round((s.median / stats.bare.median) * 100) / 100 }),
    };
  };
  const rows = [
    row('node', 'node -e 0'),
    row('bare', 'bare nats-server to JetStream healthy'),
    row('cold', 'bootstrap, cold (embedded)'),
    row('noop', 'bootstrap, no-op re-run'),
    row('status', 'status --state-dir (recorded settings)'),
  ];
  const result = {
    name: 'bootstrap',
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, platform: platform(), arch: arch(), cpus: cpus().length },
    baseline: 'node -e 0',
    secondBaseline: 'bare nats-server to JetStream healthy',
    rows,
    ok: rows.every((r) => r.withinBudget !== false),
  };
  if (!quiet) {
    printTable(result);
    for (const r of rows.slice(2))
      console.log(`  ${r.label}: ${r.ratioVsBareServer}× the bare nats-server start`);
    console.log(
      `budgets: cold ≤ ${BUDGETS.cold.ms} ms, no-op ≤ ${BUDGETS.noop.ms} ms, status ≤ ${BUDGETS.status.ms} ms (medians)`,
    );
  }
  saveResult(result);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : undefined;
  const json = args.includes('--json');
  const result = await bootstrapBench({ ...(runs ? { runs } : {}), quiet: json });
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (args.includes('--strict') && !result.ok) process.exitCode = 1;
}
