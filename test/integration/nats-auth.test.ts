// NATS authentication of every server natsgh runs, against real nats-servers:
// the embedded server, a 3-node local cluster (clients and routes) and the
// hybrid leaf refuse a client without the deployment's credentials; credentials
// the user gives are applied to the server; the files holding them are owner-only.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectNats } from '../../src/nats/connect.js';
import {
  authPaths,
  type DeploymentCredentials,
  readDeploymentCredentials,
} from '../../src/nats/deployment-auth.js';
import { createEmbeddedProvisioner } from '../../src/provision/embedded.js';
import { createHybridProvisioner } from '../../src/provision/hybrid.js';
import { CLUSTER_PORT_OFFSET, createLocalClusterProvisioner } from '../../src/provision/local-cluster.js';
import { readMonitor } from '../../src/provision/local-server.js';
import type { Provisioner } from '../../src/provision/provisioner.js';
import { clusterPorts } from '../support/local-cluster.js';
import { connectOutcome } from '../support/nats-auth.js';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { provisionContext, type RecordingContext } from '../support/provision-context.js';

const mode = (file: string) => statSync(file).mode & 0o777;

function expectPrivateFiles(stateDir: string, deployment: string): DeploymentCredentials {
  const paths = authPaths(stateDir, deployment);
  expect(mode(join(stateDir, 'auth'))).toBe(0o700);
  expect(mode(paths.dir)).toBe(0o700);
  expect(mode(paths.credentials)).toBe(0o600);
  const creds = readDeploymentCredentials(stateDir, deployment);
  expect(creds).toBeDefined();
  return creds!;
}

describe('embedded server authentication', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function start(
    extra: Record<string, unknown> = {},
  ): Promise<{ ctx: RecordingContext; p: Provisioner }> {
    const ctx = await provisionContext({
      'nats-port': await freePort(),
      'monitor-port': await freePort(),
      deployment: 'auth',
      ...extra,
    });
    const p = createEmbeddedProvisioner(ctx.config);
    cleanups.push(async () => {
      await p.teardown(ctx, { purge: true });
      rmSync(ctx.stateDir, { recursive: true, force: true });
    });
    await p.apply(ctx);
    return { ctx, p };
  }

  it('generates owner-only credentials and refuses a client without them or with a wrong password', async () => {
    const { ctx, p } = await start();
    const creds = expectPrivateFiles(ctx.stateDir, 'auth');
    expect(creds).toMatchObject({ origin: 'generated', user: 'natsgh' });
    expect(creds.password!.length).toBeGreaterThanOrEqual(40);
    const conf = join(ctx.stateDir, 'nats', 'server.conf');
    expect(mode(conf)).toBe(0o600);
    expect(mode(join(ctx.stateDir, 'nats'))).toBe(0o700);

    const spec = p.connection(ctx);
    expect(spec.user).toBe('natsgh');
    expect(await connectOutcome(spec)).toBe('connected');
    const bare = { servers: spec.servers };
    expect(await connectOutcome(bare)).toBe('nats_auth');
    expect(await connectOutcome({ ...bare, user: 'natsgh', password: 'wrong-password' })).toBe('nats_auth');
    expect(await connectOutcome({ ...bare, token: creds.password })).toBe('nats_auth');
    // Nothing secret in what the provisioner logged.
    expect(ctx.lines.join('\n')).not.toContain(creds.password);
  });

  it('applies a user and password the user gave to the server, instead of generated ones', async () => {
    const { ctx, p } = await start({ 'nats-user': 'alice', 'nats-password': 'alice-secret-pw-123' });
    const creds = expectPrivateFiles(ctx.stateDir, 'auth');
    expect(creds).toMatchObject({ origin: 'given', user: 'alice', password: 'alice-secret-pw-123' });
    const servers = p.connection(ctx).servers;
    expect(await connectOutcome({ servers, user: 'alice', password: 'alice-secret-pw-123' })).toBe(
      'connected',
    );
    expect(await connectOutcome({ servers, user: 'natsgh', password: 'alice-secret-pw-123' })).toBe(
      'nats_auth',
    );
    expect(await connectOutcome({ servers })).toBe('nats_auth');
  });

  it('applies a token the user gave', async () => {
    const { ctx, p } = await start({ 'nats-token': 'tok-0123456789abcdef' });
    const servers = p.connection(ctx).servers;
    expect(p.connection(ctx).token).toBe('tok-0123456789abcdef');
    expect(await connectOutcome({ servers, token: 'tok-0123456789abcdef' })).toBe('connected');
    expect(await connectOutcome({ servers, token: 'tok-wrong' })).toBe('nats_auth');
    expect(await connectOutcome({ servers })).toBe('nats_auth');
  });

  it('applies an NKey user the user gave (the server holds only its public key)', async () => {
    const { createUser } = await import('@nats-io/nkeys');
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-nkey-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const user = createUser();
    const seedFile = join(dir, 'user.nk');
    writeFileSync(seedFile, new TextDecoder().decode(user.getSeed()), { mode: 0o600 });
    const { ctx, p } = await start({ 'nkey-file': seedFile });
    const conf = readFileSync(join(ctx.stateDir, 'nats', 'server.conf'), 'utf8');
    expect(conf).toContain(user.getPublicKey());
    expect(conf).not.toContain(new TextDecoder().decode(user.getSeed()));
    const servers = p.connection(ctx).servers;
    expect(await connectOutcome({ servers, nkeyFile: seedFile })).toBe('connected');
    const other = createUser();
    const otherFile = join(dir, 'other.nk');
    writeFileSync(otherFile, new TextDecoder().decode(other.getSeed()), { mode: 0o600 });
    expect(await connectOutcome({ servers, nkeyFile: otherFile })).toBe('nats_auth');
    expect(await connectOutcome({ servers })).toBe('nats_auth');
  });

  it('refuses a user without a password for a server natsgh runs', async () => {
    const ctx = await provisionContext({ 'nats-port': await freePort(), 'nats-user': 'alice' });
    cleanups.push(async () => rmSync(ctx.stateDir, { recursive: true, force: true }));
    const p = createEmbeddedProvisioner(ctx.config);
    await expect(p.apply(ctx)).rejects.toMatchObject({ code: 'nats_auth_incomplete', exit: 2 });
    expect(existsSync(join(ctx.stateDir, 'nats', 'nats-server.pid'))).toBe(false);
  });
});

