// The controller's Prometheus metrics: a handful of counters and gauges kept in
// memory and rendered in the text exposition format for GET /metrics.
import { InternalError } from '../errors.js';
import type { GithubResponseOutcome } from '../github/client.js';

type Labels = Record<string, string>;

/**
 * GitHub's webhook event names (docs.github.com "Webhook events and payloads"). A
 * label taken from a subject is one of these or "other": anyone who can publish
 * must not be able to create unbounded series.
 */
export const GITHUB_EVENT_NAMES: ReadonlySet<string> = new Set([
  'branch_protection_configuration',
  'branch_protection_rule',
  'check_run',
  'check_suite',
  'code_scanning_alert',
  'commit_comment',
  'create',
  'custom_property',
  'custom_property_values',
  'delete',
  'dependabot_alert',
  'deploy_key',
  'deployment',
  'deployment_protection_rule',
  'deployment_review',
  'deployment_status',
  'discussion',
  'discussion_comment',
  'fork',
  'github_app_authorization',
  'gollum',
  'installation',
  'installation_repositories',
  'installation_target',
  'issue_comment',
  'issue_dependencies',
  'issues',
  'label',
  'marketplace_purchase',
  'member',
  'membership',
  'merge_group',
  'meta',
  'milestone',
  'org_block',
  'organization',
  'package',
  'page_build',
  'personal_access_token_request',
  'ping',
  'project',
  'project_card',
  'project_column',
  'projects_v2',
  'projects_v2_item',
  'projects_v2_status_update',
  'public',
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_review_thread',
  'push',
  'registry_package',
  'release',
  'repository',
  'repository_advisory',
  'repository_dispatch',
  'repository_import',
  'repository_ruleset',
  'repository_vulnerability_alert',
  'secret_scanning_alert',
  'secret_scanning_alert_location',
  'security_advisory',
  'security_and_analysis',
  'sponsorship',
  'star',
  'status',
  'sub_issues',
  'team',
  'team_add',
  'watch',
  'workflow_dispatch',
  'workflow_job',
  'workflow_run',
]);

/** The event label of a metric: a known GitHub event name, else "other". */
export function eventLabel(name: string): string {
  return GITHUB_EVENT_NAMES.has(name) ? name : 'other';
}

interface Series {
  help: string;
  type: 'counter' | 'gauge';
  values: Map<string, { labels: Labels; value: number }>;
}

function labelKey(labels: Labels): string {
  const keys = Object.keys(labels);
  // Per-event counters carry one label: no sort, no array (the controller's hot path).
  if (keys.length <= 1) return keys.length === 0 ? '' : `${keys[0]}=${labels[keys[0]]}`;
  return keys
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

export class MetricsRegistry {
  private readonly series = new Map<string, Series>();

  define(name: string, type: 'counter' | 'gauge', help: string): void {
    if (!this.series.has(name)) this.series.set(name, { help, type, values: new Map() });
  }

  inc(name: string, labels: Labels = {}, by = 1): void {
    const s = this.must(name);
    const key = labelKey(labels);
    const cur = s.values.get(key);
    if (cur) cur.value += by;
    else s.values.set(key, { labels, value: by });
  }

  set(name: string, value: number, labels: Labels = {}): void {
    this.must(name).values.set(labelKey(labels), { labels, value });
  }

  get(name: string, labels: Labels = {}): number {
    return this.must(name).values.get(labelKey(labels))?.value ?? 0;
  }

  /** Sum over every label combination. */
  total(name: string): number {
    let sum = 0;
    for (const v of this.must(name).values.values()) sum += v.value;
    return sum;
  }

  render(): string {
    const lines: string[] = [];
    for (const [name, s] of this.series) {
      lines.push(`# HELP ${name} ${s.help}`, `# TYPE ${name} ${s.type}`);
      if (s.values.size === 0 && s.type === 'counter') lines.push(`${name} 0`);
      for (const { labels, value } of s.values.values()) {
        const l = Object.entries(labels)
          .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
          .join(',');
        lines.push(`${name}${l ? `{${l}}` : ''} ${value}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }

  private must(name: string): Series {
    const s = this.series.get(name);
    if (!s) throw new InternalError(`metric ${name} is not defined`);
    return s;
  }
}

/** The registry with every metric the controller and webhook server report. */
export function controllerMetrics(): MetricsRegistry {
  const m = new MetricsRegistry();
  m.define(
    'natsgh_events_received_total',
    'counter',
    'GitHub events taken from GITHUB_EVENTS, by event name.',
  );
  m.define('natsgh_events_processed_total', 'counter', 'Events that led to a regeneration run.');
  m.define('natsgh_events_ignored_total', 'counter', 'Events acknowledged without action, by reason.');
  m.define(
    'natsgh_events_deduplicated_total',
    'counter',
    'Deliveries already processed (natsgh_deliveries).',
  );
  m.define(
    'natsgh_events_failed_total',
    'counter',
    'Events nak-ed for redelivery or terminated, by outcome.',
  );
  m.define(
    'natsgh_events_malformed_total',
    'counter',
    'Events terminated because their subject, payload or handling failed (one bad event never stops the consumer).',
  );
  m.define(
    'natsgh_events_waiting_for_github',
    'gauge',
    'Events retried because GitHub is unavailable or rate limiting (never terminated for it).',
  );
  m.define(
    'natsgh_github_outage_retries_total',
    'counter',
    'Redeliveries scheduled because GitHub was unavailable or rate limiting.',
  );
  m.define('natsgh_commits_total', 'counter', 'Commits made to generated repositories.');
  m.define('natsgh_regenerations_total', 'counter', 'Regeneration runs, by result (committed, unchanged).');
  m.define('natsgh_lock_waits_total', 'counter', 'Regenerations that had to wait for the per-repo lock.');
  m.define('natsgh_github_calls_total', 'counter', 'GitHub API requests, by status.');
  m.define(
    'natsgh_github_rate_limit_remaining',
    'gauge',
    'x-ratelimit-remaining of the last GitHub response.',
  );
  m.define(
    'natsgh_github_requests_last_regeneration',
    'gauge',
    'GitHub requests of the last regeneration, by kind (read, not_modified: a free 304, write).',
  );
  m.define(
    'natsgh_github_regeneration_requests_total',
    'counter',
    'GitHub requests spent by regenerations, by kind (read, not_modified, write).',
  );
  m.define('natsgh_webhook_requests_total', 'counter', 'Webhook deliveries received, by HTTP status.');
  m.define('natsgh_nats_connected', 'gauge', '1 while connected to NATS.');
  m.define('natsgh_inflight', 'gauge', 'Events being handled right now.');
  return m;
}

/** The GitHub client's response observer that counts its requests in `m` (by status; rate limit remaining). */
export function countGithubResponses(m: MetricsRegistry): (outcome: GithubResponseOutcome) => void {
  return ({ status, rateLimitRemaining }) => {
    m.inc('natsgh_github_calls_total', { status });
    if (rateLimitRemaining !== undefined) m.set('natsgh_github_rate_limit_remaining', rateLimitRemaining);
  };
}
