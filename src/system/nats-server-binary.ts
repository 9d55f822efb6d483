// Finds a nats-server binary with JetStream: --nats-server-bin, then PATH, then
// the per-user cache, then a download of the pinned release verified against its
// SHA256SUMS before extraction, then (with consent) the platform package manager.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../contracts.js';
import { errorMessage, NatsghError, UsageError } from '../errors.js';
import { cacheDir, exeName, installHint, type Platform } from './platform.js';
import { findOnPath, runCommand } from './process.js';

/** The release natsgh downloads when no nats-server is installed. */
export const NATS_SERVER_PINNED = '2.10.24';
/** Upstream release downloads; a mirror keeps the same layout: <base>/v<version>/<asset>. */
export const NATS_SERVER_RELEASES_URL = 'https://github.com/nats-io/nats-server/releases/download';
/** JetStream arrived in 2.2.0. */
export const NATS_SERVER_MIN_VERSION = '2.2.0';

export type BinarySource = 'flag' | 'path' | 'cache' | 'download' | 'package-manager';

export interface ResolvedBinary {
  path: string;
  version: string;
  source: BinarySource;
}

/** The two settings the search reads (nats.serverBin, nats.downloadMirror); a NatsghConfig fits. */
export interface NatsServerBinarySettings {
  nats: { serverBin?: string; downloadMirror?: string };
}

export interface ResolveBinaryOptions {
  config: NatsServerBinarySettings;
  platform: Platform;
  interactive: boolean;
  assumeYes: boolean;
  signal: AbortSignal;
  log: Logger;
  fetch?: typeof fetch;
  confirm?: (question: string) => Promise<boolean>;
  /** Runs commands (--version, the package manager); tests inject a recorder. */
  run?: typeof runCommand;
  /** Budget for reaching the mirror (SHA256SUMS); offline fails after this. */
  connectTimeoutMs?: number;
  /** Budget for the archive download itself. */
  downloadTimeoutMs?: number;
}

const GO_OS: Record<Platform['os'], string> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const GO_ARCH: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm7',
  ia32: '386',
  s390x: 's390x',
  ppc64: 'ppc64le',
  mips64el: 'mips64le',
};

export interface ReleaseAsset {
  /** e.g. nats-server-v2.10.24-linux-amd64.tar.gz */
  name: string;
  format: 'tar.gz' | 'zip';
}

/** The release asset upstream publishes for a platform. */
export function releaseAsset(platform: Platform, version = NATS_SERVER_PINNED): ReleaseAsset {
  const arch = GO_ARCH[platform.arch];
  if (!arch) {
    throw new NatsghError(`nats-server publishes no release for the ${platform.arch} architecture`, {
      code: 'nats_server_unsupported_arch',
      suggestions: [
        'Install nats-server yourself and pass --nats-server-bin PATH (or NATSGH_NATS_SERVER_BIN).',
      ],
    });
  }
  const format = platform.os === 'win32' ? 'zip' : 'tar.gz';
  return { name: `nats-server-v${version}-${GO_OS[platform.os]}-${arch}.${format}`, format };
}

export function releaseUrls(
  base: string,
  version: string,
  asset: ReleaseAsset,
): { archive: string; sums: string } {
  const root = `${base.replace(/\/+$/, '')}/v${version}`;
  return { archive: `${root}/${asset.name}`, sums: `${root}/SHA256SUMS` };
}

/** Where a downloaded release lives: <cache>/nats-server/<version>/nats-server[.exe]. */
export function cachedBinaryPath(platform: Platform, version = NATS_SERVER_PINNED): string {
  return join(cacheDir(platform), 'nats-server', version, exeName(platform, 'nats-server'));
}

/** Parses `sha256sum` output ("<hex>  <file>" or "<hex> *<file>"). */
export function parseSha256Sums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{64})\s+\*?(.+?)\s*$/.exec(line);
    if (m) sums.set(m[2], m[1].toLowerCase());
  }
  return sums;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split(/[.-]/).map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return 0;
}

/** Runs `<bin> --version`; the version without the "v", or an error saying why it is unusable. */
export async function natsServerVersion(path: string, run: typeof runCommand = runCommand): Promise<string> {
  let out: Awaited<ReturnType<typeof runCommand>>;
  try {
    out = await run(path, ['--version'], { timeoutMs: 10_000 });
  } catch (err) {
    throw new NatsghError(`cannot run ${path}: ${errorMessage(err)}`, { code: 'nats_server_unusable' });
  }
  const m = /v?(\d+\.\d+\.\d+(?:[-+][\w.]+)?)/.exec(`${out.stdout}\n${out.stderr}`);
  if (out.failed || !m) {
    throw new NatsghError(`${path} --version did not print a nats-server version (exit ${out.exitCode})`, {
      code: 'nats_server_unusable',
    });
  }
  return m[1];
}

