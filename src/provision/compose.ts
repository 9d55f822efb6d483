// Renders the docker-mode files (pure): compose.yaml with the nats service(s)
// (JetStream volume, /healthz health check, monitoring port) and the controller
// (built from the project's Dockerfile under a tag derived from natsgh's version
// and build inputs, or the image the user named), plus one nats-server config
// per service. Secrets never appear in these files: the servers' authorization
// is an owner-only file beside them (auth.conf), TLS and creds files are copies
// natsgh prepares for the containers, and the controller's tokens and passwords
// are owner-only files in its mounted files directory, named to it by
// `<ENV>_FILE` variables.
import { stringify } from 'yaml';
import { fileEnvName, type NatsghConfig } from '../config/keys.js';
import { NATS_SERVER_PINNED } from '../system/nats-server-binary.js';
import { type LeafRemote, renderLeafnodesBlock } from './hybrid.js';

export { PROJECT_ROOT } from './docker-image.js';

/** The official nats image natsgh runs; alpine because the health check needs wget. */
export const NATS_IMAGE = `nats:${NATS_SERVER_PINNED}-alpine`;
/** Where files are mounted inside the containers. */
/** The GitHub App private key's name in the controller's files directory. */
export const GITHUB_APP_KEY_FILE = 'github-app-key.pem';

export const CONTAINER_PATHS = {
  natsConfig: '/etc/nats/nats.conf',
  natsTls: '/etc/nats/tls',
  store: '/data',
  hubCreds: '/etc/nats/hub.creds',
  hubTls: '/etc/nats/hub-tls',
  natsAuth: '/etc/nats/auth.conf',
  /** The controller's copies (ca.pem, client.pem, client-key.pem, nats.creds, its secrets' files). */
  controllerFiles: '/etc/natsgh/files',
  controllerState: '/var/lib/natsgh',
} as const;

/** The name, inside the docker dir, of the owner-only file holding the servers' authorization block. */
export const NATS_AUTH_FILE = 'auth.conf';

export interface ComposeInput {
  deployment: string;
  natsType: NatsghConfig['natsType'];
  /** Servers in a self_hosted_cluster (1 otherwise). */
  replicas: number;
  /** Host ports: node i gets port + i and monitorPort + i. */
  port: number;
  monitorPort: number;
  controllerPort: number;
  jetstreamDomain?: string;
  /** nats-server image (default NATS_IMAGE; --nats-image). */
  natsImage?: string;
  /**
   * Host directory of the servers' TLS copies (ca.pem, server.pem, server-key.pem; never the CA's
   * key), when TLS is on.
   */
  tlsDir?: string;
  tlsVerify?: boolean;
  /** The servers require the deployment's credentials: nats.conf includes auth.conf (owner-only, beside it). */
  natsAuth?: boolean;
  /** Host directory of the controller's copies (ca.pem, client cert and key, nats.creds, secrets). */
  controllerFilesDir?: string;
  /** The controller's image; built from buildContext when `build` is set, else used as given. */
  controllerImage: string;
  build?: { context: string; labels: Record<string, string> };
  /** compose pull_policy of the controller image when it is not built (from controller.imagePullPolicy). */
  pullPolicy?: 'always' | 'missing' | 'never';
  /** uid:gid the controller runs as (one that can read controllerFilesDir); image default when unset. */
  controllerUser?: { uid: number; gid: number };
  /** hybrid: the hub link; `credentials` is the HOST path of the creds file (mounted read-only). */
  leafRemote?: LeafRemote;
  /** synadia: URL(s) the controller connects to; whether its creds are in controllerFilesDir. */
  externalUrl?: string;
  credsFile?: boolean;
  /** Whether the GitHub App's private key is in controllerFilesDir (github-app-key.pem). */
  githubAppKey?: boolean;
  /**
   * Salted digests of the files mounted into the nats services and into the controller: compose
   * recreates a container only when its definition changes, not when a mounted file does, so a
   * changed nats.conf, password or certificate shows up here as a changed label.
   */
  filesDigest?: { nats: string; controller: string };
  /** Config values of the controller that are not secrets (org, repo, API URL). */
  controllerEnv: Record<string, string>;
  /**
   * The controller's secrets: environment variable -> the name of the file in controllerFilesDir
   * holding its value; the container gets `<NAME>_FILE=/etc/natsgh/files/<file>`, never the value.
   */
  secretFiles: Record<string, string>;
}

