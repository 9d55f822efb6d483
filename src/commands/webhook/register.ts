import { Flags } from '@oclif/core';
import { BaseCommand } from '../../cli/base-command.js';
import { commonFlags, configFlags } from '../../cli/flags.js';
import type { WebhookRegisterResult } from '../../github/webhook-register.js';

export default class WebhookRegister extends BaseCommand<WebhookRegisterResult> {
  static summary = 'Create the org webhook that sends GitHub events to `natsgh webhook serve`, or update it.';
  static description =
    'Idempotent: creates the organization webhook for --url, or updates the one with the same URL (events, content type JSON, active). The API never shows a webhook secret back, so the secret is always sent. Needs the "organization webhooks: write" permission (classic tokens: admin:org_hook).';
  static examples = [
    'GITHUB_TOKEN=... NATSGH_WEBHOOK_SECRET=... <%= config.bin %> webhook register --url https://natsgh.example.com/webhook --org acme',
    '<%= config.bin %> webhook register --url https://natsgh.example.com/webhook --org acme --events push --events repository',
    '<%= config.bin %> webhook register --url https://natsgh.example.com/webhook --org acme --json',
  ];
  static flags = {
    ...commonFlags,
    ...configFlags(
      'org',
      'github.apiUrl',
      'github.token',
      'github.appId',
      'github.appPrivateKeyFile',
      'github.appInstallationId',
      'webhook.secret',
    ),
    url: Flags.string({ description: 'Public URL of `natsgh webhook serve` (…/webhook).', required: true }),
    events: Flags.string({
      description:
        'Events to subscribe to (repeatable; default: push, repository). App-only events (repository_dispatch, workflow_dispatch) are refused: an org webhook never receives them.',
      multiple: true,
    }),
  };

  protected async execute(): Promise<WebhookRegisterResult> {
    const { flags } = await this.parse(WebhookRegister);
    const { config } = await this.resolveConfig(flags);
    const { registerOrgWebhookFromConfig } = await import('../../github/webhook-register.js');
    return registerOrgWebhookFromConfig(config, {
      url: flags.url,
      events: flags.events
        ?.flatMap((e) => e.split(','))
        .map((e) => e.trim())
        .filter(Boolean),
    });
  }

  protected render(r: WebhookRegisterResult): void {
    this.out(`${r.action} webhook ${r.id} of ${r.org} -> ${r.url} (${r.events.join(', ')})`);
  }
}
