// Hybrid: a real hub (operator mode, JetStream domain "hub") and the leaf node
// natsgh runs (domain "edge"), including the hub going away and coming back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKvBucket } from '../../src/nats/buckets.js';
import { connectNats, type NatsConnectionSpec } from '../../src/nats/connect.js';
import { createHybridProvisioner, renderLeafnodesBlock } from '../../src/provision/hybrid.js';
import type { Provisioner } from '../../src/provision/provisioner.js';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { createOperatorSetup, type OperatorSetup } from '../support/operator-mode.js';
import { provisionContext, type RecordingContext } from '../support/provision-context.js';

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Publishes on the leaf until the hub subscriber receives one (interest takes a moment to cross). */
async function crossesToHub(leaf: NatsConnection, hub: NatsConnection, subject: string): Promise<boolean> {
  const sub = hub.subscribe(subject);
  await hub.flush();
  const got = (async () => {
    for await (const _ of sub) return true;
    return false;
  })();
  const deadline = Date.now() + 8000;
  let received = false;
  got.then((v) => {
    received = v;
  });
  while (!received && Date.now() < deadline) {
    leaf.publish(subject, 'ping');
    await leaf.flush();
    await new Promise((r) => setTimeout(r, 100));
  }
  sub.unsubscribe();
  return received;
}

describe('hybrid leaf node', () => {
  let op: OperatorSetup;
  let hub: TestNatsServer;
  let creds: { file: string; seed: string };
  let ctx: RecordingContext;
  let p: Provisioner;
  let spec: NatsConnectionSpec;
  let leafNc: NatsConnection | undefined;
  let hubNc: NatsConnection | undefined;

  beforeAll(async () => {
    op = await createOperatorSetup();
    const leafPort = await freePort();
    hub = await startNatsServer({
      extraConfig: `${op.serverConfig}\nleafnodes { listen: "127.0.0.1:${leafPort}" }`,
      domain: 'hub',
      name: 'hub',
    });
    creds = await op.writeUserCreds(mkdtempSync(join(tmpdir(), 'natsgh-hybrid-')), 'leaf');
    ctx = await provisionContext({
      'nats-type': 'hybrid',
      'hub-url': `nats-leaf://127.0.0.1:${leafPort}`,
      creds: creds.file,
      'nats-port': await freePort(),
      'monitor-port': await freePort(),
    });
    p = createHybridProvisioner(ctx.config);
  });
  afterAll(async () => {
    await leafNc?.close().catch(() => {});
    await hubNc?.close().catch(() => {});
    await p?.teardown(ctx, { purge: true }).catch(() => {});
    await hub?.stop();
  });

  it('starts the leaf in domain edge, linked to the hub; checkpoints live on the leaf', async () => {
    expect(ctx.config.nats.jetstreamDomain).toBe('edge');
    const result = await p.apply(ctx);
    expect(result.outputs.hubLink).toBe('up');
    expect(result.outputs.jetstreamDomain).toBe('edge');
    expect(result.outputs.accountPublicKey).toBe(op.accountPublicKey);
    expect(JSON.stringify(result) + ctx.lines.join('\n')).not.toContain(creds.seed.slice(5, 20));
    // A second apply finds the running leaf.
    const again = await p.apply(ctx);
    expect(again.outputs.pid).toBe(result.outputs.pid);

    spec = p.connection(ctx);
    expect(spec.jetstreamDomain).toBe('edge');
    leafNc = await connectNats(spec, { reconnectForever: true });
    const kv = await ensureKvBucket(leafNc, spec, { bucket: 'natsgh_checkpoints' });
    await kv.put('default.phase.provision-nats', 'done');

    hubNc = await connectNats({ servers: [hub.url], credsFile: creds.file }, { reconnectForever: true });
    // The bucket is in the leaf's domain, not the hub's.
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const hubJsm = await jetstreamManager(hubNc, { domain: 'hub' });
    await expect(hubJsm.streams.info('KV_natsgh_checkpoints')).rejects.toThrow();
    expect(await crossesToHub(leafNc, hubNc, 'natsgh.test.link')).toBe(true);
  });

  it('keeps KV working while the hub is down and re-links when it returns', async () => {
    await hub.kill();
    expect(await until(async () => !(await p.nodes!(ctx))[1].healthy, 5000)).toBe(true);
    const kv = await ensureKvBucket(leafNc!, spec, { bucket: 'natsgh_checkpoints' });
    await kv.put('default.phase.handoff', 'done-while-hub-down');
    expect((await kv.get('default.phase.handoff'))?.string()).toBe('done-while-hub-down');
    expect((await kv.get('default.phase.provision-nats'))?.string()).toBe('done');
    expect(await p.verify(ctx)).toEqual({ ok: true });
    expect(ctx.lines.some((l) => l.includes('not connected to the hub'))).toBe(true);

    await hub.restart();
    expect(await until(async () => (await p.nodes!(ctx))[1].healthy, 10_000)).toBe(true);
    expect(await crossesToHub(leafNc!, hubNc!, 'natsgh.test.back')).toBe(true);
  });

  it('teardown stops the leaf and leaves the hub running', async () => {
    await p.teardown(ctx, { purge: false });
    const verdict = await p.verify(ctx);
    expect(verdict.ok).toBe(false);
    const res = await fetch(`http://127.0.0.1:${hub.monitorPort}/healthz`);
    expect(res.ok).toBe(true);
  });

  it('renders a TLS remote and requires --hub-url', async () => {
    const block = renderLeafnodesBlock({
      urls: ['tls://hub.example.com:7422'],
      tls: { ca: '/tls/ca.pem', cert: '/tls/c.pem', key: '/tls/k.pem' },
    });
    expect(block).toContain('ca_file: "/tls/ca.pem"');
    expect(block).toContain('cert_file: "/tls/c.pem"');
    expect(block).toContain('urls: ["tls://hub.example.com:7422"]');
    const noHub = await provisionContext({ 'nats-type': 'hybrid' });
    const err = (await createHybridProvisioner(noHub.config)
      .plan(noHub)
      .catch((e) => e)) as Error & { exit: number; details: Record<string, string> };
    expect(err.exit).toBe(2);
    expect(err.details.flag).toBe('--hub-url');
  });
});

