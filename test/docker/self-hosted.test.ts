// `--mode docker --nats-type self_hosted` against the real engine, with and
// without `--tls generate`: every container healthy, checkpoints in KV, a
// no-op re-run, changed settings reaching the controller, a killed NATS
// container and a stopped controller repaired by a re-run, the servers
// requiring the deployment's credentials, the controller as a non-root uid that
// reads its TLS copies and its secrets from owner-only files (no secret value in
// compose.yaml or `docker inspect`), and teardown / teardown --purge leaving
// nothing behind.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pingController } from '../../src/controller/ping.js';
import { connectNats } from '../../src/nats/connect.js';
import { GithubModel } from '../support/github-model.js';
import { type GithubProxy, startGithubProxy } from '../support/github-proxy.js';
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
  // The bootstrap's token check reaches the GitHub model through a loopback proxy (the
  // controller in its container cannot reach it, and runs on without identity logins).
  const model = new GithubModel().listen();
  let proxy: GithubProxy | undefined;
  afterAll(async () => {
    await d?.cleanup();
    await proxy?.close();
    model.close();
  });
  const password = `pw-${process.pid}-Xy9`;
  const token = `ghp_dockerSecretsDockerSecrets${process.pid}`.padEnd(40, 'x');
  const webhookSecret = `whsec-docker-${process.pid}-first`;

  it('servers require the credentials; the controller reads its TLS copies and secret files as a non-root uid; no CA key mounted', async () => {
    proxy = await startGithubProxy();
    d = await dockerDeployment('tls', {
      NATSGH_TLS: 'generate',
      NATSGH_NATS_USER: 'app',
      NATSGH_NATS_PASSWORD: password,
      GITHUB_TOKEN: token,
      GITHUB_API_URL: proxy.url,
      NATSGH_WEBHOOK_SECRET: webhookSecret,
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
    const controllerId = docker(['inspect', '--format', '{{.Id}}', controller.name]).trim();
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

    // The controller's secrets are files its <ENV>_FILE variables name: no value in `docker inspect`
    // (environment, labels, argv) or compose.yaml, while it connected to NATS with the password it read.
    const composeYaml = readFileSync(join(d.stateDir, 'docker', 'compose.yaml'), 'utf8');
    const controllerInspect = docker(['inspect', controller.name]);
    for (const secret of [password, token, webhookSecret]) {
      expect(controllerInspect).not.toContain(secret);
      expect(composeYaml).not.toContain(secret);
    }
    expect(controller.env).toEqual(
      expect.arrayContaining([
        'NATSGH_NATS_PASSWORD_FILE=/etc/natsgh/files/nats-password',
        'GITHUB_TOKEN_FILE=/etc/natsgh/files/github-token',
        'NATSGH_WEBHOOK_SECRET_FILE=/etc/natsgh/files/webhook-secret',
      ]),
    );
    expect((await fetch(`http://127.0.0.1:${d.controllerPort}/healthz`)).ok).toBe(true);
    const nc = await connectNats(d.spec({ tls: true, user: 'app', password }));
    try {
      expect(await pingController({ nats: { nc }, deployment: d.name }, 5000)).toMatchObject({ ok: true });
    } finally {
      await nc.close();
    }

    const again = await d.bootstrap();
    for (const p of again.phases) expect(p.status, `${p.id}: ${p.reason}`).toBe('skipped');

    // A rotated webhook secret reaches the controller: its container is recreated with the new file.
    const rotatedSecret = `whsec-docker-${process.pid}-second`;
    d.env.NATSGH_WEBHOOK_SECRET = rotatedSecret;
    const rotated = await d.bootstrap();
    expect(statuses(rotated)['deploy-controller']).toBe('done');
    const recreated = (await waitHealthy(d.project, 2)).find((c) => c.service === 'controller')!;
    const id = (name: string) => docker(['inspect', '--format', '{{.Id}}', name]).trim();
    expect(id(recreated.name)).not.toBe(controllerId);
    expect(docker(['exec', recreated.name, 'cat', '/etc/natsgh/files/webhook-secret'])).toBe(rotatedSecret);
    expect(docker(['inspect', recreated.name])).not.toContain(rotatedSecret);

    const purge = await d.natsgh(['teardown', '--yes', '--purge', '--json']);
    expect(purge.code, purge.stdout + purge.stderr).toBe(0);
    expect(leftovers(d.project)).toEqual([]);
    // No copy of a secret outlives the controller.
    for (const name of ['nats-password', 'github-token', 'webhook-secret'])
      expect(existsSync(join(d.stateDir, 'docker', 'controller-files', name)), name).toBe(false);
  });
});
