// Commits a set of files to a branch as one commit through the Git Data API:
// blobs -> tree on base_tree -> commit -> updateRef without force. When the ref
// moved meanwhile (non-fast-forward), everything is rebuilt on the new head. A
// build that leaves every blob SHA unchanged commits nothing (fixed point).
import type { Octokit } from '@octokit/rest';
import { NatsghError } from '../errors.js';
import { gitBlobSha } from '../render/git-blob.js';
import { describeGithubError } from './errors.js';

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
}

export interface CommitOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** Default: the repository's default branch. */
  branch?: string;
  build: (head: RepoHead) => Promise<BuiltCommit>;
  maxAttempts?: number;
  /** Checked before moving the ref (e.g. the repo lock was lost). */
  beforeUpdateRef?: () => void;
}

function isStaleRef(err: unknown): boolean {
  const e = err as { status?: number; message?: string };
  return (
    e?.status === 409 || (e?.status === 422 && /fast.?forward|reference|update/i.test(String(e.message)))
  );
}

export async function readHead(
  octokit: Octokit,
  owner: string,
  repo: string,
  branch: string,
): Promise<RepoHead> {
  const what = { what: `read ${owner}/${repo}`, permission: 'contents: read' };
  try {
    const ref = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    const commitSha = ref.data.object.sha;
    const commit = await octokit.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
    const treeSha = commit.data.tree.sha;
    const tree = await octokit.rest.git.getTree({ owner, repo, tree_sha: treeSha, recursive: 'true' });
    const blobs = new Map<string, string>();
    for (const entry of tree.data.tree)
      if (entry.type === 'blob' && entry.path && entry.sha) blobs.set(entry.path, entry.sha);
    return {
      branch,
      commitSha,
      treeSha,
      tree: blobs,
      async readBlob(sha) {
        try {
          const { data } = await octokit.rest.git.getBlob({ owner, repo, file_sha: sha });
          return new Uint8Array(Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8'));
        } catch (err) {
          throw describeGithubError(err, what);
        }
      },
    };
  } catch (err) {
    throw describeGithubError(err, what);
  }
}

export async function defaultBranch(octokit: Octokit, owner: string, repo: string): Promise<string> {
  try {
    const { data } = await octokit.rest.repos.get({ owner, repo });
    return data.default_branch;
  } catch (err) {
    throw describeGithubError(err, { what: `read ${owner}/${repo}`, permission: 'metadata: read' });
  }
}

export async function commitFilesAtomically(opts: CommitOptions): Promise<CommitOutcome> {
  const { octokit, owner, repo } = opts;
  const branch = opts.branch ?? (await defaultBranch(octokit, owner, repo));
  const maxAttempts = opts.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const head = await readHead(octokit, owner, repo, branch);
    const built = await opts.build(head);
    const changed = [...built.files.keys()]
      .sort()
      .filter((p) => head.tree.get(p) !== gitBlobSha(built.files.get(p)!));
    if (changed.length === 0) return { branch, base: head.commitSha, changedPaths: [], attempts: attempt };
    const op = {
      what: `commit generated files to ${owner}/${repo}`,
      permission: 'contents: write',
      paths: changed,
    };
    try {
      const tree = [];
      for (const path of changed) {
        const blob = await octokit.rest.git.createBlob({
          owner,
          repo,
          content: Buffer.from(built.files.get(path)!).toString('base64'),
          encoding: 'base64',
        });
        tree.push({ path, mode: '100644' as const, type: 'blob' as const, sha: blob.data.sha });
      }
      const newTree = await octokit.rest.git.createTree({ owner, repo, base_tree: head.treeSha, tree });
      const commit = await octokit.rest.git.createCommit({
        owner,
        repo,
        message: built.message,
        tree: newTree.data.sha,
        parents: [head.commitSha],
      });
      opts.beforeUpdateRef?.();
      await octokit.rest.git.updateRef({
        owner,
        repo,
        ref: `heads/${branch}`,
        sha: commit.data.sha,
        force: false,
      });
      return {
        commit: commit.data.sha,
        branch,
        base: head.commitSha,
        changedPaths: changed,
        attempts: attempt,
      };
    } catch (err) {
      if (isStaleRef(err) && attempt < maxAttempts) continue;
      if (isStaleRef(err)) {
        throw new NatsghError(`${owner}/${repo}@${branch} kept moving; gave up after ${attempt} attempts`, {
          code: 'github_ref_moving',
          cause: err,
          suggestions: ['The event is retried later; the periodic reconcile also repairs it.'],
        });
      }
      throw describeGithubError(err, op);
    }
  }
}
