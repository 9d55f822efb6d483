// Property: whatever a config file (YAML, JSON, package.json#natsgh) or the
// environment holds, resolveConfig returns a configuration whose every value has
// its declared type, or throws a UsageError (exit 2) that names where the bad
// value came from; never another exception, never a hang, never a secret echoed.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { CONFIG_KEYS, type ConfigKey } from '../../src/config/keys.js';
import { resolveConfig } from '../../src/config/load.js';
import { UsageError } from '../../src/errors.js';
import { checked, injected, within } from './report.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'natsgh-fuzz-config-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function resetRoot(): void {
  for (const f of readdirSync(root)) rmSync(join(root, f), { recursive: true, force: true });
}

function valueAt(config: unknown, path: string): unknown {
  return path.split('.').reduce<any>((o, p) => o?.[p], config);
}

function assertTyped(key: ConfigKey, value: unknown): void {
  if (value === undefined) return;
  switch (key.type) {
    case 'int':
      expect(Number.isInteger(value), key.path).toBe(true);
      if (key.min !== undefined) expect(value as number).toBeGreaterThanOrEqual(key.min);
      if (key.max !== undefined) expect(value as number).toBeLessThanOrEqual(key.max);
      break;
    case 'bool':
      expect(typeof value, key.path).toBe('boolean');
      break;
    case 'enum':
      expect(key.values, key.path).toContain(value);
      break;
    default:
      expect(typeof value, key.path).toBe('string');
      expect((value as string).length, key.path).toBeGreaterThan(0);
      if (key.pattern) expect(value as string, key.path).toMatch(key.pattern.re);
  }
}

interface Outcome {
  ok: boolean;
  message?: string;
}

/** Runs resolveConfig and checks the contract; `where` lists the strings one of which the error must name. */
async function resolveChecked(
  opts: Parameters<typeof resolveConfig>[0],
  where: string[],
  secrets: string[] = [],
): Promise<Outcome> {
  let resolved: Awaited<ReturnType<typeof resolveConfig>>;
  try {
    resolved = await within(resolveConfig(opts), 10_000, 'resolveConfig');
  } catch (err) {
    if (!(err instanceof UsageError)) {
      throw new Error(`resolveConfig threw ${(err as Error)?.constructor?.name}: ${(err as Error)?.message}`);
    }
    expect(err.exit).toBe(2);
    expect(err.message.length).toBeGreaterThan(10);
    expect(err.suggestions.length, err.message).toBeGreaterThan(0);
    if (where.length > 0)
      expect(
        where.some((w) => err.message.includes(w)),
        err.message,
      ).toBe(true);
    for (const s of secrets) if (s.trim().length >= 6) expect(err.message).not.toContain(s.trim());
    return { ok: false, message: err.message };
  }
  for (const key of CONFIG_KEYS) assertTyped(key, valueAt(resolved.config, key.path));
  return { ok: true };
}

