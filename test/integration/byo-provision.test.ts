// Bring-your-own NATS (`--mode dev --nats-type self_hosted`) against real
// servers with each auth kind; natsgh never starts or stops them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '@nats-io/nkeys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKvBucket } from '../../src/nats/buckets.js';
import { connectNats } from '../../src/nats/connect.js';
import { createProvisioner } from '../../src/provision/index.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { createOperatorSetup } from '../support/operator-mode.js';
import { provisionContext } from '../support/provision-context.js';

describe('bring your own NATS (self_hosted, dev)', () => {
  const servers: TestNatsServer[] = [];
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'natsgh-byo-'));
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  async function server(extraConfig: string, domain?: string): Promise<TestNatsServer> {
    const s = await startNatsServer({ extraConfig, domain });
    servers.push(s);
    return s;
  }

  async function applyVerifyTeardown(flags: Record<string, unknown>) {
    const ctx = await provisionContext({ 'nats-type': 'self_hosted', ...flags });
    const p = await createProvisioner(ctx.config);
    expect(p.reachableAtStart).toBe(true);
    const result = await p.apply(ctx);
    expect(await p.verify(ctx)).toEqual({ ok: true });
    await p.teardown(ctx, { purge: true });
    // Teardown did nothing to the user's server.
    expect(await p.verify(ctx)).toEqual({ ok: true });
    return { ctx, p, result };
  }

  it('user/password auth; the password is not in outputs or logs', async () => {
    const s = await server('authorization { user: "app", password: "s3cret-pa55" }');
    const { ctx, result } = await applyVerifyTeardown({
      'nats-url': s.url,
      'nats-user': 'app',
      'nats-password': 's3cret-pa55',
    });
    expect(result.outputs.auth).toBe('user-password');
    expect(JSON.stringify(result) + ctx.lines.join('\n')).not.toContain('s3cret-pa55');
    const bad = await provisionContext({
      'nats-type': 'self_hosted',
      'nats-url': s.url,
      'nats-user': 'app',
      'nats-password': 'wrong-password',
    });
    const p = await createProvisioner(bad.config);
    const err = (await p.apply(bad).catch((e) => e)) as Error & { code: string };
    expect(err.code).toBe('nats_auth');
    const verdict = await p.verify(bad);
    expect(verdict.ok).toBe(false);
  });

  it('user/password in the URL never reaches outputs, plan, status or errors', async () => {
    const s = await server('authorization { user: "app", password: "url-pa55word" }');
    const url = `nats://app:url-pa55word@127.0.0.1:${s.port}`;
    const { ctx, p, result } = await applyVerifyTeardown({ 'nats-url': url });
    expect(result.outputs.auth).toBe('user-password');
    const shown = JSON.stringify([result, await p.plan(ctx), await p.nodes!(ctx), ctx.lines]);
    expect(shown).not.toContain('url-pa55word');
    const wrong = await provisionContext({
      'nats-type': 'self_hosted',
      'nats-url': `nats://app:wrong-pa55word@127.0.0.1:${s.port}`,
    });
    const err = (await (await createProvisioner(wrong.config)).apply(wrong).catch((e) => e)) as Error;
    expect(err.message).not.toContain('wrong-pa55word');
  });

  it('token auth', async () => {
    const s = await server('authorization { token: "tok-123456789" }');
    const { result } = await applyVerifyTeardown({ 'nats-url': s.url, 'nats-token': 'tok-123456789' });
    expect(result.outputs.auth).toBe('token');
    expect(JSON.stringify(result)).not.toContain('tok-123456789');
  });

  it('nkey auth', async () => {
    const user = createUser();
    const s = await server(`authorization { users: [ { nkey: "${user.getPublicKey()}" } ] }`);
    const seedFile = join(dir, 'user.nk');
    writeFileSync(seedFile, new TextDecoder().decode(user.getSeed()), { mode: 0o600 });
    const { result } = await applyVerifyTeardown({ 'nats-url': s.url, 'nkey-file': seedFile });
    expect(result.outputs.auth).toBe('nkey');

    const notSeed = join(dir, 'pub.nk');
    writeFileSync(notSeed, user.getPublicKey());
    const ctx = await provisionContext({
      'nats-type': 'self_hosted',
      'nats-url': s.url,
      'nkey-file': notSeed,
    });
    const err = (await (await createProvisioner(ctx.config)).apply(ctx).catch((e) => e)) as Error & {
      code: string;
    };
    expect(err.code).toBe('nkey_invalid');
    expect(err.message).toContain(notSeed);
  });

  it('creds auth (operator mode)', async () => {
    const op = await createOperatorSetup();
    const s = await server(op.serverConfig);
    const creds = await op.writeUserCreds(dir, 'byo');
    const { result } = await applyVerifyTeardown({ 'nats-url': s.url, creds: creds.file });
    expect(result.outputs.auth).toBe('creds');
  });

  it('honours --js-domain for KV', async () => {
    const s = await server('', 'core');
    const { ctx, p, result } = await applyVerifyTeardown({ 'nats-url': s.url, 'js-domain': 'core' });
    expect(result.outputs.jetstreamDomain).toBe('core');
    const spec = p.connection(ctx);
    expect(spec.jetstreamDomain).toBe('core');
    const nc = await connectNats(spec);
    const kv = await ensureKvBucket(nc, spec, { bucket: 'natsgh_checkpoints' });
    await kv.put('k', 'v');
    expect((await kv.get('k'))?.string()).toBe('v');
    await nc.close();
  });

  it('without --nats-url it is a usage error naming the flag', async () => {
    const ctx = await provisionContext({ 'nats-type': 'self_hosted' });
    const p = await createProvisioner(ctx.config);
    const err = (await p.apply(ctx).catch((e) => e)) as Error & { exit: number; suggestions: string[] };
    expect(err.exit).toBe(2);
    expect(err.suggestions.join(' ')).toContain('--nats-url');
  });

  it('a server that went away fails verify with a reason and nodes() says unhealthy', async () => {
    const s = await server('');
    const ctx = await provisionContext({ 'nats-type': 'self_hosted', 'nats-url': s.url });
    const p = await createProvisioner(ctx.config);
    await p.apply(ctx);
    await s.kill();
    const verdict = await p.verify(ctx);
    expect(verdict.ok).toBe(false);
    expect((await p.nodes!(ctx))[0].healthy).toBe(false);
  });
});
