// The service behind `natsgh generate`: renders the org's .github files with the
// configuration and the target's own natsgh.yaml/overrides, then writes them to
// a local checkout or commits them through the GitHub API; --check only compares.
import type { NatsghConfig } from '../config/keys.js';
import { UsageError } from '../errors.js';
import { gitBlobSha } from '../render/git-blob.js';
import { checkRenderedFiles, readLocalRepoInputs, writeRenderedFiles } from '../render/local-checkout.js';
import { renderGithubFiles, renderVariablesFromConfig } from '../render/render.js';

export interface GenerateResult {
  target: string;
  hash: string;
  check: boolean;
  /** True when the target already holds exactly the rendered files. */
  matches: boolean;
  /** Files that differ from the render (check) or were changed (write). */
  differing: string[];
  written: string[];
  unchanged: string[];
  handEdited: string[];
  notOwned: string[];
  commit?: string;
  /** --via-pull-request: the pull request that carries the change. */
  pullRequest?: { number: number; url: string; action: 'opened' | 'updated' | 'unchanged' };
}

export async function generateFiles(opts: {
  config: NatsghConfig;
  outputDir?: string;
  repo?: string;
  check: boolean;
  /** Octokit tuning (tests shorten the write throttle). */
  github?: import('../github/client.js').GithubClientOptions;
}): Promise<GenerateResult> {
  if (opts.outputDir && opts.repo) {
    throw new UsageError('--output-dir and --repo exclude each other', {
      code: 'usage',
      suggestions: [
        'Pass --output-dir DIR to write a local checkout, or --repo OWNER/NAME to commit through the API.',
      ],
    });
  }
  if (opts.repo) return generateToRepo({ ...opts, repo: opts.repo });
  const dir = opts.outputDir ?? opts.config.outputDir;
  const inputs = await readLocalRepoInputs(dir);
  const result = await renderGithubFiles({ variables: renderVariablesFromConfig(opts.config), ...inputs });
  if (opts.check) {
    const c = await checkRenderedFiles(dir, result);
    return {
      target: dir,
      hash: result.hash,
      check: true,
      matches: c.matches,
      differing: c.differing,
      written: [],
      unchanged: [],
      handEdited: [],
      notOwned: [],
    };
  }
  const w = await writeRenderedFiles(dir, result);
  return {
    target: dir,
    hash: result.hash,
    check: false,
    matches: w.written.length === 0 && w.handEdited.length === 0 && w.notOwned.length === 0,
    differing: [...w.written, ...w.handEdited, ...w.notOwned].sort(),
    written: w.written,
    unchanged: w.unchanged,
    handEdited: w.handEdited,
    notOwned: w.notOwned,
  };
}

async function generateToRepo(opts: {
  config: NatsghConfig;
  repo: string;
  check: boolean;
  github?: import('../github/client.js').GithubClientOptions;
}): Promise<GenerateResult> {
  const m = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(opts.repo);
  if (!m) {
    throw new UsageError(`--repo "${opts.repo}" is not OWNER/NAME`, {
      code: 'usage',
      suggestions: ['For example: --repo acme/.github'],
    });
  }
  const [, owner, repo] = m;
  const { githubClientFromConfig } = await import('../github/client.js');
  const github = await githubClientFromConfig(opts.config, opts.github);
  if (!github) {
    throw new UsageError(
      '--repo needs GitHub credentials: set GITHUB_TOKEN (or --github-token) or a GitHub App',
      {
        code: 'github_credentials_missing',
        details: { flag: '--github-token', env: 'GITHUB_TOKEN' },
        suggestions: [
          'Pass --github-token or set GITHUB_TOKEN; or --github-app-id, --github-app-key and --github-app-installation.',
        ],
      },
    );
  }
  const variables = renderVariablesFromConfig({ ...opts.config, org: opts.config.org ?? owner });
  const target = `github:${owner}/${repo}`;
  if (opts.check) {
    const { defaultBranch, readHead } = await import('../github/commit.js');
    const { renderForHead } = await import('../controller/regenerate.js');
    const git = { octokit: github.octokit, owner, repo, cache: github.cache };
    const head = await readHead(git, await defaultBranch(git));
    const r = await renderForHead(head, variables);
    const differing = [...r.files.keys()]
      .filter((p) => head.tree.get(p) !== gitBlobSha(r.files.get(p)!))
      .sort();
    return {
      target,
      hash: r.hash,
      check: true,
      matches: differing.length === 0,
      differing,
      written: [],
      unchanged: [],
      handEdited: [],
      notOwned: r.notOwned,
    };
  }
  const { regenerateRepository } = await import('../controller/regenerate.js');
  const r = await regenerateRepository({
    github,
    owner,
    repo,
    variables,
    instanceId: `generate-${process.pid}`,
    viaPullRequest: opts.config.github.viaPullRequest,
  });
  return {
    target,
    hash: r.hash,
    check: false,
    matches: !r.changed,
    differing: r.changedPaths,
    written: r.changedPaths,
    unchanged: r.files.map((f) => f.path).filter((p) => !r.changedPaths.includes(p)),
    handEdited: [],
    notOwned: r.notOwned,
    commit: r.commit,
    pullRequest: r.pullRequest,
  };
}
