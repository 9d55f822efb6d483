// Values for the official `nats` Helm chart (1.x schema) and the helm command
// lines natsgh runs: cluster replicas, JetStream file store PVC (size, storage
// class), TLS secret, Prometheus exporter, leaf node remote for hybrid. The
// values file holds no secrets: creds are mounted from the natsgh Secret.
import { NATS_SERVER_PINNED } from '../system/nats-server-binary.js';
import type { LeafRemote } from './hybrid.js';
import { HUB_CREDS_DIR, type KubeNames, SECRET_KEYS } from './k8s-manifests.js';

/** The chart natsgh installs, pinned so a re-run installs the same thing. */
export const NATS_CHART = {
  name: 'nats',
  repo: 'https://nats-io.github.io/k8s/helm/charts/',
  version: '1.2.6',
} as const;

export interface NatsChartInput {
  names: KubeNames;
  replicas: number;
  jetstreamDomain?: string;
  storageSize: string;
  storageClassName?: string;
  /** TLS on the client port from the natsgh TLS secret (tls.crt, tls.key, ca.crt). */
  tls?: { verify: boolean };
  leafRemote?: LeafRemote;
}

export function natsChartValues(input: NatsChartInput): Record<string, unknown> {
  const { names } = input;
  const pvc: Record<string, unknown> = { enabled: true, size: input.storageSize };
  if (input.storageClassName) pvc.storageClassName = input.storageClassName;
  const config: Record<string, unknown> = {
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
  const values: Record<string, unknown> = {
    fullnameOverride: names.nats,
    namespaceOverride: names.namespace,
    config,
    container: { image: { repository: 'nats', tag: `${NATS_SERVER_PINNED}-alpine` } },
    promExporter: { enabled: true, port: 7777, podMonitor: { enabled: false } },
    natsBox: { enabled: false },
  };
  if (input.tls) values.tlsCA = { enabled: true, secretName: names.natsTlsSecret, key: 'ca.crt' };
  if (input.leafRemote) {
    const remote: Record<string, unknown> = { urls: input.leafRemote.urls };
    if (input.leafRemote.credentials) remote.credentials = `${HUB_CREDS_DIR}/${SECRET_KEYS.creds}`;
    config.merge = { leafnodes: { reconnect: 1, remotes: [remote] } };
    if (input.leafRemote.credentials) {
      values.podTemplate = {
        patch: [
          {
            op: 'add',
            path: '/spec/volumes/-',
            value: {
              name: 'hub-creds',
              secret: {
                secretName: names.secret,
                items: [{ key: SECRET_KEYS.creds, path: SECRET_KEYS.creds }],
              },
            },
          },
        ],
      };
      (values.container as Record<string, unknown>).patch = [
        {
          op: 'add',
          path: '/volumeMounts/-',
          value: { name: 'hub-creds', mountPath: HUB_CREDS_DIR, readOnly: true },
        },
      ];
    }
  }
  return values;
}

/** `helm upgrade --install` of the pinned chart, waiting for the rollout. */
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
    '--create-namespace',
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