export interface RenderedCompose {
  /** compose.yaml text. */
  compose: string;
  /** The object behind it (tests and validation). */
  document: ComposeDocument;
  /** Extra files to write beside compose.yaml: name -> text. */
  files: Record<string, string>;
  natsServices: string[];
}

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; labels?: Record<string, string> };
  pull_policy?: string;
  tmpfs?: string[];
  labels?: Record<string, string>;
  command?: string[];
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number; start_period: string };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  user?: string;
}

export interface ComposeDocument {
  name: string;
  services: Record<string, ComposeService>;
  volumes: Record<string, Record<string, never>>;
}

export function composeProjectName(deployment: string): string {
  return `natsgh-${deployment}`;
}

export function natsServiceNames(input: Pick<ComposeInput, 'natsType' | 'replicas'>): string[] {
  if (input.natsType === 'synadia') return [];
  if (input.natsType === 'self_hosted_cluster') {
    return Array.from({ length: input.replicas }, (_, i) => `nats-${i + 1}`);
  }
  return ['nats'];
}

function renderNatsConfig(input: ComposeInput, name: string, services: string[]): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    `# nats-server configuration for compose service ${name} (natsgh deployment ${input.deployment}).`,
    '# natsgh rewrites this file on every bootstrap.',
    `server_name: ${q(name)}`,
    'port: 4222',
    'http: 8222',
    'jetstream {',
    `  store_dir: ${q(`${CONTAINER_PATHS.store}/jetstream`)}`,
  ];
  if (input.jetstreamDomain) lines.push(`  domain: ${q(input.jetstreamDomain)}`);
  lines.push('}');
  if (input.natsAuth) {
    // The credentials live in an owner-only file beside this one (include paths are relative to it).
    lines.push('authorization {', `  include ${q(NATS_AUTH_FILE)}`, '}');
  }
  if (input.tlsDir) {
    lines.push(
      'tls {',
      `  cert_file: ${q(`${CONTAINER_PATHS.natsTls}/server.pem`)}`,
      `  key_file: ${q(`${CONTAINER_PATHS.natsTls}/server-key.pem`)}`,
      `  ca_file: ${q(`${CONTAINER_PATHS.natsTls}/ca.pem`)}`,
      `  verify: ${input.tlsVerify ? 'true' : 'false'}`,
      '  timeout: 2',
      '}',
    );
  }
  if (services.length > 1) {
    lines.push(
      'cluster {',
      `  name: ${q(`natsgh-${input.deployment}`)}`,
      '  listen: "0.0.0.0:6222"',
      '  routes: [',
      ...services.map((s) => `    ${q(`nats-route://${s}:6222`)}`),
      '  ]',
      '}',
    );
  }
  if (input.leafRemote) lines.push(renderLeafnodesBlock(input.leafRemote).trimEnd());
  return `${lines.join('\n')}\n`;
}

