// Values for the official `nats` Helm chart (pinned to 1.2.6) and the helm
// command lines natsgh runs: cluster replicas, JetStream file store PVC (size,
// storage class), TLS secret, NATS auth from the natsgh Secret, Prometheus
// exporter, leaf node remote for hybrid. The values file holds no secrets:
// creds are mounted and passwords/tokens come from the natsgh Secret as env.
//
// CHART_SERVICE_PORTS is the one table of the ports chart 1.2.6's client
// Service can render; the port-forward is derived from it (servicePorts), and
// test/unit/provision-k8s-manifests.test.ts checks it against the chart's
// values.yaml (test/fixtures/helm/nats-chart-1.2.6.json).
import { NATS_SERVER_PINNED } from '../system/nats-server-binary.js';
import type { LeafRemote } from './hybrid.js';
import {
  AUTH_ENV,
  authEnv,
  HUB_CREDS_DIR,
  hubFiles,
  type KubeNames,
  type NatsAuthInput,
} from './k8s-manifests.js';

/** The chart natsgh installs, pinned so a re-run installs the same thing. */
export const NATS_CHART = {
  name: 'nats',
  repo: 'https://nats-io.github.io/k8s/helm/charts/',
  version: '1.2.6',
} as const;

export type ChartProtocol =
  | 'nats'
  | 'leafnodes'
  | 'websocket'
  | 'mqtt'
  | 'cluster'
  | 'gateway'
  | 'monitor'
  | 'profiling';

/**
 * Chart 1.2.6's client Service ports, in the chart's order: the default port
 * (`config.<name>.port`), whether `config.<name>.enabled` and
 * `service.ports.<name>.enabled` default to true. The Service renders a port
 * only when both are true (`nats` needs only the Service flag).
 */
export const CHART_SERVICE_PORTS: Record<
  ChartProtocol,
  { port: number; configEnabled: boolean; serviceEnabled: boolean }
> = {
  nats: { port: 4222, configEnabled: true, serviceEnabled: true },
  leafnodes: { port: 7422, configEnabled: false, serviceEnabled: true },
  websocket: { port: 8080, configEnabled: false, serviceEnabled: true },
  mqtt: { port: 1883, configEnabled: false, serviceEnabled: true },
  cluster: { port: 6222, configEnabled: false, serviceEnabled: false },
  gateway: { port: 7222, configEnabled: false, serviceEnabled: false },
  monitor: { port: 8222, configEnabled: true, serviceEnabled: false },
  profiling: { port: 65432, configEnabled: false, serviceEnabled: false },
};

type Values = Record<string, any>;

/**
 * The ports (name -> port) chart 1.2.6 renders on the client Service for
 * these values, following templates/service.yaml: a protocol is there when
 * `service.ports.<p>.enabled` and (p is nats or `config.<p>.enabled`).
 */
export function chartServicePorts(values: Values): Partial<Record<ChartProtocol, number>> {
  const out: Partial<Record<ChartProtocol, number>> = {};
  for (const [p, d] of Object.entries(CHART_SERVICE_PORTS) as Array<
    [ChartProtocol, (typeof CHART_SERVICE_PORTS)[ChartProtocol]]
  >) {
    const config = values.config?.[p] ?? {};
    const configEnabled = config.enabled ?? d.configEnabled;
    const serviceEnabled = values.service?.ports?.[p]?.enabled ?? d.serviceEnabled;
    if (serviceEnabled && (p === 'nats' || configEnabled)) out[p] = config.port ?? d.port;
  }
  return out;
}

export interface NatsChartInput {
  names: KubeNames;
  replicas: number;
  jetstreamDomain?: string;
  storageSize: string;
  storageClassName?: string;
  /** TLS on the client port from the natsgh TLS secret (tls.crt, tls.key, ca.crt). */
  tls?: { verify: boolean };
  leafRemote?: LeafRemote;
  /** Client auth; the values come from the natsgh Secret as env vars, never from the values file. */
  auth?: NatsAuthInput;
  /** nats-server image (repository:tag); default nats:<pinned>-alpine. */
  image?: string;
  imagePullPolicy?: string;
}

