// Resolves natsgh's configuration: defaults < the deployment's recorded settings
// < config file < secret files the environment names (`<ENV>_FILE`) < environment
// < flags, each a layer. Every value remembers where it came from; secrets are
// accepted only from the environment (directly or as a file it names) or flags and
// are registered for redaction as soon as they are read; they are never recorded.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { registerSecret } from '../redact.js';
import { closestMatch } from '../system/suggest.js';
import { feedDeploymentCredentials } from './deployment-credentials.js';
import { CONFIG_KEYS, type ConfigKey, fileEnvName, KEYS_BY_PATH, type NatsghConfig } from './keys.js';
import {
  RECORDED_KEYS,
  RUNTIME_KEYS,
  readRecordFile,
  recordableValue,
  recordedDeployments,
  type SettingsRecord,
} from './recorded.js';

export type Source =
  | 'default'
  | `recorded:${string}`
  | `file:${string}`
  | `env:${string}`
  | `flag:--${string}`
  | 'derived';

export interface ResolvedConfig {
  config: NatsghConfig;
  sources: Record<string, Source>;
  /** The config file that was used, if any. */
  file?: string;
  /** The deployment's recorded settings this configuration started from, if any. */
  recorded?: { file: string; record: SettingsRecord };
  /** What the human output warns about (a recorded setting read differently, a damaged record). */
  warnings: string[];
}

export interface ResolveOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Parsed oclif flags keyed by flag name (e.g. {"nats-port": 4333}). Undefined values are ignored. */
  flags?: Record<string, unknown>;
  /** An explicit config file (--config); otherwise searched from cwd up to the project root. */
  configFile?: string;
  /** Skip the config file search (tests, `natsgh --version`). */
  noFile?: boolean;
  /** Do not start from the deployment's recorded settings (tests of the other layers). */
  noRecorded?: boolean;
  /** The command, for warnings ("status is reading nats.port 4222 ..."). */
  command?: string;
  /** Bootstrap: a given value that differs from a recorded one changes the deployment. */
  applyChanges?: boolean;
}

const SEARCH_PLACES = [
  'package.json',
  '.natsghrc',
  '.natsghrc.json',
  '.natsghrc.yaml',
  '.natsghrc.yml',
  'natsgh.config.js',
  'natsgh.config.mjs',
  'natsgh.config.cjs',
  'natsgh.config.ts',
];

/** A host:port pair, accepted where a URL is expected (nats.url "127.0.0.1:4222"). */
const HOST_PORT = /^[\w.-]+:\d+$/;

/**
 * Checks one value against its key's type (the table in keys.ts is the schema):
 * the value when it fits, undefined when not. Kept free of a schema library,
 * which every command would load at start only for this.
 */
function checkValue(key: ConfigKey, value: unknown): { value: unknown } | undefined {
  switch (key.type) {
    case 'int':
      return typeof value === 'number' &&
        Number.isInteger(value) &&
        (key.min === undefined || value >= key.min) &&
        (key.max === undefined || value <= key.max)
        ? { value }
        : undefined;
    case 'bool':
      return typeof value === 'boolean' ? { value } : undefined;
    case 'enum':
      return typeof value === 'string' && key.values!.includes(value) ? { value } : undefined;
    case 'url':
      return typeof value === 'string' &&
        value.length > 0 &&
        value.split(',').every((u) => URL.canParse(u.trim()) || HOST_PORT.test(u.trim()))
        ? { value }
        : undefined;
    default:
      return typeof value === 'string' && value.length > 0 && (!key.pattern || key.pattern.re.test(value))
        ? { value }
        : undefined;
  }
}

function expected(key: ConfigKey): string {
  switch (key.type) {
    case 'int':
      return `an integer${key.min !== undefined ? ` from ${key.min}` : ''}${key.max !== undefined ? ` to ${key.max}` : ''}`;
    case 'bool':
      return 'true or false';
    case 'enum':
      return `one of ${key.values!.join(', ')}`;
    case 'url':
      return 'a URL such as nats://host:4222';
    default:
      return key.pattern ? key.pattern.meaning : 'a non-empty string';
  }
}

