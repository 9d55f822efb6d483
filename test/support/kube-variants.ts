// The NATS inputs the Kubernetes tests render in every variant: the chart
// values, the fallback objects and the fallback nats.conf (checked by the real
// nats-server) are all exercised over the same list.
import { createUser } from '@nats-io/nkeys';
import type { NatsManifestInput } from '../../src/provision/k8s-manifests.js';

export const NATS_VARIANTS: Array<[string, Omit<NatsManifestInput, 'names' | 'deployment'>]> = [
  ['single server', { replicas: 1, storageSize: '10Gi' }],
  [
    'cluster, TLS with client certificates, user/password, storage class',
    {
      replicas: 3,
      storageSize: '20Gi',
      storageClassName: 'fast',
      jetstreamDomain: 'core',
      tls: { verify: true },
      auth: { kind: 'user' },
      imagePullPolicy: 'IfNotPresent',
      image: 'registry.example.com/mirror/nats:2.10.24-alpine',
    },
  ],
  ['token auth', { replicas: 3, storageSize: '10Gi', auth: { kind: 'token' } }],
  [
    'NKey auth',
    { replicas: 3, storageSize: '10Gi', auth: { kind: 'nkey', publicKey: createUser().getPublicKey() } },
  ],
  [
    'hybrid leaf with hub creds and hub TLS files',
    {
      replicas: 1,
      storageSize: '1Gi',
      jetstreamDomain: 'edge',
      leafRemote: {
        urls: ['tls://connect.ngs.global:7422'],
        credentials: '/home/me/hub.creds',
        tls: { ca: '/home/me/hub-ca.pem', cert: '/home/me/leaf.pem', key: '/home/me/leaf-key.pem' },
      },
    },
  ],
];
