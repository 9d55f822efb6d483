// Kubernetes objects natsgh applies, as typed values (kubernetes-types), pure:
// NATS without Helm (ConfigMap + StatefulSet + headless Service + client
// Service + PodDisruptionBudget) and the controller (ServiceAccount +
// Deployment + Service). Secrets are only referenced by name here; their
// values never reach a manifest on disk.
import { createHash } from 'node:crypto';
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
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js';
import type { NatsghConfig } from '../config/keys.js';
import { NATS_IMAGE } from './compose.js';
import { type LeafRemote, renderLeafnodesBlock } from './hybrid.js';

export type Manifest =
  | Namespace
  | ConfigMap
  | StatefulSet
  | Service
  | ServiceAccount
  | Deployment
  | Secret
  | PodDisruptionBudget;

/**
 * Client auth on the servers natsgh runs: which kind; passwords, tokens and
 * seeds live only in the natsgh Secret (an NKey's public key is not secret).
 */
export type NatsAuthInput = { kind: 'user' } | { kind: 'token' } | { kind: 'nkey'; publicKey: string };

export interface KubeNames {
  namespace: string;
  /** StatefulSet, client Service and Helm release full name. */
  nats: string;
  natsHeadless: string;
  natsConfig: string;
  natsTlsSecret: string;
  /** kubernetes.io/tls Secret with the controller's client certificate (--tls generate --tls-verify). */
  natsClientTlsSecret: string;
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
    natsClientTlsSecret: `${nats}-client-tls`,
    secret: `natsgh-${deployment}`,
    controller: `natsgh-${deployment}-controller`,
  };
}

/** TLS on the servers natsgh runs (--tls generate), and whether they demand client certificates. */
export function serverTls(c: NatsghConfig): { verify: boolean } | undefined {
  return c.nats.tls.mode === 'generate' && c.natsType !== 'synadia'
    ? { verify: c.nats.tls.verify }
    : undefined;
}

/** The in-cluster NATS URL the controller uses. */
export function inClusterNatsUrl(c: NatsghConfig, names: KubeNames): string {
  if (c.natsType === 'synadia') return c.nats.url ?? 'tls://connect.ngs.global';
  return `${c.nats.tls.mode === 'generate' ? 'tls' : 'nats'}://${names.nats}.${names.namespace}.svc:4222`;
}

/** Keys of the natsgh secret. */
export const SECRET_KEYS = {
  creds: 'nats.creds',
  githubToken: 'github-token',
  natsToken: 'nats-token',
  natsUser: 'nats-user',
  natsPassword: 'nats-password',
  webhookSecret: 'webhook-secret',
  githubAppKey: 'github-app-key',
  nkeySeed: 'nats.nk',
  hubCa: 'hub-ca.crt',
  hubCert: 'hub-tls.crt',
  hubKey: 'hub-tls.key',
} as const;

export const HUB_CREDS_DIR = '/etc/nats-hub';

/**
 * The hybrid leaf's files for the hub (creds, and the --tls-ca/--tls-cert/--tls-key
 * the leaf presents to the hub) as the pod sees them: keys of the natsgh
 * Secret mounted at HUB_CREDS_DIR. Returns the remote with pod paths and the
 * Secret volume's items (empty when the remote needs no file).
 */
export function hubFiles(remote: LeafRemote): {
  remote: LeafRemote;
  items: Array<{ key: string; path: string }>;
} {
  const items: Array<{ key: string; path: string }> = [];
  const at = (given: string | undefined, key: string) => {
    if (!given) return undefined;
    items.push({ key, path: key });
    return `${HUB_CREDS_DIR}/${key}`;
  };
  const credentials = at(remote.credentials, SECRET_KEYS.creds);
  const tls = remote.tls
    ? {
        ca: at(remote.tls.ca, SECRET_KEYS.hubCa),
        cert: at(remote.tls.cert, SECRET_KEYS.hubCert),
        key: at(remote.tls.key, SECRET_KEYS.hubKey),
      }
    : undefined;
  return { remote: { urls: remote.urls, credentials, tls }, items };
}

/** Env var names the server configs read the auth values from (nats config `$VAR` references). */
export const AUTH_ENV = { user: 'NATS_USER', password: 'NATS_PASSWORD', token: 'NATS_TOKEN' } as const;