/** Flattens a nested config object to dotted paths; arrays and scalars are leaves. */
function flatten(obj: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === 'object' && !Array.isArray(v) && !KEYS_BY_PATH.has(path)) flatten(v, path, out);
      else out[path] = v;
    }
  }
  return out;
}

function closestKey(path: string): string | undefined {
  return closestMatch(
    path,
    CONFIG_KEYS.map((k) => k.path),
  );
}

function parseEnvValue(key: ConfigKey, name: string, raw: string): unknown {
  if (key.type === 'int') {
    if (!/^-?\d+$/.test(raw.trim())) {
      throw new UsageError(`environment variable ${name}="${raw}" is not valid: expected ${expected(key)}`, {
        code: 'config_invalid',
        suggestions: [`Set ${name} to ${expected(key)}, or unset it.`],
      });
    }
    return Number(raw.trim());
  }
  if (key.type === 'bool') {
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
    throw new UsageError(`environment variable ${name}="${raw}" is not valid: expected true or false`, {
      code: 'config_invalid',
      suggestions: [`Set ${name}=true or ${name}=false.`],
    });
  }
  return raw;
}

function setPath(target: Record<string, any>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = target;
  for (const p of parts.slice(0, -1)) {
    cur[p] ??= {};
    cur = cur[p];
  }
  cur[parts[parts.length - 1]] = value;
}

/** cwd and its parents up to the project root: the nearest directory holding package.json or .git. */
export function searchDirs(cwd: string): string[] {
  const dirs: string[] = [];
  let dir = resolve(cwd);
  for (;;) {
    dirs.push(dir);
    if (existsSync(join(dir, 'package.json')) || existsSync(join(dir, '.git'))) return dirs;
    const parent = dirname(dir);
    // No project root above: only cwd itself is searched.
    if (parent === dir) return dirs.slice(0, 1);
    dir = parent;
  }
}

/** True when dir holds one of the config files searched for (package.json only with a "natsgh" key). */
function holdsConfigFile(dir: string): boolean {
  return SEARCH_PLACES.some((name) => {
    const file = join(dir, name);
    if (!existsSync(file)) return false;
    if (name !== 'package.json') return true;
    try {
      return 'natsgh' in (JSON.parse(readFileSync(file, 'utf8')) ?? {});
    } catch {
      return true; // let cosmiconfig report what is wrong with it
    }
  });
}

async function loadFile(
  opts: ResolveOptions,
  cwd: string,
): Promise<{ file: string; data: unknown } | undefined> {
  if (opts.noFile) return undefined;
  // Most runs have no config file: finding that out costs a few stats, not loading cosmiconfig.
  if (!opts.configFile && !searchDirs(cwd).some(holdsConfigFile)) return undefined;
  const { cosmiconfig } = await import('cosmiconfig');
  // One directory at a time, so the search stops at the project root (package.json or .git):
  // a config file in a parent project or the home directory must not leak in.
  const explorer = cosmiconfig('natsgh', {
    searchPlaces: SEARCH_PLACES,
    searchStrategy: 'none',
    cache: false,
  });
  try {
    let found: Awaited<ReturnType<typeof explorer.search>> = null;
    if (opts.configFile) {
      found = await explorer.load(resolve(cwd, opts.configFile));
    } else {
      for (const dir of searchDirs(cwd)) {
        found = await explorer.search(dir);
        if (found) break;
      }
    }
    if (!found || found.isEmpty) return found ? { file: found.filepath, data: {} } : undefined;
    return { file: found.filepath, data: found.config };
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { filepath?: string; mark?: unknown };
    const file = e.filepath ?? (opts.configFile ? resolve(cwd, opts.configFile) : '(config file)');
    if (e.code === 'ENOENT' || e.code === 'EISDIR') {
      throw new UsageError(
        `config file ${file} given with --config ${e.code === 'EISDIR' ? 'is a directory' : 'does not exist'}`,
        {
          code: 'config_not_found',
          details: { file },
          suggestions: [
            'Check the --config path, or leave --config out to search for natsgh.config.* / .natsghrc* / package.json#natsgh.',
          ],
        },
      );
    }
    // Loaders prefix "YAML Error in FILE:" and append a source excerpt; keep the reason with its line:column.
    const lines = e.message.split('\n').filter((l) => l.trim() && !/^\w+ Error in /.test(l));
    const reason = (lines[0] ?? e.message).trim().slice(0, 300);
    throw new UsageError(`config file ${file} could not be parsed: ${reason}`, {
      code: 'config_malformed',
      details: { file },
      suggestions: [`Fix the syntax of ${file} (YAML, JSON or JavaScript, by its extension).`],
    });
  }
}

