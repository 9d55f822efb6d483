// Small filesystems for disk faults: a tmpfs of a given size (full disk) or
// mounted read-only. Needs root (CI runs as root); elsewhere the caller is told why not.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** In CI a missing capability is a failure; on a contributor's machine the caller returns early. */
export function requireMount(scenario: string): boolean {
  if (canMount()) return true;
  if (process.env.CI) throw new Error(`${scenario} needs root to mount a tmpfs; CI runs as root`);
  console.warn(`[chaos] ${scenario}: not run, mounting a tmpfs needs root on Linux`);
  return false;
}

export function mountTmpfs(dir: string, opts: { size: string; readOnly?: boolean }): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', [
    '-t',
    'tmpfs',
    '-o',
    `size=${opts.size}${opts.readOnly ? ',ro' : ''}`,
    'tmpfs',
    dir,
  ]);
}

export function resizeTmpfs(dir: string, size: string): void {
  execFileSync('mount', ['-o', `remount,size=${size}`, dir]);
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    // Still busy (a process's cwd): detach it now, it goes when the last user does.
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  }
}
