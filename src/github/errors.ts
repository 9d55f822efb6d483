// Turns GitHub API failures into errors a person can act on: which permission
// is missing (contents, workflows, administration:org hooks), whether it is
// worth retrying (5xx, rate limits) or permanent (auth, permission, not found).
import { NatsghError } from '../errors.js';

interface HttpishError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, unknown>; data?: unknown };
}

export interface GithubOperation {
  /** What natsgh was doing, e.g. "commit generated files to acme/.github". */
  what: string;
  /** The permission the operation needs: "contents: write", "administration (org webhooks): write". */
  permission: string;
  /** Files being written (workflow files need the "workflows" permission). */
  paths?: readonly string[];
}

/**
 * GitHub's own message of a failed request: the body's `message` (octokit
 * appends " - <documentation_url>" to the error's message, which must not be
 * matched against), else the error's message.
 */
export function githubMessage(err: unknown): string {
  const data = (err as HttpishError)?.response?.data as { message?: unknown } | undefined;
  if (data && typeof data.message === 'string') return data.message;
  return String((err as HttpishError)?.message ?? err ?? '');
}

export function describeGithubError(err: unknown, op: GithubOperation): NatsghError {
  if (err instanceof NatsghError) return err;
  const e = err as HttpishError;
  const status = e?.status ?? 0;
  const message = githubMessage(err);
  const remaining = e?.response?.headers?.['x-ratelimit-remaining'];
  if (status === 401) {
    return new NatsghError(`GitHub rejected the credentials while trying to ${op.what}`, {
      code: 'github_auth',
      cause: err,
      details: { status },
      suggestions: [
        'Check GITHUB_TOKEN (or --github-token), or the GitHub App id, key and installation.',
        'A fine-grained token must be issued for the organization that owns the repository.',
      ],
    });
  }
  if ((status === 403 || status === 429) && (remaining === '0' || /rate limit/i.test(message))) {
    return new NatsghError(`GitHub rate limit reached while trying to ${op.what}`, {
      code: 'github_rate_limited',
      cause: err,
      details: { status },
      suggestions: ['natsgh retries after the reset; use a GitHub App for a higher limit.'],
    });
  }
  if (status === 408) {
    return new NatsghError(`GitHub did not answer in time while trying to ${op.what}: ${message}`, {
      code: 'github_unavailable',
      cause: err,
      details: { status },
      suggestions: ['natsgh retries later; check https://www.githubstatus.com/ if this persists.'],
    });
  }
  const touchesWorkflows =
    /workflow/i.test(message) || (op.paths ?? []).some((p) => p.startsWith('.github/workflows/'));
  const workflowRefusal = /refusing to allow .*workflow/i.test(message);
  if (status === 403 || workflowRefusal || (status === 404 && /not accessible|permission/i.test(message))) {
    const permission = touchesWorkflows && /workflow/i.test(message) ? 'workflows: write' : op.permission;
    return new NatsghError(
      `GitHub refused to ${op.what}: the token or app lacks the "${permission}" permission (${message})`,
      {
        code: 'github_permission',
        cause: err,
        details: { status, permission },
        suggestions: [
          permission.startsWith('workflows')
            ? 'Grant "Workflows: Read and write" to the fine-grained token or GitHub App (classic tokens: the "workflow" scope), or exclude .github/workflows/ in natsgh.yaml.'
            : `Grant "${permission}" to the token or GitHub App, then retry.`,
        ],
      },
    );
  }
  if (status === 409) {
    return new NatsghError(`GitHub refused to ${op.what} (409 Conflict): ${message}`, {
      code: /empty/i.test(message) ? 'github_repo_empty' : 'github_conflict',
      cause: err,
      details: { status },
      suggestions: [
        /empty/i.test(message)
          ? 'The repository has no commit yet; natsgh makes the first one through the contents API: retry.'
          : 'Check the repository on GitHub (a branch rule or an ongoing change); natsgh does not retry a conflict blindly.',
      ],
    });
  }
  if (status === 404) {
    return new NatsghError(
      `GitHub answered 404 while trying to ${op.what}: not found, or not visible to these credentials`,
      {
        code: 'github_not_found',
        cause: err,
        details: { status },
        suggestions: [
          'Check the org and repository names, and that the token or app can see the repository.',
        ],
      },
    );
  }
  return new NatsghError(
    `GitHub request failed while trying to ${op.what}: ${status || ''} ${message}`.trim(),
    {
      code: status >= 500 || status === 0 ? 'github_unavailable' : 'github_error',
      cause: err,
      details: { status },
      suggestions: [
        'natsgh retries transient failures; check https://www.githubstatus.com/ if this persists.',
      ],
    },
  );
}
