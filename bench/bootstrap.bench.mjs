#!/usr/bin/env node
// Bench of `natsgh bootstrap --mode dev` (embedded): cold run and no-op re-run,
// median of 5, against `node -e 0` and a bare nats-server start measured in the
// same run. Budgets: cold <= 3 s and <= 45x node; no-op <= 1 s and <= 15x node.
// Usage: npm run build && node bench/bootstrap.bench.mjs [--runs 5] [--json] [--strict]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/run.js');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const JSON_OUT = args.includes('--json');
const STRICT = args.includes('--strict');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

function timed(file, argv, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(file, argv, { encoding: 'utf8', ...opts });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`${file} ${argv.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return ms;
}

async function deployment() {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-bench-'));
  const flags = [
    '--state-dir',
    join(dir, 'state'),
    '--output-dir',
    join(dir, 'out'),
    '--nats-port',
    String(await freePort()),
    '--monitor-port',
    String(await freePort()),
    '--controller-port',
    String(await freePort()),
  ];
  const env = { ...process.env, CI: '1', NO_COLOR: '1' };
  return {
    bootstrap: () =>
      timed(process.execPath, [BIN, 'bootstrap', '--json', '--yes', ...flags], { cwd: dir, env }),
    teardown: () => {
      spawnSync(process.execPath, [BIN, 'teardown', '--yes', '--purge', '--json', ...flags], {
        cwd: dir,
        env,
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function bareNatsServer() {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-bench-nats-'));
  const [port, monitor] = [await freePort(), await freePort()];
  const t0 = performance.now();
  const child = spawn(
    'nats-server',
    ['-a', '127.0.0.1', '-p', String(port), '-m', String(monitor), '-js', '-sd', dir],
    {
      stdio: 'ignore',
    },
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${monitor}/healthz?js-enabled-only=true`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('bare nats-server did not become healthy');
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = performance.now() - t0;
  await new Promise((r) => {
    child.once('exit', r);
    child.kill('SIGTERM');
  });
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

const node = [];
const nats = [];
const cold = [];
const noop = [];
for (let i = 0; i < RUNS; i++) node.push(timed(process.execPath, ['-e', '0']));
for (let i = 0; i < RUNS; i++) nats.push(await bareNatsServer());
for (let i = 0; i < RUNS; i++) {
  const d = await deployment();
  try {
    cold.push(d.bootstrap());
  } finally {
    d.teardown();
  }
}
const warm = await deployment();
try {
  warm.bootstrap();
  for (let i = 0; i < RUNS; i++) noop.push(warm.bootstrap());
} finally {
  warm.teardown();
}

const m = { node: median(node), natsServer: median(nats), cold: median(cold), noop: median(noop) };
const result = {
  bench: 'bootstrap',
  runs: RUNS,
  medianMs: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v)])),
  ratios: {
    coldVsNode: +(m.cold / m.node).toFixed(1),
    noopVsNode: +(m.noop / m.node).toFixed(1),
    coldVsNatsServer: +(m.cold / m.natsServer).toFixed(1),
  },
  budgets: {
    coldMs: { limit: 3000, ok: m.cold <= 3000 },
    noopMs: { limit: 1000, ok: m.noop <= 1000 },
    coldVsNode: { limit: 45, ok: m.cold / m.node <= 45 },
    noopVsNode: { limit: 15, ok: m.noop / m.node <= 15 },
  },
};
const ok = Object.values(result.budgets).every((b) => b.ok);
if (JSON_OUT) {
  process.stdout.write(`${JSON.stringify({ ...result, ok }, null, 2)}\n`);
} else {
  console.log(`bootstrap bench, median of ${RUNS} (ms)`);
  console.log(`  node -e 0          ${result.medianMs.node}`);
  console.log(`  bare nats-server   ${result.medianMs.natsServer}  (spawn to healthy)`);
  console.log(
    `  cold bootstrap     ${result.medianMs.cold}  (${result.ratios.coldVsNode}x node, budget 3000 ms / 45x)`,
  );
  console.log(
    `  no-op re-run       ${result.medianMs.noop}  (${result.ratios.noopVsNode}x node, budget 1000 ms / 15x)`,
  );
  console.log(ok ? 'budgets met' : 'OVER BUDGET');
}
if (STRICT && !ok) process.exitCode = 1;
