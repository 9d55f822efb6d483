// Creates the org webhook natsgh receives events from, or updates the one with
// the same URL. Idempotent. The API masks the secret, so it is always sent.
// Only events an org webhook can receive are registered: repository_dispatch
// and workflow_dispatch reach GitHub Apps (and Actions workflows) only.
import type { NatsghConfig } from '../config/keys.js';
import { UsageError } from '../errors.js';
import { type GithubClient, githubClientFromConfig } from './client.js';
import { describeGithubError } from './errors.js';

/** The events natsgh acts on that an organization webhook receives. */
export const DEFAULT_WEBHOOK_EVENTS = ['push', 'repository'];

/**
 * Events GitHub delivers to GitHub Apps only, never to an org webhook. natsgh's
 * dispatch triggers are among them: with an org webhook, use the generated
 * events workflow (Actions forwarding) or a GitHub App for them.
 */
export const APP_ONLY_EVENTS = new Set([
  'repository_dispatch',
  'workflow_dispatch',
  'installation',
  'installation_repositories',
  'installation_target',
  'github_app_authorization',
  'security_advisory',
]);

export interface WebhookRegisterResult {
  org: string;
  action: 'created' | 'updated';
  id: number;
  url: string;
  events: string[];
}

export async function registerOrgWebhook(
  github: GithubClient,
  opts: { org: string; url: string; secret: string; events: string[] },
): Promise<WebhookRegisterResult> {
  const op = {
    what: `manage the webhooks of the ${opts.org} organization`,
    permission: 'organization webhooks: write (classic token: admin:org_hook)',
  };
  const config = { url: opts.url, content_type: 'json', secret: opts.secret, insecure_ssl: '0' as const };
  try {
    const hooks = await github.octokit.paginate(github.octokit.rest.orgs.listWebhooks, {
      org: opts.org,
      per_page: 100,
    });
    const existing = hooks.find((h) => h.config?.url === opts.url);
    if (existing) {
      const { data } = await github.octokit.rest.orgs.updateWebhook({
        org: opts.org,
        hook_id: existing.id,
        config,
        events: opts.events,
        active: true,
      });
      return {
        org: opts.org,
        action: 'updated',
        id: data.id,
        url: opts.url,
        events: data.events ?? opts.events,
      };
    }
    const { data } = await github.octokit.rest.orgs.createWebhook({
      org: opts.org,
      name: 'web',
      config,
      events: opts.events,
      active: true,
    });
    return {
      org: opts.org,
      action: 'created',
      id: data.id,
      url: opts.url,
      events: data.events ?? opts.events,
    };
  } catch (err) {
    throw describeGithubError(err, op);
  }
}

export async function registerOrgWebhookFromConfig(
  config: NatsghConfig,
  opts: { url: string; events?: string[] },
): Promise<WebhookRegisterResult> {
  try {
    const u = new URL(opts.url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    throw new UsageError(`--url "${opts.url}" is not an http(s) URL`, {
      code: 'usage',
      suggestions: ['For example: --url https://natsgh.example.com/webhook'],
    });
  }
  if (!config.org) {
    throw new UsageError('the organization is missing: pass --org or set NATSGH_ORG', {
      code: 'missing_input',
      details: { flag: '--org', env: 'NATSGH_ORG' },
    });
  }
  const { parseWebhookSecrets } = await import('../config/webhook-secrets.js');
  const secret = parseWebhookSecrets(config.webhook.secret)[0];
  if (!secret) {
    throw new UsageError(
      'the webhook secret is missing: pass --webhook-secret or set NATSGH_WEBHOOK_SECRET',
      {
        code: 'missing_input',
        details: { flag: '--webhook-secret', env: 'NATSGH_WEBHOOK_SECRET' },
        suggestions: ['While rotating, the first of the comma-separated secrets is the one registered.'],
      },
    );
  }
  const github = await githubClientFromConfig(config);
  if (!github) {
    throw new UsageError(
      'GitHub credentials are missing: set GITHUB_TOKEN (or --github-token) or a GitHub App',
      {
        code: 'github_credentials_missing',
        details: { flag: '--github-token', env: 'GITHUB_TOKEN' },
      },
    );
  }
  const events = opts.events && opts.events.length > 0 ? opts.events : DEFAULT_WEBHOOK_EVENTS;
  const appOnly = events.filter((e) => APP_ONLY_EVENTS.has(e));
  if (appOnly.length > 0) {
    throw new UsageError(
      `an organization webhook never receives ${appOnly.join(', ')}: GitHub delivers ${appOnly.length === 1 ? 'it' : 'them'} to GitHub Apps only`,
      {
        code: 'webhook_event_app_only',
        details: { events: appOnly },
        suggestions: [
          `Leave ${appOnly.join(', ')} out of --events.`,
          'For dispatch-triggered regeneration without an App, commit the generated .github/workflows/natsgh-events.yml (it forwards repository_dispatch and workflow_dispatch through Actions), or install natsgh as a GitHub App.',
        ],
      },
    );
  }
  return registerOrgWebhook(github, { org: config.org, url: opts.url, secret, events });
}
