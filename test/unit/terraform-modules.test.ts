// Structural checks of the shipped Terraform (terraform/): formatting, and from parsed HCL
// that variables are typed, described and validated, providers pinned, nats_type selects modules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../support/tools.js';

const ROOT = resolve(import.meta.dirname, '../../terraform');
const MODULES = ['nats-cluster', 'monitoring', 'backup', 'github', 'synadia'];
const NATS_TYPES = ['self_hosted', 'self_hosted_cluster', 'synadia', 'hybrid'];
const haveTerraform = requireTool('terraform', ['version']);

type Block = Record<string, any>;
interface Module {
  dir: string;
  variables: Record<string, Block>;
  outputs: Record<string, Block>;
  locals: Record<string, string>;
  modules: Record<string, Block>;
  resources: Record<string, Record<string, Block>>;
  data: Record<string, Record<string, Block>>;
  terraform: Block[];
  text: string;
}

async function loadModule(dir: string): Promise<Module> {
  const m: Module = {
    dir,
    variables: {},
    outputs: {},
    locals: {},
    modules: {},
    resources: {},
    data: {},
    terraform: [],
    text: '',
  };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.tf'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    m.text += `${text}\n`;
    const hcl = (await parse(file, text)) as Record<string, any>;
    for (const [name, [v]] of Object.entries<Block[]>(hcl.variable ?? {})) m.variables[name] = v;
    for (const [name, [o]] of Object.entries<Block[]>(hcl.output ?? {})) m.outputs[name] = o;
    for (const l of hcl.locals ?? []) Object.assign(m.locals, l);
    for (const [name, [b]] of Object.entries<Block[]>(hcl.module ?? {})) m.modules[name] = b;
    for (const [kind, target] of [
      ['resource', m.resources],
      ['data', m.data],
    ] as const) {
      for (const [type, byName] of Object.entries<Record<string, Block[]>>(hcl[kind] ?? {})) {
        target[type] = {
          ...target[type],
          ...Object.fromEntries(Object.entries(byName).map(([n, [b]]) => [n, b])),
        };
      }
    }
    m.terraform.push(...(hcl.terraform ?? []));
  }
  return m;
}

function requiredProviders(m: Module): Record<string, { source: string; version?: string }> {
  const out: Record<string, { source: string; version?: string }> = {};
  for (const t of m.terraform) for (const rp of t.required_providers ?? []) Object.assign(out, rp);
  return out;
}

/** The type constraint of a parsed variable without its "${...}" wrapper. */
function typeOf(v: Block): string {
  return String(v.type ?? '').replace(/^\$\{(.*)\}$/s, '$1');
}

/** The expression with every `local.x` replaced by its definition, so indirect references count. */
function expand(expr: string, locals: Record<string, string>, depth = 0): string {
  if (depth > 5) return expr;
  return expr.replace(
    /local\.(\w+)/g,
    (_, name) => `(${expand(String(locals[name] ?? ''), locals, depth + 1)})`,
  );
}

