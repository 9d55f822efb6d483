// The one renderer of the org's .github files: (shipped templates, repository
// overrides, variables, repo config) -> path -> bytes plus a render hash. Pure
// and deterministic: "\n" line endings, sorted paths, no clock, no environment.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import { InternalError, UsageError } from '../errors.js';
import { pathSelected, type RepoConfig } from './repo-config.js';
import { substituteVariables, TemplateVariableError } from './substitute.js';

export { parseRepoConfig, type RepoConfig } from './repo-config.js';

export interface RenderInput {
  variables: Record<string, unknown>;
  /** Repository overrides: path (relative to the repo root, as generated) -> template text. */
  overrides?: Map<string, string>;
  config?: RepoConfig;
  /** Shipped templates folder (default: the package's templates/github). */
  templatesDir?: string;
}

export interface RenderResult {
  files: Map<string, Uint8Array>;
  hash: string;
}

/** Bumped when the meaning of a render changes, so hashes from older renderers differ. */
const RENDER_FORMAT = 'natsgh-render-v1';

/**
 * The natsgh GitHub Action this natsgh's generated workflows run: the GitHub
 * repository of package.json's `repository` field at this version's tag
 * (`v<version>`, which the release publishes). `github.actionRef` overrides it.
 */
export function defaultActionRef(
  pkg: { version?: string; repository?: string | { url?: string } } = readOwnPackage(),
): string {
  const url = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
  const m =
    /github\.com[/:]([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(url) ??
    /^(?:github:)?([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(url);
  if (!m || !pkg.version) throw new InternalError('package.json names no GitHub repository or version');
  return `${m[1]}/${m[2]}@v${pkg.version}`;
}

function readOwnPackage(): { version?: string; repository?: string | { url?: string } } {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8'));
}

/**
 * Variables every template may use without the caller defining them; the
 * caller's variables and natsgh.yaml's `variables:` override them.
 * `natsgh_action`: the natsgh GitHub Action generated workflows run (`uses:`),
 * e.g. a fork or a pinned tag or commit.
 */
export const DEFAULT_TEMPLATE_VARIABLES: Readonly<Record<string, string>> = {
  natsgh_action: defaultActionRef(),
};

export const SHIPPED_TEMPLATES_DIR = resolve(import.meta.dirname, '../../templates/github');

let shippedCache: { dir: string; templates: Map<string, string> } | undefined;

/** Reads every file under the templates folder (relative "/" paths -> text), sorted. */
export async function loadTemplates(dir: string = SHIPPED_TEMPLATES_DIR): Promise<Map<string, string>> {
  if (shippedCache?.dir === dir) return shippedCache.templates;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
  const templates = new Map<string, string>();
  for (const p of paths) templates.set(p, await readFile(join(dir, p), 'utf8'));
  shippedCache = { dir, templates };
  return templates;
}

function normalizeText(text: string): string {
  const lf = text.replace(/\r\n?/g, '\n');
  return lf.endsWith('\n') ? lf : `${lf}\n`;
}

export function renderHash(files: Map<string, Uint8Array>): string {
  const h = createHash('sha256').update(`${RENDER_FORMAT}\0`);
  for (const path of [...files.keys()].sort()) {
    const bytes = files.get(path)!;
    h.update(`${path}\0${bytes.byteLength}\0`).update(bytes);
  }
  return h.digest('hex');
}

export async function renderGithubFiles(input: RenderInput): Promise<RenderResult> {
  const shipped = await loadTemplates(input.templatesDir);
  const templates = new Map(shipped);
  for (const [path, text] of input.overrides ?? []) templates.set(path, text);
  const variables = { ...DEFAULT_TEMPLATE_VARIABLES, ...input.variables, ...(input.config?.variables ?? {}) };
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  for (const path of [...templates.keys()].sort()) {
    if (input.config?.include && !pathSelected(path, input.config.include)) continue;
    if (input.config && pathSelected(path, input.config.exclude)) continue;
    let text: string;
    try {
      text = substituteVariables(templates.get(path)!, variables, path);
    } catch (err) {
      if (!(err instanceof TemplateVariableError)) throw err;
      throw new UsageError(err.message, {
        code: 'template_variable_missing',
        details: { template: path, variable: err.variable },
        suggestions: [
          `Define it under "variables:" in natsgh.yaml (e.g. ${err.variable}: ...), or fix the template.`,
        ],
      });
    }
    files.set(path, encoder.encode(normalizeText(text)));
  }
  return { files, hash: renderHash(files) };
}

/** The variables every shipped template may use, from natsgh's configuration. */
export function renderVariablesFromConfig(config: NatsghConfig): Record<string, string> {
  const org = config.org ?? 'your-org';
  return {
    org,
    org_name: org,
    deployment: config.deployment,
    github_repo: config.github.repo,
    security_contact: `https://github.com/${org}/${config.github.repo}/security/advisories/new`,
    support_url: `https://github.com/orgs/${org}/discussions`,
    conduct_contact: `the ${org} maintainers`,
    default_labels: 'triage',
    natsgh_action: config.github.actionRef ?? DEFAULT_TEMPLATE_VARIABLES.natsgh_action,
  };
}
