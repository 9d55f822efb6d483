import { Flags } from '@oclif/core';
import { BaseCommand } from '../../cli/base-command.js';
import { commonFlags, configFlags, NATS_CONNECTION_KEYS } from '../../cli/flags.js';
import { GITHUB_KEYS } from '../../config/keys.js';
import type { ControllerRunResult } from '../../controller/run.js';
import { controllerRecordMeta } from '../../deploy/controller/record.js';
import { UsageError } from '../../errors.js';

/** "90s", "10m", "1h", "500ms" or a number of seconds; "0" disables. */
export function parseInterval(value: string, flag: string, env: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!m) {
    throw new UsageError(`${flag} "${value}" is not a duration`, {
      code: 'usage',
      suggestions: [`Use a duration such as 30s, 10m or 1h (or 0 to disable) in ${flag} or ${env}.`],
    });
  }
  const n = Number(m[1]);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(n * unit);
}

export default class ControllerRun extends BaseCommand<ControllerRunResult> {
  static summary = "Run the controller that keeps the org's .github repository generated from GitHub events.";
  static description =
    'Connects to NATS (reconnecting forever), ensures GITHUB_EVENTS, NATSGH_EVENTS, natsgh_deliveries and natsgh_locks, consumes GitHub events with a durable consumer, regenerates the .github repository under a per-repo lock and commits through the Git Data API. Answers natsgh.<deployment>.controller.ping, serves /healthz, /readyz and /metrics on 127.0.0.1:--controller-port, and drains and exits 0 on SIGTERM. Without GitHub credentials it runs, reports GitHub as not ready in /readyz and ignores events that need GitHub.';
  static examples = [
    '<%= config.bin %> controller run --org acme',
    'GITHUB_TOKEN=... <%= config.bin %> controller run --org acme --nats-url nats://nats:4222 --controller-port 8080',
    '<%= config.bin %> controller run --org acme --webhook-port 8090 --resync-interval 10m --concurrency 8',
    '<%= config.bin %> controller run --deployment staging --state-dir /var/lib/natsgh --json',
  ];
  static flags = {
    ...commonFlags,
    ...configFlags(
      ...NATS_CONNECTION_KEYS,
      'nats.streamMaxBytes',
      'org',
      'controller.port',
      ...GITHUB_KEYS,
      'webhook.secret',
    ),
    'webhook-port': Flags.integer({
      description: 'Also receive GitHub webhooks on this port (as `natsgh webhook serve`).',
      min: 0,
      max: 65535,
    }),
    'controller-host': Flags.string({
      description:
        'Address of /healthz, /readyz and /metrics (default 127.0.0.1; 0.0.0.0 in a container). [env: NATSGH_CONTROLLER_HOST]',
      env: 'NATSGH_CONTROLLER_HOST',
    }),
    'resync-interval': Flags.string({
      description:
        'How often to reconcile the generated repository (repairs drift); 0 disables. [env: NATSGH_RESYNC_INTERVAL]',
      env: 'NATSGH_RESYNC_INTERVAL',
      default: '10m',
    }),
    concurrency: Flags.integer({
      description: 'How many regenerations may run at once. [env: NATSGH_CONCURRENCY]',
      env: 'NATSGH_CONCURRENCY',
      default: 4,
      min: 1,
      max: 64,
    }),
  };

  protected async execute(): Promise<ControllerRunResult> {
    const { flags } = await this.parse(ControllerRun);
    const resyncIntervalMs = parseInterval(
      flags['resync-interval'],
      '--resync-interval',
      'NATSGH_RESYNC_INTERVAL',
    );
    const { config } = await this.resolveConfig(flags);
    const { runController } = await import('../../controller/run.js');
    // deploy-controller's shutdown token: POST /shutdown with it stops this controller as SIGTERM does.
    const shutdownToken = process.env.NATSGH_CONTROLLER_SHUTDOWN_TOKEN;
    delete process.env.NATSGH_CONTROLLER_SHUTDOWN_TOKEN;
    const recordFile = process.env.NATSGH_PROCESS_RECORD;
    if (recordFile) {
      // Started by deploy-controller: record this process's identity as deploy-controller does.
      const { recordProcess } = await import('../../system/process-identity.js');
      await recordProcess(
        recordFile,
        process.pid,
        controllerRecordMeta(process.env.NATSGH_PROCESS_VERSION ?? '', config.controller.port, shutdownToken),
      );
    }
    const stop = new AbortController();
    const signal = AbortSignal.any([this.signal, stop.signal]);
    return runController({
      shutdown: shutdownToken
        ? { token: shutdownToken, onRequest: () => stop.abort(new Error('shutdown requested')) }
        : undefined,
      config,
      version: this.config.version,
      webhookPort: flags['webhook-port'],
      controllerHost: flags['controller-host'],
      resyncIntervalMs,
      concurrency: flags.concurrency,
      signal,
      log: (line) => this.note(`${new Date().toISOString()} ${line}`),
    });
  }

  protected render(r: ControllerRunResult): void {
    this.out(
      `controller ${r.instanceId} stopped (${r.stoppedBy}): ${r.eventsReceived} events received, ${r.eventsProcessed} processed, ${r.commits} commits`,
    );
  }
}