function missingHints(platform: Platform): string[] {
  return [
    'Point natsgh at an installed binary: --nats-server-bin PATH (or NATSGH_NATS_SERVER_BIN).',
    'Download from a reachable mirror of the releases: --nats-server-mirror URL (or NATSGH_NATS_SERVER_MIRROR); it must serve <URL>/v<version>/<asset> and SHA256SUMS.',
    `Install it with the package manager: ${installHint(platform, 'nats-server')}`,
  ];
}

async function checkJetStream(path: string, run: typeof runCommand): Promise<string | undefined> {
  const version = await natsServerVersion(path, run);
  return compareVersions(version, NATS_SERVER_MIN_VERSION) >= 0 ? version : undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

class DownloadUnavailable extends Error {}

async function fetchWithin(
  doFetch: typeof fetch,
  url: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Response> {
  let res: Response;
  try {
    res = await doFetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) });
  } catch (err) {
    signal.throwIfAborted();
    const e = err as Error & { cause?: { code?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    throw new DownloadUnavailable(`${url}: ${why}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new DownloadUnavailable(`${url}: HTTP ${res.status}`);
  }
  return res;
}

async function findFile(dir: string, name: string): Promise<string | undefined> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return p;
    if (entry.isDirectory()) {
      const found = await findFile(p, name);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Downloads the pinned release into the cache. The archive is checked against
 * SHA256SUMS while still in memory, so a bad archive never touches the disk;
 * the finished version directory appears with one rename, so a crash leaves
 * either nothing or a complete install.
 */
async function downloadRelease(opts: ResolveBinaryOptions): Promise<string> {
  const { platform, log, signal } = opts;
  const doFetch = opts.fetch ?? fetch;
  const version = NATS_SERVER_PINNED;
  const asset = releaseAsset(platform, version);
  const base = opts.config.nats.downloadMirror ?? NATS_SERVER_RELEASES_URL;
  const urls = releaseUrls(base, version, asset);
  log.info(`downloading nats-server v${version} from ${urls.archive}`);
  const sumsRes = await fetchWithin(doFetch, urls.sums, opts.connectTimeoutMs ?? 5000, signal);
  const expected = parseSha256Sums(await sumsRes.text()).get(asset.name);
  if (!expected) throw new DownloadUnavailable(`${urls.sums} lists no checksum for ${asset.name}`);
  const archiveRes = await fetchWithin(doFetch, urls.archive, opts.downloadTimeoutMs ?? 300_000, signal);
  const archive = Buffer.from(await archiveRes.arrayBuffer());
  const actual = createHash('sha256').update(archive).digest('hex');
  if (actual !== expected) {
    throw new NatsghError(
      `refusing ${urls.archive}: its SHA-256 is ${actual}, but ${urls.sums} says ${expected}. Nothing was installed.`,
      {
        code: 'nats_server_checksum',
        suggestions: [
          'The download was corrupted or tampered with; check the mirror (--nats-server-mirror) and try again.',
          ...missingHints(platform).filter((h) => !h.includes('mirror')),
        ],
      },
    );
  }
  const root = join(cacheDir(platform), 'nats-server');
  const work = join(root, `.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  const target = join(root, version);
  const exe = exeName(platform, 'nats-server');
  try {
    await mkdir(join(work, 'extract'), { recursive: true });
    await mkdir(join(work, 'install'), { recursive: true });
    const archiveFile = join(work, asset.name);
    await writeFile(archiveFile, archive);
    if (asset.format === 'zip') {
      // Read in memory: no `tar` from PATH (Git Bash's GNU tar cannot read zip), no archive-named paths.
      const { extractZipFile } = await import('./archive.js');
      const content = extractZipFile(archive, exe);
      if (content) await writeFile(join(work, 'extract', exe), content);
    } else {
      const tar = await import('tar');
      await tar.x({ file: archiveFile, cwd: join(work, 'extract') });
    }
    const found = await findFile(join(work, 'extract'), exe);
    if (!found) throw new Error(`${asset.name} holds no ${exe}`);
    const installed = join(work, 'install', exe);
    await rename(found, installed);
    if (platform.os !== 'win32') await chmod(installed, 0o755);
    await rm(target, { recursive: true, force: true });
    await rename(join(work, 'install'), target);
  } catch (err) {
    throw new NatsghError(`could not install nats-server v${version} into ${target}: ${errorMessage(err)}`, {
      code: 'nats_server_install',
      cause: err,
      suggestions: missingHints(platform),
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return join(target, exe);
}

interface PackageManagerCommand {
  file: string;
  args: string[];
}

/** The package-manager command that installs nats-server here, if a package manager exists. */
export function packageManagerCommand(
  platform: Platform,
  find: (name: string) => string | undefined = (n) => findOnPath(n, platform),
  isRoot = platform.os !== 'win32' && process.getuid?.() === 0,
): PackageManagerCommand | undefined {
  if (platform.os === 'darwin')
    return find('brew') ? { file: 'brew', args: ['install', 'nats-server'] } : undefined;
  if (platform.os === 'win32') {
    if (find('winget')) {
      return {
        file: 'winget',
        args: [
          'install',
          '--id',
          'NATSAuthors.NATSServer',
          '-e',
          '--accept-source-agreements',
          '--accept-package-agreements',
        ],
      };
    }
    return find('scoop') ? { file: 'scoop', args: ['install', 'nats-server'] } : undefined;
  }
  if (!find('apt-get')) return undefined;
  const apt = ['apt-get', 'install', '-y', 'nats-server'];
  // sudo -n never waits for a password that nobody could type.
  if (isRoot) return { file: apt[0], args: apt.slice(1) };
  return find('sudo') ? { file: 'sudo', args: ['-n', ...apt] } : undefined;
}

async function installWithPackageManager(
  opts: ResolveBinaryOptions,
  run: typeof runCommand,
  why: string,
): Promise<ResolvedBinary | undefined> {
  const cmd = packageManagerCommand(opts.platform);
  if (!cmd) return undefined;
  const line = [cmd.file, ...cmd.args].join(' ');
  let consent = opts.assumeYes;
  if (!consent && opts.interactive && opts.confirm) {
    consent = await opts.confirm(`${why}. Install nats-server with \`${line}\`?`);
  }
  if (!consent) return undefined;
  opts.log.info(`installing nats-server: ${line}`);
  const r = await run(cmd.file, cmd.args, {
    signal: opts.signal,
    timeoutMs: 600_000,
    onLine: (l) => opts.log.info(l),
  });
  if (r.failed) {
    throw new NatsghError(
      `\`${line}\` failed (exit ${r.exitCode}): ${r.stderr.split('\n').slice(-3).join(' ')}`,
      {
        code: 'nats_server_install',
        suggestions: missingHints(opts.platform),
      },
    );
  }
  const path = findOnPath('nats-server', opts.platform);
  if (!path) {
    throw new NatsghError(`\`${line}\` succeeded but nats-server is not on PATH yet`, {
      code: 'nats_server_install',
      suggestions: [
        'Open a new shell (so PATH is refreshed) and run natsgh again, or pass --nats-server-bin PATH.',
      ],
    });
  }
  const version = await checkJetStream(path, run);
  if (!version) return undefined;
  return { path, version, source: 'package-manager' };
}

export async function resolveNatsServerBinary(opts: ResolveBinaryOptions): Promise<ResolvedBinary> {
  const run = opts.run ?? runCommand;
  const { config, platform, log } = opts;
  const tooOld = (path: string) =>
    `${path} has no JetStream support (nats-server ${NATS_SERVER_MIN_VERSION} or newer is needed)`;

  if (config.nats.serverBin) {
    const path = findOnPath(config.nats.serverBin, platform);
    if (!path) {
      throw new UsageError(`--nats-server-bin ${config.nats.serverBin} is not an executable file`, {
        code: 'nats_server_bin_missing',
        suggestions: [
          'Fix --nats-server-bin (or NATSGH_NATS_SERVER_BIN), or leave it unset to use PATH or a download.',
        ],
      });
    }
    const version = await natsServerVersion(path, run);
    if (compareVersions(version, NATS_SERVER_MIN_VERSION) < 0) {
      throw new UsageError(`${tooOld(path)}; it is v${version}`, {
        code: 'nats_server_bin_too_old',
        suggestions: ['Pass a newer binary with --nats-server-bin, or unset it to let natsgh download one.'],
      });
    }
    return { path, version, source: 'flag' };
  }

  const onPath = findOnPath('nats-server', platform);
  if (onPath) {
    const version = await natsServerVersion(onPath, run).catch(() => undefined);
    if (version && compareVersions(version, NATS_SERVER_MIN_VERSION) >= 0) {
      return { path: onPath, version, source: 'path' };
    }
    log.warn(
      `${onPath} is not usable (${version ? `v${version}, ${tooOld(onPath)}` : 'no version'}); looking further`,
    );
  }

  const cached = cachedBinaryPath(platform);
  if (await exists(cached)) {
    const version = await checkJetStream(cached, run).catch(() => undefined);
    if (version) return { path: cached, version, source: 'cache' };
    log.warn(`the cached ${cached} is not usable; downloading it again`);
  }

  let unavailable: string;
  try {
    const path = await downloadRelease(opts);
    const version = await checkJetStream(path, run);
    if (!version) throw new NatsghError(tooOld(path), { code: 'nats_server_too_old' });
    return { path, version, source: 'download' };
  } catch (err) {
    if (!(err instanceof DownloadUnavailable)) throw err;
    unavailable = err.message;
  }

  const why = `nats-server is not installed and the download failed (${unavailable})`;
  const installed = await installWithPackageManager(opts, run, why);
  if (installed) return installed;
  throw new NatsghError(`${why}`, {
    code: 'nats_server_unavailable',
    details: { mirror: config.nats.downloadMirror ?? NATS_SERVER_RELEASES_URL, version: NATS_SERVER_PINNED },
    suggestions: missingHints(platform),
  });
}