// Values of every JSON shape, biased towards the edges of each key's type.
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer({ min: -70_000, max: 70_000 }),
  fc.constantFrom(
    0,
    65535,
    65536,
    -1,
    1.5,
    1e308,
    '',
    ' ',
    'dev',
    'synadia',
    'nats://h:4222',
    'h:1',
    'a,b',
    null,
    true,
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const keyPaths = CONFIG_KEYS.map((k) => k.path);
const settings = fc.dictionary(
  fc.oneof(
    fc.constantFrom(...keyPaths),
    fc.constantFrom('__proto__', 'constructor', 'nats.bogus', 'mod'),
    fc.string({ maxLength: 8 }),
  ),
  anyValue,
  { maxKeys: 6 },
);

/** Nests dotted paths ("nats.port") as YAML/JSON users write them, or keeps some flat. */
function nest(flat: Record<string, unknown>, flatToo: boolean): Record<string, unknown> {
  const out: Record<string, any> = {};
  for (const [path, v] of Object.entries(flat)) {
    const parts = flatToo ? [path] : path.split('.');
    let cur = out;
    for (const p of parts.slice(0, -1)) {
      if (typeof cur[p] !== 'object' || cur[p] === null)
        Object.defineProperty(cur, p, { value: {}, enumerable: true, writable: true, configurable: true });
      cur = cur[p];
    }
    Object.defineProperty(cur, parts[parts.length - 1], {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

describe('config loader (fuzz)', () => {
  it('arbitrary settings in YAML, JSON or package.json: a typed config or a UsageError naming the file', async () => {
    injected(
      'config',
      '200 config files with random keys (real, near-miss, unknown) and values of every JSON shape',
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        settings,
        fc.constantFrom('yaml', 'json', 'package'),
        fc.boolean(),
        async (flat, format, flatKeys) => {
          resetRoot();
          const data = nest(flat, flatKeys);
          let file: string;
          if (format === 'package') {
            file = join(root, 'package.json');
            writeFileSync(file, JSON.stringify({ name: 'fuzz', natsgh: data }));
          } else {
            writeFileSync(join(root, '.git'), '');
            file = join(root, format === 'yaml' ? '.natsghrc.yaml' : '.natsghrc.json');
            writeFileSync(file, format === 'yaml' ? toYaml(data) : JSON.stringify(data));
          }
          const outcome = await resolveChecked({ cwd: root, env: {} }, [file]);
          if (outcome.ok) accepted++;
        },
      ),
      { numRuns: 200 },
    );
    checked('config', `${accepted} files gave a fully typed config; the rest a UsageError naming the file`);
  });

  it('arbitrary file bytes: a typed config or a UsageError naming the file', async () => {
    injected('config', '200 config files of arbitrary text (YAML/JSON fragments, alias bombs, binary)');
    const fragments = fc.constantFrom(
      'mode: dev\n',
      'nats:\n  port: 4222\n',
      '{"mode": "docker", ',
      'a: &a [1,2]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      '- 1\n- 2\n',
      '!!js/function "function(){}"\n',
      '"just a string"',
      'null',
      '\t: :\n',
      '%YAML 9.9\n---\n',
      '? [a]\n: b\n',
      'mode: !!binary aGVsbG8=\n',
    );
    const text = fc
      .array(fc.oneof(fragments, fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 5 })
      .map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.constantFrom('.natsghrc.yaml', '.natsghrc.json', '.natsghrc', 'package.json'),
        async (body, name) => {
          resetRoot();
          writeFileSync(join(root, '.git'), '');
          const file = join(root, name);
          writeFileSync(file, body);
          await resolveChecked({ cwd: root, env: {} }, [file]);
        },
      ),
      { numRuns: 200 },
    );
    checked('config', 'every file parsed to a typed config or was rejected with a UsageError naming it');
  });

  it('arbitrary environment values: a typed config or a UsageError naming the variable, secrets not echoed', async () => {
    injected('config', '200 environments with random NATSGH_* values (including secrets)');
    const envNames = CONFIG_KEYS.flatMap((k) => k.env);
    const secretEnv = new Set(CONFIG_KEYS.filter((k) => k.secret).flatMap((k) => k.env));
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(...envNames),
          fc.oneof(
            fc.string({ maxLength: 20 }),
            fc.constantFrom(
              '0',
              '65536',
              '-1',
              ' 4222 ',
              '1e3',
              'yes',
              'On',
              'maybe',
              'dev',
              'kubernetes',
              '::',
              'nats://x:1',
            ),
          ),
          { maxKeys: 6 },
        ),
        async (generated) => {
          resetRoot();
          // Secret values are made unique, so seeing one in an error means it leaked (not that another key shares it).
          const env = Object.fromEntries(
            Object.entries(generated).map(([k, v], i) => [k, secretEnv.has(k) ? `secret-${i}-${v}` : v]),
          );
          writeFileSync(join(root, '.git'), '');
          const secrets = Object.entries(env)
            .filter(([k]) => secretEnv.has(k))
            .map(([, v]) => v);
          const nonSecret = Object.keys(env).filter((k) => !secretEnv.has(k));
          // The error names a variable we set (or, for a derived value, a flag/env to fix it).
          const where = nonSecret.length > 0 || secrets.length > 0 ? Object.keys(env) : [];
          await resolveChecked({ cwd: root, env }, where, secrets);
        },
      ),
      { numRuns: 200 },
    );
    checked(
      'config',
      'every environment gave a typed config or a UsageError naming the variable; no secret echoed',
    );
  });

  it('arbitrary flag values of the wrong type: a UsageError naming the flag', async () => {
    injected('config', '100 flag sets with values of arbitrary JSON types');
    const flagNames = CONFIG_KEYS.map((k) => k.flag);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...flagNames), anyValue, { minKeys: 1, maxKeys: 4 }),
        async (flags) => {
          resetRoot();
          writeFileSync(join(root, '.git'), '');
          await resolveChecked(
            { cwd: root, env: {}, flags },
            Object.keys(flags).map((f) => `--${f}`),
          );
        },
      ),
      { numRuns: 100 },
    );
    checked('config', 'every flag set gave a typed config or a UsageError naming a flag');
  });
});
