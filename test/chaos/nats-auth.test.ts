// Hostile clients against every NATS server natsgh runs in dev mode (the
// embedded server, each node of a 3-node local cluster, the hybrid leaf):
// no credentials, fuzzed ones, near misses of the real ones, a random NKey, a
// raw protocol client that publishes a forged GitHub event, and on the cluster
// a server that tries to join the routes with a wrong route password. Each is
// refused, and nothing it sent reaches a stream.
import { rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connectNats, type NatsConnectionSpec } from '../../src/nats/connect.js';
import { readDeploymentCredentials } from '../../src/nats/deployment-auth.js';
import { createEmbeddedProvisioner } from '../../src/provision/embedded.js';
import { createHybridProvisioner } from '../../src/provision/hybrid.js';
import { CLUSTER_PORT_OFFSET, createLocalClusterProvisioner } from '../../src/provision/local-cluster.js';
import { readMonitor } from '../../src/provision/local-server.js';
import type { Provisioner } from '../../src/provision/provisioner.js';
import { clusterPorts } from '../support/local-cluster.js';
import { connectOutcome } from '../support/nats-auth.js';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { provisionContext, type RecordingContext } from '../support/provision-context.js';
import { createRng, type Rng } from './random.js';
import { checked, injected, within } from './report.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_$@:"\\ ';
function randomText(rng: Rng, min: number, max: number): string {
  return Array.from({ length: rng.int(min, max) }, () => ALPHABET[rng.int(0, ALPHABET.length - 1)]).join('');
}

/** Speaks the NATS protocol by hand: CONNECT with `connect` fields, a PUB of a forged event, a PING. */
function rawPublish(port: number, connect: Record<string, unknown>): Promise<string> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    let got = '';
    let sent = false;
    const done = () => {
      socket.destroy();
      resolve(got);
    };
    const timer = setTimeout(done, 3000);
    socket.on('data', (chunk) => {
      got += chunk.toString();
      if (!sent && got.includes('\r\n')) {
        sent = true;
        const body = '{"forged":true}';
        socket.write(
          `CONNECT ${JSON.stringify({ verbose: false, pedantic: false, ...connect })}\r\nPUB github.events.acme.repo.push ${body.length}\r\n${body}\r\nPING\r\n`,
        );
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.on('error', () => undefined);
  });
}

/** A stream that would catch any forged GitHub event that got in. */
async function captureStream(spec: NatsConnectionSpec, name: string): Promise<() => Promise<number>> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const nc = await connectNats(spec);
  const jsm = await jetstreamManager(nc, spec.jetstreamDomain ? { domain: spec.jetstreamDomain } : {});
  await jsm.streams.add({ name, subjects: ['github.events.acme.>'], num_replicas: 1 });
  cleanups.push(async () => {
    await jsm.streams.delete(name).catch(() => undefined);
    await nc.close();
  });
  return async () => (await jsm.streams.info(name)).state.messages;
}

