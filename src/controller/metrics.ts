// The controller's Prometheus metrics: a handful of counters and gauges kept in
// memory and rendered in the text exposition format for GET /metrics.

type Labels = Record<string, string>;

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
    if (!s) throw new Error(`metric ${name} is not defined`);
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
