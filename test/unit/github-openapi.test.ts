// The GitHub model and natsgh held to GitHub's published contract
// (@octokit/openapi, api.github.com): every response the model gives in the
// scenarios natsgh meets validates against the response schema GitHub
// documents for that operation and status, and every request body natsgh sends
// validates against the operation's request schema.
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { regenerateRepository } from '../../src/controller/regenerate.js';
import { createGithubClient } from '../../src/github/client.js';
import { registerOrgWebhook } from '../../src/github/webhook-register.js';
import { renderVariablesFromConfig } from '../../src/render/render.js';
import { GITHUB_API, GithubModel, type RequestRecord } from '../support/github-model.js';

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const spec = require('@octokit/openapi/generated/api.github.com.json') as {
  paths: Record<string, Record<string, any>>;
  components: Record<string, any>;
};

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema({ components: spec.components }, 'gh');

const resolve = (o: any): any => {
  while (o?.$ref)
    o = o.$ref
      .slice(2)
      .split('/')
      .reduce((x: any, k: string) => x[k], spec);
  return o;
};
/** A schema from the description, its local $refs pointed at the registered components. */
const schemaOf = (s: any) => JSON.parse(JSON.stringify(s).replaceAll('"#/components/', '"gh#/components/'));
const compiled = new Map<string, ValidateFunction>();
function validator(key: string, schema: any): ValidateFunction {
  if (!compiled.has(key)) compiled.set(key, ajv.compile(schemaOf(schema)));
  return compiled.get(key)!;
}

/** The operation of the description a request is for: its template path and definition. */
function operation(r: RequestRecord): { template: string; op: any } | undefined {
  for (const [template, item] of Object.entries(spec.paths)) {
    const op = item[r.method.toLowerCase()];
    if (!op) continue;
    const re = new RegExp(
      `^${template.replace(/\{[^}]+\}/g, (p) => (p === '{ref}' || p === '{path}' ? '.+' : '[^/]+'))}$`,
    );
    if (re.test(r.path)) return { template, op };
  }
  return undefined;
}

const ORG = 'acme';
let model: GithubModel;

beforeAll(() => {
  model = new GithubModel({ writeGapMs: 0 }).listen();
  model.keepBodies = true;
});
afterAll(() => model.close());

async function scenarios() {
  const { config } = await resolveConfig({ noFile: true, env: {}, flags: { org: ORG } });
  const variables = renderVariablesFromConfig(config);
  const github = await createGithubClient(
    { kind: 'token', token: 'ghp_openapi_test_token_12345' },
    GITHUB_API,
    {
      writeMinTimeMs: 0,
      retries: 0,
    },
  );
  const regen = (repo: string, viaPullRequest = false) =>
    regenerateRepository({ github, owner: ORG, repo, variables, instanceId: 't', viaPullRequest }).catch(
      (e) => e,
    );
  await github.identityLogins();
  // A commit, a fixed point (304s), a moved ref, a hand edit.
  model.createRepo(ORG, 'plain');
  await regen('plain');
  await regen('plain');
  model.beforeNext('PATCH', /\/git\/refs\/heads\//, () => model.push(ORG, 'plain', { 'x.md': 'x\n' }));
  model.push(ORG, 'plain', { 'SECURITY.md': 'edited\n' });
  await regen('plain');
  // Refusals: protection, ruleset, workflow scope; an empty repository; pull-request mode.
  for (const rule of ['protected_branch', 'ruleset', 'status_checks'] as const) {
    model.createRepo(ORG, rule);
    model.protect(ORG, rule, 'main', rule);
    await regen(rule);
  }
  model.createRepo(ORG, 'noscope');
  model.scopes.delete('workflow');
  await regen('noscope');
  model.scopes.add('workflow');
  model.createEmptyRepo(ORG, 'empty');
  await regen('empty');
  model.createRepo(ORG, 'pr');
  await regen('pr', true);
  model.push(ORG, 'pr', { 'natsgh.yaml': 'variables:\n  org_name: X\n' });
  await regen('pr', true);
  await regen('pr', true);
  // Org hooks: created, updated, an App-only event refused; the secondary rate limit on a burst.
  await registerOrgWebhook(github, { org: ORG, url: 'https://h.test/w', secret: 's', events: ['push'] });
  await registerOrgWebhook(github, {
    org: ORG,
    url: 'https://h.test/w',
    secret: 's',
    events: ['push', 'repository'],
  });
  await registerOrgWebhook(github, {
    org: ORG,
    url: 'https://h.test/w2',
    secret: 's',
    events: ['repository_dispatch'],
  }).catch(() => undefined);
  return model.requests;
}

describe('the GitHub model and natsgh against @octokit/openapi', () => {
  let requests: RequestRecord[];
  beforeAll(async () => {
    requests = await scenarios();
  }, 60_000);

  it('met the cases the contract covers', () => {
    const statuses = new Set(requests.map((r) => `${r.method} ${r.status}`));
    for (const s of ['GET 200', 'GET 304', 'GET 409', 'POST 201', 'PATCH 200', 'PATCH 422', 'PUT 201']) {
      expect(statuses, s).toContain(s);
    }
  });

  it('every response body validates against the schema GitHub documents for it', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of requests) {
      if (r.status === 304) continue;
      const found = operation(r);
      if (!found) {
        failures.push(`${r.method} ${r.path}: no such operation in the description`);
        continue;
      }
      const response = resolve(found.op.responses[String(r.status)] ?? found.op.responses.default);
      if (!response) {
        failures.push(`${r.method} ${found.template}: ${r.status} is not a documented answer`);
        continue;
      }
      const schema = response.content?.['application/json']?.schema;
      if (!schema) continue;
      const validate = validator(`res ${r.method} ${found.template} ${r.status}`, schema);
      checked++;
      if (!validate(r.responseBody)) {
        failures.push(
          `${r.method} ${found.template} ${r.status}: ${ajv.errorsText(validate.errors).slice(0, 300)}`,
        );
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it('every error body carries message and documentation_url', () => {
    const errors = requests.filter((r) => r.status >= 400);
    expect(errors.length).toBeGreaterThan(5);
    for (const r of errors) {
      expect(r.responseBody, `${r.method} ${r.path}`).toMatchObject({
        message: expect.any(String),
        documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
      });
    }
  });

  it('every request body natsgh sends validates against the request schema', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of requests) {
      if (!r.mutating || r.requestBody === undefined) continue;
      const found = operation(r);
      if (!found) {
        failures.push(`${r.method} ${r.path}: no such operation`);
        continue;
      }
      const schema = resolve(found.op.requestBody)?.content?.['application/json']?.schema;
      if (!schema) continue;
      const validate = validator(`req ${r.method} ${found.template}`, schema);
      checked++;
      if (!validate(r.requestBody)) {
        failures.push(`${r.method} ${found.template}: ${ajv.errorsText(validate.errors).slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(15);
  });
});
