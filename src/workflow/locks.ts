// One run at a time (DESIGN.md, "Locks"): an exclusive lock file in the state dir
// before NATS exists, a lease in KV bucket natsgh_locks after. Ownership is
// decided only from the results of exclusive create / kv.create / kv.update, never
// from a preceding read (server 2.9 direct gets can be stale, NATS-NOTES).
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { KV } from '@nats-io/kv';
import { BusyError, fileSystemError, NatsghError } from '../errors.js';
import { retryTransient } from '../system/fs-retry.js';
import { isAlive } from '../system/process.js';

export interface LockHolder {
  runId: string;
  host: string;
  pid: number;
  /** ISO time the holder acquired the lock. */
  since: string;
}

export interface LockHandle {
  readonly holder: LockHolder;
  /** Aborted when the lease could not be renewed (another run may now hold it). */
  readonly lost: AbortSignal;
  /** Releases the lock if this run still holds it; safe to call twice. */
  release(): Promise<void>;
}

export function currentHolder(runId: string): LockHolder {
  return { runId, host: hostname(), pid: process.pid, since: new Date().toISOString() };
}

export function describeHolder(h: LockHolder): string {
  return `run ${h.runId} on host ${h.host}, pid ${h.pid}, since ${h.since}`;
}

function busy(what: string, holder: LockHolder | undefined, where: string): BusyError {
  const who = holder ? `held by ${describeHolder(holder)}` : 'held by another run';
  return new BusyError(`${what} is locked: ${who}`, {
    code: 'lock_held',
    details: { lock: where, holder: holder ?? null },
    suggestions: [
      'Wait for that run to finish, or pass --lock-timeout 60s to wait for it.',
      'If that run is gone, its lease lapses by itself; `natsgh unlock` removes it now (`--force` when the holder may still be alive).',
    ],
  });
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const v = JSON.parse(text) as LockHolder;
    if (typeof v.runId === 'string' && typeof v.pid === 'number') return v;
  } catch {
    // An unreadable holder is reported as "another run".
  }
  return undefined;
}

const delay = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

export interface AcquireOptions {
  /** How long to wait for the holder to let go; 0 fails at once. */
  waitMs?: number;
  signal?: AbortSignal;
  /** What is locked, for messages ("deployment default"). */
  what?: string;
}

// ---------------------------------------------------------------- lock file

export function lockFilePath(stateDir: string, deployment: string): string {
  return join(stateDir, `${deployment}.lock`);
}

/** Reads the holder of a lock file, if any (for status and messages only). */
export async function readFileLockHolder(path: string): Promise<LockHolder | undefined> {
  return (await readSettledHolder(path).catch(() => undefined))?.holder;
}

/** True when the holder ran on this host and its process is gone. */
export function isStaleHolder(h: LockHolder | undefined): boolean {
  return h !== undefined && h.host === hostname() && !isAlive(h.pid);
}

/**
 * Takes the lock file with an exclusive create. A file whose holder ran on this
 * host with a dead pid is taken over: it is moved aside under a unique name and
 * the exclusive create decides who wins, so two runs taking over at once cannot
 * both succeed.
 */
export async function acquireFileLock(
  path: string,
  holder: LockHolder,
  opts: AcquireOptions = {},
): Promise<LockHandle> {
  const deadline = Date.now() + (opts.waitMs ?? 0);
  const body = JSON.stringify(holder);
  for (;;) {
    try {
      await mkdir(join(path, '..'), { recursive: true });
      // Windows: a lock file being deleted by its releaser refuses the create for a moment.
      const fh = await retryTransient(() => open(path, 'wx'));
      try {
        await fh.writeFile(body);
      } catch (err) {
        // Full disk: an empty lock file would block every later run.
        await fh.close();
        await unlink(path).catch(() => undefined);
        throw err;
      }
      await fh.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(err, path) ?? err;
    }
    const read = await readSettledHolder(path);
    if (!read) continue; // released between our create and read
    const { text, holder: existing } = read;
    if (existing ? isStaleHolder(existing) : await isOldUnreadable(path)) {
      await removeIfUnchanged(path, text);
      continue;
    }
    if (Date.now() >= deadline || opts.signal?.aborted)
      throw busy(opts.what ?? 'this deployment', existing, path);
    await delay(200, opts.signal);
  }
  let released = false;
  return {
    holder,
    lost: new AbortController().signal,
    async release() {
      if (released) return;
      released = true;
      // Only remove the file while it still names us.
      const now = await readFile(path, 'utf8').catch(() => undefined);
      // Windows: a run reading the file to see who holds it makes the delete fail for a moment.
      if (now === body) await retryTransient(() => unlink(path)).catch(() => undefined);
    },
  };
}

