import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusyError } from '../../src/errors.js';
import { ensureKvBucket } from '../../src/nats/buckets.js';
import { connectNats } from '../../src/nats/connect.js';
import {
  acquireFileLock,
  acquireKvLock,
  currentHolder,
  forceRemoveKvLock,
  lockFilePath,
  readKvLockHolder,
  removeFileLock,
} from '../../src/workflow/locks.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

describe('file lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is exclusive, names the holder, and is free after release', async () => {
    const path = lockFilePath(dir, 'a');
    const first = await acquireFileLock(path, currentHolder('run-1'));
    const err = await acquireFileLock(path, currentHolder('run-2')).catch((e) => e);
    expect(err).toBeInstanceOf(BusyError);
    expect(err.exit).toBe(3);
    expect(err.message).toContain('run-1');
    expect(err.message).toContain(hostname());
    expect(err.message).toContain(`pid ${process.pid}`);
    await first.release();
    const second = await acquireFileLock(path, currentHolder('run-2'));
    expect(JSON.parse(readFileSync(path, 'utf8')).runId).toBe('run-2');
    await second.release();
  });

  it('a run that loses the race while the winner writes its holder names the winner, not "another run"', async () => {
    const path = lockFilePath(dir, 'race');
    // The winner's exclusive create has made the file; its holder is written a moment later.
    writeFileSync(path, '');
    const winner = currentHolder('run-winner');
    setTimeout(() => writeFileSync(path, JSON.stringify(winner)), 60);
    const err = await acquireFileLock(path, currentHolder('run-loser')).catch((e) => e);
    expect(err).toBeInstanceOf(BusyError);
    expect(err.message).toMatch(/held by run run-winner on host \S+, pid \d+, since /);
    // A file that stays unreadable still names no one, after a moment rather than never.
    const empty = lockFilePath(dir, 'empty');
    writeFileSync(empty, '{"runId":');
    const t0 = Date.now();
    const stuck = await acquireFileLock(empty, currentHolder('run-x')).catch((e) => e);
    expect(stuck.message).toContain('held by another run');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('takes over a lock whose holder died on this host, exactly once under contention', async () => {
    const path = lockFilePath(dir, 'b');
    writeFileSync(
      path,
      JSON.stringify({ runId: 'dead', host: hostname(), pid: await deadPid(), since: 'x' }),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => acquireFileLock(path, currentHolder(`r${i}`))),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(BusyError);
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireFileLock>>>).value.release();
  });

  it('waits up to waitMs for the holder to release', async () => {
    const path = lockFilePath(dir, 'c');
    const first = await acquireFileLock(path, currentHolder('run-1'));
    setTimeout(() => void first.release(), 300);
    const second = await acquireFileLock(path, currentHolder('run-2'), { waitMs: 5000 });
    expect(second.holder.runId).toBe('run-2');
    await second.release();
  });

  it('unlock removes only a stale lock unless forced', async () => {
    const path = lockFilePath(dir, 'd');
    const live = await acquireFileLock(path, currentHolder('live'));
    expect((await removeFileLock(path, { force: false })).removed).toBe(false);
    expect((await removeFileLock(path, { force: true })).removed).toBe(true);
    await live.release();
  });
});

