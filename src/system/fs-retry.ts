// Windows refuses a rename, unlink or exclusive create for a moment while
// another process (an antivirus scanner, the search indexer, a reader of the
// lock file) holds the file open, or while a deleted file is pending removal:
// EPERM, EBUSY or EACCES that go away on their own. There, such operations are
// retried with a short backoff. On Linux and macOS these codes are real
// permission errors and fail at once.
import { currentPlatform, type Platform } from './platform.js';

const TRANSIENT_ON_WINDOWS = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface RetryOptions {
  platform?: Platform;
  /** Total time to keep trying (default 2 s, the usual scanner hold). */
  budgetMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function isTransientFsError(err: unknown, platform: Platform = currentPlatform()): boolean {
  return platform.os === 'win32' && TRANSIENT_ON_WINDOWS.has((err as NodeJS.ErrnoException)?.code ?? '');
}

export async function retryTransient<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const platform = opts.platform ?? currentPlatform();
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const budget = opts.budgetMs ?? 2000;
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isTransientFsError(err, platform) || waited >= budget) throw err;
      const ms = Math.min(250, 10 * 2 ** attempt);
      await sleep(ms);
      waited += ms;
    }
  }
}
