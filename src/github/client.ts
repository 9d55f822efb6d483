// The GitHub client: octokit with retry (5xx, network) and throttling (primary
// and secondary rate limits), authenticated by a token or as a GitHub App
// installation, against github.com or GitHub Enterprise Server. Every response
// is reported to an observer (the controller counts them in its metrics: calls by
// status, rate-limit remaining). Every request has a
// deadline (30 s): a GitHub that never answers must not hold an event, and the
// repo lock kept alive by it, for undici's 300 s.
import { readFile } from 'node:fs/promises';
import type { Octokit } from '@octokit/rest';
import type { NatsghConfig } from '../config/keys.js';
import { UsageError } from '../errors.js';
import { registerSecret } from '../redact.js';
import { GitCache } from './commit.js';
import { httpFetch, syntheticResponse } from './http-fetch.js';

/** How long one GitHub request may take before natsgh gives up on it. */
export const GITHUB_REQUEST_TIMEOUT_MS = 30_000;

export type GithubAuth =
  | { kind: 'token'; token: string }
  | { kind: 'app'; appId: string; privateKey: string; installationId: string };

export interface GithubClient {
  octokit: Octokit;
  apiUrl: string;
  auth: GithubAuth['kind'];
  /** ETags and immutable objects remembered between regenerations (conditional reads). */
  cache?: GitCache;
  /** Logins the controller's own pushes come from (token user, or "<app-slug>[bot]"), lower-case. */
  identityLogins(): Promise<string[]>;
}

/**
 * What became of one request attempt (retries included): its HTTP status,
 * `timeout` (natsgh's deadline passed) or `network_error`, and GitHub's
 * x-ratelimit-remaining when the response carried it.
 */
export interface GithubResponseOutcome {
  status: string;
  rateLimitRemaining?: number;
}

export interface GithubClientOptions {
  /** Called once per request attempt, as it ends. */
  onResponse?: (outcome: GithubResponseOutcome) => void;
  /** Minimum gap between write requests (GitHub asks for ~1 s; tests use 0). */
  writeMinTimeMs?: number;
  /** Multiplier of Retry-After seconds (tests shrink it). */
  retryAfterBaseMs?: number;
  /** Retries for 5xx and network errors. */
  retries?: number;
  /** How many times a rate-limited request is retried. */
  rateLimitRetries?: number;
  log?: (line: string) => void;
  /** Deadline of one request (default GITHUB_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

export async function createGithubClient(
  auth: GithubAuth,
  apiUrl: string,
  opts: GithubClientOptions = {},
): Promise<GithubClient> {
  const { Octokit } = await import('@octokit/rest');
  const { retry } = await import('@octokit/plugin-retry');
  const { throttling } = await import('@octokit/plugin-throttling');
  const Bottleneck = (await import('bottleneck')).default;
  if (auth.kind === 'token') registerSecret(auth.token);
  else registerSecret(auth.privateKey);
  const MyOctokit = Octokit.plugin(retry, throttling);
  const baseMs = opts.retryAfterBaseMs ?? 1000;
  const rateLimitRetries = opts.rateLimitRetries ?? 3;
  const log = opts.log ?? (() => undefined);
  const authOptions =
    auth.kind === 'token'
      ? { auth: auth.token }
      : {
          authStrategy: (await import('@octokit/auth-app')).createAppAuth,
          auth: { appId: auth.appId, privateKey: auth.privateKey, installationId: auth.installationId },
        };
  const observe = opts.onResponse ?? (() => undefined);
  const timeoutMs = opts.requestTimeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS;
  // Counted at the fetch, so every attempt (retries included) and its rate-limit header is seen.
  const countingFetch = async (input: string, init?: Parameters<typeof httpFetch>[1]) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      const res = await httpFetch(input, { ...init, signal });
      const remaining = Number(res.headers.get('x-ratelimit-remaining') ?? Number.NaN);
      observe({
        status: String(res.status),
        rateLimitRemaining: Number.isFinite(remaining) ? remaining : undefined,
      });
      return res;
    } catch (err) {
      if (deadline.aborted && !init?.signal?.aborted) {
        observe({ status: 'timeout' });
        // Answered as a 408, which is not retried at once: the event is retried later with backoff.
        return syntheticResponse(
          408,
          JSON.stringify({ message: `GitHub did not answer within ${Math.round(timeoutMs / 1000)} s` }),
          { 'content-type': 'application/json' },
          input,
        );
      }
      observe({ status: 'network_error' });
      throw err;
    }
  };
  /** octokit's throttling callback for one kind of limit: says so, and retries up to rateLimitRetries times. */
  const retryAfterLimit =
    (what: string) =>
    (retryAfter: number, options: { method: string; url: string }, _o: unknown, count: number) => {
      log(`GitHub ${what} on ${options.method} ${options.url}; retry ${count + 1} in ${retryAfter}s`);
      return count < rateLimitRetries;
    };
  const octokit = new MyOctokit({
    ...authOptions,
    request: { fetch: countingFetch as unknown as typeof fetch },
    baseUrl: apiUrl.replace(/\/+$/, ''),
    userAgent: 'natsgh',
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    retry: {
      retries: opts.retries ?? 3,
      retryAfterBaseValue: baseMs,
      // 409 and 422 are refusals (or, for a ref update, a moved ref) the commit decides on,
      // never retried blindly; 408 is natsgh's own deadline.
      doNotRetry: [400, 401, 403, 404, 408, 409, 410, 422, 451],
    },
    throttle: {
      retryAfterBaseValue: baseMs,
      fallbackSecondaryRateRetryAfter: 60,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.writeMinTimeMs ?? 1000 }),
      onRateLimit: retryAfterLimit('rate limit hit'),
      onSecondaryRateLimit: retryAfterLimit('secondary rate limit'),
    },
  }) as unknown as Octokit;
  let identity: Promise<string[]> | undefined;
  return {
    octokit,
    apiUrl,
    auth: auth.kind,
    cache: new GitCache(),
    identityLogins() {
      identity ??= (async () => {
        if (auth.kind === 'token') {
          const { data } = await octokit.rest.users.getAuthenticated();
          return [data.login.toLowerCase()];
        }
        const { data } = await octokit.rest.apps.getAuthenticated();
        const slug = (data as { slug?: string } | null)?.slug;
        return slug ? [`${slug}[bot]`.toLowerCase()] : [];
      })();
      return identity;
    },
  };
}