describe('KV lock', () => {
  let server: TestNatsServer;
  let nc: NatsConnection;
  let kv: KV;
  beforeAll(async () => {
    server = await startNatsServer();
    const spec = { servers: [server.url] };
    nc = await connectNats(spec);
    kv = await ensureKvBucket(nc, spec, { bucket: 'natsgh_locks', ttlMs: 1500 });
  });
  afterAll(async () => {
    await nc?.close();
    await server?.stop();
  });

  // Seen in CI: "could not take the lock rep.bootstrap: jetstream is not enabled" from a node
  // that had just restarted, failing the bootstrap although it was willing to wait 10 s.
  it('JetStream not ready yet is waited out; a lock stored by a create whose answer was lost is ours', async () => {
    const failing = (fail: (real: () => Promise<number>, n: number) => Promise<number>) => {
      let n = 0;
      return new Proxy(kv, {
        get: (t, prop, r) =>
          prop === 'create'
            ? (k: string, v: string) => fail(() => t.create(k, v), ++n)
            : Reflect.get(t, prop, r),
      });
    };
    const notReady = failing((real, n) =>
      n <= 2 ? Promise.reject(new Error('jetstream is not enabled')) : real(),
    );
    const a = await acquireKvLock(notReady, 'd3.bootstrap', currentHolder('run-ready'), {
      leaseMs: 1500,
      waitMs: 5000,
    });
    expect((await readKvLockHolder(kv, 'd3.bootstrap'))?.runId).toBe('run-ready');
    await a.release();
    // Without a wait, it fails as before, naming the cause.
    const never = failing(() => Promise.reject(new Error('jetstream is not enabled')));
    await expect(
      acquireKvLock(never, 'd3.bootstrap', currentHolder('run-never'), { leaseMs: 1500 }),
    ).rejects.toThrow('could not take the lock d3.bootstrap: jetstream is not enabled');
    // Stored, answer lost: the next create finds this run's own holder and takes it.
    const lost = failing((real, n) =>
      n === 1 ? real().then(() => Promise.reject(new Error('TIMEOUT'))) : real(),
    );
    const b = await acquireKvLock(lost, 'd3.bootstrap', currentHolder('run-lost'), {
      leaseMs: 1500,
      waitMs: 5000,
    });
    expect((await readKvLockHolder(kv, 'd3.bootstrap'))?.runId).toBe('run-lost');
    await b.release();
    expect(await readKvLockHolder(kv, 'd3.bootstrap')).toBeUndefined();
  });

  it('is exclusive, names the holder, and can be taken again after release', async () => {
    const a = await acquireKvLock(kv, 'd1.bootstrap', currentHolder('run-a'), { leaseMs: 1500 });
    const err = await acquireKvLock(kv, 'd1.bootstrap', currentHolder('run-b'), { leaseMs: 1500 }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(BusyError);
    expect(err.message).toContain('run-a');
    expect(err.message).toContain(`pid ${process.pid}`);
    await a.release();
    const b = await acquireKvLock(kv, 'd1.bootstrap', currentHolder('run-b'), { leaseMs: 1500 });
    expect((await readKvLockHolder(kv, 'd1.bootstrap'))?.runId).toBe('run-b');
    await b.release();
  });

  it('renewal keeps the lock past the lease; an abandoned lock lapses after the lease', async () => {
    const held = await acquireKvLock(kv, 'd2.bootstrap', currentHolder('renewer'), {
      leaseMs: 1500,
      renewMs: 300,
    });
    // Another run waiting 2.5 s (longer than the lease) still cannot get it.
    const err = await acquireKvLock(kv, 'd2.bootstrap', currentHolder('waiter'), {
      leaseMs: 1500,
      waitMs: 2500,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(BusyError);
    expect(held.lost.aborted).toBe(false);
    await held.release();

    // A holder that never renews (crashed) loses the key once the bucket TTL passes.
    await kv.create('d3.bootstrap', JSON.stringify(currentHolder('crashed')));
    const t0 = Date.now();
    const next = await acquireKvLock(kv, 'd3.bootstrap', currentHolder('next'), {
      leaseMs: 1500,
      waitMs: 5000,
    });
    expect(Date.now() - t0).toBeGreaterThan(500);
    await next.release();
  });

  it('takes over at once a lease whose holder died on this host', async () => {
    await kv.create(
      'd5.bootstrap',
      JSON.stringify({ runId: 'dead', host: hostname(), pid: await deadPid(), since: 'x' }),
    );
    const t0 = Date.now();
    const h = await acquireKvLock(kv, 'd5.bootstrap', currentHolder('heir'), { leaseMs: 1500 });
    expect(Date.now() - t0).toBeLessThan(500);
    expect((await readKvLockHolder(kv, 'd5.bootstrap'))?.runId).toBe('heir');
    await h.release();
  });

  it('signals lost when someone else replaced the key, and release leaves their lock alone', async () => {
    const held = await acquireKvLock(kv, 'd4.bootstrap', currentHolder('old'), {
      leaseMs: 1500,
      renewMs: 100,
    });
    await forceRemoveKvLock(kv, 'd4.bootstrap');
    const other = await acquireKvLock(kv, 'd4.bootstrap', currentHolder('new'), { leaseMs: 1500 });
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('lost was not signalled')), 2000);
      held.lost.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      });
    });
    await held.release();
    expect((await readKvLockHolder(kv, 'd4.bootstrap'))?.runId).toBe('new');
    await other.release();
  });
});