/** Validates one value for a key, throwing a UsageError that names where it came from. */
function validate(key: ConfigKey, value: unknown, where: string): unknown {
  const result = checkValue(key, value);
  if (!result) {
    const shown = key.secret ? '[REDACTED]' : JSON.stringify(value);
    throw new UsageError(`${where}: "${key.path}" is ${shown}, expected ${expected(key)}`, {
      code: 'config_invalid',
      details: { key: key.path, where },
      suggestions: [`Set "${key.path}" to ${expected(key)}.`],
    });
  }
  return result.value;
}

/** One layer of settings: values by key path, each with where it came from. Later layers win. */
interface Layer {
  values: Record<string, unknown>;
  sources: Record<string, Source>;
}

const emptyLayer = (): Layer => ({ values: {}, sources: {} });

function defaultsLayer(): Layer {
  const layer = emptyLayer();
  for (const key of CONFIG_KEYS) {
    if (key.default !== undefined) {
      layer.values[key.path] = key.default;
      layer.sources[key.path] = 'default';
    }
  }
  return layer;
}

function fileLayer(loaded: { file: string; data: unknown } | undefined): Layer {
  const layer = emptyLayer();
  if (!loaded) return layer;
  const { file, data } = loaded;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`config file ${file} must hold an object of settings`, {
      code: 'config_invalid',
      details: { file },
      suggestions: ['See `natsgh config --help` for the keys.'],
    });
  }
  for (const [path, raw] of Object.entries(flatten(data))) {
    const key = KEYS_BY_PATH.get(path);
    if (!key) {
      const near = closestKey(path);
      throw new UsageError(`config file ${file}: unknown key "${path}"`, {
        code: 'config_invalid',
        details: { file, key: path },
        suggestions: [near ? `Did you mean "${near}"?` : 'Run `natsgh config --help` for the list of keys.'],
      });
    }
    if (key.secret) {
      throw new UsageError(
        `config file ${file}: "${path}" is a secret and is never read from a file that may be committed`,
        {
          code: 'config_secret_in_file',
          details: { file, key: path },
          suggestions: [
            `Remove it from ${file} and set ${key.env[0]}, ${fileEnvName(key.env[0])} or --${key.flag} instead.`,
          ],
        },
      );
    }
    let value = validate(key, raw, `config file ${file}`);
    if (key.type === 'path' && typeof value === 'string' && !isAbsolute(value)) {
      value = resolve(dirname(file), value);
    }
    layer.values[path] = value;
    layer.sources[path] = `file:${file}`;
  }
  return layer;
}

function envLayer(env: NodeJS.ProcessEnv, cwd: string): Layer {
  const layer = emptyLayer();
  for (const key of CONFIG_KEYS) {
    const name = key.env.find((n) => env[n] !== undefined && env[n] !== '');
    if (!name) continue;
    const raw = env[name]!;
    if (key.secret) registerSecret(raw);
    let value = validate(key, parseEnvValue(key, name, raw), `environment variable ${name}`);
    if (key.type === 'path' && typeof value === 'string') value = resolve(cwd, value);
    layer.values[key.path] = value;
    layer.sources[key.path] = `env:${name}`;
  }
  return layer;
}

/**
 * Secrets from files the environment names: for a secret key, `<ENV>_FILE` (for
 * each of its variables, in their order) names a file whose trimmed content is the
 * value, as docker and kubernetes secrets are mounted. Below the environment and
 * flags: a key they set is taken from them and its file is not read.
 */
