// The one table of natsgh's configuration: every key with its type, default,
// environment variables, flag and description. Flags, env parsing, validation,
// `natsgh config` and the README reference are all derived from it.
// Kept free of heavy imports: command files load it for --help.

export type KeyType = 'string' | 'int' | 'bool' | 'enum' | 'path' | 'url';

export interface ConfigKey {
  /** Dotted camelCase path in the config object, e.g. "nats.port". */
  path: string;
  type: KeyType;
  values?: readonly string[];
  default?: string | number | boolean;
  /** Environment variables, highest priority first. */
  env: readonly string[];
  /** The flag name without dashes. */
  flag: string;
  description: string;
  /**
   * Secrets come only from env (directly, or from a file `<ENV>_FILE` names) or flags, and are
   * always redacted.
   */
  secret?: boolean;
  /** Extra validation for strings: a regular expression and what it means. */
  pattern?: { re: RegExp; meaning: string };
  min?: number;
  max?: number;
}

/** The variable naming a file that holds a secret key's value: `<ENV>_FILE` (the docker secrets convention). */
export function fileEnvName(name: string): string {
  return `${name}_FILE`;
}

export const MODES = ['dev', 'docker', 'kubernetes'] as const;
export const NATS_TYPES = ['embedded', 'self_hosted', 'self_hosted_cluster', 'synadia', 'hybrid'] as const;
export type Mode = (typeof MODES)[number];
export type NatsType = (typeof NATS_TYPES)[number];

/** Which NATS types each mode supports (DESIGN.md, "Modes and NATS types"). */
export const VALID_COMBINATIONS: Record<Mode, readonly NatsType[]> = {
  dev: ['embedded', 'self_hosted', 'self_hosted_cluster', 'synadia', 'hybrid'],
  docker: ['self_hosted', 'self_hosted_cluster', 'synadia', 'hybrid'],
  kubernetes: ['self_hosted', 'self_hosted_cluster', 'synadia', 'hybrid'],
};

const port = { type: 'int' as const, min: 0, max: 65535 };

/** A byte size (the parser is nats/sizing.ts parseSize). */
const SIZE = {
  re: /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b?|b)?\s*$/i,
  meaning: 'a size such as 64MiB, 1GiB or a number of bytes',
};

/** The sizes of natsgh's streams (nats/sizing.ts): every process that creates streams needs them. */
export const STREAM_SIZE_KEYS = [
  'nats.streamMaxBytes',
  'nats.streams.githubEvents.maxBytes',
  'nats.streams.natsghEvents.maxBytes',
  'nats.streams.checkpoints.maxBytes',
  'nats.streams.locks.maxBytes',
  'nats.streams.deliveries.maxBytes',
] as const;

/** The GitHub settings (API, repository, token or App) of every command that talks to GitHub. */
export const GITHUB_KEYS = [
  'github.apiUrl',
  'github.repo',
  'github.token',
  'github.appId',
  'github.appPrivateKeyFile',
  'github.appInstallationId',
  'github.viaPullRequest',
  'github.actionRef',
] as const;

