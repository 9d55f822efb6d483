import { Flags } from '@oclif/core';
import { BaseCommand } from '../../cli/base-command.js';
import { commonFlags, configFlags, NATS_CONNECTION_KEYS } from '../../cli/flags.js';
import { UsageError } from '../../errors.js';
import type { TailedEvent } from '../../events/tail.js';
import { oneLogLine, redactValue } from '../../redact.js';

export interface EventsTailResult {
  count: number;
}

/** Marks the end of a streamed --json run: every event was already printed as its own line. */
const STREAMED = Symbol('streamed');

export default class EventsTail extends BaseCommand<EventsTailResult> {
  static summary =
    "Follow natsgh's own events live (phases, deployments, clusters, terraform, files, heartbeats).";
  static description =
    'Reads stream NATSGH_EVENTS (subjects natsgh.events.<deployment>.<type>) with an ordered consumer and prints one readable line per event, or one JSON object per line with --json. Starts with new events unless --since gives a duration back (10m, 2h) or a stream sequence. Ctrl-C or SIGTERM stops it with exit code 0.';
  static examples = [
    '<%= config.bin %> events tail',
    '<%= config.bin %> events tail --deployment prod --type phase,deployment',
    '<%= config.bin %> events tail --since 1h --json',
    '<%= config.bin %> events tail --since 1 --nats-url nats://127.0.0.1:4222',
  ];
  static flags = {
    ...commonFlags,
    ...configFlags(...NATS_CONNECTION_KEYS, 'nats.streamMaxBytes'),
    type: Flags.string({
      description:
        'Only these event types, comma-separated: phase, deployment, cluster, terraform, files, heartbeat, synadia.',
    }),
    since: Flags.string({
      description:
        'Start this long ago (10m, 2h, 1d) or at this stream sequence (1234); default: new events only.',
    }),
    max: Flags.integer({ description: 'Stop after this many events.', hidden: true, min: 1 }),
    'idle-exit': Flags.string({
      description: 'Stop when no event arrived for this long (e.g. 2s).',
      hidden: true,
    }),
  };

  protected async execute(): Promise<EventsTailResult> {
    const { flags } = await this.parse(EventsTail);
    // One JSON object per event: warnings go to stderr.
    this.streamsJson = true;
    const { followEvents, parseSince, parseDurationMs, describeEvent } = await import('../../events/tail.js');
    const since = flags.since ? parseSince(flags.since) : undefined;
    let idleExitMs: number | undefined;
    if (flags['idle-exit']) {
      idleExitMs = parseDurationMs(flags['idle-exit']);
      if (idleExitMs === undefined)
        throw new UsageError(`--idle-exit "${flags['idle-exit']}" is not a duration`);
    }
    const { config } = await this.resolveConfig(flags);
    const json = this.jsonEnabled();
    return followEvents(config, {
      types: (flags.type ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      since,
      max: flags.max,
      idleExitMs,
      signal: this.signal,
      onReady: (filter) => this.note(`following ${filter} (Ctrl-C to stop)`),
      onEvent: (e: TailedEvent) => {
        // Anyone who may publish on the events subjects wrote these fields: secrets are
        // redacted, and control characters (terminal escapes, forged lines) printed as escapes.
        if (json) process.stdout.write(`${JSON.stringify(redactValue(e))}\n`);
        else this.out(oneLogLine(describeEvent(e)));
      },
    });
  }

  protected render(result: EventsTailResult): void {
    this.note(`${result.count} event(s)`);
  }

  toSuccessJson(): any {
    return STREAMED;
  }

  logJson(json: unknown): void {
    if (json === STREAMED) return;
    super.logJson(json);
  }
}
