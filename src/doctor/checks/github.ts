// The GitHub token check: present, accepted by the GitHub API at github.apiUrl
// (GitHub Enterprise too), and carrying the scopes natsgh needs. Uses plain
// fetch so it stays light and msw can stand in for GitHub in tests.
import type { DoctorCheck } from '../check.js';

/** Classic-token scopes natsgh needs: contents of the org's .github repo (repo) and the org webhook. */
const REQUIRED_SCOPES = ['repo'];
const RECOMMENDED_SCOPES = ['admin:org_hook'];

const TOKEN_HINT =
  'Set GITHUB_TOKEN (or GH_TOKEN, or --github-token) to a token with the repo and admin:org_hook scopes.';

export const githubTokenCheck: DoctorCheck = {
  id: 'github-token',
  title: 'GitHub token',
  appliesTo(ctx) {
    const gh = ctx.config.github;
    if (!gh.token && gh.appId && gh.appPrivateKeyFile) return 'a GitHub App is configured instead of a token';
    return true;
  },
  async run(ctx) {
    const { token, apiUrl } = ctx.config.github;
    if (!token) {
      return {
        status: 'warn',
        message:
          'no GitHub token: the controller cannot commit generated files and the org webhook cannot be registered',
        hint: TOKEN_HINT,
      };
    }
    const url = `${apiUrl.replace(/\/+$/, '')}/user`;
    let res: Response;
    try {
      res = await ctx.deps.fetch(url, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'user-agent': 'natsgh-doctor',
        },
        signal: ctx.signal,
      });
    } catch (err) {
      return {
        status: 'fail',
        message: `cannot reach the GitHub API at ${apiUrl}: ${(err as Error).cause ? String((err as Error & { cause: unknown }).cause) : (err as Error).message}`,
        hint: 'Check the network and --github-api-url (GITHUB_API_URL; GitHub Enterprise Server: https://HOST/api/v3).',
      };
    }
    const remaining = res.headers.get('x-ratelimit-remaining');
    if ((res.status === 403 || res.status === 429) && remaining === '0') {
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      const when = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : 'later';
      return {
        status: 'warn',
        message: `GitHub API rate limit exhausted for this token; the token could not be checked (resets at ${when})`,
        hint: `Wait until ${when}, or use a different token.`,
      };
    }
    if (res.status === 401) {
      return {
        status: 'fail',
        message: `GitHub at ${apiUrl} rejected the token (401 Bad credentials): it is wrong, expired or revoked`,
        hint: `Create a new token (https://github.com/settings/tokens) and set it. ${TOKEN_HINT}`,
      };
    }
    if (!res.ok) {
      const body = await res.text().catch(() => '');
      let detail = '';
      try {
        detail = JSON.parse(body).message ?? '';
      } catch {
        detail = body.slice(0, 200);
      }
      return {
        status: 'fail',
        message: `GitHub at ${apiUrl} answered ${res.status} to GET /user${detail ? `: ${detail}` : ''}`,
        hint: 'Check the token, and --github-api-url for GitHub Enterprise Server.',
      };
    }
    const user = (await res.json().catch(() => ({}))) as { login?: string };
    const who = user.login ? ` as ${user.login}` : '';
    const header = res.headers.get('x-oauth-scopes');
    if (header === null) {
      // Fine-grained tokens (and app tokens) carry permissions GitHub does not report in a header.
      return {
        status: 'warn',
        message: `token valid${who}; it is fine-grained, so GitHub does not report its permissions`,
        hint: `Check on https://github.com/settings/tokens that it has, for the organization's ${ctx.config.github.repo} repository, Contents: read and write, and Organization permissions "Webhooks": read and write.`,
      };
    }
    const scopes = header
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const missingRequired = REQUIRED_SCOPES.filter((s) => !scopes.includes(s));
    const missingRecommended = RECOMMENDED_SCOPES.filter((s) => !scopes.includes(s));
    const shown = scopes.length > 0 ? scopes.join(', ') : 'none';
    if (missingRequired.length > 0) {
      return {
        status: 'fail',
        message: `token valid${who} but lacks the scope(s) ${missingRequired.join(', ')} (has: ${shown})`,
        hint: `Add the ${[...missingRequired, ...missingRecommended].join(' and ')} scope(s) to the token on https://github.com/settings/tokens.`,
      };
    }
    if (missingRecommended.length > 0) {
      return {
        status: 'warn',
        message: `token valid${who} (scopes: ${shown}); without ${missingRecommended.join(', ')} natsgh cannot register the org webhook`,
        hint: `Add the ${missingRecommended.join(', ')} scope, or register the webhook by hand.`,
      };
    }
    return { status: 'ok', message: `token valid${who} (scopes: ${shown})` };
  },
};
