// natsgh on operator-mode accounts shaped like Synadia Cloud's managed tiers,
// on nats-server 2.9 and 2.10, with accounts and users generated here: every
// stream declares max_bytes, natsgh plans against the account and fails before
// its first change (naming the limit and the flag), restricted users get the
// subject and the permission to grant, expired and revoked users a clear
// error, and two deployments share one account. The bootstrap deploys the
// controller with the same creds (its validate phase pings it), and `webhook
// serve` starts on the same accounts.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { startController } from '../../src/controller/run.js';
import { NatsghError } from '../../src/errors.js';
import { githubEventsStreamConfig } from '../../src/events/publisher.js';
import { ensureStream } from '../../src/nats/buckets.js';
import { connectNats } from '../../src/nats/connect.js';
import { natsghSubjects } from '../../src/nats/permissions.js';
import { preflightNats } from '../../src/nats/preflight.js';
import { streamSizes } from '../../src/nats/sizing.js';
import { isAlive } from '../../src/system/process.js';
import { serveWebhooks } from '../../src/webhook/serve.js';
import { type CliResult, parseJson, runCli } from '../support/cli.js';
import { freePort, NATS_SERVER_2_10, startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import {
  type AccountJetStreamLimits,
  createOperatorSetup,
  type OperatorSetup,
  type UserOptions,
} from '../support/operator-mode.js';

const MiB = 1024 * 1024;
/** A managed tier as the issue describes it: max bytes required, 2 GiB of disk, 512 MiB per stream, 25 streams, no memory. */
const MANAGED_TIER: AccountJetStreamLimits = {
  disk_storage: 2048 * MiB,
  mem_storage: 0,
  disk_max_stream_bytes: 512 * MiB,
  max_bytes_required: true,
  streams: 25,
  consumer: 100,
  max_ack_pending: 500,
};

const SERVERS = [
  ['2.9', 'nats-server'],
  ['2.10', NATS_SERVER_2_10],
] as const;

interface Account {
  op: OperatorSetup;
  server: TestNatsServer;
  dir: string;
}

const open: Account[] = [];
const controllers = new Set<number>();

async function account(bin: string, jetstream: AccountJetStreamLimits, revokedUsers = 0): Promise<Account> {
  const op = await createOperatorSetup({ jetstream, revokedUsers });
  const server = await startNatsServer({ extraConfig: op.serverConfig, bin });
  const a = { op, server, dir: mkdtempSync(join(tmpdir(), 'natsgh-accounts-')) };
  open.push(a);
  return a;
}

const controllerPorts = new Map<string, number>();
/** One controller port per deployment: it is one of deploy-controller's inputs. */
async function controllerPort(a: Account, deployment: string): Promise<number> {
  const key = `${a.dir}/${deployment}`;
  if (!controllerPorts.has(key)) controllerPorts.set(key, await freePort());
  return controllerPorts.get(key)!;
}

async function natsgh(
  a: Account,
  creds: string,
  args: string[],
  opts: { deployment?: string; state?: string } = {},
): Promise<CliResult> {
  const deployment = opts.deployment ?? 'default';
  const state = join(a.dir, opts.state ?? `state-${deployment}`);
  const r = await runCli([...args, '--state-dir', state], {
    cwd: a.dir,
    timeoutMs: 90_000,
    env: {
      CI: '1',
      NATSGH_NATS_TYPE: 'synadia',
      NATSGH_NATS_URL: a.server.url,
      SYNADIA_CREDS_FILE: creds,
      NATSGH_DEPLOYMENT: deployment,
      NATSGH_OUTPUT_DIR: join(a.dir, `out-${deployment}`),
      NATSGH_CONTROLLER_PORT: String(await controllerPort(a, deployment)),
    },
  });
  if (r.code !== 0 && args[0] === 'bootstrap') {
    // The controller's own words when it did not start (its log is in the state dir).
    try {
      r.stderr += `\ncontroller.log:\n${readFileSync(join(state, 'controller.log'), 'utf8').slice(-2000)}`;
    } catch {
      // no controller log
    }
  }
  if (args[0] === 'bootstrap') {
    try {
      controllers.add(Number(readFileSync(join(state, 'controller.pid'), 'utf8')));
    } catch {
      // no controller started
    }
  }
  return r;
}

/** The resolved configuration of a process run against the account with these creds. */
async function synadiaConfig(a: Account, creds: string, flags: Record<string, string> = {}) {
  const { config } = await resolveConfig({
    cwd: a.dir,
    env: {},
    flags: {
      'nats-type': 'synadia',
      'nats-url': a.server.url,
      creds,
      'state-dir': join(a.dir, `state-in-process-${Object.keys(flags).join('-') || 'plain'}`),
      ...flags,
    },
  });
  return config;
}

async function streamsOf(a: Account, creds: string) {
  const nc = await connectNats({ servers: [a.server.url], credsFile: creds });
  try {
    const jsm = await jetstreamManager(nc);
    const out: Array<{ name: string; maxBytes: number; storage: string }> = [];
    for await (const s of jsm.streams.list()) {
      out.push({ name: s.config.name, maxBytes: s.config.max_bytes, storage: String(s.config.storage) });
    }
    return out.sort((x, y) => x.name.localeCompare(y.name));
  } finally {
    await nc.close();
  }
}

function expectBootstrapped(r: CliResult) {
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const doc = parseJson(r);
  expect(doc.ok).toBe(true);
  return doc;
}

function expectError(r: CliResult, code: string) {
  const doc = parseJson(r);
  expect(doc.error?.code, r.stdout + r.stderr).toBe(code);
  expect(doc.error.message).not.toMatch(/internal error/);
  return doc.error as { code: string; message: string; suggestions: string[]; details?: any };
}

/** A user allowed exactly the subjects natsgh lists for a deployment (what doctor tells an admin to grant). */
function exactlyNatsghSubjects(deployment: string): UserOptions {
  const all = natsghSubjects({ deployment });
  const pick = (p: 'publish' | 'subscribe') => [
    ...new Set(all.filter((n) => n.permission === p).map((n) => n.subject)),
  ];
  return { pub: { allow: pick('publish') }, sub: { allow: pick('subscribe') } };
}

afterEach(async () => {
  for (const pid of controllers) if (pid > 0 && isAlive(pid)) process.kill(pid, 'SIGKILL');
  controllers.clear();
  for (const a of open.splice(0)) {
    await a.server.stop();
    rmSync(a.dir, { recursive: true, force: true });
  }
});
afterAll(async () => {
  for (const pid of controllers) if (pid > 0 && isAlive(pid)) process.kill(pid, 'SIGKILL');
});

describe.each(SERVERS)('Synadia-style accounts on nats-server %s', (_version, bin) => {
  it('a managed tier (max bytes required, no memory): bootstrap and its controller converge, every stream is sized, doctor shows the limits, webhook serve starts', async () => {
    const a = await account(bin, MANAGED_TIER);
    const { file } = await a.op.writeUserCreds(a.dir, 'ci');
    const boot = await natsgh(a, file, ['bootstrap', '--json']);
    expectBootstrapped(boot);
    const streams = await streamsOf(a, file);
    expect(streams.map((s) => s.name)).toEqual([
      'GITHUB_EVENTS',
      'KV_natsgh_checkpoints',
      'KV_natsgh_deliveries',
      'KV_natsgh_locks',
      'NATSGH_EVENTS',
    ]);
    for (const s of streams) {
      expect(s.maxBytes, s.name).toBeGreaterThan(0);
      expect(s.maxBytes, s.name).toBeLessThanOrEqual(512 * MiB);
      expect(s.storage, s.name).toBe('file');
    }
    // The controller's consumer asks for no more outstanding acks than the account allows.
    const nc = await connectNats({ servers: [a.server.url], credsFile: file });
    try {
      const jsm = await jetstreamManager(nc);
      const c = await jsm.consumers.info('GITHUB_EVENTS', 'natsgh-controller-default');
      expect(c.config.max_ack_pending).toBe(500);
    } finally {
      await nc.close();
    }

    const doctor = await natsgh(a, file, ['doctor', '--json']);
    const rows = parseJson(doctor).checks as Array<{ id: string; status: string; message: string }>;
    const accountRow = rows.find((r) => r.id === 'nats-account')!;
    expect(accountRow.status, accountRow.message).toBe('ok');
    expect(accountRow.message).toContain('of 2 GiB');
    expect(accountRow.message).toContain('at most 512 MiB');
    expect(accountRow.message).toContain('max bytes required: yes');
    expect(rows.find((r) => r.id === 'nats-permissions')?.status).toBe('ok');

    // webhook serve on the same account: preflight passes, GITHUB_EVENTS is there, an event is stored.
    const config = await synadiaConfig(a, file, { 'webhook-secret': 'sekrit' });
    const stop = new AbortController();
    let port = 0;
    const listening = new Promise<void>((resolve) => {
      const serving = serveWebhooks({
        config,
        port: 0,
        signal: stop.signal,
        log: () => undefined,
        onListening: (p) => {
          port = p;
          resolve();
        },
      });
      serving.catch(() => resolve());
      stoppers.push(() => {
        stop.abort();
        return serving.then(() => undefined);
      });
    });
    await listening;
    expect(port).toBeGreaterThan(0);
    const body = JSON.stringify({
      repository: { name: 'app', owner: { login: 'acme' } },
      ref: 'refs/heads/main',
    });
    const res = await fetch(`http://127.0.0.1:${port}/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': 'd-1',
        'x-hub-signature-256': `sha256=${createHmac('sha256', 'sekrit').update(body).digest('hex')}`,
      },
      body,
    });
    expect(res.status).toBe(202);
    await stoppers.pop()!();
  }, 120_000);

  it('a disk limit smaller than the defaults: bootstrap fails before its first change naming the limit and --stream-max-bytes; with that flag it converges', async () => {
    const a = await account(bin, { ...MANAGED_TIER, disk_storage: 128 * MiB });
    const { file } = await a.op.writeUserCreds(a.dir, 'ci');
    // --dry-run already says so.
    expect(
      expectError(await natsgh(a, file, ['bootstrap', '--dry-run', '--json']), 'nats_account_limits'),
    ).toBeTruthy();
    const fail = await natsgh(a, file, ['bootstrap', '--json']);
    expect(fail.code).toBe(1);
    const err = expectError(fail, 'nats_account_limits');
    expect(err.message).toContain('disk storage');
    expect(err.message).toContain('372 MiB');
    expect(err.message).toContain('128 MiB');
    const suggestion = err.suggestions.find((s) => s.includes('--stream-max-bytes'))!;
    expect(suggestion).toBeDefined();
    expect(await streamsOf(a, file)).toEqual([]);

    // doctor says the same beside the account's limits; webhook serve refuses before creating GITHUB_EVENTS.
    const doctor = parseJson(await natsgh(a, file, ['doctor', '--json'])).checks as Array<{
      id: string;
      status: string;
      message: string;
      hint: string;
    }>;
    const row = doctor.find((r) => r.id === 'nats-account')!;
    expect(row.status).toBe('fail');
    expect(row.hint).toContain('--stream-max-bytes');
    const webhook = (await serveWebhooks({
      config: await synadiaConfig(a, file, { 'webhook-secret': 'sekrit' }),
      port: 0,
      signal: AbortSignal.timeout(30_000),
      log: () => undefined,
    }).catch((e) => e)) as NatsghError;
    expect(webhook.code).toBe('nats_account_limits');
    expect(webhook.message).toContain('GITHUB_EVENTS');
    expect(await streamsOf(a, file)).toEqual([]);
    const value = /--stream-max-bytes (\S+)/.exec(suggestion)![1];
    const ok = await natsgh(a, file, ['bootstrap', '--json', '--stream-max-bytes', value]);
    expectBootstrapped(ok);
    const total = (await streamsOf(a, file)).reduce((sum, s) => sum + s.maxBytes, 0);
    expect(total).toBeLessThanOrEqual(128 * MiB);
  }, 120_000);

  it('a 5-stream limit: with a stream of someone else in the account bootstrap fails before its first change; alone, natsgh fits exactly', async () => {
    const a = await account(bin, { ...MANAGED_TIER, streams: 5 });
    const { file } = await a.op.writeUserCreds(a.dir, 'ci');
    const nc = await connectNats({ servers: [a.server.url], credsFile: file });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'ORDERS', subjects: ['orders.>'], max_bytes: MiB });
    const fail = await natsgh(a, file, ['bootstrap', '--json']);
    const err = expectError(fail, 'nats_account_limits');
    expect(err.message).toContain('streams');
    expect(err.message).toMatch(/needs 5 stream\(s\).*allows 5 with 1 in use/);
    expect((await streamsOf(a, file)).map((s) => s.name)).toEqual(['ORDERS']);
    await jsm.streams.delete('ORDERS');
    await nc.close();
    expectBootstrapped(await natsgh(a, file, ['bootstrap', '--json']));
    expect(await streamsOf(a, file)).toHaveLength(5);
  }, 120_000);

  it('an account with memory but no disk storage: fails before its first change naming disk storage', async () => {
    const a = await account(bin, { ...MANAGED_TIER, disk_storage: 0, mem_storage: 64 * MiB });
    const { file } = await a.op.writeUserCreds(a.dir, 'ci');
    const err = expectError(await natsgh(a, file, ['bootstrap', '--json']), 'nats_account_limits');
    expect(err.message).toContain('disk_storage 0');
  }, 120_000);

  it('restricted users: exactly the listed subjects converge; one missing fails before the first change naming subject and permission; a violation at run time is named too', async () => {
    const a = await account(bin, MANAGED_TIER);
    const exact = await a.op.writeUserCreds(a.dir, 'exact', exactlyNatsghSubjects('default'));
    expectBootstrapped(await natsgh(a, exact.file, ['bootstrap', '--json']));

    const b = await account(bin, MANAGED_TIER);
    const perms = exactlyNatsghSubjects('default');
    perms.sub!.allow = perms.sub!.allow!.filter((s) => s !== 'natsgh.default.>');
    const narrow = await b.op.writeUserCreds(b.dir, 'narrow', perms);
    const fail = await natsgh(b, narrow.file, ['bootstrap', '--json']);
    const err = expectError(fail, 'nats_permissions');
    expect(err.message).toContain('subscribe natsgh.default.>');
    expect(err.suggestions.join(' ')).toContain("--allow-sub 'natsgh.default.>'");
    const admin = await b.op.writeUserCreds(b.dir, 'admin');
    expect(await streamsOf(b, admin.file)).toEqual([]);

    // A workflow's user for `events publish`: GITHUB_EVENTS is created sized (max bytes required) with
    // just the subjects natsgh lists for it; without github.events.> it fails naming it, before connecting.
    const payload = join(b.dir, 'push.json');
    writeFileSync(payload, JSON.stringify({ repository: { name: 'app', owner: { login: 'acme' } } }));
    const publishArgs = [
      'events',
      'publish',
      '--event-name',
      'push',
      '--event-path',
      payload,
      '--run-id',
      '1',
      '--run-attempt',
      '1',
      '--json',
    ];
    const publisher = await b.op.writeUserCreds(b.dir, 'workflow', {
      pub: { allow: ['$JS.API.>', 'github.events.>'] },
      sub: { allow: ['_INBOX.>'] },
    });
    const published = await natsgh(b, publisher.file, publishArgs);
    expect(published.code, published.stdout + published.stderr).toBe(0);
    expect(parseJson(published).subject).toBe('github.events.acme.app.push');
    const mute = await b.op.writeUserCreds(b.dir, 'mute', {
      pub: { allow: ['$JS.API.>'] },
      sub: { allow: ['_INBOX.>'] },
    });
    const refused = expectError(await natsgh(b, mute.file, publishArgs), 'nats_permissions');
    expect(refused.message).toContain('publish github.events.>');

    // A user whose JWT allows the JetStream API but the server denies creating streams: named, not "internal error".
    const denied = await b.op.writeUserCreds(b.dir, 'nocreate', {
      pub: { allow: ['$JS.API.>'], deny: ['$JS.API.STREAM.CREATE.>'] },
    });
    const nc = await connectNats({ servers: [b.server.url], credsFile: denied.file });
    try {
      const e = (await ensureStream(
        nc,
        { servers: [b.server.url] },
        {
          ...githubEventsStreamConfig(),
          name: 'AUDIT',
          subjects: ['audit.>'],
        },
      ).catch((x) => x)) as NatsghError;
      expect(e).toBeInstanceOf(NatsghError);
      expect(e.code).toBe('nats_permissions');
      expect(e.message).toContain('$JS.API.STREAM.CREATE.AUDIT');
      expect(e.suggestions.join(' ')).toContain("--allow-pub '$JS.API.>'");
    } finally {
      await nc.close();
    }
  }, 120_000);

  it('an expired user JWT, a revoked user, a lapsed account, a JWT expiring under the controller: clear errors with what to do, nothing created', async () => {
    const a = await account(bin, MANAGED_TIER, 1);
    const expired = await a.op.writeUserCreds(a.dir, 'old', {
      expSeconds: Math.floor(Date.now() / 1000) - 60,
    });
    const e1 = await natsgh(a, expired.file, ['bootstrap', '--json']);
    expect(e1.code).toBe(2);
    const err1 = expectError(e1, 'creds_expired');
    expect(err1.message).toContain('expired');
    expect(err1.suggestions.join(' ')).toMatch(/fresh \.creds/);

    const revoked = await a.op.writeUserCreds(a.dir, 'gone', { revoked: true });
    const err2 = expectError(await natsgh(a, revoked.file, ['bootstrap', '--json']), 'nats_auth_revoked');
    expect(err2.message).toContain('revoked');
    expect(err2.suggestions.join(' ')).toContain('--creds');
    const { file } = await a.op.writeUserCreds(a.dir, 'ci');
    expect(await streamsOf(a, file)).toEqual([]);

    // An account that has lapsed (its JWT expired): the server refuses its users with the same bare
    // "Authorization Violation"; the error says what that means for creds that are themselves valid.
    const lapsed = await createOperatorSetup({
      jetstream: MANAGED_TIER,
      accountExpSeconds: Math.floor(Date.now() / 1000) + 2,
    });
    const lapsedServer = await startNatsServer({ extraConfig: lapsed.serverConfig, bin });
    open.push({ op: lapsed, server: lapsedServer, dir: mkdtempSync(join(tmpdir(), 'natsgh-accounts-')) });
    const lapsedCreds = await lapsed.writeUserCreds(a.dir, 'lapsed');
    await new Promise((r) => setTimeout(r, 2500));
    const err3 = expectError(
      await natsgh({ ...a, server: lapsedServer }, lapsedCreds.file, ['bootstrap', '--json']),
      'nats_auth_revoked',
    );
    expect(err3.message).toMatch(/account was revoked, disabled/);

    // A controller whose user JWT expires while it runs says so, with what to do, instead of reconnecting silently.
    // Enough lifetime for the controller to start on a loaded machine (it must expire while it runs).
    const soon = await a.op.writeUserCreds(a.dir, 'soon', { expSeconds: Math.floor(Date.now() / 1000) + 10 });
    const logs: string[] = [];
    const running = await startController({
      config: await synadiaConfig(a, soon.file),
      version: '0.0.0-test',
      controllerPort: 0,
      controllerHost: '127.0.0.1',
      resyncIntervalMs: 0,
      concurrency: 1,
      heartbeatIntervalMs: 60_000,
      github: null,
      log: (line) => logs.push(line),
    });
    try {
      const deadline = Date.now() + 30_000;
      while (
        !logs.some((l) => l.includes('user JWT in the creds file has expired')) &&
        Date.now() < deadline
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(logs.join('\n')).toContain('Download fresh creds');
    } finally {
      await running.stop().catch(() => undefined);
    }
  }, 120_000);

  it('tiered limits (R1, as Synadia Cloud reports them): planned against the tier, before anything is created', async () => {
    const a = await account(bin, {
      mem_storage: 0,
      disk_storage: 0,
      streams: 0,
      consumer: 0,
      tiered_limits: { R1: { ...MANAGED_TIER, disk_storage: 64 * MiB } },
    });
    const { file } = await a.op.writeUserCreds(a.dir, 'ci');
    const spec = { servers: [a.server.url], credsFile: file };
    const nc = await connectNats(spec);
    try {
      const err = (await preflightNats(nc, spec, {
        deployment: 'default',
        role: 'bootstrap',
        sizes: streamSizes(),
        replicas: 1,
      }).catch((e) => e)) as NatsghError;
      expect(err.code).toBe('nats_account_limits');
      expect(err.details?.tier).toBe('R1');
      expect(err.message).toContain('left of 64 MiB');
      const plan = await preflightNats(nc, spec, {
        deployment: 'default',
        role: 'bootstrap',
        sizes: streamSizes({ nats: { streamMaxBytes: '8MiB' } } as never),
        replicas: 1,
      });
      expect(plan.fits).toBe(true);
    } finally {
      await nc.close();
    }
    expect(await streamsOf(a, file)).toEqual([]);
  }, 120_000);

  it('two deployments in one account side by side; teardown --purge of one leaves the other intact', async () => {
    const a = await account(bin, MANAGED_TIER);
    const { file } = await a.op.writeUserCreds(a.dir, 'ci');
    expectBootstrapped(await natsgh(a, file, ['bootstrap', '--json'], { deployment: 'default' }));
    expectBootstrapped(await natsgh(a, file, ['bootstrap', '--json'], { deployment: 'staging' }));
    // Shared streams: the second deployment added none, and each has its own controller consumer.
    expect(await streamsOf(a, file)).toHaveLength(5);
    const nc = await connectNats({ servers: [a.server.url], credsFile: file });
    const jsm = await jetstreamManager(nc);
    const consumers = [];
    for await (const c of jsm.consumers.list('GITHUB_EVENTS')) consumers.push(c.name);
    expect(consumers.sort()).toEqual(['natsgh-controller-default', 'natsgh-controller-staging']);

    const down = await natsgh(a, file, ['teardown', '--purge', '--yes', '--json'], { deployment: 'staging' });
    expect(down.code, down.stdout + down.stderr).toBe(0);
    const step = parseJson(down).steps.find((s: { id: string }) => s.id === 'nats-data');
    expect(step.reason).toContain('used by default');
    expect(await streamsOf(a, file)).toHaveLength(5);
    const left = [];
    for await (const c of jsm.consumers.list('GITHUB_EVENTS')) left.push(c.name);
    expect(left).toEqual(['natsgh-controller-default']);
    // default is untouched: a re-run from a new state dir finds every phase done and still true.
    const again = await natsgh(a, file, ['bootstrap', '--json'], { deployment: 'default', state: 'fresh' });
    for (const p of expectBootstrapped(again).phases)
      expect(p.status, `${p.id}: ${p.reason}`).toBe('skipped');

    // The last deployment's purge deletes the shared streams.
    const last = await natsgh(a, file, ['teardown', '--purge', '--yes', '--json'], { deployment: 'default' });
    expect(last.code, last.stdout + last.stderr).toBe(0);
    await nc.close();
    expect(await streamsOf(a, file)).toEqual([]);
  }, 120_000);
});

const stoppers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stoppers.splice(0)) await s();
});
