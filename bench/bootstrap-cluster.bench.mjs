// `natsgh bootstrap --mode dev --nats-type self_hosted_cluster` (3 local nodes,
// routes, JetStream R3): cold run and no-op re-run, against `node -e 0` and
// against starting a bare 3-node nats-server cluster to JetStream-ready, all
// measured round by round in the same run (bench/lib.mjs).
import { benchDeployment, DEFAULT_RUNS, printTable, saveResult, summarize, timeOnce } from './lib.mjs';
import { bareNatsServers, portBlock } from './nats-baseline.mjs';

const NODES = 3;

async function deployment() {
  const base = await portBlock(NODES);
  return benchDeployment('natsgh-bench-clusterboot-', () => [
    '--nats-type',
    'self_hosted_cluster',
    '--nats-port',
    String(base),
    '--monitor-port',
    String(base + 300),
    '--controller-port',
    String(base + 400),
  ]);
}

export default async function benchBootstrapCluster() {
  const runs = Math.max(5, Number(process.env.BENCH_CLUSTER_RUNS) || Math.min(DEFAULT_RUNS, 7));
  const samples = { node: [], bare: [], cold: [], noop: [] };
  const node = { cmd: process.execPath, args: ['-e', '0'] };
  // Warm-up: the page cache, nats-server binary, dist/.
  timeOnce(node);
  await bareNatsServers(NODES);
  for (let i = 0; i < runs; i++) {
    samples.node.push(timeOnce(node));
    samples.bare.push(await bareNatsServers(NODES));
    const d = await deployment();
    try {
      samples.cold.push(d.bootstrap());
      samples.noop.push(d.bootstrap());
    } finally {
      d.teardown();
    }
  }
  const stats = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
  const round = (n) => Math.round(n * 10) / 10;
  const labels = {
    node: 'node -e 0',
    bare: 'bare 3-node nats-server cluster to JetStream leader',
    cold: 'bootstrap self_hosted_cluster, cold',
    noop: 'bootstrap self_hosted_cluster, no-op re-run',
  };
  // No-op re-run: verify 3 nodes + controller + files and skip; same budget as the embedded no-op.
  const budgets = { noop: 20 };
  const rows = Object.keys(samples).map((k) => {
    const ratio = stats[k].median / stats.node.median;
    return {
      label: labels[k],
      median: round(stats[k].median),
      min: round(stats[k].min),
      p90: round(stats[k].p90),
      max: round(stats[k].max),
      runs: stats[k].runs,
      ratio: Math.round(ratio * 100) / 100,
      ratioVsBareCluster: Math.round((stats[k].median / stats.bare.median) * 100) / 100,
      budget: budgets[k] ?? null,
      withinBudget: budgets[k] === undefined ? null : ratio <= budgets[k],
    };
  });
  const result = {
    name: 'bootstrap-cluster',
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, platform: process.platform, arch: process.arch },
    baseline: labels.node,
    secondBaseline: labels.bare,
    rows,
    ok: rows.every((r) => r.withinBudget !== false),
  };
  printTable(result);
  for (const r of rows.slice(2)) console.log(`  ${r.label}: ${r.ratioVsBareCluster}× the bare cluster start`);
  saveResult(result);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchBootstrapCluster();
  process.exitCode = r.ok ? 0 : 1;
}
