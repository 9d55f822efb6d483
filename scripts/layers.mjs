#!/usr/bin/env node
// Counts imports that go against natsgh's layers (issue 13): a module may import
// its own layer's package and the layers below it, never above. Phase files may
// not import each other (only the list, the context, the index and the outputs are shared).
// Static, type-only, bare, re-exporting and dynamic `import()` all count: each
// is a dependency. test/unit/layers.test.ts calls layerReport() on src/.
//
//   node scripts/layers.mjs [srcDir] [--list] [--json]
//
// Layers, lowest first (a folder's rank; old `src/engine/` files are ranked by
// what they are, so the same script measures the tree before the split):
export const RANKS = [
  ['leaf', ['contracts.ts', 'error-codes.ts', 'errors.ts', 'redact.ts', 'proto']],
  ['infrastructure', ['system', 'workflow']],
  ['config', ['config']],
  ['domain libraries', ['nats', 'events', 'github', 'render', 'terraform']],
  ['runtimes and adapters', ['provision', 'controller', 'webhook', 'doctor', 'deploy']],
  ['phases', ['phases']],
  ['services', ['services']],
  ['cli', ['cli', 'commands', 'hooks']],
];
const ENGINE_SERVICES = new Set(['bootstrap.ts', 'status.ts', 'teardown.ts', 'unlock.ts', 'deployment.ts']);
const PHASES_SHARED = new Set(['list.ts', 'context.ts', 'index.ts', 'outputs.ts']);

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'gen' ? [] : files(p);
    return /\.[cm]?tsx?$/.test(p) ? [p] : [];
  });
}

function rankOf(rel) {
  const parts = rel.split('/');
  const top = parts[0];
  if (top === 'engine') return ENGINE_SERVICES.has(parts[1]) ? 6 : 1;
  for (const [i, [, names]] of RANKS.entries()) if (names.includes(top)) return i;
  return undefined;
}

// Every form that makes a dependency: `import … from`, `export … from`, a bare
// `import 'x'` (side effects), and `import('x')` (dynamic, or a type's
// `typeof import('x')`), in either quote, a dynamic one split over lines or with
// options. A match inside a comment counts too: better one too many.
const SPECIFIER =
  /\b(?:import|export)\s(?:[^'"`;]*?\sfrom\s*)?(['"])([^'"]+)\1|\bimport\(\s*(['"])([^'"]+)\3/g;

/** The file in srcDir a relative specifier names (`./x.js` is `x.ts`), relative to srcDir. */
function targetOf(srcDir, file, spec) {
  const target = relative(srcDir, resolve(dirname(file), spec.replace(/\.([cm]?)js$/, '.$1ts')));
  // A leaf file named without its extension ('../errors') is still that file.
  return target.includes('/') || /\.[cm]?ts$/.test(target) ? target : `${target}.ts`;
}

/**
 * The layer report of a source tree: how many relative imports it has, the
 * upward ones ("from -> to (layer -> layer)"), the imports from one phase file
 * into another, and the top-level folders or files no layer names.
 */
export function layerReport(srcDir) {
  srcDir = resolve(srcDir);
  const upward = [];
  const phaseToPhase = [];
  const unranked = new Set();
  let imports = 0;
  for (const file of files(srcDir)) {
    const rel = relative(srcDir, file).split('\\').join('/');
    const from = rankOf(rel);
    if (from === undefined) unranked.add(rel.split('/')[0]);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[2] ?? m[4];
      if (!spec.startsWith('.')) continue;
      const target = targetOf(srcDir, file, spec).split('\\').join('/');
      if (target.startsWith('..')) continue;
      imports++;
      const to = rankOf(target);
      if (to === undefined) unranked.add(target.split('/')[0]);
      if (from === undefined || to === undefined) continue;
      const fromTop = rel.split('/')[0];
      const toTop = target.split('/')[0];
      if (fromTop === 'phases' && toTop === 'phases') {
        const a = rel.split('/')[1];
        const b = target.split('/')[1];
        if (!PHASES_SHARED.has(a) && !PHASES_SHARED.has(b) && a !== b)
          phaseToPhase.push(`${rel} -> ${target}`);
        continue;
      }
      if (to > from) upward.push(`${rel} -> ${target} (${RANKS[from][0]} -> ${RANKS[to][0]})`);
    }
  }
  return { srcDir, imports, upward, phaseToPhase, unranked: [...unranked].sort() };
}

function main(args) {
  const r = layerReport(args.find((a) => !a.startsWith('--')) ?? 'src');
  if (args.includes('--json')) {
    console.log(
      JSON.stringify(
        {
          srcDir: r.srcDir,
          imports: r.imports,
          upward: r.upward.length,
          phaseToPhase: r.phaseToPhase.length,
          upwardImports: r.upward,
          phaseToPhaseImports: r.phaseToPhase,
          unranked: r.unranked,
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(
    `${r.imports} relative imports; ${r.upward.length} upward; ${r.phaseToPhase.length} from one phase into another`,
  );
  if (r.unranked.length) console.log(`unranked folders: ${r.unranked.join(', ')}`);
  if (args.includes('--list')) for (const line of [...r.upward, ...r.phaseToPhase]) console.log(`  ${line}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main(process.argv.slice(2));
