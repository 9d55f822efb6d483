import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import {
  cachedBinaryPath,
  NATS_SERVER_PINNED,
  NATS_SERVER_RELEASES_URL,
  packageManagerCommand,
  parseSha256Sums,
  releaseAsset,
  releaseUrls,
  resolveNatsServerBinary,
} from '../../src/system/nats-server-binary.js';
import type { Platform } from '../../src/system/platform.js';
import { exeName } from '../../src/system/platform.js';
import { runCommand } from '../../src/system/process.js';
import { freePort } from '../support/nats-server.js';

const log = { info: () => {}, warn: () => {} };

describe('release assets per platform', () => {
  const p = (os: Platform['os'], arch: string): Platform => ({ os, arch, env: {}, home: '/home/u' });

  it('names assets as upstream does', () => {
    expect(releaseAsset(p('linux', 'x64'), '2.10.24').name).toBe('nats-server-v2.10.24-linux-amd64.tar.gz');
    expect(releaseAsset(p('linux', 'arm64'), '2.10.24').name).toBe('nats-server-v2.10.24-linux-arm64.tar.gz');
    expect(releaseAsset(p('darwin', 'arm64'), '2.10.24').name).toBe(
      'nats-server-v2.10.24-darwin-arm64.tar.gz',
    );
    expect(releaseAsset(p('win32', 'x64'), '2.10.24')).toEqual({
      name: 'nats-server-v2.10.24-windows-amd64.zip',
      format: 'zip',
    });
    expect(() => releaseAsset(p('linux', 'riscv64'))).toThrow(/riscv64/);
    expect(
      releaseUrls(`${NATS_SERVER_RELEASES_URL}/`, '2.10.24', releaseAsset(p('linux', 'x64'), '2.10.24')),
    ).toEqual({
      archive: `${NATS_SERVER_RELEASES_URL}/v2.10.24/nats-server-v2.10.24-linux-amd64.tar.gz`,
      sums: `${NATS_SERVER_RELEASES_URL}/v2.10.24/SHA256SUMS`,
    });
  });

  it('caches per user and platform, with the platform exe name', () => {
    expect(cachedBinaryPath(p('linux', 'x64'), '1.2.3')).toBe(
      '/home/u/.cache/natsgh/nats-server/1.2.3/nats-server',
    );
    expect(cachedBinaryPath({ ...p('linux', 'x64'), env: { XDG_CACHE_HOME: '/xdg' } }, '1.2.3')).toBe(
      '/xdg/natsgh/nats-server/1.2.3/nats-server',
    );
    expect(cachedBinaryPath(p('darwin', 'arm64'), '1.2.3')).toBe(
      '/home/u/Library/Caches/natsgh/nats-server/1.2.3/nats-server',
    );
    const win = cachedBinaryPath(
      { ...p('win32', 'x64'), env: { LOCALAPPDATA: 'C:/Users/u/AppData/Local' } },
      '1.2.3',
    );
    expect(win.replaceAll('\\', '/')).toBe(
      'C:/Users/u/AppData/Local/natsgh/Cache/nats-server/1.2.3/nats-server.exe',
    );
    expect(exeName(p('win32', 'x64'), 'nats-server')).toBe('nats-server.exe');
  });

  it('picks the platform package manager', () => {
    const has =
      (...names: string[]) =>
      (n: string) =>
        names.includes(n) ? `/bin/${n}` : undefined;
    expect(packageManagerCommand(p('darwin', 'arm64'), has('brew'))).toEqual({
      file: 'brew',
      args: ['install', 'nats-server'],
    });
    expect(packageManagerCommand(p('win32', 'x64'), has('winget', 'scoop'))?.file).toBe('winget');
    expect(packageManagerCommand(p('win32', 'x64'), has('scoop'))).toEqual({
      file: 'scoop',
      args: ['install', 'nats-server'],
    });
    expect(packageManagerCommand(p('linux', 'x64'), has('apt-get', 'sudo'), false)).toEqual({
      file: 'sudo',
      args: ['-n', 'apt-get', 'install', '-y', 'nats-server'],
    });
    expect(packageManagerCommand(p('linux', 'x64'), has('apt-get'), true)?.file).toBe('apt-get');
    expect(packageManagerCommand(p('linux', 'x64'), has())).toBeUndefined();
  });

  it('parses SHA256SUMS lines, text and binary mode', () => {
    const h = 'a'.repeat(64);
    expect(parseSha256Sums(`${h}  one.tar.gz\n${'B'.repeat(64)} *two.zip\n\ngarbage\n`)).toEqual(
      new Map([
        ['one.tar.gz', h],
        ['two.zip', 'b'.repeat(64)],
      ]),
    );
  });
});

