// The Kubernetes contracts of what natsgh renders, offline:
// - every Helm value natsgh sets is a key of chart 1.2.6's values.yaml
//   (test/fixtures/helm/nats-chart-1.2.6.json, recorded from nats-io/k8s at
//   tag nats-1.2.6) or lies under a free-form key (merge, patch, env);
// - natsgh's table of the chart's client Service ports (CHART_SERVICE_PORTS),
//   from which the port-forward is derived, agrees with that values.yaml;
// - every object of the StatefulSet fallback and the controller is valid
//   against the Kubernetes OpenAPI schemas (kubernetes-models) and consistent
//   with the others and with the Secrets natsgh creates.
import { describe, expect, it } from 'vitest';
import {
  CHART_SERVICE_PORTS,
  type ChartProtocol,
  chartServicePorts,
  NATS_CHART,
  natsChartValues,
} from '../../src/provision/helm.js';
import {
  controllerManifests,
  FALLBACK_SERVICE_PORTS,
  kubeNames,
  natsManifests,
  renderKubeNatsConfig,
  SECRET_KEYS,
  secretManifest,
} from '../../src/provision/k8s-manifests.js';
import { portForwards } from '../../src/provision/kubernetes.js';
import chart from '../fixtures/helm/nats-chart-1.2.6.json' with { type: 'json' };
import { validateAgainstSchema } from '../support/fake-kube-api.js';
import { crossObjectProblems } from '../support/kube-checks.js';
import { NATS_VARIANTS as variants } from '../support/kube-variants.js';

const names = kubeNames('acme', 'natsgh');
const defaults = chart.defaults as Record<string, unknown>;
const freeform = new Set(chart.freeform);

/** Paths of natsgh's values that are not chart 1.2.6 keys. */
function unknownChartKeys(values: unknown, prefix = ''): string[] {
  if (prefix && freeform.has(prefix)) return [];
  if (values && typeof values === 'object' && !Array.isArray(values)) {
    return Object.entries(values).flatMap(([k, v]) => unknownChartKeys(v, prefix ? `${prefix}.${k}` : k));
  }
  return prefix in defaults ? [] : [prefix];
}

describe('helm values against chart 1.2.6', () => {
  it('the fixture is chart 1.2.6, the version natsgh pins', () => {
    expect(chart.source.tag).toBe(`nats-${NATS_CHART.version}`);
    expect(defaults['config.monitor.port']).toBe(8222);
  });

  it('the checker catches a key the chart does not have', () => {
    expect(unknownChartKeys({ config: { jetstream: { fileStorage: { size: '1Gi' } } } })).toEqual([
      'config.jetstream.fileStorage.size',
    ]);
    expect(unknownChartKeys({ config: { merge: { anything: { at: 'all' } } } })).toEqual([]);
  });

  for (const [what, input] of variants) {
    it(`${what}: every value natsgh sets is a chart key`, () => {
      const values = natsChartValues({ names, ...input });
      expect(unknownChartKeys(values)).toEqual([]);
    });
  }

  it("natsgh's Service port table is the chart's (port, config.<p>.enabled, service.ports.<p>.enabled)", () => {
    for (const [p, d] of Object.entries(CHART_SERVICE_PORTS)) {
      expect({ p, ...d }).toEqual({
        p,
        port: defaults[`config.${p}.port`],
        configEnabled: p === 'nats' ? true : defaults[`config.${p}.enabled`],
        serviceEnabled: defaults[`service.ports.${p}.enabled`],
      });
    }
    // Every protocol the chart's Service template ranges over is in the table.
    const protocols = Object.keys(defaults)
      .filter((k) => /^service\.ports\.[a-z]+\.enabled$/.test(k))
      .map((k) => k.split('.')[2]);
    expect(Object.keys(CHART_SERVICE_PORTS).sort()).toEqual(protocols.sort());
  });

  it('the port-forward asks only for ports the Service renders: chart defaults have no monitor port, natsgh enables it', () => {
    const config = { nats: { port: 14222, monitorPort: 18222 } } as never;
    const values = natsChartValues({ names, replicas: 3, storageSize: '10Gi' });
    const rendered = chartServicePorts(values);
    expect(rendered).toEqual({ nats: 4222, monitor: 8222 });
    expect(values.service.ports.monitor.enabled).toBe(true);
    expect(portForwards(config, rendered)).toEqual([
      { local: 14222, remote: 4222 },
      { local: 18222, remote: 8222 },
    ]);
    const { service: _, ...chartDefaultService } = values;
    expect(chartServicePorts(chartDefaultService)).toEqual({ nats: 4222 });
    expect(portForwards(config, chartServicePorts(chartDefaultService))).toEqual([
      { local: 14222, remote: 4222 },
    ]);
    for (const p of Object.keys(rendered)) expect(p in CHART_SERVICE_PORTS).toBe(true);
    expect(chartServicePorts({ config: { leafnodes: { enabled: true } } }).leafnodes).toBe(7422);
    expect((Object.keys(CHART_SERVICE_PORTS) as ChartProtocol[]).includes('monitor')).toBe(true);
  });

  it('the hybrid leaf keeps the default reconnect (no bare number), and auth values come from the Secret', () => {
    const values = natsChartValues({
      names,
      replicas: 1,
      storageSize: '1Gi',
      leafRemote: { urls: ['tls://hub:7422'] },
      auth: { kind: 'user' },
    });
    expect(values.config.merge.leafnodes).toEqual({ remotes: [{ urls: ['tls://hub:7422'] }] });
    expect(values.config.merge.authorization).toEqual({
      user: '<< $NATS_USER >>',
      password: '<< $NATS_PASSWORD >>',
    });
    expect(values.container.env.NATS_PASSWORD).toEqual({
      valueFrom: { secretKeyRef: { name: names.secret, key: SECRET_KEYS.natsPassword } },
    });
  });
});

