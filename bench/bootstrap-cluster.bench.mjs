// `natsgh bootstrap --mode dev --nats-type self_hosted_cluster` (3 local nodes,
// routes, JetStream R3): cold run and no-op re-run, against `node -e 0` and
// against starting a bare 3-node nats-server cluster to JetStream-ready, all
// measured round by round in the same run (bench/lib.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RUNS, printTable, ROOT, saveResult, summarize, timeOnce } from './lib.mjs';

const BIN = join(ROOT, 'bin', 'run.js');
const NODES = 3;

function portFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A block of ports for NODES nodes: client base+i, routes base+100+i, monitor base+300+i, controller base+400. */
async function portBlock() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 25_000);
    const wanted = [base + 400];
    for (let i = 0; i < NODES; i++) wanted.push(base + i, base + 100 + i, base + 300 + i);
    if ((await Promise.all(wanted.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no free block of ports in 50 tries');
}

async function waitHealthy(monitorPorts, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (const port of monitorPorts) {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz?js-enabled-only=true`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`node on monitor port ${port} not healthy`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  // Clustered JetStream is usable once the meta group has a leader.
  for (;;) {
    try {
      const jsz = await (await fetch(`http://127.0.0.1:${monitorPorts[0]}/jsz`)).json();
      if (jsz.meta_cluster?.leader) return;
    } catch {
      // retry
    }
    if (Date.now() > deadline) throw new Error('no JetStream meta leader');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Baseline: spawn a bare 3-node cluster and wait until JetStream has a meta leader. */
async function bareCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-bench-cluster-'));
  const base = await portBlock();
  const routes = Array.from({ length: NODES }, (_, i) => `nats://127.0.0.1:${base + 100 + i}`);
  const children = [];
  const t0 = performance.now();
  try {
    for (let i = 0; i < NODES; i++) {
      const conf = join(dir, `n${i}.conf`);
      writeFileSync(
        conf,
        [
          `server_name: bench-n${i}`,
          'host: 127.0.0.1',
          `port: ${base + i}`,
          `http: "127.0.0.1:${base + 300 + i}"`,
          `jetstream { store_dir: "${join(dir, `n${i}`)}" }`,
          `cluster { name: bench, listen: "127.0.0.1:${base + 100 + i}", routes: [${routes.join(', ')}] }`,
        ].join('\n'),
      );
      children.push(spawn('nats-server', ['-c', conf], { stdio: 'ignore' }));
    }
    await waitHealthy(Array.from({ length: NODES }, (_, i) => base + 300 + i));
    return performance.now() - t0;
  } finally {
    await Promise.all(
      children.map(
        (c) =>
          new Promise((r) => {
            if (c.exitCode !== null) return r();
            c.once('exit', r);
            c.kill('SIGTERM');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  }
}

async function deployment() {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-bench-clusterboot-'));
  const base = await portBlock();
  const flags = [
    '--nats-type',
    'self_hosted_cluster',
    '--state-dir',
    join(dir, 'state'),
    '--output-dir',
    join(dir, 'out'),
    '--nats-port',
    String(base),
    '--monitor-port',
    String(base + 300),
    '--controller-port',
    String(base + 400),
  ];
  const env = { CI: '1', NO_COLOR: '1' };
  return {
    bootstrap: () =>
      timeOnce({
        cmd: process.execPath,
        args: [BIN, 'bootstrap', '--json', '--yes', ...flags],
        env,
        cwd: dir,
      }),
    teardown() {
      spawnSync(process.execPath, [BIN, 'teardown', '--yes', '--purge', '--json', ...flags], {
        cwd: dir,
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default async function benchBootstrapCluster() {
  const runs = Math.max(5, Number(process.env.BENCH_CLUSTER_RUNS) || Math.min(DEFAULT_RUNS, 7));
  const samples = { node: [], bare: [], cold: [], noop: [] };
  const node = { cmd: process.execPath, args: ['-e', '0'] };
  // Warm-up: the page cache, nats-server binary, dist/.
  timeOnce(node);
  await bareCluster();
  for (let i = 0; i < runs; i++) {
    samples.node.push(timeOnce(node));
    samples.bare.push(await bareCluster());
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
