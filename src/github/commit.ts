// Commits a set of files to a branch as one commit through the Git Data API,
// with at most three mutating requests whatever the number of files: the
// files are compared with the head tree by git blob SHA (computed locally),
// the changed ones go inline in one POST /git/trees on base_tree, then one
// commit and one ref update without force (compare-and-swap). Only GitHub's
// documented non-fast-forward ("Update is not a fast forward") means the ref
// moved: then everything is rebuilt on the new head. Every other refusal is
// reported at once, saying what to grant. Nothing is written when nothing
// changed. An empty repository gets its first commit through the contents API;
// `viaPullRequest` commits to a natsgh branch and opens (or keeps) one pull
// request instead of moving the default branch.
//
// Reads are cheap on the rate limit: the ref and the repository are read with
// If-None-Match (a 304 is not counted by GitHub), and commits, trees and blobs,
// which a SHA names immutably, are kept in a bounded cache and never read twice.
import type { Octokit } from '@octokit/rest';
import { InternalError, NatsghError } from '../errors.js';
import { gitBlobSha } from '../render/git-blob.js';
import { describeGithubError, githubMessage } from './errors.js';

export interface RepoHead {
  branch: string;
  commitSha: string;
  treeSha: string;
  /** Every blob in the head tree: path -> blob SHA. */
  tree: Map<string, string>;
  readBlob(sha: string): Promise<Uint8Array>;
}

export interface BuiltCommit {
  /** Files to write (path -> bytes); those whose blob SHA equals the head's are left out. */
  files: Map<string, Uint8Array>;
  message: string;
}

export interface CommitOutcome {
  commit?: string;
  branch: string;
  /** Head the commit was built on (or the head that already matched). */
  base: string;
  changedPaths: string[];
  attempts: number;
  /** The repository was empty: its first commit was made through the contents API. */
  initialized?: boolean;
  /** viaPullRequest: the pull request that carries the change. */
  pullRequest?: { number: number; url: string; action: 'opened' | 'updated' | 'unchanged' };
}

/** Requests one regeneration spent, by kind (GitHub counts reads and writes, not 304s). */
export interface RequestLedger {
  reads: number;
  notModified: number;
  writes: number;
}

export function newLedger(): RequestLedger {
  return { reads: 0, notModified: 0, writes: 0 };
}

/**
 * What a client remembers between regenerations: ETags of the mutable reads
 * (ref, repository, pull requests) and the immutable objects named by SHA.
 * Both bounded (least recently used out).
 */
export class GitCache {
  private readonly conditional = new Map<string, { etag: string; data: unknown }>();
  private readonly objects = new Map<string, unknown>();

  constructor(
    private readonly maxConditional = 64,
    private readonly maxObjects = 512,
  ) {}

  getConditional(key: string) {
    return touch(this.conditional, key);
  }

  setConditional(key: string, etag: string, data: unknown) {
    put(this.conditional, key, { etag, data }, this.maxConditional);
  }

  getObject<T>(key: string): T | undefined {
    return touch(this.objects, key) as T | undefined;
  }

  setObject(key: string, value: unknown) {
    put(this.objects, key, value, this.maxObjects);
  }
}

function touch<V>(map: Map<string, V>, key: string): V | undefined {
  const v = map.get(key);
  if (v !== undefined) {
    map.delete(key);
    map.set(key, v);
  }
  return v;
}

function put<V>(map: Map<string, V>, key: string, value: V, max: number) {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as string);
}

export interface GitTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  cache?: GitCache;
  ledger?: RequestLedger;
}

export interface CommitOptions extends GitTarget {
  /** Default: the repository's default branch. */
  branch?: string;
  build: (head: RepoHead) => Promise<BuiltCommit>;
  maxAttempts?: number;
  /** Checked before moving the ref (e.g. the repo lock was lost). */
  beforeUpdateRef?: () => void;
  /** Commit to this branch (reset onto the default branch's head) and open one pull request from it. */
  viaPullRequest?: { branch: string; title: string; body: string };
}

/** The branch natsgh commits to in pull-request mode. */
export const PULL_REQUEST_BRANCH = 'natsgh/regenerate';

const status = (err: unknown) => (err as { status?: number })?.status;