describe('local 3-node cluster authentication', () => {
  let ctx: RecordingContext;
  let p: Provisioner;
  const rogues: TestNatsServer[] = [];
  beforeAll(async () => {
    const { port, monitor } = await clusterPorts(3);
    ctx = await provisionContext({
      'nats-type': 'self_hosted_cluster',
      deployment: 'clauth',
      'nats-port': port,
      'monitor-port': monitor,
      replicas: 3,
    });
    p = createLocalClusterProvisioner(ctx.config);
  });
  afterAll(async () => {
    for (const r of rogues) await r.stop().catch(() => {});
    await p?.teardown(ctx, { purge: true });
    if (ctx) rmSync(ctx.stateDir, { recursive: true, force: true });
  });

  /** Distinct peers a server has routes to. */
  async function peers(monitorPort: number): Promise<number> {
    const body = await readMonitor<{ routes?: Array<{ remote_name?: string; remote_id?: string }> }>(
      monitorPort,
      '/routez',
    );
    return new Set((body?.routes ?? []).map((r) => r.remote_name || r.remote_id)).size;
  }

  async function rogueRoute(userInfo: string): Promise<TestNatsServer> {
    const listen = await freePort();
    const route = ctx.config.nats.port + CLUSTER_PORT_OFFSET;
    const rogue = await startNatsServer({
      jetstream: false,
      extraConfig: `cluster { name: "natsgh-clauth", listen: "127.0.0.1:${listen}", routes: ["nats-route://${userInfo}127.0.0.1:${route}"] }`,
    });
    rogues.push(rogue);
    return rogue;
  }

  it('every node refuses a client without the credentials; the nodes route to each other with theirs', async () => {
    const result = await p.apply(ctx);
    const creds = expectPrivateFiles(ctx.stateDir, 'clauth');
    const spec = p.connection(ctx);
    expect(spec.servers).toHaveLength(3);
    for (const url of result.servers) {
      expect(await connectOutcome({ ...spec, servers: [url] }), url).toBe('connected');
      expect(await connectOutcome({ servers: [url] }), url).toBe('nats_auth');
    }
    const conf = readFileSync(join(ctx.stateDir, 'nats', 'clauth-n0', 'server.conf'), 'utf8');
    expect(conf).toContain(`nats-route://${creds.routes.user}:${creds.routes.password}@127.0.0.1:`);
    expect(mode(join(ctx.stateDir, 'nats', 'clauth-n0', 'server.conf'))).toBe(0o600);
  });

  it('a server without the route credentials cannot join the cluster; one with them can', async () => {
    const intruder = await rogueRoute('');
    const intruderId = (await readMonitor<{ server_id: string }>(intruder.monitorPort, '/varz'))?.server_id;
    expect(intruderId).toBeTruthy();
    // The nodes decide: for 3 s (the intruder retries its route every second) none of them
    // routes to it. The intruder's own /routez may list its outbound route for the moment
    // between the node's INFO and its authorization error (nats-server 2.10 adds the route
    // on INFO), so its side is judged by where it settles, not by one sample.
    const nodes = [0, 1, 2].map((i) => ctx.config.nats.monitorPort + i);
    for (let t = 0; t < 15; t++) {
      for (const m of nodes) {
        const body = await readMonitor<{ routes?: Array<{ remote_id?: string }> }>(m, '/routez');
        expect((body?.routes ?? []).map((r) => r.remote_id)).not.toContain(intruderId);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await peers(ctx.config.nats.monitorPort)).toBe(2);
    let settled = -1;
    for (let t = 0; t < 20 && settled !== 0; t++) {
      settled = await peers(intruder.monitorPort);
      if (settled !== 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(settled).toBe(0);

    // The same server with the route credentials does join: the refusal above is the credentials'.
    const creds = readDeploymentCredentials(ctx.stateDir, 'clauth')!;
    const member = await rogueRoute(`${creds.routes.user}:${creds.routes.password}@`);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await peers(member.monitorPort)) === 0) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await peers(member.monitorPort)).toBeGreaterThan(0);
    for (const r of rogues.splice(0)) await r.stop();
  });

  it('credentials given to a re-run restart every node with them; the R3 data survives', async () => {
    const old = p.connection(ctx);
    const { ensureKvBucket } = await import('../../src/nats/buckets.js');
    const nc = await connectNats(old);
    const kv = await ensureKvBucket(nc, old, { bucket: 'rotation', replicas: 3 });
    await kv.put('k', 'before rotation');
    await nc.close();

    const rotated = {
      ...ctx,
      config: { ...ctx.config, nats: { ...ctx.config.nats, user: 'ops', password: 'ops-password-42' } },
    };
    const result = await p.apply(rotated);
    const restarts = ctx.lines.filter((l) => l.startsWith('restarting nats-server'));
    expect(restarts).toHaveLength(3);
    const spec = p.connection(rotated);
    expect(spec).toMatchObject({ user: 'ops', password: 'ops-password-42' });
    for (const url of result.servers) {
      expect(await connectOutcome({ ...old, servers: [url] }), url).toBe('nats_auth');
      expect(await connectOutcome({ ...spec, servers: [url] }), url).toBe('connected');
    }
    expect(await p.verify(rotated)).toEqual({ ok: true });
    const after = await connectNats(spec);
    try {
      // Nodes restart one at a time, so JetStream keeps its quorum and the value survives. It is
      // read from the stream leader (STREAM.MSG.GET): a KV get on 2.9 is a direct get, which a
      // just-restarted replica answers stale until it has caught up (NATS-NOTES), for more than
      // 8 s on a loaded machine. The leader may still be settling: a few tries, paced.
      const { jetstreamManager } = await import('@nats-io/jetstream');
      const jsm = await jetstreamManager(after);
      let value: string | undefined;
      const deadline = Date.now() + 15_000;
      while (value === undefined && Date.now() < deadline) {
        value = await jsm.streams
          .getMessage('KV_rotation', { last_by_subj: '$KV.rotation.k' })
          .then((m) => m?.string())
          .catch(() => undefined);
        if (value === undefined) await new Promise((r) => setTimeout(r, 200));
      }
      expect(value).toBe('before rotation');
    } finally {
      await after.close();
    }
  });
});

