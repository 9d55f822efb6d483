// Kubernetes mode with the REAL kubectl (1.32, installed here) against an
// in-process fake API server (test/support/fake-kube-api.ts). kubectl does its
// own work for real: discovery, reading the OpenAPI v3 documents to learn that
// the server validates fields, server-side apply PATCHes, `get namespace`,
// `rollout status` (list + watch), and port-forward's client-side checks.
// Every object natsgh applies is validated by the fake against the Kubernetes
// OpenAPI schemas (kubernetes-models) and, once applied, checked across
// objects (test/support/kube-checks.ts).
//
// Where the fake stops: the port-forward's stream (kubectl's upgrade of
// POST .../pods/<pod>/portforward needs a kubelet) is refused by the fake, so
// natsgh reaches NATS here through --nats-url pointing at a real local
// nats-server, and the port-forward tests stop at kubectl's "error upgrading
// connection" (after kubectl accepted the Service's ports). helm is a recording
// stand-in (no chart rendering here); the objects chart 1.2.6 would create are
// put into the fake from the chart's rules over its values.yaml (fixture).
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '@nats-io/nkeys';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deployKubernetesController } from '../../src/deploy/controller/kubernetes.js';
import { generateDevTls } from '../../src/nats/tls-generate.js';
import { natsChartValues } from '../../src/provision/helm.js';
import { createProvisioner } from '../../src/provision/index.js';
import { FALLBACK_SERVICE_PORTS, kubeNames, natsManifests } from '../../src/provision/k8s-manifests.js';
import { ensurePortForward, stopPortForward } from '../../src/provision/kubectl.js';
import { natsInput, portForwards } from '../../src/provision/kubernetes.js';
import { findOnPath, runCommand } from '../../src/system/process.js';
import chartFixture from '../fixtures/helm/nats-chart-1.2.6.json' with { type: 'json' };
import { parseJson, runCli } from '../support/cli.js';
import { type FakeKubeApi, startFakeKubeApi, validateAgainstSchema } from '../support/fake-kube-api.js';
import { crossObjectProblems } from '../support/kube-checks.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { provisionContext, type RecordingContext } from '../support/provision-context.js';
import { createStandIns, type StandIns } from '../support/stand-in.js';

const TOKEN = 'ghp_realKubectlSecretValue0123456789abcd';
const NATS_PASSWORD = 'natsPw-9f8e7d6c5b4a39281706';
const names = kubeNames('default', 'natsgh');

type Obj = Record<string, any>;

/**
 * The client Service chart 1.2.6 renders for these values, from the chart's
 * template rule (files/service.yaml: a protocol's port is there when
 * service.ports.<p>.enabled and (p is nats or config.<p>.enabled)) applied to
 * the chart's own defaults (the fixture), not to natsgh's table.
 */
function chartClientService(values: Obj): Obj {
  const d = chartFixture.defaults as Record<string, unknown>;
  const get = (path: string): unknown => {
    const v = path.split('.').reduce<any>((o, k) => o?.[k], values);
    return v ?? d[path];
  };
  const ports = ['nats', 'leafnodes', 'websocket', 'mqtt', 'cluster', 'gateway', 'monitor', 'profiling']
    .filter((p) => get(`service.ports.${p}.enabled`) && (p === 'nats' || get(`config.${p}.enabled`)))
    .map((p) => ({ name: p, port: get(`config.${p}.port`), targetPort: p }));
  const selector = {
    'app.kubernetes.io/name': 'nats',
    'app.kubernetes.io/instance': values.fullnameOverride,
  };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: values.fullnameOverride, namespace: values.namespaceOverride, labels: selector },
    spec: { selector, ports },
  };
}

