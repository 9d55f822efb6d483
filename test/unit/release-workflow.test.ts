// .github/workflows/release.yml publishes the image natsgh deploys by default:
// multi-arch (linux/amd64, linux/arm64), to ghcr.io, on a version tag, named by
// natsgh's own publishedImage() (package.json's repository field).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/provision/compose.js';
import { githubRepository, publishedImage } from '../../src/provision/controller-image.js';

const workflow = parse(readFileSync(join(PROJECT_ROOT, '.github/workflows/release.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
const steps = workflow.jobs.image.steps as Array<Record<string, any>>;
const step = (uses: string) => steps.find((s) => String(s.uses ?? '').startsWith(uses));

describe('release workflow', () => {
  it('runs on version tags and may write packages', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.jobs.image.permissions).toMatchObject({ packages: 'write', contents: 'read' });
  });

  it('builds the Dockerfile for linux/amd64 and linux/arm64 and pushes to ghcr.io on a tag', () => {
    expect(step('docker/setup-qemu-action')).toBeTruthy();
    expect(step('docker/setup-buildx-action')).toBeTruthy();
    expect(step('docker/login-action')!.with.registry).toBe('ghcr.io');
    const build = step('docker/build-push-action')!.with;
    expect(build.file).toBe('Dockerfile');
    expect(build.platforms.split(',').sort()).toEqual(['linux/amd64', 'linux/arm64']);
    const expr = (e: string) => `\${{ ${e} }}`;
    expect(build.push).toBe(expr("github.ref_type == 'tag'"));
    expect(build.tags).toBe(expr('steps.image.outputs.ref'));
    // The Dockerfile copies dist/, so the workflow builds it first.
    const buildIndex = steps.findIndex((s) => /npm run build/.test(s.run ?? ''));
    expect(buildIndex).toBeGreaterThanOrEqual(0);
    expect(buildIndex).toBeLessThan(steps.indexOf(step('docker/build-push-action')!));
  });

  it("tags the image with natsgh's own default image name (package.json repository + version)", () => {
    const nameStep = steps.find((s) => s.id === 'image')!;
    expect(nameStep.run).toContain("import('./dist/provision/controller-image.js')");
    expect(nameStep.run).toContain('m.publishedImage()');
    expect(githubRepository(pkg.repository)).toBe('natsgh/natsgh');
    expect(publishedImage()).toBe(`ghcr.io/natsgh/natsgh:${pkg.version}`);
    // The step's shell checks, run here with this package: a matching tag passes, another fails.
    const script = nameStep.run.replace(/^image=.*$/m, `image=${publishedImage()}`);
    const runStep = (ref: string) =>
      execFileSync('bash', ['-c', script], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          GITHUB_REF_TYPE: 'tag',
          GITHUB_REF_NAME: ref,
          GITHUB_REPOSITORY: 'natsgh/natsgh',
          GITHUB_OUTPUT: '/dev/null',
        },
        stdio: 'pipe',
      });
    expect(() => runStep(`v${pkg.version}`)).not.toThrow();
    expect(() => runStep('v9.9.9')).toThrow();
  });

  it('reads GitHub repositories in the forms package.json allows', () => {
    expect(githubRepository('github:acme/tool')).toBe('acme/tool');
    expect(githubRepository('acme/tool')).toBe('acme/tool');
    expect(githubRepository({ url: 'git+https://github.com/Acme/Tool.git' })).toBe('Acme/Tool');
    expect(githubRepository({ url: 'git@github.com:acme/tool.git' })).toBe('acme/tool');
    expect(githubRepository('https://gitlab.com/acme/tool')).toBeUndefined();
    expect(publishedImage({ version: '1.2.3', repository: { url: 'https://github.com/Acme/Tool' } })).toBe(
      'ghcr.io/acme/tool:1.2.3',
    );
  });
});