function fileEnvLayer(env: NodeJS.ProcessEnv, cwd: string, setAbove: ReadonlySet<string>): Layer {
  const layer = emptyLayer();
  for (const key of CONFIG_KEYS) {
    if (!key.secret || setAbove.has(key.path)) continue;
    const name = key.env.map(fileEnvName).find((n) => env[n] !== undefined && env[n] !== '');
    if (!name) continue;
    const file = resolve(cwd, env[name]!);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      throw new UsageError(`environment variable ${name} names ${file}, which cannot be read (${code})`, {
        code: 'config_invalid',
        details: { key: key.path, variable: name, file },
        suggestions: [
          `Make ${file} readable by this user, or unset ${name} and set ${key.env[0]} or --${key.flag} instead.`,
        ],
      });
    }
    const value = text.trim();
    registerSecret(value);
    if (!value) {
      throw new UsageError(`environment variable ${name} names ${file}, which is empty`, {
        code: 'config_invalid',
        details: { key: key.path, variable: name, file },
        suggestions: [`Write the value of "${key.path}" into ${file}, or unset ${name}.`],
      });
    }
    layer.values[key.path] = validate(key, value, `file ${file} (environment variable ${name})`);
    layer.sources[key.path] = `env:${name}`;
  }
  return layer;
}

function flagsLayer(flags: Record<string, unknown> | undefined, cwd: string): Layer {
  const layer = emptyLayer();
  for (const key of CONFIG_KEYS) {
    const raw = flags?.[key.flag];
    if (raw === undefined) continue;
    if (key.secret && typeof raw === 'string') registerSecret(raw);
    let value = validate(key, raw, `flag --${key.flag}`);
    if (key.type === 'path' && typeof value === 'string') value = resolve(cwd, value);
    layer.values[key.path] = value;
    layer.sources[key.path] = `flag:--${key.flag}`;
  }
  return layer;
}

/** The recorded settings as a layer: values that no longer validate are left out with a warning. */
function recordedLayer(found: { file: string; record: SettingsRecord }, warnings: string[]): Layer {
  const layer = emptyLayer();
  for (const [path, raw] of Object.entries(found.record.settings)) {
    const key = KEYS_BY_PATH.get(path);
    // A key this version does not know (a newer natsgh recorded it), a secret or a pointer: not a setting here.
    if (!key || !RECORDED_KEYS.includes(key)) continue;
    const parsed = checkValue(key, raw);
    if (!parsed || (key.type === 'path' && !isAbsolute(String(parsed.value)))) {
      warnings.push(
        `the recorded ${path} ${JSON.stringify(raw)} in ${found.file} is not valid (expected ${expected(key)}); it is ignored`,
      );
      continue;
    }
    layer.values[path] = parsed.value;
    layer.sources[path] = `recorded:${found.file}`;
  }
  return layer;
}

function merge(layers: readonly Layer[]): Layer {
  const out = emptyLayer();
  for (const l of layers) {
    Object.assign(out.values, l.values);
    Object.assign(out.sources, l.sources);
  }
  return out;
}

function describeSource(source: Source): string {
  if (source.startsWith('flag:')) return source.slice('flag:'.length);
  if (source.startsWith('env:')) return `env ${source.slice('env:'.length)}`;
  if (source.startsWith('file:')) return `config file ${source.slice('file:'.length)}`;
  return source;
}

/**
 * Finds the record of the deployment the command is pointed at: the named one,
 * or, when no deployment was named, the only one the state dir records.
 */
async function findRecord(
  stateDir: string,
  deployment: { name: string; named: boolean },
  warnings: string[],
): Promise<{ file: string; record: SettingsRecord } | undefined> {
  const read = await readRecordFile(stateDir, deployment.name);
  if (read.found) return read;
  if (read.problem) {
    warnings.push(
      `the recorded settings ${read.file} are ignored: ${read.problem}; the next \`natsgh bootstrap\` records them again`,
    );
    return undefined;
  }
  if (deployment.named) return undefined;
  const names = await recordedDeployments(stateDir);
  if (names.length === 1) {
    const only = await readRecordFile(stateDir, names[0]);
    return only.found ? only : undefined;
  }
  if (names.length > 1) {
    warnings.push(
      `${stateDir} records deployments ${names.join(', ')} but none was named: pass --deployment (or set NATSGH_DEPLOYMENT) to use one's settings`,
    );
  }
  return undefined;
}

