// The shipped workflow templates against GitHub's rules: third-party actions
// pinned by commit SHA (tag in a comment), the current Node LTS, starter
// workflow icons in `octicon <name>` form, workflow_dispatch declaring the
// inputs the controller reads, and the natsgh action taken from package.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { resolveConfig } from '../../src/config/load.js';
import { decideEvent, REGENERATE_EVENT_TYPE } from '../../src/controller/decide.js';
import { defaultActionRef, renderGithubFiles, renderVariablesFromConfig } from '../../src/render/render.js';
import { ROOT } from '../support/cli.js';
import { examplePayloads } from '../support/github-model.js';

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
let vars: Record<string, string>;
beforeAll(async () => {
  const { config } = await resolveConfig({
    noFile: true,
    env: {},
    flags: { org: 'acme', deployment: 'prod' },
  });
  vars = renderVariablesFromConfig(config);
});

async function workflows() {
  const r = await renderGithubFiles({ variables: vars });
  return [...r.files]
    .filter(([p]) => /(^|\/)(workflows|workflow-templates)\/[^/]+\.ya?ml$/.test(p))
    .map(([path, bytes]) => ({ path, text: text(bytes), doc: parseYaml(text(bytes)) }));
}

interface Step {
  uses?: string;
  with?: Record<string, string>;
}
const steps = (doc: any): Step[] =>
  Object.values(doc.jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps ?? []);

describe('shipped workflow templates', () => {
  it('pin every third-party action by commit SHA with its tag in a comment', async () => {
    let pinned = 0;
    for (const wf of await workflows()) {
      for (const line of wf.text.split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l))) {
        const uses = line.replace(/^\s*(-\s+)?uses:\s*/, '');
        if (uses.startsWith(defaultActionRef().split('@')[0])) continue; // natsgh's own action: see below
        expect(uses, `${wf.path}: ${line}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
        pinned++;
      }
    }
    expect(pinned).toBeGreaterThan(0);
  });

  it('set up the current Node.js LTS', async () => {
    let nodes = 0;
    for (const wf of await workflows()) {
      for (const s of steps(wf.doc)) {
        if (s.with && 'node-version' in s.with) {
          expect(s.with['node-version'], wf.path).toBe('lts/*');
          nodes++;
        }
      }
    }
    expect(nodes).toBeGreaterThanOrEqual(3);
    // The natsgh action takes the version as an input.
    expect(Object.keys(parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')).inputs)).toContain(
      'node-version',
    );
  });

  it("give starter workflows an icon in GitHub's `octicon <name>` form", async () => {
    const r = await renderGithubFiles({ variables: vars });
    const props = [...r.files.keys()].filter((p) => p.endsWith('.properties.json'));
    expect(props.length).toBeGreaterThan(0);
    for (const p of props) {
      expect(JSON.parse(text(r.files.get(p))).iconName, p).toMatch(/^octicon [a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('declare the workflow_dispatch inputs the controller reads, and a dispatch with them regenerates', async () => {
    const wf = (await workflows()).find((w) => w.path === '.github/workflows/natsgh-events.yml')!;
    const inputs = wf.doc.on.workflow_dispatch.inputs;
    expect(Object.keys(inputs)).toEqual(['type']);
    expect(inputs.type).toMatchObject({ type: 'string', default: REGENERATE_EVENT_TYPE });
    expect(wf.doc.on.repository_dispatch.types).toEqual([REGENERATE_EVENT_TYPE]);
    // What GitHub sends when the workflow is run with the declared default input.
    const payload = examplePayloads('workflow_dispatch')[0];
    payload.inputs = { type: inputs.type.default };
    payload.repository.name = '.github';
    payload.repository.owner.login = 'acme';
    const d = decideEvent(
      { name: 'workflow_dispatch', owner: 'acme', repo: '.github', payload },
      { org: 'acme', generatedRepo: '.github', selfLogins: new Set() },
    );
    expect(d).toMatchObject({ action: 'regenerate', owner: 'acme', repo: '.github' });
  });
});

describe('the natsgh action reference', () => {
  it("defaults to package.json's repository at this version's tag", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(defaultActionRef()).toBe(`natsgh/natsgh@v${pkg.version}`);
    expect(
      defaultActionRef({ version: '1.2.3', repository: 'git+https://github.com/acme/natsgh-fork.git' }),
    ).toBe('acme/natsgh-fork@v1.2.3');
    expect(defaultActionRef({ version: '1.2.3', repository: { url: 'git@github.com:acme/x.git' } })).toBe(
      'acme/x@v1.2.3',
    );
    expect(defaultActionRef({ version: '1.2.3', repository: 'github:acme/y' })).toBe('acme/y@v1.2.3');
    expect(() => defaultActionRef({ version: '1.2.3' })).toThrow(/repository/);
  });

  it('is overridden by github.actionRef (--action-ref, NATSGH_ACTION_REF), and validated', async () => {
    const { config } = await resolveConfig({
      noFile: true,
      env: { NATSGH_ACTION_REF: 'acme/natsgh@0123abc' },
      flags: {},
    });
    const r = await renderGithubFiles({ variables: renderVariablesFromConfig(config) });
    const wf = parseYaml(text(r.files.get('.github/workflows/natsgh-events.yml')));
    expect(steps(wf).map((s) => s.uses)).toEqual(['acme/natsgh@0123abc']);
    await expect(
      resolveConfig({ noFile: true, env: {}, flags: { 'action-ref': 'not a ref' } }),
    ).rejects.toMatchObject({
      code: expect.any(String),
    });
  });
});
