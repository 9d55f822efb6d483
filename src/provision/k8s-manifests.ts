// Kubernetes objects natsgh applies, as typed values (kubernetes-types), pure:
// NATS without Helm (ConfigMap + StatefulSet + headless Service + client
// Service) and the controller (ServiceAccount + Deployment + Service). Secrets
// are only referenced by name here; their values never reach a manifest on disk.
import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1.js';
import type {
  ConfigMap,
  Container,
  EnvVar,
  Namespace,
  Secret,
  Service,
  ServiceAccount,
  Volume,
  VolumeMount,
} from 'kubernetes-types/core/v1.js';
import { NATS_IMAGE } from './compose.js';
import { type LeafRemote, renderLeafnodesBlock } from './hybrid.js';

export type Manifest = Namespace | ConfigMap | StatefulSet | Service | ServiceAccount | Deployment | Secret;

export interface KubeNames {
  namespace: string;
  /** StatefulSet, client Service and Helm release full name. */
  nats: string;
  natsHeadless: string;
  natsConfig: string;
  natsTlsSecret: string;
  /** Secret holding creds/tokens; created from natsgh's memory through stdin, never from a file. */
  secret: string;
  controller: string;
}

export function kubeNames(deployment: string, namespace: string): KubeNames {
  const nats = `natsgh-${deployment}-nats`;
  return {
    namespace,
    nats,
    natsHeadless: `${nats}-headless`,
    natsConfig: `${nats}-config`,
    natsTlsSecret: `${nats}-tls`,
    secret: `natsgh-${deployment}`,
    controller: `natsgh-${deployment}-controller`,
  };
}

/** Keys of the natsgh secret. */
export const SECRET_KEYS = {
  creds: 'nats.creds',
  githubToken: 'github-token',
  natsToken: 'nats-token',
  natsPassword: 'nats-password',
  webhookSecret: 'webhook-secret',
} as const;

export const HUB_CREDS_DIR = '/etc/nats-hub';

export interface NatsManifestInput {
  names: KubeNames;
  deployment: string;
  replicas: number;
  jetstreamDomain?: string;
  storageSize: string;
  storageClassName?: string;
  tls?: { verify: boolean };
  /** hybrid: the leaf's remote; credentials are read from the natsgh secret. */
  leafRemote?: LeafRemote;
  image?: string;
}

function labels(names: KubeNames, component: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': component === 'controller' ? 'natsgh-controller' : 'nats',
    'app.kubernetes.io/instance': component === 'controller' ? names.controller : names.nats,
    'app.kubernetes.io/managed-by': 'natsgh',
  };
}

export function namespaceManifest(name: string): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'natsgh' } },
  };
}

/** nats.conf for the StatefulSet; $SERVER_NAME is the pod name (nats config env substitution). */
export function renderKubeNatsConfig(input: NatsManifestInput): string {
  const { names } = input;
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    'server_name: $SERVER_NAME',
    'port: 4222',
    'http: 8222',
    'lame_duck_duration: 30s',
    'jetstream {',
    '  store_dir: "/data/jetstream"',
    ...(input.jetstreamDomain ? [`  domain: ${q(input.jetstreamDomain)}`] : []),
    '}',
  ];
  if (input.tls) {
    lines.push(
      'tls {',
      '  cert_file: "/etc/nats-tls/tls.crt"',
      '  key_file: "/etc/nats-tls/tls.key"',
      '  ca_file: "/etc/nats-tls/ca.crt"',
      `  verify: ${input.tls.verify}`,
      '}',
    );
  }
  if (input.replicas > 1) {
    const routes = Array.from(
      { length: input.replicas },
      (_, i) =>
        `    ${q(`nats://${names.nats}-${i}.${names.natsHeadless}.${names.namespace}.svc.cluster.local:6222`)}`,
    );
    lines.push(
      'cluster {',
      `  name: ${q(names.nats)}`,
      '  listen: "0.0.0.0:6222"',
      '  routes: [',
      ...routes,
      '  ]',
      '}',
    );
  }
  if (input.leafRemote) {
    const remote = {
      ...input.leafRemote,
      credentials: input.leafRemote.credentials ? `${HUB_CREDS_DIR}/${SECRET_KEYS.creds}` : undefined,
    };
    lines.push(renderLeafnodesBlock(remote).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

export function natsManifests(input: NatsManifestInput): Manifest[] {
  const { names } = input;
  const selector = labels(names, 'nats');
  const configMap: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: names.natsConfig, namespace: names.namespace, labels: selector },
    data: { 'nats.conf': renderKubeNatsConfig(input) },
  };
  const ports = [
    { name: 'nats', port: 4222, targetPort: 'nats' },
    { name: 'monitor', port: 8222, targetPort: 'monitor' },
  ];
  const headless: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: names.natsHeadless, namespace: names.namespace, labels: selector },
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector,
      ports: [...ports, { name: 'cluster', port: 6222, targetPort: 'cluster' }],
    },
  };
  const client: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: names.nats, namespace: names.namespace, labels: selector },
    spec: { selector, ports },
  };
  const volumeMounts: VolumeMount[] = [
    { name: 'config', mountPath: '/etc/nats', readOnly: true },
    { name: 'data', mountPath: '/data' },
  ];
  const volumes: Volume[] = [{ name: 'config', configMap: { name: names.natsConfig } }];
  if (input.tls) {
    volumeMounts.push({ name: 'tls', mountPath: '/etc/nats-tls', readOnly: true });
    volumes.push({ name: 'tls', secret: { secretName: names.natsTlsSecret } });
  }
  if (input.leafRemote?.credentials) {
    volumeMounts.push({ name: 'hub-creds', mountPath: HUB_CREDS_DIR, readOnly: true });
    volumes.push({
      name: 'hub-creds',
      secret: { secretName: names.secret, items: [{ key: SECRET_KEYS.creds, path: SECRET_KEYS.creds }] },
    });
  }
  const health = (path: string) => ({ httpGet: { path, port: 'monitor' } });
  const container: Container = {
    name: 'nats',
    image: input.image ?? NATS_IMAGE,
    args: ['--config', '/etc/nats/nats.conf'],
    env: [{ name: 'SERVER_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
    ports: [
      { name: 'nats', containerPort: 4222 },
      { name: 'cluster', containerPort: 6222 },
      { name: 'monitor', containerPort: 8222 },
    ],
    volumeMounts,
    startupProbe: { ...health('/healthz'), periodSeconds: 5, failureThreshold: 60 },
    readinessProbe: { ...health('/healthz?js-enabled-only=true'), periodSeconds: 10 },
    livenessProbe: { ...health('/healthz?js-enabled-only=true'), periodSeconds: 30, failureThreshold: 3 },
  };
  const statefulSet: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: names.nats, namespace: names.namespace, labels: selector },
    spec: {
      serviceName: names.natsHeadless,
      replicas: input.replicas,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: selector },
        spec: { containers: [container], volumes, terminationGracePeriodSeconds: 60 },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: input.storageSize } },
            ...(input.storageClassName ? { storageClassName: input.storageClassName } : {}),
          },
        },
      ],
    },
  };
  return [configMap, headless, client, statefulSet];
}

