#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/bundle.js: oclif, every command and what they
// import) into one CommonJS file, dist/bundle/natsgh.cjs, that bin/run.js loads
// (see src/cli/bundle.ts). Part of `npm run build`, after tsc. Loading one file
// instead of a few hundred ES modules is most of what natsgh's start costs.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';
import { parseAst } from 'rolldown/parseAst';
import { PATCHES } from './oclif-patches.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist', 'bundle');
rmSync(out, { recursive: true, force: true });
await build({
  cwd: root,
  input: join(root, 'dist', 'cli', 'bundle.js'),
  platform: 'node',
  // oclif loads these only to run TypeScript sources (natsgh ships JavaScript).
  external: ['typescript', 'ts-node', /^ts-node\//, 'tsx', /^tsx\//],
  logLevel: 'warn',
  // bottleneck's optional Redis clients use a direct eval("require"): never reached by natsgh.
  onLog(level, log, handler) {
    if (log.code === 'EVAL') return;
    handler(level, log);
  },
  transform: {
    // The bundle sits two levels below the package root, as every compiled module did.
    define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__natsgh_bundle_url' },
  },
  output: {
    file: join(out, 'natsgh.cjs'),
    format: 'cjs',
    codeSplitting: false,
    charset: 'ascii',
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
    comments: { legal: true, annotation: false, jsdoc: false },
    postBanner: [
      'const __natsgh_bundle_url = require("node:url").pathToFileURL(__filename).href;',
      // bin/run.js gives the import() of its own ES module: V8 loses a compiled
      // script's dynamic import callback when it comes from a code cache (Node 20).
      'const __natsgh_import = globalThis[Symbol.for("natsgh.import")] ?? ((specifier) => import(specifier));',
    ].join('\n'),
    sourcemap: false,
  },
});
// Its first line names its content: bin/run.js keys the V8 code cache by it.
const file = join(out, 'natsgh.cjs');
let code = readFileSync(file, 'utf8');
// What import() is left loads ES modules at run time (oclif's loader for an ES module plugin,
// cosmiconfig for an .mjs config file): it goes through __natsgh_import (the banner).
const imports = [];
(function walk(node) {
  if (Array.isArray(node)) return node.forEach(walk);
  if (!node || typeof node !== 'object') return;
  if (node.type === 'ImportExpression') imports.push(node.start);
  for (const key of Object.keys(node)) if (key !== 'type') walk(node[key]);
})(parseAst(code));
for (const start of imports.sort((a, b) => b - a)) {
  if (code.slice(start, start + 6) !== 'import') throw new Error(`bundle: no import() at offset ${start}`);
  code = `${code.slice(0, start)}__natsgh_import${code.slice(start + 6)}`;
}
// The banner's fallback, for a bundle loaded by plain require() (oclif manifest, tests).
code = code.replace('(specifier) => __natsgh_import(specifier)', '(specifier) => import(specifier)');
// Edits of oclif's code (scripts/oclif-patches.mjs), each only where its code is found once.
const banners = [];
for (const patch of PATCHES) {
  if (code.split(patch.find).length !== 2) {
    process.stderr.write(`bundle: warning: not applied (oclif changed?): ${patch.what}\n`);
    continue;
  }
  code = code.replace(patch.find, patch.replace);
  banners.push(patch.banner);
}
code = `${banners.join('\n')}\n${code}`;
const hash = createHash('sha256').update(code).digest('hex');
// And how to read it: latin1 (a copy, three times faster than decoding UTF-8) when it is all
// ASCII, which charset 'ascii' and dropping the non-legal comments make it.
const encoding = /^[\x00-\x7f]*$/.test(code) ? 'latin1' : 'utf8';
writeFileSync(file, `// natsgh-bundle ${hash} ${encoding}\n${code}`);
process.stdout.write(`bundle: wrote ${join(out, 'natsgh.cjs')}\n`);
