// The controller's settings, built once for every mode: which of the
// bootstrap's resolved settings the controller acts on, as its environment
// variables. Secret values are kept apart, so each adapter hands them over its
// own way and never in argv: dev puts them in the process environment, docker
// in owner-only files of the controller's mounted files directory that
// `<ENV>_FILE` variables name (config/load.ts reads them), kubernetes in the
// natsgh Secret (secretKeyRef).
import {
  CONFIG_KEYS,
  fileEnvName,
  GITHUB_KEYS,
  type NatsghConfig,
  STREAM_SIZE_KEYS,
} from '../../config/keys.js';
import { InternalError } from '../../errors.js';
import type { NatsConnectionSpec } from '../../nats/connect.js';

/**
 * Settings of the bootstrap's resolved configuration the controller acts on,
 * besides the connection: given as flags to the bootstrap they would otherwise
 * never reach it (it would run without GitHub credentials, or for any org).
 */
export const CONTROLLER_SETTINGS = [
  'org',
  ...GITHUB_KEYS,
  'webhook.port',
  'webhook.secret',
  'nats.replicas',
  // The controller creates natsgh's streams too: with the bootstrap's sizes, or it would not fit the account.
  ...STREAM_SIZE_KEYS,
] as const;

/** Files a container gets as a mounted copy (a host path means nothing inside it). */
const FILE_SETTINGS: ReadonlySet<string> = new Set(['github.appPrivateKeyFile']);

function settingAt(config: NatsghConfig, path: string): string | undefined {
  let v: unknown = config;
  for (const part of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

function keyOf(path: string) {
  const key = CONFIG_KEYS.find((k) => k.path === path);
  if (!key) throw new InternalError(`no configuration key ${path}`);
  return key;
}

/**
 * The client credentials the servers natsgh runs in a container require (the
 * controller gets the same); Synadia authenticates with its creds file instead.
 */
export function natsAuth(config: NatsghConfig): { user?: string; password?: string; token?: string } {
  if (config.natsType === 'synadia') return {};
  const n = config.nats;
  if (n.token) return { token: n.token };
  if (n.user && n.password) return { user: n.user, password: n.password };
  return {};
}

/**
 * The non-secret CONTROLLER_SETTINGS (and the NATS type) by key path: what the
 * deploy-controller phase hashes, so that any change of them redeploys the
 * controller. Secrets are left out (a change of those is found by verify).
 */
export function controllerSettingsInputs(config: NatsghConfig): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { natsType: config.natsType };
  for (const path of CONTROLLER_SETTINGS) if (!keyOf(path).secret) out[path] = settingAt(config, path);
  return out;
}

export interface ControllerSettingsEnv {
  /** Non-secret values by environment variable (org, GitHub repo/API/App ids, webhook port, sizes). */
  plain: Record<string, string>;
  /** Secret values by environment variable (GitHub token, webhook secret). */
  secret: Record<string, string>;
}

/**
 * CONTROLLER_SETTINGS as environment values of a controller in a container
 * (docker, kubernetes): file settings are left to the adapter (it mounts a
 * copy), and the NATS type is named only where it changes what the controller
 * does (a cluster's replicas), as a container has none of the rest of the
 * NATS configuration to make a type valid.
 */
export function controllerSettingsEnv(config: NatsghConfig): ControllerSettingsEnv {
  const plain: Record<string, string> = {};
  const secret: Record<string, string> = {};
  for (const path of CONTROLLER_SETTINGS) {
    if (FILE_SETTINGS.has(path) || path === 'nats.replicas') continue;
    const value = settingAt(config, path);
    if (value === undefined) continue;
    const key = keyOf(path);
    (key.secret ? secret : plain)[key.env[0]] = value;
  }
  if (config.natsType === 'self_hosted_cluster') {
    // The controller creates its streams and buckets with the cluster's replicas from the start.
    plain[keyOf('natsType').env[0]] = config.natsType;
    plain[keyOf('nats.replicas').env[0]] = String(config.nats.replicas);
  }
  return { plain, secret };
}

/**
 * The secret environment of a controller in a container: the settings' secrets
 * and the credentials of the NATS natsgh runs, by environment variable. Docker
 * passes these to `docker compose` (never in compose.yaml); kubernetes names
 * them as secretKeyRefs into the natsgh Secret.
 */
export function controllerSecretEnv(config: NatsghConfig): Record<string, string> {
  const out = { ...controllerSettingsEnv(config).secret };
  const auth = natsAuth(config);
  if (auth.token) out[keyOf('nats.token').env[0]] = auth.token;
  if (auth.user) out[keyOf('nats.user').env[0]] = auth.user;
  if (auth.password) out[keyOf('nats.password').env[0]] = auth.password;
  return out;
}

/** A secret key's file in a docker controller's files directory: github.token -> github-token. */
function secretFileName(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/\./g, '-');
}

