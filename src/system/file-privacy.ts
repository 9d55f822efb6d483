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

/** Principals Windows itself needs; a grant to them does not make a file readable by other users. */
const WINDOWS_TRUSTED = [/^NT AUTHORITY\\SYSTEM$/i, /^BUILTIN\\Administrators$/i, /^CREATOR OWNER$/i];

function windowsUser(p: Platform): string | undefined {
  const user = p.env.USERNAME;
  if (!user) return undefined;
  return p.env.USERDOMAIN ? `${p.env.USERDOMAIN}\\${user}` : user;
}

function quoteWin(arg: string): string {
  return /[\s"]/.test(arg) ? `"${arg.replaceAll('"', '\\"')}"` : arg;
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
      message: `cannot check who may read ${file}: icacls is not available; Windows has no POSIX file modes`,
      fix,
    };
  }
  const me = windowsUser(platform);
  const grants = parseIcacls(output, file);
  const others = grants
    .filter((g) => !/\(DENY\)/.test(g.rights))
    .map((g) => g.principal)
    .filter((principal) => {
      if (WINDOWS_TRUSTED.some((re) => re.test(principal))) return false;
      if (me && principal.toLowerCase() === me.toLowerCase()) return false;
      if (
        platform.env.USERNAME &&
        principal.toLowerCase().endsWith(`\\${platform.env.USERNAME.toLowerCase()}`)
      )
        return false;
      return true;
    });
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
  const user = platform.env.USERNAME;
  if (!user) {
    return {
      status: 'unknown',
      message: `cannot restrict ${file}: USERNAME is not set, so the owner to grant access to is unknown`,
    };
  }
  const run = deps.run ?? runCommand;
  try {
    const r = await run('icacls', [file, '/inheritance:r', '/grant:r', `${user}:F`], { timeoutMs: 10_000 });
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
