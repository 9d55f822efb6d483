// Privacy of secret files (creds, NKey seeds, TLS keys): only the owner may read
// them. POSIX checks and fixes mode 0600; Windows has no modes, so its ACL is read
// and restricted with icacls, and when that is impossible the result says so.
import { chmod, stat, writeFile } from 'node:fs/promises';
import { currentPlatform, type Platform } from './platform.js';
import { runCommand } from './process.js';

export type PrivacyStatus = 'private' | 'exposed' | 'unknown';

/** A doctor-friendly verdict: `unknown` means it could not be checked here, and `message` says why. */
export interface PrivacyResult {
  status: PrivacyStatus;
  message: string;
  /** A command that makes the file private, for this platform's shell. */
  fix?: string;
  /** POSIX permission bits, when the platform has them. */
  mode?: number;
  /** Windows: principals other than the owner that the ACL grants access to. */
  others?: string[];
}

export interface PrivacyDeps {
  platform?: Platform;
  run?: typeof runCommand;
}

/**
 * Well-known SIDs Windows itself needs (SYSTEM, Administrators, CREATOR OWNER);
 * a grant to them does not make a file readable by other users. SIDs, not names:
 * names are localized ("VORDEFINIERT\Administratoren" on a German Windows).
 */
export const WINDOWS_TRUSTED_SIDS = ['S-1-5-18', 'S-1-5-32-544', 'S-1-3-0'] as const;

/**
 * The names icacls prints for those SIDs, in English and German, for when only
 * icacls can be asked. icacls writes in the console's OEM code page, so "Ä" may
 * arrive as a replacement character: the prefix is matched, not the whole word.
 */
const WINDOWS_TRUSTED_NAMES = [
  /^NT[ -]AUT(HORITY|ORIT.{1,2}T)\\(SYSTEM)$/i,
  /^(BUILTIN|VORDEFINIERT)\\Administrator(s|en)$/i,
  /^(CREATOR OWNER|ERSTELLER-BESITZER)$/i,
];

function windowsUser(p: Platform): string | undefined {
  const user = p.env.USERNAME;
  if (!user) return undefined;
  return p.env.USERDOMAIN ? `${p.env.USERDOMAIN}\\${user}` : user;
}

function quoteWin(arg: string): string {
  return /[\s"]/.test(arg) ? `"${arg.replaceAll('"', '\\"')}"` : arg;
}

/** PowerShell printing the current user's SID and the file's ACEs by SID, as JSON. */
export function aclQuery(file: string): string {
  const literal = `'${file.replaceAll("'", "''")}'`;
  return [
    '$ErrorActionPreference = "Stop"',
    `$acl = Get-Acl -LiteralPath ${literal}`,
    '$me = [System.Security.Principal.WindowsIdentity]::GetCurrent().User.Value',
    '$aces = @($acl.Access | ForEach-Object { $sid = try { $_.IdentityReference.Translate([System.Security.Principal.SecurityIdentifier]).Value } catch { [string]$_.IdentityReference }; [pscustomobject]@{ sid = $sid; name = [string]$_.IdentityReference; type = [string]$_.AccessControlType; rights = [string]$_.FileSystemRights } })',
    '[pscustomobject]@{ user = $me; aces = $aces } | ConvertTo-Json -Compress -Depth 3',
  ].join('; ');
}

interface AclReport {
  user: string;
  aces: Array<{ sid: string; name: string; type: string; rights: string }>;
}

/** Parses aclQuery's JSON (PowerShell 5.1 prints a one-element array as an object). */
export function parseAclReport(stdout: string): AclReport | undefined {
  try {
    const o = JSON.parse(stdout.trim()) as { user?: unknown; aces?: unknown };
    if (typeof o.user !== 'string') return undefined;
    const list = Array.isArray(o.aces) ? o.aces : o.aces ? [o.aces] : [];
    const aces = list
      .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null)
      .map((a) => ({
        sid: String(a.sid ?? ''),
        name: String(a.name ?? ''),
        type: String(a.type ?? ''),
        rights: String(a.rights ?? ''),
      }));
    return { user: o.user, aces };
  } catch {
    return undefined;
  }
}

/** The current user's SID from `whoami /user /fo csv /nh` ("desktop-1\ada","S-1-5-21-…"). */
export function parseWhoamiSid(stdout: string): string | undefined {
  return /"(S-1-[0-9-]+)"/.exec(stdout)?.[1];
}

/**
 * Parses `icacls FILE` output into principal → rights. The first line starts with
 * the file name; every grant line is "<principal>:<rights>".
 */
export function parseIcacls(output: string, file: string): Array<{ principal: string; rights: string }> {
  const grants: Array<{ principal: string; rights: string }> = [];
  for (const raw of output.split(/\r?\n/)) {
    let line = raw;
    if (line.startsWith(file)) line = line.slice(file.length);
    line = line.trim();
    if (!line || /^Successfully processed/i.test(line)) continue;
    const m = /^(.+?):((?:\([A-Za-z,]+\))+)$/.exec(line);
    if (m) grants.push({ principal: m[1], rights: m[2] });
  }
  return grants;
}

