// A stateful model of the GitHub REST API (repos, refs, commits, trees, blobs,
// contents, pull requests, org webhooks, the authenticated identity) served
// through msw, held to GitHub's contract: bodies built from the examples in
// @octokit/openapi, errors with message + documentation_url (+ errors), ETag /
// 304 on reads (a 304 is not counted against the rate limit), mutating
// requests paced per credential (a second apart, else 403 "secondary rate
// limit" with retry-after), empty repositories answering 409, protected
// branches and rulesets refusing ref updates with GitHub's 422 texts, a token
// without the `workflow` scope refused on .github/workflows/*, org hooks
// refusing App-only events, recursive trees truncated past a limit. Fault
// injection (5xx, rate limits, refs that move mid-commit) on top. Webhook
// payloads come from @octokit/webhooks-examples. Reused by the controller,
// webhook and generate tests, the benchmarks and the chaos tests.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

const require = createRequire(import.meta.url);

export const GITHUB_API = 'https://api.github.test';

/** Events GitHub delivers to GitHub Apps only: an org (or repo) webhook cannot subscribe to them. */
export const APP_ONLY_EVENTS = [
  'repository_dispatch',
  'workflow_dispatch',
  'installation',
  'installation_repositories',
  'installation_target',
  'github_app_authorization',
  'security_advisory',
];

