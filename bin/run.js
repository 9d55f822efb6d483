#!/usr/bin/env node
// natsgh entry point: runs the compiled CLI from dist/ through oclif. `--version`
// and `-v` (alone, or with --json) are answered here without loading oclif, so
// they stay as fast as starting node, and so is `<command> --help` 80 columns
// wide (prerendered at build time). In a source checkout whose dist/ is not
// built yet (`npm ci` builds nothing: the package builds on `prepack`, so an
// installed package runs no script), the first run builds it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import module from 'node:module';

const args = process.argv.slice(2);
const root = new URL('..', import.meta.url);

if (!existsSync(new URL('dist/cli/version.js', root)) && existsSync(new URL('tsconfig.build.json', root))) {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  process.stderr.write('natsgh: building dist/ first (npm run build), once per source checkout\n');
  const win = process.platform === 'win32';
  const built = spawnSync(win ? 'npm.cmd' : 'npm', ['run', 'build'], {
    cwd: fileURLToPath(root),
    // Build output goes to stderr: stdout stays the command's (one JSON document with --json).
    stdio: ['ignore', 2, 2],
    shell: win,
  });
  if (built.status !== 0) {
    process.stderr.write('natsgh: the build failed (see above); run `npm run build` to retry\n');
    process.exit(1);
  }
}

/**
 * `natsgh <command> --help` printed from dist/help (rendered at build time by
 * scripts/help-texts.mjs) when the output is 80 columns wide, as oclif would
 * render it; undefined when oclif must render it (another width, a stale or
 * missing text, anything but a bare command id before the flag).
 */
function prerenderedHelp() {
  const last = args[args.length - 1];
  const words = args.slice(0, -1);
  if ((last !== '--help' && last !== '-h') || words.length === 0) return undefined;
  if (!words.every((w) => /^[a-z][a-z0-9-]*$/.test(w))) return undefined;
  const columns = Number.parseInt(process.env.OCLIF_COLUMNS ?? '', 10);
  const width = columns || (process.stdout.isTTY ? process.stdout.columns : 80);
  if (width !== 80) return undefined;
  try {
    const text = new URL(`dist/help/${words.join('.')}.txt`, root);
    // Older than the manifest: the flags changed since it was rendered.
    if (statSync(text).mtimeMs < statSync(new URL('oclif.manifest.json', root)).mtimeMs) return undefined;
    return readFileSync(text, 'utf8');
  } catch {
    return undefined;
  }
}

const versionAsked =
  args.length > 0 &&
  args.length <= 2 &&
  (args[0] === '--version' || args[0] === '-v') &&
  (args.length === 1 || args[1] === '--json');

const help = versionAsked ? undefined : prerenderedHelp();

if (help !== undefined) {
  process.stdout.write(help);
} else if (versionAsked) {
  const { versionInfo, versionText } = await import('../dist/cli/version.js');
  const info = versionInfo();
  process.stdout.write(
    args[1] === '--json' ? `${JSON.stringify(info, null, 2)}\n` : `${versionText(info)}\n`,
  );
} else {
  // oclif's check of its own Node.js range loads all of semver (47 modules); package.json's
  // engines already says which Node natsgh needs.
  process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1';
  // Node 22.1+ keeps compiled modules between runs (a no-op on Node 20, which lacks it).
  module.enableCompileCache?.();
  const { execute } = await import('@oclif/core');
  await execute({ dir: import.meta.url });
}
