// `--mode docker --nats-type self_hosted_cluster` against the real engine, with
// and without `--tls generate` (a token with TLS): three NATS containers and the
// controller healthy, checkpoints in KV at R3, a no-op re-run, teardown --purge
// leaving nothing. Without TLS it runs from a "registry mirror" (--nats-image,
// --controller-image with --image-pull-policy Never: images retagged locally).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { NATS_IMAGE } from '../../src/provision/compose.js';
import { controllerImage } from '../../src/provision/docker-image.js';
import {
  checkpointsInKv,
  type DockerDeployment,
  docker,
  dockerDeployment,
  leftovers,
  statuses,
  waitHealthy,
} from './engine.js';

const MIRROR = {
  nats: 'localhost/mirror/nats:2.10-test',
  controller: 'localhost/mirror/natsgh-controller:test',
};

beforeAll(async () => {
  const { config } = await resolveConfig({ noFile: true, env: {}, flags: { mode: 'docker' } });
  docker(['tag', NATS_IMAGE, MIRROR.nats]);
  docker(['tag', controllerImage(config).image, MIRROR.controller]);
});
afterAll(() => {
  docker(['image', 'rm', MIRROR.nats, MIRROR.controller]);
});

describe.each([
  {
    tls: false,
    env: {
      NATSGH_NATS_IMAGE: MIRROR.nats,
      NATSGH_CONTROLLER_IMAGE: MIRROR.controller,
      NATSGH_IMAGE_PULL_POLICY: 'Never',
    } as Record<string, string>,
  },
  { tls: true, env: { NATSGH_TLS: 'generate', NATSGH_NATS_TOKEN: `tok-${process.pid}-cluster` } },
])('docker self_hosted_cluster, tls $tls', ({ tls, env }) => {
  let d: DockerDeployment;
  afterAll(async () => d?.cleanup());

  it('three healthy servers, R3 checkpoints, a no-op re-run, nothing left after --purge', async () => {
    d = await dockerDeployment(tls ? 'cltls' : 'cl', { NATSGH_NATS_TYPE: 'self_hosted_cluster', ...env });
    const cold = await d.bootstrap();
    expect(statuses(cold)['deploy-controller']).toBe('done');
    expect(statuses(cold).validate).toBe('done');
    const running = await waitHealthy(d.project, 4);
    expect(running.map((c) => c.service).sort()).toEqual(['controller', 'nats-1', 'nats-2', 'nats-3']);
    if (env.NATSGH_NATS_IMAGE) {
      for (const c of running)
        expect(c.image).toBe(c.service === 'controller' ? MIRROR.controller : MIRROR.nats);
    }
    const kv = await checkpointsInKv(d.spec({ tls, token: env.NATSGH_NATS_TOKEN }), d.name);
    expect(kv.replicas).toBe(3);
    expect(kv.keys).toContain(`${d.name}.phase.deploy-controller`);

    const again = await d.bootstrap();
    for (const p of again.phases) expect(p.status, `${p.id}: ${p.reason}`).toBe('skipped');

    const purge = await d.natsgh(['teardown', '--yes', '--purge', '--json']);
    expect(purge.code, purge.stdout + purge.stderr).toBe(0);
    expect(leftovers(d.project)).toEqual([]);
  });
});
