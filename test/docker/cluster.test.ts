// `--mode docker --nats-type self_hosted_cluster` against the real engine, with
// and without `--tls generate` (a token with TLS): three NATS containers and the
// controller healthy, checkpoints in KV at R3, a no-op re-run, teardown --purge
// leaving nothing.
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkpointsInKv,
  type DockerDeployment,
  dockerDeployment,
  leftovers,
  statuses,
  waitHealthy,
} from './engine.js';

describe.each([
  { tls: false, env: {} as Record<string, string> },
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