/** GET with If-None-Match when the answer is cached; a 304 returns the cached data. */
async function conditionalGet<T>(t: GitTarget, route: string, params: Record<string, unknown>): Promise<T> {
  const key = `${route} ${JSON.stringify(params)}`;
  const cached = t.cache?.getConditional(key);
  try {
    const res = await t.octokit.request(route, {
      ...params,
      headers: cached ? { 'if-none-match': cached.etag } : {},
    });
    if (t.ledger) t.ledger.reads++;
    const etag = (res.headers as Record<string, string | undefined>).etag;
    if (etag) t.cache?.setConditional(key, etag, res.data);
    return res.data as T;
  } catch (err) {
    if (status(err) === 304 && cached) {
      if (t.ledger) t.ledger.notModified++;
      return cached.data as T;
    }
    throw err;
  }
}

/** GET of an object a SHA names: never changes, so read at most once per cache. */
async function immutableGet<T>(t: GitTarget, key: string, read: () => Promise<T>): Promise<T> {
  const hit = t.cache?.getObject<T>(`${t.owner}/${t.repo} ${key}`);
  if (hit !== undefined) return hit;
  const value = await read();
  if (t.ledger) t.ledger.reads++;
  t.cache?.setObject(`${t.owner}/${t.repo} ${key}`, value);
  return value;
}

async function write<T>(t: GitTarget, fn: () => Promise<T>): Promise<T> {
  if (t.ledger) t.ledger.writes++;
  return fn();
}

interface TreeEntry {
  path?: string;
  type?: string;
  sha?: string;
}

/** Every blob of a tree, path -> SHA; a tree GitHub answers truncated is walked level by level. */
async function readTreeBlobs(t: GitTarget, treeSha: string): Promise<Map<string, string>> {
  const { octokit, owner, repo } = t;
  const recursive = await immutableGet(t, `tree-r ${treeSha}`, async () => {
    const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: treeSha, recursive: 'true' });
    return {
      truncated: data.truncated,
      entries: data.tree.map((e) => ({ path: e.path, type: e.type, sha: e.sha })),
    };
  });
  const blobs = new Map<string, string>();
  if (!recursive.truncated) {
    for (const e of recursive.entries) if (e.type === 'blob' && e.path && e.sha) blobs.set(e.path, e.sha);
    return blobs;
  }
  // Truncated: never taken as complete. Read each tree on its own (one level each).
  const level = async (sha: string, prefix: string): Promise<void> => {
    const entries = await immutableGet<TreeEntry[]>(t, `tree ${sha}`, async () => {
      const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: sha });
      if (data.truncated) {
        throw new NatsghError(`GitHub truncated the tree ${sha} of ${owner}/${repo} even read alone`, {
          code: 'github_tree_too_large',
          suggestions: [
            'A single directory with this many entries cannot be read through the API; split it.',
          ],
        });
      }
      return data.tree.map((e) => ({ path: e.path, type: e.type, sha: e.sha }));
    });
    const subtrees: Array<Promise<void>> = [];
    for (const e of entries) {
      if (!e.path || !e.sha) continue;
      if (e.type === 'blob') blobs.set(prefix + e.path, e.sha);
      else if (e.type === 'tree') subtrees.push(level(e.sha, `${prefix}${e.path}/`));
    }
    await Promise.all(subtrees);
  };
  await level(treeSha, '');
  return blobs;
}

export type HeadOrEmpty = RepoHead | { empty: true; branch: string };

function isEmptyRepository(err: unknown): boolean {
  return status(err) === 409 && /empty/i.test(githubMessage(err));
}

