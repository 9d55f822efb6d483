import { Flags } from '@oclif/core';
import { BaseCommand } from '../../cli/base-command.js';
import { commonFlags, configFlags, NATS_CONNECTION_KEYS } from '../../cli/flags.js';
import type { WebhookServeResult } from '../../webhook/serve.js';

export default class WebhookServe extends BaseCommand<WebhookServeResult> {
  static summary = 'Receive GitHub webhooks over HTTP and publish them into NATS (GITHUB_EVENTS).';
  static description =
    'POST /webhook verifies X-Hub-Signature-256 over the raw body (timing-safe; several secrets, comma-separated, for rotation), publishes to github.events.<owner>.<repo>.<event> with Nats-Msg-Id = X-GitHub-Delivery, and answers 202 only after the JetStream ack. 401 missing or wrong signature, 400 missing GitHub headers or malformed JSON, 415 wrong content type, 413 body larger than the NATS server accepts (its max_payload, at most the 25 MB GitHub sends; refused from Content-Length before reading), 503 while NATS is unreachable or too many bodies are in flight (GitHub can redeliver); at most 512 connections, 10 s for the headers, 30 s for the whole request. GET /healthz. Runs until SIGTERM.';
  static examples = [
    'NATSGH_WEBHOOK_SECRET=... <%= config.bin %> webhook serve --port 8090',
    '<%= config.bin %> webhook serve --nats-url nats://nats:4222 --creds ./natsgh.creds',
    'NATSGH_WEBHOOK_SECRET=new,old <%= config.bin %> webhook serve   # rotating the secret',
  ];
  static flags = {
    ...commonFlags,
    ...configFlags(...NATS_CONNECTION_KEYS, 'nats.streamMaxBytes'),
    'webhook-port': Flags.integer({
      aliases: ['port'],
      min: 0,
      max: 65535,
      description: 'Port to listen on (default 8090). [env: NATSGH_WEBHOOK_PORT]',
    }),
    'webhook-secret': Flags.string({
      aliases: ['secret'],
      description: 'Webhook secret(s), comma-separated for rotation. [env: NATSGH_WEBHOOK_SECRET]',
    }),
  };

  protected async execute(): Promise<WebhookServeResult> {
    const { flags } = await this.parse(WebhookServe);
    const { config } = await this.resolveConfig(flags);
    const { serveWebhooks } = await import('../../webhook/serve.js');
    return serveWebhooks({ config, signal: this.signal, log: (line) => this.note(line) });
  }

  protected render(r: WebhookServeResult): void {
    this.out(`stopped: ${r.accepted} deliveries accepted, ${r.rejected} rejected`);
  }
}
