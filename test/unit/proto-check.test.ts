import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/proto-check.mjs');
const FIXTURES = join(ROOT, 'test/fixtures/proto');

function check(args: string[]): { code: number; output: string } {
  try {
    const out = execFileSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output: out };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe('proto:check (breaking-change check)', () => {
  let dir: string;
  let baseline: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'natsgh-proto-check-'));
    baseline = join(dir, 'baseline.json');
    expect(
      check(['--proto-dir', join(FIXTURES, 'base'), '--baseline', baseline, '--update-baseline']).code,
    ).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const against = (fixture: string) =>
    check(['--proto-dir', join(FIXTURES, fixture), '--baseline', baseline]);

  it('passes the unchanged schema, additive changes and a removed field that is reserved', () => {
    for (const fixture of ['base', 'additive', 'removed-reserved']) {
      const r = against(fixture);
      expect(r.code, `${fixture}: ${r.output}`).toBe(0);
    }
  });

  it.each([
    ['renumbered', /field fixture\.v1\.Sample\.a was renumbered: 1 -> 7/],
    ['retyped', /field fixture\.v1\.Sample\.b was retyped: optional int64 -> optional int32/],
    ['repeated-to-single', /field fixture\.v1\.Sample\.c was retyped: repeated string -> optional string/],
    ['removed-field', /field fixture\.v1\.Sample\.c \(3\) was removed without reserving it/],
    ['renamed-field', /field fixture\.v1\.Sample\.a \(1\) was renamed to name/],
    ['renamed-message', /message fixture\.v1\.Other was removed or renamed/],
    ['removed-enum-value', /enum value fixture\.v1\.Kind\.KIND_A \(1\) was removed without reserving it/],
  ])('fails on %s', (fixture, message) => {
    const r = against(fixture);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(message);
  });

  it('passes the committed natsgh schema against its committed baseline', () => {
    const r = check([]);
    expect(r.code, r.output).toBe(0);
  });

  it('says how to create a missing baseline (exit 2)', () => {
    const r = check(['--baseline', join(dir, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.output).toContain('--update-baseline');
  });
});
