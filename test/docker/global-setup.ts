// The docker-mode suite builds the controller image once, under the tag natsgh
// derives (version + build digest), so every bootstrap in the suite reuses it.
// The dist/ it is built from is fresh: the project's global setup runs first.
import { execFileSync } from 'node:child_process';
import { resolveConfig } from '../../src/config/load.js';
import { controllerImage, PROJECT_ROOT } from '../../src/provision/docker-image.js';
import { requireEngine } from './engine.js';

export default async function setup(): Promise<void> {
  requireEngine();
  const { config } = await resolveConfig({ noFile: true, env: {}, flags: { mode: 'docker' } });
  const image = controllerImage(config);
  if (!image.build) throw new Error('expected natsgh to build its own controller image');
  try {
    execFileSync('docker', ['image', 'inspect', image.image], { stdio: 'ignore' });
    return;
  } catch {
    // not built yet
  }
  const labels = Object.entries(image.build.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
  execFileSync('docker', ['build', '-q', '-t', image.image, ...labels, PROJECT_ROOT], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 15 * 60_000,
  });
}
