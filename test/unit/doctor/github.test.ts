import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { githubTokenCheck } from '../../../src/doctor/checks/github.js';
import { testConfig, testContext } from './standins.js';

const API = 'https://ghe.example.test/api/v3';
const VALID = 'ghp_doctorTestValidToken0123456789abcdef';
const NO_SCOPES = 'ghp_doctorTestNoScopesToken0123456789ab';
const LIMITED = 'ghp_doctorTestRateLimited0123456789abcd';
const FINE = 'github_pat_11AAAAAAA0doctorFineGrained_0123456789abcdef';
const seen: string[] = [];

const server = setupServer(
  http.get(`${API}/user`, ({ request }) => {
    const auth = request.headers.get('authorization') ?? '';
    seen.push(auth);
    const token = auth.replace(/^Bearer /, '');
    if (token === VALID) {
      return HttpResponse.json(
        { login: 'octo' },
        { headers: { 'x-oauth-scopes': 'repo, admin:org_hook, read:org' } },
      );
    }
    if (token === NO_SCOPES)
      return HttpResponse.json({ login: 'octo' }, { headers: { 'x-oauth-scopes': 'read:org' } });
    if (token === FINE) return HttpResponse.json({ login: 'octo' });
    if (token === LIMITED) {
      return HttpResponse.json(
        { message: 'API rate limit exceeded' },
        { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' } },
      );
    }
    return HttpResponse.json({ message: 'Bad credentials' }, { status: 401 });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function check(token?: string) {
  const env: NodeJS.ProcessEnv = { GITHUB_API_URL: API };
  if (token) env.GITHUB_TOKEN = token;
  return githubTokenCheck.run(testContext(await testConfig(env)));
}

describe('github-token check', () => {
  it('accepts a valid classic token with the needed scopes, asking the configured API URL', async () => {
    const r = await check(VALID);
    expect(r).toEqual({
      status: 'ok',
      message: 'token valid as octo (scopes: repo, admin:org_hook, read:org)',
    });
    expect(seen.at(-1)).toBe(`Bearer ${VALID}`);
  });

  it('fails an invalid token (401) without printing it', async () => {
    const r = await check('ghp_thisTokenIsWrong0123456789abcdefgh');
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/401 Bad credentials/);
    expect(JSON.stringify(r)).not.toContain('ghp_thisTokenIsWrong');
  });

  it('fails a token missing the repo scope, naming it', async () => {
    const r = await check(NO_SCOPES);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('lacks the scope(s) repo (has: read:org)');
    expect(r.hint).toContain('admin:org_hook');
  });

  it('warns when rate-limited, with the reset time', async () => {
    const r = await check(LIMITED);
    expect(r.status).toBe('warn');
    expect(r.message).toContain(new Date(1_900_000_000 * 1000).toISOString());
  });

  it('warns that a fine-grained token reports no permissions and says what to check', async () => {
    const r = await check(FINE);
    expect(r.status).toBe('warn');
    expect(r.message).toContain('fine-grained');
    expect(r.hint).toMatch(/Contents: read and write/);
  });

  it('warns when no token is set, and fails when the API cannot be reached', async () => {
    const none = await check();
    expect(none.status).toBe('warn');
    expect(none.hint).toContain('GITHUB_TOKEN');
    server.use(http.get(`${API}/user`, () => HttpResponse.error()));
    const down = await check(VALID);
    expect(down.status).toBe('fail');
    expect(down.message).toContain(`cannot reach the GitHub API at ${API}`);
    expect(down.hint).toContain('GITHUB_API_URL');
  });

  it('is skipped when a GitHub App is configured instead', async () => {
    const config = await testConfig({
      NATSGH_GITHUB_APP_ID: '123',
      NATSGH_GITHUB_APP_PRIVATE_KEY_FILE: '/k.pem',
    });
    expect(githubTokenCheck.appliesTo(testContext(config))).toMatch(/GitHub App/);
  });
});
