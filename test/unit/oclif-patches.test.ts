// The edits scripts/bundle.mjs makes to oclif's code must behave as the code they replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds, PATCHES } from '../../scripts/oclif-patches.mjs';

const sign = (n: number) => Math.sign(n);
const idChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz:-'.split(''));

describe('oclif patches', () => {
  it('compareIds orders command ids as localeCompare does', () => {
    const id = fc.array(idChars, { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(id, id, (a, b) => sign(compareIds(a, b)) === sign(a.localeCompare(b))),
      { numRuns: 20_000 },
    );
    // Other strings go to localeCompare itself (upper case, digits, '_', non-ASCII).
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => compareIds(a, b) === a.localeCompare(b)));
    for (const [a, b] of [
      ['events:tail', 'events-x'],
      ['controller:run', 'controller'],
      ['webhook:register', 'webhook:serve'],
      ['a-b', 'ab'],
      ['a:b', 'a-b'],
    ])
      expect(sign(compareIds(a, b))).toBe(sign(a.localeCompare(b)));
  });

  it('each patch replaces code of @oclif/core that is there', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../support/cli.js');
    const bundle = readFileSync(join(ROOT, 'dist', 'bundle', 'natsgh.cjs'), 'latin1');
    for (const p of PATCHES as Array<{ find: string; replace: string }>) {
      expect(bundle).not.toContain(p.find);
      expect(bundle.split(p.replace)).toHaveLength(2);
    }
  });
});
