import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dockerCheck,
  dockerEngineCheck,
  gitCheck,
  helmCheck,
  kindCheck,
  kubeContextCheck,
  kubectlCheck,
  natsServerCheck,
  nodeCheck,
  terraformCheck,
} from '../../../src/doctor/checks/tools.js';
import { requireTool } from '../../support/tools.js';
import { type StandinDir, standinDir, testConfig, testContext } from './standins.js';

let bin: StandinDir;
beforeEach(() => {
  bin = standinDir();
});
afterEach(() => bin.cleanup());

describe('node check', () => {
  it('passes on a supported Node and fails with an install hint on an old one', async () => {
    const config = await testConfig();
    expect((await nodeCheck.run(testContext(config, { deps: { nodeVersion: '20.19.0' } }))).status).toBe(
      'ok',
    );
    const old = await nodeCheck.run(testContext(config, { deps: { nodeVersion: '18.20.1' } }));
    expect(old.status).toBe('fail');
    expect(old.message).toContain('18.20.1');
    expect(old.hint).toMatch(/nodejs\.org|Node\.js >= 20\.19/);
  });
});

describe('nats-server check', () => {
  it('applies only where natsgh runs a local nats-server', async () => {
    const config = await testConfig();
    expect(natsServerCheck.appliesTo(testContext(config, { mode: 'dev', natsType: 'embedded' }))).toBe(true);
    expect(natsServerCheck.appliesTo(testContext(config, { mode: 'dev', natsType: 'synadia' }))).toMatch(
      /synadia/,
    );
    expect(
      natsServerCheck.appliesTo(testContext(config, { mode: 'docker', natsType: 'self_hosted' })),
    ).toMatch(/container/);
  });

  it('reports the real nats-server as JetStream-capable', async () => {
    if (!requireTool('nats-server')) return;
    const r = await natsServerCheck.run(testContext(await testConfig(), { path: process.env.PATH }));
    expect(r.status).toBe('ok');
    expect(r.message).toMatch(/nats-server v2\.\d+\.\d+ \(JetStream-capable\)/);
  });

  it('fails a server too old for JetStream and warns when none is on PATH', async () => {
    bin.tool('nats-server', 'echo "nats-server: v2.1.9"');
    const old = await natsServerCheck.run(testContext(await testConfig(), { path: bin.dir }));
    expect(old.status).toBe('fail');
    expect(old.message).toContain('v2.1.9');
    expect(old.hint).toContain('apt-get install -y nats-server');
    const none = await natsServerCheck.run(testContext(await testConfig(), { path: '' }));
    expect(none.status).toBe('warn');
    expect(none.message).toMatch(/download/);
  });

  it('fails when --nats-server-bin points at nothing', async () => {
    const config = await testConfig({ NATSGH_NATS_SERVER_BIN: '/nonexistent/nats-server' });
    const r = await natsServerCheck.run(testContext(config, { path: process.env.PATH }));
    expect(r.status).toBe('fail');
    expect(r.hint).toContain('NATSGH_NATS_SERVER_BIN');
  });
});

describe('docker checks', () => {
  it('passes the client with compose but fails the engine when `docker info` fails', async () => {
    bin.tool(
      'docker',
      [
        'case "$1" in',
        '  --version) echo "Docker version 27.1.0, build abc";;',
        '  compose) echo "Docker Compose version v2.29.1";;',
        '  info) echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1;;',
        'esac',
      ].join('\n'),
    );
    const ctx = testContext(await testConfig(), { mode: 'docker', natsType: 'self_hosted', path: bin.dir });
    const client = await dockerCheck.run(ctx);
    expect(client.status).toBe('ok');
    expect(client.message).toContain('27.1.0');
    const engine = await dockerEngineCheck.run(ctx);
    expect(engine.status).toBe('fail');
    expect(engine.message).toContain('Cannot connect to the Docker daemon');
    expect(engine.hint).toContain('systemctl start docker');
  });

  it('names the docker group when the socket is not permitted, and the compose plugin when missing', async () => {
    bin.tool(
      'docker',
      [
        'case "$1" in',
        '  --version) echo "Docker version 27.1.0, build abc";;',
        '  compose) echo "docker: unknown command: docker compose" >&2; exit 1;;',
        '  info) echo "permission denied while trying to connect to the Docker daemon socket" >&2; exit 1;;',
        'esac',
      ].join('\n'),
    );
    const ctx = testContext(await testConfig(), { mode: 'docker', natsType: 'self_hosted', path: bin.dir });
    const client = await dockerCheck.run(ctx);
    expect(client.status).toBe('fail');
    expect(client.hint).toContain('Compose');
    const engine = await dockerEngineCheck.run(ctx);
    expect(engine.hint).toContain('usermod -aG docker');
  });

  it('fails with the platform install hint when docker is missing, and skips outside docker mode', async () => {
    const config = await testConfig();
    const r = await dockerCheck.run(
      testContext(config, { mode: 'docker', natsType: 'self_hosted', path: bin.dir }),
    );
    expect(r.status).toBe('fail');
    expect(r.hint).toContain('apt-get install -y docker.io');
    const mac = testContext(config, { mode: 'docker', natsType: 'self_hosted', path: bin.dir });
    mac.deps.platform = { ...mac.deps.platform, os: 'darwin' };
    expect((await dockerCheck.run(mac)).hint).toContain('brew install --cask docker');
    expect(dockerCheck.appliesTo(testContext(config, { mode: 'dev' }))).toMatch(/only needed in docker mode/);
  });
});

