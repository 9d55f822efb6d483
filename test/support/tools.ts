// Tests that need an external tool: in CI a missing tool is a failure (CI must
// install it); on a contributor's machine the test is skipped with the reason printed.
import { execFileSync } from 'node:child_process';

export function hasTool(name: string, args = ['--version']): boolean {
  try {
    execFileSync(name, args, { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** Returns true when the tests needing `name` should run; throws in CI when it is missing. */
export function requireTool(name: string, args?: string[]): boolean {
  if (hasTool(name, args)) return true;
  if (process.env.CI)
    throw new Error(`${name} is required in CI but was not found on PATH (.ci/run must install it)`);
  console.warn(`skipping tests that need ${name}: not found on PATH`);
  return false;
}
