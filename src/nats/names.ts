// Names of natsgh's streams, buckets and subjects, and the encoding that makes
// any GitHub owner/repo name (dots included, e.g. ".github") a single, reversible
// subject token and KV key token.

import { NatsghError } from '../errors.js';

export const BUCKET_CHECKPOINTS = 'natsgh_checkpoints';
export const BUCKET_LOCKS = 'natsgh_locks';
export const BUCKET_DELIVERIES = 'natsgh_deliveries';
export const STREAM_GITHUB_EVENTS = 'GITHUB_EVENTS';
export const STREAM_NATSGH_EVENTS = 'NATSGH_EVENTS';

/** Lock lease: the natsgh_locks bucket's TTL (NATS-NOTES: per-key TTL needs 2.11). */
export const LOCK_LEASE_MS = 30_000;

/**
 * Encodes a name as one token valid in subjects and KV keys: letters, digits,
 * "_" and "-" stay; every other byte becomes "=XX" (hex). "=" itself is escaped,
 * so decoding is exact. ".github" -> "=2Egithub".
 */
function subjectError(message: string): NatsghError {
  return new NatsghError(message, { code: 'nats_subject_invalid' });
}

export function encodeToken(name: string): string {
  if (name.length === 0) throw subjectError('cannot encode an empty name as a subject token');
  let out = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9_-]/.test(ch) ? ch : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const PLAIN_TOKEN = /^[A-Za-z0-9_-]+$/;

export function decodeToken(token: string): string {
  // Only unescaped characters (the common case, once per event): the token decodes to itself.
  if (PLAIN_TOKEN.test(token)) return token;
  const bytes: number[] = [];
  for (let i = 0; i < token.length; i++) {
    if (token[i] === '=') {
      const hex = token.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) throw subjectError(`malformed subject token "${token}"`);
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(token.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** github.events.<owner>.<repo>.<event>; GitHub names are case-insensitive, so owner and repo are lower-cased. */
export function githubEventSubject(owner: string, repo: string, event: string): string {
  return `github.events.${encodeToken(owner.toLowerCase())}.${encodeToken(repo.toLowerCase())}.${encodeToken(event)}`;
}

export function parseGithubEventSubject(subject: string): { owner: string; repo: string; event: string } {
  const parts = subject.split('.');
  if (parts.length !== 5 || parts[0] !== 'github' || parts[1] !== 'events') {
    throw subjectError(`not a GitHub event subject: ${subject}`);
  }
  return { owner: decodeToken(parts[2]), repo: decodeToken(parts[3]), event: decodeToken(parts[4]) };
}

/** natsgh.events.<deployment>.<type> */
export function natsghEventSubject(deployment: string, type: string): string {
  return `natsgh.events.${deployment}.${type}`;
}

/** The controller's durable consumer on GITHUB_EVENTS: one per deployment, so deployments in one account each get every event. */
export function controllerDurableName(deployment: string): string {
  return `natsgh-controller-${deployment}`;
}

export function controllerPingSubject(deployment: string): string {
  return `natsgh.${deployment}.controller.ping`;
}

export function checkpointKey(deployment: string, phaseId: string): string {
  return `${deployment}.phase.${phaseId}`;
}

export function deploymentLockKey(deployment: string): string {
  return `${deployment}.bootstrap`;
}

/** natsgh_deliveries: `<deployment>.<delivery id>` (a bare delivery id without a deployment, as before deployments shared an account). */
export function deliveryKey(deployment: string | undefined, deliveryId: string): string {
  return deployment ? `${deployment}.${encodeToken(deliveryId)}` : encodeToken(deliveryId);
}

export function regenLockKey(owner: string, repo: string): string {
  return `regen.${encodeToken(owner.toLowerCase())}.${encodeToken(repo.toLowerCase())}`;
}
