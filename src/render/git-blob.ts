// Git blob object ids: sha1 over "blob <len>\0" + bytes. The local-checkout
// writer, its manifest and the GitHub API committer compare files by this id.
import { createHash } from 'node:crypto';

export function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
