// The service behind `natsgh webhook serve`: connects to NATS (reconnecting
// forever), serves the webhook endpoint until the signal aborts, then drains.
import type { NatsghConfig } from '../config/keys.js';
import { parseWebhookSecrets } from '../config/webhook-secrets.js';
import { controllerMetrics } from '../controller/metrics.js';
import { UsageError } from '../errors.js';
import { deploymentReplicas } from '../nats/buckets.js';
import { connectionSpecFromConfig, connectNats, drainUntilClosed } from '../nats/connect.js';
import { streamSizes } from '../nats/sizing.js';
import { redact } from '../redact.js';
import { startWebhookServer } from './server.js';

export interface WebhookServeResult {
  port: number;
  accepted: number;
  rejected: number;
}

export async function serveWebhooks(opts: {
  config: NatsghConfig;
  port?: number;
  signal: AbortSignal;
  log: (line: string) => void;
  onListening?: (port: number) => void;
}): Promise<WebhookServeResult> {
  const secrets = parseWebhookSecrets(opts.config.webhook.secret);
  if (secrets.length === 0) {
    throw new UsageError(
      'no webhook secret: pass --webhook-secret (or --secret) or set NATSGH_WEBHOOK_SECRET',
      {
        code: 'webhook_secret_missing',
        details: { flag: '--webhook-secret', env: 'NATSGH_WEBHOOK_SECRET' },
        suggestions: [
          'Use the secret configured on the GitHub webhook; several, comma-separated, while rotating.',
        ],
      },
    );
  }
  const spec = connectionSpecFromConfig(opts.config);
  const nc = await connectNats(spec, { name: 'natsgh-webhook', reconnectForever: true });
  const metrics = controllerMetrics();
  try {
    const server = await startWebhookServer({
      nc,
      spec,
      port: opts.port ?? opts.config.webhook.port,
      secrets,
      metrics,
      log: (line) => opts.log(redact(line)),
      replicas: deploymentReplicas(opts.config),
      sizes: streamSizes(opts.config),
      deployment: opts.config.deployment,
    });
    opts.log(`receiving GitHub webhooks on http://0.0.0.0:${server.port}/webhook`);
    opts.onListening?.(server.port);
    await new Promise<void>((resolve) => {
      if (opts.signal.aborted) resolve();
      opts.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await server.close();
    const accepted = metrics.get('natsgh_webhook_requests_total', { status: '202' });
    return {
      port: server.port,
      accepted,
      rejected: metrics.total('natsgh_webhook_requests_total') - accepted,
    };
  } finally {
    await drainUntilClosed(nc);
  }
}
