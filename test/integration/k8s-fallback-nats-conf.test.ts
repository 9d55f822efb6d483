// The StatefulSet fallback's nats.conf (exactly what natsgh puts in the
// ConfigMap) through the real nats-server: `nats-server -t` on 2.9
// (/usr/sbin/nats-server) and 2.10 (/opt/nats-2.10/usr/sbin/nats-server), and
// three real servers started from it to prove the routes form.
//
// Only the test rewrites what exists in a pod and not here: the pod DNS names
// in the routes (<name>-<i>.<headless>.<ns>.svc.cluster.local:6222) and the
// listen/client/monitor ports map to loopback ports, the volume paths
// (/data, /var/run/nats, /etc/nats-tls, /etc/nats-hub) map to temp dirs, and
// the environment the pod gets from the Secret (NATS_USER, NATS_PASSWORD,
// NATS_TOKEN) and the downward API (SERVER_NAME) is set on the process.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDevTls } from '../../src/nats/tls-generate.js';
import { kubeNames, renderKubeNatsConfig } from '../../src/provision/k8s-manifests.js';
import { NATS_VARIANTS as variants } from '../support/kube-variants.js';
import { metaGroupFormed, metaJsz, muteFollowers } from '../support/meta-group.js';
import { freePort } from '../support/nats-server.js';
import { createOperatorSetup } from '../support/operator-mode.js';

const run = promisify(execFile);
const BINARIES = { '2.9': '/usr/sbin/nats-server', '2.10': '/opt/nats-2.10/usr/sbin/nats-server' };
const names = kubeNames('default', 'natsgh');
const PASSWORD = 'natsPw-9f8e7d6c5b4a39281706';
const ENV = {
  NATS_USER: 'natsgh',
  NATS_PASSWORD: PASSWORD,
  NATS_TOKEN: 'tok-abcdef0123456789',
  SERVER_NAME: 'natsgh-default-nats-0',
};

let dir: string;
let tlsDir: string;
let credsFile: string;

