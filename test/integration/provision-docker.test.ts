// Docker mode through a recording `docker` stand-in (no engine here); NATS
// health is checked against a real nats-server on the ports compose would map.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dockerController } from '../../src/deploy/controller/docker.js';
import { ensureKvBucket } from '../../src/nats/buckets.js';
import { connectNats } from '../../src/nats/connect.js';
import { composeFiles } from '../../src/provision/docker.js';
import { controllerImage } from '../../src/provision/docker-image.js';
import { createProvisioner } from '../../src/provision/index.js';
import type { ProvisionContext } from '../../src/provision/provisioner.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { provisionContext, type RecordingContext } from '../support/provision-context.js';
import { createStandIns, type StandIns } from '../support/stand-in.js';

/** The deploy-controller phase's view of a provisioner test's context. */
const controllerContext = (c: ProvisionContext) => ({
  ...c,
  cliVersion: '0.0.0-test',
  hostServers: () => [],
});

const HEALTHY_PS = `case "$*" in
  *" ps "*) echo '{"Service":"nats","State":"running","Health":"healthy","Name":"natsgh-default-nats-1"}'
           echo '{"Service":"controller","State":"running","Health":"healthy","Name":"natsgh-default-controller-1"}' ;;
  *"compose version"*) echo 'Docker Compose version v2.29.7' ;;
  *" up "*) if [ -n "$GITHUB_TOKEN" ]; then touch "$STANDIN_MARK"; fi ;;
esac`;

