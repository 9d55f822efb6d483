// Windows behaviour of executable lookup (PATHEXT, "Path", quoted entries),
// transient EPERM/EBUSY retries, and zip extraction without any `tar`, with the
// platform injected so it runs on Linux; the zip is a real one (Python's
// zipfile, deflated and stored entries, plus a "../" entry).
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractZipFile, listZip } from '../../src/system/archive.js';
import { isTransientFsError, retryTransient } from '../../src/system/fs-retry.js';
import type { Platform } from '../../src/system/platform.js';
import { executableNames, findOnPath } from '../../src/system/process.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function dir(files: Record<string, string> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'natsgh-winfs-'));
  dirs.push(d);
  for (const [name, mode] of Object.entries(files)) {
    writeFileSync(join(d, name), '');
    chmodSync(join(d, name), Number.parseInt(mode, 8));
  }
  return d;
}
const win = (env: NodeJS.ProcessEnv): Platform => ({ os: 'win32', arch: 'x64', env, home: 'C:\\Users\\ada' });
const linux = (env: NodeJS.ProcessEnv): Platform => ({ os: 'linux', arch: 'x64', env, home: '/home/ada' });

describe('findOnPath', () => {
  it('Windows: tries PATHEXT in its order, reads "Path" and quoted entries, needs no execute bit', () => {
    const a = dir({ 'terraform.cmd': '644' });
    const b = dir({ 'terraform.exe': '644', 'kubectl.bat': '644' });
    const env = { Path: `"${a}";${b}`, PATHEXT: '.COM;.EXE;.BAT;.CMD' };
    // PATH order first, then PATHEXT order within a directory.
    expect(findOnPath('terraform', win(env))).toBe(join(a, 'terraform.cmd'));
    expect(findOnPath('kubectl', win(env))).toBe(join(b, 'kubectl.bat'));
    expect(findOnPath('kubectl', win({ ...env, PATHEXT: '.EXE;.CMD' }))).toBeUndefined();
    // A name that already has one of the extensions is looked up as it is.
    expect(executableNames('terraform.exe', win(env))).toEqual(['terraform.exe']);
    expect(executableNames('nats-server', win({}))).toEqual([
      'nats-server.com',
      'nats-server.exe',
      'nats-server.bat',
      'nats-server.cmd',
    ]);
  });

  it('POSIX: only files with an execute bit, never a directory', () => {
    const d = dir({ tool: '644', run: '755' });
    mkdirSync(join(d, 'sub'));
    chmodSync(join(d, 'sub'), 0o755);
    expect(findOnPath('tool', linux({ PATH: d }))).toBeUndefined();
    expect(findOnPath('run', linux({ PATH: d }))).toBe(join(d, 'run'));
    expect(findOnPath('sub', linux({ PATH: d }))).toBeUndefined();
  });
});

describe('retryTransient', () => {
  const busy = (code: string) => Object.assign(new Error(code), { code });

  it('Windows: retries EBUSY/EPERM/EACCES (a scanner holding the file) until it succeeds', async () => {
    let calls = 0;
    const waits: number[] = [];
    const r = await retryTransient(
      async () => {
        calls++;
        if (calls < 4) throw busy(['EBUSY', 'EPERM', 'EACCES'][calls - 1]);
        return 'renamed';
      },
      { platform: win({}), sleep: async (ms) => void waits.push(ms) },
    );
    expect(r).toBe('renamed');
    expect(calls).toBe(4);
    expect(waits).toEqual([10, 20, 40]);
  });

  it('Windows: gives up after its budget with the last error', async () => {
    await expect(
      retryTransient(
        async () => {
          throw busy('EBUSY');
        },
        { platform: win({}), budgetMs: 100, sleep: async () => {} },
      ),
    ).rejects.toThrow('EBUSY');
  });

  it('Linux and macOS: EPERM is a real permission error and fails at once; other codes never retry', async () => {
    let calls = 0;
    const fail = (code: string) => async () => {
      calls++;
      throw busy(code);
    };
    await expect(retryTransient(fail('EPERM'), { platform: linux({}) })).rejects.toThrow('EPERM');
    await expect(retryTransient(fail('ENOENT'), { platform: win({}) })).rejects.toThrow('ENOENT');
    expect(calls).toBe(2);
    expect(isTransientFsError(busy('EBUSY'), linux({}))).toBe(false);
  });
});

describe('zip extraction (the Windows nats-server release)', () => {
  const zip = readFileSync(join(import.meta.dirname, '../fixtures/platform/nats-server-windows.zip'));

  it('finds the binary in its folder and inflates it, checked against its size and CRC-32', () => {
    expect(listZip(zip).map((e) => [e.name, e.method])).toEqual([
      ['nats-server-v2.10.27-windows-amd64/LICENSE', 0],
      ['nats-server-v2.10.27-windows-amd64/README.md', 8],
      ['nats-server-v2.10.27-windows-amd64/nats-server.exe', 8],
      ['../escape/nats-server.txt', 8],
    ]);
    expect(extractZipFile(zip, 'nats-server.exe')?.toString()).toBe(
      'MZ fake windows binary for natsgh tests\n'.repeat(50),
    );
    expect(extractZipFile(zip, 'LICENSE')?.toString()).toBe('Apache-2.0\n');
    expect(extractZipFile(zip, 'nats-server')).toBeUndefined();
  });

  it('refuses a truncated or corrupted archive instead of installing garbage', () => {
    expect(() => extractZipFile(zip.subarray(0, zip.length - 30), 'nats-server.exe')).toThrow(
      /not a readable zip/,
    );
    const corrupt = Buffer.from(zip);
    const entry = listZip(zip).find((e) => e.name.endsWith('LICENSE'))!;
    corrupt[entry.localOffset + 30 + 'nats-server-v2.10.27-windows-amd64/LICENSE'.length] ^= 0xff;
    expect(() => extractZipFile(corrupt, 'LICENSE')).toThrow(/CRC-32/);
  });
});
