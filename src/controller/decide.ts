// Decides what one GitHub event means for the controller, without any I/O:
// regenerate the org's generated repository, or ignore it (with the reason).
// Snake prevention lives here: the controller's own pushes never trigger.
import { REPO_CONFIG_PATH, REPO_TEMPLATES_DIR } from '../render/repo-config.js';

export const GENERATED_TRAILER = 'Natsgh-Generated';
export const REGENERATE_EVENT_TYPE = 'natsgh.regenerate';

export interface DecisionContext {
  /** The org natsgh manages; events from other owners are ignored. Undefined = any owner. */
  org?: string;
  /** Name of the generated repository in each org (".github"). */
  generatedRepo: string;
  /** Logins the controller commits as (its bot / token user); lower-case. */
  selfLogins: ReadonlySet<string>;
}

export type Decision =
  | { action: 'regenerate'; owner: string; repo: string; reason: string }
  | { action: 'ignore'; reason: string };

interface PushCommit {
  message?: string;
  added?: string[];
  modified?: string[];
  removed?: string[];
}

const lower = (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : '');

export function carriesTrailer(message: string | undefined): boolean {
  return new RegExp(`^${GENERATED_TRAILER}:\\s*\\S+`, 'm').test(message ?? '');
}

/** The strings of a payload field that should be a string array (anything else holds none). */
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function touchesConfiguration(commits: PushCommit[]): boolean {
  for (const c of commits) {
    for (const p of [...strings(c.added), ...strings(c.modified), ...strings(c.removed)]) {
      if (p === REPO_CONFIG_PATH || p.startsWith(REPO_TEMPLATES_DIR)) return true;
    }
  }
  return false;
}

const HANDLED_EVENTS = new Set(['push', 'repository', 'repository_dispatch', 'workflow_dispatch']);

/**
 * The decision the subject alone allows (event name, owner), so most events are
 * acknowledged without parsing their payload; undefined when the payload is needed.
 */
export function decideFromSubject(
  event: { name: string; owner: string },
  ctx: DecisionContext,
): Decision | undefined {
  if (!HANDLED_EVENTS.has(event.name)) return { action: 'ignore', reason: 'event_not_handled' };
  if (ctx.org && lower(event.owner) !== lower(ctx.org)) return { action: 'ignore', reason: 'other_owner' };
  return undefined;
}

export function decideEvent(
  event: { name: string; owner: string; repo: string; payload: Record<string, any> },
  ctx: DecisionContext,
): Decision {
  const { name, payload } = event;
  const login = payload.repository?.owner?.login;
  const owner = typeof login === 'string' && login ? login : event.owner;
  if (ctx.org && lower(owner) !== lower(ctx.org)) return { action: 'ignore', reason: 'other_owner' };
  const target = { owner, repo: ctx.generatedRepo };
  const isGeneratedRepo = lower(payload.repository?.name ?? event.repo) === lower(ctx.generatedRepo);
  switch (name) {
    case 'push': {
      if (!isGeneratedRepo) return { action: 'ignore', reason: 'push_elsewhere' };
      const defaultBranch = payload.repository?.default_branch ?? payload.repository?.master_branch;
      if (!defaultBranch || payload.ref !== `refs/heads/${defaultBranch}`) {
        return { action: 'ignore', reason: 'push_not_default_branch' };
      }
      if (payload.deleted) return { action: 'ignore', reason: 'branch_deleted' };
      const senders = [payload.sender?.login, payload.pusher?.name].map(lower);
      if (senders.some((s) => s && ctx.selfLogins.has(s))) return { action: 'ignore', reason: 'own_push' };
      // The payload is untrusted: entries that are not objects are no commits.
      const commits: PushCommit[] = (Array.isArray(payload.commits) ? payload.commits : []).filter(
        (c: unknown) => c !== null && typeof c === 'object',
      );
      if (
        commits.length > 0 &&
        commits.every((c) => carriesTrailer(typeof c.message === 'string' ? c.message : ''))
      ) {
        return { action: 'ignore', reason: 'own_commit' };
      }
      if (!touchesConfiguration(commits)) return { action: 'ignore', reason: 'push_without_natsgh_changes' };
      return { action: 'regenerate', ...target, reason: 'push' };
    }
    case 'repository':
      if (payload.action === 'created' || payload.action === 'renamed') {
        return { action: 'regenerate', ...target, reason: `repository_${payload.action}` };
      }
      return { action: 'ignore', reason: 'repository_action' };
    case 'repository_dispatch':
      if (payload.action === REGENERATE_EVENT_TYPE) return { action: 'regenerate', ...target, reason: name };
      return { action: 'ignore', reason: 'dispatch_type' };
    case 'workflow_dispatch':
      if (payload.inputs?.type === REGENERATE_EVENT_TYPE)
        return { action: 'regenerate', ...target, reason: name };
      return { action: 'ignore', reason: 'dispatch_type' };
    default:
      return { action: 'ignore', reason: 'event_not_handled' };
  }
}
