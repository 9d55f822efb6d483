// Builds the CLI once before the suite: tests that spawn `natsgh` (and the
// detached controller the bootstrap starts) run the compiled dist/. Then makes
// sure the nats-server the tests run is on PATH (support/nats-binary.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { provideNatsServer } from './nats-binary.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export default async function setup(): Promise<void> {
  buildCli();
  const nats = await provideNatsServer();
  console.log(`tests run against nats-server v${nats.version} (${nats.path}, from ${nats.source})`);
}

function buildCli(): void {
  const root = resolve(import.meta.dirname, '../..');
  const manifest = join(root, 'oclif.manifest.json');
  const fresh = existsSync(manifest) && statSync(manifest).mtimeMs >= newestMtime(join(root, 'src'));
  if (fresh) return;
  // Emit even when some file has a type error (CI's typecheck step reports those), so one
  // engineer's half-finished module does not stop every other test from running.
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'ignore',
      shell: process.platform === 'win32',
    });
  } catch {
    console.warn('global-setup: tsc reported type errors; testing what it emitted (run `npm run typecheck`)');
  }
  // The one-file bundle bin/run.js runs and oclif finds the commands in (package.json oclif.commands).
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'ignore' });
  execFileSync('npx', ['oclif', 'manifest'], {
    cwd: root,
    stdio: 'ignore',
    shell: process.platform === 'win32',
  });
  // The build's last step: the prerendered command help bin/run.js prints (npm run build does the same).
  execFileSync(process.execPath, [join(root, 'scripts', 'help-texts.mjs')], { cwd: root, stdio: 'ignore' });
}
