#!/usr/bin/env node
// Counts imports that go against natsgh's layers (issue 13): a module may import
// its own layer's package and the layers below it, never above. Phase files may
// not import each other (only the list, the context, the index and the outputs are shared).
// Static, type-only and dynamic `import()` all count: each is a dependency.
//
//   node scripts/layers.mjs [srcDir] [--list] [--json]
//
// Layers, lowest first (a folder's rank; old `src/engine/` files are ranked by
// what they are, so the same script measures the tree before the split):
const RANKS = [
  ['leaf', ['contracts.ts', 'errors.ts', 'redact.ts', 'proto']],
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

const args = process.argv.slice(2);
const srcDir = resolve(args.find((a) => !a.startsWith('--')) ?? 'src');

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'gen' ? [] : files(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

function rankOf(rel) {
  const parts = rel.split('/');
  const top = parts[0];
  if (top === 'engine') return ENGINE_SERVICES.has(parts[1]) ? 6 : 1;
  for (const [i, [, names]] of RANKS.entries()) if (names.includes(top)) return i;
  return undefined;
}

const specifier = /(?:import|export)\s[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
const upward = [];
const sideways = [];
const unranked = new Set();
let total = 0;
for (const file of files(srcDir)) {
  const rel = relative(srcDir, file);
  const from = rankOf(rel);
  if (from === undefined) unranked.add(rel.split('/')[0]);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(specifier)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) continue;
    const target = relative(srcDir, resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
    if (target.startsWith('..')) continue;
    total++;
    const to = rankOf(target);
    if (from === undefined || to === undefined) continue;
    const fromTop = rel.split('/')[0];
    const toTop = target.split('/')[0];
    if (fromTop === 'phases' && toTop === 'phases') {
      const a = rel.split('/')[1];
      const b = target.split('/')[1];
      if (!PHASES_SHARED.has(a) && !PHASES_SHARED.has(b) && a !== b) sideways.push(`${rel} -> ${target}`);
      continue;
    }
    if (to > from) upward.push(`${rel} -> ${target} (${RANKS[from][0]} -> ${RANKS[to][0]})`);
  }
}

const result = { srcDir, imports: total, upward: upward.length, phaseToPhase: sideways.length };
if (args.includes('--json')) {
  console.log(JSON.stringify({ ...result, upwardImports: upward, phaseToPhaseImports: sideways }, null, 2));
} else {
  console.log(
    `${total} relative imports; ${upward.length} upward; ${sideways.length} from one phase into another`,
  );
  if (unranked.size) console.log(`unranked folders: ${[...unranked].join(', ')}`);
  if (args.includes('--list')) for (const line of [...upward, ...sideways]) console.log(`  ${line}`);
}
