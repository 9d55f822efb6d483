// The one way natsgh replaces a file: write a uniquely named temp file next to
// it, then rename it over the target. A reader sees the old or the new content,
// never half of it; a failed write (full disk, read-only mount) removes its
// temp file and says which path could not be written.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileSystemError } from '../errors.js';
import { retryTransient } from './fs-retry.js';
import { isAlive } from './process.js';

export interface AtomicWriteOptions {
  /** File mode of the new file (applied before the rename, so the target is never wider). */
  mode?: number;
  /** fsync the data before the rename (checkpoints). */
  flush?: boolean;
  /** What the directory is, for the error: "the state dir" unless told. */
  where?: string;
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data, { mode: opts.mode, flush: opts.flush });
    if (opts.mode !== undefined) await chmod(tmp, opts.mode); // writeFile's mode is masked by the umask
    if (opts.mode !== undefined && (opts.mode & 0o077) === 0 && process.platform === 'win32') {
      // Windows ignores the mode: an owner-only file gets an owner-only ACL before it takes the name.
      const { restrictFilePrivacy } = await import('./file-privacy.js');
      await restrictFilePrivacy(tmp);
    }
    await retryTransient(() => rename(tmp, path));
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw fileSystemError(err, path, opts.where) ?? err;
  }
}

const TEMP_NAME = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temp files of writers that died between write and rename (kill -9)
 * in `dirs` (not recursive). A temp file whose writer is still alive is left alone.
 * Returns how many it removed.
 */
export async function sweepTempFiles(dirs: readonly string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = TEMP_NAME.exec(name)?.[1];
      if (!pid || isAlive(Number(pid))) continue;
      await rm(join(dir, name), { force: true }).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}
