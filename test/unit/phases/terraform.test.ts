// The terraform phase without running terraform: when it applies, what it
// hashes (module content, variables with secrets only as digests, the
// backend), and the errors before terraform would start.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TerraformContext, terraform } from '../../../src/phases/terraform.js';
import { clearRegisteredSecrets, redact } from '../../../src/redact.js';
import { hashInputs } from '../../../src/workflow/inputs.js';
import { type FakeBase, fakeBase, fakeTask } from '../../support/phase-context.js';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/terraform/phase');
const TOKEN = 'tok-unit-5c1d9e';
const PASSWORD = 'pw-unit-staple';
const BUCKET_SECRET = 'bucket-secret-77a1';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'natsgh-tf-unit-'));
  cpSync(FIXTURE, join(root, 'a'), { recursive: true });
  cpSync(FIXTURE, join(root, 'b'), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const bases: FakeBase[] = [];
afterEach(() => {
  for (const b of bases.splice(0)) b.cleanup();
  clearRegisteredSecrets();
});

async function context(opts: Partial<TerraformContext['terraform']> = {}): Promise<TerraformContext> {
  const base = await fakeBase();
  bases.push(base);
  return {
    ...base,
    recorded: {},
    terraform: {
      enabled: true,
      dir: join(root, 'a'),
      backend: 'local',
      backendConfig: { path: join(root, 'tf.tfstate') },
      vars: { greeting: 'hi', api_token: TOKEN, db_password: PASSWORD },
      ...opts,
    },
  };
}

const h = (ctx: TerraformContext) => hashInputs(terraform.inputs(ctx));

describe('terraform applies', () => {
  it('only with --terraform', async () => {
    const ctx = await context();
    expect(terraform.applies!(ctx)).toBe(true);
    expect(terraform.applies!({ ...ctx, terraform: { ...ctx.terraform, enabled: false } })).toBe(
      'not requested (--terraform)',
    );
  });
});

describe('terraform inputs', () => {
  it('are the module by content: the same files elsewhere hash the same, an edit does not', async () => {
    const a = await context();
    const b = await context({ dir: join(root, 'b') });
    expect(h(b)).toBe(h(a));
    writeFileSync(join(root, 'b', 'extra.tf'), 'locals { x = 1 }\n');
    expect(h(b)).not.toBe(h(a));
  });

  it('change with each variable, secrets included, and never hold a secret', async () => {
    const a = await context();
    const text = JSON.stringify(terraform.inputs(a));
    // api_token is sensitive in the module; db_password looks secret by its name.
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(PASSWORD);
    expect(text).toContain('"greeting":"hi"');
    const changes: Record<string, string>[] = [
      { greeting: 'ho' },
      { api_token: `${TOKEN}2` },
      { db_password: `${PASSWORD}2` },
    ];
    for (const change of changes) {
      expect(h(await context({ vars: { ...a.terraform.vars, ...change } }))).not.toBe(h(a));
    }
    // Hashing registered the secrets: whatever prints them later is redacted.
    expect(redact(`token=${TOKEN} pw=${PASSWORD}`)).not.toMatch(new RegExp(`${TOKEN}|${PASSWORD}`));
  });

  it('include the backend, with secret settings as digests', async () => {
    const a = await context({ backend: 's3', backendConfig: { bucket: 'b', secret_key: BUCKET_SECRET } });
    expect(JSON.stringify(terraform.inputs(a))).not.toContain(BUCKET_SECRET);
    expect(h(await context({ backend: 's3', backendConfig: { bucket: 'b', secret_key: 'other' } }))).not.toBe(
      h(a),
    );
    expect(h(await context({ backend: 'gcs', backendConfig: a.terraform.backendConfig }))).not.toBe(h(a));
  });

  it('hash a missing module as missing instead of failing', async () => {
    const ctx = await context({ dir: join(root, 'nowhere') });
    expect(terraform.inputs(ctx)).toMatchObject({ files: null });
  });
});

describe('terraform before running terraform', () => {
  it('refuses a directory without .tf files, in run and in verify', async () => {
    const empty = mkdtempSync(join(root, 'empty-'));
    const ctx = await context({ dir: empty });
    await expect(terraform.run(ctx, fakeTask())).rejects.toMatchObject({ code: 'terraform_dir_missing' });
    const v = await terraform.verify(ctx);
    expect(v).toEqual({ ok: false, reason: `no Terraform configuration in ${empty}` });
  });

  it('names the install command when terraform is not installed', async () => {
    const base = await context();
    const ctx = { ...base, platform: { ...base.platform, env: { PATH: join(root, 'no-tools') } } };
    const err = await terraform.run(ctx, fakeTask()).catch((e) => e);
    expect(err).toMatchObject({ code: 'terraform_missing' });
    expect(err.suggestions).toContain('or run without --terraform');
  });
});
