// A stateful model of the GitHub REST API (repos, refs, commits, trees, blobs,
// org webhooks, the authenticated identity) served through msw, with fault
// injection (5xx, rate limits, refs that move mid-commit) and webhook payloads
// built from the real examples in @octokit/webhooks-examples. Reused by the
// controller, webhook and generate tests, the benchmarks and the chaos tests.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

const require = createRequire(import.meta.url);

export const GITHUB_API = 'https://api.github.test';

interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: string;
}

interface Repo {
  owner: string;
  name: string;
  defaultBranch: string;
  refs: Map<string, string>;
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
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
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

/** A repository_dispatch of type natsgh.regenerate for owner/repo: the controller regenerates on it (decide.ts). */
export function regenerateDispatch(owner: string, repo: string): any {
  const p = examplePayloads('repository_dispatch')[0];
  p.action = 'natsgh.regenerate';
  p.repository.name = repo;
  p.repository.full_name = `${owner}/${repo}`;
  p.repository.owner.login = owner;
  return p;
}

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
  private faults: Fault[] = [];
  private counter = 0;
  private hookId = 1;
  private server?: ReturnType<typeof setupServer>;

  constructor(readonly baseUrl = GITHUB_API) {}

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
    this.trees.set(sha, new Map(sorted));
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
    for (const [p, text] of Object.entries(files))
      entries.set(p, this.putBlob(new TextEncoder().encode(text)));
    const commit = this.putCommit(this.putTree(entries), [], 'initial commit');
    this.repos.set(this.key(owner, name), {
      owner,
      name,
      defaultBranch: branch,
      refs: new Map([[branch, commit]]),
    });
    return commit;
  }

  head(owner: string, repo: string, branch?: string): string {
    const r = this.repo(owner, repo);
    return r.refs.get(branch ?? r.defaultBranch)!;
  }

  /** Files at the head of the default branch: path -> text. */
  files(owner: string, repo: string): Map<string, string> {
    const tree = this.trees.get(this.commits.get(this.head(owner, repo))!.tree)!;
    const out = new Map<string, string>();
    for (const [p, sha] of tree) out.set(p, new TextDecoder().decode(this.blobs.get(sha)));
    return out;
  }

  /** Commits on the default branch, newest first. */
  log(owner: string, repo: string): Commit[] {
    const out: Commit[] = [];
    let sha: string | undefined = this.head(owner, repo);
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
        entries.set(p, this.putBlob(new TextEncoder().encode(text)));
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

  /** Primary rate limit exhausted for the next `count` requests (reset in `resetSeconds`). */
  rateLimit(count = 1, resetSeconds = 1) {
    this.fail('*', /./, 403, {
      count,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetSeconds),
      },
      body: { message: 'API rate limit exceeded for user.' },
    });
  }

  countRequests(method: string, path: RegExp): number {
    return this.requests.filter((r) => r.method === method && path.test(r.path)).length;
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

  private json(status: number, body: unknown, headers: Record<string, string> = {}) {
    return HttpResponse.json(body as any, {
      status,
      headers: {
        'x-ratelimit-remaining': String(this.rateRemaining),
        'x-ratelimit-limit': '5000',
        ...headers,
      },
    });
  }

  private async handle(request: Request) {
    const url = new URL(request.url);
    const path = decodeURIComponent(
      url.pathname.slice(new URL(this.baseUrl).pathname.replace(/\/$/, '').length),
    );
    const method = request.method;
    const record = (status: number) => this.requests.push({ method, path, status });
    const fault = this.faults.find((f) => (f.method === '*' || f.method === method) && f.path.test(path));
    if (fault) {
      fault.remaining--;
      if (fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      if (fault.before) fault.before();
      else {
        record(fault.status);
        return this.json(fault.status, fault.body ?? { message: `injected ${fault.status}` }, fault.headers);
      }
    }
    this.rateRemaining = Math.max(0, this.rateRemaining - 1);
    const body =
      method === 'GET' || method === 'DELETE' ? undefined : await request.json().catch(() => undefined);
    const res = this.route(method, path, body as any);
    record(res.status);
    return this.json(res.status, res.body);
  }

  private notFound() {
    return { status: 404, body: { message: 'Not Found' } };
  }

  private route(method: string, path: string, body: any): { status: number; body: unknown } {
    let m: RegExpMatchArray | null = null;
    const hit = (re: RegExp, text: string): boolean => {
      m = text.match(re);
      return m !== null;
    };
    if (method === 'GET' && path === '/user')
      return { status: 200, body: { login: this.login, id: 1, type: 'User' } };
    if (method === 'GET' && path === '/app')
      return { status: 200, body: { id: 1, slug: this.appSlug, name: this.appSlug } };
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
    if (method === 'GET' && rest === '') {
      return {
        status: 200,
        body: {
          name: repo.name,
          full_name: `${repo.owner}/${repo.name}`,
          default_branch: repo.defaultBranch,
          owner: { login: repo.owner },
        },
      };
    }
    if (method === 'GET' && hit(/^\/git\/ref\/heads\/(.+)$/, rest)) {
      const sha = repo.refs.get(m![1]);
      if (!sha) return this.notFound();
      return { status: 200, body: { ref: `refs/heads/${m![1]}`, object: { sha, type: 'commit' } } };
    }
    if (method === 'GET' && hit(/^\/git\/commits\/([0-9a-f]{40})$/, rest)) {
      const c = this.commits.get(m![1]);
      if (!c) return this.notFound();
      return {
        status: 200,
        body: {
          sha: c.sha,
          tree: { sha: c.tree },
          parents: c.parents.map((sha) => ({ sha })),
          message: c.message,
        },
      };
    }
    if (method === 'GET' && hit(/^\/git\/trees\/([0-9a-f]{40})$/, rest)) {
      const t = this.trees.get(m![1]);
      if (!t) return this.notFound();
      const tree = [...t].map(([p, sha]) => ({
        path: p,
        mode: '100644',
        type: 'blob',
        sha,
        size: this.blobs.get(sha)!.byteLength,
      }));
      return { status: 200, body: { sha: m![1], tree, truncated: false } };
    }
    if (method === 'GET' && hit(/^\/git\/blobs\/([0-9a-f]{40})$/, rest)) {
      const b = this.blobs.get(m![1]);
      if (!b) return this.notFound();
      return {
        status: 200,
        body: {
          sha: m![1],
          size: b.byteLength,
          encoding: 'base64',
          content: Buffer.from(b).toString('base64'),
        },
      };
    }
    if (method === 'POST' && rest === '/git/blobs') {
      const bytes = new Uint8Array(Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8'));
      return { status: 201, body: { sha: this.putBlob(bytes) } };
    }
    if (method === 'POST' && rest === '/git/trees') {
      const base = body.base_tree ? this.trees.get(body.base_tree) : new Map<string, string>();
      if (!base) return { status: 422, body: { message: 'base_tree not found' } };
      const entries = new Map(base);
      for (const e of body.tree as Array<{ path: string; sha: string | null; content?: string }>) {
        if (e.sha === null) entries.delete(e.path);
        else if (e.content !== undefined)
          entries.set(e.path, this.putBlob(new TextEncoder().encode(e.content)));
        else if (!this.blobs.has(e.sha)) return { status: 422, body: { message: `blob ${e.sha} not found` } };
        else entries.set(e.path, e.sha);
      }
      return { status: 201, body: { sha: this.putTree(entries) } };
    }
    if (method === 'POST' && rest === '/git/commits') {
      if (!this.trees.has(body.tree)) return { status: 422, body: { message: 'tree not found' } };
      const sha = this.putCommit(body.tree, body.parents, body.message, this.login);
      return { status: 201, body: { sha, tree: { sha: body.tree }, message: body.message } };
    }
    if (method === 'PATCH' && hit(/^\/git\/refs\/heads\/(.+)$/, rest)) {
      const current = repo.refs.get(m![1]);
      if (!current) return { status: 422, body: { message: 'Reference does not exist' } };
      const next = this.commits.get(body.sha);
      if (!next) return { status: 422, body: { message: 'Object does not exist' } };
      if (!body.force && !this.isAncestor(current, body.sha)) {
        return { status: 422, body: { message: 'Update is not a fast forward' } };
      }
      repo.refs.set(m![1], body.sha);
      return { status: 200, body: { ref: `refs/heads/${m![1]}`, object: { sha: body.sha, type: 'commit' } } };
    }
    return this.notFound();
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
    const mask = (h: (typeof list)[number]) => ({
      id: h.id,
      name: 'web',
      active: h.active,
      events: h.events,
      config: { ...h.config, secret: h.config.secret ? '********' : undefined },
    });
    if (method === 'GET' && !id) return { status: 200, body: list.map(mask) };
    if (method === 'POST' && !id) {
      const h = {
        id: this.hookId++,
        config: body.config,
        events: body.events ?? ['push'],
        active: body.active ?? true,
      };
      list.push(h);
      return { status: 201, body: mask(h) };
    }
    const h = list.find((x) => String(x.id) === id);
    if (!h) return this.notFound();
    if (method === 'PATCH') {
      if (body.config) h.config = { ...h.config, ...body.config };
      if (body.events) h.events = body.events;
      if (body.active !== undefined) h.active = body.active;
      return { status: 200, body: mask(h) };
    }
    return this.notFound();
  }
}
