#!/usr/bin/env node
// Installs the nats-server release natsgh pins (NATS_SERVER_PINNED) for CI, the
// same version on Linux, macOS and Windows, the way natsgh itself downloads it:
// checked against the release's SHA256SUMS, the binary read out of the archive
// by natsgh's own code (tar package, src/system/archive.ts for the Windows zip),
// no tar or unzip from PATH. Needs dist/ (npm run build).
//   node scripts/ci/install-nats-server.mjs DIR   -> prints DIR (add it to PATH)
// NATS_SERVER_VERSION, when set, must equal the pinned version (one version in CI);
// NATS_SERVER_MIRROR replaces the release download URL.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const bin = await import(join(root, 'dist/system/nats-server-binary.js'));
const { currentPlatform, exeName } = await import(join(root, 'dist/system/platform.js'));
const { extractZipFile } = await import(join(root, 'dist/system/archive.js'));

const dir = process.argv[2];
if (!dir) {
  console.error('usage: install-nats-server.mjs DIR');
  process.exit(2);
}
const version = bin.NATS_SERVER_PINNED;
if (process.env.NATS_SERVER_VERSION && process.env.NATS_SERVER_VERSION !== version) {
  console.error(
    `NATS_SERVER_VERSION is ${process.env.NATS_SERVER_VERSION} but natsgh pins ${version} (src/system/nats-server-binary.ts): make them agree`,
  );
  process.exit(1);
}
const platform = currentPlatform();
const asset = bin.releaseAsset(platform, version);
const urls = bin.releaseUrls(process.env.NATS_SERVER_MIRROR || bin.NATS_SERVER_RELEASES_URL, version, asset);

async function get(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

const [archive, sums] = await Promise.all([get(urls.archive), get(urls.sums)]);
const expected = bin.parseSha256Sums(sums.toString('utf8')).get(asset.name);
const actual = createHash('sha256').update(archive).digest('hex');
if (!expected || expected !== actual) {
  console.error(`${asset.name}: SHA-256 ${actual}, SHA256SUMS says ${expected ?? 'nothing'}`);
  process.exit(1);
}
const exe = exeName(platform, 'nats-server');
let content;
if (asset.format === 'zip') {
  content = extractZipFile(archive, exe);
} else {
  const tar = await import('tar');
  const work = mkdtempSync(join(tmpdir(), 'nats-server-'));
  const file = join(work, asset.name);
  writeFileSync(file, archive);
  await tar.x({ file, cwd: work });
  const found = readdirSync(work, { recursive: true }).find((p) => String(p).split(/[\\/]/).pop() === exe);
  content = found ? (await import('node:fs')).readFileSync(join(work, String(found))) : undefined;
  rmSync(work, { recursive: true, force: true });
}
if (!content) {
  console.error(`${asset.name} holds no ${exe}`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, exe), content);
if (platform.os !== 'win32') chmodSync(join(dir, exe), 0o755);
console.log(resolve(dir));
