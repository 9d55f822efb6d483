// Regenerations against the GitHub model as GitHub behaves: at most three
// mutating requests whatever the file count, nothing when unchanged, free
// (304) reconciles, truncated trees walked, GitHub's refusals reported at once
// with what to grant, an empty repository initialized, pull-request mode, the
// pace of writes, and a deadline on every request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { controllerMetrics, countGithubResponses } from '../../src/controller/metrics.js';
import { regenerateRepository } from '../../src/controller/regenerate.js';
import { createGithubClient, type GithubClientOptions } from '../../src/github/client.js';
import { classifyRefRefusal, PULL_REQUEST_BRANCH } from '../../src/github/commit.js';
import { registerOrgWebhook, registerOrgWebhookFromConfig } from '../../src/github/webhook-register.js';
import { loadTemplates, renderVariablesFromConfig } from '../../src/render/render.js';
import { GITHUB_API, GithubModel, REF_REFUSALS } from '../support/github-model.js';

const ORG = 'acme';
const REPO = '.github';
let model: GithubModel;
let variables: Record<string, string>;
let tokenCounter = 0;

beforeAll(async () => {
  // Behaviour tests: writes unpaced unless a test turns GitHub's pace on.
  model = new GithubModel({ writeGapMs: 0 }).listen();
  const { config } = await resolveConfig({ noFile: true, env: {}, flags: { org: ORG } });
  variables = renderVariablesFromConfig(config);
});
afterAll(() => model.close());
beforeEach(() => {
  model.repos.clear();
  model.requests.length = 0;
  model.writeGapMs = 0;
  model.truncateTreeAt = 100_000;
  model.scopes.add('workflow');
});

const client = (opts: GithubClientOptions = {}) =>
  createGithubClient({ kind: 'token', token: `ghp_commit_test_token_${++tokenCounter}_abcdef` }, GITHUB_API, {
    writeMinTimeMs: 0,
    retryAfterBaseMs: 5,
    ...opts,
  });

const regenerate = async (
  github: Awaited<ReturnType<typeof client>>,
  extra: { viaPullRequest?: boolean } = {},
) => regenerateRepository({ github, owner: ORG, repo: REPO, variables, instanceId: 't', ...extra });

const writes = () => model.requests.filter((r) => r.mutating);
const generated = () => model.log(ORG, REPO).filter((c) => /Natsgh-Generated: [0-9a-f]{64}/.test(c.message));

