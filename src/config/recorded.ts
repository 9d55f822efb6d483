// A deployment's recorded settings: the resolved, non-secret configuration a
// bootstrap ran with (and what it started), kept beside the checkpoints in the
// state dir (<stateDir>/settings/<deployment>.json) and in KV natsgh_checkpoints
// (<deployment>.settings). Every later command starts from the state dir's copy
// (one local file read, no round trip); the KV copy is the record a fresh
// machine compares against. Secrets are never recorded.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_KEYS, type ConfigKey, type NatsghConfig } from './keys.js';

export const SETTINGS_SCHEMA = 1;

/** Keys never recorded: secrets, where the record itself lives, and credentials natsgh may generate. */
const NOT_RECORDED = new Set(['stateDir', 'deployment', 'nats.user']);

/** The keys a record holds. */
export const RECORDED_KEYS: readonly ConfigKey[] = CONFIG_KEYS.filter(
  (k) => !k.secret && !NOT_RECORDED.has(k.path),
);

/**
 * Settings of something natsgh runs (a server, the controller, where they
 * listen): a later command that reads another value than the recorded one
 * talks to something that is not there, so it says so.
 */
export const RUNTIME_KEYS: ReadonlySet<string> = new Set([
  'mode',
  'natsType',
  'namespace',
  'nats.url',
  'nats.port',
  'nats.monitorPort',
  'nats.clusterPort',
  'nats.replicas',
  'nats.jetstreamDomain',
  'nats.hubUrl',
  'nats.tls.mode',
  'nats.tls.verify',
  'controller.port',
]);

/** What natsgh started for the deployment (processes, containers, releases), by kind. */
export interface StartedThing {
  kind: 'nats-server' | 'controller' | 'compose' | 'helm' | 'kubernetes';
  /** Server name, service or release; "" when there is one of its kind. */
  name: string;
  /** Where it listens or is reached, when it has an address. */
  address?: string;
}

/**
 * What a run leaves running, from the settings and the phases that are done:
 * NATS when natsgh provisions it (not Synadia or a server you run), and the
 * controller (a process in dev mode, a service of the NATS deployment otherwise).
 */
export function startedThings(
  config: NatsghConfig,
  done: { nats?: { servers: string[]; provisionerKind: string }; controller: boolean },
): StartedThing[] {
  const out: StartedThing[] = [];
  const kind: StartedThing['kind'] =
    config.mode === 'dev' ? 'nats-server' : config.mode === 'docker' ? 'compose' : 'kubernetes';
  if (done.nats) out.push({ kind, name: done.nats.provisionerKind, address: done.nats.servers.join(',') });
  if (done.controller) {
    out.push({
      kind: config.mode === 'dev' ? 'controller' : kind,
      name: 'controller',
      ...(config.mode === 'kubernetes' ? {} : { address: `http://127.0.0.1:${config.controller.port}` }),
    });
  }
  return out;
}

export interface SettingsRecord {
  schema: number;
  deployment: string;
  recordedAt: string;
  runId: string;
  cliVersion: string;
  /** Dotted key path → value, for RECORDED_KEYS that had a value. */
  settings: Record<string, unknown>;
  started: StartedThing[];
  /** Phases the last run left out (does not apply, --skip, --only, --from), with the reason. */
  skipped: Record<string, string>;
}

export function settingsDir(stateDir: string): string {
  return join(stateDir, 'settings');
}

export function settingsPath(stateDir: string, deployment: string): string {
  return join(settingsDir(stateDir), `${deployment}.json`);
}

/** KV natsgh_checkpoints key of a deployment's record (beside `<deployment>.phase.<id>`). */
export function settingsKvKey(deployment: string): string {
  return `${deployment}.settings`;
}

function valueAt(config: NatsghConfig, path: string): unknown {
  return path.split('.').reduce<any>((o, p) => o?.[p], config);
}

/**
 * A URL setting as it may be recorded: user info (`nats://user:pass@host`,
 * `nats://token@host`) removed from each comma-separated URL, since the record
 * is a readable file and a KV value. Other values are returned as they are.
 */