describe('docker mode (stand-in docker)', () => {
  let tools: StandIns;
  let nats: TestNatsServer;
  let ctx: RecordingContext;

  beforeAll(async () => {
    tools = createStandIns(['docker']);
    nats = await startNatsServer();
    ctx = await provisionContext({
      mode: 'docker',
      'nats-type': 'self_hosted',
      'nats-port': nats.port,
      'monitor-port': nats.monitorPort,
      'github-token': 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    });
    ctx.platform = tools.platform(ctx.platform);
    ctx.platform.env.STANDIN_MARK = join(tools.dir, 'had-token');
  });
  afterAll(async () => {
    await nats?.stop();
    tools?.cleanup();
  });

  it('writes compose.yaml and runs docker compose -p natsgh-<deployment> up -d --wait', async () => {
    tools.behave('docker', HEALTHY_PS);
    const p = await createProvisioner(ctx.config);
    const result = await p.apply(ctx);
    const { composeFile } = composeFiles(ctx.stateDir);
    expect(existsSync(composeFile)).toBe(true);
    const calls = tools.calls('docker');
    expect(calls[0]).toEqual(['compose', 'version']);
    expect(calls[1]).toEqual([
      'compose',
      '-p',
      'natsgh-default',
      '-f',
      composeFile,
      'up',
      '-d',
      '--wait',
      'nats',
    ]);
    // The controller is the deploy-controller phase's (deploy/controller/docker.ts), not the provisioner's.
    expect(calls).toHaveLength(2);
    // The token is not in docker compose's environment (nothing interpolates it) nor in compose.yaml:
    // it is an owner-only file in the controller's files directory, which GITHUB_TOKEN_FILE names.
    expect(existsSync(join(tools.dir, 'had-token'))).toBe(false);
    const text = readFileSync(composeFile, 'utf8');
    expect(text).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    const doc = parse(text);
    expect(doc.services.nats).toBeDefined();
    expect(doc.services.controller.environment.GITHUB_TOKEN_FILE).toBe('/etc/natsgh/files/github-token');
    const { controllerFilesDir } = composeFiles(ctx.stateDir);
    expect(doc.services.controller.volumes).toEqual([`${controllerFilesDir}:/etc/natsgh/files:ro`]);
    const tokenFile = join(controllerFilesDir, 'github-token');
    expect(readFileSync(tokenFile, 'utf8')).toBe('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(statSync(controllerFilesDir).mode & 0o777).toBe(0o700);
    expect(result.servers).toEqual([`nats://127.0.0.1:${nats.port}`]);
    expect(result.outputs.project).toBe('natsgh-default');

    ctx.lines.length = 0;
    expect(await p.verify(ctx)).toEqual({ ok: true });
    // A verify's `compose ps` JSON is read, never echoed into the run's output.
    expect(ctx.lines.join('\n')).not.toContain('"Service"');
    const nodes = await p.nodes!(ctx);
    expect(nodes).toEqual([expect.objectContaining({ name: 'nats', healthy: true })]);
    // The connection reaches the NATS on the mapped port.
    const spec = p.connection(ctx);
    const nc = await connectNats(spec);
    await (await ensureKvBucket(nc, spec, { bucket: 'natsgh_checkpoints' })).put('k', 'v');
    await nc.close();
  });

  it('secrets are owner-only files of the controller; a rotated one changes its files label (compose recreates it)', async () => {
    const password = 'pw-rotate-0123-Xy9';
    const flags = {
      mode: 'docker',
      'nats-type': 'self_hosted',
      'nats-port': nats.port,
      'monitor-port': nats.monitorPort,
      'github-token': 'ghp_firstfirstfirstfirstfirst0123456789',
      'webhook-secret': 'whsec-first-0123',
      'nats-user': 'app',
      'nats-password': password,
    };
    const c = await provisionContext(flags);
    c.platform = tools.platform(c.platform);
    tools.reset('docker');
    tools.behave('docker', HEALTHY_PS);
    await dockerController.deploy(controllerContext(c), () => undefined);
    const { composeFile, controllerFilesDir } = composeFiles(c.stateDir);
    const first = readFileSync(composeFile, 'utf8');
    expect(parse(first).services.controller.environment).toMatchObject({
      GITHUB_TOKEN_FILE: '/etc/natsgh/files/github-token',
      NATSGH_WEBHOOK_SECRET_FILE: '/etc/natsgh/files/webhook-secret',
      NATSGH_NATS_PASSWORD_FILE: '/etc/natsgh/files/nats-password',
      NATSGH_NATS_USER: 'app',
    });
    const written = {
      'github-token': 'ghp_firstfirstfirstfirstfirst0123456789',
      'webhook-secret': 'whsec-first-0123',
      'nats-password': password,
    };
    for (const [name, value] of Object.entries(written)) {
      const file = join(controllerFilesDir, name);
      expect(readFileSync(file, 'utf8')).toBe(value);
      expect(statSync(file).mode & 0o777, name).toBe(0o600);
      expect(first).not.toContain(value);
    }
    const calls = tools.calls('docker').flat().join(' ');
    for (const value of Object.values(written)) expect(calls).not.toContain(value);

    const label = (text: string) => parse(text).services.controller.labels['io.natsgh.files'];
    const rotated = await provisionContext({
      ...flags,
      'state-dir': c.stateDir,
      'github-token': 'ghp_secondsecondsecondsecond0123456789',
    });
    rotated.stateDir = c.stateDir;
    rotated.platform = c.platform;
    await dockerController.deploy(controllerContext(rotated), () => undefined);
    const second = readFileSync(composeFile, 'utf8');
    expect(readFileSync(join(controllerFilesDir, 'github-token'), 'utf8')).toBe(
      'ghp_secondsecondsecondsecond0123456789',
    );
    expect(label(second)).not.toBe(label(first));
    expect(second).not.toContain('ghp_second');

    // Teardown leaves no copy of a secret behind.
    await dockerController.teardown(controllerContext(rotated), { purge: false });
    for (const name of Object.keys(written))
      expect(existsSync(join(controllerFilesDir, name)), name).toBe(false);
  });

  it('deploys the controller under a tag of its version and build digest, built by compose when missing', async () => {
    tools.reset('docker');
    tools.behave('docker', HEALTHY_PS);
    const out = await dockerController.deploy(controllerContext(ctx), () => undefined);
    const { composeFile } = composeFiles(ctx.stateDir);
    const compose = ['compose', '-p', 'natsgh-default', '-f', composeFile];
    const up = [...compose, 'up', '-d', '--wait', '--no-deps', 'controller'];
    const inspect = ['image', 'inspect', '--format', '{{.Id}}', out.image];
    // The tag is there: no build, and no --build (a re-run never rebuilds).
    expect(tools.calls('docker')).toEqual([inspect, up]);
    expect(out.image).toMatch(/^natsgh-controller:0\.1\.0-[0-9a-f]{12}$/);
    const doc = parse(readFileSync(composeFile, 'utf8'));
    expect(doc.services.controller.image).toBe(out.image);
    expect(doc.services.controller.build.labels['io.natsgh.version']).toBe('0.1.0');

    // The tag is missing: `compose build` builds it before `up`, which would otherwise ask a
    // registry for the tag first (Docker Hub, unreachable at an air-gapped site).
    tools.reset('docker');
    tools.behave(
      'docker',
      `case "$*" in "image inspect"*) echo 'Error: No such image' >&2; exit 1 ;; esac\n${HEALTHY_PS}`,
    );
    await dockerController.deploy(controllerContext(ctx), () => undefined);
    expect(tools.calls('docker')).toEqual([inspect, [...compose, 'build', 'controller'], up]);
  });

  it('a build that BuildKit failed with "inconsistent graph state" (a killed build left it) is built again', async () => {
    // What Docker 26.1 printed when a bootstrap resumed right after one killed during the build.
    const buildkit = 'failed to solve: failed to get edge: inconsistent graph state';
    const counter = join(tools.dir, 'builds');
    writeFileSync(counter, '');
    const failFirst = (n: number, message: string) => `case "$*" in
  "image inspect"*) exit 1 ;;
  *" build "*) echo x >> ${counter}; if [ "$(wc -l < ${counter})" -le ${n} ]; then echo '${message}' >&2; exit 17; fi ;;
esac
${HEALTHY_PS}`;
    const builds = () => readFileSync(counter, 'utf8').split('\n').filter(Boolean).length;
    const { composeBuild } = await import('../../src/provision/docker.js');

    tools.reset('docker');
    tools.behave('docker', failFirst(2, buildkit));
    await composeBuild(ctx, 'controller', 1);
    expect(builds()).toBe(3);
    expect(ctx.lines.join('\n')).toContain('inconsistent graph state');

    // Three in a row: an error naming BuildKit's message, not a loop.
    writeFileSync(counter, '');
    tools.behave('docker', failFirst(9, buildkit));
    const stuck = (await composeBuild(ctx, 'controller', 1).catch((e) => e)) as Error & { code: string };
    expect(stuck.code).toBe('docker_compose_failed');
    expect(stuck.message).toContain('docker compose build (controller) failed (exit 17)');
    expect(stuck.message).toContain('inconsistent graph state');
    expect(builds()).toBe(3);

    // Any other build failure is not built again.
    writeFileSync(counter, '');
    tools.behave(
      'docker',
      failFirst(
        9,
        'failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
      ),
    );
    const broken = (await composeBuild(ctx, 'controller', 1).catch((e) => e)) as Error;
    expect(broken.message).toContain('npm ci');
    expect(builds()).toBe(1);
  });

  it('a GitHub App: the private key reaches the controller as an owner-only mounted file, never an env value', async () => {
    const keyFile = join(tools.dir, 'app.pem');
    const pem =
      '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n';
    writeFileSync(keyFile, pem, { mode: 0o600 });
    const app = await provisionContext({
      mode: 'docker',
      'nats-type': 'self_hosted',
      'nats-port': nats.port,
      'monitor-port': nats.monitorPort,
      'github-app-id': '12345',
      'github-app-installation': '678',
      'github-app-key': keyFile,
    });
    app.platform = tools.platform(app.platform);
    tools.reset('docker');
    tools.behave('docker', HEALTHY_PS);
    await dockerController.deploy(controllerContext(app), () => undefined);
    const { composeFile, controllerFilesDir } = composeFiles(app.stateDir);
    const text = readFileSync(composeFile, 'utf8');
    const controller = parse(text).services.controller;
    expect(controller.environment.NATSGH_GITHUB_APP_PRIVATE_KEY_FILE).toBe(
      '/etc/natsgh/files/github-app-key.pem',
    );
    expect(controller.environment.NATSGH_GITHUB_APP_ID).toBe('12345');
    expect(controller.volumes).toEqual([`${controllerFilesDir}:/etc/natsgh/files:ro`]);
    const copy = join(controllerFilesDir, 'github-app-key.pem');
    expect(readFileSync(copy, 'utf8')).toBe(pem);
    expect(statSync(copy).mode & 0o077).toBe(0);
    expect(text).not.toContain('PRIVATE KEY');
    expect(tools.calls('docker').flat().join(' ')).not.toContain('PRIVATE KEY');
  });

  it('verify of the controller: its container must run the expected image and current secrets', async () => {
    const want = controllerImage(ctx.config).image;
    const ps = (image: string) =>
      `case "$*" in *" ps "*) echo '{"Service":"controller","State":"running","Health":"healthy","Image":"${image}"}' ;; esac`;
    tools.behave('docker', ps(want));
    // A new run each time (`ps` is shared by the verifies of one run only).
    const run = () => ({ ...ctx, signal: new AbortController().signal });
    expect(await dockerController.verify(controllerContext(run()))).toEqual({ ok: true });
    tools.behave('docker', ps('natsgh-controller:0.0.9-000000000000'));
    expect(await dockerController.verify(controllerContext(run()))).toMatchObject({ ok: false });
    expect(JSON.stringify(await dockerController.verify(controllerContext(run())))).toContain(
      'runs natsgh-controller:0.0.9',
    );
    tools.behave('docker', ps(want));
    const rotated = {
      ...run(),
      config: {
        ...ctx.config,
        github: { ...ctx.config.github, token: 'ghp_rotatedrotatedrotatedrotated0123456' },
      },
    };
    expect(await dockerController.verify(controllerContext(rotated))).toEqual({
      ok: false,
      reason: 'the controller runs with other secrets (GitHub token, webhook secret or NATS)',
    });
  });

  it('verify fails when the service is unhealthy', async () => {
    tools.behave(
      'docker',
      `case "$*" in *" ps "*) echo '{"Service":"nats","State":"running","Health":"unhealthy"}' ;; esac`,
    );
    const p = await createProvisioner(ctx.config);
    const verdict = await p.verify({ ...ctx, signal: new AbortController().signal });
    expect(verdict).toEqual({ ok: false, reason: 'compose service nats is unhealthy' });
  });

  it('a failing `up` says which container failed and shows its last log lines, not the build output', async () => {
    // As compose v2 prints it: the build's progress, then its verdict; the container's own log says why.
    tools.behave(
      'docker',
      `case "$*" in
  *"compose version"*) echo v2 ;;
  *" up "*) for i in $(seq 1 30); do echo "#$i [runtime 4/9] COPY dist ./dist" >&2; done
           echo 'dependency failed to start: container natsgh-default-nats-1 is unhealthy' >&2; exit 1 ;;
  *" ps "*) echo '{"Service":"nats","State":"running","Health":"unhealthy","Name":"natsgh-default-nats-1"}' ;;
  *" logs "*) echo '[1] [INF] Starting nats-server'; echo '[1] [FTL] Error listening on port: 0.0.0.0:4222, "address already in use"' ;;
esac`,
    );
    const p = await createProvisioner(ctx.config);
    const err = (await p.apply(ctx).catch((e) => e)) as Error & { code: string; suggestions: string[] };
    expect(err.code).toBe('docker_compose_failed');
    expect(err.message).toContain('container natsgh-default-nats-1 is unhealthy');
    expect(err.message).toContain('address already in use');
    expect(err.message).not.toContain('COPY dist');
    expect(err.suggestions.join(' ')).toContain('docker compose -p natsgh-default');
    expect(tools.calls('docker').some((c) => c.includes('logs') && c.includes('nats'))).toBe(true);
  });

  it('a missing compose plugin and a missing docker are errors that say what to install', async () => {
    tools.behave(
      'docker',
      `case "$*" in *"compose version"*) echo "docker: 'compose' is not a docker command." >&2; exit 1 ;; esac`,
    );
    const p = await createProvisioner(ctx.config);
    expect(((await p.apply(ctx).catch((e) => e)) as { code: string }).code).toBe('docker_compose_missing');
    const noDocker = {
      ...ctx,
      platform: { ...ctx.platform, env: { ...ctx.platform.env, PATH: '/nonexistent' } },
    };
    expect(((await p.apply(noDocker).catch((e) => e)) as { code: string }).code).toBe('docker_missing');
  });

  it('teardown runs down, with -v only when purging', async () => {
    tools.reset('docker');
    tools.behave('docker', '');
    const p = await createProvisioner(ctx.config);
    await p.teardown(ctx, { purge: false });
    await p.teardown(ctx, { purge: true });
    const calls = tools.calls('docker').map((c) => c.slice(5));
    expect(calls).toEqual([
      ['down', '--remove-orphans'],
      ['down', '--remove-orphans', '-v'],
    ]);
  });

  it('docker + synadia: no NATS containers, only the controller; missing creds stop it before compose up', async () => {
    tools.reset('docker');
    tools.behave('docker', HEALTHY_PS);
    const s = await provisionContext({ mode: 'docker', 'nats-type': 'synadia' });
    s.platform = tools.platform(s.platform);
    const p = await createProvisioner(s.config);
    expect(p.reachableAtStart).toBe(true);
    const err = (await p.apply(s).catch((e) => e)) as Error & { exit: number };
    expect(err.exit).toBe(2);
    expect(tools.calls('docker').some((c) => c.includes('up'))).toBe(false);
    const withCreds = { ...s, config: { ...s.config, nats: { ...s.config.nats, credsFile: '/x.creds' } } };
    const plan = (await p.plan(withCreds)).map((step) => step.action).join('\n');
    expect(plan).not.toMatch(/wait nats/);
  });
});
