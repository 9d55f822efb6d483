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

export function describeGithubError(err: unknown, op: GithubOperation): NatsghError {
  if (err instanceof NatsghError) return err;
  const e = err as HttpishError;
  const status = e?.status ?? 0;
  const message = String(e?.message ?? err);
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
  const touchesWorkflows =
    /workflow/i.test(message) || (op.paths ?? []).some((p) => p.startsWith('.github/workflows/'));
  if (status === 403 || (status === 404 && /not accessible|permission/i.test(message))) {
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
