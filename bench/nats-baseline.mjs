// The second baseline of the bootstrap benchmarks: what starting nats-server
// itself costs. Spawns `nodes` bare servers (a cluster with routes when more
// than one) and times them until JetStream is usable: every node healthy with
// JetStream, and for a cluster a meta-group leader.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function portFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A block of free ports: client base+i, routes base+100+i, monitor base+300+i, controller base+400. */
export async function portBlock(nodes) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 25_000);
    const wanted = [base + 400];
    for (let i = 0; i < nodes; i++) wanted.push(base + i, base + 100 + i, base + 300 + i);
    if ((await Promise.all(wanted.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no free block of ports in 50 tries');
}

async function waitJetStream(monitorPorts, timeoutMs = 30_000) {
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
  if (monitorPorts.length === 1) return;
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

/** Milliseconds from spawning `nodes` bare nats-servers to usable JetStream; they are stopped afterwards. */
export async function bareNatsServers(nodes) {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-bench-bare-'));
  const base = await portBlock(nodes);
  const routes = Array.from({ length: nodes }, (_, i) => `nats://127.0.0.1:${base + 100 + i}`);
  const children = [];
  const t0 = performance.now();
  try {
    for (let i = 0; i < nodes; i++) {
      const conf = join(dir, `n${i}.conf`);
      const lines = [
        `server_name: bench-n${i}`,
        'host: 127.0.0.1',
        `port: ${base + i}`,
        `http: "127.0.0.1:${base + 300 + i}"`,
        `jetstream { store_dir: "${join(dir, `n${i}`)}" }`,
      ];
      if (nodes > 1)
        lines.push(
          `cluster { name: bench, listen: "127.0.0.1:${base + 100 + i}", routes: [${routes.join(', ')}] }`,
        );
      writeFileSync(conf, lines.join('\n'));
      children.push(spawn('nats-server', ['-c', conf], { stdio: 'ignore' }));
    }
    await waitJetStream(Array.from({ length: nodes }, (_, i) => base + 300 + i));
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