describe('kubernetes checks', () => {
  it('warns about a missing helm (the StatefulSet fallback runs), passes kubectl and a reachable context', async () => {
    bin.tool(
      'kubectl',
      [
        'if [ "$1" = version ]; then echo "Client Version: v1.30.2"; exit 0; fi',
        'if [ "$1" = config ]; then echo "kind-natsgh"; exit 0; fi',
        'if [ "$1" = get ]; then echo \'{"gitVersion":"v1.30.0"}\'; exit 0; fi',
        'exit 1',
      ].join('\n'),
    );
    const ctx = testContext(await testConfig(), {
      mode: 'kubernetes',
      natsType: 'self_hosted',
      path: bin.dir,
    });
    const helm = await helmCheck.run(ctx);
    expect(helm.status).toBe('warn');
    expect(helm.message).toContain('StatefulSet');
    expect(helm.hint).toContain('helm.sh');
    expect((await kubectlCheck.run(ctx)).message).toContain('v1.30.2');
    const context = await kubeContextCheck.run(ctx);
    expect(context.status).toBe('ok');
    expect(context.message).toBe('context "kind-natsgh" reachable (Kubernetes v1.30.0)');
  });

  it('--load-image kind: kind and docker are needed; a context that is not the kind cluster warns', async () => {
    const plain = await testConfig();
    const k8s = { mode: 'kubernetes' as const, natsType: 'self_hosted' as const, path: bin.dir };
    expect(kindCheck.appliesTo(testContext(plain, k8s))).toMatch(/--load-image/);
    expect(dockerCheck.appliesTo(testContext(plain, k8s))).toMatch(/--load-image/);
    const config = await testConfig({ NATSGH_LOAD_IMAGE: 'kind:dev' });
    const ctx = testContext(config, k8s);
    expect(kindCheck.appliesTo(ctx)).toBe(true);
    expect(dockerCheck.appliesTo(ctx)).toBe(true);
    const missing = await kindCheck.run(ctx);
    expect(missing.status).toBe('fail');
    expect(missing.hint).toContain('kind.sigs.k8s.io');
    bin.tool('kind', 'echo "kind v0.24.0 go1.22.6 linux/amd64"');
    bin.tool('kubectl', 'if [ "$1" = config ]; then echo "kind-other"; exit 0; fi; exit 1');
    const other = await kindCheck.run(ctx);
    expect(other.status).toBe('warn');
    expect(other.hint).toContain('kubectl config use-context kind-dev');
    bin.tool('kubectl', 'if [ "$1" = config ]; then echo "kind-dev"; exit 0; fi; exit 1');
    expect(await kindCheck.run(ctx)).toMatchObject({
      status: 'ok',
      message: 'kind v0.24.0 go1.22.6 linux/amd64; context kind-dev',
    });
  });

  it('fails an unreachable context and a missing context with what to run', async () => {
    bin.tool(
      'kubectl',
      [
        'if [ "$1" = config ]; then echo "prod"; exit 0; fi',
        'echo "Unable to connect to the server: dial tcp 10.0.0.1:6443: i/o timeout" >&2; exit 1',
      ].join('\n'),
    );
    bin.tool('helm', 'echo "v2.17.0+ga690bad"');
    const ctx = testContext(await testConfig(), {
      mode: 'kubernetes',
      natsType: 'self_hosted',
      path: bin.dir,
    });
    const r = await kubeContextCheck.run(ctx);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('"prod" is not reachable');
    expect(r.message).toContain('i/o timeout');
    expect((await helmCheck.run(ctx)).message).toMatch(/Helm 3/);
    bin.tool('kubectl', 'echo "error: current-context is not set" >&2; exit 1');
    const none = await kubeContextCheck.run(ctx);
    expect(none.status).toBe('fail');
    expect(none.hint).toContain('kubectl config use-context');
  });
});

describe('terraform and git', () => {
  it('warn when missing (winget hint on Windows) and report real versions when present', async () => {
    const ctx = testContext(await testConfig(), { path: bin.dir });
    ctx.deps.platform = { ...ctx.deps.platform, os: 'win32' };
    const tf = await terraformCheck.run(ctx);
    expect(tf.status).toBe('warn');
    expect(tf.hint).toContain('winget install Hashicorp.Terraform');
    if (!requireTool('git')) return;
    const git = await gitCheck.run(testContext(await testConfig(), { path: process.env.PATH }));
    expect(git.status).toBe('ok');
    expect(git.message).toMatch(/^git \d+\.\d+\.\d+$/);
  });
});
