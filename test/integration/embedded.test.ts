import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureKvBucket } from '../../src/nats/buckets.js';
import { connectNats } from '../../src/nats/connect.js';
import { createEmbeddedProvisioner } from '../../src/provision/embedded.js';
import type { Provisioner } from '../../src/provision/provisioner.js';
import { isAlive } from '../../src/system/process.js';
import { freePort } from '../support/nats-server.js';
import { provisionContext, type RecordingContext } from '../support/provision-context.js';

describe('embedded nats-server', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(
    extra: Record<string, unknown> = {},
  ): Promise<{ ctx: RecordingContext; p: Provisioner }> {
    const ctx = await provisionContext({
      'nats-port': await freePort(),
      'monitor-port': await freePort(),
      deployment: 'emb',
      ...extra,
    });
    const p = createEmbeddedProvisioner(ctx.config);
    cleanups.push(async () => {
      await p.teardown(ctx, { purge: true });
      rmSync(ctx.stateDir, { recursive: true, force: true });
    });
    return { ctx, p };
  }

  it('starts once, is found again on a re-run, serves KV, and tears down idempotently', async () => {
    const { ctx, p } = await setup({ 'js-domain': 'dev' });
    const plan = await p.plan(ctx);
    expect(plan.map((s) => s.action).join('\n')).toContain(`127.0.0.1:${ctx.config.nats.port}`);
    expect(existsSync(join(ctx.stateDir, 'nats'))).toBe(false);

    const first = await p.apply(ctx);
    expect(first.servers).toEqual([`nats://127.0.0.1:${ctx.config.nats.port}`]);
    expect(first.outputs.serverId).toMatch(/^N[A-Z0-9]{55}$/);
    expect(first.outputs.version).toMatch(/^\d+\.\d+\.\d+/);
    const pid = Number(first.outputs.pid);
    expect(isAlive(pid)).toBe(true);
    expect(readFileSync(join(ctx.stateDir, 'nats', 'nats-server.pid'), 'utf8').trim()).toBe(String(pid));
    const conf = readFileSync(first.outputs.configFile, 'utf8');
    expect(conf).toContain('server_name: "natsgh-emb"');
    expect(conf).toContain('domain: "dev"');
    expect(conf).toContain(JSON.stringify(join(ctx.stateDir, 'nats', 'jetstream')));
    expect(await p.verify(ctx)).toEqual({ ok: true });

    const again = await p.apply(ctx);
    expect(again.outputs.pid).toBe(first.outputs.pid);
    expect(again.outputs.serverId).toBe(first.outputs.serverId);

    const spec = p.connection(ctx);
    expect(spec.jetstreamDomain).toBe('dev');
    const nc = await connectNats(spec);
    try {
      const kv = await ensureKvBucket(nc, spec, { bucket: 'emb_test' });
      await kv.put('k', 'v');
      expect((await kv.get('k'))?.string()).toBe('v');
    } finally {
      await nc.close();
    }
    expect((await p.nodes!(ctx))[0]).toMatchObject({ name: 'natsgh-emb', healthy: true, pid });

    await p.teardown(ctx, { purge: false });
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(ctx.stateDir, 'nats', 'nats-server.pid'))).toBe(false);
    expect(existsSync(join(ctx.stateDir, 'nats', 'jetstream'))).toBe(true);
    await p.teardown(ctx, { purge: true });
    expect(existsSync(join(ctx.stateDir, 'nats', 'jetstream'))).toBe(false);
    const v = await p.verify(ctx);
    expect(v.ok).toBe(false);
  });

  it('restarts a killed server and keeps its data', async () => {
    const { ctx, p } = await setup();
    const first = await p.apply(ctx);
    process.kill(Number(first.outputs.pid), 'SIGKILL');
    await expect.poll(() => isAlive(Number(first.outputs.pid)), { timeout: 5000 }).toBe(false);
    const v = await p.verify(ctx);
    expect(v.ok).toBe(false);
    const second = await p.apply(ctx);
    expect(second.outputs.pid).not.toBe(first.outputs.pid);
    expect(await p.verify(ctx)).toEqual({ ok: true });

    // A changed configuration restarts the server with the new config file.
    const changed = {
      ...ctx,
      config: { ...ctx.config, nats: { ...ctx.config.nats, jetstreamDomain: 'moved' } },
    };
    const third = await p.apply(changed);
    expect(third.outputs.pid).not.toBe(second.outputs.pid);
    expect(isAlive(Number(second.outputs.pid))).toBe(false);
    expect(readFileSync(third.outputs.configFile, 'utf8')).toContain('domain: "moved"');
    expect(ctx.lines.join('\n')).toContain('configuration changed');
  });

  it('refuses a client port taken by another process, naming the port and the flag, before spawning', async () => {
    const { ctx, p } = await setup();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(ctx.config.nats.port, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => blocker.close(() => r())));
    const err = await p.apply(ctx).catch((e) => e);
    expect(err.code).toBe('port_in_use');
    expect(err.message).toContain(String(ctx.config.nats.port));
    expect(err.suggestions.join(' ')).toContain('--nats-port');
    expect(err.suggestions.join(' ')).toContain('NATSGH_NATS_PORT');
    expect(existsSync(join(ctx.stateDir, 'nats', 'nats-server.pid'))).toBe(false);
  });

  it('serves TLS with client certificates under --tls generate --tls-verify', async () => {
    const { ctx, p } = await setup({ tls: 'generate', 'tls-verify': true });
    const r = await p.apply(ctx);
    expect(r.servers).toEqual([`tls://127.0.0.1:${ctx.config.nats.port}`]);
    const conf = readFileSync(r.outputs.configFile, 'utf8');
    expect(conf).toMatch(/tls \{[^}]*verify: true/);
    const spec = p.connection(ctx);
    expect(spec.tls?.cert).toBeDefined();
    const nc = await connectNats(spec);
    await nc.close();
    const noClientCert = await connectNats({ ...spec, tls: { ca: spec.tls?.ca } }, { timeoutMs: 1500 }).catch(
      (e) => e,
    );
    expect(noClientCert).toBeInstanceOf(Error);
  });

  it('reports a server that dies at start with the last lines of its log', async () => {
    const { ctx } = await setup();
    const stub = join(ctx.stateDir, 'broken-nats-server');
    writeFileSync(stub, '#!/bin/sh\necho "nats-server: configuration error: boom" >&2\nexit 1\n', {
      mode: 0o755,
    });
    const p = createEmbeddedProvisioner(ctx.config, {
      resolveBinary: async () => ({ path: stub, version: '2.10.24', source: 'flag' }),
    });
    const err = await p.apply(ctx).catch((e) => e);
    expect(err.code).toBe('nats_server_start');
    expect(err.message).toContain('exited right after it started');
    expect(err.message).toContain('configuration error: boom');
  });
});