export interface ControllerManifestInput {
  names: KubeNames;
  deployment: string;
  image: string;
  natsUrl: string;
  jetstreamDomain?: string;
  /** Plain (non-secret) environment values. */
  env: Record<string, string>;
  /** Which secret keys exist (values are in the cluster's Secret, not here). */
  secretKeys: Array<(typeof SECRET_KEYS)[keyof typeof SECRET_KEYS]>;
  /** The CA the controller trusts (the natsgh TLS secret's ca.crt), when NATS uses TLS. */
  tls?: boolean;
  port?: number;
}

export function controllerManifests(input: ControllerManifestInput): Manifest[] {
  const { names } = input;
  const selector = labels(names, 'controller');
  const port = input.port ?? 8080;
  const fromSecret = (name: string, key: string): EnvVar => ({
    name,
    valueFrom: { secretKeyRef: { name: names.secret, key, optional: false } },
  });
  const env: EnvVar[] = [
    { name: 'NATSGH_DEPLOYMENT', value: input.deployment },
    { name: 'NATSGH_NATS_URL', value: input.natsUrl },
    { name: 'NATSGH_CONTROLLER_PORT', value: String(port) },
    ...(input.jetstreamDomain ? [{ name: 'NATSGH_JS_DOMAIN', value: input.jetstreamDomain }] : []),
    ...Object.entries(input.env).map(([name, value]) => ({ name, value })),
  ];
  const secretEnv: Array<[string, string]> = [
    ['GITHUB_TOKEN', SECRET_KEYS.githubToken],
    ['NATSGH_NATS_TOKEN', SECRET_KEYS.natsToken],
    ['NATSGH_NATS_PASSWORD', SECRET_KEYS.natsPassword],
    ['NATSGH_WEBHOOK_SECRET', SECRET_KEYS.webhookSecret],
  ];
  for (const [name, key] of secretEnv) {
    if (input.secretKeys.includes(key as never)) env.push(fromSecret(name, key));
  }
  const volumes: Volume[] = [{ name: 'state', emptyDir: {} }];
  const volumeMounts: VolumeMount[] = [{ name: 'state', mountPath: '/var/lib/natsgh' }];
  if (input.secretKeys.includes(SECRET_KEYS.creds)) {
    volumes.push({
      name: 'creds',
      secret: { secretName: names.secret, items: [{ key: SECRET_KEYS.creds, path: SECRET_KEYS.creds }] },
    });
    volumeMounts.push({ name: 'creds', mountPath: '/etc/natsgh/creds', readOnly: true });
    env.push({ name: 'NATSGH_CREDS_FILE', value: `/etc/natsgh/creds/${SECRET_KEYS.creds}` });
  }
  if (input.tls) {
    volumes.push({
      name: 'nats-ca',
      secret: { secretName: names.natsTlsSecret, items: [{ key: 'ca.crt', path: 'ca.crt' }] },
    });
    volumeMounts.push({ name: 'nats-ca', mountPath: '/etc/natsgh/tls', readOnly: true });
    env.push({ name: 'NATSGH_TLS_CA', value: '/etc/natsgh/tls/ca.crt' });
  }
  const serviceAccount: ServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: names.controller, namespace: names.namespace, labels: selector },
    automountServiceAccountToken: false,
  };
  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: names.controller, namespace: names.namespace, labels: selector },
    spec: {
      replicas: 1,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: selector },
        spec: {
          serviceAccountName: names.controller,
          securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name: 'controller',
              image: input.image,
              args: ['controller', 'run'],
              env,
              ports: [{ name: 'http', containerPort: port }],
              volumeMounts,
              readinessProbe: { httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 10 },
              livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 20 },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
              resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '512Mi' } },
            },
          ],
          volumes,
        },
      },
    },
  };
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: names.controller, namespace: names.namespace, labels: selector },
    spec: { selector, ports: [{ name: 'http', port, targetPort: 'http' }] },
  };
  return [serviceAccount, deployment, service];
}

/** A Secret object built in memory and handed to `kubectl apply -f -` on stdin; never written to disk. */
export function secretManifest(
  names: KubeNames,
  data: Record<string, string>,
  type = 'Opaque',
  name = names.secret,
): Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type,
    metadata: { name, namespace: names.namespace, labels: { 'app.kubernetes.io/managed-by': 'natsgh' } },
    stringData: data,
  };
}
