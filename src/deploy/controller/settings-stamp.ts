// Whether a running controller was started with the current secrets: a salted
// digest of them in an owner-only file beside the deployment's other state,
// never in a checkpoint (a checkpoint holds no secret, not even its hash, and
// may be read on another machine). Written after each deploy, compared by verify.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../system/atomic-file.js';

function digestOf(values: Record<string, string>, salt: string): string {
  const entries = Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(salt).update(JSON.stringify(entries)).digest('hex');
}

export interface SettingsStamp {
  salt: string;
  /** Safe to show (a manifest annotation): salted, and the salt stays in the owner-only file. */
  digest: string;
}

/** A fresh salted digest of `values`, to be written once what it describes runs. */
export function newStamp(values: Record<string, string>): SettingsStamp {
  const salt = randomBytes(16).toString('hex');
  return { salt, digest: digestOf(values, salt) };
}

export async function writeStamp(file: string, stamp: SettingsStamp): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(stamp)}\n`, { mode: 0o600 });
}

/** Records a fresh salted digest of `values` (mode 0600). */
export async function stampSettings(file: string, values: Record<string, string>): Promise<void> {
  await writeStamp(file, newStamp(values));
}

/**
 * "same" or "different" from the stamp; "unknown" when this state dir holds
 * none (a run resumed from KV on another machine, or a kill before the stamp
 * was written): the controller is then judged by what else verify checks.
 */
export async function startedWith(
  file: string,
  values: Record<string, string>,
): Promise<'same' | 'different' | 'unknown'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return 'unknown';
  }
  try {
    const stamp = JSON.parse(text) as { salt?: string; digest?: string };
    return typeof stamp.salt === 'string' && stamp.digest === digestOf(values, stamp.salt)
      ? 'same'
      : 'different';
  } catch {
    return 'different';
  }
}
