// NATS failures a person can act on, wherever they surface (a JetStream API
// reply, an async permissions error, a connect refusal): a permissions
// violation names the subject and the permission to grant, an account limit
// names the limit and the flag that lowers natsgh's use, an expired or revoked
// user says how to get working creds. Anything else is left to the caller.
import { NatsghError } from '../errors.js';
import { grantHint, natsghSubjects, subjectCovers } from './permissions.js';

const VIOLATION = /Permissions Violation for (Publish|Subscription) to "([^"]+)"/i;

function textOf(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: unknown } | undefined;
  const cause = e?.cause as { message?: string } | undefined;
  return `${e?.name ?? ''} ${e?.message ?? String(err)} ${cause?.message ?? ''}`;
}

/** The natsgh subject pattern that covers a concrete subject (what to grant), or the subject itself. */
function grantFor(subject: string, permission: 'publish' | 'subscribe', deployment?: string): string {
  const needs = natsghSubjects({ deployment: deployment ?? '*' }).filter((n) => n.permission === permission);
  const domainApi = /^\$JS\.([^.]+)\.API\./.exec(subject);
  if (domainApi) return `$JS.${domainApi[1]}.API.>`;
  return needs.find((n) => subjectCovers(n.subject, subject))?.subject ?? subject;
}

export function permissionViolationError(
  subject: string,
  permission: 'publish' | 'subscribe',
  opts: { deployment?: string; cause?: unknown } = {},
): NatsghError {
  const grant = grantFor(subject, permission, opts.deployment);
  return new NatsghError(
    `NATS denied natsgh permission to ${permission} ${permission === 'publish' ? 'to' : 'on'} "${subject}" (Permissions Violation)`,
    {
      code: 'nats_permissions',
      cause: opts.cause,
      details: { subject, permission, grant },
      suggestions: [
        grantHint(permission, [grant]),
        '`natsgh doctor` lists every subject natsgh uses and which of them this user may use.',
      ],
    },
  );
}

interface JsLimitError {
  limit: string;
  what: string;
  suggestions: string[];
}

/** JetStream API error codes (nats-server errors.json) that mean the account's limits. */
const JS_LIMIT_ERRORS: Record<number, JsLimitError> = {
  10113: {
    limit: 'max bytes required (max_bytes_required)',
    what: 'the account requires every stream to declare max_bytes',
    suggestions: [
      'natsgh declares max_bytes on every stream it creates: a stream made by an older natsgh or by hand lacks it.',
    ],
  },
  10122: {
    limit: 'maximum stream size (disk_max_stream_bytes)',
    what: 'a stream is larger than the account allows per stream',
    suggestions: [
      "Lower natsgh's stream sizes: --stream-max-bytes SIZE (NATSGH_STREAM_MAX_BYTES); `natsgh doctor` shows the account's maximum.",
    ],
  },
  10027: {
    limit: 'streams (streams)',
    what: 'the account has no stream left',
    suggestions: [
      'Delete streams the account does not need, or raise its stream limit; `natsgh doctor` shows what natsgh needs.',
    ],
  },
  10026: {
    limit: 'consumers (consumer)',
    what: 'the account has no consumer left',
    suggestions: ['Delete consumers you do not need, or raise the consumer limit.'],
  },
  10121: {
    limit: 'max ack pending (max_ack_pending)',
    what: 'a consumer asks for more outstanding acks than the account allows',
    suggestions: ["Re-run: natsgh reads the account's limit and asks for no more; `natsgh doctor` shows it."],
  },
  10028: {
    limit: 'memory storage (mem_storage)',
    what: 'the account has no memory storage for a stream',
    suggestions: ["natsgh keeps its streams on disk; a memory stream is not natsgh's."],
  },
};

/**
 * A NatsghError for a NATS failure a person can act on (permissions, account
 * limits, expired or revoked user), or undefined. `deployment` makes the
 * permission to grant precise.
 */
export function natsErrorFor(err: unknown, opts: { deployment?: string } = {}): NatsghError | undefined {
  if (err instanceof NatsghError) return undefined;
  const text = textOf(err);
  const violation = VIOLATION.exec(text);
  if (violation) {
    const permission = /^pub/i.test(violation[1]) ? 'publish' : 'subscribe';
    return permissionViolationError(violation[2], permission, { deployment: opts.deployment, cause: err });
  }
  const code = (err as { code?: unknown } | undefined)?.code;
  const limit = typeof code === 'number' ? JS_LIMIT_ERRORS[code] : undefined;
  if (limit) {
    return new NatsghError(
      `the NATS account's ${limit.limit} stopped natsgh: ${limit.what} (JetStream error ${code}: ${(err as Error).message})`,
      {
        code: 'nats_account_limits',
        cause: err,
        details: { limit: limit.limit, jsErrorCode: code },
        suggestions: limit.suggestions,
      },
    );
  }
  if (/User Authentication Expired|UserAuthenticationExpired/i.test(text)) {
    return expiredUserError(err);
  }
  if (/Authorization Violation/i.test(text) && /revoked/i.test(text)) {
    return refusedUserError(err);
  }
  return undefined;
}

export function expiredUserError(err: unknown, where = 'NATS'): NatsghError {
  return new NatsghError(`${where} ended the session: the user JWT in the creds file has expired`, {
    code: 'nats_auth_expired',
    cause: err,
    suggestions: [
      'Download fresh creds for this user (Synadia Cloud: the user\'s "Get Connected" page; nsc generate creds) and pass them with --creds or SYNADIA_CREDS_FILE.',
      'Then restart what runs with these creds (the controller, webhook serve).',
    ],
  });
}

/**
 * The server's bare "Authorization Violation" for a creds user that is
 * well-formed and not expired (checked before connecting): the user was
 * revoked, or its account was (or is unknown to this server).
 */
export function refusedUserError(err: unknown, where = 'NATS', credsFile?: string): NatsghError {
  const who = credsFile ? ` of ${credsFile}` : '';
  return new NatsghError(
    `${where} refused the user${who}: Authorization Violation. Its creds are valid and unexpired, so the user was revoked, or its account was revoked, disabled or is not known to this server`,
    {
      code: 'nats_auth_revoked',
      cause: err,
      details: credsFile ? { file: credsFile } : undefined,
      suggestions: [
        "Create new creds for a user that is not revoked (Synadia Cloud: the account's Users; nsc edit account --rm-revocation, or a new user) and pass them with --creds.",
        'Check that the account is enabled and that --nats-url points at the operator that issued it.',
      ],
    },
  );
}
