#!/usr/bin/env node
// natsgh entry point: runs the compiled CLI from dist/ through oclif. `--version`
// and `-v` (alone, or with --json) are answered here without loading oclif, so
// they stay as fast as starting node. In a source checkout whose dist/ is not
// built yet (`npm ci` builds nothing: the package builds on `prepack`, so an
// installed package runs no script), the first run builds it.
import { existsSync } from 'node:fs';

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

const versionAsked =
  args.length > 0 &&
  args.length <= 2 &&
  (args[0] === '--version' || args[0] === '-v') &&
  (args.length === 1 || args[1] === '--json');

if (versionAsked) {
  const { versionInfo, versionText } = await import('../dist/cli/version.js');
  const info = versionInfo();
  process.stdout.write(
    args[1] === '--json' ? `${JSON.stringify(info, null, 2)}\n` : `${versionText(info)}\n`,
  );
} else {
  const { execute } = await import('@oclif/core');
  await execute({ dir: import.meta.url });
}
