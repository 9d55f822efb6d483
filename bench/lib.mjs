// Shared benchmark harness: runs commands N times (interleaved with a baseline
// measured in the same run), reports median and spread, checks ratio budgets,
// prints a table and merges the figures into bench/results/latest.json by name.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, cpus, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const RESULTS_FILE = join(ROOT, 'bench', 'results', 'latest.json');
/** Runs per case; at least 7 so the median means something. */
export const DEFAULT_RUNS = Math.max(7, Number(process.env.BENCH_RUNS) || 9);

/** Wall time of one run in ms. Throws when the command cannot start; a non-zero exit is allowed only when asked. */
export function timeOnce({ cmd, args = [], env, cwd = ROOT, allowFailure = false }) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  if (r.status !== 0 && !allowFailure) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  }
  return ms;
}

export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { runs: s.length, median, min: s[0], max: s[s.length - 1], p90: at(0.9) };
}

const round = (n) => Math.round(n * 10) / 10;

/**
 * Measures a baseline and cases, interleaved round by round so machine load
 * affects all of them alike. A case may carry `budget`: the largest allowed
 * ratio of its median to the baseline's median.
 */
export function runBenchmark({ name, baseline, cases, runs = DEFAULT_RUNS, warmup = 1 }) {
  const all = [baseline, ...cases];
  for (let i = 0; i < warmup; i++) for (const c of all) timeOnce(c);
  const samples = all.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, c] of all.entries()) samples[j].push(timeOnce(c));
  }
  const stats = samples.map(summarize);
  const base = stats[0].median;
  const rows = all.map((c, j) => {
    const ratio = stats[j].median / base;
    return {
      label: c.label,
      median: round(stats[j].median),
      min: round(stats[j].min),
      p90: round(stats[j].p90),
      max: round(stats[j].max),
      runs: stats[j].runs,
      ratio: Math.round(ratio * 100) / 100,
      budget: c.budget ?? null,
      withinBudget: c.budget === undefined ? null : ratio <= c.budget,
    };
  });
  const result = {
    name,
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, platform: platform(), arch: arch(), cpus: cpus().length },
    baseline: baseline.label,
    rows,
    ok: rows.every((r) => r.withinBudget !== false),
  };
  printTable(result);
  saveResult(result);
  return result;
}

export function printTable(result) {
  const header = ['case', 'median ms', 'min', 'p90', 'max', 'runs', '× baseline', 'budget'];
  const lines = result.rows.map((r) => [
    r.label,
    r.median.toFixed(1),
    r.min.toFixed(1),
    r.p90.toFixed(1),
    r.max.toFixed(1),
    String(r.runs),
    r.ratio.toFixed(2),
    r.budget === null ? '' : `≤ ${r.budget}× ${r.withinBudget ? 'ok' : 'OVER'}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${result.name} (baseline: ${result.baseline})`);
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
}

/** Merges one benchmark's result into latest.json (atomically), keeping the others' entries. */
export function saveResult(result) {
  let all = {};
  try {
    all = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
  } catch {
    // First result, or an unreadable file that is rewritten.
  }
  all[result.name] = result;
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const tmp = `${RESULTS_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`);
  renameSync(tmp, RESULTS_FILE);
}

/**
 * A throwaway deployment in a temp dir for the bootstrap benchmarks:
 * `flagsFor(dir)` gives its flags (state and output dirs inside `dir`, ports);
 * bootstrap() times one `natsgh bootstrap`, status() one `natsgh status`, teardown() purges it (not timed).
 */
export function benchDeployment(prefix, flagsFor) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const flags = ['--state-dir', join(dir, 'state'), '--output-dir', join(dir, 'out'), ...flagsFor(dir)];
  const env = { CI: '1', NO_COLOR: '1' };
  const bin = join(ROOT, 'bin', 'run.js');
  /** The bootstrap command, for runBenchmark's interleaved cases. */
  const command = {
    cmd: process.execPath,
    args: [bin, 'bootstrap', '--json', '--yes', ...flags],
    cwd: dir,
    env,
  };
  return {
    command,
    bootstrap: () => timeOnce(command),
    /** Times `natsgh status --json` given only the state dir: the rest comes from the recorded settings. */
    status: () =>
      timeOnce({
        cmd: process.execPath,
        args: [bin, 'status', '--json', '--state-dir', join(dir, 'state')],
        cwd: dir,
        env,
      }),
    teardown() {
      spawnSync(process.execPath, [bin, 'teardown', '--yes', '--purge', '--json', ...flags], {
        cwd: dir,
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A free loopback TCP port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