/** The head of `branch`: its commit, tree and blobs; `{empty}` for a repository without any commit. */
export async function readHeadOrEmpty(t: GitTarget, branch: string): Promise<HeadOrEmpty> {
  const { octokit, owner, repo } = t;
  const what = { what: `read ${owner}/${repo}`, permission: 'contents: read' };
  try {
    const ref = await conditionalGet<{ object: { sha: string } }>(
      t,
      'GET /repos/{owner}/{repo}/git/ref/{ref}',
      {
        owner,
        repo,
        ref: `heads/${branch}`,
      },
    );
    const commitSha = ref.object.sha;
    const treeSha = await immutableGet(t, `commit ${commitSha}`, async () => {
      const { data } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
      return data.tree.sha;
    });
    const tree = await readTreeBlobs(t, treeSha);
    return {
      branch,
      commitSha,
      treeSha,
      tree,
      async readBlob(sha) {
        try {
          return await immutableGet(t, `blob ${sha}`, async () => {
            const { data } = await octokit.rest.git.getBlob({ owner, repo, file_sha: sha });
            return new Uint8Array(Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8'));
          });
        } catch (err) {
          throw describeGithubError(err, what);
        }
      },
    };
  } catch (err) {
    if (isEmptyRepository(err)) return { empty: true, branch };
    throw describeGithubError(err, what);
  }
}

export async function readHead(t: GitTarget, branch: string): Promise<RepoHead> {
  const head = await readHeadOrEmpty(t, branch);
  if ('empty' in head) return emptyHead(branch);
  return head;
}

/** What an empty repository looks like to a build: no commit, no files. */
function emptyHead(branch: string): RepoHead {
  return {
    branch,
    commitSha: '',
    treeSha: '',
    tree: new Map(),
    readBlob: async () => {
      throw new InternalError('an empty repository has no blobs');
    },
  };
}

export async function defaultBranch(t: GitTarget): Promise<string> {
  try {
    const data = await conditionalGet<{ default_branch: string }>(t, 'GET /repos/{owner}/{repo}', {
      owner: t.owner,
      repo: t.repo,
    });
    return data.default_branch;
  } catch (err) {
    throw describeGithubError(err, { what: `read ${t.owner}/${t.repo}`, permission: 'metadata: read' });
  }
}

/** The refusal kinds GitHub answers a ref update with; only `moved` is worth a rebuild. */
export type RefRefusal =
  | 'moved'
  | 'protected'
  | 'workflow_scope'
  | 'missing_ref'
  | 'unknown_object'
  | 'other';

export function classifyRefRefusal(err: unknown): RefRefusal {
  const s = status(err);
  const message = githubMessage(err);
  if (s === 422 && /^Update is not a fast forward\.?$/i.test(message.trim())) return 'moved';
  if (/refusing to allow .* workflow/i.test(message)) return 'workflow_scope';
  if (
    (s === 422 || s === 409) &&
    /protected branch|rule violations|through a pull request|required status check|review/i.test(message)
  ) {
    return 'protected';
  }
  if (s === 422 && /reference does not exist/i.test(message)) return 'missing_ref';
  if (s === 422 && /object does not exist|sha .*(not|does not) exist/i.test(message)) return 'unknown_object';
  return 'other';
}

function refusalError(
  err: unknown,
  kind: RefRefusal,
  where: { owner: string; repo: string; branch: string; paths: string[] },
): NatsghError {
  const target = `${where.owner}/${where.repo}@${where.branch}`;
  const message = githubMessage(err);
  if (kind === 'protected') {
    return new NatsghError(`GitHub refused to move ${target}: ${message.trim().replace(/\s+/g, ' ')}`, {
      code: 'github_branch_protected',
      cause: err,
      details: { status: status(err), branch: where.branch },
      suggestions: [
        'Commit through a pull request instead: --via-pull-request (config github.viaPullRequest: true, env NATSGH_GITHUB_VIA_PULL_REQUEST=1).',
        'Or let the token or GitHub App bypass the rule (branch protection: "Allow specified actors to bypass required pull requests"; rulesets: add it to the bypass list).',
      ],
    });
  }
  if (kind === 'workflow_scope') {
    return describeGithubError(
      { status: 403, message, response: (err as { response?: unknown })?.response } as unknown,
      {
        what: `commit generated files to ${where.owner}/${where.repo}`,
        permission: 'contents: write',
        paths: where.paths,
      },
    );
  }
  if (kind === 'missing_ref') {
    return new NatsghError(`the branch ${where.branch} of ${where.owner}/${where.repo} does not exist`, {
      code: 'github_branch_missing',
      cause: err,
      details: { status: status(err) },
      suggestions: ['Check the default branch of the repository, or create the branch.'],
    });
  }
  return describeGithubError(err, {
    what: `move ${target}`,
    permission: 'contents: write',
    paths: where.paths,
  });
}

/** The tree entries of the changed files, content inline (a blob is created only for non-UTF-8 bytes). */
async function treeEntries(t: GitTarget, files: Map<string, Uint8Array>, paths: string[]) {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const entries: Array<{ path: string; mode: '100644'; type: 'blob'; content?: string; sha?: string }> = [];
  for (const path of paths) {
    const bytes = files.get(path)!;
    let content: string | undefined;
    try {
      content = utf8.decode(bytes);
    } catch {
      content = undefined;
    }
    if (content !== undefined) entries.push({ path, mode: '100644', type: 'blob', content });
    else {
      const { data } = await write(t, () =>
        t.octokit.rest.git.createBlob({
          owner: t.owner,
          repo: t.repo,
          content: Buffer.from(bytes).toString('base64'),
          encoding: 'base64',
        }),
      );
      entries.push({ path, mode: '100644', type: 'blob', sha: data.sha });
    }
  }
  return entries;
}

/** First commit of an empty repository: one file through the contents API (the Git Data API cannot). */
async function initializeEmptyRepository(t: GitTarget, branch: string, built: BuiltCommit): Promise<void> {
  const paths = [...built.files.keys()].sort();
  // A workflow file needs the workflow permission; any other file makes the first commit as well.
  const path = paths.find((p) => !p.startsWith('.github/workflows/')) ?? paths[0];
  if (path === undefined) return;
  try {
    await write(t, () =>
      t.octokit.rest.repos.createOrUpdateFileContents({
        owner: t.owner,
        repo: t.repo,
        path,
        branch,
        message: built.message,
        content: Buffer.from(built.files.get(path)!).toString('base64'),
      }),
    );
  } catch (err) {
    throw describeGithubError(err, {
      what: `make the first commit of the empty repository ${t.owner}/${t.repo}`,
      permission: 'contents: write',
      paths: [path],
    });
  }
}

/** Two of the three writes: the changed files inline in one tree on the head's tree, then one commit on the head. */
async function createTreeAndCommit(
  t: GitTarget,
  head: RepoHead,
  built: BuiltCommit,
  changed: string[],
): Promise<string> {
  const { octokit, owner, repo } = t;
  const tree = await write(t, async () =>
    octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: head.treeSha,
      tree: await treeEntries(t, built.files, changed),
    }),
  );
  const commit = await write(t, () =>
    octokit.rest.git.createCommit({
      owner,
      repo,
      message: built.message,
      tree: tree.data.sha,
      parents: [head.commitSha],
    }),
  );
  return commit.data.sha;
}