describe('hybrid leaf authentication', () => {
  let hub: TestNatsServer;
  let ctx: RecordingContext;
  let p: Provisioner;
  beforeAll(async () => {
    const hubLeafPort = await freePort();
    hub = await startNatsServer({
      extraConfig: `leafnodes { listen: "127.0.0.1:${hubLeafPort}" }`,
      domain: 'hub',
      name: 'hub',
    });
    ctx = await provisionContext({
      'nats-type': 'hybrid',
      deployment: 'lfauth',
      'hub-url': `nats-leaf://127.0.0.1:${hubLeafPort}`,
      'nats-port': await freePort(),
      'monitor-port': await freePort(),
    });
    p = createHybridProvisioner(ctx.config);
  });
  afterAll(async () => {
    await p?.teardown(ctx, { purge: true }).catch(() => {});
    await hub?.stop();
    if (ctx) rmSync(ctx.stateDir, { recursive: true, force: true });
  });

  it("the leaf's client port refuses a client without the credentials; the hub link still comes up", async () => {
    const result = await p.apply(ctx);
    expect(result.outputs.hubLink).toBe('up');
    expectPrivateFiles(ctx.stateDir, 'lfauth');
    const spec = p.connection(ctx);
    expect(await connectOutcome(spec)).toBe('connected');
    expect(await connectOutcome({ servers: spec.servers })).toBe('nats_auth');
  });
});
