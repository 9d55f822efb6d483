// The pure parts of natsgh's terraform support: plan and state summaries, -json UI lines,
// module file reading, backend selection and how variables are masked.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearRegisteredSecrets, redact } from '../../src/redact.js';
import { selectBackend } from '../../src/terraform/backend.js';
import { parseUiLine } from '../../src/terraform/diagnostics.js';
import {
  BACKEND_OVERRIDE_FILE,
  configFileDigests,
  declaredBackend,
  sensitiveVariables,
} from '../../src/terraform/module-files.js';
import { describePlan, summarizePlan } from '../../src/terraform/plan-summary.js';
import { outputStrings, outputsDigest, summarizeState } from '../../src/terraform/state-summary.js';
import {
  isSecretBackendSetting,
  maskedValues,
  secretVariable,
  variableEnv,
} from '../../src/terraform/variables.js';

const dirs: string[] = [];
function tempModule(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-tf-unit-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  clearRegisteredSecrets();
});

describe('plan summary', () => {
  it('counts adds, changes and destroys like terraform (a replacement is one add and one destroy)', () => {
    const plan = {
      resource_changes: [
        { address: 'a.new', change: { actions: ['create'] } },
        { address: 'a.changed', change: { actions: ['update'] } },
        { address: 'a.gone', change: { actions: ['delete'] } },
        { address: 'a.replaced', change: { actions: ['delete', 'create'] } },
        { address: 'a.same', change: { actions: ['no-op'] } },
        { address: 'data.x', change: { actions: ['read'] } },
      ],
      output_changes: { url: { actions: ['no-op'] } },
    };
    const s = summarizePlan(JSON.stringify(plan));
    expect(s).toMatchObject({ add: 2, change: 1, destroy: 2, outputsChange: false });
    expect(s.changes).toEqual([
      'a.new: create',
      'a.changed: update',
      'a.gone: delete',
      'a.replaced: delete then create',
    ]);
    expect(describePlan(s)).toBe('2 to add, 1 to change, 2 to destroy');
    expect(
      summarizePlan(JSON.stringify({ output_changes: { u: { actions: ['update'] } } })).outputsChange,
    ).toBe(true);
  });
});

