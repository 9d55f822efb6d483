#!/usr/bin/env node
// Compares builds of natsgh in one run: `status` and a no-op `bootstrap` of a running
// embedded deployment, `--version` and `bootstrap --help`, round by round interleaved
// with `node -e 0`, wall time (median) and CPU time of the child (user + system, mean),
// each as a ratio to node's. A build is a directory laid out as the package (bin/,
// dist/, package.json, oclif.manifest.json, templates/, node_modules/); copy one with
// `cp -a` (the prerendered help is used only when newer than the manifest).
// Linux only (GNU time gives the child's CPU time).
// Usage: node bench/compare-builds.mjs [--runs N] DIR [DIR...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { freePort } from './lib.mjs';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv.splice(runsAt, 2)[1]) : 9;
const builds = argv.map((d) => resolve(d));
if (builds.length === 0 || !(runs >= 3)) {
  console.error('usage: node bench/compare-builds.mjs [--runs N>=3] DIR [DIR...]');
  process.exit(2);
}

/** Wall and CPU time (ms) of one run, from GNU time's last stderr line. */
function timed(args, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, ...args], {
    cwd,
    env: { ...process.env, CI: '1', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  const [e, u, s] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return { wall: e * 1000, cpu: (u + s) * 1000 };
}

const deployments = [];
const cases = [['node -e 0', () => timed(['-e', '0'], tmpdir())]];
try {
  for (const build of builds) {
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-compare-'));
    const bin = join(build, 'bin', 'run.js');
    const ports = [await freePort(), await freePort(), await freePort()];
    const flags = [
      ...['--state-dir', join(dir, 'state'), '--output-dir', join(dir, 'out')],
      ...['--nats-port', String(ports[0]), '--monitor-port', String(ports[1])],
      ...['--controller-port', String(ports[2])],
    ];
    deployments.push({ bin, dir, flags });
    timed([bin, 'bootstrap', '--json', '--yes', ...flags], dir);
    const name = basename(build);
    cases.push([
      `${name}: status`,
      () => timed([bin, 'status', '--json', '--state-dir', join(dir, 'state')], dir),
    ]);
    cases.push([
      `${name}: no-op bootstrap`,
      () => timed([bin, 'bootstrap', '--json', '--yes', ...flags], dir),
    ]);
    cases.push([`${name}: --version`, () => timed([bin, '--version'], dir)]);
    cases.push([`${name}: bootstrap --help`, () => timed([bin, 'bootstrap', '--help'], dir)]);
  }
  const samples = cases.map(() => []);
  const loadBefore = loadavg()[0];
  for (const [, run] of cases) run();
  for (let i = 0; i < runs; i++) for (const [j, [, run]] of cases.entries()) samples[j].push(run());
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const wall0 = median(samples[0].map((s) => s.wall));
  const cpu0 = mean(samples[0].map((s) => s.cpu));
  console.log(`${runs} rounds, load average ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`);
  console.log(
    `${'case'.padEnd(36)} ${'wall ms'.padStart(8)} ${'×'.padStart(6)} ${'CPU ms'.padStart(8)} ${'×'.padStart(6)}`,
  );
  for (const [j, [label]] of cases.entries()) {
    const wall = median(samples[j].map((s) => s.wall));
    const cpu = mean(samples[j].map((s) => s.cpu));
    console.log(
      `${label.padEnd(36)} ${wall.toFixed(0).padStart(8)} ${(wall / wall0).toFixed(2).padStart(6)} ${cpu.toFixed(0).padStart(8)} ${(cpu / cpu0).toFixed(2).padStart(6)}`,
    );
  }
} finally {
  for (const d of deployments) {
    spawnSync(process.execPath, [d.bin, 'teardown', '--yes', '--purge', '--json', ...d.flags], {
      cwd: d.dir,
      env: { ...process.env, CI: '1' },
      stdio: 'ignore',
    });
    rmSync(d.dir, { recursive: true, force: true });
  }
}