export function recordableValue(key: Pick<ConfigKey, 'type'>, value: unknown): unknown {
  if (key.type !== 'url' || typeof value !== 'string') return value;
  return value
    .split(',')
    .map((u) => u.trim().replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1'))
    .join(',');
}

/** The record of a resolved configuration: every non-secret key that has a value, without credentials. */
export function settingsOf(config: NatsghConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of RECORDED_KEYS) {
    const v = valueAt(config, key.path);
    if (v !== undefined && v !== null) out[key.path] = recordableValue(key, v);
  }
  return out;
}

export function buildRecord(
  config: NatsghConfig,
  run: { runId: string; cliVersion: string; started?: StartedThing[]; skipped?: Record<string, string> },
): SettingsRecord {
  return {
    schema: SETTINGS_SCHEMA,
    deployment: config.deployment,
    recordedAt: new Date().toISOString(),
    runId: run.runId,
    cliVersion: run.cliVersion,
    settings: settingsOf(config),
    started: run.started ?? [],
    skipped: run.skipped ?? {},
  };
}

export function encodeRecord(record: SettingsRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * Parses a record; returns why it is not one instead of throwing, so a damaged
 * record is reported as a warning and never stops a command.
 */
export function decodeRecord(text: string, deployment: string): SettingsRecord | string {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return `not JSON (${(err as Error).message})`;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'not an object';
  if (data.schema !== SETTINGS_SCHEMA)
    return `schema ${JSON.stringify(data.schema)} is not ${SETTINGS_SCHEMA}`;
  if (data.deployment !== deployment)
    return `it records deployment ${JSON.stringify(data.deployment)}, not "${deployment}"`;
  if (!data.settings || typeof data.settings !== 'object' || Array.isArray(data.settings))
    return 'it has no settings';
  return {
    schema: SETTINGS_SCHEMA,
    deployment,
    recordedAt: String(data.recordedAt ?? ''),
    runId: String(data.runId ?? ''),
    cliVersion: String(data.cliVersion ?? ''),
    settings: data.settings as Record<string, unknown>,
    started: Array.isArray(data.started) ? (data.started as StartedThing[]) : [],
    skipped: Object.fromEntries(
      Object.entries(
        data.skipped && typeof data.skipped === 'object' && !Array.isArray(data.skipped) ? data.skipped : {},
      ).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
  };
}

export type ReadRecord =
  | { found: true; file: string; record: SettingsRecord }
  | { found: false; file: string; problem?: string };

/** Reads the state dir's record of a deployment (one file read). */
export async function readRecordFile(stateDir: string, deployment: string): Promise<ReadRecord> {
  const file = settingsPath(stateDir, deployment);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { found: false, file };
    return { found: false, file, problem: `cannot be read (${code ?? (err as Error).message})` };
  }
  const record = decodeRecord(text, deployment);
  return typeof record === 'string' ? { found: false, file, problem: record } : { found: true, file, record };
}

/** Deployments recorded in a state dir (sorted); empty when there is none. */
export async function recordedDeployments(stateDir: string): Promise<string[]> {
  try {
    return (await readdir(settingsDir(stateDir)))
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

/** Writes the state dir's record atomically (a reader sees the old or the new one). */
export async function writeRecordFile(stateDir: string, record: SettingsRecord): Promise<void> {
  const { writeFileAtomic } = await import('../system/atomic-file.js');
  await writeFileAtomic(settingsPath(stateDir, record.deployment), encodeRecord(record), { flush: true });
}

/** True when two records say the same (settings and what was started), whenever and by whom written. */
export function sameRecord(a: SettingsRecord, b: SettingsRecord): boolean {
  const body = (r: SettingsRecord) =>
    JSON.stringify({ settings: r.settings, started: r.started, skipped: r.skipped });
  return body(a) === body(b);
}

/** Settings of something natsgh runs whose values differ between two records, as "key a → b". */
export function runtimeDifferences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const path of RUNTIME_KEYS) {
    if (a[path] !== undefined && b[path] !== undefined && a[path] !== b[path])
      out.push(`${path} ${JSON.stringify(a[path])} → ${JSON.stringify(b[path])}`);
  }
  return out;
}