describe('state summary', () => {
  it('reads serial, lineage and counts managed resource instances only', () => {
    const state = {
      serial: 7,
      lineage: 'abc-123',
      terraform_version: '1.11.4',
      resources: [
        { mode: 'managed', instances: [{}, {}] },
        { mode: 'data', instances: [{}] },
        { mode: 'managed', instances: [{}] },
      ],
    };
    expect(summarizeState(JSON.stringify(state))).toEqual({
      serial: 7,
      lineage: 'abc-123',
      resourceCount: 3,
      terraformVersion: '1.11.4',
    });
    expect(summarizeState('')).toEqual({ serial: 0, lineage: '', resourceCount: 0, terraformVersion: '' });
  });

  it('digests non-sensitive outputs independent of key order, and leaves sensitive ones out', () => {
    const a = {
      url: { sensitive: false, type: 'string', value: 'nats://x:4222' },
      urls: { sensitive: false, type: ['list', 'string'], value: ['a', 'b'] },
      creds: { sensitive: true, type: 'string', value: 'secret-one' },
    };
    const b = {
      creds: { sensitive: true, type: 'string', value: 'secret-two' },
      urls: a.urls,
      url: a.url,
    };
    expect(outputsDigest(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(outputsDigest(a)).toBe(outputsDigest(b));
    expect(outputsDigest({ ...a, url: { ...a.url, value: 'nats://y:4222' } })).not.toBe(outputsDigest(a));
    expect(outputStrings(a)).toEqual({ url: 'nats://x:4222', urls: '["a","b"]' });
  });
});

describe('terraform -json UI lines', () => {
  it('shows messages, names the resource of an error diagnostic and of an errored apply', () => {
    expect(parseUiLine('{"@message":"Terraform 1.11.4","type":"version"}')).toEqual({});
    expect(parseUiLine('{"@message":"x: Creating...","type":"apply_start"}').text).toBe('x: Creating...');
    const errored = parseUiLine(
      '{"@message":"b: Creation errored","type":"apply_errored","hook":{"resource":{"addr":"b[0]"}}}',
    );
    expect(errored.erroredAddress).toBe('b[0]');
    const diag = parseUiLine(
      JSON.stringify({
        type: 'diagnostic',
        '@level': 'error',
        diagnostic: {
          severity: 'error',
          summary: 'boom',
          detail: 'line one\nline two',
          address: 'module.x.y',
        },
      }),
    );
    expect(diag.diagnostic).toEqual({
      severity: 'error',
      summary: 'boom',
      detail: 'line one\nline two',
      address: 'module.x.y',
    });
    expect(diag.text).toBe('Error: module.x.y: boom: line one line two');
    expect(parseUiLine('plain text').text).toBe('plain text');
    expect(parseUiLine('{not json').text).toBe('{not json');
  });
});

describe('module files', () => {
  it('hashes configuration content (modules included), not the .terraform dir or natsgh override', () => {
    const dir = tempModule({
      'main.tf': 'resource "terraform_data" "a" {}\n',
      'modules/x/main.tf': 'variable "v" {}\n',
      '.terraform/modules/modules.json': '{}',
      [BACKEND_OVERRIDE_FILE]: 'terraform {}\n',
      'README.md': 'not configuration',
    });
    const first = configFileDigests(dir);
    expect(Object.keys(first)).toEqual(['main.tf', 'modules/x/main.tf']);
    writeFileSync(join(dir, 'modules/x/main.tf'), 'variable "w" {}\n');
    expect(configFileDigests(dir)['modules/x/main.tf']).not.toBe(first['modules/x/main.tf']);
    expect(configFileDigests(dir)['main.tf']).toBe(first['main.tf']);
  });

  it('finds sensitive variables, ignoring commented-out settings and nested blocks', () => {
    const dir = tempModule({
      'variables.tf': [
        'variable "token" {',
        '  type      = string',
        '  sensitive = true',
        '}',
        'variable "plain" {',
        '  type = string',
        '  # sensitive = true',
        '  validation {',
        '    condition     = var.plain != "}"',
        '    error_message = "sensitive = true is not this"',
        '  }',
        '}',
        '/* variable "commented" { sensitive = true } */',
      ].join('\n'),
    });
    expect([...sensitiveVariables(dir)]).toEqual(['token']);
  });

  it('reads the declared backend type, and selectBackend overrides it only when it differs', () => {
    const dir = tempModule({ 'backend.tf': 'terraform {\n  backend "s3" {}\n}\n' });
    expect(declaredBackend(dir)).toBe('s3');
    expect(selectBackend(dir, 's3', { bucket: 'b' })).toBeUndefined();
    const file = selectBackend(dir, 'gcs', { bucket: 'b' });
    expect(file).toBe(join(dir, BACKEND_OVERRIDE_FILE));
    expect(readFileSync(file!, 'utf8')).toContain('backend "gcs" {}');
    expect(declaredBackend(dir)).toBe('s3'); // the override is natsgh's, not the module's
    selectBackend(dir, 's3', {});
    expect(existsSync(file!)).toBe(false);

    const noBackend = tempModule({ 'main.tf': 'resource "terraform_data" "a" {}\n' });
    expect(selectBackend(noBackend, 'local', {})).toBeUndefined();
    expect(selectBackend(noBackend, 'local', { path: '/tmp/x.tfstate' })).toBeDefined();
  });
});

describe('variables', () => {
  it('hashes secret values (sensitive or secret-looking names), registers them for redaction, keeps others', () => {
    const masked = maskedValues(
      {
        region: 'eu-west-1',
        api_token: 'tok-abcdef-123456',
        db_password: 'pw-abcdef-123456',
        flag: 'marked-sensitive',
      },
      secretVariable(new Set(['flag'])),
    );
    expect(masked.region).toBe('eu-west-1');
    for (const k of ['api_token', 'db_password', 'flag']) expect(masked[k]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(masked.api_token).not.toBe(
      maskedValues({ api_token: 'tok-abcdef-654321' }, secretVariable(new Set())).api_token,
    );
    expect(redact('value tok-abcdef-123456 and pw-abcdef-123456')).toBe('value [REDACTED] and [REDACTED]');
  });

  it('treats S3 `key` as a path but access keys as secrets; passes variables as TF_VAR_*', () => {
    expect(isSecretBackendSetting('key')).toBe(false);
    expect(isSecretBackendSetting('bucket')).toBe(false);
    expect(isSecretBackendSetting('secret_key')).toBe(true);
    expect(isSecretBackendSetting('access_key')).toBe(true);
    expect(isSecretBackendSetting('credentials')).toBe(true);
    expect(variableEnv({ greeting: 'hi' })).toEqual({ TF_VAR_greeting: 'hi' });
  });
});
