// The subjects natsgh publishes to, subscribes to and sends requests on, in
// one list, and the check of a restricted user against it: managed accounts
// (Synadia Cloud) often hand out users limited to some subjects, and a missing
// permission should stop a run before its first change, naming the subject and
// the permission to grant. The user's permissions come from the user JWT in
// the creds file (what the server enforces for that user).
import { NatsghError } from '../errors.js';
import { BUCKET_CHECKPOINTS, BUCKET_DELIVERIES, BUCKET_LOCKS, STREAM_GITHUB_EVENTS } from './names.js';

/** What a natsgh process does with NATS; each needs a subset of the list. */
export type NatsghRole = 'bootstrap' | 'controller' | 'webhook' | 'publish' | 'tail';
export type Permission = 'publish' | 'subscribe';

export interface SubjectNeed {
  subject: string;
  permission: Permission;
  why: string;
  roles: readonly NatsghRole[];
}

const ALL: readonly NatsghRole[] = ['bootstrap', 'controller', 'webhook', 'publish', 'tail'];

/**
 * Every subject natsgh uses for a deployment. Requests go to the JetStream API
 * and to the controller; their replies come back on _INBOX.> (the client's
 * default inbox prefix). The bootstrap deploys the controller with the same
 * credentials, so it needs the controller's subjects too.
 */
export function natsghSubjects(o: { deployment: string; jetstreamDomain?: string }): SubjectNeed[] {
  const api = o.jetstreamDomain ? `$JS.${o.jetstreamDomain}.API.>` : '$JS.API.>';
  const dep = o.deployment;
  return [
    {
      subject: api,
      permission: 'publish',
      why: 'JetStream API requests: streams, KV buckets, consumers, account info',
      roles: ALL,
    },
    { subject: '_INBOX.>', permission: 'subscribe', why: 'replies to every request', roles: ALL },
    {
      subject: `$KV.${BUCKET_CHECKPOINTS}.>`,
      permission: 'publish',
      why: 'phase checkpoints (KV puts)',
      roles: ['bootstrap'],
    },
    {
      subject: `$KV.${BUCKET_LOCKS}.>`,
      permission: 'publish',
      why: 'run and regeneration leases (KV puts)',
      roles: ['bootstrap', 'controller'],
    },
    {
      subject: `$KV.${BUCKET_DELIVERIES}.>`,
      permission: 'publish',
      why: 'processed GitHub delivery ids (KV puts)',
      roles: ['bootstrap', 'controller'],
    },
    {
      subject: `natsgh.events.${dep}.>`,
      permission: 'publish',
      why: "natsgh's events of this deployment",
      roles: ['bootstrap', 'controller'],
    },
    {
      subject: `natsgh.${dep}.>`,
      permission: 'publish',
      why: 'requests to the controller (ping)',
      roles: ['bootstrap'],
    },
    {
      subject: `natsgh.${dep}.>`,
      permission: 'subscribe',
      why: 'the controller answering its ping',
      roles: ['bootstrap', 'controller'],
    },
    {
      subject: '_INBOX.>',
      permission: 'publish',
      why: "the controller's replies (or allow responses for the user)",
      roles: ['bootstrap', 'controller'],
    },
    {
      subject: `$JS.ACK.${STREAM_GITHUB_EVENTS}.>`,
      permission: 'publish',
      why: 'acknowledging GitHub events',
      roles: ['bootstrap', 'controller'],
    },
    {
      subject: 'github.events.>',
      permission: 'publish',
      why: 'GitHub events into NATS (webhook serve, events publish)',
      roles: ['webhook', 'publish'],
    },
  ];
}

export function subjectsFor(role: NatsghRole, all: SubjectNeed[]): SubjectNeed[] {
  return all.filter((n) => n.roles.includes(role));
}

