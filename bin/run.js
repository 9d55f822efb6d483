#!/usr/bin/env node
// natsgh entry point: runs the CLI through oclif from dist/bundle/natsgh.cjs (oclif, every
// command and what they import in one file, compiled with a V8 code cache: see
// loadBundle below and src/cli/bundle.ts), the controller from the modules in dist/. `--version`
// and `-v` (alone, or with --json) are answered here without loading oclif, so
// they stay as fast as starting node, and so is `<command> --help` 80 columns
// wide (prerendered at build time). In a source checkout whose dist/ is not
// built yet (`npm ci` builds nothing: the package builds on `prepack`, so an
// installed package runs no script), the first run builds it.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const root = new URL('..', import.meta.url);

if (
  !existsSync(new URL('dist/bundle/natsgh.cjs', root)) &&
  existsSync(new URL('tsconfig.build.json', root))
) {
  const { spawnSync } = await import('node:child_process');
  process.stderr.write('natsgh: building dist/ first (npm run build), once per source checkout\n');
  const win = process.platform === 'win32';
  const built = spawnSync(win ? 'npm.cmd' : 'npm', ['run', 'build'], {
    cwd: fileURLToPath(root),
    // Build output goes to stderr: stdout stays the command's (one JSON document with --json).
    stdio: ['ignore', 2, 2],
    shell: win,
  });
  if (built.status !== 0) {
    process.stderr.write('natsgh: the build failed (see above); run `npm run build` to retry\n');
    process.exit(1);
  }
}

/**
 * `natsgh <command> --help` printed from dist/help (rendered at build time by
 * scripts/help-texts.mjs) when the output is 80 columns wide, as oclif would
 * render it; undefined when oclif must render it (another width, a stale or
 * missing text, anything but a bare command id before the flag).
 */
function prerenderedHelp() {
  const last = args[args.length - 1];
  const words = args.slice(0, -1);
  if ((last !== '--help' && last !== '-h') || words.length === 0) return undefined;
  if (!words.every((w) => /^[a-z][a-z0-9-]*$/.test(w))) return undefined;
  const columns = Number.parseInt(process.env.OCLIF_COLUMNS ?? '', 10);
  const width = columns || (process.stdout.isTTY ? process.stdout.columns : 80);
  if (width !== 80) return undefined;
  try {
    const text = new URL(`dist/help/${words.join('.')}.txt`, root);
    // Older than the manifest: the flags changed since it was rendered.
    if (statSync(text).mtimeMs < statSync(new URL('oclif.manifest.json', root)).mtimeMs) return undefined;
    return readFileSync(text, 'utf8');
  } catch {
    return undefined;
  }
}

// loadBundle loads dist/bundle/natsgh.cjs (the whole CLI in one CommonJS file, see
// src/cli/bundle.ts) as Node's require() would, but compiled with a V8 code cache:
// parsing the 4.6 MB bundle is most of what it costs to load, and Node 20 keeps
// no compile cache of its own. The cache is written once, after the first run
// that found none (so it holds the functions that run compiled, not only the
// top level), next to the bundle or else in the user's cache dir; its name
// carries the bundle's content hash (the first line, written at build time),
// Node's version and the V8 flags, so a rebuilt bundle or another Node never
// uses a stale one. A cache that cannot be read, written or that V8 rejects only
// costs the parse.

/** Where a code cache may be kept: next to the bundle, then the user's cache dir. */
function cacheDirs(bundleDir) {
  const { homedir } = os;
  const dirs = [join(bundleDir, '.v8-cache')];
  const env = process.env;
  try {
    const home = homedir();
    if (process.platform === 'win32')
      dirs.push(join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'natsgh', 'Cache'));
    else if (process.platform === 'darwin') dirs.push(join(home, 'Library', 'Caches', 'natsgh'));
    else dirs.push(join(env.XDG_CACHE_HOME || join(home, '.cache'), 'natsgh'));
  } catch {
    // No home directory: only the bundle's own dir.
  }
  return dirs;
}

