// Publishes one GitHub event (the raw JSON payload, unchanged) into GITHUB_EVENTS
// on github.events.<owner>.<repo>.<event>, with Nats-Msg-Id = the delivery id so
// a retried publish is stored once. Shared by `events publish` and the webhook receiver.
import { readFile } from 'node:fs/promises';
import type { NatsConnection } from '@nats-io/nats-core';
import type { NatsghConfig } from '../config/keys.js';
import { UsageError } from '../errors.js';
import { deploymentReplicas } from '../nats/buckets.js';
import {
  connectionSpecFromConfig,
  connectNats,
  jetstreamOptions,
  type NatsConnectionSpec,
} from '../nats/connect.js';
import { githubEventSubject } from '../nats/names.js';
import { type StreamSizes, streamSizes } from '../nats/sizing.js';
import { ensureGithubEventsStream } from './publisher.js';

/**
 * Repository token of events that concern an organization and no repository
 * (organization, member, team, ...). GitHub repository names cannot contain "*",
 * so it never collides with a real repository.
 */
export const ORG_EVENT_REPO = '*';

export const HEADER_GITHUB_EVENT = 'X-GitHub-Event';
export const HEADER_GITHUB_DELIVERY = 'X-GitHub-Delivery';

export interface GithubEventTarget {
  owner: string;
  repo: string;
}

export interface GithubPublishResult {
  subject: string;
  stream: string;
  seq: number;
  duplicate: boolean;
  msgId: string;
}

/**
 * Owner token of events that name no account at all (a global security_advisory).
 * GitHub logins cannot contain "*" either.
 */
export const NO_ACCOUNT_OWNER = '*';

const login = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * Where a payload belongs: repository.owner.login/repository.name; else, for events
 * of an organization, organization.login; else, for GitHub App events of an account
 * (installation, github_app_authorization, sponsorship, an App's ping),
 * installation.account.login, else sender.login; else no account at all.
 */
export function githubEventTarget(payload: unknown): GithubEventTarget {
  const p = payload as {
    repository?: { name?: unknown; owner?: { login?: unknown } };
    organization?: { login?: unknown };
    installation?: { account?: { login?: unknown } };
    sender?: { login?: unknown };
  };
  if (p === null || typeof p !== 'object' || Array.isArray(p)) {
    throw new UsageError('the event payload is not a JSON object', { code: 'github_event_invalid' });
  }
  const owner = login(p.repository?.owner?.login);
  const repo = login(p.repository?.name);
  if (owner && repo) return { owner, repo };
  const account =
    login(p.organization?.login) ?? login(p.installation?.account?.login) ?? login(p.sender?.login);
  return { owner: account ?? NO_ACCOUNT_OWNER, repo: ORG_EVENT_REPO };
}

/** Parses a payload; an unparseable body is a usage error (exit 2). */
export function parseGithubPayload(payload: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(payload));
  } catch (err) {
    throw new UsageError(`the GitHub event payload is not JSON: ${(err as Error).message}`, {
      code: 'github_event_invalid',
    });
  }
}

export async function publishGithubEvent(
  nc: NatsConnection,
  spec: NatsConnectionSpec,
  opts: {
    eventName: string;
    payload: Uint8Array;
    msgId: string;
    ensureStream?: boolean;
    /** Replicas of GITHUB_EVENTS when this creates it (the deployment's, deploymentReplicas; default 1). */
    replicas?: number;
    /** Sizes of natsgh's streams (streamSizes(config)). */
    sizes?: StreamSizes;
  },
): Promise<GithubPublishResult> {
  if (!/^[a-z0-9_]+$/.test(opts.eventName)) {
    throw new UsageError(`"${opts.eventName}" is not a GitHub event name`, {
      code: 'github_event_name_invalid',
      suggestions: ['GitHub event names look like push, pull_request, workflow_run.'],
    });
  }
  const { owner, repo } = githubEventTarget(parseGithubPayload(opts.payload));
  const subject = githubEventSubject(owner, repo, opts.eventName);
  if (opts.ensureStream !== false)
    await ensureGithubEventsStream(nc, spec, { replicas: opts.replicas, sizes: opts.sizes });
  const { jetstream } = await import('@nats-io/jetstream');
  const { headers } = await import('@nats-io/nats-core');
  const h = headers();
  h.set(HEADER_GITHUB_EVENT, opts.eventName);
  h.set(HEADER_GITHUB_DELIVERY, opts.msgId);
  h.set('Content-Type', 'application/json');
  // A stream just created on a cluster answers only once it has a leader (until then the
  // publish finds no responders, seen on 2.10): retried with backoff, safe by the msgID.
  const ack = await jetstream(nc, jetstreamOptions(spec)).publish(subject, opts.payload, {
    msgID: opts.msgId,
    headers: h,
    retries: 6,
  });
  return { subject, stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate, msgId: opts.msgId };
}

function missing(what: string, flag: string, env: string): UsageError {
  return new UsageError(`${what} is missing: pass ${flag} or set ${env}`, {
    code: 'missing_input',
    details: { flag, env },
    suggestions: [
      `GitHub Actions sets ${env} in every workflow step; elsewhere pass ${flag}.`,
      'natsgh events publish --help',
    ],
  });
}

/** `events publish`: reads the payload file, connects with the configuration, publishes, closes. */
export async function publishGithubEventFile(
  config: NatsghConfig,
  opts: { eventName?: string; eventPath?: string; runId?: string; runAttempt?: string },
): Promise<GithubPublishResult> {
  if (!opts.eventName) throw missing('the GitHub event name', '--event-name', 'GITHUB_EVENT_NAME');
  if (!opts.eventPath) throw missing('the event payload file', '--event-path', 'GITHUB_EVENT_PATH');
  if (!opts.runId) throw missing('the workflow run id (message id)', '--run-id', 'GITHUB_RUN_ID');
  if (!opts.runAttempt) {
    throw missing('the workflow run attempt (message id)', '--run-attempt', 'GITHUB_RUN_ATTEMPT');
  }
  let payload: Uint8Array;
  try {
    payload = new Uint8Array(await readFile(opts.eventPath));
  } catch (err) {
    throw new UsageError(
      `cannot read the event payload ${opts.eventPath}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      { code: 'event_path_unreadable', suggestions: ['Check --event-path (GITHUB_EVENT_PATH).'] },
    );
  }
  // Validate before connecting: a bad payload is a usage error whether or not NATS is up.
  githubEventTarget(parseGithubPayload(payload));
  const spec = connectionSpecFromConfig(config);
  // A restricted user (a workflow's creds) missing a permission: say which, before connecting.
  const { assertPermissions } = await import('../nats/permissions.js');
  await assertPermissions(spec, config.deployment, 'publish');
  const nc = await connectNats(spec, { name: 'natsgh-events-publish' });
  try {
    return await publishGithubEvent(nc, spec, {
      eventName: opts.eventName,
      payload,
      msgId: `${opts.runId}-${opts.runAttempt}-${opts.eventName}`,
      replicas: deploymentReplicas(config),
      sizes: streamSizes(config),
    });
  } finally {
    await nc.close();
  }
}
