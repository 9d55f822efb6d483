// Kubernetes manifests and Helm values natsgh renders, checked for the fields
// the API server and the nats chart require.

import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { Service } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { helmInstallArgs, NATS_CHART, natsChartValues } from '../../src/provision/helm.js';
import {
  controllerManifests,
  kubeNames,
  type Manifest,
  natsManifests,
  SECRET_KEYS,
} from '../../src/provision/k8s-manifests.js';
import { manifestsYaml } from '../../src/provision/kubernetes.js';

const names = kubeNames('acme', 'natsgh');

function byKind<T extends Manifest>(objects: Manifest[], kind: string): T[] {
  return objects.filter((o) => o.kind === kind) as T[];
}

function expectObjectBasics(o: Manifest): void {
  expect(o.apiVersion).toBeTruthy();
  expect(o.kind).toBeTruthy();
  expect(o.metadata?.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  if (o.kind !== 'Namespace') expect(o.metadata?.namespace).toBe('natsgh');
}

describe('NATS without helm', () => {
  const objects = natsManifests({
    names,
    deployment: 'acme',
    replicas: 3,
    jetstreamDomain: 'core',
    storageSize: '20Gi',
    storageClassName: 'fast',
    tls: { verify: true },
  });

  it('a StatefulSet with a headless service, a PVC template, probes and the config', () => {
    for (const o of objects) expectObjectBasics(o);
    const [sts] = byKind<StatefulSet>(objects, 'StatefulSet');
    const spec = sts.spec!;
    expect(spec.replicas).toBe(3);
    expect(spec.serviceName).toBe(names.natsHeadless);
    expect(spec.selector.matchLabels).toEqual(spec.template.metadata!.labels);
    const pvc = spec.volumeClaimTemplates![0].spec!;
    expect(pvc.resources!.requests!.storage).toBe('20Gi');
    expect(pvc.storageClassName).toBe('fast');
    const c = spec.template.spec!.containers[0];
    expect(c.image).toMatch(/^nats:\d+\.\d+\.\d+-alpine$/);
    expect(c.ports!.map((p) => p.containerPort).sort()).toEqual([4222, 6222, 8222]);
    expect(c.readinessProbe!.httpGet!.path).toContain('/healthz');
    const mounted = new Set(c.volumeMounts!.map((m) => m.name));
    for (const v of spec.template.spec!.volumes!) expect(mounted.has(v.name)).toBe(true);
    expect(mounted.has('data')).toBe(true);

    const services = byKind<Service>(objects, 'Service');
    const headless = services.find((s) => s.metadata!.name === names.natsHeadless)!;
    expect(headless.spec!.clusterIP).toBe('None');
    const client = services.find((s) => s.metadata!.name === names.nats)!;
    expect(client.spec!.ports!.map((p) => p.port)).toEqual([4222, 8222]);
    expect(client.spec!.selector).toEqual(spec.selector.matchLabels);

    const conf = (objects.find((o) => o.kind === 'ConfigMap') as any).data['nats.conf'] as string;
    expect(conf).toContain('server_name: $SERVER_NAME');
    expect(conf).toContain('domain: "core"');
    expect(conf).toContain(`nats://${names.nats}-2.${names.natsHeadless}.natsgh.svc.cluster.local:6222`);
    expect(conf).toContain('verify: true');
  });

  it('serializes to multi-document YAML that parses back', () => {
    const docs = parseAllDocuments(manifestsYaml(objects)).map((d) => d.toJSON());
    expect(docs.map((d) => d.kind)).toEqual([
      'ConfigMap',
      'Service',
      'Service',
      'StatefulSet',
      'PodDisruptionBudget',
    ]);
  });

  it('hybrid: the leaf remote reads the hub creds from the natsgh secret', () => {
    const leaf = natsManifests({
      names,
      deployment: 'acme',
      replicas: 1,
      jetstreamDomain: 'edge',
      storageSize: '1Gi',
      leafRemote: { urls: ['tls://connect.ngs.global:7422'], credentials: '/home/me/x.creds' },
    });
    const conf = (leaf.find((o) => o.kind === 'ConfigMap') as any).data['nats.conf'] as string;
    expect(conf).toContain('credentials: "/etc/nats-hub/nats.creds"');
    expect(conf).not.toContain('/home/me/x.creds');
    const sts = byKind<StatefulSet>(leaf, 'StatefulSet')[0];
    expect(sts.spec!.template.spec!.volumes!.find((v) => v.name === 'hub-creds')!.secret!.secretName).toBe(
      names.secret,
    );
  });
});

describe('controller manifests', () => {
  const objects = controllerManifests({
    names,
    deployment: 'acme',
    image: 'natsgh/natsgh:0.1.0',
    natsUrl: 'nats://natsgh-acme-nats.natsgh.svc:4222',
    env: { NATSGH_ORG: 'acme' },
    secretKeys: [SECRET_KEYS.githubToken, SECRET_KEYS.creds],
  });

  it('a Deployment, Service and ServiceAccount; secrets only by reference', () => {
    for (const o of objects) expectObjectBasics(o);
    expect(objects.map((o) => o.kind)).toEqual(['ServiceAccount', 'Deployment', 'Service']);
    const dep = byKind<Deployment>(objects, 'Deployment')[0];
    const pod = dep.spec!.template.spec!;
    expect(pod.serviceAccountName).toBe(names.controller);
    expect(dep.spec!.selector.matchLabels).toEqual(dep.spec!.template.metadata!.labels);
    const c = pod.containers[0];
    expect(c.securityContext!.allowPrivilegeEscalation).toBe(false);
    expect(pod.securityContext!.runAsNonRoot).toBe(true);
    const token = c.env!.find((e) => e.name === 'GITHUB_TOKEN')!;
    expect(token.value).toBeUndefined();
    expect(token.valueFrom!.secretKeyRef).toEqual({
      name: names.secret,
      key: 'github-token',
      optional: false,
    });
    expect(c.env!.find((e) => e.name === 'NATSGH_CREDS_FILE')!.value).toBe('/etc/natsgh/creds/nats.creds');
    expect(c.env!.some((e) => e.name === 'NATSGH_NATS_TOKEN')).toBe(false);
    expect(c.readinessProbe!.httpGet!.path).toBe('/readyz');
    const svc = byKind<Service>(objects, 'Service')[0];
    expect(svc.spec!.selector).toEqual(dep.spec!.selector.matchLabels);
  });
});

describe('helm values for the nats chart', () => {
  it('cluster replicas, JetStream PVC, TLS secret, exporter, leaf remote with mounted creds', () => {
    const values = natsChartValues({
      names,
      replicas: 3,
      jetstreamDomain: 'edge',
      storageSize: '5Gi',
      storageClassName: 'gp3',
      tls: { verify: false },
      leafRemote: { urls: ['tls://connect.ngs.global:7422'], credentials: '/x.creds' },
    }) as any;
    expect(values.fullnameOverride).toBe(names.nats);
    expect(values.config.cluster).toEqual({ enabled: true, replicas: 3 });
    expect(values.config.jetstream.fileStore.pvc).toEqual({
      enabled: true,
      size: '5Gi',
      storageClassName: 'gp3',
    });
    expect(values.config.jetstream.merge).toEqual({ domain: 'edge' });
    expect(values.config.nats.tls.secretName).toBe(names.natsTlsSecret);
    expect(values.tlsCA.secretName).toBe(names.natsTlsSecret);
    expect(values.promExporter.enabled).toBe(true);
    expect(values.config.merge.leafnodes.remotes[0]).toEqual({
      urls: ['tls://connect.ngs.global:7422'],
      credentials: '/etc/nats-hub/nats.creds',
    });
    expect(values.podTemplate.patch[0].value.secret.secretName).toBe(names.secret);
    expect(values.container.patch[0].value.mountPath).toBe('/etc/nats-hub');
    expect(JSON.stringify(values)).not.toContain('/x.creds');

    const single = natsChartValues({ names, replicas: 1, storageSize: '1Gi' }) as any;
    expect(single.config.cluster.enabled).toBe(false);
    expect(single.config.nats.tls).toEqual({ enabled: false });
  });

  it('installs the pinned chart version into the namespace and waits', () => {
    const args = helmInstallArgs(names, '/s/values.yaml');
    expect(args.slice(0, 4)).toEqual(['upgrade', '--install', names.nats, 'nats']);
    expect(args).toEqual(
      expect.arrayContaining(['--version', NATS_CHART.version, '--namespace', 'natsgh', '--wait']),
    );
    expect(NATS_CHART.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