/** Checks that only the owner can read `file`. Never throws for a platform limitation; a missing file does throw. */
export async function checkFilePrivacy(file: string, deps: PrivacyDeps = {}): Promise<PrivacyResult> {
  const platform = deps.platform ?? currentPlatform();
  if (platform.os !== 'win32') {
    const mode = (await stat(file)).mode & 0o777;
    const shown = mode.toString(8).padStart(4, '0');
    if (mode & 0o077) {
      return {
        status: 'exposed',
        mode,
        message: `${file} is readable or writable by other users (mode ${shown})`,
        fix: `chmod 600 '${file.replaceAll("'", "'\\''")}'`,
      };
    }
    return { status: 'private', mode, message: `${file} is private to its owner (mode ${shown})` };
  }

  await stat(file);
  const fix = `icacls ${quoteWin(file)} /inheritance:r /grant:r "%USERNAME%:F"`;
  const run = deps.run ?? runCommand;
  const viaSids = await run(
    'powershell.exe',
    ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', aclQuery(file)],
    { timeoutMs: 30_000 },
  ).catch(() => undefined);
  const acl = viaSids && !viaSids.failed ? parseAclReport(viaSids.stdout) : undefined;
  if (acl) {
    const trusted = new Set<string>([...WINDOWS_TRUSTED_SIDS, acl.user]);
    const others = acl.aces
      .filter((a) => a.type === 'Allow' && !trusted.has(a.sid))
      .map((a) => (a.name && a.name !== a.sid ? `${a.name} (${a.sid})` : a.sid));
    return verdict(file, [...new Set(others)], fix, windowsUser(platform));
  }

  // No PowerShell: icacls, whose names are localized (English and German known).
  let output: string;
  try {
    const r = await run('icacls', [file], { timeoutMs: 10_000 });
    if (r.failed) {
      return {
        status: 'unknown',
        message: `cannot check who may read ${file}: icacls failed (${(r.stderr || r.stdout).trim() || `exit ${r.exitCode}`}); Windows has no POSIX file modes`,
        fix,
      };
    }
    output = r.stdout;
  } catch {
    return {
      status: 'unknown',
      message: `cannot check who may read ${file}: neither PowerShell nor icacls is available; Windows has no POSIX file modes`,
      fix,
    };
  }
  const me = windowsUser(platform);
  const others = parseIcacls(output, file)
    .filter((g) => !/\(DENY\)/.test(g.rights))
    .map((g) => g.principal)
    .filter((principal) => {
      if (WINDOWS_TRUSTED_NAMES.some((re) => re.test(principal))) return false;
      if (/^\*?S-1-/.test(principal))
        return !WINDOWS_TRUSTED_SIDS.includes(principal.replace(/^\*/, '') as never);
      if (me && principal.toLowerCase() === me.toLowerCase()) return false;
      const user = platform.env.USERNAME?.toLowerCase();
      return !(user && principal.toLowerCase().endsWith(`\\${user}`));
    });
  return verdict(file, others, fix, me);
}

function verdict(file: string, others: string[], fix: string, me: string | undefined): PrivacyResult {
  if (others.length > 0) {
    return {
      status: 'exposed',
      others,
      message: `${file} is readable by ${others.join(', ')} (its ACL grants them access)`,
      fix,
    };
  }
  return { status: 'private', others: [], message: `${file} is private to ${me ?? 'its owner'} (ACL)` };
}

/** Makes `file` private: chmod 0600 on POSIX; on Windows removes inherited ACEs and grants only the current user. */
export async function restrictFilePrivacy(file: string, deps: PrivacyDeps = {}): Promise<PrivacyResult> {
  const platform = deps.platform ?? currentPlatform();
  if (platform.os !== 'win32') {
    await chmod(file, 0o600);
    return checkFilePrivacy(file, deps);
  }
  const run = deps.run ?? runCommand;
  // By SID ("*S-1-…"): names are localized and may hold characters icacls mangles.
  const whoami = await run('whoami', ['/user', '/fo', 'csv', '/nh'], { timeoutMs: 10_000 }).catch(
    () => undefined,
  );
  const sid = whoami && !whoami.failed ? parseWhoamiSid(whoami.stdout) : undefined;
  const user = sid ? `*${sid}` : platform.env.USERNAME;
  if (!user) {
    return {
      status: 'unknown',
      message: `cannot restrict ${file}: neither whoami nor USERNAME names the owner to grant access to`,
    };
  }
  try {
    const r = await run('icacls', [file, '/inheritance:r', '/grant:r', `${user}:(F)`, '*S-1-5-18:(F)'], {
      timeoutMs: 10_000,
    });
    if (r.failed) {
      return {
        status: 'unknown',
        message: `cannot restrict ${file}: icacls failed (${(r.stderr || r.stdout).trim() || `exit ${r.exitCode}`})`,
      };
    }
  } catch {
    return { status: 'unknown', message: `cannot restrict ${file}: icacls is not available` };
  }
  return checkFilePrivacy(file, deps);
}

/** Writes a secret file that only its owner can read (0600 from creation on POSIX, then the ACL on Windows). */
export async function writePrivateFile(
  file: string,
  content: string | Uint8Array,
  deps: PrivacyDeps = {},
): Promise<PrivacyResult> {
  await writeFile(file, content, { mode: 0o600 });
  return restrictFilePrivacy(file, deps);
}