describe('regeneration writes', () => {
  it('commits every changed file with one tree, one commit and one ref update; nothing when unchanged', async () => {
    model.createRepo(ORG, REPO);
    const github = await client();
    const r = await regenerate(github);
    expect(r.changedPaths.length).toBeGreaterThanOrEqual(10);
    expect(writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /repos/${ORG}/${REPO}/git/trees`,
      `POST /repos/${ORG}/${REPO}/git/commits`,
      `PATCH /repos/${ORG}/${REPO}/git/refs/heads/main`,
    ]);
    expect(model.countRequests('POST', /\/git\/blobs$/)).toBe(0);
    expect(r.requests.writes).toBe(3);
    const files = model.files(ORG, REPO);
    for (const f of r.files) expect(files.has(f.path), f.path).toBe(true);
    model.requests.length = 0;
    const again = await regenerate(github);
    expect(again.changed).toBe(false);
    expect(writes()).toEqual([]);
  });

  it('an unchanged reconcile costs only 304s, which GitHub does not count', async () => {
    model.createRepo(ORG, REPO);
    const github = await client();
    await regenerate(github);
    await regenerate(github); // learns the ETags of the new head
    model.requests.length = 0;
    const before = model.rateRemaining;
    const metrics = controllerMetrics();
    const r = await regenerateRepository({
      github,
      owner: ORG,
      repo: REPO,
      variables,
      instanceId: 't',
      metrics,
    });
    expect(r.changed).toBe(false);
    expect(model.requests.length).toBeGreaterThan(0);
    expect(model.requests.every((q) => q.status === 304)).toBe(true);
    expect(model.countedRequests()).toBe(0);
    expect(model.rateRemaining).toBe(before);
    expect(r.requests).toEqual({ reads: 0, notModified: model.requests.length, writes: 0 });
    expect(metrics.get('natsgh_github_requests_last_regeneration', { kind: 'not_modified' })).toBe(
      model.requests.length,
    );
    expect(metrics.get('natsgh_github_requests_last_regeneration', { kind: 'write' })).toBe(0);
    // A change on GitHub is seen at once: the ref's ETag no longer matches.
    model.push(ORG, REPO, { 'SECURITY.md': 'edited by hand\n' });
    const repaired = await regenerate(github);
    expect(repaired.changedPaths).toEqual(['SECURITY.md']);
  });

  it('2,000 files in the repository and 200 templates: the same three writes; a truncated tree is walked', async () => {
    const files: Record<string, string> = {};
    const overrides = 200 - (await loadTemplates()).size;
    for (let i = 0; i < 2000; i++) files[`src/pkg${i % 40}/file${i}.txt`] = `file ${i}\n`;
    for (let i = 0; i < overrides; i++)
      files[`natsgh/templates/extra/t${i}.md`] = `template ${i} of {{ org }}\n`;
    model.createRepo(ORG, REPO, files);
    model.truncateTreeAt = 1000;
    const github = await client();
    const r = await regenerate(github);
    expect(r.files.length).toBe(200);
    expect(writes()).toHaveLength(3);
    // The truncated answer was never taken as complete: the tree was read level by level.
    expect(
      model.requests.some((q) => q.method === 'GET' && /\/git\/trees\//.test(q.path) && q.query === ''),
    ).toBe(true);
    const after = model.files(ORG, REPO);
    expect(after.size).toBe(2000 + overrides + r.files.length + 1);
    expect(after.get('src/pkg7/file7.txt')).toBe('file 7\n');
    expect(after.get(`extra/t${overrides - 1}.md`)).toBe(`template ${overrides - 1} of acme\n`);
    model.requests.length = 0;
    expect((await regenerate(github)).changed).toBe(false);
    expect(writes()).toEqual([]);
  });
});

describe("GitHub's refusals", () => {
  it.each([
    ['protected_branch', 'Protected branch update failed for refs/heads/main.'],
    ['ruleset', 'Repository rule violations found'],
    ['status_checks', 'Required status check'],
  ] as const)('%s: reported at once with what to do, not retried as a moved ref', async (rule, text) => {
    model.createRepo(ORG, REPO);
    model.protect(ORG, REPO, 'main', rule);
    const github = await client();
    const err = await regenerate(github).catch((e) => e);
    expect(err).toMatchObject({ code: 'github_branch_protected' });
    expect(err.message).toContain(text.trim());
    expect(err.suggestions.join(' ')).toMatch(/--via-pull-request/);
    expect(model.countRequests('PATCH', /\/git\/refs\//)).toBe(1);
    expect(writes()).toHaveLength(3);
  });

  it('a token without the workflow scope: names the permission at once', async () => {
    model.createRepo(ORG, REPO);
    model.scopes.delete('workflow');
    const github = await client();
    await expect(regenerate(github)).rejects.toMatchObject({
      code: 'github_permission',
      details: { permission: 'workflows: write' },
    });
    expect(model.countRequests('PATCH', /\/git\/refs\//)).toBe(1);
  });

  it('only the documented non-fast-forward is a moved ref: the commit is rebuilt on the new head', async () => {
    model.createRepo(ORG, REPO);
    let personCommit = '';
    model.beforeNext('PATCH', /\/git\/refs\/heads\//, () => {
      model.push(ORG, REPO, { 'docs/guide.md': 'by hand\n' });
      personCommit = model.head(ORG, REPO);
    });
    const r = await regenerate(await client());
    expect(r.attempts).toBe(2);
    expect(model.log(ORG, REPO)[0].parents).toEqual([personCommit]);
    const refusals = model.requests.filter((q) => q.method === 'PATCH' && q.status === 422);
    expect(refusals).toHaveLength(1);
    // What octokit makes of GitHub's answers: the message carries " - <documentation_url>".
    const moved = {
      status: 422,
      message: `${REF_REFUSALS.not_fast_forward} - https://docs.github.com/rest/git/refs#update-a-reference`,
      response: {
        data: {
          message: REF_REFUSALS.not_fast_forward,
          documentation_url: 'https://docs.github.com/rest/git/refs#update-a-reference',
        },
      },
    };
    expect(classifyRefRefusal(moved)).toBe('moved');
    for (const message of ['Object does not exist', 'Reference does not exist', 'Reference update failed']) {
      expect(
        classifyRefRefusal({
          status: 422,
          message: `${message} - https://docs.github.com/rest/git/refs#update-a-reference`,
          response: { data: { message } },
        }),
        message,
      ).not.toBe('moved');
    }
  });

  it('a 409 while creating the tree is reported at once, not rebuilt', async () => {
    model.createRepo(ORG, REPO);
    model.fail('POST', /\/git\/trees$/, 409, { body: { message: 'Git Repository is empty.' } });
    await expect(regenerate(await client())).rejects.toMatchObject({ code: 'github_repo_empty' });
    expect(model.countRequests('POST', /\/git\/trees$/)).toBe(1);
    expect(model.countRequests('PATCH', /\/git\/refs\//)).toBe(0);
  });
});

describe('empty repositories and pull requests', () => {
  it('an empty repository gets its first commit through the contents API, then the rest as usual', async () => {
    model.createEmptyRepo(ORG, REPO);
    const github = await client();
    const r = await regenerate(github);
    expect(r.initialized).toBe(true);
    expect(model.countRequests('PUT', /\/contents\//)).toBe(1);
    const files = model.files(ORG, REPO);
    for (const f of r.files) expect(files.has(f.path), f.path).toBe(true);
    expect(files.has('.natsgh/manifest.json')).toBe(true);
    expect(writes()).toHaveLength(4);
    expect(generated().length).toBe(2);
    expect((await regenerate(github)).changed).toBe(false);
  });

  it('--via-pull-request: commits to natsgh/regenerate and opens one pull request, then keeps it up to date', async () => {
    model.createRepo(ORG, REPO);
    model.protect(ORG, REPO, 'main', 'ruleset');
    const github = await client();
    const mainBefore = model.head(ORG, REPO);
    const first = await regenerate(github, { viaPullRequest: true });
    expect(first.pullRequest).toMatchObject({ number: 1, action: 'opened' });
    expect(model.head(ORG, REPO)).toBe(mainBefore);
    expect(model.files(ORG, REPO, PULL_REQUEST_BRANCH).has('SECURITY.md')).toBe(true);
    expect(model.pulls(ORG, REPO)).toHaveLength(1);
    // Nothing new: no write at all.
    model.requests.length = 0;
    const same = await regenerate(github, { viaPullRequest: true });
    expect(same.pullRequest).toMatchObject({ number: 1, action: 'unchanged' });
    expect(writes()).toEqual([]);
    // A change on the default branch: the branch is rebuilt on it, the same pull request carries it.
    model.push(ORG, REPO, { 'natsgh.yaml': 'variables:\n  org_name: Acme Widgets\n' });
    model.requests.length = 0;
    const updated = await regenerate(github, { viaPullRequest: true });
    expect(updated.pullRequest).toMatchObject({ number: 1, action: 'updated' });
    expect(writes()).toHaveLength(3);
    expect(model.files(ORG, REPO, PULL_REQUEST_BRANCH).get('CONTRIBUTING.md')).toContain('Acme Widgets');
    expect(model.log(ORG, REPO, PULL_REQUEST_BRANCH)[0].parents).toEqual([model.head(ORG, REPO)]);
    expect(model.pulls(ORG, REPO)).toHaveLength(1);
  });
});

describe('pace and deadlines', () => {
  it("paced like GitHub: octokit's throttle keeps writes a second apart; a burst gets 403 with retry-after", async () => {
    model.createRepo(ORG, REPO);
    model.writeGapMs = 1000;
    const paced = await client({ writeMinTimeMs: 1000, retryAfterBaseMs: 1000 });
    const t0 = performance.now();
    await regenerate(paced);
    const ms = performance.now() - t0;
    const w = writes();
    expect(w.map((q) => q.status)).toEqual([201, 201, 200]);
    for (let i = 1; i < w.length; i++) expect(w[i].at - w[i - 1].at).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(4000);
    // A client that does not pace: GitHub answers the burst with the secondary rate limit.
    model.push(ORG, REPO, { 'SECURITY.md': 'x\n' });
    model.requests.length = 0;
    const said: string[] = [];
    const burst = await client({ writeMinTimeMs: 0, retryAfterBaseMs: 1000, log: (l) => said.push(l) });
    await regenerate(burst);
    const limited = model.requests.filter((q) => q.status === 403);
    expect(limited.length).toBeGreaterThan(0);
    // Each wait is said, with the request and the retry it is.
    expect(said.length).toBe(limited.length);
    expect(said[0]).toMatch(
      /^GitHub secondary rate limit on (POST|PATCH|PUT) \/repos\/\S+; retry 1 in \d+s$/,
    );
    expect(writes().filter((q) => q.status < 300)).toHaveLength(3);
  }, 20_000);

  it("a burst answered 429 with retry-after (GitHub's other status for it) is waited out too", async () => {
    model.createRepo(ORG, REPO);
    model.writeGapMs = 1000;
    model.burstStatus = 429;
    try {
      const burst = await client({ writeMinTimeMs: 0, retryAfterBaseMs: 1000 });
      const r = await regenerate(burst);
      expect(r.changed).toBe(true);
      const limited = model.requests.filter((q) => q.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(writes().filter((q) => q.status < 300)).toHaveLength(3);
    } finally {
      model.burstStatus = 403;
    }
  }, 20_000);

  it('gives up on a request GitHub does not answer within the deadline', async () => {
    model.createRepo(ORG, REPO);
    model.hang('GET', /\/git\/ref\//, 3000);
    const metrics = controllerMetrics();
    const github = await client({ requestTimeoutMs: 300, onResponse: countGithubResponses(metrics) });
    const t0 = performance.now();
    await expect(regenerate(github)).rejects.toMatchObject({ code: 'github_unavailable' });
    expect(performance.now() - t0).toBeLessThan(2500);
    expect(metrics.get('natsgh_github_calls_total', { status: 'timeout' })).toBe(1);
  });
});

describe('org webhooks', () => {
  it('register only events an org hook receives; GitHub refuses App-only ones', async () => {
    const github = await client();
    await expect(
      registerOrgWebhook(github, {
        org: ORG,
        url: 'https://x.test/hook',
        secret: 's',
        events: ['push', 'repository_dispatch'],
      }),
    ).rejects.toMatchObject({ code: 'github_error', details: { status: 422 } });
    const { config } = await resolveConfig({
      noFile: true,
      env: { GITHUB_TOKEN: 'ghp_hooks_test_token_123456', NATSGH_WEBHOOK_SECRET: 'whsec-123456' },
      flags: { org: ORG, 'github-api-url': GITHUB_API },
    });
    const r = await registerOrgWebhookFromConfig(config, { url: 'https://x.test/hook' });
    expect(r.events).toEqual(['push', 'repository']);
    model.requests.length = 0;
    await expect(
      registerOrgWebhookFromConfig(config, {
        url: 'https://x.test/hook',
        events: ['push', 'workflow_dispatch'],
      }),
    ).rejects.toMatchObject({ code: 'webhook_event_app_only' });
    expect(model.requests).toEqual([]);
  });
});
