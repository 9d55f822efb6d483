// The synadia provisioner against a real nats-server in operator mode
// (resolver MEMORY), with creds generated in the test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKvBucket } from '../../src/nats/buckets.js';
import { connectNats } from '../../src/nats/connect.js';
import { readCredsFile } from '../../src/nats/creds.js';
import { createProvisioner } from '../../src/provision/index.js';
import { SynadiaProvisioner } from '../../src/provision/synadia.js';
import { redact } from '../../src/redact.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { createOperatorSetup, type OperatorSetup } from '../support/operator-mode.js';
import { provisionContext } from '../support/provision-context.js';

/** Every 8-byte window of the seed: no part of it may appear in the text. */
function expectNoSeedBytes(text: string, seed: string): void {
  for (let i = 0; i + 8 <= seed.length; i += 4) expect(text).not.toContain(seed.slice(i, i + 8));
}

function everythingOf(err: unknown): string {
  const e = err as Error & { details?: unknown; suggestions?: string[]; cause?: unknown };
  return [
    e.message,
    e.stack,
    JSON.stringify(e.details ?? {}),
    (e.suggestions ?? []).join('\n'),
    String(e.cause ?? ''),
  ].join('\n');
}

describe('synadia (operator mode)', () => {
  let op: OperatorSetup;
  let server: TestNatsServer;
  let dir: string;
  let creds: { file: string; seed: string };

  beforeAll(async () => {
    op = await createOperatorSetup();
    server = await startNatsServer({ extraConfig: op.serverConfig });
    dir = mkdtempSync(join(tmpdir(), 'natsgh-synadia-'));
    creds = await op.writeUserCreds(dir, 'ci');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('applies: checks the creds, connects, confirms JetStream, records account and fingerprint but no seed', async () => {
    const ctx = await provisionContext({ 'nats-type': 'synadia', creds: creds.file, 'nats-url': server.url });
    const p = await createProvisioner(ctx.config);
    expect(p.kind).toBe('synadia');
    expect(p.reachableAtStart).toBe(true);
    const result = await p.apply(ctx);
    expect(result.servers).toEqual([server.url]);
    expect(result.outputs.accountPublicKey).toBe(op.accountPublicKey);
    expect(result.outputs.credsFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(result.outputs.serverVersion).toMatch(/^2\./);
    const everything = JSON.stringify(result) + ctx.lines.join('\n');
    expectNoSeedBytes(everything, creds.seed);
    expect(await p.verify(ctx)).toEqual({ ok: true });
    const nodes = await p.nodes!(ctx);
    expect(nodes[0].healthy).toBe(true);
    await p.teardown(ctx, { purge: true });
    // teardown changed nothing: still reachable.
    expect(await p.verify(ctx)).toEqual({ ok: true });
  });

  it('uses KV from the connection spec, and a new machine with an empty state dir sees the same KV', async () => {
    const ctx1 = await provisionContext({
      'nats-type': 'synadia',
      creds: creds.file,
      'nats-url': server.url,
    });
    const p = await createProvisioner(ctx1.config);
    const spec1 = p.connection(ctx1);
    const nc1 = await connectNats(spec1);
    const kv1 = await ensureKvBucket(nc1, spec1, { bucket: 'natsgh_checkpoints' });
    await kv1.put('default.phase.provision-nats', 'done');
    await nc1.close();
    const ctx2 = await provisionContext({
      'nats-type': 'synadia',
      creds: creds.file,
      'nats-url': server.url,
    });
    expect(ctx2.stateDir).not.toBe(ctx1.stateDir);
    const spec2 = p.connection(ctx2);
    const nc2 = await connectNats(spec2);
    const kv2 = await ensureKvBucket(nc2, spec2, { bucket: 'natsgh_checkpoints' });
    expect((await kv2.get('default.phase.provision-nats'))?.string()).toBe('done');
    await nc2.close();
  });

  it('defaults the URL to tls://connect.ngs.global', async () => {
    const ctx = await provisionContext({ 'nats-type': 'synadia', creds: creds.file });
    expect(new SynadiaProvisioner().connection(ctx).servers).toEqual(['tls://connect.ngs.global']);
  });

  it('missing creds is a usage error (exit 2) naming --creds and SYNADIA_CREDS_FILE', async () => {
    const ctx = await provisionContext({ 'nats-type': 'synadia', 'nats-url': server.url });
    const p = new SynadiaProvisioner();
    const err = (await p.apply(ctx).catch((e) => e)) as Error & { exit: number };
    expect(err.exit).toBe(2);
    expect(everythingOf(err)).toContain('--creds');
    expect(everythingOf(err)).toContain('SYNADIA_CREDS_FILE');
  });

  it('an expired creds file fails naming the file, without a byte of the seed', async () => {
    const expired = await op.writeUserCreds(dir, 'old', { expSeconds: Math.floor(Date.now() / 1000) - 60 });
    const ctx = await provisionContext({
      'nats-type': 'synadia',
      creds: expired.file,
      'nats-url': server.url,
    });
    const err = (await new SynadiaProvisioner().apply(ctx).catch((e) => e)) as Error & { code: string };
    expect(err.code).toBe('creds_expired');
    expect(err.message).toContain(expired.file);
    expect(err.message).toMatch(/expired/);
    expectNoSeedBytes(everythingOf(err) + ctx.lines.join('\n'), expired.seed);
  });

  it('a truncated creds file fails naming the file, without a byte of the seed', async () => {
    const text = readFileSync(creds.file, 'utf8');
    const cut = text.slice(0, text.indexOf('------END USER NKEY SEED') - 10);
    const file = join(dir, 'truncated.creds');
    writeFileSync(file, cut);
    const err = (await readCredsFile(file).catch((e) => e)) as Error & { code: string };
    expect(err.message).toContain(file);
    expectNoSeedBytes(everythingOf(err), creds.seed);
    // Even a message that did quote it would be redacted on output.
    expectNoSeedBytes(redact(`oops ${creds.seed}`), creds.seed);

    const ctx = await provisionContext({ 'nats-type': 'synadia', creds: file, 'nats-url': server.url });
    const verdict = await new SynadiaProvisioner().verify(ctx);
    expect(verdict.ok).toBe(false);
    expectNoSeedBytes(JSON.stringify(verdict), creds.seed);
  });

  it('an unreadable creds file names the file', async () => {
    const missing = join(dir, 'nope.creds');
    const ctx = await provisionContext({ 'nats-type': 'synadia', creds: missing, 'nats-url': server.url });
    const err = (await new SynadiaProvisioner().apply(ctx).catch((e) => e)) as Error & {
      code: string;
      exit: number;
    };
    expect(err.code).toBe('creds_unreadable');
    expect(err.message).toContain(missing);
  });

  it('an account seed where a user seed belongs is rejected', async () => {
    const text = readFileSync(creds.file, 'utf8');
    const accountSeed = new TextDecoder().decode(op.accountKey.getSeed());
    const file = join(dir, 'account-seed.creds');
    writeFileSync(file, text.replace(creds.seed, accountSeed));
    const err = (await readCredsFile(file).catch((e) => e)) as Error;
    expect(err.message).toMatch(/account seed/);
    expectNoSeedBytes(everythingOf(err), accountSeed);
  });

  it('a wrong --js-domain is reported as JetStream unavailable in that domain', async () => {
    const ctx = await provisionContext({
      'nats-type': 'synadia',
      creds: creds.file,
      'nats-url': server.url,
      'js-domain': 'elsewhere',
    });
    const err = (await new SynadiaProvisioner().apply(ctx).catch((e) => e)) as Error & { code: string };
    expect(err.code).toBe('jetstream_unavailable');
    expect(err.message).toContain('elsewhere');
  });
});