/** How long an unparseable, young lock file is read again: its creator writes it right after the exclusive create. */
const HOLDER_WRITE_MS = 500;

/**
 * The lock file's text and holder. A run that has just created the file (the
 * exclusive create) writes its holder a moment later: an empty or partial file
 * is read again for up to HOLDER_WRITE_MS, so a run that loses the race names
 * the winner instead of "another run". Undefined when the file is gone.
 */
async function readSettledHolder(path: string): Promise<{ text: string; holder?: LockHolder } | undefined> {
  const until = Date.now() + HOLDER_WRITE_MS;
  for (;;) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    const holder = parseHolder(text);
    if (holder || Date.now() >= until || (await isOldUnreadable(path))) return { text, holder };
    await delay(20);
  }
}

/** A holder file that cannot be parsed and is older than a lease was left half-written by a crash. */
async function isOldUnreadable(path: string): Promise<boolean> {
  const st = await stat(path).catch(() => undefined);
  return st !== undefined && Date.now() - st.mtimeMs > 30_000;
}

/** A takeover marker older than this was left by a run that crashed mid-takeover. */
const TAKEOVER_STALE_MS = 5_000;

/**
 * Removes a stale lock file, but only while it still holds `expected`. Runs
 * taking over at once serialize on an exclusive `<lock>.takeover` file: moving
 * the lock aside without it left a moment with no lock file, in which a third
 * run could create one while the mover put the old one back (two holders).
 * The removal only frees the path; the exclusive create in the caller's loop
 * still decides who holds the lock.
 */
async function removeIfUnchanged(path: string, expected: string): Promise<void> {
  const marker = `${path}.takeover`;
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(marker, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const st = await stat(marker).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > TAKEOVER_STALE_MS) await unlink(marker).catch(() => undefined);
    else await delay(10 + Math.random() * 20);
    return; // someone else is taking over: try the exclusive create again
  }
  try {
    await fh.close();
    const now = await readFile(path, 'utf8').catch(() => undefined);
    if (now === expected) await unlink(path).catch(() => undefined);
  } finally {
    await unlink(marker).catch(() => undefined);
  }
}

/** Removes a lock file: only a stale one unless force. Returns the holder that was removed. */
export async function removeFileLock(
  path: string,
  opts: { force: boolean },
): Promise<{ removed: boolean; holder?: LockHolder; reason?: string }> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { removed: false, reason: 'not locked' };
  const holder = parseHolder(text);
  if (!opts.force && holder && !isStaleHolder(holder)) {
    return { removed: false, holder, reason: `holder may be alive (${describeHolder(holder)})` };
  }
  await unlink(path).catch(() => undefined);
  return { removed: true, holder };
}

// ------------------------------------------------------------------ KV lease

export interface KvLockOptions extends AcquireOptions {
  /** The bucket's TTL; a holder that stops renewing loses the lock after this. */
  leaseMs: number;
  /** How often to renew (default leaseMs / 3). */
  renewMs?: number;
  /** Which holders may be replaced before their lease ends (default: dead on this host). */
  takeOver?: (holder: LockHolder) => boolean;
}

function isWrongLastSequence(err: unknown): boolean {
  const e = err as { code?: number; message?: string };
  return e?.code === 10071 || e?.code === 10164 || /wrong last sequence/i.test(String(e?.message));
}

