// Peak memory of a real `natsgh controller run` process under load: its peak
// RSS (VmHWM) idle after start-up and after N events that need no GitHub call
// (decided from the subject, acked), against the peak RSS of `node -e 0`.
// GitHub is a loopback stub answering 404 (no call is expected for these events).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startNats } from './controller.bench.mjs';
import { freePort, ROOT, saveResult } from './lib.mjs';

const BIN = resolve(ROOT, 'bin', 'run.js');
const N = Number(process.env.BENCH_RSS_EVENTS) || 20_000;

function peakRssMb(pid, field = 'VmHWM') {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : Number.NaN;
}

async function metric(port, name) {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    return text
      .split('\n')
      .filter((l) => l.startsWith(name))
      .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
  } catch {
    return -1;
  }
}

async function until(what, fn, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export default async function benchControllerRss() {
  if (process.platform !== 'linux') {
    console.log('controller-rss: needs /proc (Linux); not measured');
    return [];
  }
  const nodeRss = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS))'],
    {
      encoding: 'utf8',
    },
  );
  const nodeMb = Math.round(Number(nodeRss.stdout) / 102.4) / 10;
  const github = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
  });
  await new Promise((r) => github.listen(0, '127.0.0.1', r));
  const nats = await startNats();
  const stateDir = mkdtempSync(join(tmpdir(), 'natsgh-bench-rss-'));
  const controllerPort = await freePort();
  // Started as natsgh starts it (deploy-controller): with the controller's Node options.
  const { controllerNodeOptions } = await import(
    pathToFileURL(join(ROOT, 'dist/controller/node-options.js')).href
  );
  const child = spawn(
    process.execPath,
    [
      BIN,
      'controller',
      'run',
      '--nats-url',
      nats.url,
      '--deployment',
      'rss',
      '--org',
      'acme',
      '--state-dir',
      stateDir,
      '--controller-port',
      String(controllerPort),
      '--resync-interval',
      '0',
    ],
    {
      env: {
        ...process.env,
        CI: '1',
        NODE_OPTIONS: controllerNodeOptions(process.env.NODE_OPTIONS),
        GITHUB_TOKEN: 'ghp_benchtokenbenchtokenbenchtoken12',
        GITHUB_API_URL: `http://127.0.0.1:${github.address().port}`,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  try {
    await until(
      'controller ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`controller exited ${child.exitCode}: ${stderr}`);
        return (await fetch(`http://127.0.0.1:${controllerPort}/readyz`).catch(() => ({ ok: false }))).ok;
      },
      60_000,
    );
    await new Promise((r) => setTimeout(r, 500));
    const idleMb = peakRssMb(child.pid);

    const { connectNats } = await import(pathToFileURL(join(ROOT, 'dist/nats/connect.js')).href);
    const { githubEventSubject } = await import(pathToFileURL(join(ROOT, 'dist/nats/names.js')).href);
    const { jetstream } = await import('@nats-io/jetstream');
    const { headers } = await import('@nats-io/nats-core');
    const nc = await connectNats({ servers: [nats.url] });
    const js = jetstream(nc);
    // Pushes to repositories other than .github: the controller decides from the subject and acks.
    const body = new TextEncoder().encode(
      JSON.stringify({
        ref: 'refs/heads/main',
        repository: { name: 'app', owner: { login: 'acme' } },
      }).padEnd(2048, ' '),
    );
    const t0 = performance.now();
    for (let i = 0; i < N; i += 500) {
      const batch = [];
      for (let j = i; j < Math.min(N, i + 500); j++) {
        const h = headers();
        h.set('X-GitHub-Event', 'push');
        batch.push(
          js.publish(githubEventSubject('acme', `app-${j % 50}`, 'push'), body, {
            msgID: `rss-${j}`,
            headers: h,
          }),
        );
      }
      await Promise.all(batch);
    }
    await until(
      `${N} events decided`,
      async () => (await metric(controllerPort, 'natsgh_events_received_total')) >= N,
      180_000,
    );
    const seconds = (performance.now() - t0) / 1000;
    const loadedMb = peakRssMb(child.pid);
    const currentMb = peakRssMb(child.pid, 'VmRSS');
    await nc.close();
    const rows = [
      { label: 'node -e 0 peak RSS (MB)', value: nodeMb, ratio: 1 },
      {
        label: 'controller idle peak RSS (MB)',
        value: idleMb,
        ratio: Math.round((idleMb / nodeMb) * 100) / 100,
      },
      {
        label: `controller peak RSS after ${N} events (MB)`,
        value: loadedMb,
        ratio: Math.round((loadedMb / nodeMb) * 100) / 100,
      },
      {
        label: 'controller RSS right after the load (MB)',
        value: currentMb,
        ratio: Math.round((currentMb / nodeMb) * 100) / 100,
      },
      { label: 'growth under load (MB)', value: Math.round((loadedMb - idleMb) * 10) / 10, ratio: null },
      { label: 'events/s through the controller process', value: Math.round(N / seconds), ratio: null },
    ].map((r) => {
      // Issue 18: ≤ 80 MB idle and after the load, with no growth (1 MB of slack for page noise).
      const budget =
        /peak RSS \(MB\)$|peak RSS after/.test(r.label) && r.label.startsWith('controller')
          ? 80
          : r.label.startsWith('growth')
            ? 1
            : null;
      return { ...r, budget, withinBudget: budget === null ? null : r.value <= budget };
    });
    const result = {
      name: 'controller-rss',
      measuredAt: new Date().toISOString(),
      events: N,
      baseline: 'node -e 0',
      rows,
      ok: rows.every((r) => r.withinBudget !== false),
    };
    console.log('\ncontroller-rss (baseline: node -e 0 peak RSS)');
    for (const r of rows)
      console.log(
        `${r.label.padEnd(48)} ${String(r.value).padStart(8)}${r.ratio !== null ? `  ${r.ratio.toFixed(2)}×` : ''}${
          r.budget !== null ? `  (budget ≤ ${r.budget} ${r.withinBudget ? 'ok' : 'OVER'})` : ''
        }`,
      );
    saveResult(result);
    return result;
  } finally {
    await new Promise((r) => {
      if (child.exitCode !== null) return r();
      child.once('exit', r);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
    await nats.stop();
    github.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