const DOCS = 'https://docs.github.com/rest';
/** documentation_url GitHub puts in error bodies, by operation. */
const DOC_URLS: Array<[string, RegExp, string]> = [
  ['GET', /^\/repos\/[^/]+\/[^/]+$/, `${DOCS}/repos/repos#get-a-repository`],
  ['GET', /\/git\/ref\//, `${DOCS}/git/refs#get-a-reference`],
  ['PATCH', /\/git\/refs\//, `${DOCS}/git/refs#update-a-reference`],
  ['POST', /\/git\/refs$/, `${DOCS}/git/refs#create-a-reference`],
  ['GET', /\/git\/commits\//, `${DOCS}/git/commits#get-a-commit-object`],
  ['POST', /\/git\/commits$/, `${DOCS}/git/commits#create-a-commit`],
  ['GET', /\/git\/trees\//, `${DOCS}/git/trees#get-a-tree`],
  ['POST', /\/git\/trees$/, `${DOCS}/git/trees#create-a-tree`],
  ['GET', /\/git\/blobs\//, `${DOCS}/git/blobs#get-a-blob`],
  ['POST', /\/git\/blobs$/, `${DOCS}/git/blobs#create-a-blob`],
  ['PUT', /\/contents\//, `${DOCS}/repos/contents#create-or-update-file-contents`],
  ['GET', /\/pulls$/, `${DOCS}/pulls/pulls#list-pull-requests`],
  ['POST', /\/pulls$/, `${DOCS}/pulls/pulls#create-a-pull-request`],
  ['POST', /^\/orgs\/[^/]+\/hooks$/, `${DOCS}/orgs/webhooks#create-an-organization-webhook`],
  ['PATCH', /^\/orgs\/[^/]+\/hooks\//, `${DOCS}/orgs/webhooks#update-an-organization-webhook`],
  ['GET', /^\/orgs\/[^/]+\/hooks/, `${DOCS}/orgs/webhooks#list-organization-webhooks`],
];
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';

/** The texts GitHub answers a refused ref update with (422), by the rule that refuses it. */
export const REF_REFUSALS = {
  /** The documented non-fast-forward: the only 422 that means "the ref moved". */
  not_fast_forward: 'Update is not a fast forward',
  /** Branch protection (classic) requiring a pull request. */
  protected_branch: 'Protected branch update failed for refs/heads/{branch}.',
  /** A repository ruleset requiring a pull request. */
  ruleset: 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n',
  /** Branch protection requiring status checks. */
  status_checks: 'Required status check "ci" is expected.',
} as const;
export type Protection = 'protected_branch' | 'ruleset' | 'status_checks';

interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: string;
}

interface PullRequest {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
}

interface Repo {
  owner: string;
  name: string;
  defaultBranch: string;
  refs: Map<string, string>;
  protections: Map<string, Protection>;
  pulls: PullRequest[];
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  remaining: number;
  /** Runs instead of answering with an error (e.g. move a ref). */
  before?: () => void;
  /** Holds the answer this long (a hung GitHub). */
  delayMs?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** The query string, without "?". */
  query: string;
  status: number;
  /** POST/PATCH/PUT/DELETE. */
  mutating: boolean;
  /** False for a 304 (GitHub does not count those against the rate limit). */
  counted: boolean;
  /** performance.now() at arrival. */
  at: number;
  requestBody?: unknown;
  responseBody?: unknown;
}

export interface GithubModelOptions {
  baseUrl?: string;
  /**
   * Least time between two mutating requests of one credential; closer ones get
   * 403 (or `burstStatus`) with retry-after (GitHub's secondary rate limit).
   * Default 1000 (GitHub asks for a second). 0 turns pacing off: only for tests
   * that check behaviour, never for a figure of throughput.
   */
  writeGapMs?: number;
  /** Status of a burst: 403 (GitHub's usual) or 429. */
  burstStatus?: 403 | 429;
  /** A recursive tree with more entries than this is answered truncated (GitHub: 100 000 or 7 MB). */
  truncateTreeAt?: number;
}

function sha1(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('hex');
}

export function blobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/** Real webhook payload examples by event name (deep copies). */
export function examplePayloads(event: string): any[] {
  const all = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{
    name: string;
    examples: unknown[];
  }>;
  const found = all.find((e) => e.name === event);
  if (!found) throw new Error(`no webhook examples for ${event}`);
  return found.examples.map((e) => structuredClone(e));
}

let openapiExamples: Record<string, { value: any }> | undefined;
/** A response example from GitHub's OpenAPI description (deep copy), e.g. "full-repository-default-response". */
export function openapiExample(name: string): any {
  openapiExamples ??= (require('@octokit/openapi/generated/api.github.com.json') as any).components.examples;
  const e = openapiExamples![name];
  if (!e) throw new Error(`no OpenAPI example ${name}`);
  return structuredClone(e.value);
}

/** A repository_dispatch of type natsgh.regenerate for owner/repo: the controller regenerates on it (decide.ts). */
export function regenerateDispatch(owner: string, repo: string): any {
  const p = examplePayloads('repository_dispatch')[0];
  p.action = 'natsgh.regenerate';
  p.repository.name = repo;
  p.repository.full_name = `${owner}/${repo}`;
  p.repository.owner.login = owner;
  return p;
}

const encoder = new TextEncoder();

export class GithubModel {
  readonly blobs = new Map<string, Uint8Array>();
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, Commit>();
  readonly repos = new Map<string, Repo>();
  readonly hooks = new Map<
    string,
    Array<{ id: number; config: Record<string, unknown>; events: string[]; active: boolean }>
  >();
  readonly requests: RequestRecord[] = [];
  /** Login of whoever the token belongs to. */
  login = 'natsgh-bot';
  appSlug = 'natsgh-app';
  rateRemaining = 5000;
  /** Classic-token scopes of every credential; without "workflow" no ref update may change .github/workflows/*. */
  readonly scopes = new Set(['repo', 'workflow', 'admin:org_hook']);
  /** Keep request and response bodies in `requests` (the schema test reads them). */
  keepBodies = false;
  readonly baseUrl: string;
  writeGapMs: number;
  burstStatus: 403 | 429;
  truncateTreeAt: number;
  private faults: Fault[] = [];
  private counter = 0;
  private hookId = 1;
  private pullNumber = 1;
  private lastWrite = new Map<string, number>();
  private server?: ReturnType<typeof setupServer>;

  constructor(opts: GithubModelOptions = {}) {
    this.baseUrl = opts.baseUrl ?? GITHUB_API;
    this.writeGapMs = opts.writeGapMs ?? 1000;
    this.burstStatus = opts.burstStatus ?? 403;
    this.truncateTreeAt = opts.truncateTreeAt ?? 100_000;
  }

  private key(owner: string, repo: string) {
    return `${owner.toLowerCase()}/${repo.toLowerCase()}`;
  }

  repo(owner: string, name: string): Repo {
    const r = this.repos.get(this.key(owner, name));
    if (!r) throw new Error(`model has no repo ${owner}/${name}`);
    return r;
  }

  putBlob(bytes: Uint8Array): string {
    const sha = blobSha(bytes);
    this.blobs.set(sha, bytes);
    return sha;
  }

  putTree(entries: Map<string, string>): string {
    const sorted = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const sha = sha1(`tree\0${JSON.stringify(sorted)}`);
    if (!this.trees.has(sha)) this.trees.set(sha, new Map(sorted));
    return sha;
  }

  putCommit(tree: string, parents: string[], message: string, author = 'someone'): string {
    const sha = sha1(`commit\0${tree}\0${parents.join(',')}\0${message}\0${++this.counter}`);
    this.commits.set(sha, { sha, tree, parents, message, author });
    return sha;
  }

  /** Creates a repository with an initial commit holding `files`. */
  createRepo(
    owner: string,
    name: string,
    files: Record<string, string> = { 'README.md': '# .github\n' },
    branch = 'main',
  ) {
    const entries = new Map<string, string>();
    for (const [p, text] of Object.entries(files)) entries.set(p, this.putBlob(encoder.encode(text)));
    const commit = this.putCommit(this.putTree(entries), [], 'initial commit');
    this.repos.set(this.key(owner, name), {
      owner,
      name,
      defaultBranch: branch,
      refs: new Map([[branch, commit]]),
      protections: new Map(),
      pulls: [],
    });
    return commit;
  }

  /** A repository created without a README: no commit, no branch (GitHub answers 409 "Git Repository is empty."). */
  createEmptyRepo(owner: string, name: string, branch = 'main') {
    this.repos.set(this.key(owner, name), {
      owner,
      name,
      defaultBranch: branch,
      refs: new Map(),
      protections: new Map(),
      pulls: [],
    });
  }

  /** Protects a branch: every ref update of it is refused with GitHub's text for that rule. */
  protect(owner: string, repo: string, branch: string, rule: Protection) {
    this.repo(owner, repo).protections.set(branch, rule);
  }

  head(owner: string, repo: string, branch?: string): string {
    const r = this.repo(owner, repo);
    return r.refs.get(branch ?? r.defaultBranch)!;
  }

  /** Files at the head of a branch (default: the default branch): path -> text. */
  files(owner: string, repo: string, branch?: string): Map<string, string> {
    const tree = this.trees.get(this.commits.get(this.head(owner, repo, branch))!.tree)!;
    const out = new Map<string, string>();
    for (const [p, sha] of tree) out.set(p, new TextDecoder().decode(this.blobs.get(sha)));
    return out;
  }

  pulls(owner: string, repo: string): readonly PullRequest[] {
    return this.repo(owner, repo).pulls;
  }

  /** Commits on a branch (default: the default branch), newest first. */
  log(owner: string, repo: string, branch?: string): Commit[] {
    const out: Commit[] = [];
    let sha: string | undefined = this.head(owner, repo, branch);
    while (sha) {
      const c: Commit = this.commits.get(sha)!;
      out.push(c);
      sha = c.parents[0];
    }
    return out;
  }

  /**
   * A person (or anyone) pushes: files set to a string are written, to null removed.
   * Returns a push webhook payload (from the real example) describing it.
   */
  push(
    owner: string,
    repo: string,
    changes: Record<string, string | null>,
    opts: { message?: string; sender?: string } = {},
  ): any {
    const r = this.repo(owner, repo);
    const before = this.head(owner, repo);
    const entries = new Map(this.trees.get(this.commits.get(before)!.tree)!);
    const added: string[] = [];
    const modified: string[] = [];
    const removed: string[] = [];
    for (const [p, text] of Object.entries(changes)) {
      if (text === null) {
        entries.delete(p);
        removed.push(p);
      } else {
        (entries.has(p) ? modified : added).push(p);
        entries.set(p, this.putBlob(encoder.encode(text)));
      }
    }
    const message = opts.message ?? 'update files';
    const sender = opts.sender ?? 'octocat';
    const after = this.putCommit(this.putTree(entries), [before], message, sender);
    r.refs.set(r.defaultBranch, after);
    return this.pushPayload(owner, repo, { before, after, message, sender, added, modified, removed });
  }

  pushPayload(
    owner: string,
    repo: string,
    c: {
      before: string;
      after: string;
      message: string;
      sender: string;
      added?: string[];
      modified?: string[];
      removed?: string[];
    },
  ): any {
    const r = this.repo(owner, repo);
    const p = examplePayloads('push').find((e) => e.ref.startsWith('refs/heads/'))!;
    p.ref = `refs/heads/${r.defaultBranch}`;
    p.before = c.before;
    p.after = c.after;
    p.repository.name = repo;
    p.repository.full_name = `${owner}/${repo}`;
    p.repository.owner.login = owner;
    p.repository.owner.name = owner;
    p.repository.default_branch = r.defaultBranch;
    p.repository.master_branch = r.defaultBranch;
    const commit = {
      ...p.commits[0],
      id: c.after,
      message: c.message,
      added: c.added ?? [],
      modified: c.modified ?? [],
      removed: c.removed ?? [],
    };
    p.commits = [commit];
    p.head_commit = commit;
    p.sender.login = c.sender;
    p.pusher = { name: c.sender, email: `${c.sender}@users.noreply.github.com` };
    return p;
  }

  /** The controller's own last commit as a push payload (what GitHub sends after it commits). */
  lastCommitAsPush(owner: string, repo: string, sender = this.login): any {
    const head = this.commits.get(this.head(owner, repo))!;
    const parentTree = head.parents[0] ? this.trees.get(this.commits.get(head.parents[0])!.tree)! : new Map();
    const tree = this.trees.get(head.tree)!;
    const modified = [...tree.keys()].filter((p) => parentTree.has(p) && parentTree.get(p) !== tree.get(p));
    const added = [...tree.keys()].filter((p) => !parentTree.has(p));
    return this.pushPayload(owner, repo, {
      before: head.parents[0] ?? '0'.repeat(40),
      after: head.sha,
      message: head.message,
      sender,
      added,
      modified,
    });
  }

  /** Makes the next `count` requests matching method and path fail with `status`. */
  fail(
    method: string,
    path: RegExp,
    status: number,
    opts: { count?: number; headers?: Record<string, string>; body?: unknown } = {},
  ) {
    this.faults.push({
      method,
      path,
      status,
      headers: opts.headers,
      body: opts.body,
      remaining: opts.count ?? 1,
    });
  }

  /** Runs `fn` just before the next request matching method and path is answered (normally). */
  beforeNext(method: string, path: RegExp, fn: () => void) {
    this.faults.push({ method, path, status: 0, remaining: 1, before: fn });
  }

  /** Holds the answer to the next `count` requests matching method and path for `ms` (a hung GitHub). */
  hang(method: string, path: RegExp, ms: number, count = 1) {
    this.faults.push({ method, path, status: 0, remaining: count, delayMs: ms });
  }

  /** Primary rate limit exhausted for the next `count` requests (reset in `resetSeconds`). */
  rateLimit(count = 1, resetSeconds = 1) {
    this.fail('*', /./, 403, {
      count,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetSeconds),
      },
      body: {
        message: 'API rate limit exceeded for user ID 1.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
      },
    });
  }

  countRequests(method: string, path: RegExp): number {
    return this.requests.filter((r) => r.method === method && path.test(r.path)).length;
  }

  /** Requests GitHub counts against the rate limit (every answer but a 304). */
  countedRequests(): number {
    return this.requests.filter((r) => r.counted).length;
  }

  listen(): this {
    const server = setupServer(http.all(`${this.baseUrl}/*`, ({ request }) => this.handle(request)));
    server.listen({ onUnhandledRequest: 'bypass' });
    this.server = server;
    return this;
  }

  close(): void {
    this.server?.close();
  }

  private rateHeaders(): Record<string, string> {
    return {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.rateRemaining),
      'x-ratelimit-used': String(5000 - this.rateRemaining),
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
    };
  }

  private docUrl(method: string, path: string): string {
    return DOC_URLS.find(([m, re]) => m === method && re.test(path))?.[2] ?? `${DOCS}`;
  }

  private async handle(request: Request) {
    const url = new URL(request.url);
    const path = decodeURIComponent(
      url.pathname.slice(new URL(this.baseUrl).pathname.replace(/\/$/, '').length),
    );
    const method = request.method;
    const mutating = method !== 'GET' && method !== 'HEAD';
    const at = performance.now();
    const requestBody = mutating ? await request.json().catch(() => undefined) : undefined;
    const record = (status: number, counted: boolean, responseBody?: unknown) =>
      this.requests.push({
        method,
        path,
        query: url.search.slice(1),
        status,
        mutating,
        counted,
        at,
        ...(this.keepBodies ? { requestBody, responseBody } : {}),
      });
    const fault = this.faults.find((f) => (f.method === '*' || f.method === method) && f.path.test(path));
    if (fault) {
      fault.remaining--;
      if (fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      else if (fault.before) fault.before();
      else {
        const body = {
          message: `injected ${fault.status}`,
          documentation_url: this.docUrl(method, path),
          ...(fault.body as object),
        };
        record(fault.status, true, body);
        return HttpResponse.json(body, {
          status: fault.status,
          headers: { ...this.rateHeaders(), ...fault.headers },
        });
      }
    }
    // GitHub's pace: a second between mutating requests of one credential (secondary rate limit).
    if (mutating && this.writeGapMs > 0) {
      const who = request.headers.get('authorization') ?? 'anonymous';
      const last = this.lastWrite.get(who);
      // Clocks of client and server differ by a little; GitHub is not stricter than that.
      if (last !== undefined && at - last < this.writeGapMs - 50) {
        const body = {
          message: SECONDARY_RATE_LIMIT_MESSAGE,
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        };
        record(this.burstStatus, true, body);
        return HttpResponse.json(body, {
          status: this.burstStatus,
          headers: {
            ...this.rateHeaders(),
            'retry-after': String(Math.max(1, Math.ceil((this.writeGapMs - (at - last)) / 1000))),
          },
        });
      }
      this.lastWrite.set(who, at);
    }
    const res = this.route(method, path, url.searchParams, requestBody as any);
    const failed = res.status >= 400;
    const body = failed
      ? { documentation_url: this.docUrl(method, path), status: String(res.status), ...(res.body as object) }
      : res.body;
    if (!failed && method === 'GET') {
      const etag = `W/"${sha1(JSON.stringify(body))}"`;
      const inm = request.headers.get('if-none-match');
      if (inm?.split(',').some((t) => t.trim() === etag)) {
        record(304, false);
        return new HttpResponse(null, { status: 304, headers: { ...this.rateHeaders(), etag } });
      }
      this.rateRemaining = Math.max(0, this.rateRemaining - 1);
      record(res.status, true, body);
      return HttpResponse.json(body as any, { status: res.status, headers: { ...this.rateHeaders(), etag } });
    }
    this.rateRemaining = Math.max(0, this.rateRemaining - 1);
    record(res.status, true, body);
    return HttpResponse.json(body as any, { status: res.status, headers: this.rateHeaders() });
  }

  private notFound() {
    return { status: 404, body: { message: 'Not Found' } };
  }

  private apiUrl(path: string) {
    return `${this.baseUrl}${path}`;
  }

  private userBody(login: string, type = 'User') {
    const u = openapiExample('simple-user');
    return {
      ...u,
      login,
      type,
      url: this.apiUrl(`/users/${login}`),
      html_url: `https://github.test/${login}`,
    };
  }

  private repoBody(repo: Repo) {
    const { parent: _parent, source: _source, ...b } = openapiExample('full-repository-default-response');
    const full = `${repo.owner}/${repo.name}`;
    return {
      ...b,
      fork: false,
      language: null,
      name: repo.name,
      full_name: full,
      default_branch: repo.defaultBranch,
      owner: this.userBody(repo.owner, 'Organization'),
      url: this.apiUrl(`/repos/${full}`),
      html_url: `https://github.test/${full}`,
      size: repo.refs.size === 0 ? 0 : 1,
    };
  }

  private refBody(repo: Repo, branch: string, sha: string) {
    const base = `/repos/${repo.owner}/${repo.name}`;
    return {
      ref: `refs/heads/${branch}`,
      node_id: Buffer.from(`ref:${branch}`).toString('base64'),
      url: this.apiUrl(`${base}/git/refs/heads/${branch}`),
      object: { type: 'commit', sha, url: this.apiUrl(`${base}/git/commits/${sha}`) },
    };
  }

  private commitBody(repo: Repo, c: Commit) {
    const base = `/repos/${repo.owner}/${repo.name}`;
    const person = {
      name: c.author,
      email: `${c.author}@users.noreply.github.test`,
      date: '2026-01-01T00:00:00Z',
    };
    return {
      sha: c.sha,
      node_id: Buffer.from(`commit:${c.sha}`).toString('base64'),
      url: this.apiUrl(`${base}/git/commits/${c.sha}`),
      html_url: `https://github.test/${repo.owner}/${repo.name}/commit/${c.sha}`,
      author: person,
      committer: person,
      tree: { sha: c.tree, url: this.apiUrl(`${base}/git/trees/${c.tree}`) },
      message: c.message,
      parents: c.parents.map((sha) => ({
        sha,
        url: this.apiUrl(`${base}/git/commits/${sha}`),
        html_url: `https://github.test/${repo.owner}/${repo.name}/commit/${sha}`,
      })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    };
  }

  /** Entries of a tree as GitHub lists them: recursive (blobs and the trees above them) or one level. */
  private treeEntries(repo: Repo, flat: Map<string, string>, recursive: boolean) {
    const base = `/repos/${repo.owner}/${repo.name}`;
    const blob = (path: string, sha: string) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha,
      size: this.blobs.get(sha)?.byteLength ?? 0,
      url: this.apiUrl(`${base}/git/blobs/${sha}`),
    });
    const subtrees = new Map<string, Map<string, string>>();
    const out: any[] = [];
    for (const [p, sha] of flat) {
      const slash = p.indexOf('/');
      if (slash < 0) out.push(blob(p, sha));
      else {
        const dir = p.slice(0, slash);
        if (!subtrees.has(dir)) subtrees.set(dir, new Map());
        subtrees.get(dir)!.set(p.slice(slash + 1), sha);
      }
    }
    for (const [dir, entries] of subtrees) {
      const sha = this.putTree(entries);
      out.push({
        path: dir,
        mode: '040000',
        type: 'tree',
        sha,
        url: this.apiUrl(`${base}/git/trees/${sha}`),
      });
      if (recursive) {
        for (const e of this.treeEntries(repo, entries, true)) out.push({ ...e, path: `${dir}/${e.path}` });
      }
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  private treeBody(repo: Repo, sha: string, recursive: boolean) {
    const t = this.trees.get(sha)!;
    let tree = this.treeEntries(repo, t, recursive);
    const truncated = recursive && tree.length > this.truncateTreeAt;
    if (truncated) tree = tree.slice(0, this.truncateTreeAt);
    return { sha, url: this.apiUrl(`/repos/${repo.owner}/${repo.name}/git/trees/${sha}`), tree, truncated };
  }

  private validationFailed(message: string, errors?: Array<Record<string, unknown>>) {
    return { status: 422, body: { message, ...(errors ? { errors } : {}) } };
  }

  private emptyRepo() {
    return { status: 409, body: { message: 'Git Repository is empty.' } };
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: any,
  ): { status: number; body: unknown } {
    let m: RegExpMatchArray | null = null;
    const hit = (re: RegExp, text: string): boolean => {
      m = text.match(re);
      return m !== null;
    };
    if (method === 'GET' && path === '/user') {
      return {
        status: 200,
        body: {
          ...openapiExample('private-user-response-with-public-profile-information'),
          login: this.login,
        },
      };
    }
    if (method === 'GET' && path === '/app') {
      return {
        status: 200,
        body: { ...openapiExample('integration'), slug: this.appSlug, name: this.appSlug },
      };
    }
    if (method === 'POST' && hit(/^\/app\/installations\/(\d+)\/access_tokens$/, path)) {
      return {
        status: 201,
        body: {
          token: `ghs_${'x'.repeat(36)}`,
          expires_at: new Date(Date.now() + 3600_000).toISOString(),
          permissions: {},
          repository_selection: 'all',
        },
      };
    }
    if (hit(/^\/orgs\/([^/]+)\/hooks(?:\/(\d+))?$/, path)) return this.routeHooks(method, m![1], m![2], body);
    m = path.match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/);
    if (!m) return this.notFound();
    const repo = this.repos.get(this.key(m![1], m![2]));
    if (!repo) return this.notFound();
    const rest = m![3] ?? '';
    const empty = repo.refs.size === 0;
    if (method === 'GET' && rest === '') return { status: 200, body: this.repoBody(repo) };
    if (method === 'GET' && hit(/^\/git\/ref\/heads\/(.+)$/, rest)) {
      if (empty) return this.emptyRepo();
      const sha = repo.refs.get(m![1]);
      if (!sha) return this.notFound();
      return { status: 200, body: this.refBody(repo, m![1], sha) };
    }
    if (method === 'GET' && hit(/^\/git\/commits\/([0-9a-f]{40})$/, rest)) {
      if (empty) return this.emptyRepo();
      const c = this.commits.get(m![1]);
      if (!c) return this.notFound();
      return { status: 200, body: this.commitBody(repo, c) };
    }
    if (method === 'GET' && hit(/^\/git\/trees\/([0-9a-f]{40})$/, rest)) {
      if (empty) return this.emptyRepo();
      if (!this.trees.has(m![1])) return this.notFound();
      const recursive = query.has('recursive') && !['0', 'false', ''].includes(query.get('recursive')!);
      return { status: 200, body: this.treeBody(repo, m![1], recursive) };
    }
    if (method === 'GET' && hit(/^\/git\/blobs\/([0-9a-f]{40})$/, rest)) {
      if (empty) return this.emptyRepo();
      const b = this.blobs.get(m![1]);
      if (!b) return this.notFound();
      return {
        status: 200,
        body: {
          sha: m![1],
          node_id: Buffer.from(`blob:${m![1]}`).toString('base64'),
          url: this.apiUrl(`/repos/${repo.owner}/${repo.name}/git/blobs/${m![1]}`),
          size: b.byteLength,
          encoding: 'base64',
          content: Buffer.from(b).toString('base64'),
        },
      };
    }
    if (method === 'POST' && rest === '/git/blobs') {
      if (empty) return this.emptyRepo();
      const bytes = new Uint8Array(Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8'));
      const sha = this.putBlob(bytes);
      return {
        status: 201,
        body: { sha, url: this.apiUrl(`/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`) },
      };
    }
    if (method === 'POST' && rest === '/git/trees') return this.createTree(repo, body);
    if (method === 'POST' && rest === '/git/commits') {
      if (empty) return this.emptyRepo();
      if (!this.trees.has(body.tree)) return this.validationFailed('Tree SHA does not exist');
      for (const p of body.parents ?? []) {
        if (!this.commits.has(p))
          return this.validationFailed('Parent SHA does not exist or is not a commit object');
      }
      const sha = this.putCommit(body.tree, body.parents ?? [], body.message, this.login);
      return { status: 201, body: this.commitBody(repo, this.commits.get(sha)!) };
    }
    if (method === 'POST' && rest === '/git/refs') {
      if (empty) return this.emptyRepo();
      const ref = /^refs\/heads\/(.+)$/.exec(String(body.ref ?? ''));
      if (!ref)
        return this.validationFailed("Reference name must start with 'refs/' and have at least two slashes.");
      if (repo.refs.has(ref[1])) return this.validationFailed('Reference already exists');
      if (!this.commits.has(body.sha)) return this.validationFailed('Object does not exist');
      repo.refs.set(ref[1], body.sha);
      return { status: 201, body: this.refBody(repo, ref[1], body.sha) };
    }
    if (method === 'PATCH' && hit(/^\/git\/refs\/heads\/(.+)$/, rest))
      return this.updateRef(repo, m![1], body);
    if (method === 'PUT' && hit(/^\/contents\/(.+)$/, rest)) return this.putContents(repo, m![1], body);
    if (method === 'GET' && rest === '/pulls') {
      const state = query.get('state') ?? 'open';
      const list = repo.pulls.filter(
        (p) =>
          (state === 'all' || p.state === state) &&
          (!query.get('head') ||
            `${repo.owner}:${p.head}`.toLowerCase() === query.get('head')!.toLowerCase()) &&
          (!query.get('base') || p.base === query.get('base')),
      );
      return { status: 200, body: list.map((p) => this.pullBody(repo, p, true)) };
    }
    if (method === 'POST' && rest === '/pulls') {
      if (!repo.refs.has(body.head)) {
        return this.validationFailed('Validation Failed', [
          { resource: 'PullRequest', field: 'head', code: 'invalid' },
        ]);
      }
      if (repo.pulls.some((p) => p.state === 'open' && p.head === body.head && p.base === body.base)) {
        return this.validationFailed('Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${repo.owner}:${body.head}.`,
          },
        ]);
      }
      const pr: PullRequest = {
        number: this.pullNumber++,
        head: body.head,
        base: body.base,
        title: body.title ?? '',
        body: body.body ?? '',
        state: 'open',
      };
      repo.pulls.push(pr);
      return { status: 201, body: this.pullBody(repo, pr, false) };
    }
    return this.notFound();
  }

  private createTree(repo: Repo, body: any): { status: number; body: unknown } {
    if (repo.refs.size === 0) return this.emptyRepo();
    const base = body.base_tree ? this.trees.get(body.base_tree) : new Map<string, string>();
    if (!base)
      return this.validationFailed('Invalid tree info', [
        { resource: 'Tree', field: 'base_tree', code: 'invalid' },
      ]);
    const entries = new Map(base);
    for (const [i, e] of (body.tree as Array<Record<string, any>>).entries()) {
      const invalid = (field: string) =>
        this.validationFailed('Invalid tree info', [
          { resource: 'Tree', field: `tree[${i}].${field}`, code: 'invalid' },
        ]);
      if (typeof e.path !== 'string' || e.path === '' || e.path.startsWith('/')) return invalid('path');
      if (
        e.mode !== '100644' &&
        e.mode !== '100755' &&
        e.mode !== '040000' &&
        e.mode !== '160000' &&
        e.mode !== '120000'
      )
        return invalid('mode');
      if (e.content !== undefined && e.sha !== undefined) return invalid('sha');
      if (e.sha === null) entries.delete(e.path);
      else if (e.content !== undefined) entries.set(e.path, this.putBlob(encoder.encode(String(e.content))));
      else if (!this.blobs.has(e.sha)) return invalid('sha');
      else entries.set(e.path, e.sha);
    }
    const sha = this.putTree(entries);
    return { status: 201, body: this.treeBody(repo, sha, false) };
  }

  private updateRef(repo: Repo, branch: string, body: any): { status: number; body: unknown } {
    if (repo.refs.size === 0) return this.emptyRepo();
    const current = repo.refs.get(branch);
    if (!current) return this.validationFailed('Reference does not exist');
    const next = this.commits.get(body.sha);
    if (!next) return this.validationFailed('Object does not exist');
    const rule = repo.protections.get(branch);
    if (rule) return this.validationFailed(REF_REFUSALS[rule].replace('{branch}', branch));
    if (!body.force && !this.isAncestor(current, body.sha)) {
      return this.validationFailed(REF_REFUSALS.not_fast_forward);
    }
    if (!this.scopes.has('workflow')) {
      const before = this.trees.get(this.commits.get(current)!.tree)!;
      const after = this.trees.get(next.tree)!;
      const touched = [...new Set([...before.keys(), ...after.keys()])]
        .filter((p) => p.startsWith('.github/workflows/') && before.get(p) !== after.get(p))
        .sort();
      if (touched.length > 0) {
        return this.validationFailed(
          `refusing to allow a Personal Access Token to create or update workflow \`${touched[0]}\` without \`workflow\` scope`,
        );
      }
    }
    repo.refs.set(branch, body.sha);
    return { status: 200, body: this.refBody(repo, branch, body.sha) };
  }

  /** PUT contents: one file, one commit; on an empty repository it makes the first commit. */
  private putContents(repo: Repo, path: string, body: any): { status: number; body: unknown } {
    const branch = body.branch ?? repo.defaultBranch;
    if (path.startsWith('.github/workflows/') && !this.scopes.has('workflow')) return this.notFound();
    const current = repo.refs.get(branch);
    if (current === undefined && repo.refs.size > 0) return this.notFound();
    if (current !== undefined && repo.protections.has(branch)) {
      return {
        status: 409,
        body: { message: REF_REFUSALS[repo.protections.get(branch)!].replace('{branch}', branch) },
      };
    }
    const entries = new Map(current ? this.trees.get(this.commits.get(current)!.tree)! : []);
    const existing = entries.get(path);
    if (existing && body.sha !== existing) {
      return this.validationFailed('Invalid request.\n\n"sha" wasn\'t supplied.');
    }
    const bytes = new Uint8Array(Buffer.from(String(body.content ?? ''), 'base64'));
    const blob = this.putBlob(bytes);
    entries.set(path, blob);
    const commit = this.putCommit(this.putTree(entries), current ? [current] : [], body.message, this.login);
    repo.refs.set(branch, commit);
    const ex = openapiExample('file-commit-example-for-creating-a-file');
    const full = `${repo.owner}/${repo.name}`;
    return {
      status: existing ? 200 : 201,
      body: {
        content: {
          ...ex.content,
          name: path.split('/').pop(),
          path,
          sha: blob,
          size: bytes.byteLength,
          url: this.apiUrl(`/repos/${full}/contents/${path}`),
          git_url: this.apiUrl(`/repos/${full}/git/blobs/${blob}`),
        },
        commit: {
          ...ex.commit,
          sha: commit,
          message: body.message,
          tree: { ...ex.commit.tree, sha: this.commits.get(commit)!.tree },
        },
      },
    };
  }

  private pullBody(repo: Repo, p: PullRequest, simple: boolean) {
    const b = simple ? openapiExample('pull-request-simple-items')[0] : openapiExample('pull-request');
    const full = `${repo.owner}/${repo.name}`;
    const side = (branch: string) => ({
      ...b.head,
      label: `${repo.owner}:${branch}`,
      ref: branch,
      sha: repo.refs.get(branch) ?? b.head.sha,
    });
    return {
      ...b,
      requested_reviewers: [],
      requested_teams: [],
      number: p.number,
      id: p.number,
      title: p.title,
      body: p.body,
      state: p.state,
      head: side(p.head),
      base: side(p.base),
      url: this.apiUrl(`/repos/${full}/pulls/${p.number}`),
      html_url: `https://github.test/${full}/pull/${p.number}`,
    };
  }

  private isAncestor(ancestor: string, of: string): boolean {
    const stack = [of];
    while (stack.length > 0) {
      const sha = stack.pop()!;
      if (sha === ancestor) return true;
      stack.push(...(this.commits.get(sha)?.parents ?? []));
    }
    return false;
  }

  private routeHooks(
    method: string,
    org: string,
    id: string | undefined,
    body: any,
  ): { status: number; body: unknown } {
    const list = this.hooks.get(org.toLowerCase()) ?? [];
    this.hooks.set(org.toLowerCase(), list);
    const show = (h: (typeof list)[number]) => {
      const ex = openapiExample('org-hook');
      return {
        ...ex,
        id: h.id,
        url: this.apiUrl(`/orgs/${org}/hooks/${h.id}`),
        ping_url: this.apiUrl(`/orgs/${org}/hooks/${h.id}/pings`),
        deliveries_url: this.apiUrl(`/orgs/${org}/hooks/${h.id}/deliveries`),
        name: 'web',
        active: h.active,
        events: h.events,
        config: { ...h.config, secret: h.config.secret ? '********' : undefined },
      };
    };
    // Org hooks never receive App-only events; GitHub refuses to subscribe one to them.
    const refuseAppOnly = (events: unknown) => {
      const bad = (Array.isArray(events) ? events : []).filter((e) => APP_ONLY_EVENTS.includes(String(e)));
      if (bad.length === 0) return undefined;
      return this.validationFailed('Validation Failed', [
        {
          resource: 'Hook',
          code: 'custom',
          field: 'events',
          message: `"${bad[0]}" is not a valid event name`,
        },
      ]);
    };
    if (method === 'GET' && !id) return { status: 200, body: list.map(show) };
    if (method === 'POST' && !id) {
      const refused = refuseAppOnly(body.events);
      if (refused) return refused;
      const h = {
        id: this.hookId++,
        config: body.config,
        events: body.events ?? ['push'],
        active: body.active ?? true,
      };
      list.push(h);
      return { status: 201, body: show(h) };
    }
    const h = list.find((x) => String(x.id) === id);
    if (!h) return this.notFound();
    if (method === 'PATCH') {
      const refused = refuseAppOnly(body.events);
      if (refused) return refused;
      if (body.config) h.config = { ...h.config, ...body.config };
      if (body.events) h.events = body.events;
      if (body.active !== undefined) h.active = body.active;
      return { status: 200, body: show(h) };
    }
    return this.notFound();
  }
}
