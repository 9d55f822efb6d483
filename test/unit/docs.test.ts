// The README's generated sections: `npm run docs:check` passes on the committed
// README, fails on a stale one, and the generator covers every config key and command.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../src/config/keys.js';
import { ExitCode } from '../../src/errors.js';
import {
  BUCKET_CHECKPOINTS,
  BUCKET_DELIVERIES,
  BUCKET_LOCKS,
  STREAM_GITHUB_EVENTS,
} from '../../src/nats/names.js';
import { ROOT } from '../support/cli.js';

const SCRIPT = join(ROOT, 'scripts/gen-docs.mjs');
const gen = (...args: string[]) =>
  spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

const dirs: string[] = [];
function readmeCopy(): string {
  const d = mkdtempSync(join(tmpdir(), 'natsgh-docs-'));
  dirs.push(d);
  const file = join(d, 'README.md');
  copyFileSync(join(ROOT, 'README.md'), file);
  return file;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('README generated sections', () => {
  it('npm run docs:check passes: README.md matches the code (run `npm run docs` if not)', () => {
    const r = gen('--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the check fails, naming the section, when a generated section is edited by hand', () => {
    const file = readmeCopy();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('| `mode` | `--mode` |', '| `mode` | `--the-mode` |'));
    const r = gen('--check', '--readme', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('config-reference');
    expect(r.stderr).toContain('npm run docs');
  });

  it('writing regenerates a stale README, keeps the hand-written text, and then checks clean', () => {
    // The expected result: a fresh regeneration of an untouched copy.
    const fresh = readmeCopy();
    expect(gen('--readme', fresh).status).toBe(0);
    const expected = readFileSync(fresh, 'utf8');
    const file = readmeCopy();
    const original = readFileSync(file, 'utf8');
    const start = original.indexOf('<!-- commands:start -->');
    const end = original.indexOf('<!-- commands:end -->');
    writeFileSync(file, `${original.slice(0, start)}<!-- commands:start -->\n${original.slice(end)}\r\n`);
    expect(gen('--check', '--readme', file).status).toBe(1);
    expect(gen('--readme', file).status).toBe(0);
    expect(gen('--check', '--readme', file).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${expected}\n`);
  });

  it('fails clearly when the markers are missing', () => {
    const file = readmeCopy();
    writeFileSync(file, '# natsgh\n');
    const r = gen('--check', '--readme', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no <!-- config-reference:start --> … <!-- config-reference:end --> markers/);
  });

  it('documents every config key with its flag and environment variables', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('<!-- config-reference:start -->'),
      readme.indexOf('<!-- config-reference:end -->'),
    );
    for (const key of CONFIG_KEYS) {
      const row = section.split('\n').find((l) => l.startsWith(`| \`${key.path}\` |`));
      expect(row, key.path).toBeDefined();
      expect(row).toContain(`\`--${key.flag}\``);
      for (const env of key.env) expect(row).toContain(`\`${env}\``);
    }
  });

  it('documents every command in the manifest, with its examples', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8'));
    for (const c of Object.values(manifest.commands) as Array<{ id: string; examples?: string[] }>) {
      const id = c.id.replaceAll(':', ' ');
      expect(c.examples?.length ?? 0, `natsgh ${id} --help has no examples`).toBeGreaterThan(0);
      expect(readme).toContain(`### \`natsgh ${id}\``);
      for (const e of c.examples ?? []) {
        if (typeof e === 'string') expect(readme).toContain(e.replaceAll('<%= config.bin %>', 'natsgh'));
      }
    }
  });

  it('has the hand-written sections: exit codes, layout, resume/unlock/teardown, shells, completion', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const heading of [
      '## Exit codes',
      '## KV and stream layout',
      '## Resume, unlock and tear down',
      '## Shells: bash and PowerShell',
      '## Shell completion',
    ])
      expect(readme).toContain(heading);
    for (const code of Object.values(ExitCode)) expect(readme).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
    for (const name of [BUCKET_CHECKPOINTS, BUCKET_LOCKS, BUCKET_DELIVERIES, STREAM_GITHUB_EVENTS])
      expect(readme).toContain(`\`${name}\``);
    for (const shell of ['bash', 'zsh', 'powershell'])
      expect(readme).toContain(`natsgh autocomplete ${shell}`);
  });
});
