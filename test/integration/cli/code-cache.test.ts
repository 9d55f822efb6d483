// bin/run.js loads dist/bundle/natsgh.cjs with a V8 code cache (scripts/bundle.mjs,
// src/cli/bundle.ts). The cache only saves time: a missing, foreign, corrupt or
// unwritable one must never change what a command does or prints.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../support/cli.js';

let pkg: string;
let home: string;

/** A copy of the built package (bin, the bundle, package.json, manifest) using this checkout's node_modules. */
beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-code-cache-'));
  pkg = join(dir, 'pkg');
  home = join(dir, 'home');
  mkdirSync(join(pkg, 'dist', 'bundle'), { recursive: true });
  mkdirSync(home);
  for (const f of ['bin/run.js', 'package.json', 'oclif.manifest.json', 'dist/bundle/natsgh.cjs'])
    cpSync(join(ROOT, f), join(pkg, f));
  symlinkSync(
    join(ROOT, 'node_modules'),
    join(pkg, 'node_modules'),
    process.platform === 'win32' ? 'junction' : 'dir',
  );
});

afterEach(() => rmSync(join(pkg, '..'), { recursive: true, force: true }));

function natsgh(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(pkg, 'bin', 'run.js'), ...args], {
    cwd: home,
    encoding: 'utf8',
    env: { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), NO_COLOR: '1', ...env },
  });
  // Node's warnings name the process: (node:<pid>).
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replaceAll(/\(node:\d+\)/g, '(node)') };
}

const bundleCache = () => join(pkg, 'dist', 'bundle', '.v8-cache');
const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : []);

describe('the bundle code cache', () => {
  it('is written once next to the bundle, then used; output and exit code are the same', () => {
    const first = natsgh(['config', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const [name, ...more] = list(bundleCache());
    expect(more).toEqual([]);
    const hash = readFileSync(join(pkg, 'dist', 'bundle', 'natsgh.cjs'), 'latin1').slice(17, 33);
    expect(name).toMatch(new RegExp(`^natsgh-${hash}-[0-9a-f]{16}\\.v8cache$`));
    const written = statSync(join(bundleCache(), name)).mtimeMs;
    const second = natsgh(['config', '--json']);
    expect(second).toEqual(first);
    // Accepted by V8: not written again.
    expect(statSync(join(bundleCache(), name)).mtimeMs).toBe(written);
    expect(list(bundleCache())).toEqual([name]);
    // NATSGH_CODE_CACHE=0 compiles from source: the same result.
    expect(natsgh(['config', '--json'], { NATSGH_CODE_CACHE: '0' })).toEqual(first);
  });

  it('a corrupt cache is rejected and replaced; a usage error is the same with and without one', () => {
    const fresh = natsgh(['status', '--no-such-flag']);
    expect(fresh.code).toBe(2);
    const [name] = list(bundleCache());
    const garbage = Buffer.alloc(statSync(join(bundleCache(), name)).size, 0x5a);
    writeFileSync(join(bundleCache(), name), garbage);
    expect(natsgh(['status', '--no-such-flag'])).toEqual(fresh);
    expect(readFileSync(join(bundleCache(), name)).equals(garbage)).toBe(false);
    expect(natsgh(['status', '--no-such-flag'])).toEqual(fresh);
  });

  it('goes to the user cache dir when the bundle dir takes none, and is only skipped when neither does', () => {
    const expected = natsgh(['config', '--json'], { NATSGH_CODE_CACHE: '0' });
    // A file where the cache dir would be: nothing can be written there (also as root).
    writeFileSync(bundleCache(), 'not a directory');
    expect(natsgh(['config', '--json'])).toEqual(expected);
    expect(list(join(home, '.cache', 'natsgh'))).toHaveLength(1);
    rmSync(join(home, '.cache'), { recursive: true });
    writeFileSync(join(home, '.cache'), 'not a directory either');
    expect(natsgh(['config', '--json'])).toEqual(expected);
    expect(natsgh(['config', '--json'])).toEqual(expected);
    expect(readFileSync(bundleCache(), 'utf8')).toBe('not a directory');
  });

  it('a rebuilt bundle gets its own cache, and the old build’s caches are removed', () => {
    expect(natsgh(['config', '--json']).code).toBe(0);
    const [old] = list(bundleCache());
    // Another build: the same code with another content hash on its first line.
    const file = join(pkg, 'dist', 'bundle', 'natsgh.cjs');
    const text = readFileSync(file, 'latin1');
    writeFileSync(
      file,
      text.replace(/^\/\/ natsgh-bundle [0-9a-f]{64}/, `// natsgh-bundle ${'0'.repeat(64)}`),
      'latin1',
    );
    const r = natsgh(['config', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const now = list(bundleCache());
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(old);
    expect(now[0]).toMatch(/^natsgh-0{16}-/);
  });
});
