// `natsgh <command> --help` is printed from the text rendered at build time
// (dist/help) when 80 columns wide; it must be exactly what oclif renders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../src/cli/help.js';
import { ROOT, runCli } from '../../support/cli.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8')) as {
  commands: Record<string, { hidden?: boolean }>;
};

describe('command help', () => {
  it('the prerendered --help of every command equals what oclif renders (natsgh help <command>)', async () => {
    for (const id of Object.keys(manifest.commands).filter((c) => !manifest.commands[c].hidden)) {
      const words = id.split(':');
      const fast = await runCli([...words, '--help']);
      const oclif = await runCli(['help', ...words]);
      expect(fast.code, fast.stderr).toBe(0);
      expect(fast.stdout, id).toBe(oclif.stdout);
      expect(fast.stdout).toContain(`$ natsgh ${words.join(' ')}`);
      expect(fast.stdout).not.toContain('<%');
    }
  }, 120_000);

  it('another width is rendered by oclif at that width', async () => {
    const wide = await runCli(['status', '--help'], { env: { OCLIF_COLUMNS: '160' } });
    expect(wide.code).toBe(0);
    expect(Math.max(...wide.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(80);
  });

  it('fills <%= path %> placeholders from the help context, leaving unknown ones', () => {
    const ctx = { config: { bin: 'natsgh' }, command: { id: 'status' } };
    expect(fillTemplate('<%= config.bin %> <%= command.id %> --json', ctx)).toBe('natsgh status --json');
    expect(fillTemplate('<%= nope.x %>', ctx)).toBe('<%= nope.x %>');
    expect(fillTemplate('plain', ctx)).toBe('plain');
  });
});