async function loadBundle(file) {
  const [{ createHash }, { default: Module }, { Script }] = await Promise.all([
    import('node:crypto'),
    import('node:module'),
    import('node:vm'),
  ]);
  const bytes = readFileSync(file);
  // Line 1 is `// natsgh-bundle <sha256 of the rest> <latin1 when all ASCII, else utf8>` (scripts/bundle.mjs).
  const header = /^\/\/ natsgh-bundle ([0-9a-f]{64}) (latin1|utf8)\n/.exec(bytes.toString('latin1', 0, 100));
  const source = bytes.toString(header?.[2] ?? 'utf8');
  const contentHash = header?.[1];
  let cacheName;
  let cachedData;
  let cacheFrom;
  if (contentHash && process.env.NATSGH_CODE_CACHE !== '0') {
    const key = createHash('sha256')
      .update(
        [
          contentHash,
          process.version,
          process.arch,
          process.execArgv.join(' '),
          process.env.NODE_OPTIONS ?? '',
          // One cache per command: each holds the functions its own runs compile.
          /^[a-z][a-z-]*$/.test(args[0] ?? '') ? args[0] : '-',
        ].join('\n'),
      )
      .digest('hex')
      .slice(0, 16);
    cacheName = `natsgh-${contentHash.slice(0, 16)}-${key}.v8cache`;
    for (const dir of cacheDirs(dirname(file))) {
      try {
        cachedData = readFileSync(join(dir, cacheName));
        cacheFrom = dir;
        break;
      } catch {
        // Not cached there.
      }
    }
  }
  const script = new Script(Module.wrap(source), {
    filename: file,
    cachedData,
  });
  // The bundle's import() calls go through this (see scripts/bundle.mjs): a script compiled
  // from a code cache has lost V8's dynamic import callback on Node 20.
  globalThis[Symbol.for('natsgh.import')] = (specifier) => import(specifier);
  const mod = new Module(file, undefined);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  // oclif require()s the bundle again for the commands, help class and hook: the same instance.
  Module._cache[file] = mod;
  const wrapper = script.runInThisContext({ displayErrors: true });
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  if (cacheName && (cachedData === undefined || script.cachedDataRejected)) {
    process.once('exit', () => writeCache(script, cacheName, cacheFrom, dirname(file)));
  }
  return mod.exports;
}

/** Writes the code cache (atomically) into the first cache dir that takes it; never throws. */
function writeCache(script, name, rejectedIn, bundleDir) {
  let data;
  try {
    data = script.createCachedData();
  } catch {
    return;
  }
  const dirs = rejectedIn ? [rejectedIn] : cacheDirs(bundleDir);
  for (const dir of dirs) {
    const tmp = join(dir, `${name}.${process.pid}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, data);
      renameSync(tmp, join(dir, name));
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // Nothing was written.
      }
      continue;
    }
    // Caches of other builds of the bundle (an upgrade) are of no use any more.
    const build = name.slice(0, 'natsgh-'.length + 16);
    try {
      for (const f of readdirSync(dir)) {
        if (f.startsWith('natsgh-') && f.endsWith('.v8cache') && !f.startsWith(build))
          rmSync(join(dir, f), { force: true });
      }
    } catch {
      // Left for the next build's first run.
    }
    return;
  }
}

const versionAsked =
  args.length > 0 &&
  args.length <= 2 &&
  (args[0] === '--version' || args[0] === '-v') &&
  (args.length === 1 || args[1] === '--json');

const help = versionAsked ? undefined : prerenderedHelp();

if (help !== undefined) {
  process.stdout.write(help);
} else if (versionAsked) {
  const { versionInfo, versionText } = await import('../dist/cli/version.js');
  const info = versionInfo();
  process.stdout.write(
    args[1] === '--json' ? `${JSON.stringify(info, null, 2)}\n` : `${versionText(info)}\n`,
  );
} else {
  // oclif's check of its own Node.js range loads all of semver (47 modules); package.json's
  // engines already says which Node natsgh needs.
  process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1';
  if (args[0] === 'controller') {
    // The controller is a long-running process with a memory budget (bench/controller-rss):
    // compiling the whole bundle without a code cache (its first start after a build, or
    // with its own V8 flags) peaks ~20 MB higher than loading the modules it uses, and its
    // start-up time matters less. oclif runs it from the compiled ES modules in dist/.
    // Node 22.1+ keeps compiled modules between runs (a no-op on Node 20, which lacks it).
    (await import('node:module')).default.enableCompileCache?.();
    const { execute } = await import('@oclif/core');
    const pjson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    pjson.oclif = {
      ...pjson.oclif,
      commands: './dist/commands',
      hooks: { command_not_found: './dist/hooks/not-found.js' },
      helpClass: './dist/cli/help.js',
    };
    await execute({ dir: import.meta.url, loadOptions: { root: fileURLToPath(root), pjson } });
  } else {
    const bundle = await loadBundle(fileURLToPath(new URL('dist/bundle/natsgh.cjs', root)));
    await bundle.run(fileURLToPath(root));
  }
}
