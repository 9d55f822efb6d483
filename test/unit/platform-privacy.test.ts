import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkFilePrivacy,
  parseAclReport,
  parseIcacls,
  parseWhoamiSid,
  restrictFilePrivacy,
  writePrivateFile,
} from '../../src/system/file-privacy.js';
import type { Platform } from '../../src/system/platform.js';
import type { RunResult, runCommand } from '../../src/system/process.js';

const dirs: string[] = [];
function secretFile(mode: number): string {
  const d = mkdtempSync(join(tmpdir(), 'natsgh-privacy-'));
  dirs.push(d);
  const f = join(d, 'user.creds');
  writeFileSync(f, 'SUAM...seed');
  chmodSync(f, mode);
  return f;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const linux: Platform = { os: 'linux', arch: 'x64', env: {}, home: '/home/ada' };
const darwin: Platform = { os: 'darwin', arch: 'arm64', env: {}, home: '/Users/ada' };
const win: Platform = {
  os: 'win32',
  arch: 'x64',
  env: { USERNAME: 'ada', USERDOMAIN: 'DESKTOP-1' },
  home: 'C:\\Users\\ada',
};

function icaclsOutput(file: string, principals: string[]): string {
  const pad = ' '.repeat(file.length + 1);
  return [
    `${file} ${principals[0]}`,
    ...principals.slice(1).map((p) => `${pad}${p}`),
    '',
    'Successfully processed 1 files; Failed processing 0 files',
  ].join('\r\n');
}

function recorder(stdoutFor: (args: string[]) => string | Error) {
  const calls: string[][] = [];
  const run = (async (file: string, args: string[]): Promise<RunResult> => {
    calls.push([file, ...args]);
    const out = stdoutFor(args);
    if (out instanceof Error) throw out;
    return { exitCode: 0, stdout: out, stderr: '', failed: false, timedOut: false };
  }) as typeof runCommand;
  return { calls, run };
}

describe.runIf(process.platform !== 'win32')('POSIX modes (linux and darwin)', () => {
  for (const platform of [linux, darwin]) {
    it(`${platform.os}: 0644 is exposed with a chmod fix, 0600 is private`, async () => {
      const exposed = await checkFilePrivacy(secretFile(0o644), { platform });
      expect(exposed.status).toBe('exposed');
      expect(exposed.message).toContain('0644');
      expect(exposed.fix).toMatch(/^chmod 600 /);
      const priv = await checkFilePrivacy(secretFile(0o600), { platform });
      expect(priv.status).toBe('private');
    });
  }

  it('restrictFilePrivacy fixes the mode to 0600', async () => {
    const f = secretFile(0o664);
    const r = await restrictFilePrivacy(f, { platform: linux });
    expect(r.status).toBe('private');
    expect(statSync(f).mode & 0o777).toBe(0o600);
  });

  it('writePrivateFile creates a 0600 file even under a permissive umask', async () => {
    const d = mkdtempSync(join(tmpdir(), 'natsgh-privacy-'));
    dirs.push(d);
    const f = join(d, 'new.creds');
    const old = process.umask(0);
    try {
      await writePrivateFile(f, 'secret', { platform: linux });
    } finally {
      process.umask(old);
    }
    expect(statSync(f).mode & 0o777).toBe(0o600);
  });
});

describe('Windows ACLs (injected platform and icacls)', () => {
  it('parses icacls output into principals and rights', () => {
    const file = 'C:\\Users\\ada\\user.creds';
    const grants = parseIcacls(
      icaclsOutput(file, ['NT AUTHORITY\\SYSTEM:(I)(F)', 'BUILTIN\\Users:(I)(RX)', 'DESKTOP-1\\ada:(I)(F)']),
      file,
    );
    expect(grants).toEqual([
      { principal: 'NT AUTHORITY\\SYSTEM', rights: '(I)(F)' },
      { principal: 'BUILTIN\\Users', rights: '(I)(RX)' },
      { principal: 'DESKTOP-1\\ada', rights: '(I)(F)' },
    ]);
  });

  it('reports other principals in the ACL as exposed, with an icacls fix', async () => {
    const file = secretFile(0o600);
    const { run } = recorder(() =>
      icaclsOutput(file, ['NT AUTHORITY\\SYSTEM:(I)(F)', 'BUILTIN\\Users:(I)(RX)', 'DESKTOP-1\\ada:(I)(F)']),
    );
    const r = await checkFilePrivacy(file, { platform: win, run });
    expect(r.status).toBe('exposed');
    expect(r.others).toEqual(['BUILTIN\\Users']);
    expect(r.fix).toContain('/inheritance:r');
  });

  it('is private when only the user, SYSTEM and Administrators are granted', async () => {
    const file = secretFile(0o600);
    const { run } = recorder(() =>
      icaclsOutput(file, ['NT AUTHORITY\\SYSTEM:(F)', 'BUILTIN\\Administrators:(F)', 'DESKTOP-1\\ada:(F)']),
    );
    const r = await checkFilePrivacy(file, { platform: win, run });
    expect(r.status).toBe('private');
  });

  it('says plainly that it cannot check when icacls is missing', async () => {
    const file = secretFile(0o600);
    const { run } = recorder(() => Object.assign(new Error('icacls: command not found'), { code: 'ENOENT' }));
    const r = await checkFilePrivacy(file, { platform: win, run });
    expect(r.status).toBe('unknown');
    expect(r.message).toContain('cannot check');
    expect(r.message).toContain('no POSIX file modes');
  });

  it('restricts with icacls /inheritance:r /grant:r USER:F, then re-checks', async () => {
    const file = secretFile(0o644);
    const { calls, run } = recorder((args) =>
      args.length === 1 ? icaclsOutput(file, ['DESKTOP-1\\ada:(F)']) : 'processed file',
    );
    const r = await restrictFilePrivacy(file, { platform: win, run });
    // whoami gave no SID here: the user's name is the fallback.
    expect(calls[1]).toEqual(['icacls', file, '/inheritance:r', '/grant:r', 'ada:(F)', '*S-1-5-18:(F)']);
    expect(calls.at(-1)).toEqual(['icacls', file]);
    expect(r.status).toBe('private');
    // No POSIX chmod on Windows: the mode is untouched.
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });
});

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/platform', name), 'utf8');
const RECORDED_PATH = 'C:\\Users\\ada\\.natsgh\\user.creds';

describe('Windows ACLs by well-known SID (recorded PowerShell, icacls and whoami outputs)', () => {
  /** Answers PowerShell with `acl` (or fails it), icacls with `icacls`, whoami with its recorded CSV. */
  function windows(file: string, opts: { acl?: string; icacls?: string }) {
    const calls: string[] = [];
    const run = (async (cmd: string, args: string[]): Promise<RunResult> => {
      calls.push(cmd === 'powershell.exe' ? 'powershell.exe <acl query>' : [cmd, ...args].join(' '));
      const out =
        cmd === 'powershell.exe'
          ? opts.acl
          : cmd === 'whoami'
            ? fixture('whoami-user.csv')
            : args.length === 1
              ? opts.icacls?.replace(RECORDED_PATH, file)
              : 'processed file';
      if (out === undefined) throw Object.assign(new Error(`${cmd}: not found`), { code: 'ENOENT' });
      return { exitCode: 0, stdout: out, stderr: '', failed: false, timedOut: false };
    }) as typeof runCommand;
    return { calls, run };
  }

  it('English: SYSTEM, Administrators and the user (by SID) are private', async () => {
    const file = secretFile(0o600);
    const r = await checkFilePrivacy(file, {
      platform: win,
      run: windows(file, { acl: fixture('win32-acl-private-en.stdout.txt') }).run,
    });
    expect(r.status).toBe('private');
  });

  it('German: the localized names do not matter; BUILTIN\\Users (S-1-5-32-545) is exposure', async () => {
    const file = secretFile(0o600);
    const r = await checkFilePrivacy(file, {
      platform: win,
      run: windows(file, { acl: fixture('win32-acl-exposed-de.stdout.txt') }).run,
    });
    expect(r.status).toBe('exposed');
    expect(r.others).toEqual(['VORDEFINIERT\\Benutzer (S-1-5-32-545)']);
  });

  it('PowerShell 5.1 prints a single ACE as an object, not an array', () => {
    const one =
      '{"user":"S-1-5-21-1","aces":{"sid":"S-1-5-21-1","name":"PC\\\\ada","type":"Allow","rights":"FullControl"}}';
    expect(parseAclReport(one)?.aces).toHaveLength(1);
  });

  it('without PowerShell, icacls in English or German (OEM code page mangling the Ä) is read', async () => {
    for (const [name, status, others] of [
      ['icacls-en.txt', 'exposed', ['BUILTIN\\Users']],
      ['icacls-de-private.txt', 'private', []],
      ['icacls-de-exposed.txt', 'exposed', ['VORDEFINIERT\\Benutzer']],
    ] as const) {
      const file = secretFile(0o600);
      const { calls, run } = windows(file, { icacls: fixture(name) });
      const r = await checkFilePrivacy(file, { platform: win, run });
      expect(calls, name).toEqual(['powershell.exe <acl query>', `icacls ${file}`]);
      expect([r.status, r.others], name).toEqual([status, others]);
    }
  });

  it('restricts by the SID whoami reports, so no localized or mangled name is involved', async () => {
    const file = secretFile(0o644);
    const { calls, run } = windows(file, { acl: fixture('win32-acl-private-en.stdout.txt') });
    const r = await restrictFilePrivacy(file, { platform: win, run });
    expect(calls).toEqual([
      'whoami /user /fo csv /nh',
      `icacls ${file} /inheritance:r /grant:r *S-1-5-21-3623811015-3361044348-30300820-1013:(F) *S-1-5-18:(F)`,
      'powershell.exe <acl query>',
    ]);
    expect(r.status).toBe('private');
    expect(parseWhoamiSid(fixture('whoami-user.csv'))).toBe('S-1-5-21-3623811015-3361044348-30300820-1013');
  });
});
