// `npm run bench [name...]`: runs every bench/*.bench.mjs (or the named ones)
// and exits 1 when any benchmark reports a case over its budget.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2).map((n) => n.replace(/\.bench\.mjs$/, ''));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.replace(/\.bench\.mjs$/, ''))
  .sort();
const unknown = wanted.filter((n) => !available.includes(n));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
if (!existsSync(join(dir, '..', 'dist'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

let ok = true;
for (const name of wanted.length > 0 ? wanted : available) {
  // A benchmark either exports a default function returning runBenchmark() results,
  // or runs when imported and sets process.exitCode itself.
  const mod = await import(pathToFileURL(join(dir, `${name}.bench.mjs`)).href);
  if (process.exitCode) ok = false;
  const results = typeof mod.default === 'function' ? [].concat((await mod.default()) ?? []) : [];
  for (const r of results) {
    if (r.ok === false) {
      ok = false;
      console.error(
        `${r.name}: over budget: ${r.rows
          .filter((x) => x.withinBudget === false)
          .map((x) => x.label)
          .join(', ')}`,
      );
    }
  }
}
process.exit(ok ? 0 : 1);
