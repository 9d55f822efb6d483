import { Flags } from '@oclif/core';
import { BaseCommand } from '../../cli/base-command.js';
import { commonFlags, configFlags, NATS_CONNECTION_KEYS } from '../../cli/flags.js';
import type { GithubPublishResult } from '../../events/github-publish.js';

export default class EventsPublish extends BaseCommand<GithubPublishResult> {
  static summary = 'Publish a GitHub event into NATS (GITHUB_EVENTS), from a GitHub Actions workflow.';
  static description =
    'For organizations that cannot expose a webhook endpoint: a workflow step runs this with the event GitHub Actions gives it. The payload is published unchanged on github.events.<owner>.<repo>.<event> (names with dots, such as .github, are encoded into one token) with Nats-Msg-Id <run id>-<run attempt>-<event name>, so running the step twice stores the event once. Prints {subject, seq, duplicate}.';
  static examples = [
    '# in a GitHub Actions step (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT are set)\n<%= config.bin %> events publish --creds "$RUNNER_TEMP/natsgh.creds" --nats-url tls://connect.ngs.global',
    '<%= config.bin %> events publish --event-name push --event-path event.json --run-id 42 --run-attempt 1',
    '<%= config.bin %> events publish --event-name push --event-path event.json --run-id 42 --run-attempt 1 --json',
  ];
  static flags = {
    ...commonFlags,
    ...configFlags(...NATS_CONNECTION_KEYS, 'nats.streamMaxBytes'),
    'event-name': Flags.string({
      description: 'GitHub event name, e.g. push.',
      env: 'GITHUB_EVENT_NAME',
    }),
    'event-path': Flags.string({
      description: 'File holding the event payload JSON.',
      env: 'GITHUB_EVENT_PATH',
    }),
    'run-id': Flags.string({
      description: 'Workflow run id, part of the message id.',
      env: 'GITHUB_RUN_ID',
    }),
    'run-attempt': Flags.string({
      description: 'Workflow run attempt, part of the message id.',
      env: 'GITHUB_RUN_ATTEMPT',
    }),
  };

  protected async execute(): Promise<GithubPublishResult> {
    const { flags } = await this.parse(EventsPublish);
    const { publishGithubEventFile } = await import('../../events/github-publish.js');
    const { config } = await this.resolveConfig(flags);
    return publishGithubEventFile(config, {
      eventName: flags['event-name'],
      eventPath: flags['event-path'],
      runId: flags['run-id'],
      runAttempt: flags['run-attempt'],
    });
  }

  protected render(r: GithubPublishResult): void {
    this.out(`${r.duplicate ? 'already stored' : 'published'} ${r.subject} seq ${r.seq} (msg id ${r.msgId})`);
  }
}