/** The secret keys and env vars for an auth input, in one place for the chart and the fallback. */
export function authEnv(auth: NatsAuthInput | undefined): Array<{ env: string; key: string }> {
  if (!auth) return [];
  if (auth.kind === 'token') return [{ env: AUTH_ENV.token, key: SECRET_KEYS.natsToken }];
  if (auth.kind === 'nkey') return [];
  return [
    { env: AUTH_ENV.user, key: SECRET_KEYS.natsUser },
    { env: AUTH_ENV.password, key: SECRET_KEYS.natsPassword },
  ];
}

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
  imagePullPolicy?: Container['imagePullPolicy'];
  auth?: NatsAuthInput;
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
    'pid_file: "/var/run/nats/nats.pid"',
    'jetstream {',
    '  store_dir: "/data/jetstream"',
    ...(input.jetstreamDomain ? [`  domain: ${q(input.jetstreamDomain)}`] : []),
    '}',
  ];
  if (input.auth?.kind === 'token') {
    // $VAR: nats-server reads the value from the environment (set from the natsgh Secret).
    lines.push('authorization {', `  token: $${AUTH_ENV.token}`, '}');
  } else if (input.auth?.kind === 'user') {
    lines.push('authorization {', `  user: $${AUTH_ENV.user}`, `  password: $${AUTH_ENV.password}`, '}');
  } else if (input.auth?.kind === 'nkey') {
    lines.push('authorization {', `  users: [ { nkey: ${q(input.auth.publicKey)} } ]`, '}');
  }
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
      // Clients reach the cluster through the Service (or a port-forward), not pod IPs.
      '  no_advertise: true',
      '  routes: [',
      ...routes,
      '  ]',
      '}',
    );
  }
  if (input.leafRemote) lines.push(renderLeafnodesBlock(hubFiles(input.leafRemote).remote).trimEnd());
  return `${lines.join('\n')}\n`;
}

/** The client Service's ports of the fallback (name -> port); the port-forward is derived from them. */
export const FALLBACK_SERVICE_PORTS = { nats: 4222, monitor: 8222 } as const;