function changedPaths(head: RepoHead, files: Map<string, Uint8Array>): string[] {
  return [...files.keys()].sort().filter((p) => head.tree.get(p) !== gitBlobSha(files.get(p)!));
}

export async function commitFilesAtomically(opts: CommitOptions): Promise<CommitOutcome> {
  const { octokit, owner, repo } = opts;
  const branch = opts.branch ?? (await defaultBranch(opts));
  const maxAttempts = opts.maxAttempts ?? 5;
  let initialized = false;
  for (let attempt = 1; ; attempt++) {
    const found = await readHeadOrEmpty(opts, branch);
    if ('empty' in found) {
      if (initialized)
        throw new NatsghError(`${owner}/${repo} is still empty after its first commit`, {
          code: 'github_error',
        });
      await initializeEmptyRepository(opts, branch, await opts.build(emptyHead(branch)));
      initialized = true;
      attempt--;
      continue;
    }
    const head = found;
    const built = await opts.build(head);
    const changed = changedPaths(head, built.files);
    if (changed.length === 0) {
      return { branch, base: head.commitSha, changedPaths: [], attempts: attempt, initialized };
    }
    const op = {
      what: `commit generated files to ${owner}/${repo}`,
      permission: 'contents: write',
      paths: changed,
    };
    if (opts.viaPullRequest) {
      return { ...(await commitViaPullRequest(opts, head, built, changed)), attempts: attempt, initialized };
    }
    let commitSha: string;
    try {
      commitSha = await createTreeAndCommit(opts, head, built, changed);
    } catch (err) {
      // 409/422 here are refusals (an emptied repository, a bad tree), never a moved ref.
      throw describeGithubError(err, op);
    }
    opts.beforeUpdateRef?.();
    try {
      await write(opts, () =>
        octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commitSha, force: false }),
      );
    } catch (err) {
      const kind = classifyRefRefusal(err);
      if (kind !== 'moved') throw refusalError(err, kind, { owner, repo, branch, paths: changed });
      if (attempt < maxAttempts) continue;
      throw new NatsghError(`${owner}/${repo}@${branch} kept moving; gave up after ${attempt} attempts`, {
        code: 'github_ref_moving',
        cause: err,
        suggestions: ['The event is retried later; the periodic reconcile also repairs it.'],
      });
    }
    return {
      commit: commitSha,
      branch,
      base: head.commitSha,
      changedPaths: changed,
      attempts: attempt,
      initialized,
    };
  }
}

