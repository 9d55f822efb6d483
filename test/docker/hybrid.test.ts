// `--mode docker --nats-type hybrid` against the real engine, with and without
// `--tls generate`: the leaf runs in a container in JetStream domain "edge" and
// links to a hub the test runs on the host (domain "hub", leaf port on the
// Docker bridge's address, the only host address a container can reach);
// checkpoints live in the leaf's domain; a no-op re-run; --purge leaves nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import {
  checkpointsInKv,
  type DockerDeployment,
  docker,
  dockerDeployment,
  leftovers,
  statuses,
  waitHealthy,
} from './engine.js';

let hub: TestNatsServer;
let hubLeafUrl: string;

beforeAll(async () => {
  const bridge = docker([
    'network',
    'inspect',
    'bridge',
    '--format',
    '{{(index .IPAM.Config 0).Gateway}}',
  ]).trim();
  const leafPort = await freePort();
  hub = await startNatsServer({
    extraConfig: `leafnodes { listen: "${bridge}:${leafPort}" }`,
    domain: 'hub',
    name: 'hub',
  });
  hubLeafUrl = `nats-leaf://${bridge}:${leafPort}`;
});
afterAll(async () => hub?.stop());

async function leafCount(): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${hub.monitorPort}/leafz`);
  return ((await res.json()) as { leafnodes: number }).leafnodes;
}

describe.each([false, true])('docker hybrid, tls %s', (tls) => {
  let d: DockerDeployment;
  afterAll(async () => d?.cleanup());

  it('a leaf in domain edge linked to the hub, checkpoints in the leaf, a no-op re-run, --purge', async () => {
    d = await dockerDeployment(tls ? 'hytls' : 'hy', {
      NATSGH_NATS_TYPE: 'hybrid',
      NATSGH_HUB_URL: hubLeafUrl,
      ...(tls ? { NATSGH_TLS: 'generate' } : {}),
    });
    const cold = await d.bootstrap();
    expect(statuses(cold)['deploy-controller']).toBe('done');
    expect(statuses(cold).validate).toBe('done');
    await waitHealthy(d.project, 2);
    const deadline = Date.now() + 30_000;
    while ((await leafCount()) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(await leafCount()).toBe(1);
    const kv = await checkpointsInKv(d.spec({ tls, domain: 'edge' }), d.name);
    expect(kv.replicas).toBe(1);
    expect(kv.keys).toContain(`${d.name}.phase.deploy-controller`);

    const again = await d.bootstrap();
    for (const p of again.phases) expect(p.status, `${p.id}: ${p.reason}`).toBe('skipped');

    const purge = await d.natsgh(['teardown', '--yes', '--purge', '--json']);
    expect(purge.code, purge.stdout + purge.stderr).toBe(0);
    expect(leftovers(d.project)).toEqual([]);
    const after = Date.now() + 15_000;
    while ((await leafCount()) > 0 && Date.now() < after) await new Promise((r) => setTimeout(r, 500));
    expect(await leafCount()).toBe(0);
  });
});