/** The GitHub credentials in the configuration, or undefined when there are none. */
export async function githubAuthFromConfig(config: NatsghConfig): Promise<GithubAuth | undefined> {
  const g = config.github;
  if (g.appId || g.appPrivateKeyFile || g.appInstallationId) {
    const missing = [
      !g.appId && '--github-app-id (NATSGH_GITHUB_APP_ID)',
      !g.appPrivateKeyFile && '--github-app-key (NATSGH_GITHUB_APP_PRIVATE_KEY_FILE)',
      !g.appInstallationId && '--github-app-installation (NATSGH_GITHUB_APP_INSTALLATION_ID)',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new UsageError(`GitHub App authentication is incomplete: missing ${missing.join(', ')}`, {
        code: 'github_app_incomplete',
        suggestions: ['Give all three of app id, private key file and installation id, or use GITHUB_TOKEN.'],
      });
    }
    let privateKey: string;
    try {
      privateKey = await readFile(g.appPrivateKeyFile!, 'utf8');
    } catch (err) {
      throw new UsageError(
        `cannot read the GitHub App private key ${g.appPrivateKeyFile}: ${(err as NodeJS.ErrnoException).code}`,
        {
          code: 'github_app_key_unreadable',
          suggestions: ['Check --github-app-key (NATSGH_GITHUB_APP_PRIVATE_KEY_FILE).'],
        },
      );
    }
    registerSecret(privateKey);
    return { kind: 'app', appId: g.appId!, privateKey, installationId: g.appInstallationId! };
  }
  if (g.token) {
    registerSecret(g.token);
    return { kind: 'token', token: g.token };
  }
  return undefined;
}

export async function githubClientFromConfig(
  config: NatsghConfig,
  opts: GithubClientOptions = {},
): Promise<GithubClient | undefined> {
  const auth = await githubAuthFromConfig(config);
  return auth ? createGithubClient(auth, config.github.apiUrl, opts) : undefined;
}