/** Every name a secret's file can have in a docker controller's files directory (teardown removes them). */
export const CONTROLLER_SECRET_FILE_NAMES: readonly string[] = CONFIG_KEYS.filter((k) => k.secret).map((k) =>
  secretFileName(k.path),
);

/** One secret of a docker controller: a file in its files directory that `<env>_FILE` names. */
export interface ControllerSecretFile {
  /** The key's environment variable; the container gets `${env}_FILE`. */
  env: string;
  /** The file's name in the controller's files directory, by key: github-token, nats-password. */
  file: string;
  value: string;
}

/**
 * controllerSecretEnv for a controller in a docker container: every secret key's
 * value as a file (so compose.yaml and the container's configuration, which
 * `docker inspect` shows, hold none), and what is not a secret key (the NATS user
 * name) as a plain value.
 */
export function controllerSecretFiles(config: NatsghConfig): {
  files: ControllerSecretFile[];
  plain: Record<string, string>;
} {
  const files: ControllerSecretFile[] = [];
  const plain: Record<string, string> = {};
  for (const [env, value] of Object.entries(controllerSecretEnv(config))) {
    const key = CONFIG_KEYS.find((k) => k.env[0] === env);
    if (!key) throw new InternalError(`no configuration key reads ${env}`);
    if (!key.secret) {
      plain[env] = value;
      continue;
    }
    files.push({ env, file: secretFileName(key.path), value });
  }
  return { files, plain };
}

/** Non-secret settings the controller container gets as plain environment values. */
export function controllerPlainEnv(config: NatsghConfig): Record<string, string> {
  return controllerSettingsEnv(config).plain;
}

/**
 * The environment of a controller natsgh runs as a process on this host (dev
 * mode): the connection as `spec` names it and every CONTROLLER_SETTINGS value,
 * secrets included (they stay out of its argv; /proc/<pid>/environ is readable
 * by its owner only). Every alias of each key (and a secret's `<ENV>_FILE`) is
 * cleared, so a variable the user exported cannot outrank the value natsgh chose.
 */
export function controllerProcessEnv(
  spec: NatsConnectionSpec,
  config?: NatsghConfig,
): Record<string, string> {
  const byPath: Record<string, string | undefined> = {
    ...(config ? Object.fromEntries(CONTROLLER_SETTINGS.map((p) => [p, settingAt(config, p)])) : {}),
    ...(config ? { mode: config.mode, natsType: config.natsType } : {}),
    'nats.url': spec.servers.join(','),
    'nats.credsFile': spec.credsFile,
    'nats.nkeyFile': spec.nkeyFile,
    'nats.user': spec.user,
    'nats.password': spec.password,
    'nats.token': spec.token,
    'nats.tls.ca': spec.tls?.ca,
    'nats.tls.cert': spec.tls?.cert,
    'nats.tls.key': spec.tls?.key,
    'nats.jetstreamDomain': spec.jetstreamDomain,
  };
  const env: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    if (!(key.path in byPath)) continue;
    const value = byPath[key.path];
    for (const name of key.env) {
      env[name] = '';
      // A secret file the user's environment names would stand in for a value natsgh leaves unset.
      if (key.secret) env[fileEnvName(name)] = '';
    }
    if (value) env[key.env[0]] = value;
  }
  return env;
}
