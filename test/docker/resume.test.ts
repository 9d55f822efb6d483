// A bootstrap killed (SIGKILL to its process group: natsgh and its `docker
// compose`, as a cancelled CI job is) while compose builds the controller image:
// the next run resumes from its checkpoints, builds the image and finishes; then
// teardown --purge leaves nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { controllerImage } from '../../src/provision/docker-image.js';
import {
  type DockerDeployment,
  docker,
  dockerDeployment,
  leftovers,
  spawnBootstrap,
  statuses,
  waitForProcess,
  waitHealthy,
} from './engine.js';

describe('docker: a bootstrap killed during the image build', () => {
  let d: DockerDeployment;
  afterAll(async () => d?.cleanup());

  it('resumes on the next run', async () => {
    const { config } = await resolveConfig({ noFile: true, env: {}, flags: { mode: 'docker' } });
    const image = controllerImage(config).image;
    d = await dockerDeployment('kill');
    // The suite built the image; without its tag and the build cache this bootstrap builds it
    // from scratch (npm ci included), which leaves time to kill it part-way.
    docker(['image', 'rm', '-f', image]);
    docker(['builder', 'prune', '-af'], 300_000);
    const child = spawnBootstrap(d);
    // Killed while the image's `npm ci` step runs (its process shows on this host, titled
    // "npm ci" by npm, or as the RUN step's shell): mid-build.
    await waitForProcess(
      (argv) => /^npm ci\b|npm ci --omit=dev/.test(argv.join(' ')),
      "the image build's npm ci",
    );
    let building = true;
    try {
      docker(['image', 'inspect', image]);
      building = false;
    } catch {
      // still building, as intended
    }
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    expect(building).toBe(true);

    // The next run resumes: what was done stays done, deploy-controller runs (and builds) again.
    let resumed = await d.natsgh(['bootstrap', '--json']);
    for (let i = 0; resumed.code === 3 && i < 20; i++) {
      // The killed run's lease in KV lapses by itself.
      await new Promise((r) => setTimeout(r, 3000));
      resumed = await d.natsgh(['bootstrap', '--json']);
    }
    expect(resumed.code, resumed.stdout + resumed.stderr.slice(-2000)).toBe(0);
    const doc = JSON.parse(resumed.stdout);
    console.log(`[docker] resumed run's warnings: ${JSON.stringify(doc.warnings)}`);
    expect(statuses(doc)['provision-nats']).toBe('skipped');
    expect(statuses(doc)['deploy-controller']).toBe('done');
    docker(['image', 'inspect', image]);
    await waitHealthy(d.project, 2);

    const purge = await d.natsgh(['teardown', '--yes', '--purge', '--json']);
    expect(purge.code, purge.stdout + purge.stderr).toBe(0);
    expect(leftovers(d.project)).toEqual([]);
  });
});
