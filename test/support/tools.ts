// Tests that need an external tool. In .ci/run (CI set, not a GitHub-hosted
// runner) a missing tool is a failure: .ci/run must install it. On a hosted
// runner, a tool that cannot exist on that OS (listed below, with why) skips its
// test with the reason printed; every other tool the workflow installs, so there
// too a missing one fails. On a contributor's machine the test is skipped with
// the reason printed. Tools are found through natsgh's own lookup (PATHEXT on
// Windows).
import { spawnSync } from 'node:child_process';
import { findOnPath } from '../../src/system/process.js';

/** Tools a GitHub-hosted runner of an OS cannot have, and why. */
export const UNAVAILABLE_ON_HOSTED: Partial<Record<NodeJS.Platform, Record<string, string>>> = {
  win32: {
    script: 'Windows has no script(1) to give a process a terminal; the TTY check runs on Linux and macOS',
  },
};

export function hasTool(name: string, args = ['--version']): boolean {
  const file = findOnPath(name);
  if (!file) return false;
  if (args.length === 0) return true;
  // A .cmd/.bat runs through cmd.exe (Node refuses to spawn it directly), as Node's
  // shell option does: /s strips the outer quotes, the path keeps its own.
  const r = /\.(cmd|bat)$/i.test(file)
    ? spawnSync('cmd.exe', ['/d', '/s', '/c', `""${file}" ${args.join(' ')}"`], {
        stdio: 'ignore',
        timeout: 10_000,
        windowsVerbatimArguments: true,
      })
    : spawnSync(file, args, { stdio: 'ignore', timeout: 10_000 });
  return r.status === 0;
}

/** Returns true when the tests needing `name` should run; throws in CI when it is missing. */
export function requireTool(name: string, args?: string[]): boolean {
  if (hasTool(name, args)) return true;
  const hosted =
    process.env.GITHUB_ACTIONS === 'true' ? UNAVAILABLE_ON_HOSTED[process.platform]?.[name] : undefined;
  if (hosted) {
    console.warn(`skipping tests that need ${name} on this hosted ${process.platform} runner: ${hosted}`);
    return false;
  }
  if (process.env.CI)
    throw new Error(`${name} is required in CI but was not found on PATH (the CI job must install it)`);
  console.warn(`skipping tests that need ${name}: not found on PATH`);
  return false;
}

/**
 * The command that runs `argv` under a pseudo-terminal with script(1): util-linux
 * takes the command as one string (-c), BSD script on macOS takes argv after the
 * output file. Undefined on Windows.
 */
export function underTerminal(argv: string[]): { file: string; args: string[] } | undefined {
  if (process.platform === 'darwin') return { file: 'script', args: ['-q', '/dev/null', ...argv] };
  if (process.platform === 'win32') return undefined;
  const quoted = argv.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return { file: 'script', args: ['-qec', quoted, '/dev/null'] };
}
