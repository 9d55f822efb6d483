// `natsgh generate`: a local checkout through the compiled CLI, and --repo
// through the Git Data API against the GitHub model.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { generateFiles } from '../../src/services/generate.js';
import { parseJson, runCli } from '../support/cli.js';
import { GITHUB_API, GithubModel } from '../support/github-model.js';

describe('natsgh generate --output-dir (compiled CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'natsgh-gen-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes, is idempotent, and --check reports a hand edit with exit 1', async () => {
    const env = { GITHUB_TOKEN: '' };
    const first = await runCli(['generate', '--output-dir', dir, '--org', 'acme', '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    const doc = parseJson(first);
    expect(doc.written).toContain('SECURITY.md');
    expect(readFileSync(join(dir, 'profile/README.md'), 'utf8')).toContain('# acme');

    const second = parseJson(
      await runCli(['generate', '--output-dir', dir, '--org', 'acme', '--json'], { env }),
    );
    expect(second.written).toEqual([]);

    const ok = await runCli(['generate', '--output-dir', dir, '--org', 'acme', '--check'], { env });
    expect(ok.code).toBe(0);

    writeFileSync(join(dir, 'SECURITY.md'), 'hand edit\n');
    const check = await runCli(['generate', '--output-dir', dir, '--org', 'acme', '--check', '--json'], {
      env,
    });
    expect(check.code).toBe(1);
    expect(parseJson(check).differing).toEqual(['SECURITY.md']);
    const rewrite = parseJson(
      await runCli(['generate', '--output-dir', dir, '--org', 'acme', '--json'], { env }),
    );
    expect(rewrite.handEdited).toEqual(['SECURITY.md']);
    expect(readFileSync(join(dir, 'SECURITY.md'), 'utf8')).toBe('hand edit\n');
  });

  it('refuses a symlink in the checkout (directory, file, natsgh.yaml) and writes nothing outside it', async () => {
    const base = mkdtempSync(join(tmpdir(), 'natsgh-gen-symlink-'));
    try {
      const victim = join(base, 'victim');
      const checkout = join(base, 'checkout');
      mkdirSync(victim);
      mkdirSync(checkout);
      const env = { GITHUB_TOKEN: '' };
      const generate = (dirArg = checkout) =>
        runCli(['generate', '--output-dir', dirArg, '--org', 'acme', '--json'], { env });
      // A directory committed as a symlink: profile/README.md would land in the victim's home.
      symlinkSync(victim, join(checkout, 'profile'));
      const viaDir = await generate();
      expect(viaDir.code).toBe(1);
      expect(parseJson(viaDir).error.code).toBe('checkout_symlink');
      expect(readdirSync(victim)).toEqual([]);
      expect(readdirSync(checkout)).toEqual(['profile']);
      rmSync(join(checkout, 'profile'));
      // A file committed as a symlink to a file outside.
      writeFileSync(join(victim, '.bash_login'), 'original\n');
      symlinkSync(join(victim, '.bash_login'), join(checkout, 'SECURITY.md'));
      const viaFile = await generate();
      expect(viaFile.code).toBe(1);
      expect(parseJson(viaFile).error.code).toBe('checkout_symlink');
      expect(readFileSync(join(victim, '.bash_login'), 'utf8')).toBe('original\n');
      rmSync(join(checkout, 'SECURITY.md'));
      // natsgh.yaml as a symlink would read a file outside into what natsgh renders.
      symlinkSync(join(victim, '.bash_login'), join(checkout, 'natsgh.yaml'));
      const viaConfig = await generate();
      expect(parseJson(viaConfig).error.code).toBe('checkout_symlink');
      rmSync(join(checkout, 'natsgh.yaml'));
      expect(readdirSync(victim)).toEqual(['.bash_login']);
      // The directory the user names may itself be a symlink: that is the checkout.
      symlinkSync(checkout, join(base, 'link-to-checkout'));
      const fine = await generate(join(base, 'link-to-checkout'));
      expect(fine.code, fine.stderr).toBe(0);
      expect(readFileSync(join(checkout, 'profile/README.md'), 'utf8')).toContain('# acme');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('--repo without credentials is a usage error naming the flag and env var', async () => {
    const r = await runCli(['generate', '--repo', 'acme/.github', '--json'], {
      env: { GITHUB_TOKEN: '', GH_TOKEN: '' },
    });
    expect(r.code).toBe(2);
    expect(parseJson(r).error.message).toMatch(/GITHUB_TOKEN.*--github-token|--github-token.*GITHUB_TOKEN/);
  });
});

describe('generateFiles --repo (GitHub model)', () => {
  const model = new GithubModel({ writeGapMs: 0 });
  beforeAll(() => model.listen());
  afterAll(() => model.close());

  it('--check lists the differences, then one commit, then a fixed point', async () => {
    model.createRepo('acme', '.github', { 'README.md': 'hi\n' });
    const { config } = await resolveConfig({
      noFile: true,
      env: {},
      flags: { org: 'acme', 'github-api-url': GITHUB_API, 'github-token': 'ghp_generate_test_token_123456' },
    });
    const check = await generateFiles({ config, repo: 'acme/.github', check: true });
    expect(check.matches).toBe(false);
    expect(check.differing).toContain('CONTRIBUTING.md');
    expect(model.log('acme', '.github')).toHaveLength(1);

    const done = await generateFiles({
      config,
      repo: 'acme/.github',
      check: false,
      github: { writeMinTimeMs: 0 },
    });
    expect(done.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(model.log('acme', '.github')[0].message).toContain(`Natsgh-Generated: ${done.hash}`);

    const again = await generateFiles({ config, repo: 'acme/.github', check: true });
    expect(again.matches).toBe(true);
    const noop = await generateFiles({ config, repo: 'acme/.github', check: false });
    expect(noop.commit).toBeUndefined();
    expect(model.log('acme', '.github')).toHaveLength(2);
  });
});