/** `pattern` matches every subject `subject` matches (both may hold wildcards). */
export function subjectCovers(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return i < s.length;
    if (i >= s.length || s[i] === '>') return false;
    if (p[i] !== '*' && (s[i] === '*' || p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}

/** Some subject is matched by both. */
export function subjectsIntersect(a: string, b: string): boolean {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (i >= x.length || i >= y.length) return false;
    if (x[i] === '>' || y[i] === '>') return true;
    if (x[i] !== '*' && y[i] !== '*' && x[i] !== y[i]) return false;
  }
  return true;
}

export interface UserPermissions {
  pub?: { allow?: string[]; deny?: string[] };
  sub?: { allow?: string[]; deny?: string[] };
  /** Set: the user may publish replies to requests it received (allow_responses). */
  resp?: unknown;
}

export interface MissingPermission extends SubjectNeed {
  /** What the user's permissions say instead, e.g. 'denied by "$JS.API.STREAM.DELETE.>"'. */
  reason: string;
}

/** The needs the permissions do not grant (all of the subject, not only part of it). */
export function missingPermissions(perms: UserPermissions, needs: SubjectNeed[]): MissingPermission[] {
  const out: MissingPermission[] = [];
  for (const need of needs) {
    const rules = need.permission === 'publish' ? perms.pub : perms.sub;
    if (need.permission === 'publish' && need.subject === '_INBOX.>' && perms.resp) continue;
    const allow = rules?.allow ?? [];
    const deny = rules?.deny ?? [];
    const denied = deny.find((d) => subjectsIntersect(d, need.subject));
    if (denied) {
      out.push({ ...need, reason: `denied by "${denied}"` });
    } else if (allow.length > 0 && !allow.some((a) => subjectCovers(a, need.subject))) {
      out.push({ ...need, reason: `not among the allowed subjects (${allow.join(', ')})` });
    }
  }
  return out;
}

/** The user's permissions, from the user JWT of a creds file (unset = everything allowed). */
export async function permissionsFromCreds(file: string): Promise<UserPermissions> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(file, 'utf8');
  const jwt = /-----BEGIN NATS USER JWT-----\s*([\s\S]*?)\s*------END NATS USER JWT------/.exec(text)?.[1];
  const payload = jwt?.split('.')[1];
  if (!payload) return {};
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return { pub: claims.nats?.pub, sub: claims.nats?.sub, resp: claims.nats?.resp };
  } catch {
    return {};
  }
}

/** How to grant a permission, for the two places users are managed. */
export function grantHint(permission: Permission, subjects: string[]): string {
  const quoted = subjects.map((s) => `'${s}'`).join(',');
  const flag = permission === 'publish' ? '--allow-pub' : '--allow-sub';
  return `Grant ${permission} on ${subjects.join(', ')} to this user (Synadia Cloud: the user's Permissions; nsc: nsc edit user --name USER ${flag} ${quoted}), then download its creds again.`;
}

export function permissionsError(missing: MissingPermission[], who: string): NatsghError {
  const lines = missing.map((m) => `${m.permission} ${m.subject} (${m.why}): ${m.reason}`);
  const pub = [...new Set(missing.filter((m) => m.permission === 'publish').map((m) => m.subject))];
  const sub = [...new Set(missing.filter((m) => m.permission === 'subscribe').map((m) => m.subject))];
  return new NatsghError(`${who} lacks NATS permissions natsgh needs: ${lines.join('; ')}`, {
    code: 'nats_permissions',
    details: { missing: missing.map((m) => ({ subject: m.subject, permission: m.permission, why: m.why })) },
    suggestions: [
      ...(pub.length > 0 ? [grantHint('publish', pub)] : []),
      ...(sub.length > 0 ? [grantHint('subscribe', sub)] : []),
      '`natsgh doctor` lists every subject natsgh uses and which of them this user may use.',
    ],
  });
}

/**
 * Throws nats_permissions when the creds' user lacks a permission `role`
 * needs; nothing to check without a creds file (user/password and token users'
 * permissions live in the server configuration: a violation is reported when it happens).
 */
export async function assertPermissions(
  spec: { credsFile?: string; jetstreamDomain?: string },
  deployment: string,
  role: NatsghRole,
): Promise<void> {
  if (!spec.credsFile) return;
  const perms = await permissionsFromCreds(spec.credsFile);
  const needs = subjectsFor(role, natsghSubjects({ deployment, jetstreamDomain: spec.jetstreamDomain }));
  const missing = missingPermissions(perms, needs);
  if (missing.length > 0) throw permissionsError(missing, `the user of ${spec.credsFile}`);
}
