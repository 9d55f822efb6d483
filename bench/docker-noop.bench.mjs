#!/usr/bin/env node
// Bench of a no-op `natsgh bootstrap --mode docker` re-run (self_hosted: NATS
// and the controller as compose services, everything verified and skipped)
// against the baseline of a no-op `--mode dev` re-run (embedded) on the same
// machine, interleaved round by round. Budget (issue 20): docker <= 2x dev, on
// medians. Needs a running Docker engine with the base images
// (scripts/test-docker.sh sets both up); without one it says so and measures
// nothing (in CI it fails).
// Usage: npm run build && node bench/docker-noop.bench.mjs [--runs N] (or `npm run bench docker-noop`).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { benchDeployment, DEFAULT_RUNS, freePort, runBenchmark } from './lib.mjs';

async function deployment(prefix, modeFlags) {
  const flags = [];
  for (const f of ['--nats-port', '--monitor-port', '--controller-port'])
    flags.push(f, String(await freePort()));
  return benchDeployment(prefix, () => [...modeFlags, ...flags]);
}

export default async function dockerNoopBench({ runs = DEFAULT_RUNS } = {}) {
  const engine = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (engine.status !== 0) {
    const why =
      'docker-noop: no Docker engine (run scripts/docker/engine.sh as root, or scripts/test-docker.sh)';
    if (process.env.CI) throw new Error(why);
    console.log(`${why}; skipped`);
    return [];
  }
  const dev = await deployment('natsgh-bench-dev-', ['--mode', 'dev']);
  const docker = await deployment('natsgh-bench-docker-', [
    '--mode',
    'docker',
    '--nats-type',
    'self_hosted',
    '--deployment',
    'benchdocker',
  ]);
  try {
    // Cold runs, not timed (the docker one builds the controller image when its tag is missing).
    dev.bootstrap();
    docker.bootstrap();
    return runBenchmark({
      name: 'docker-noop',
      baseline: { label: 'dev no-op re-run (embedded)', ...dev.command },
      cases: [{ label: 'docker no-op re-run (self_hosted)', ...docker.command, budget: 2 }],
      runs,
    });
  } finally {
    dev.teardown();
    docker.teardown();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : undefined;
  const [result] = [].concat((await dockerNoopBench(runs ? { runs } : {})) ?? []);
  if (result && !result.ok) process.exitCode = 1;
}