async function hostileClients(
  scenario: string,
  rng: Rng,
  servers: string[],
  good: NatsConnectionSpec,
  messages: () => Promise<number>,
): Promise<void> {
  const { createUser } = await import('@nats-io/nkeys');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-chaos-auth-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const nkeyFile = join(dir, 'intruder.nk');
  writeFileSync(nkeyFile, new TextDecoder().decode(createUser().getSeed()), { mode: 0o600 });
  const password = good.password ?? '';
  const flipAt = rng.int(0, Math.max(0, password.length - 1));
  const nearMiss = `${password.slice(0, flipAt)}${password[flipAt] === 'x' ? 'y' : 'x'}${password.slice(flipAt + 1)}`;
  const attempts: Array<[string, Partial<NatsConnectionSpec>]> = [
    ['no credentials', {}],
    ['fuzzed user and password', { user: randomText(rng, 1, 40), password: randomText(rng, 0, 80) }],
    ['the right user with a fuzzed password', { user: good.user, password: randomText(rng, 1, 80) }],
    ['the right user, the password off by one character', { user: good.user, password: nearMiss }],
    ['the password sent as a token', { token: password }],
    ['a fuzzed token', { token: randomText(rng, 1, 60) }],
    ['an NKey the server does not know', { nkeyFile }],
  ];
  const before = await messages();
  for (const url of servers) {
    for (const [what, creds] of attempts) {
      injected(scenario, `${what} against ${url}`);
      expect(
        await within(connectOutcome({ servers: [url], ...creds }), 10_000, what),
        `${what} @ ${url}`,
      ).toBe('nats_auth');
    }
    const port = Number(new URL(url).port);
    for (const connect of [{}, { user: good.user, pass: randomText(rng, 0, 30) }, { auth_token: password }]) {
      injected(scenario, `a raw protocol client publishing a forged push event to ${url}`);
      const reply = await rawPublish(port, connect);
      expect(reply, url).toContain('Authorization Violation');
      expect(reply, url).not.toContain('PONG');
    }
  }
  expect(await messages()).toBe(before);
  checked(
    scenario,
    `${servers.length} server(s) refused ${attempts.length + 3} kinds of intruder; no forged event got in`,
  );
  // The deployment's own credentials still work, and a real publish is caught: the check above can see one.
  const nc = await connectNats(good);
  nc.publish('github.events.acme.repo.push', '{"real":true}');
  await nc.flush();
  await nc.close();
  const deadline = Date.now() + 5000;
  while ((await messages()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(await messages()).toBe(before + 1);
}

async function provisioned(flags: Record<string, unknown>, make: (ctx: RecordingContext) => Provisioner) {
  const ctx = await provisionContext(flags);
  const p = make(ctx);
  cleanups.push(async () => {
    await p.teardown(ctx, { purge: true });
    rmSync(ctx.stateDir, { recursive: true, force: true });
  });
  const result = await p.apply(ctx);
  return { ctx, p, result, spec: p.connection(ctx) };
}

describe('chaos: intruders against the NATS servers natsgh runs', () => {
  it('the embedded server refuses every intruder', async () => {
    const rng = createRng('auth-embedded');
    const { spec, result } = await provisioned(
      { deployment: 'chaosemb', 'nats-port': await freePort(), 'monitor-port': await freePort() },
      (ctx) => createEmbeddedProvisioner(ctx.config),
    );
    await hostileClients('auth-embedded', rng, result.servers, spec, await captureStream(spec, 'CHAOS_EMB'));
  });

  it('each node of a 3-node cluster refuses every intruder; a server with a wrong route password cannot join', async () => {
    const rng = createRng('auth-cluster');
    const { port, monitor } = await clusterPorts(3);
    const { ctx, spec, result } = await provisioned(
      {
        'nats-type': 'self_hosted_cluster',
        deployment: 'chaosclu',
        'nats-port': port,
        'monitor-port': monitor,
      },
      (c) => createLocalClusterProvisioner(c.config),
    );
    await hostileClients('auth-cluster', rng, result.servers, spec, await captureStream(spec, 'CHAOS_CLU'));

    const routes = readDeploymentCredentials(ctx.stateDir, 'chaosclu')!.routes;
    const guesses = ['', `${routes.user}:${randomText(rng, 1, 30).replace(/[^A-Za-z0-9]/g, 'a')}@`];
    const rogues: TestNatsServer[] = [];
    for (const userInfo of guesses) {
      injected(
        'auth-cluster',
        `a nats-server joining the routes with ${userInfo ? 'a wrong route password' : 'no route credentials'}`,
      );
      const rogue = await startNatsServer({
        jetstream: false,
        extraConfig: `cluster { name: "natsgh-chaosclu", listen: "127.0.0.1:${await freePort()}", routes: ["nats-route://${userInfo}127.0.0.1:${port + CLUSTER_PORT_OFFSET + rng.int(0, 2)}"] }`,
      });
      rogues.push(rogue);
      cleanups.push(() => rogue.stop());
    }
    await new Promise((r) => setTimeout(r, 3000));
    for (const rogue of rogues) {
      const routez = await readMonitor<{ num_routes?: number }>(rogue.monitorPort, '/routez');
      expect(routez?.num_routes ?? 0).toBe(0);
    }
    for (let i = 0; i < 3; i++) {
      const routez = await readMonitor<{ routes?: Array<{ remote_name?: string; remote_id?: string }> }>(
        monitor + i,
        '/routez',
      );
      expect(new Set((routez?.routes ?? []).map((r) => r.remote_name || r.remote_id)).size, `node ${i}`).toBe(
        2,
      );
    }
    checked(
      'auth-cluster',
      'no rogue server joined the routes; every node still routes to exactly its 2 peers',
    );
  });

  it('the hybrid leaf refuses every intruder on its client port', async () => {
    const rng = createRng('auth-leaf');
    const hubLeafPort = await freePort();
    const hub = await startNatsServer({
      extraConfig: `leafnodes { listen: "127.0.0.1:${hubLeafPort}" }`,
      domain: 'hub',
      name: 'hub',
    });
    cleanups.push(() => hub.stop());
    const { spec, result } = await provisioned(
      {
        'nats-type': 'hybrid',
        deployment: 'chaosleaf',
        'hub-url': `nats-leaf://127.0.0.1:${hubLeafPort}`,
        'nats-port': await freePort(),
        'monitor-port': await freePort(),
      },
      (ctx) => createHybridProvisioner(ctx.config),
    );
    expect(result.outputs.hubLink).toBe('up');
    await hostileClients('auth-leaf', rng, result.servers, spec, await captureStream(spec, 'CHAOS_LEAF'));
  });
});