/**
 * Pull-request mode: the change is committed on PULL_REQUEST_BRANCH, on top of
 * the default branch's head (the branch is natsgh's own, so it is reset with
 * force), and one pull request from it is opened, or the open one kept.
 */
async function commitViaPullRequest(
  opts: CommitOptions,
  base: RepoHead,
  built: BuiltCommit,
  changed: string[],
): Promise<Omit<CommitOutcome, 'attempts'>> {
  const { octokit, owner, repo } = opts;
  const pr = opts.viaPullRequest!;
  const op = {
    what: `commit generated files to ${owner}/${repo}@${pr.branch}`,
    permission: 'contents: write',
    paths: changed,
  };
  // The branch already proposes exactly this change on this base: nothing to write.
  const current = await readHeadOrEmpty(opts, pr.branch).catch((err) => {
    if ((err as NatsghError).code === 'github_not_found') return undefined;
    throw err;
  });
  let commitSha: string | undefined;
  if (current && !('empty' in current)) {
    const parent = await immutableGet(opts, `commit-parents ${current.commitSha}`, async () => {
      const { data } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: current.commitSha });
      return data.parents.map((p) => p.sha);
    });
    const same =
      parent[0] === base.commitSha &&
      [...built.files.keys()].every((p) => current.tree.get(p) === gitBlobSha(built.files.get(p)!));
    if (same) commitSha = current.commitSha;
  }
  let moved = false;
  if (commitSha === undefined) {
    try {
      commitSha = await createTreeAndCommit(opts, base, built, changed);
      opts.beforeUpdateRef?.();
      const sha = commitSha;
      if (current) {
        await write(opts, () =>
          octokit.rest.git.updateRef({ owner, repo, ref: `heads/${pr.branch}`, sha, force: true }),
        );
      } else {
        await write(opts, () =>
          octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${pr.branch}`, sha }),
        );
      }
      moved = true;
    } catch (err) {
      if (err instanceof NatsghError) throw err;
      const kind = classifyRefRefusal(err);
      throw kind === 'other' || kind === 'moved'
        ? describeGithubError(err, op)
        : refusalError(err, kind, { owner, repo, branch: pr.branch, paths: changed });
    }
  }
  const prOp = { what: `open a pull request on ${owner}/${repo}`, permission: 'pull requests: write' };
  try {
    const open = await conditionalGet<Array<{ number: number; html_url: string }>>(
      opts,
      'GET /repos/{owner}/{repo}/pulls',
      { owner, repo, head: `${owner}:${pr.branch}`, base: base.branch, state: 'open' },
    );
    let pullRequest: CommitOutcome['pullRequest'];
    if (open.length > 0) {
      pullRequest = {
        number: open[0].number,
        url: open[0].html_url,
        action: moved ? 'updated' : 'unchanged',
      };
    } else {
      const { data } = await write(opts, () =>
        octokit.rest.pulls.create({
          owner,
          repo,
          head: pr.branch,
          base: base.branch,
          title: pr.title,
          body: pr.body,
        }),
      );
      pullRequest = { number: data.number, url: data.html_url, action: 'opened' };
    }
    return {
      commit: moved ? commitSha : undefined,
      branch: pr.branch,
      base: base.commitSha,
      changedPaths: changed,
      pullRequest,
    };
  } catch (err) {
    throw describeGithubError(err, prOp);
  }
}