/** Splits "registry/repo:tag" (a digest is kept in the tag position as "@sha256:..." is not split). */
export function splitImage(image: string): { repository: string; tag?: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { repository: image.slice(0, at), tag: undefined };
  const colon = image.lastIndexOf(':');
  if (colon > image.lastIndexOf('/'))
    return { repository: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { repository: image };
}

export function natsChartValues(input: NatsChartInput): Values {
  const { names } = input;
  const pvc: Values = { enabled: true, size: input.storageSize };
  if (input.storageClassName) pvc.storageClassName = input.storageClassName;
  const merge: Values = {};
  const config: Values = {
    cluster: { enabled: input.replicas > 1, replicas: input.replicas },
    jetstream: {
      enabled: true,
      fileStore: { enabled: true, pvc },
      ...(input.jetstreamDomain ? { merge: { domain: input.jetstreamDomain } } : {}),
    },
    monitor: { enabled: true, port: 8222 },
    nats: {
      port: 4222,
      tls: input.tls
        ? { enabled: true, secretName: names.natsTlsSecret, merge: { verify: input.tls.verify } }
        : { enabled: false },
    },
  };
  const image = input.image
    ? splitImage(input.image)
    : { repository: 'nats', tag: `${NATS_SERVER_PINNED}-alpine` };
  const container: Values = {
    image: { ...image, ...(input.imagePullPolicy ? { pullPolicy: input.imagePullPolicy } : {}) },
  };
  const values: Values = {
    fullnameOverride: names.nats,
    namespaceOverride: names.namespace,
    config,
    container,
    // The chart leaves the monitor port off the client Service; natsgh forwards it for health checks.
    service: { ports: { monitor: { enabled: true } } },
    promExporter: { enabled: true, port: 7777, podMonitor: { enabled: false } },
    natsBox: { enabled: false },
  };
  if (input.tls) values.tlsCA = { enabled: true, secretName: names.natsTlsSecret, key: 'ca.crt' };
  // `<< $VAR >>` renders an unquoted nats config variable, which nats-server resolves from the environment.
  if (input.auth?.kind === 'token') merge.authorization = { token: `<< $${AUTH_ENV.token} >>` };
  if (input.auth?.kind === 'user') {
    merge.authorization = { user: `<< $${AUTH_ENV.user} >>`, password: `<< $${AUTH_ENV.password} >>` };
  }
  if (input.auth?.kind === 'nkey') merge.authorization = { users: [{ nkey: input.auth.publicKey }] };
  const env = authEnv(input.auth);
  if (env.length > 0) {
    container.env = Object.fromEntries(
      env.map((e) => [e.env, { valueFrom: { secretKeyRef: { name: names.secret, key: e.key } } }]),
    );
  }
  if (input.leafRemote) {
    const hub = hubFiles(input.leafRemote);
    const remote: Values = { urls: hub.remote.urls };
    if (hub.remote.credentials) remote.credentials = hub.remote.credentials;
    if (hub.remote.tls) {
      remote.tls = {
        ...(hub.remote.tls.ca ? { ca_file: hub.remote.tls.ca } : {}),
        ...(hub.remote.tls.cert ? { cert_file: hub.remote.tls.cert } : {}),
        ...(hub.remote.tls.key ? { key_file: hub.remote.tls.key } : {}),
      };
    }
    // No `reconnect`: the default is 1 s, and 2.10 rejects the bare number natsgh used to write.
    merge.leafnodes = { remotes: [remote] };
    if (hub.items.length > 0) {
      values.podTemplate = {
        patch: [
          {
            op: 'add',
            path: '/spec/volumes/-',
            value: { name: 'hub-creds', secret: { secretName: names.secret, items: hub.items } },
          },
        ],
      };
      container.patch = [
        {
          op: 'add',
          path: '/volumeMounts/-',
          value: { name: 'hub-creds', mountPath: HUB_CREDS_DIR, readOnly: true },
        },
      ];
    }
  }
  if (Object.keys(merge).length > 0) config.merge = merge;
  return values;
}

/** `helm upgrade --install` of the pinned chart, waiting for the rollout (the namespace exists already). */
export function helmInstallArgs(names: KubeNames, valuesFile: string, timeout = '5m'): string[] {
  return [
    'upgrade',
    '--install',
    names.nats,
    NATS_CHART.name,
    '--repo',
    NATS_CHART.repo,
    '--version',
    NATS_CHART.version,
    '--namespace',
    names.namespace,
    '-f',
    valuesFile,
    '--wait',
    '--timeout',
    timeout,
  ];
}

export function helmUninstallArgs(names: KubeNames): string[] {
  return ['uninstall', names.nats, '--namespace', names.namespace, '--wait', '--ignore-not-found'];
}
