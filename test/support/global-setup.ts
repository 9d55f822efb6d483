// Builds the CLI once before the suite: tests that spawn `natsgh` (and the
// detached controller the bootstrap starts) run the compiled dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  const manifest = join(root, 'oclif.manifest.json');
  const fresh = existsSync(manifest) && statSync(manifest).mtimeMs >= newestMtime(join(root, 'src'));
  if (!fresh) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}