export function natsManifests(input: NatsManifestInput): Manifest[] {
  const { names } = input;
  const selector = labels(names, 'nats');
  const conf = renderKubeNatsConfig(input);
  const configMap: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: names.natsConfig, namespace: names.namespace, labels: selector },
    data: { 'nats.conf': conf },
  };
  const ports = Object.entries(FALLBACK_SERVICE_PORTS).map(([name, port]) => ({
    name,
    port,
    targetPort: name,
  }));
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
    { name: 'pid', mountPath: '/var/run/nats' },
  ];
  const volumes: Volume[] = [
    { name: 'config', configMap: { name: names.natsConfig } },
    { name: 'pid', emptyDir: {} },
  ];
  if (input.tls) {
    volumeMounts.push({ name: 'tls', mountPath: '/etc/nats-tls', readOnly: true });
    volumes.push({ name: 'tls', secret: { secretName: names.natsTlsSecret } });
  }
  const hubItems = input.leafRemote ? hubFiles(input.leafRemote).items : [];
  if (hubItems.length > 0) {
    volumeMounts.push({ name: 'hub-creds', mountPath: HUB_CREDS_DIR, readOnly: true });
    volumes.push({ name: 'hub-creds', secret: { secretName: names.secret, items: hubItems } });
  }
  const health = (path: string) => ({ httpGet: { path, port: 'monitor' } });
  const container: Container = {
    name: 'nats',
    image: input.image ?? NATS_IMAGE,
    ...(input.imagePullPolicy ? { imagePullPolicy: input.imagePullPolicy } : {}),
    args: ['--config', '/etc/nats/nats.conf'],
    env: [
      { name: 'SERVER_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      ...authEnv(input.auth).map((e) => ({
        name: e.env,
        valueFrom: { secretKeyRef: { name: names.secret, key: e.key } },
      })),
    ],
    ports: [
      { name: 'nats', containerPort: 4222 },
      { name: 'cluster', containerPort: 6222 },
      { name: 'monitor', containerPort: 8222 },
    ],
    volumeMounts,
    // Lame duck mode on shutdown, as the chart does: clients move to the other servers first.
    lifecycle: { preStop: { exec: { command: ['nats-server', '--signal', 'ldm=/var/run/nats/nats.pid'] } } },
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
        metadata: {
          labels: selector,
          // A changed nats.conf rolls the pods (the chart does the same).
          annotations: { 'checksum/config': createHash('sha256').update(conf).digest('hex') },
        },
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
  const pdb: PodDisruptionBudget = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: names.nats, namespace: names.namespace, labels: selector },
    spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
  };
  return [configMap, headless, client, statefulSet, pdb];
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
  /** mTLS: the controller's client certificate from the client TLS secret. */
  clientCert?: boolean;
  imagePullPolicy?: Container['imagePullPolicy'];
  port?: number;
  /**
   * A salted digest of the secret values the pod reads (deploy/controller/settings-stamp.ts):
   * env values from a Secret are read at start only, so new ones must roll the pod.
   */
  secretsDigest?: string;
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
    // The kubelet probes the pod IP, so the health endpoints listen on every address.
    { name: 'NATSGH_CONTROLLER_HOST', value: '0.0.0.0' },
    ...(input.jetstreamDomain ? [{ name: 'NATSGH_JS_DOMAIN', value: input.jetstreamDomain }] : []),
    ...Object.entries(input.env).map(([name, value]) => ({ name, value })),
  ];
  const secretEnv: Array<[string, string]> = [
    ['GITHUB_TOKEN', SECRET_KEYS.githubToken],
    ['NATSGH_NATS_TOKEN', SECRET_KEYS.natsToken],
    ['NATSGH_NATS_USER', SECRET_KEYS.natsUser],
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
  if (input.clientCert) {
    volumes.push({
      name: 'nats-client-tls',
      secret: {
        secretName: names.natsClientTlsSecret,
        items: [
          { key: 'tls.crt', path: 'tls.crt' },
          { key: 'tls.key', path: 'tls.key' },
        ],
      },
    });
    volumeMounts.push({ name: 'nats-client-tls', mountPath: '/etc/natsgh/tls-client', readOnly: true });
    env.push(
      { name: 'NATSGH_TLS_CERT', value: '/etc/natsgh/tls-client/tls.crt' },
      { name: 'NATSGH_TLS_KEY', value: '/etc/natsgh/tls-client/tls.key' },
    );
  }
  if (input.secretKeys.includes(SECRET_KEYS.nkeySeed)) {
    volumes.push({
      name: 'nats-nkey',
      secret: {
        secretName: names.secret,
        items: [{ key: SECRET_KEYS.nkeySeed, path: SECRET_KEYS.nkeySeed }],
      },
    });
    volumeMounts.push({ name: 'nats-nkey', mountPath: '/etc/natsgh/nkey', readOnly: true });
    env.push({ name: 'NATSGH_NKEY_FILE', value: `/etc/natsgh/nkey/${SECRET_KEYS.nkeySeed}` });
  }
  if (input.secretKeys.includes(SECRET_KEYS.githubAppKey)) {
    // The App's private key is a file in the pod (a Secret volume), never an env value or an argument.
    volumes.push({
      name: 'github-app-key',
      secret: {
        secretName: names.secret,
        items: [{ key: SECRET_KEYS.githubAppKey, path: 'app-key.pem' }],
      },
    });
    volumeMounts.push({ name: 'github-app-key', mountPath: '/etc/natsgh/github', readOnly: true });
    env.push({ name: 'NATSGH_GITHUB_APP_PRIVATE_KEY_FILE', value: '/etc/natsgh/github/app-key.pem' });
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
        metadata: {
          labels: selector,
          ...(input.secretsDigest
            ? { annotations: { 'natsgh.io/secrets-digest': input.secretsDigest } }
            : {}),
        },
        spec: {
          serviceAccountName: names.controller,
          securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name: 'controller',
              image: input.image,
              ...(input.imagePullPolicy ? { imagePullPolicy: input.imagePullPolicy } : {}),
              args: ['controller', 'run'],
              env,
              ports: [{ name: 'http', containerPort: port }],
              volumeMounts,
              // Up to 2 minutes to connect to NATS and create its streams before liveness counts.
              startupProbe: {
                httpGet: { path: '/healthz', port: 'http' },
                periodSeconds: 2,
                failureThreshold: 60,
              },
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