export const CONFIG_KEYS: readonly ConfigKey[] = [
  {
    path: 'mode',
    type: 'enum',
    values: MODES,
    default: 'dev',
    env: ['NATSGH_MODE'],
    flag: 'mode',
    description: 'Where the controller (and a self-hosted NATS) runs.',
  },
  {
    path: 'natsType',
    type: 'enum',
    values: NATS_TYPES,
    default: 'embedded',
    env: ['NATSGH_NATS_TYPE'],
    flag: 'nats-type',
    description: 'Which NATS to use or stand up.',
  },
  {
    path: 'deployment',
    type: 'string',
    default: 'default',
    env: ['NATSGH_DEPLOYMENT'],
    flag: 'deployment',
    description: 'Name of this deployment; keys, subjects and locks are scoped by it.',
    pattern: {
      re: /^[a-z0-9][a-z0-9_-]{0,62}$/,
      meaning: 'lower-case letters, digits, "-" and "_", starting with a letter or digit (no dots)',
    },
  },
  {
    path: 'org',
    type: 'string',
    env: ['NATSGH_ORG', 'GITHUB_REPOSITORY_OWNER'],
    flag: 'org',
    description: 'GitHub organization whose .github repository natsgh manages.',
    pattern: { re: /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, meaning: 'a GitHub organization login' },
  },
  {
    path: 'outputDir',
    type: 'path',
    env: ['NATSGH_OUTPUT_DIR'],
    flag: 'output-dir',
    description:
      "Local checkout of the org's .github repository to generate files into (default: <state-dir>/github).",
  },
  {
    path: 'stateDir',
    type: 'path',
    default: '.natsgh',
    env: ['NATSGH_STATE_DIR'],
    flag: 'state-dir',
    description: 'Directory for the local journal, lock file, pid and log files, and embedded server data.',
  },
  {
    path: 'namespace',
    type: 'string',
    default: 'natsgh',
    env: ['NATSGH_NAMESPACE'],
    flag: 'namespace',
    description: 'Kubernetes namespace (kubernetes mode).',
    pattern: { re: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, meaning: 'a DNS-1123 label' },
  },
  {
    path: 'nats.url',
    type: 'url',
    env: ['NATSGH_NATS_URL', 'NATS_URL'],
    flag: 'nats-url',
    description:
      'URL(s) of an existing NATS server, comma-separated (self_hosted, synadia; default for synadia: tls://connect.ngs.global).',
  },
  {
    path: 'nats.port',
    ...port,
    default: 4222,
    env: ['NATSGH_NATS_PORT'],
    flag: 'nats-port',
    description: 'Client port of a NATS server natsgh runs.',
  },
  {
    path: 'nats.monitorPort',
    ...port,
    default: 8222,
    env: ['NATSGH_MONITOR_PORT'],
    flag: 'monitor-port',
    description: 'HTTP monitoring port of a NATS server natsgh runs.',
  },
  {
    path: 'nats.clusterPort',
    ...port,
    env: ['NATSGH_CLUSTER_PORT'],
    flag: 'cluster-port',
    description:
      'Route port of the first node of a self_hosted_cluster natsgh runs; node i uses it + i (default: --nats-port + 100).',
  },
  {
    path: 'nats.credsFile',
    type: 'path',
    env: ['SYNADIA_CREDS_FILE', 'NATSGH_CREDS_FILE'],
    flag: 'creds',
    description: 'A .creds file (user JWT + NKey seed) for Synadia Cloud or any operator-mode NATS.',
  },
  {
    path: 'nats.nkeyFile',
    type: 'path',
    env: ['NATSGH_NKEY_FILE'],
    flag: 'nkey-file',
    description:
      'A file holding an NKey user seed (nkey auth; a server natsgh runs then admits only this NKey user).',
  },
  {
    path: 'nats.user',
    type: 'string',
    env: ['NATSGH_NATS_USER'],
    flag: 'nats-user',
    description:
      'User name for user/password auth (a server natsgh runs requires this user; default: generated, see NATS authentication).',
  },
  {
    path: 'nats.password',
    type: 'string',
    secret: true,
    env: ['NATSGH_NATS_PASSWORD'],
    flag: 'nats-password',
    description:
      'Password for user/password auth (env, a file NATSGH_NATS_PASSWORD_FILE names, or flag; applied to a server natsgh runs).',
  },
  {
    path: 'nats.token',
    type: 'string',
    secret: true,
    env: ['NATSGH_NATS_TOKEN'],
    flag: 'nats-token',
    description:
      'Token for token auth (env, a file NATSGH_NATS_TOKEN_FILE names, or flag; applied to a server natsgh runs).',
  },
  {
    path: 'nats.jetstreamDomain',
    type: 'string',
    env: ['NATSGH_JS_DOMAIN'],
    flag: 'js-domain',
    description: 'JetStream domain used by every JetStream and KV call (hybrid default: edge).',
    pattern: { re: /^[A-Za-z0-9_-]+$/, meaning: 'letters, digits, "-" and "_"' },
  },
  {
    path: 'nats.replicas',
    type: 'int',
    default: 3,
    min: 1,
    max: 99,
    env: ['NATSGH_REPLICAS'],
    flag: 'replicas',
    description: 'Number of servers in a self_hosted_cluster (odd, at least 3).',
  },
  {
    path: 'nats.streamMaxBytes',
    type: 'string',
    env: ['NATSGH_STREAM_MAX_BYTES'],
    flag: 'stream-max-bytes',
    description:
      'Cap on the max_bytes of every stream and KV bucket natsgh creates (defaults: 372 MiB in all), for accounts with little JetStream storage.',
    pattern: SIZE,
  },
  {
    path: 'nats.streams.githubEvents.maxBytes',
    type: 'string',
    env: ['NATSGH_GITHUB_EVENTS_MAX_BYTES'],
    flag: 'github-events-max-bytes',
    description: 'max_bytes of GITHUB_EVENTS (default 256MiB); overrides --stream-max-bytes for it.',
    pattern: SIZE,
  },
  {
    path: 'nats.streams.natsghEvents.maxBytes',
    type: 'string',
    env: ['NATSGH_NATSGH_EVENTS_MAX_BYTES'],
    flag: 'natsgh-events-max-bytes',
    description: 'max_bytes of NATSGH_EVENTS (default 64MiB); overrides --stream-max-bytes for it.',
    pattern: SIZE,
  },
  {
    path: 'nats.streams.checkpoints.maxBytes',
    type: 'string',
    env: ['NATSGH_CHECKPOINTS_MAX_BYTES'],
    flag: 'checkpoints-max-bytes',
    description:
      'max_bytes of KV bucket natsgh_checkpoints (default 16MiB); overrides --stream-max-bytes for it.',
    pattern: SIZE,
  },
  {
    path: 'nats.streams.locks.maxBytes',
    type: 'string',
    env: ['NATSGH_LOCKS_MAX_BYTES'],
    flag: 'locks-max-bytes',
    description: 'max_bytes of KV bucket natsgh_locks (default 4MiB); overrides --stream-max-bytes for it.',
    pattern: SIZE,
  },
  {
    path: 'nats.streams.deliveries.maxBytes',
    type: 'string',
    env: ['NATSGH_DELIVERIES_MAX_BYTES'],
    flag: 'deliveries-max-bytes',
    description:
      'max_bytes of KV bucket natsgh_deliveries (default 32MiB); overrides --stream-max-bytes for it.',
    pattern: SIZE,
  },
  {
    path: 'nats.hubUrl',
    type: 'url',
    env: ['NATSGH_HUB_URL'],
    flag: 'hub-url',
    description: 'Hub (or Synadia) leafnode URL a hybrid leaf node connects to.',
  },
  {
    path: 'nats.serverBin',
    type: 'path',
    env: ['NATSGH_NATS_SERVER_BIN'],
    flag: 'nats-server-bin',
    description: 'Path to the nats-server binary to run (default: PATH, then a verified download).',
  },
  {
    path: 'nats.downloadMirror',
    type: 'url',
    env: ['NATSGH_NATS_SERVER_MIRROR'],
    flag: 'nats-server-mirror',
    description: 'Base URL of a mirror of nats-server releases (air-gapped sites).',
  },
  {
    path: 'nats.tls.ca',
    type: 'path',
    env: ['NATSGH_TLS_CA'],
    flag: 'tls-ca',
    description: 'CA certificate (PEM) to verify the NATS server.',
  },
  {
    path: 'nats.tls.cert',
    type: 'path',
    env: ['NATSGH_TLS_CERT'],
    flag: 'tls-cert',
    description: 'Client certificate (PEM) for mTLS.',
  },
  {
    path: 'nats.tls.key',
    type: 'path',
    env: ['NATSGH_TLS_KEY'],
    flag: 'tls-key',
    description: 'Client private key (PEM) for mTLS.',
  },
  {
    path: 'nats.tls.mode',
    type: 'enum',
    values: ['off', 'generate'],
    default: 'off',
    env: ['NATSGH_TLS'],
    flag: 'tls',
    description:
      '"generate" creates a dev CA and server certificate in the state dir for servers natsgh runs.',
  },
  {
    path: 'nats.tls.verify',
    type: 'bool',
    default: false,
    env: ['NATSGH_TLS_VERIFY'],
    flag: 'tls-verify',
    description: 'Require client certificates (mTLS) on servers natsgh runs.',
  },
  {
    path: 'controller.port',
    ...port,
    default: 8080,
    env: ['NATSGH_CONTROLLER_PORT'],
    flag: 'controller-port',
    description: 'Port of the controller /healthz, /readyz and /metrics endpoints.',
  },
  {
    path: 'controller.image',
    type: 'string',
    env: ['NATSGH_CONTROLLER_IMAGE'],
    flag: 'controller-image',
    description:
      'Controller container image (docker, kubernetes); default: the image the release workflow publishes for this version.',
  },
  {
    path: 'controller.imagePullPolicy',
    type: 'enum',
    values: ['Always', 'IfNotPresent', 'Never'],
    env: ['NATSGH_IMAGE_PULL_POLICY'],
    flag: 'image-pull-policy',
    description: 'Pull policy of the images natsgh runs on Kubernetes (default: the cluster default).',
  },
  {
    path: 'nats.image',
    type: 'string',
    env: ['NATSGH_NATS_IMAGE'],
    flag: 'nats-image',
    description:
      'nats-server container image (docker, kubernetes), e.g. a registry mirror of nats:<version>-alpine.',
  },
  {
    path: 'controller.loadImage',
    type: 'string',
    env: ['NATSGH_LOAD_IMAGE'],
    flag: 'load-image',
    description:
      'kubernetes: build the controller image here and load it into a kind cluster ("kind" or "kind:<cluster>") instead of pulling it.',
    pattern: { re: /^kind(:[a-z0-9][a-z0-9.-]*)?$/, meaning: '"kind" or "kind:<cluster name>"' },
  },
  {
    path: 'controller.imageRegistry',
    type: 'string',
    env: ['NATSGH_IMAGE_REGISTRY'],
    flag: 'image-registry',
    description:
      'kubernetes: build the controller image here and push it to this registry (e.g. registry.example.com:5000/team) for clusters that cannot pull the published one.',
    pattern: {
      re: /^[a-z0-9][a-z0-9.:-]*(\/[a-z0-9._-]+)*$/,
      meaning: 'a registry host[:port][/path], lower case',
    },
  },
  {
    path: 'nats.storageClass',
    type: 'string',
    env: ['NATSGH_STORAGE_CLASS'],
    flag: 'storage-class',
    description: "kubernetes: storage class of the JetStream volumes (default: the cluster's default class).",
    pattern: { re: /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, meaning: 'a storage class name (DNS subdomain)' },
  },
  {
    path: 'nats.jetstreamStorage',
    type: 'string',
    default: '10Gi',
    env: ['NATSGH_JETSTREAM_STORAGE'],
    flag: 'jetstream-storage',
    description: 'kubernetes: size of each JetStream volume (PVC), a Kubernetes quantity such as 10Gi.',
    pattern: {
      re: /^[1-9][0-9]*(Ki|Mi|Gi|Ti|Pi|K|M|G|T|P)?$/,
      meaning: 'a Kubernetes quantity such as 10Gi or 500Mi',
    },
  },
  {
    path: 'github.apiUrl',
    type: 'url',
    default: 'https://api.github.com',
    env: ['GITHUB_API_URL'],
    flag: 'github-api-url',
    description: 'GitHub API base URL (GitHub Enterprise Server: https://HOST/api/v3).',
  },
  {
    path: 'github.repo',
    type: 'string',
    default: '.github',
    env: ['NATSGH_GITHUB_REPO'],
    flag: 'github-repo',
    description: 'Name of the repository natsgh generates files into.',
  },
  {
    path: 'github.token',
    type: 'string',
    secret: true,
    env: ['GITHUB_TOKEN', 'GH_TOKEN'],
    flag: 'github-token',
    description:
      'GitHub token (classic or fine-grained) (env, a file GITHUB_TOKEN_FILE or GH_TOKEN_FILE names, or flag).',
  },
  {
    path: 'github.appId',
    type: 'string',
    env: ['NATSGH_GITHUB_APP_ID'],
    flag: 'github-app-id',
    description: 'GitHub App id (instead of a token).',
  },
  {
    path: 'github.appPrivateKeyFile',
    type: 'path',
    env: ['NATSGH_GITHUB_APP_PRIVATE_KEY_FILE'],
    flag: 'github-app-key',
    description: "Path to the GitHub App's private key (PEM).",
  },
  {
    path: 'github.appInstallationId',
    type: 'string',
    env: ['NATSGH_GITHUB_APP_INSTALLATION_ID'],
    flag: 'github-app-installation',
    description: 'Installation id of the GitHub App in the org.',
  },
  {
    path: 'github.viaPullRequest',
    type: 'bool',
    default: false,
    env: ['NATSGH_GITHUB_VIA_PULL_REQUEST'],
    flag: 'via-pull-request',
    description:
      'Commit generated files to the branch natsgh/regenerate and open (or keep) one pull request, instead of pushing to the default branch (for protected branches).',
  },
  {
    path: 'github.actionRef',
    type: 'string',
    env: ['NATSGH_ACTION_REF'],
    flag: 'action-ref',
    description:
      "The natsgh GitHub Action generated workflows run (`uses:`), e.g. acme/natsgh@v1.2.0 (default: package.json's repository at this version's tag).",
    pattern: {
      re: /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_./-]+)?@[A-Za-z0-9_./-]+$/,
      meaning: 'OWNER/REPO[/PATH]@REF',
    },
  },
  {
    path: 'webhook.port',
    ...port,
    default: 8090,
    env: ['NATSGH_WEBHOOK_PORT'],
    flag: 'webhook-port',
    description: 'Port of `natsgh webhook serve`.',
  },
  {
    path: 'webhook.secret',
    type: 'string',
    secret: true,
    env: ['NATSGH_WEBHOOK_SECRET'],
    flag: 'webhook-secret',
    description:
      'Webhook secret(s), comma-separated for rotation (env, a file NATSGH_WEBHOOK_SECRET_FILE names, or flag).',
  },
];

