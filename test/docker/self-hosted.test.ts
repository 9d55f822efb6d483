// `--mode docker --nats-type self_hosted` against the real engine, with and
// without `--tls generate`: every container healthy, checkpoints in KV, a
// no-op re-run, changed settings reaching the controller, a killed NATS
// container and a stopped controller repaired by a re-run, the servers
// requiring the deployment's credentials, the controller as a non-root uid that
// reads its TLS copies, and teardown / teardown --purge leaving nothing behind.
import { afterAll, describe, expect, it } from 'vitest';
import { connectNats } from '../../src/nats/connect.js';
import {
  checkpointsInKv,
  containers,
  type DockerDeployment,
  docker,
  dockerDeployment,
  leftovers,
  statuses,
  waitHealthy,
} from './engine.js';

const PHASES = [
  'prerequisites',
  'provision-nats',
  'handoff',
  'deploy-controller',
  'generate-files',
  'validate',
];

describe('docker self_hosted, no TLS', () => {
  let d: DockerDeployment;
  afterAll(async () => d?.cleanup());

  it('bootstraps, re-runs as a no-op, takes changed settings, repairs, tears down', async () => {
    d = await dockerDeployment('sh');
    const cold = await d.bootstrap();
    for (const id of PHASES) expect(statuses(cold)[id], id).toBe('done');
    const running = await waitHealthy(d.project, 2);
    expect(running.map((c) => c.service).sort()).toEqual(['controller', 'nats']);
    const kv = await checkpointsInKv(d.spec(), d.name);
    expect(kv.replicas).toBe(1);
    expect(kv.keys).toEqual(expect.arrayContaining(PHASES.map((p) => `${d.name}.phase.${p}`)));

    const rerun = await d.natsgh(['bootstrap', '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    for (const p of JSON.parse(rerun.stdout).phases) expect(p.status, `${p.id}: ${p.reason}`).toBe('skipped');
    // The verifies read `docker compose ps`; its JSON never reaches the run's output.
    expect(rerun.stdout + rerun.stderr).not.toContain('"Service"');

    // --org and --controller-port reach the controller: compose.yaml rewritten, container recreated.
    const port = d.controllerPort + 1 === d.natsPort ? d.controllerPort + 2 : d.controllerPort + 1;
    const changed = await d.bootstrap(['--org', 'other-org', '--controller-port', String(port)]);
    expect(statuses(changed)['deploy-controller']).toBe('done');
    const controller = (await waitHealthy(d.project, 2)).find((c) => c.service === 'controller')!;
    expect(controller.env).toContain('NATSGH_ORG=other-org');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
    d.env.NATSGH_ORG = 'other-org';
    d.env.NATSGH_CONTROLLER_PORT = String(port);

    // A killed NATS container and a stopped controller: the re-run finds and repairs both.
    docker(['kill', `${d.project}-nats-1`]);
    docker(['stop', `${d.project}-controller-1`]);
    const repaired = await d.bootstrap();
    expect(statuses(repaired)['provision-nats']).toBe('done');
    expect(statuses(repaired)['deploy-controller']).toBe('done');
    await waitHealthy(d.project, 2);
    expect((await checkpointsInKv(d.spec(), d.name)).keys.length).toBeGreaterThanOrEqual(PHASES.length);

    // teardown keeps the data (volume); --purge removes every container, network and volume.
    const down = await d.natsgh(['teardown', '--yes', '--json']);
    expect(down.code, down.stdout + down.stderr).toBe(0);
    expect(containers(d.project)).toEqual([]);
    expect(leftovers(d.project).filter((l) => !l.startsWith('volume'))).toEqual([]);
    expect(leftovers(d.project).filter((l) => l.startsWith('volume'))).toHaveLength(1);
    const purge = await d.natsgh(['teardown', '--yes', '--purge', '--json']);
    expect(purge.code, purge.stdout + purge.stderr).toBe(0);
    expect(leftovers(d.project)).toEqual([]);
  });
});

describe('docker self_hosted, --tls generate, with a user and password', () => {
  let d: DockerDeployment;
  afterAll(async () => d?.cleanup());
  const password = `pw-${process.pid}-Xy9`;

  it('servers require the credentials; the controller reads its TLS copies as a non-root uid; no CA key mounted', async () => {
    d = await dockerDeployment('tls', {
      NATSGH_TLS: 'generate',
      NATSGH_NATS_USER: 'app',
      NATSGH_NATS_PASSWORD: password,
    });
    const cold = await d.bootstrap();
    for (const id of PHASES) expect(statuses(cold)[id], id).toBe('done');
    const running = await waitHealthy(d.project, 2);
    const kv = await checkpointsInKv(d.spec({ tls: true, user: 'app', password }), d.name);
    expect(kv.replicas).toBe(1);
    expect(kv.keys).toContain(`${d.name}.phase.deploy-controller`);
    // Without the credentials the server refuses.
    await expect(connectNats(d.spec({ tls: true, anonymous: true }))).rejects.toThrow(/authoriz/i);

    const controller = running.find((c) => c.service === 'controller')!;
    expect(controller.user).not.toBe('');
    expect(controller.user.split(':')[0]).not.toBe('0');
    const uid = docker(['exec', controller.name, 'id', '-u']).trim();
    expect(uid).not.toBe('0');
    docker(['exec', controller.name, 'cat', '/etc/natsgh/files/ca.pem']);
    for (const c of running) {
      for (const m of c.mounts)
        expect(m.Source, `${c.name} mounts ${m.Source}`).not.toMatch(/\/state\/tls(\/|$)/);
      const listed = docker(['exec', c.name, 'sh', '-c', 'ls -R /etc/nats /etc/natsgh 2>/dev/null || true']);
      expect(listed).not.toContain('ca-key');
    }
    // The password is in no container's argv or compose.yaml.
    const inspected = docker(['inspect', `${d.project}-nats-1`]);
    expect(inspected).not.toContain(password);

    const again = await d.bootstrap();
    for (const p of again.phases) expect(p.status, `${p.id}: ${p.reason}`).toBe('skipped');

    const purge = await d.natsgh(['teardown', '--yes', '--purge', '--json']);
    expect(purge.code, purge.stdout + purge.stderr).toBe(0);
    expect(leftovers(d.project)).toEqual([]);
  });
});