export function renderCompose(input: ComposeInput): RenderedCompose {
  const services: Record<string, ComposeService> = {};
  const volumes: Record<string, Record<string, never>> = {};
  const files: Record<string, string> = {};
  const natsServices = natsServiceNames(input);
  const scheme = input.tlsDir ? 'tls' : 'nats';

  natsServices.forEach((name, i) => {
    const confName = `${name}.conf`;
    const hubTls = input.leafRemote?.tls;
    const leafRemote = input.leafRemote
      ? {
          ...input.leafRemote,
          credentials: input.leafRemote.credentials ? CONTAINER_PATHS.hubCreds : undefined,
          tls: hubTls
            ? {
                ca: hubTls.ca ? `${CONTAINER_PATHS.hubTls}/ca.pem` : undefined,
                cert: hubTls.cert ? `${CONTAINER_PATHS.hubTls}/cert.pem` : undefined,
                key: hubTls.key ? `${CONTAINER_PATHS.hubTls}/key.pem` : undefined,
              }
            : undefined,
        }
      : undefined;
    files[confName] = renderNatsConfig({ ...input, leafRemote }, name, natsServices);
    const mounts = [
      `./${confName}:${CONTAINER_PATHS.natsConfig}:ro`,
      `${name}-data:${CONTAINER_PATHS.store}`,
    ];
    if (input.natsAuth) mounts.push(`./${NATS_AUTH_FILE}:${CONTAINER_PATHS.natsAuth}:ro`);
    if (input.tlsDir) mounts.push(`${input.tlsDir}:${CONTAINER_PATHS.natsTls}:ro`);
    if (input.leafRemote?.credentials)
      mounts.push(`${input.leafRemote.credentials}:${CONTAINER_PATHS.hubCreds}:ro`);
    for (const [file, as] of [
      [hubTls?.ca, 'ca.pem'],
      [hubTls?.cert, 'cert.pem'],
      [hubTls?.key, 'key.pem'],
    ] as const) {
      if (file) mounts.push(`${file}:${CONTAINER_PATHS.hubTls}/${as}:ro`);
    }
    volumes[`${name}-data`] = {};
    services[name] = {
      image: input.natsImage ?? NATS_IMAGE,
      command: ['-c', CONTAINER_PATHS.natsConfig],
      ports: [`127.0.0.1:${input.port + i}:4222`, `127.0.0.1:${input.monitorPort + i}:8222`],
      volumes: mounts,
      healthcheck: {
        test: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8222/healthz?js-enabled-only=true'],
        interval: '5s',
        timeout: '3s',
        retries: 12,
        start_period: '5s',
      },
      restart: 'unless-stopped',
      ...(input.filesDigest ? { labels: { 'io.natsgh.files': input.filesDigest.nats } } : {}),
    };
  });

  const env: Record<string, string> = {
    NATSGH_DEPLOYMENT: input.deployment,
    NATSGH_CONTROLLER_PORT: '8080',
    ...input.controllerEnv,
  };
  env.NATSGH_NATS_URL =
    input.natsType === 'synadia'
      ? (input.externalUrl ?? 'tls://connect.ngs.global')
      : natsServices.map((s) => `${scheme}://${s}:4222`).join(',');
  if (input.jetstreamDomain) env.NATSGH_JS_DOMAIN = input.jetstreamDomain;
  const mounted = CONTAINER_PATHS.controllerFiles;
  for (const [name, file] of Object.entries(input.secretFiles)) env[fileEnvName(name)] = `${mounted}/${file}`;
  if (input.tlsDir) {
    env.NATSGH_TLS_CA = `${mounted}/ca.pem`;
    if (input.tlsVerify) {
      env.NATSGH_TLS_CERT = `${mounted}/client.pem`;
      env.NATSGH_TLS_KEY = `${mounted}/client-key.pem`;
    }
  }
  // The leaf in hybrid holds the JetStream the controller uses; synadia's creds go to the controller itself.
  if (input.natsType === 'synadia' && input.credsFile) env.NATSGH_CREDS_FILE = `${mounted}/nats.creds`;
  // The App's private key is a mounted owner-only file, never an environment value.
  if (input.githubAppKey) env.NATSGH_GITHUB_APP_PRIVATE_KEY_FILE = `${mounted}/${GITHUB_APP_KEY_FILE}`;
  const user = input.controllerUser;
  const controller: ComposeService = {
    image: input.controllerImage,
    ...(input.build
      ? { build: { context: input.build.context, dockerfile: 'Dockerfile', labels: input.build.labels } }
      : input.pullPolicy
        ? { pull_policy: input.pullPolicy }
        : {}),
    command: ['controller', 'run'],
    environment: env,
    ports: [`127.0.0.1:${input.controllerPort}:8080`],
    ...(user ? { user: `${user.uid}:${user.gid}` } : {}),
    // Its event queue, writable whatever uid it runs as (the image's own directory belongs to "node").
    tmpfs: [`${CONTAINER_PATHS.controllerState}${user ? `:uid=${user.uid},gid=${user.gid},mode=0700` : ''}`],
    healthcheck: {
      test: [
        'CMD',
        'node',
        '-e',
        "fetch('http://127.0.0.1:8080/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))",
      ],
      interval: '10s',
      timeout: '3s',
      retries: 6,
      start_period: '10s',
    },
    restart: 'unless-stopped',
    ...(input.filesDigest ? { labels: { 'io.natsgh.files': input.filesDigest.controller } } : {}),
  };
  if (input.controllerFilesDir) controller.volumes = [`${input.controllerFilesDir}:${mounted}:ro`];
  if (natsServices.length > 0) {
    controller.depends_on = Object.fromEntries(
      natsServices.map((s) => [s, { condition: 'service_healthy' }]),
    );
  }
  services.controller = controller;

  const document: ComposeDocument = {
    name: composeProjectName(input.deployment),
    services,
    volumes,
  };
  const header = `# Written by natsgh for deployment ${input.deployment}; rewritten on every bootstrap.\n# Secrets are not in this file: they are owner-only files beside it.\n`;
  return { compose: header + stringify(document, { lineWidth: 0 }), document, files, natsServices };
}

/** The servers' authorization block body (auth.conf): user + password, or a token. Secret: written owner-only. */
export function renderNatsAuth(auth: {
  user?: string;
  password?: string;
  token?: string;
}): string | undefined {
  const q = (s: string) => JSON.stringify(s);
  if (auth.token) return `token: ${q(auth.token)}\n`;
  if (auth.user && auth.password) return `user: ${q(auth.user)}\npassword: ${q(auth.password)}\n`;
  return undefined;
}
