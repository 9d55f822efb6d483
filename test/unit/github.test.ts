import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGithubClient } from '../../src/github/client.js';
import { describeGithubError } from '../../src/github/errors.js';
import { registerOrgWebhook } from '../../src/github/webhook-register.js';
import { createSignatureVerifier, signBody } from '../../src/github/webhook-signature.js';
import { GITHUB_API, GithubModel } from '../support/github-model.js';

describe('webhook signature', () => {
  it('verifies over streamed chunks, with any of several secrets, and rejects the rest', () => {
    const body = Buffer.from('{"zen":"Keep it logically awesome."}');
    for (const secret of ['new-secret', 'old-secret']) {
      const v = createSignatureVerifier(['new-secret', 'old-secret']);
      v.update(body.subarray(0, 5));
      v.update(body.subarray(5));
      expect(v.verify(signBody(secret, body))).toBe(true);
    }
    const wrong = createSignatureVerifier(['new-secret']);
    wrong.update(body);
    expect(wrong.verify(signBody('other', body))).toBe(false);
    for (const header of [undefined, '', 'sha1=abc', `sha256=${'0'.repeat(63)}`, 'sha256=xyz']) {
      const v = createSignatureVerifier(['new-secret']);
      v.update(body);
      expect(v.verify(header)).toBe(false);
    }
  });
});

describe('describeGithubError', () => {
  const op = { what: 'commit generated files to acme/.github', permission: 'contents: write' };
  it('names the missing permission', () => {
    const e = describeGithubError({ status: 403, message: 'Resource not accessible by integration' }, op);
    expect(e.code).toBe('github_permission');
    expect(e.message).toContain('"contents: write"');
    const wf = describeGithubError(
      {
        status: 403,
        message:
          'refusing to allow an OAuth App to create or update workflow `.github/workflows/a.yml` without `workflow` scope',
      },
      { ...op, paths: ['.github/workflows/a.yml'] },
    );
    expect(wf.details?.permission).toBe('workflows: write');
    expect(wf.suggestions.join(' ')).toContain('Workflows');
  });
  it('tells rate limits, auth, not found and outages apart', () => {
    expect(
      describeGithubError(
        { status: 403, message: 'x', response: { headers: { 'x-ratelimit-remaining': '0' } } },
        op,
      ).code,
    ).toBe('github_rate_limited');
    expect(describeGithubError({ status: 401, message: 'Bad credentials' }, op).code).toBe('github_auth');
    expect(describeGithubError({ status: 404, message: 'Not Found' }, op).code).toBe('github_not_found');
    expect(describeGithubError({ status: 502, message: 'Bad gateway' }, op).code).toBe('github_unavailable');
  });
});

describe('registerOrgWebhook (GitHub model)', () => {
  const model = new GithubModel({ writeGapMs: 0 });
  beforeAll(() => model.listen());
  afterAll(() => model.close());

  it('creates, then updates the hook with the same URL, always sending the secret', async () => {
    const github = await createGithubClient(
      { kind: 'token', token: 'ghp_register_test_token_1234' },
      GITHUB_API,
      {
        writeMinTimeMs: 0,
      },
    );
    const url = 'https://natsgh.acme.test/webhook';
    const first = await registerOrgWebhook(github, {
      org: 'acme',
      url,
      secret: 's1-secret',
      events: ['push'],
    });
    expect(first.action).toBe('created');
    const second = await registerOrgWebhook(github, {
      org: 'acme',
      url,
      secret: 's2-secret',
      events: ['push', 'repository'],
    });
    expect(second).toMatchObject({ action: 'updated', id: first.id, events: ['push', 'repository'] });
    const hooks = model.hooks.get('acme')!;
    expect(hooks).toHaveLength(1);
    expect(hooks[0].config.secret).toBe('s2-secret');
    expect(hooks[0].config.content_type).toBe('json');
    await registerOrgWebhook(github, { org: 'acme', url: `${url}2`, secret: 's', events: ['push'] });
    expect(model.hooks.get('acme')).toHaveLength(2);
  });

  it('names the org webhook permission when refused', async () => {
    const github = await createGithubClient(
      { kind: 'token', token: 'ghp_register_test_token_1234' },
      GITHUB_API,
    );
    model.fail('GET', /\/orgs\/acme\/hooks/, 403, {
      body: { message: 'Must have admin rights to Repository.' },
    });
    await expect(
      registerOrgWebhook(github, {
        org: 'acme',
        url: 'https://x.test/webhook',
        secret: 's',
        events: ['push'],
      }),
    ).rejects.toMatchObject({
      code: 'github_permission',
      details: { permission: expect.stringContaining('admin:org_hook') },
    });
  });

  it('authenticates as a GitHub App installation and knows its bot login', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const github = await createGithubClient(
      { kind: 'app', appId: '1', privateKey: pem, installationId: '42' },
      GITHUB_API,
    );
    expect(await github.identityLogins()).toEqual(['natsgh-app[bot]']);
    model.createRepo('acme', 'app-repo');
    const { data } = await github.octokit.rest.repos.get({ owner: 'acme', repo: 'app-repo' });
    expect(data.default_branch).toBe('main');
    expect(model.countRequests('POST', /\/app\/installations\/42\/access_tokens/)).toBe(1);
  });
});