describe('fallback and controller objects against the Kubernetes schemas', () => {
  for (const [what, input] of variants) {
    it(`${what}: valid objects, consistent with each other and the Secrets natsgh creates`, async () => {
      const full = { names, deployment: 'acme', ...input };
      const secretKeys = [
        SECRET_KEYS.githubToken,
        SECRET_KEYS.githubAppKey,
        ...(input.auth?.kind === 'user' ? [SECRET_KEYS.natsUser, SECRET_KEYS.natsPassword] : []),
        ...(input.auth?.kind === 'token' ? [SECRET_KEYS.natsToken] : []),
        ...(input.auth?.kind === 'nkey' ? [SECRET_KEYS.nkeySeed] : []),
        ...(input.leafRemote?.credentials ? [SECRET_KEYS.creds] : []),
        ...(input.leafRemote?.tls ? [SECRET_KEYS.hubCa, SECRET_KEYS.hubCert, SECRET_KEYS.hubKey] : []),
      ];
      const secrets = [
        secretManifest(names, Object.fromEntries(secretKeys.map((k) => [k, 'x']))),
        ...(input.tls
          ? [
              secretManifest(
                names,
                { 'tls.crt': 'c', 'tls.key': 'k', 'ca.crt': 'a' },
                'kubernetes.io/tls',
                names.natsTlsSecret,
              ),
              secretManifest(
                names,
                { 'tls.crt': 'c', 'tls.key': 'k', 'ca.crt': 'a' },
                'kubernetes.io/tls',
                names.natsClientTlsSecret,
              ),
            ]
          : []),
      ];
      const objects = [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'natsgh' } },
        ...secrets,
        ...natsManifests(full),
        ...controllerManifests({
          names,
          deployment: 'acme',
          image: 'ghcr.io/natsgh/natsgh:0.1.0',
          natsUrl: 'nats://natsgh-acme-nats.natsgh.svc:4222',
          env: { NATSGH_ORG: 'acme' },
          secretKeys: secretKeys as never[],
          tls: Boolean(input.tls),
          clientCert: Boolean(input.tls?.verify),
          imagePullPolicy: input.imagePullPolicy,
        }),
      ];
      for (const o of objects) await validateAgainstSchema(o as Record<string, unknown>);
      expect(crossObjectProblems(objects as never)).toEqual([]);
      const client = objects.find((o) => o.kind === 'Service' && o.metadata?.name === names.nats) as any;
      expect(Object.fromEntries(client.spec.ports.map((p: any) => [p.name, p.port]))).toEqual(
        FALLBACK_SERVICE_PORTS,
      );
    });
  }

  it('the checks catch a broken object: a Service port naming no container port, a missing secret key', async () => {
    const objects = natsManifests({
      names,
      deployment: 'acme',
      replicas: 1,
      storageSize: '1Gi',
      auth: { kind: 'token' },
    }) as any[];
    const client = objects.find((o) => o.kind === 'Service' && o.metadata.name === names.nats);
    client.spec.ports.push({ name: 'ws', port: 8080, targetPort: 'websocket' });
    const problems = crossObjectProblems([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'natsgh' } },
      secretManifest(names, { 'github-token': 'x' }),
      ...objects,
    ] as never);
    expect(problems).toContain(`Service/${names.nats}: port ws targetPort websocket names no container port`);
    expect(problems).toContain(
      `StatefulSet/${names.nats} container nats: env NATS_TOKEN: Secret ${names.secret} key nats-token missing`,
    );
    const sts = objects.find((o) => o.kind === 'StatefulSet');
    sts.spec.template.spec.containers[0].ports[0].containerPort = '4222';
    await expect(validateAgainstSchema(sts)).rejects.toThrow(/containerPort must be integer/);
  });

  it('the fallback config: no_advertise in the cluster block, auth from the environment, no leaf reconnect', () => {
    const conf = renderKubeNatsConfig({
      names,
      deployment: 'acme',
      replicas: 3,
      storageSize: '1Gi',
      auth: { kind: 'user' },
      leafRemote: { urls: ['tls://hub:7422'] },
    });
    expect(conf).toMatch(/cluster \{[^}]*no_advertise: true/s);
    expect(conf).toContain('user: $NATS_USER');
    expect(conf).not.toContain('reconnect');
  });
});