/** The StatefulSet chart 1.2.6 renders, reduced to what kubectl's checks read (labels, container ports). */
function chartStatefulSet(values: Obj): Obj {
  const selector = {
    'app.kubernetes.io/name': 'nats',
    'app.kubernetes.io/instance': values.fullnameOverride,
  };
  const ports = [{ name: 'nats', containerPort: 4222 }];
  if (values.config.cluster.enabled) ports.push({ name: 'cluster', containerPort: 6222 });
  if (values.config.monitor.enabled) ports.push({ name: 'monitor', containerPort: 8222 });
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: values.fullnameOverride, namespace: values.namespaceOverride, labels: selector },
    spec: {
      replicas: values.config.cluster.replicas,
      serviceName: `${values.fullnameOverride}-headless`,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: selector },
        spec: { containers: [{ name: 'nats', image: 'nats:2.10.24-alpine', ports }] },
      },
    },
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

function appKeyFile(dir: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const file = join(dir, 'app.pem');
  writeFileSync(file, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  return file;
}

/** What a bootstrap applies: NATS (provision-nats), then the controller (deploy-controller). */
async function applyNatsAndController(ctx: RecordingContext) {
  const result = await (await createProvisioner(ctx.config)).apply(ctx);
  await deployKubernetesController(ctx);
  return result;
}

describe('kubernetes mode with the real kubectl against a fake API server', () => {
  let api: FakeKubeApi;
  let nats: TestNatsServer;
  let dir: string;
  let tools: StandIns | undefined;

  async function context(flags: Record<string, unknown> = {}): Promise<RecordingContext> {
    const ctx = await provisionContext({
      mode: 'kubernetes',
      'nats-type': 'self_hosted_cluster',
      replicas: 3,
      'nats-url': nats.url,
      'github-token': TOKEN,
      ...flags,
    });
    const path = tools ? tools.path : process.env.PATH!;
    ctx.platform = { ...ctx.platform, env: { ...ctx.platform.env, ...api.env, PATH: path } };
    return ctx;
  }

  beforeAll(async () => {
    expect(findOnPath('kubectl')).toBeTruthy();
    expect(findOnPath('helm')).toBeUndefined(); // "without helm" relies on there being none
    nats = await startNatsServer();
  });
  afterAll(async () => {
    await nats?.stop();
  });
  afterEach(async () => {
    await api?.stop();
    tools?.cleanup();
    tools = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  async function freshApi(): Promise<void> {
    dir = mkdtempSync(join(tmpdir(), 'natsgh-fake-kube-'));
    api = await startFakeKubeApi(dir);
  }

  it('without helm: doctor warns, kube-context is ok through the real kubectl, and bootstrap passes prerequisites', async () => {
    await freshApi();
    const env = { ...api.env, GITHUB_TOKEN: '', GH_TOKEN: '' };
    const base = [
      '--mode',
      'kubernetes',
      '--nats-type',
      'self_hosted_cluster',
      '--state-dir',
      join(dir, 'state'),
    ];
    const doctor = await runCli(['doctor', ...base, '--json'], { env });
    const checks = parseJson<{ checks: Array<{ id: string; status: string; message: string }> }>(
      doctor,
    ).checks;
    expect(checks.find((c) => c.id === 'helm')).toMatchObject({ status: 'warn' });
    expect(checks.find((c) => c.id === 'helm')!.message).toContain('StatefulSet');
    expect(checks.find((c) => c.id === 'kube-context')).toMatchObject({
      status: 'ok',
      message: 'context "fake" reachable (Kubernetes v1.32.0)',
    });
    const boot = await runCli(['bootstrap', ...base, '--only', 'prerequisites', '--json'], { env });
    expect(boot.code, boot.stderr).toBe(0);
    const phases = parseJson<{ phases: Array<{ id: string; status: string }> }>(boot).phases;
    expect(phases.find((p) => p.id === 'prerequisites')!.status).toBe('done');
    expect(api.requests.some((r) => r.url.startsWith('/version'))).toBe(true);
  }, 120_000);

  it('without helm: namespace, secrets, StatefulSet fallback and controller through server-side apply; every object valid and consistent; NATS auth and the App key only as Secrets', async () => {
    await freshApi();
    const ctx = await context({
      'nats-user': 'natsgh',
      'nats-password': NATS_PASSWORD,
      'github-app-id': '12345',
      'github-app-installation': '678',
      'github-app-key': appKeyFile(dir),
      'storage-class': 'fast-ssd',
      'jetstream-storage': '20Gi',
    });
    const p = await createProvisioner(ctx.config);
    const result = await applyNatsAndController(ctx);
    expect(result.outputs.installer).toBe('kubectl');
    expect(ctx.lines.join('\n')).toContain('helm not found');
    expect(api.rejected).toEqual([]);

    // Server-side apply with natsgh's field manager only; no client-side last-applied annotation.
    const patches = api.requests.filter((r) => r.method === 'PATCH');
    expect(patches.length).toBeGreaterThan(5);
    for (const r of patches) {
      expect(r.contentType).toBe('application/apply-patch+yaml');
      expect(r.url).toContain('fieldManager=natsgh');
      expect(r.url).toContain('fieldValidation=Strict'); // kubectl asked the server to validate the fields
    }
    const objects = api.objects();
    for (const o of objects) {
      expect(o.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
      await validateAgainstSchema(o);
    }
    // The namespace was missing, so natsgh created it (before anything in it: the fake refuses otherwise).
    expect(
      api.requests.find((r) => r.method === 'GET' && r.url.startsWith('/api/v1/namespaces/natsgh')),
    ).toBeTruthy();
    expect(api.get('Namespace', undefined, 'natsgh')).toBeTruthy();
    expect(crossObjectProblems(objects.filter((o) => o.kind !== 'Pod'))).toEqual([]);

    const sts = api.get('StatefulSet', 'natsgh', names.nats)!;
    expect(sts.spec.volumeClaimTemplates[0].spec).toMatchObject({
      storageClassName: 'fast-ssd',
      resources: { requests: { storage: '20Gi' } },
    });
    const natsEnv = sts.spec.template.spec.containers[0].env;
    expect(natsEnv.find((e: Obj) => e.name === 'NATS_PASSWORD').valueFrom.secretKeyRef).toEqual({
      name: names.secret,
      key: 'nats-password',
    });
    const conf = api.get('ConfigMap', 'natsgh', names.natsConfig)!.data['nats.conf'];
    expect(conf).toContain('password: $NATS_PASSWORD');
    expect(conf).toContain('no_advertise: true');

    const secret = api.get('Secret', 'natsgh', names.secret)!;
    const decoded = (k: string) => Buffer.from(secret.data[k], 'base64').toString('utf8');
    expect(decoded('nats-password')).toBe(NATS_PASSWORD);
    expect(decoded('nats-user')).toBe('natsgh');
    expect(decoded('github-app-key')).toContain('BEGIN RSA PRIVATE KEY');

    const dep = api.get('Deployment', 'natsgh', names.controller)!;
    const c = dep.spec.template.spec.containers[0];
    expect(c.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.env.find((e: Obj) => e.name === 'NATSGH_GITHUB_APP_PRIVATE_KEY_FILE').value).toBe(
      '/etc/natsgh/github/app-key.pem',
    );
    expect(c.env.find((e: Obj) => e.name === 'NATSGH_NATS_PASSWORD').valueFrom.secretKeyRef.key).toBe(
      'nats-password',
    );
    expect(c.image).toBe('ghcr.io/natsgh/natsgh:0.1.0');
    // No secret value in any env literal, argument, or file natsgh wrote.
    const literal = JSON.stringify([...objects.filter((o) => o.kind !== 'Secret')]);
    for (const secretValue of [NATS_PASSWORD, TOKEN, 'BEGIN RSA PRIVATE KEY']) {
      expect(literal).not.toContain(secretValue);
      for (const f of allFiles(ctx.stateDir)) expect(readFileSync(f, 'utf8')).not.toContain(secretValue);
    }

    // A re-run finds the namespace and does not apply it again.
    const before = api.requests.length;
    await p.apply(ctx);
    const rerun = api.requests.slice(before);
    expect(rerun.some((r) => r.method === 'PATCH' && r.url.startsWith('/api/v1/namespaces/natsgh?'))).toBe(
      false,
    );
  }, 120_000);

  it('--nkey-file: the servers require that NKey, the seed reaches the controller only as a Secret file', async () => {
    await freshApi();
    const user = createUser();
    const seedFile = join(dir, 'user.nk');
    writeFileSync(seedFile, `${new TextDecoder().decode(user.getSeed())}\n`, { mode: 0o600 });
    const ctx = await context({ 'nkey-file': seedFile });
    // The NATS natsgh probes here (--nats-url) has no auth; a cluster server would demand the NKey.
    await applyNatsAndController(ctx);
    expect(api.rejected).toEqual([]);
    const conf = api.get('ConfigMap', 'natsgh', names.natsConfig)!.data['nats.conf'];
    expect(conf).toContain(`users: [ { nkey: "${user.getPublicKey()}" } ]`);
    const secret = api.get('Secret', 'natsgh', names.secret)!;
    expect(Buffer.from(secret.data['nats.nk'], 'base64').toString()).toBe(
      new TextDecoder().decode(user.getSeed()),
    );
    const c = api.get('Deployment', 'natsgh', names.controller)!.spec.template.spec.containers[0];
    expect(c.env.find((e: Obj) => e.name === 'NATSGH_NKEY_FILE').value).toBe('/etc/natsgh/nkey/nats.nk');
    const objects = api.objects().filter((o) => o.kind !== 'Pod');
    expect(crossObjectProblems(objects)).toEqual([]);
    const seed = new TextDecoder().decode(user.getSeed());
    expect(JSON.stringify(objects.filter((o) => o.kind !== 'Secret'))).not.toContain(seed);
  }, 120_000);

  it('hybrid: the leaf hub creds and hub TLS files reach the pod only from the Secret, at pod paths', async () => {
    await freshApi();
    const { createOperatorSetup } = await import('../support/operator-mode.js');
    const op = await createOperatorSetup();
    const creds = await op.writeUserCreds(dir, 'leaf');
    const hubTls = await generateDevTls(join(dir, 'hub'), { mtls: true });
    const ctx = await context({
      'nats-type': 'hybrid',
      replicas: 1,
      'hub-url': 'tls://hub.example.com:7422',
      creds: creds.file,
      'tls-ca': hubTls.ca,
      'tls-cert': hubTls.clientCert,
      'tls-key': hubTls.clientKey,
    });
    // natsgh checks the leaf (JetStream domain "edge") at --nats-url: a real server in that domain.
    const leaf = await startNatsServer({ domain: 'edge' });
    try {
      ctx.config.nats.url = leaf.url;
      await (await createProvisioner(ctx.config)).apply(ctx);
    } finally {
      await leaf.stop();
    }
    expect(api.rejected).toEqual([]);
    const secret = api.get('Secret', 'natsgh', names.secret)!;
    expect(Object.keys(secret.data)).toEqual(
      expect.arrayContaining(['nats.creds', 'hub-ca.crt', 'hub-tls.crt', 'hub-tls.key']),
    );
    const conf = api.get('ConfigMap', 'natsgh', names.natsConfig)!.data['nats.conf'];
    expect(conf).toContain('credentials: "/etc/nats-hub/nats.creds"');
    expect(conf).toContain('ca_file: "/etc/nats-hub/hub-ca.crt"');
    expect(conf).toContain('key_file: "/etc/nats-hub/hub-tls.key"');
    const objects = api.objects().filter((o) => o.kind !== 'Pod');
    expect(crossObjectProblems(objects)).toEqual([]);
    const manifests = JSON.stringify(objects.filter((o) => o.kind !== 'Secret'));
    for (const local of [creds.file, hubTls.ca, hubTls.clientKey!, dir])
      expect(manifests).not.toContain(local);
    expect(manifests).not.toContain(creds.seed.slice(2, 30));
  }, 120_000);

  it('an existing namespace is not applied (no cluster-scoped rights needed)', async () => {
    await freshApi();
    api.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'natsgh' } });
    const ctx = await context();
    await (await createProvisioner(ctx.config)).apply(ctx);
    expect(
      api.requests.filter((r) => r.method === 'PATCH' && r.url.startsWith('/api/v1/namespaces/natsgh?')),
    ).toEqual([]);
    expect(api.rejected).toEqual([]);
  }, 120_000);

  it('helm + --tls generate --tls-verify + token + GitHub App: full apply; NATS checked over mTLS; the controller gets its client certificate from a kubernetes.io/tls Secret', async () => {
    await freshApi();
    tools = createStandIns(['helm']);
    const TOKEN_NATS = 'tok-abcdef0123456789';
    const ctx = await context({
      tls: 'generate',
      'tls-verify': true,
      'nats-token': TOKEN_NATS,
      'github-app-id': '12345',
      'github-app-installation': '678',
      'github-app-key': appKeyFile(dir),
    });
    // A real nats-server with the certificates natsgh generates (same host names, so natsgh reuses
    // them), demanding client certificates and the token: natsgh's own check runs over mTLS.
    const tls = await generateDevTls(ctx.stateDir, {
      mtls: true,
      hosts: [
        names.nats,
        `${names.nats}.natsgh`,
        `${names.nats}.natsgh.svc`,
        `*.${names.natsHeadless}.natsgh.svc.cluster.local`,
      ],
    });
    const secure = await startNatsServer({
      scheme: 'tls',
      extraConfig: `tls { cert_file: "${tls.serverCert}", key_file: "${tls.serverKey}", ca_file: "${tls.ca}", verify: true }\nauthorization { token: "${TOKEN_NATS}" }`,
    });
    try {
      ctx.config.nats.url = secure.url;
      const values = natsChartValues(await natsInput(ctx));
      api.put(chartStatefulSet(values));
      api.put(chartClientService(values));
      const result = await applyNatsAndController(ctx);
      expect(result.outputs.installer).toBe('helm');
      expect(result.outputs.serverVersion).toMatch(/^2\./);
    } finally {
      await secure.stop();
    }
    expect(api.rejected).toEqual([]);
    const values = natsChartValues(await natsInput(ctx));
    const client = api.get('Secret', 'natsgh', names.natsClientTlsSecret)!;
    expect(client.type).toBe('kubernetes.io/tls');
    expect(Buffer.from(client.data['tls.crt'], 'base64').toString()).toContain('BEGIN CERTIFICATE');
    const c = api.get('Deployment', 'natsgh', names.controller)!.spec.template.spec.containers[0];
    expect(c.env.find((e: Obj) => e.name === 'NATSGH_TLS_CERT').value).toBe('/etc/natsgh/tls-client/tls.crt');
    expect(c.env.find((e: Obj) => e.name === 'NATSGH_TLS_KEY').value).toBe('/etc/natsgh/tls-client/tls.key');
    expect(c.env.find((e: Obj) => e.name === 'NATSGH_NATS_TOKEN').valueFrom.secretKeyRef.key).toBe(
      'nats-token',
    );
    expect(c.env.find((e: Obj) => e.name === 'NATSGH_GITHUB_APP_PRIVATE_KEY_FILE').value).toBe(
      '/etc/natsgh/github/app-key.pem',
    );
    expect(c.env.find((e: Obj) => e.name === 'NATSGH_NATS_URL').value).toBe(
      `tls://${names.nats}.natsgh.svc:4222`,
    );
    // The chart's objects are stand-ins here; natsgh's own are checked.
    const objects = api
      .objects()
      .filter((o) => o.kind !== 'Pod' && o.kind !== 'StatefulSet' && o.metadata.name !== names.nats);
    for (const o of objects) await validateAgainstSchema(o);
    expect(crossObjectProblems(objects)).toEqual([]);
    // The chart values reference the server TLS secret and the token's secret key that natsgh created.
    expect(values.config.nats.tls.secretName).toBe(names.natsTlsSecret);
    expect(Object.keys(api.get('Secret', 'natsgh', names.natsTlsSecret)!.data).sort()).toEqual([
      'ca.crt',
      'tls.crt',
      'tls.key',
    ]);
    const tokenRef = values.container.env.NATS_TOKEN.valueFrom.secretKeyRef;
    expect(api.get('Secret', 'natsgh', tokenRef.name)!.data[tokenRef.key]).toBeTruthy();
  }, 120_000);

  it('port-forward: real kubectl refuses a port the chart Service lacks, and accepts the ports natsgh derives', async () => {
    await freshApi();
    const ctx = await context();
    ctx.config.nats.url = undefined;
    api.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'natsgh' } });
    // What chart 1.2.6 renders for its defaults (no service.ports.monitor): 4222 only.
    const defaults = natsChartValues(await natsInput(ctx));
    delete defaults.service;
    api.put(chartStatefulSet(defaults));
    api.put(chartClientService(defaults));
    const kubectl = findOnPath('kubectl')!;
    const refused = await runCommand(
      kubectl,
      ['port-forward', '-n', 'natsgh', `svc/${names.nats}`, '14222:4222', '18222:8222'],
      { env: ctx.platform.env, timeoutMs: 30_000 },
    );
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`error: Service ${names.nats} does not have a service port 8222`);

    // natsgh's values enable the monitor port on the Service; natsgh forwards exactly the Service's ports.
    const values = natsChartValues(await natsInput(ctx));
    api.put(chartClientService(values));
    const forwards = portForwards(ctx.config, { nats: 4222, monitor: 8222 });
    expect(chartClientService(values).spec.ports.map((p: Obj) => p.port)).toEqual(
      forwards.map((f) => f.remote),
    );
    const err = (await ensurePortForward(ctx, kubectl, 'natsgh', names.nats, forwards, 15_000).catch(
      (e) => e,
    )) as Error & { code: string };
    // kubectl accepted both ports and went on to open the stream, where the fake stops.
    expect(err.code).toBe('kube_port_forward_failed');
    expect(err.message).toContain('error upgrading connection');
    expect(err.message).not.toContain('does not have a service port');
    expect(
      api.requests.some(
        (r) =>
          r.method === 'POST' &&
          r.url.startsWith(`/api/v1/namespaces/natsgh/pods/${names.nats}-0/portforward`),
      ),
    ).toBe(true);
    await stopPortForward(ctx.stateDir);

    // The fallback's client Service: natsgh forwards exactly its ports, and kubectl accepts them.
    for (const o of natsManifests(await natsInput(ctx))) api.put(o as Obj);
    const fallback = portForwards(ctx.config, FALLBACK_SERVICE_PORTS);
    const fallbackErr = (await ensurePortForward(ctx, kubectl, 'natsgh', names.nats, fallback, 15_000).catch(
      (e) => e,
    )) as Error;
    expect(fallbackErr.message).toContain('error upgrading connection');
    await stopPortForward(ctx.stateDir);
  }, 120_000);

  it('helm: the values natsgh writes are what it renders; the chart objects roll out; the controller follows', async () => {
    await freshApi();
    tools = createStandIns(['helm']);
    const ctx = await context({ 'nats-token': 'tok-abcdef0123456789', 'storage-class': 'gp3' });
    const values = natsChartValues(await natsInput(ctx));
    api.put(chartStatefulSet(values));
    api.put(chartClientService(values));
    const result = await applyNatsAndController(ctx);
    expect(result.outputs.installer).toBe('helm');
    const call = tools.calls('helm')[0];
    expect(call).not.toContain('--create-namespace');
    const written = parse(readFileSync(call[call.indexOf('-f') + 1], 'utf8'));
    expect(written).toEqual(values);
    expect(written.config.jetstream.fileStore.pvc.storageClassName).toBe('gp3');
    expect(written.config.merge.authorization).toEqual({ token: '<< $NATS_TOKEN >>' });
    expect(api.rejected).toEqual([]);
    expect(api.get('Deployment', 'natsgh', names.controller)).toBeTruthy();
  }, 120_000);

  it('a re-run with another --org, --github-repo or --controller-port re-applies the controller Deployment (deploy-controller), not NATS; an unchanged re-run applies nothing', async () => {
    await freshApi();
    const state = join(dir, 'state');
    const env = { ...api.env, GITHUB_TOKEN: '', GH_TOKEN: '', CI: '1' };
    const boot = (...extra: string[]) =>
      runCli(
        [
          'bootstrap',
          '--mode',
          'kubernetes',
          '--nats-type',
          'self_hosted',
          '--nats-url',
          nats.url,
          '--state-dir',
          state,
          '--output-dir',
          join(dir, 'out'),
          '--json',
          ...extra,
        ],
        { env, cwd: dir, timeoutMs: 90_000 },
      );
    const controllerEnv = () =>
      Object.fromEntries(
        api
          .get('Deployment', 'natsgh', names.controller)!
          .spec.template.spec.containers[0].env.filter((e: Obj) => 'value' in e)
          .map((e: Obj) => [e.name, e.value]),
      );
    const statusOf = (r: Awaited<ReturnType<typeof boot>>) =>
      Object.fromEntries(
        parseJson<{ phases: Array<{ id: string; status: string }> }>(r).phases.map((p) => [p.id, p.status]),
      );

    const cold = await boot('--org', 'acme');
    expect(cold.code, cold.stdout + cold.stderr).toBe(0);
    expect(statusOf(cold)['deploy-controller']).toBe('done');
    expect(controllerEnv()).toMatchObject({ NATSGH_ORG: 'acme', NATSGH_GITHUB_REPO: '.github' });

    const patchesSince = (n: number) => api.requests.slice(n).filter((r) => r.method === 'PATCH');
    let before = api.requests.length;
    const same = await boot('--org', 'acme');
    expect(same.code, same.stdout + same.stderr).toBe(0);
    expect(statusOf(same)['deploy-controller']).toBe('skipped');
    expect(patchesSince(before)).toEqual([]);

    before = api.requests.length;
    const changed = await boot(
      '--org',
      'other-org',
      '--github-repo',
      'github-private',
      '--controller-port',
      '8081',
    );
    expect(changed.code, changed.stdout + changed.stderr).toBe(0);
    expect(statusOf(changed)).toMatchObject({ 'provision-nats': 'skipped', 'deploy-controller': 'done' });
    expect(controllerEnv()).toMatchObject({
      NATSGH_ORG: 'other-org',
      NATSGH_GITHUB_REPO: 'github-private',
      NATSGH_CONTROLLER_PORT: '8081',
    });
    // Only the controller's objects (and the shared Secret) were applied again; the NATS StatefulSet was not.
    expect(patchesSince(before).some((r) => r.url.includes('/statefulsets/'))).toBe(false);
    expect(patchesSince(before).some((r) => r.url.includes(`/deployments/${names.controller}`))).toBe(true);
    expect(api.rejected).toEqual([]);
    for (const o of api.objects().filter((o) => o.kind !== 'Pod')) await validateAgainstSchema(o);
    expect(crossObjectProblems(api.objects().filter((o) => o.kind !== 'Pod'))).toEqual([]);
  }, 240_000);
});