describe('resolving nats-server', () => {
  let root: string;
  let server: Server;
  let baseUrl: string;
  let archive: Buffer;
  let sums = '';
  const requests: string[] = [];
  const platform = (): Platform => ({
    os: 'linux',
    arch: 'x64',
    env: { PATH: join(root, 'empty-path'), NATSGH_CACHE_DIR: join(root, 'cache') },
    home: root,
  });
  const asset = releaseAsset({ os: 'linux', arch: 'x64', env: {}, home: '' });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'natsgh-bin-'));
    const src = join(root, 'src');
    const top = asset.name.replace(/\.tar\.gz$/, '');
    mkdirSync(join(src, top), { recursive: true });
    writeFileSync(join(src, top, 'nats-server'), `#!/bin/sh\necho "nats-server: v${NATS_SERVER_PINNED}"\n`, {
      mode: 0o755,
    });
    writeFileSync(join(src, top, 'LICENSE'), 'Apache-2.0\n');
    await tar.c({ gzip: true, file: join(root, asset.name), cwd: src }, [top]);
    archive = (await import('node:fs')).readFileSync(join(root, asset.name));
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === `/v${NATS_SERVER_PINNED}/SHA256SUMS`) return res.end(sums);
      if (req.url === `/v${NATS_SERVER_PINNED}/${asset.name}`) return res.end(archive);
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => {
    rmSync(join(root, 'cache'), { recursive: true, force: true });
    rmSync(join(root, 'empty-path'), { recursive: true, force: true });
    mkdirSync(join(root, 'empty-path'), { recursive: true });
    requests.length = 0;
  });

  async function options(flags: Record<string, unknown> = {}) {
    const { config } = await resolveConfig({
      noFile: true,
      env: {},
      flags: { 'nats-server-mirror': baseUrl, ...flags },
    });
    return {
      config,
      platform: platform(),
      interactive: false,
      assumeYes: false,
      signal: new AbortController().signal,
      log,
    };
  }

  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  it('downloads the pinned release, verifies it, installs it into the cache, and reuses it', async () => {
    sums = `${'0'.repeat(64)}  nats-server-v${NATS_SERVER_PINNED}-darwin-arm64.tar.gz\n${sha(archive)}  ${asset.name}\n`;
    const first = await resolveNatsServerBinary(await options());
    expect(first).toEqual({
      path: cachedBinaryPath(platform()),
      version: NATS_SERVER_PINNED,
      source: 'download',
    });
    expect(readdirSync(join(root, 'cache', 'nats-server'))).toEqual([NATS_SERVER_PINNED]);
    expect(requests).toHaveLength(2);
    const second = await resolveNatsServerBinary(await options());
    expect(second.source).toBe('cache');
    expect(requests).toHaveLength(2);
  });

  it('refuses an archive whose checksum does not match and installs nothing', async () => {
    sums = `${'f'.repeat(64)}  ${asset.name}\n`;
    const err = await resolveNatsServerBinary(await options()).catch((e) => e);
    expect(err.code).toBe('nats_server_checksum');
    expect(err.message).toContain(sha(archive));
    expect(existsSync(join(root, 'cache', 'nats-server', NATS_SERVER_PINNED))).toBe(false);
    const left = existsSync(join(root, 'cache', 'nats-server'))
      ? readdirSync(join(root, 'cache', 'nats-server'))
      : [];
    expect(left).toEqual([]);
  });

  it('fails fast and names the way out when the mirror is unreachable', async () => {
    const closedPort = await freePort();
    let asked = false;
    const started = Date.now();
    const err = await resolveNatsServerBinary({
      ...(await options({ 'nats-server-mirror': `http://127.0.0.1:${closedPort}` })),
      confirm: async () => {
        asked = true;
        return true;
      },
    }).catch((e) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err.code).toBe('nats_server_unavailable');
    expect(err.message).toContain(`127.0.0.1:${closedPort}`);
    const hints = err.suggestions.join('\n');
    expect(hints).toContain('--nats-server-bin');
    expect(hints).toContain('--nats-server-mirror');
    expect(hints).toContain('apt-get install -y nats-server');
    expect(asked).toBe(false);
  });

  it('with consent, installs through the package manager when the download is unavailable', async () => {
    const bin = join(root, 'empty-path');
    for (const tool of ['apt-get', 'sudo'])
      writeFileSync(join(bin, tool), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const recorded: string[][] = [];
    const run: typeof runCommand = async (file, args, opts) => {
      if (args.includes('apt-get') || file === 'apt-get') {
        recorded.push([file, ...args]);
        writeFileSync(join(bin, 'nats-server'), '#!/bin/sh\necho "nats-server: v2.9.10"\n');
        chmodSync(join(bin, 'nats-server'), 0o755);
        return { exitCode: 0, stdout: '', stderr: '', failed: false, timedOut: false };
      }
      return runCommand(file, args, opts);
    };
    const base = await options({ 'nats-server-mirror': `http://127.0.0.1:${await freePort()}` });
    const declined = await resolveNatsServerBinary({
      ...base,
      interactive: true,
      confirm: async () => false,
      run,
    }).catch((e) => e);
    expect(declined.code).toBe('nats_server_unavailable');
    expect(recorded).toEqual([]);

    const r = await resolveNatsServerBinary({ ...base, assumeYes: true, run });
    expect(r).toEqual({ path: join(bin, 'nats-server'), version: '2.9.10', source: 'package-manager' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0].slice(-4)).toEqual(['apt-get', 'install', '-y', 'nats-server']);
  });

  it('prefers --nats-server-bin, then PATH, and rejects a binary without JetStream', async () => {
    const old = join(root, 'old-nats-server');
    writeFileSync(old, '#!/bin/sh\necho "nats-server: v2.1.9"\n', { mode: 0o755 });
    const tooOld = await resolveNatsServerBinary(await options({ 'nats-server-bin': old })).catch((e) => e);
    expect(tooOld.exit).toBe(2);
    expect(tooOld.message).toMatch(/JetStream/);
    const missing = await resolveNatsServerBinary(
      await options({ 'nats-server-bin': join(root, 'nope') }),
    ).catch((e) => e);
    expect(missing.exit).toBe(2);
    expect(missing.message).toContain('--nats-server-bin');

    const good = join(root, 'empty-path', 'nats-server');
    writeFileSync(good, '#!/bin/sh\necho "nats-server: v2.9.10"\n', { mode: 0o755 });
    expect(await resolveNatsServerBinary(await options())).toEqual({
      path: good,
      version: '2.9.10',
      source: 'path',
    });
    expect(requests).toEqual([]);
  });
});