/** The pod's paths and names mapped to this machine; ports per server index. */
function localize(
  conf: string,
  i: number,
  ports: { client: number; monitor: number; cluster: number[] },
): string {
  const store = join(dir, `data-${i}`);
  const run = join(dir, `run-${i}`);
  mkdirSync(store, { recursive: true });
  mkdirSync(run, { recursive: true });
  let out = conf
    .replace(/^port: 4222$/m, `host: "127.0.0.1"\nport: ${ports.client}`)
    .replace(/^http: 8222$/m, `http: "127.0.0.1:${ports.monitor}"`)
    .replaceAll('/data/jetstream', join(store, 'jetstream'))
    .replaceAll('/var/run/nats/', `${run}/`)
    .replaceAll('/etc/nats-tls/tls.crt', join(tlsDir, 'server.pem'))
    .replaceAll('/etc/nats-tls/tls.key', join(tlsDir, 'server-key.pem'))
    .replaceAll('/etc/nats-tls/ca.crt', join(tlsDir, 'ca.pem'))
    .replaceAll('/etc/nats-hub/nats.creds', credsFile)
    .replaceAll('/etc/nats-hub/hub-ca.crt', join(tlsDir, 'ca.pem'))
    .replaceAll('/etc/nats-hub/hub-tls.crt', join(tlsDir, 'client.pem'))
    .replaceAll('/etc/nats-hub/hub-tls.key', join(tlsDir, 'client-key.pem'))
    .replace('listen: "0.0.0.0:6222"', `listen: "127.0.0.1:${ports.cluster[i]}"`);
  ports.cluster.forEach((p, j) => {
    out = out.replaceAll(
      `${names.nats}-${j}.${names.natsHeadless}.${names.namespace}.svc.cluster.local:6222`,
      `127.0.0.1:${p}`,
    );
  });
  expect(out).not.toMatch(/svc\.cluster\.local|\/etc\/nats|\/var\/run|"\/data/);
  return out;
}

async function check(bin: string, conf: string, env: Record<string, string>) {
  const file = join(dir, `check-${Math.random().toString(36).slice(2)}.conf`);
  writeFileSync(file, conf);
  return run(bin, ['-t', '-c', file], { env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, out: `${r.stdout}${r.stderr}` }),
    (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
  );
}

describe('the fallback nats.conf with the real nats-server', () => {
  beforeAll(async () => {
    for (const bin of Object.values(BINARIES)) expect(existsSync(bin)).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'natsgh-kube-conf-'));
    tlsDir = (await generateDevTls(dir, { mtls: true, hosts: ['localhost'] })).ca.replace(/\/ca\.pem$/, '');
    const op = await createOperatorSetup();
    credsFile = (await op.writeUserCreds(dir, 'leaf')).file;
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const [version, bin] of Object.entries(BINARIES)) {
    for (const [what, input] of variants) {
      it(`nats-server ${version} -t accepts it: ${what}`, async () => {
        const conf = renderKubeNatsConfig({ names, deployment: 'default', ...input });
        const ports = { client: 4222, monitor: 8222, cluster: [16222, 16223, 16224] };
        const r = await check(bin, localize(conf, 0, ports), ENV);
        expect(r.out).toContain('configuration file');
        expect(r.code, r.out).toBe(0);
      });
    }
  }

  it('leafnode reconnect: 2.10 rejects a number (what natsgh wrote before), 2.9 a duration; natsgh writes neither', async () => {
    const conf = renderKubeNatsConfig({
      names,
      deployment: 'default',
      replicas: 1,
      storageSize: '1Gi',
      leafRemote: { urls: ['tls://hub.example.com:7422'] },
    });
    expect(conf).not.toContain('reconnect');
    const local = localize(conf, 0, { client: 4222, monitor: 8222, cluster: [] });
    const withReconnect = (v: string) => local.replace('leafnodes {', `leafnodes {\n  reconnect: ${v}`);
    const number = await check(BINARIES['2.10'], withReconnect('1'), ENV);
    expect(number.code).not.toBe(0);
    expect(number.out).toContain('should be converted to a duration');
    const duration = await check(BINARIES['2.9'], withReconnect('"1s"'), ENV);
    expect(duration.code).not.toBe(0);
    // Leaf links are re-dialled every second by default on both versions (DEFAULT_LEAF_NODE_RECONNECT).
  });

  it('three real servers from it form a cluster: routes up, JetStream meta leader, auth required, messages cross', async () => {
    const conf = renderKubeNatsConfig({
      names,
      deployment: 'default',
      replicas: 3,
      storageSize: '1Gi',
      auth: { kind: 'user' },
    });
    // Nine distinct ports (freePort can hand out a port again once it is closed).
    const unique = new Set<number>();
    while (unique.size < 9) unique.add(await freePort());
    const [c0, c1, c2, ...rest] = [...unique];
    const cluster = [c0, c1, c2];
    const servers: Array<{
      child: ChildProcess;
      file: string;
      client: number;
      monitor: number;
      log: string[];
    }> = [];
    /** Server i from its file, as the pod's container runs it (again after a restart: same file and store). */
    const launch = (i: number, file: string, log: string[]) => {
      const child = spawn(BINARIES['2.10'], ['-c', file], {
        env: { ...process.env, ...ENV, SERVER_NAME: `${names.nats}-${i}` },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr?.on('data', (d) => log.push(String(d)));
      return child;
    };
    const stop = async (s: (typeof servers)[number]) => {
      if (s.child.exitCode !== null || s.child.signalCode !== null) return;
      const exited = new Promise((r) => s.child.once('exit', r));
      s.child.kill('SIGTERM');
      await exited;
    };
    try {
      for (let i = 0; i < 3; i++) {
        const [client, monitor] = rest.slice(i * 2, i * 2 + 2);
        const file = join(dir, `server-${i}.conf`);
        writeFileSync(file, localize(conf, i, { client, monitor, cluster }));
        const log: string[] = [];
        servers.push({ child: launch(i, file, log), file, client, monitor, log });
      }
      // Distinct peers (2.10 pools several connections per peer).
      const routes = async (monitor: number) => {
        const r = await fetch(`http://127.0.0.1:${monitor}/routez`).catch(() => undefined);
        if (!r?.ok) return -1;
        const body = (await r.json()) as { routes?: Array<{ remote_id: string }> };
        return new Set((body.routes ?? []).map((x) => x.remote_id)).size;
      };
      const deadline = Date.now() + 30_000;
      let counts: number[] = [];
      while (Date.now() < deadline) {
        counts = await Promise.all(servers.map((s) => routes(s.monitor)));
        if (counts.every((n) => n === 2)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(counts, servers.map((s) => s.log.join('')).join('\n')).toEqual([2, 2, 2]);
      // The meta group has formed when every server follows one leader and counts three peers,
      // and the leader lists the other two as replicas. A server that shows the nats-server 2.10
      // send-queue start race (support/meta-group.ts) never joins while its process lives; it is
      // restarted, as deleting its pod would, once the leader has gone 3 s (three heartbeats it
      // would have answered) without hearing from it. Any other way of not forming still fails.
      const serverNames = servers.map((_, i) => `${names.nats}-${i}`);
      const monitors = servers.map((s) => s.monitor);
      const mutedSince = new Map<number, number>();
      const restarted: string[] = [];
      let meta = await metaJsz(monitors);
      while (!metaGroupFormed(meta, serverNames) && Date.now() < deadline) {
        const mute = await muteFollowers(monitors);
        for (const i of mutedSince.keys()) if (!mute.includes(i)) mutedSince.delete(i);
        for (const i of mute) {
          const since = mutedSince.get(i) ?? Date.now();
          mutedSince.set(i, since);
          if (Date.now() - since < 3_000) continue;
          mutedSince.delete(i);
          restarted.push(serverNames[i]);
          console.warn(`${serverNames[i]} hit the nats-server 2.10 send-queue start race; restarting it`);
          await stop(servers[i]);
          servers[i].child = launch(i, servers[i].file, servers[i].log);
        }
        await new Promise((r) => setTimeout(r, 200));
        meta = await metaJsz(monitors);
      }
      const why = `meta groups ${JSON.stringify(meta)}, restarted ${JSON.stringify(restarted)}\n${servers.map((s) => s.log.join('')).join('\n')}`;
      expect(metaGroupFormed(meta, serverNames), why).toBe(true);
      expect(meta[2]?.cluster_size).toBe(3);
      expect(meta[2]?.leader).toMatch(new RegExp(`^${names.nats}-[0-2]$`));

      const err = await connect({ servers: `127.0.0.1:${servers[0].client}`, reconnect: false }).catch(
        (e) => e,
      );
      expect(String(err)).toMatch(/Authorization/i);
      const sub = await connect({
        servers: `127.0.0.1:${servers[0].client}`,
        user: 'natsgh',
        pass: PASSWORD,
      });
      const pub = await connect({
        servers: `127.0.0.1:${servers[2].client}`,
        user: 'natsgh',
        pass: PASSWORD,
      });
      try {
        const got = sub.subscribe('natsgh.test', { max: 1 });
        await sub.flush();
        // The subscription reaches server 2 over the route; publish until it has.
        const received = (async () => {
          for await (const m of got) return m.string();
        })();
        const timer = setInterval(() => pub.publish('natsgh.test', 'across the route'), 100);
        expect(await received).toBe('across the route');
        clearInterval(timer);
        // no_advertise: clients are not told pod addresses (here the loopback route ports would show).
        expect(sub.info?.connect_urls ?? []).toEqual([]);
      } finally {
        await sub.close();
        await pub.close();
      }
    } finally {
      await Promise.all(servers.map(stop));
    }
  }, 90_000);
});
