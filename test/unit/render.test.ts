import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument, parse as parseYaml } from 'yaml';
import { gitBlobSha } from '../../src/render/git-blob.js';
import {
  checkRenderedFiles,
  MANIFEST_PATH,
  readLocalRepoInputs,
  writeRenderedFiles,
} from '../../src/render/local-checkout.js';
import { DEFAULT_TEMPLATE_VARIABLES, parseRepoConfig, renderGithubFiles } from '../../src/render/render.js';
import { ROOT } from '../support/cli.js';

const vars = {
  org: 'acme',
  org_name: 'Acme',
  deployment: 'prod',
  github_repo: '.github',
  security_contact: 'security@acme.test',
  support_url: 'https://acme.test/help',
  conduct_contact: 'conduct@acme.test',
  default_labels: 'triage',
};
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
/** A GitHub Actions expression, spelled as it appears in YAML. */
const gha = (expr: string) => `\${{ ${expr} }}`;

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'natsgh-render-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('renderGithubFiles', () => {
  it('renders every shipped file with the variables and keeps GitHub expressions', async () => {
    const r = await renderGithubFiles({ variables: vars });
    const paths = [...r.files.keys()];
    for (const p of [
      'profile/README.md',
      'CONTRIBUTING.md',
      'SECURITY.md',
      'CODE_OF_CONDUCT.md',
      'SUPPORT.md',
      '.github/PULL_REQUEST_TEMPLATE.md',
      '.github/dependabot.yml',
      '.github/ISSUE_TEMPLATE/bug_report.yml',
      '.github/workflows/natsgh-events.yml',
      'workflow-templates/natsgh-ci.yml',
      'workflow-templates/natsgh-ci.properties.json',
    ]) {
      expect(paths).toContain(p);
    }
    expect(paths).toEqual([...paths].sort());
    expect(text(r.files.get('SECURITY.md'))).toContain('security@acme.test');
    for (const [p, bytes] of r.files) {
      expect(text(bytes), p).not.toMatch(/(^|[^$])\{\{\s*[A-Za-z_]/);
      expect(text(bytes), p).not.toContain('\r');
      if (p.endsWith('.json')) JSON.parse(text(bytes));
      if (p.endsWith('.yml') || p.endsWith('.yaml')) {
        const doc = parseDocument(text(bytes), { uniqueKeys: true });
        expect(doc.errors, p).toEqual([]);
      }
    }
  });

  describe('generated workflows publish events through the natsgh action', () => {
    const actionInputs = Object.keys(parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')).inputs);
    const eventWorkflows = ['.github/workflows/natsgh-events.yml', 'workflow-templates/natsgh-events.yml'];
    interface Step {
      name?: string;
      uses?: string;
      run?: string;
      env?: Record<string, string>;
      with?: Record<string, string>;
    }
    const stepsOf = (wf: string): Step[] =>
      Object.values(parseYaml(wf).jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps);

    it.each(eventWorkflows)(
      '%s: one action step, no npx, no creds file written by the workflow',
      async (path) => {
        const r = await renderGithubFiles({ variables: vars });
        const wf = text(r.files.get(path));
        const steps = stepsOf(wf);
        const action = steps.filter((s) => s.uses?.startsWith('natsgh/natsgh@'));
        expect(action).toHaveLength(1);
        expect(action[0].uses).toBe(DEFAULT_TEMPLATE_VARIABLES.natsgh_action);
        expect(action[0].with).toEqual({
          command: 'events publish',
          'nats-url': gha('vars.NATSGH_NATS_URL'),
          deployment: 'prod',
          creds: gha('secrets.NATSGH_NATS_CREDS'),
          'node-version': 'lts/*',
        });
        for (const key of Object.keys(action[0].with!)) expect(actionInputs, key).toContain(key);
        // The action sets up Node, installs natsgh and handles the creds file itself.
        expect(steps.filter((s) => s.run !== undefined || s.env !== undefined)).toEqual([]);
        expect(steps.some((s) => s.uses?.startsWith('actions/setup-node'))).toBe(false);
        expect(wf).not.toMatch(/\bnpx\b/);
        expect(wf).not.toMatch(/RUNNER_TEMP|umask|printf|\brm -f\b|>\s*"?\$/);
        // The secret only ever reaches the action's creds input.
        expect(wf.match(/secrets\./g)).toHaveLength(1);
      },
    );

    it('natsgh.yaml can point the workflows at another ref of the action (a fork, a pinned tag)', async () => {
      const config = await parseRepoConfig('variables:\n  natsgh_action: acme/natsgh@v0.1.0\n');
      const r = await renderGithubFiles({ variables: vars, config });
      for (const path of eventWorkflows) {
        const uses = stepsOf(text(r.files.get(path))).map((s) => s.uses);
        expect(uses, path).toEqual(['acme/natsgh@v0.1.0']);
      }
    });

    it('no shipped workflow runs natsgh through npx', async () => {
      const r = await renderGithubFiles({ variables: vars });
      const workflows = [...r.files.keys()].filter((p) =>
        /(^|\/)(workflows|workflow-templates)\/.*\.yml$/.test(p),
      );
      expect(workflows).toContain('workflow-templates/natsgh-ci.yml');
      for (const p of workflows) {
        expect(text(r.files.get(p)), p).not.toMatch(/npx[^\n]*natsgh/);
        const runs = stepsOf(text(r.files.get(p))).map((s) => s.run ?? '');
        for (const run of runs) expect(run, p).not.toMatch(/natsgh/);
      }
    });
  });

  it('is deterministic and the hash follows the content', async () => {
    const a = await renderGithubFiles({ variables: vars });
    const b = await renderGithubFiles({ variables: { ...vars } });
    expect(a.hash).toBe(b.hash);
    const c = await renderGithubFiles({ variables: { ...vars, org_name: 'Acme Inc' } });
    expect(c.hash).not.toBe(a.hash);
  });

  it('applies overrides, repo variables, include and exclude; normalizes line endings', async () => {
    const config = await parseRepoConfig(
      'variables:\n  org_name: Acme Corp\nfiles:\n  exclude: [SUPPORT.md, workflow-templates/]\n',
    );
    const r = await renderGithubFiles({
      variables: vars,
      config,
      overrides: new Map([['CONTRIBUTING.md', 'Hello {{ org_name }}\r\nbye']]),
    });
    expect(text(r.files.get('CONTRIBUTING.md'))).toBe('Hello Acme Corp\nbye\n');
    expect(r.files.has('SUPPORT.md')).toBe(false);
    expect([...r.files.keys()].some((p) => p.startsWith('workflow-templates/'))).toBe(false);
    const only = await renderGithubFiles({
      variables: vars,
      config: await parseRepoConfig('files:\n  include: [SECURITY.md]\n'),
    });
    expect([...only.files.keys()]).toEqual(['SECURITY.md']);
  });

  it('names an undefined variable and the template', async () => {
    await expect(
      renderGithubFiles({ variables: vars, overrides: new Map([['X.md', '{{ nope }}']]) }),
    ).rejects.toThrow(/X\.md uses \{\{ nope \}\}/);
  });
});

describe('parseRepoConfig', () => {
  it('rejects unknown keys and bad values with the key named', async () => {
    await expect(parseRepoConfig('filez: []\n')).rejects.toThrow(/natsgh.yaml is invalid: .*filez/);
    await expect(parseRepoConfig('files:\n  exclude: [../x]\n')).rejects.toThrow(/files.exclude.0/);
    await expect(parseRepoConfig('variables: [1\n')).rejects.toThrow(/not valid YAML/);
    expect((await parseRepoConfig('')).exclude).toEqual([]);
  });
});

describe('gitBlobSha', () => {
  it('matches git hash-object', () => {
    const d = tempDir();
    writeFileSync(join(d, 'f'), 'hello\nworld\n');
    const want = execFileSync('git', ['hash-object', join(d, 'f')])
      .toString()
      .trim();
    expect(gitBlobSha(readFileSync(join(d, 'f')))).toBe(want);
  });
});

describe('writeRenderedFiles', () => {
  it('writes, skips unchanged, reports hand edits and never touches foreign files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'SUPPORT.md'), 'our own support file\n');
    writeFileSync(join(dir, 'unrelated.txt'), 'keep me\n');
    const r = await renderGithubFiles({ variables: vars });
    const first = await writeRenderedFiles(dir, r);
    expect(first.notOwned).toEqual(['SUPPORT.md']);
    expect(first.written.length).toBe(r.files.size - 1);
    expect(readFileSync(join(dir, 'SUPPORT.md'), 'utf8')).toBe('our own support file\n');
    expect(readFileSync(join(dir, 'unrelated.txt'), 'utf8')).toBe('keep me\n');
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8'));
    expect(manifest.hash).toBe(r.hash);
    expect(manifest.files['SECURITY.md']).toBe(gitBlobSha(r.files.get('SECURITY.md')!));

    const mtime = statSync(join(dir, 'SECURITY.md')).mtimeMs;
    const second = await writeRenderedFiles(dir, r);
    expect(second.written).toEqual([]);
    expect(second.unchanged.length).toBe(r.files.size - 1);
    expect(statSync(join(dir, 'SECURITY.md')).mtimeMs).toBe(mtime);

    writeFileSync(join(dir, 'SECURITY.md'), 'edited by hand\n');
    const changed = await renderGithubFiles({ variables: { ...vars, org_name: 'Acme 2' } });
    const third = await writeRenderedFiles(dir, changed);
    expect(third.handEdited).toContain('SECURITY.md');
    expect(readFileSync(join(dir, 'SECURITY.md'), 'utf8')).toBe('edited by hand\n');
    expect(third.written).toContain('CONTRIBUTING.md');

    const check = await checkRenderedFiles(dir, changed);
    expect(check.matches).toBe(false);
    expect(check.differing).toEqual(['SECURITY.md', 'SUPPORT.md']);
  });

  it('reads natsgh.yaml and natsgh/templates overrides from a checkout', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'natsgh.yaml'), 'variables:\n  org_name: From Yaml\n');
    execFileSync('mkdir', ['-p', join(dir, 'natsgh/templates/profile')]);
    writeFileSync(join(dir, 'natsgh/templates/profile/README.md'), '# {{ org_name }}\n');
    const inputs = await readLocalRepoInputs(dir);
    const r = await renderGithubFiles({ variables: vars, ...inputs });
    expect(text(r.files.get('profile/README.md'))).toBe('# From Yaml\n');
    const out = await writeRenderedFiles(dir, r);
    expect(out.written).toContain('profile/README.md');
    expect((await checkRenderedFiles(dir, r)).matches).toBe(true);
  });
});