/** Reads the current holder of a KV lock (for messages and status only, never to decide). */
export async function readKvLockHolder(kv: KV, key: string): Promise<LockHolder | undefined> {
  try {
    const e = await kv.get(key);
    if (e?.operation !== 'PUT') return undefined;
    return parseHolder(e.string());
  } catch {
    return undefined;
  }
}

/**
 * Acquires `key` in a lock bucket whose TTL is the lease: kv.create wins or
 * fails; the handle renews with kv.update(key, value, revision) and releases
 * with kv.delete(key, {previousSeq}). A failed renewal aborts `lost`.
 */
export async function acquireKvLock(
  kv: KV,
  key: string,
  holder: LockHolder,
  opts: KvLockOptions,
): Promise<LockHandle> {
  const deadline = Date.now() + (opts.waitMs ?? 0);
  const body = JSON.stringify(holder);
  let revision: number;
  for (;;) {
    try {
      revision = await kv.create(key, body);
      break;
    } catch (err) {
      if (!isWrongLastSequence(err)) {
        // JetStream not ready yet (a node just restarted: "jetstream is not enabled", no
        // responders, a timeout) is tried again while the wait lasts.
        if (Date.now() >= deadline || opts.signal?.aborted) {
          throw new NatsghError(`could not take the lock ${key}: ${(err as Error).message}`, {
            code: 'lock_error',
            cause: err,
          });
        }
        await delay(Math.min(250, Math.max(10, deadline - Date.now())), opts.signal);
        continue;
      }
    }
    const seen = await kv.get(key).catch(() => null);
    // Our own lock, stored by a create whose answer was lost (the holder names this run).
    if (seen?.operation === 'PUT' && seen.string() === body) {
      revision = seen.revision;
      break;
    }
    // A holder that ran on this host and is dead (kill -9) is taken over at once
    // instead of after its lease: the update with the revision we saw decides,
    // so a stale read can at worst make the takeover fail, never succeed twice.
    const seenHolder = seen?.operation === 'PUT' ? parseHolder(seen.string()) : undefined;
    if (seen && seenHolder && (opts.takeOver ?? isStaleHolder)(seenHolder)) {
      try {
        revision = await kv.update(key, body, seen.revision);
        break;
      } catch (err) {
        if (!isWrongLastSequence(err)) throw err;
      }
    }
    if (Date.now() >= deadline || opts.signal?.aborted) {
      throw busy(opts.what ?? key, seenHolder ?? (await readKvLockHolder(kv, key)), `kv:${key}`);
    }
    await delay(Math.min(250, Math.max(10, deadline - Date.now())), opts.signal);
  }
  const lost = new AbortController();
  const renewMs = opts.renewMs ?? Math.floor(opts.leaseMs / 3);
  let lastRenewed = Date.now();
  let released = false;
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = (async () => {
      try {
        revision = await kv.update(key, body, revision);
        lastRenewed = Date.now();
      } catch (err) {
        if (released) return;
        // A stale revision means someone else owns the key now; a transient error
        // only loses the lock once the lease has run out.
        if (isWrongLastSequence(err) || Date.now() - lastRenewed >= opts.leaseMs) {
          clearInterval(timer);
          lost.abort(
            new NatsghError(`lost the lock ${key}: ${(err as Error).message}`, { code: 'lock_lost' }),
          );
        }
      }
    })();
  }, renewMs);
  timer.unref();
  return {
    holder,
    lost: lost.signal,
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      await renewing;
      if (lost.signal.aborted) return;
      try {
        await kv.delete(key, { previousSeq: revision });
      } catch {
        // Not ours any more (or NATS is gone): the lease lapses by itself.
      }
    },
  };
}

/** Removes a KV lock regardless of its holder (`natsgh unlock --force`). */
export async function forceRemoveKvLock(kv: KV, key: string): Promise<LockHolder | undefined> {
  const holder = await readKvLockHolder(kv, key);
  await kv.purge(key);
  return holder;
}