describe('hybrid leaf node linked over mTLS', () => {
  it('links to a hub that requires a client certificate, using --tls-ca/--tls-cert/--tls-key', async () => {
    const { generateDevTls } = await import('../../src/nats/tls-generate.js');
    const tlsDir = mkdtempSync(join(tmpdir(), 'natsgh-hub-tls-'));
    const files = await generateDevTls(tlsDir, { mtls: true });
    const leafPort = await freePort();
    const hub = await startNatsServer({
      extraConfig: `leafnodes { listen: "127.0.0.1:${leafPort}", tls { cert_file: "${files.serverCert}", key_file: "${files.serverKey}", ca_file: "${files.ca}", verify: true } }`,
      domain: 'hub',
    });
    const ctx = await provisionContext({
      'nats-type': 'hybrid',
      'hub-url': `nats-leaf://127.0.0.1:${leafPort}`,
      'tls-ca': files.ca,
      'tls-cert': files.clientCert,
      'tls-key': files.clientKey,
      'nats-port': await freePort(),
      'monitor-port': await freePort(),
    });
    const p = createHybridProvisioner(ctx.config, { linkTimeoutMs: 8000 });
    try {
      const result = await p.apply(ctx);
      expect(result.outputs.hubLink).toBe('up');
      // The hub's client TLS files are for the hub link only: natsgh talks to the local leaf in plain text.
      expect(p.connection(ctx).tls).toBeUndefined();
      const spec = p.connection(ctx);
      const nc = await connectNats(spec);
      await (await ensureKvBucket(nc, spec, { bucket: 'natsgh_checkpoints' })).put('k', 'v');
      await nc.close();
    } finally {
      await p.teardown(ctx, { purge: true });
      await hub.stop();
      rmSync(tlsDir, { recursive: true, force: true });
    }
  });
});
