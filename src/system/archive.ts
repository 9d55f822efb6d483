// Reads one file out of a zip archive in memory (the nats-server release for
// Windows is a zip), so extraction never depends on which `tar` is first on
// PATH (Git Bash's GNU tar cannot read zip; Windows' bsdtar can) and never
// writes a path named by the archive (no "../" escapes). Supports what release
// zips use: stored and deflated entries, no encryption, no zip64.

import { crc32, inflateRawSync } from 'node:zlib';
import { NatsghError } from '../errors.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  flags: number;
  crc: number;
}

function bad(why: string): NatsghError {
  return new NatsghError(`not a readable zip archive: ${why}`, { code: 'archive_unreadable' });
}

/** The central directory's entries. */
export function listZip(zip: Buffer): ZipEntry[] {
  // The end-of-central-directory record is within the last 64 KiB + 22 bytes (its comment).
  const from = Math.max(0, zip.length - 0xffff - 22);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw bad('zip64 is not supported');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw bad('corrupt central directory');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    entries.push({ name, method, compressedSize, size, localOffset, flags, crc });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The content of one entry. */
export function readZipEntry(zip: Buffer, entry: ZipEntry): Buffer {
  if (entry.flags & 0x1) throw bad(`${entry.name} is encrypted`);
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw bad(`no local header for ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw bad(`${entry.name} is truncated`);
  const out =
    entry.method === 0
      ? Buffer.from(data)
      : entry.method === 8
        ? inflateRawSync(data)
        : (() => {
            throw bad(`${entry.name} uses compression method ${entry.method}`);
          })();
  if (out.length !== entry.size) throw bad(`${entry.name} is ${out.length} bytes, not ${entry.size}`);
  if (crc32(out) !== entry.crc) throw bad(`${entry.name} fails its CRC-32`);
  return out;
}

/** The content of the file whose base name is `baseName` (in any folder of the archive), if any. */
export function extractZipFile(zip: Buffer, baseName: string): Buffer | undefined {
  const entry = listZip(zip).find((e) => !e.name.endsWith('/') && e.name.split(/[\\/]/).pop() === baseName);
  return entry ? readZipEntry(zip, entry) : undefined;
}