export const KEYS_BY_PATH: ReadonlyMap<string, ConfigKey> = new Map(CONFIG_KEYS.map((k) => [k.path, k]));
export const KEYS_BY_FLAG: ReadonlyMap<string, ConfigKey> = new Map(CONFIG_KEYS.map((k) => [k.flag, k]));

/** The resolved configuration. */
export interface NatsghConfig {
  mode: Mode;
  natsType: NatsType;
  deployment: string;
  org?: string;
  outputDir: string;
  stateDir: string;
  namespace: string;
  nats: {
    url?: string;
    port: number;
    monitorPort: number;
    clusterPort?: number;
    credsFile?: string;
    nkeyFile?: string;
    user?: string;
    password?: string;
    token?: string;
    jetstreamDomain?: string;
    replicas: number;
    hubUrl?: string;
    streamMaxBytes?: string;
    streams?: Partial<
      Record<'githubEvents' | 'natsghEvents' | 'checkpoints' | 'locks' | 'deliveries', { maxBytes?: string }>
    >;
    serverBin?: string;
    image?: string;
    storageClass?: string;
    jetstreamStorage: string;
    downloadMirror?: string;
    tls: { ca?: string; cert?: string; key?: string; mode: 'off' | 'generate'; verify: boolean };
  };
  controller: {
    port: number;
    image?: string;
    imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
    loadImage?: string;
    imageRegistry?: string;
  };
  github: {
    apiUrl: string;
    repo: string;
    token?: string;
    appId?: string;
    appPrivateKeyFile?: string;
    appInstallationId?: string;
    viaPullRequest: boolean;
    actionRef?: string;
  };
  webhook: { port: number; secret?: string };
}