export async function resolveConfig(opts: ResolveOptions = {}): Promise<ResolvedConfig> {
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  const warnings: string[] = [];

  const loaded = await loadFile(opts, cwd);
  const defaults = defaultsLayer();
  const fromEnv = envLayer(env, cwd);
  const fromFlags = flagsLayer(opts.flags, cwd);
  const setAbove = new Set([...Object.keys(fromEnv.values), ...Object.keys(fromFlags.values)]);
  const given = [fileLayer(loaded), fileEnvLayer(env, cwd, setAbove), fromEnv, fromFlags];

  // Which deployment the command is pointed at (--deployment, --state-dir, or the config file):
  // those two are never recorded, so they are settled before the recorded layer is read.
  const pointer = merge([defaults, ...given]);
  let stateDir = pointer.values.stateDir as string;
  if (pointer.sources.stateDir === 'default') stateDir = resolve(cwd, stateDir);
  const recorded = opts.noRecorded
    ? undefined
    : await findRecord(
        stateDir,
        { name: pointer.values.deployment as string, named: pointer.sources.deployment !== 'default' },
        warnings,
      );

  // defaults < recorded settings < config file < secret files (<ENV>_FILE) < environment < flags.
  // (Secrets, including credentials natsgh generates, never enter the recorded layer.)
  const recordedValues = recorded ? recordedLayer(recorded, warnings) : emptyLayer();
  const { values, sources } = merge([defaults, recordedValues, ...given]);
  values.stateDir = stateDir;
  if (recorded && recorded.record.deployment !== values.deployment) {
    values.deployment = recorded.record.deployment;
    sources.deployment = `recorded:${recorded.file}`;
  }

  if (values.outputDir === undefined) {
    values.outputDir = resolve(values.stateDir as string, 'github');
    sources.outputDir = 'derived';
  }
  if (values['nats.jetstreamDomain'] === undefined && values.natsType === 'hybrid') {
    values['nats.jetstreamDomain'] = 'edge';
    sources['nats.jetstreamDomain'] = 'derived';
  }
  if (values['nats.url'] === undefined && values.natsType === 'synadia') {
    values['nats.url'] = 'tls://connect.ngs.global';
    sources['nats.url'] = 'derived';
  }

  // A setting of something natsgh runs that this command reads differently from the record
  // talks to something that is not there: bootstrap applies it, every other command says so.
  if (recorded) {
    const command = opts.command ?? 'natsgh';
    const deployment = values.deployment as string;
    for (const path of RUNTIME_KEYS) {
      const was = recordedValues.values[path];
      // Compared (and shown) as recorded: without the user info a URL may carry.
      const key = KEYS_BY_PATH.get(path);
      const now = key ? recordableValue(key, values[path]) : values[path];
      const source = sources[path];
      if (was === undefined || now === was || !source || source.startsWith('recorded:')) continue;
      const given = `${JSON.stringify(now)} (${describeSource(source)})`;
      warnings.push(
        opts.applyChanges
          ? `${command} changes ${path} of deployment ${deployment} from ${JSON.stringify(was)} (recorded) to ${given}`
          : `${command} is reading ${path} ${given}, but deployment ${deployment} runs with ${JSON.stringify(was)} (recorded in ${recorded.file})`,
      );
    }
  }

  const config: Record<string, any> = { nats: { tls: {} }, controller: {}, github: {}, webhook: {} };
  for (const [path, value] of Object.entries(values)) setPath(config, path, value);
  // The credentials of a server natsgh runs, kept in the state dir, when the user gave none.
  feedDeploymentCredentials(config as NatsghConfig, sources);
  return { config: config as NatsghConfig, sources, file: loaded?.file, recorded, warnings };
}

/** The configuration as `natsgh config` shows it: every key, its value (secrets redacted) and source. */
export function describeConfig(
  resolved: ResolvedConfig,
): Array<{ key: string; value: unknown; source: Source | 'unset' }> {
  const rows: Array<{ key: string; value: unknown; source: Source | 'unset' }> = [];
  for (const key of CONFIG_KEYS) {
    const source = resolved.sources[key.path];
    let value: unknown = key.path.split('.').reduce<any>((o, p) => o?.[p], resolved.config);
    if (key.secret && value !== undefined) value = '[REDACTED]';
    rows.push({ key: key.path, value: value ?? null, source: source ?? 'unset' });
  }
  return rows;
}
