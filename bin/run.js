#!/usr/bin/env node
// natsgh entry point: runs the compiled CLI from dist/ through oclif. `--version`
// and `-v` (alone, or with --json) are answered here without loading oclif, so
// they stay as fast as starting node.
const args = process.argv.slice(2);
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