describe('terraform/ module structure', () => {
  let root: Module;
  const modules: Record<string, Module> = {};

  beforeAll(async () => {
    root = await loadModule(ROOT);
    for (const name of MODULES) modules[name] = await loadModule(join(ROOT, 'modules', name));
  });

  it.runIf(haveTerraform)('is formatted (terraform fmt -check -recursive)', () => {
    for (const dir of [ROOT, resolve(import.meta.dirname, '../fixtures/terraform')]) {
      // execFileSync throws on a non-zero exit, listing the unformatted files.
      execFileSync('terraform', ['fmt', '-check', '-recursive', '-list=true', dir], {
        stdio: 'pipe',
        timeout: 20_000,
        env: { ...process.env, CHECKPOINT_DISABLE: '1' },
      });
    }
  });

  it('ships exactly the modules the root module uses', () => {
    expect(readdirSync(join(ROOT, 'modules')).sort()).toEqual([...MODULES].sort());
    const sources = Object.values(root.modules).map((b) => b.source);
    expect(sources.sort()).toEqual(MODULES.map((m) => `./modules/${m}`).sort());
  });

  it('types, describes and (where a value can be wrong) validates every variable', () => {
    for (const m of [root, ...Object.values(modules)]) {
      expect(Object.keys(m.variables).length, m.dir).toBeGreaterThan(0);
      for (const [name, v] of Object.entries(m.variables)) {
        const where = `${m.dir}: variable ${name}`;
        expect(typeOf(v), where).toMatch(/^(string|number|bool|list\(|map\(|set\(|object\(|tuple\()/);
        expect(String(v.description ?? '').length, where).toBeGreaterThan(10);
        // Required variables and numbers can always be wrong: they must be validated.
        if (!('default' in v) || typeOf(v) === 'number') expect(v.validation, where).toBeDefined();
        for (const rule of v.validation ?? []) {
          expect(rule.condition, where).toContain(`var.${name}`);
          expect(String(rule.error_message).length, where).toBeGreaterThan(10);
        }
      }
    }
  });

  it('validates nats_type against exactly the four types', () => {
    const v = root.variables.nats_type;
    expect(typeOf(v)).toBe('string');
    expect(v).not.toHaveProperty('default');
    const condition: string = v.validation[0].condition;
    const listed = [...condition.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...NATS_TYPES].sort());
  });

  it('pins every provider to an exact version, the same in every module, and declares each one it uses', () => {
    const pins = requiredProviders(root);
    expect(Object.keys(pins).sort()).toEqual(['github', 'helm', 'kubernetes']);
    expect(pins.github.source).toBe('integrations/github');
    for (const m of [root, ...Object.values(modules)]) {
      const declared = requiredProviders(m);
      for (const [name, p] of Object.entries(declared)) {
        expect(p.version, `${m.dir}: ${name}`).toMatch(/^\d+\.\d+\.\d+$/);
        expect(p, `${m.dir}: ${name}`).toEqual(pins[name]);
      }
      const used = [...Object.keys(m.resources), ...Object.keys(m.data)].map((t) => t.split('_')[0]);
      for (const provider of new Set(used))
        expect(declared, `${m.dir} uses ${provider}`).toHaveProperty(provider);
    }
    expect(root.terraform.some((t) => /^>= ?1\.\d+/.test(t.required_version ?? ''))).toBe(true);
  });

  it('declares a partial backend so -backend-config chooses the settings', () => {
    const backends = root.terraform.flatMap((t) => Object.entries(t.backend ?? {}));
    expect(backends).toHaveLength(1);
    const [type, settings] = backends[0] as [string, Block[]];
    expect(type).toBe('s3');
    expect(settings[0] ?? {}).toEqual({});
  });

  it('selects each module conditionally, NATS modules by nats_type', () => {
    for (const [name, block] of Object.entries(root.modules)) {
      expect(block.count, `module ${name}`).toMatch(/\? 1 : 0\}$/);
    }
    for (const name of ['nats_cluster', 'synadia', 'monitoring']) {
      expect(expand(root.modules[name].count, root.locals), name).toContain('var.nats_type');
    }
    expect(root.modules.backup.count).toContain('var.backup_enabled');
    expect(root.modules.github.count).toContain('var.github_enabled');
  });

  it('passes every required module variable, and only declared ones', () => {
    const meta = new Set(['source', 'count', 'for_each', 'depends_on', 'providers']);
    for (const [name, block] of Object.entries(root.modules)) {
      const m = modules[String(block.source).replace('./modules/', '')];
      const passed = Object.keys(block).filter((k) => !meta.has(k));
      for (const k of passed) expect(m.variables, `module ${name} gets ${k}`).toHaveProperty(k);
      for (const [v, def] of Object.entries(m.variables)) {
        if (!('default' in def)) expect(passed, `module ${name} needs ${v}`).toContain(v);
      }
    }
  });

  it('refers only to module outputs that exist, and gives the NATS URLs as outputs', () => {
    const sourceOf = (name: string) => String(root.modules[name].source).replace('./modules/', '');
    for (const [, name, output] of root.text.matchAll(/module\.(\w+)\[0\]\.(\w+)/g)) {
      expect(modules[sourceOf(name)].outputs, `module.${name}.${output}`).toHaveProperty(output);
    }
    expect(Object.keys(root.outputs)).toEqual(
      expect.arrayContaining(['nats_url', 'nats_server_urls', 'nats_type']),
    );
    for (const m of [root, ...Object.values(modules)]) {
      expect(Object.keys(m.outputs).length, m.dir).toBeGreaterThan(0);
      for (const [name, o] of Object.entries(m.outputs))
        expect(o.description, `${m.dir}: ${name}`).toBeTruthy();
    }
  });

  it('marks secrets sensitive', () => {
    expect(root.variables.synadia_creds.sensitive).toBe(true);
    expect(root.variables.github_webhook_secret.sensitive).toBe(true);
    expect(modules.synadia.variables.creds.sensitive).toBe(true);
    expect(modules.github.variables.nats_creds.sensitive).toBe(true);
    expect(modules.github.variables.webhook_secret.sensitive).toBe(true);
  });

  it.runIf(haveTerraform)(
    'selects servers, Synadia creds and monitoring exactly for the types that need them',
    () => {
      // The root's selection locals and count expressions, alone: terraform evaluates them offline.
      const dir = mkdtempSync(join(tmpdir(), 'natsgh-tf-select-'));
      try {
        const counts = Object.entries(root.modules)
          .map(([name, b]) => `    ${name} = ${String(b.count).slice(2, -1)}`)
          .join('\n');
        const pick = ['runs_servers', 'uses_synadia', 'replicas'];
        writeFileSync(
          join(dir, 'main.tf'),
          [
            'variable "nats_type" {\n  type = string\n}',
            'variable "cluster_replicas" {\n  type    = number\n  default = 3\n}',
            ...['monitoring_enabled', 'backup_enabled', 'github_enabled'].map(
              (v) => `variable "${v}" {\n  type    = bool\n  default = true\n}`,
            ),
            `locals {\n${pick.map((l) => `  ${l} = ${String(root.locals[l]).slice(2, -1)}`).join('\n')}\n}`,
            `output "counts" {\n  value = {\n${counts}\n  }\n}`,
            'output "replicas" {\n  value = local.replicas\n}',
          ].join('\n\n'),
        );
        const env = {
          ...process.env,
          CHECKPOINT_DISABLE: '1',
          TF_IN_AUTOMATION: '1',
          TF_INPUT: '0',
          TF_CLI_CONFIG_FILE: join(dir, 'none.tfrc'),
          TF_DATA_DIR: join(dir, '.terraform'),
        };
        writeFileSync(env.TF_CLI_CONFIG_FILE, '');
        const terraform = (args: string[]) =>
          execFileSync('terraform', [`-chdir=${dir}`, ...args], { env, timeout: 20_000, encoding: 'utf8' });
        const selected: Record<string, Record<string, number>> = {};
        const replicas: Record<string, number> = {};
        for (const t of NATS_TYPES) {
          const state = `-state=${join(dir, `${t}.tfstate`)}`;
          expect(terraform(['apply', '-auto-approve', '-no-color', `-var=nats_type=${t}`, state])).toContain(
            'Apply complete',
          );
          const json = JSON.parse(terraform(['output', '-json', state]));
          selected[t] = json.counts.value;
          replicas[t] = json.replicas.value;
        }
        // No dead branch: each NATS module is on for some types and off for others.
        expect(selected).toEqual({
          self_hosted: { nats_cluster: 1, synadia: 0, monitoring: 1, backup: 1, github: 1 },
          self_hosted_cluster: { nats_cluster: 1, synadia: 0, monitoring: 1, backup: 1, github: 1 },
          synadia: { nats_cluster: 0, synadia: 1, monitoring: 0, backup: 1, github: 1 },
          hybrid: { nats_cluster: 1, synadia: 1, monitoring: 1, backup: 1, github: 1 },
        });
        expect(replicas).toEqual({ self_hosted: 1, self_hosted_cluster: 3, synadia: 1, hybrid: 1 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
