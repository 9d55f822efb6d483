// Kubernetes mode through recording `kubectl` and `helm` stand-ins (no cluster
// here). The port-forward stand-in only prints kubectl's line; a real
// nats-server listens on the local port, so NATS health is checked for real.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { deployKubernetesController, kubernetesController } from '../../src/deploy/controller/kubernetes.js';
import { createProvisioner } from '../../src/provision/index.js';
import { APPLY_ARGS, stopPortForward } from '../../src/provision/kubectl.js';
import { findOnPath, isAlive } from '../../src/system/process.js';
import { hostIdentity } from '../../src/system/process-identity.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { provisionContext, type RecordingContext } from '../support/provision-context.js';
import { createStandIns, type StandIns } from '../support/stand-in.js';

const TOKEN = 'ghp_kubernetesSecretValue0123456789abcd';

function kubectlBehaviour(dir: string, overrides = ''): string {
  return `case "$1 $2" in
${overrides}
  "config current-context") echo kind-natsgh ;;
  "get namespace") echo "namespace/$3" ;;
  "apply --server-side") if [ "\${@: -1}" = "-" ]; then if grep -q '"kind":"Secret"'; then touch "${dir}/secret-applied"; fi; fi; echo applied ;;
  "rollout status") echo "rollout complete" ;;
  "port-forward -n") echo "Forwarding from 127.0.0.1:0 -> 4222"; sleep 60 ;; # no exec: real kubectl keeps its command line
  "get pods") echo '{"items":[{"metadata":{"name":"natsgh-default-nats-0"},"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}]}' ;;
esac`;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

describe('kubernetes mode (stand-in kubectl and helm)', () => {
  let tools: StandIns;
  let nats: TestNatsServer;

  async function context(flags: Record<string, unknown> = {}, withHelm = true): Promise<RecordingContext> {
    const ctx = await provisionContext({
      mode: 'kubernetes',
      'nats-type': 'self_hosted_cluster',
      replicas: 3,
      'nats-port': nats.port,
      'monitor-port': nats.monitorPort,
      'github-token': TOKEN,
      ...flags,
    });
    ctx.platform = tools.platform(ctx.platform);
    if (!withHelm) tools.remove('helm');
    return ctx;
  }

  beforeAll(async () => {
    nats = await startNatsServer();
    expect(findOnPath('helm')).toBeUndefined(); // the "no helm" path relies on there being no real helm
  });
  beforeEach(() => {
    tools?.cleanup();
    tools = createStandIns(['kubectl', 'helm']);
    tools.behave('kubectl', kubectlBehaviour(tools.dir));
  });
  afterAll(async () => {
    tools?.cleanup();
    await nats?.stop();
  });

  it('helm: namespace and secret from stdin, pinned chart install, rollout status, port-forward, NATS health', async () => {
    const ctx = await context();
    const p = await createProvisioner(ctx.config);
    expect(p.kind).toBe('kubernetes');
    const result = await p.apply(ctx);
    const k = tools.calls('kubectl');
    expect(k[0]).toEqual(['config', 'current-context']);
    expect(k[1]).toEqual(['get', 'namespace', 'natsgh', '-o', 'name']);
    expect(k[2]).toEqual([...APPLY_ARGS, '-f', '-']);
    expect(existsSync(join(tools.dir, 'secret-applied'))).toBe(true);
    const h = tools.calls('helm');
    expect(h).toHaveLength(1);
    expect(h[0].slice(0, 4)).toEqual(['upgrade', '--install', 'natsgh-default-nats', 'nats']);
    expect(h[0]).toEqual(expect.arrayContaining(['--namespace', 'natsgh', '--wait', '--version']));
    expect(k[3]).toEqual([
      'rollout',
      'status',
      'statefulset/natsgh-default-nats',
      '-n',
      'natsgh',
      '--timeout=300s',
    ]);
    expect(k[4].slice(0, 4)).toEqual(['port-forward', '-n', 'natsgh', 'svc/natsgh-default-nats']);
    expect(k[4]).toContain(`${nats.port}:4222`);
    // NATS only: the controller is the deploy-controller phase's (deploy/controller/kubernetes.ts).
    expect(k).toHaveLength(5);
    expect(k.flat()).not.toContain(join(ctx.stateDir, 'kubernetes', 'controller.yaml'));
    expect(result.outputs.installer).toBe('helm');
    expect(result.servers).toEqual([`nats://127.0.0.1:${nats.port}`]);
    expect(result.outputs.serverVersion).toMatch(/^2\./);

    const valuesFile = h[0][h[0].indexOf('-f') + 1];
    const values = parse(readFileSync(valuesFile, 'utf8'));
    expect(values.config.cluster).toEqual({ enabled: true, replicas: 3 });
    expect(values.promExporter.enabled).toBe(true);
    // No secret value anywhere in the state dir.
    for (const f of allFiles(ctx.stateDir)) expect(readFileSync(f, 'utf8')).not.toContain(TOKEN);

    expect(await p.verify(ctx)).toEqual({ ok: true });
    expect((await p.nodes!(ctx))[0]).toMatchObject({ name: 'natsgh-default-nats-0', healthy: true });

    const { pid } = JSON.parse(
      readFileSync(join(ctx.stateDir, 'kubernetes', 'port-forward.proc.json'), 'utf8'),
    );
    expect(isAlive(pid)).toBe(true);
    expect(await stopPortForward(ctx.stateDir)).toBe(true);
    expect(isAlive(pid)).toBe(false);
  });

  it('a port-forward record whose pid now belongs to another process stops nothing', async () => {
    const ctx = await context({}, true);
    const bystander = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const record = join(ctx.stateDir, 'kubernetes', 'port-forward.proc.json');
      mkdirSync(join(ctx.stateDir, 'kubernetes'), { recursive: true });
      // The pid of an unrelated process (a reused pid after a reboot): right host, wrong start time and command.
      writeFileSync(
        record,
        JSON.stringify({
          pid: bystander.pid,
          host: hostIdentity(),
          startTime: '1',
          commandLine: 'kubectl port-forward -n natsgh svc/natsgh-default-nats 4222:4222',
          meta: { service: 'natsgh-default-nats' },
        }),
      );
      // And a bare pid file, as natsgh wrote before it recorded identities: a pid alone is never trusted.
      writeFileSync(join(ctx.stateDir, 'kubernetes', 'port-forward.pid'), `${bystander.pid}\n`);
      expect(await stopPortForward(ctx.stateDir)).toBe(false);
      expect(isAlive(bystander.pid!)).toBe(true);
    } finally {
      bystander.kill('SIGKILL');
    }
  });

  it('without helm: applies the equivalent StatefulSet and Services with kubectl', async () => {
    const ctx = await context({}, false);
    const p = await createProvisioner(ctx.config);
    const result = await p.apply(ctx);
    await stopPortForward(ctx.stateDir);
    expect(result.outputs.installer).toBe('kubectl');
    const file = join(ctx.stateDir, 'kubernetes', 'nats.yaml');
    expect(tools.calls('kubectl')).toContainEqual([...APPLY_ARGS, '-f', file]);
    const kinds = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJSON().kind);
    expect(kinds).toEqual(['ConfigMap', 'Service', 'Service', 'StatefulSet', 'PodDisruptionBudget']);
    expect(ctx.lines.join('\n')).toContain('helm not found');
  });

  it('a rollout that times out is an error naming the describe command', async () => {
    const ctx = await context();
    tools.behave(
      'kubectl',
      kubectlBehaviour(
        tools.dir,
        '  "rollout status") echo "error: timed out waiting for the condition" >&2; exit 1 ;;',
      ),
    );
    const err = (await (await createProvisioner(ctx.config)).apply(ctx).catch((e) => e)) as Error & {
      code: string;
      suggestions: string[];
    };
    expect(err.code).toBe('kube_rollout_failed');
    expect(err.message).toContain('timed out waiting for the condition');
    expect(err.suggestions.join(' ')).toContain('kubectl describe statefulset/natsgh-default-nats -n natsgh');
    expect(tools.calls('kubectl').some((c) => c[0] === 'port-forward')).toBe(false);
  });

  it('a controller rollout that times out names the image pull options', async () => {
    const ctx = await context();
    tools.behave(
      'kubectl',
      kubectlBehaviour(
        tools.dir,
        '  "rollout status") if [ "$3" = "deployment/natsgh-default-controller" ]; then echo "error: timed out waiting for the condition" >&2; exit 1; fi; echo ok ;;',
      ),
    );
    const err = (await deployKubernetesController(ctx).catch((e) => e)) as Error & {
      code: string;
      suggestions: string[];
    };
    expect(err.code).toBe('kube_rollout_failed');
    expect(err.suggestions.join(' ')).toContain('ImagePullBackOff');
    expect(err.suggestions.join(' ')).toContain('--load-image kind[:<cluster>]');
  });

  it('no kubectl context is an error saying how to pick one', async () => {
    const ctx = await context();
    tools.behave(
      'kubectl',
      kubectlBehaviour(
        tools.dir,
        '  "config current-context") echo "error: current-context is not set" >&2; exit 1 ;;',
      ),
    );
    const err = (await (await createProvisioner(ctx.config)).apply(ctx).catch((e) => e)) as Error & {
      code: string;
      suggestions: string[];
    };
    expect(err.code).toBe('kube_no_context');
    expect(err.suggestions.join(' ')).toContain('kubectl config use-context');
    expect(tools.calls('helm')).toEqual([]);
  });

  it('a failing helm install is an error quoting helm', async () => {
    const ctx = await context();
    tools.behave('helm', 'echo "Error: INSTALLATION FAILED: context deadline exceeded" >&2; exit 1');
    const err = (await (await createProvisioner(ctx.config)).apply(ctx).catch((e) => e)) as Error & {
      code: string;
    };
    expect(err.code).toBe('helm_install_failed');
    expect(err.message).toContain('INSTALLATION FAILED');
  });

  it('no kubectl at all is an error saying how to install it', async () => {
    const ctx = await context();
    ctx.platform = { ...ctx.platform, env: { ...ctx.platform.env, PATH: '/nonexistent' } };
    const err = (await (await createProvisioner(ctx.config)).apply(ctx).catch((e) => e)) as Error & {
      code: string;
    };
    expect(err.code).toBe('kubectl_missing');
  });

  it('--nats-url: no port-forward', async () => {
    const ctx = await context({ 'nats-url': nats.url });
    const result = await (await createProvisioner(ctx.config)).apply(ctx);
    expect(result.servers).toEqual([nats.url]);
    expect(tools.calls('kubectl').some((c) => c[0] === 'port-forward')).toBe(false);
  });

  it('deploys the controller (Deployment, Service, ServiceAccount) with secrets by reference, then waits for the rollout', async () => {
    const ctx = await context();
    const out = await deployKubernetesController(ctx);
    const k = tools.calls('kubectl');
    expect(k).toContainEqual([...APPLY_ARGS, '-f', out.manifests]);
    expect(k.at(-1)).toEqual([
      'rollout',
      'status',
      'deployment/natsgh-default-controller',
      '-n',
      'natsgh',
      '--timeout=300s',
    ]);
    const text = readFileSync(out.manifests, 'utf8');
    expect(text).not.toContain(TOKEN);
    const kinds = parseAllDocuments(text).map((d) => d.toJSON().kind);
    expect(kinds).toEqual(['ServiceAccount', 'Deployment', 'Service']);
    expect(text).toContain('secretKeyRef');
  });

  it('a rotated secret fails verify and its redeploy rolls the pod (a new salted digest on the template, never the value)', async () => {
    const ctx = await context();
    const cc = (c: RecordingContext) => ({ ...c, cliVersion: '0.0.0-test', hostServers: () => [] });
    const digest = (file: string) =>
      parseAllDocuments(readFileSync(file, 'utf8'))
        .map((d) => d.toJSON())
        .find((o) => o.kind === 'Deployment').spec.template.metadata.annotations['natsgh.io/secrets-digest'];
    const first = await deployKubernetesController(ctx);
    expect(await kubernetesController.verify(cc(ctx))).toEqual({ ok: true });
    const rotatedToken = 'ghp_rotatedKubernetesSecret0123456789ab';
    const rotated = {
      ...ctx,
      config: { ...ctx.config, github: { ...ctx.config.github, token: rotatedToken } },
    };
    expect(await kubernetesController.verify(cc(rotated))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('other secrets'),
    });
    const before = digest(first.manifests);
    await deployKubernetesController(rotated);
    expect(digest(first.manifests)).toMatch(/^[0-9a-f]{64}$/);
    expect(digest(first.manifests)).not.toBe(before);
    expect(await kubernetesController.verify(cc(rotated))).toEqual({ ok: true });
    for (const f of allFiles(ctx.stateDir)) expect(readFileSync(f, 'utf8')).not.toContain(rotatedToken);
  });

  it('kubernetes + synadia: real operator-mode NATS, creds only in the cluster Secret, then the controller deployed', async () => {
    const { createOperatorSetup } = await import('../support/operator-mode.js');
    const op = await createOperatorSetup();
    const hub = await startNatsServer({ extraConfig: op.serverConfig });
    try {
      const ctx = await context({ 'nats-type': 'synadia', 'nats-url': hub.url });
      const creds = await op.writeUserCreds(ctx.stateDir, 'k8s');
      ctx.config.nats.credsFile = creds.file;
      const p = await createProvisioner(ctx.config);
      expect(p.reachableAtStart).toBe(true);
      const result = await p.apply(ctx);
      await deployKubernetesController(ctx);
      expect(result.outputs.accountPublicKey).toBe(op.accountPublicKey);
      expect(tools.calls('helm')).toEqual([]);
      expect(existsSync(join(tools.dir, 'secret-applied'))).toBe(true);
      const text = readFileSync(join(ctx.stateDir, 'kubernetes', 'controller.yaml'), 'utf8');
      expect(text).toContain('NATSGH_CREDS_FILE');
      expect(text).toContain(hub.url);
      for (const f of allFiles(ctx.stateDir).filter((f) => f !== creds.file)) {
        expect(readFileSync(f, 'utf8')).not.toContain(creds.seed.slice(2, 30));
      }
    } finally {
      await hub.stop();
    }
  });

  it('teardown: controller (its adapter), then the helm release; PVCs and secrets only with purge', async () => {
    const ctx = await context();
    const p = await createProvisioner(ctx.config);
    await p.apply(ctx);
    await deployKubernetesController(ctx);
    tools.reset('kubectl');
    tools.reset('helm');
    await kubernetesController.teardown(
      { ...ctx, cliVersion: '0.0.0-test', hostServers: () => [] },
      { purge: false },
    );
    expect(tools.calls('kubectl')).toEqual([
      [
        'delete',
        'deployment,service,serviceaccount',
        '-l',
        'app.kubernetes.io/instance=natsgh-default-controller',
        '-n',
        'natsgh',
        '--ignore-not-found',
      ],
    ]);
    tools.reset('kubectl');
    await p.teardown(ctx, { purge: false });
    expect(tools.calls('kubectl').flat()).not.toContain('deployment,service,serviceaccount');
    expect(tools.calls('helm')).toEqual([
      ['uninstall', 'natsgh-default-nats', '--namespace', 'natsgh', '--wait', '--ignore-not-found'],
    ]);
    expect(tools.calls('kubectl').some((c) => c.includes('pvc'))).toBe(false);
    tools.reset('kubectl');
    await p.teardown(ctx, { purge: true });
    const deletes = tools.calls('kubectl').map((c) => c[1]);
    expect(deletes).toEqual(expect.arrayContaining(['pvc', 'secret/natsgh-default']));
  });
});
