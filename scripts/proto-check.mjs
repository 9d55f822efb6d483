#!/usr/bin/env node
// Breaking-change check of the protobuf schema against the last released
// descriptor (proto/baseline/natsgh.v1.json, the `pbjs -t json` form). Fails on a
// removed or renamed message or enum, a renumbered, retyped or renamed field, a
// removed field or enum value that is not reserved. Additions pass.
// Usage: proto-check.mjs [--proto-dir DIR] [--baseline FILE] [--update-baseline]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import protobuf from 'protobufjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : fallback;
};
const protoDir = arg('--proto-dir', join(root, 'proto/natsgh/v1'));
const baselineFile = arg('--baseline', join(root, 'proto/baseline/natsgh.v1.json'));

function loadCurrent() {
  const files = readdirSync(protoDir)
    .filter((f) => f.endsWith('.proto'))
    .sort()
    .map((f) => join(protoDir, f));
  if (files.length === 0) throw new Error(`no .proto files in ${protoDir}`);
  const r = new protobuf.Root();
  r.loadSync(files, { keepCase: true });
  r.resolveAll();
  return r.toJSON({ keepComments: false });
}

/** Flattens a pbjs JSON descriptor into {messages, enums} keyed by fully qualified name. */
function flatten(json) {
  const messages = new Map();
  const enums = new Map();
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.nested ?? {})) {
      const full = prefix ? `${prefix}.${name}` : name;
      if (child.fields) messages.set(full, child);
      else if (child.values) enums.set(full, child);
      walk(child, full);
    }
  };
  walk(json, '');
  return { messages, enums };
}

function isReserved(reserved, idOrName) {
  return (reserved ?? []).some((r) =>
    Array.isArray(r) ? typeof idOrName === 'number' && idOrName >= r[0] && idOrName <= r[1] : r === idOrName,
  );
}

const shape = (f) => `${f.rule ?? 'optional'} ${f.keyType ? `map<${f.keyType}, ${f.type}>` : f.type}`;

function breakingChanges(baseline, current) {
  const was = flatten(baseline);
  const now = flatten(current);
  const problems = [];
  for (const [name, old] of was.messages) {
    const cur = now.messages.get(name);
    if (!cur) {
      problems.push(`message ${name} was removed or renamed (keep it; deprecate its use instead)`);
      continue;
    }
    const byId = new Map(Object.entries(cur.fields).map(([n, f]) => [f.id, n]));
    for (const [fname, f] of Object.entries(old.fields)) {
      const nf = cur.fields[fname];
      if (nf) {
        if (nf.id !== f.id) problems.push(`field ${name}.${fname} was renumbered: ${f.id} -> ${nf.id}`);
        if (shape(nf) !== shape(f))
          problems.push(`field ${name}.${fname} was retyped: ${shape(f)} -> ${shape(nf)}`);
        continue;
      }
      const reuse = byId.get(f.id);
      if (reuse) {
        problems.push(
          shape(cur.fields[reuse]) === shape(f)
            ? `field ${name}.${fname} (${f.id}) was renamed to ${reuse}`
            : `field number ${name}.${f.id} was reused: ${fname} (${shape(f)}) -> ${reuse} (${shape(cur.fields[reuse])})`,
        );
      } else if (!isReserved(cur.reserved, f.id) || !isReserved(cur.reserved, fname)) {
        problems.push(
          `field ${name}.${fname} (${f.id}) was removed without reserving it: add \`reserved ${f.id}; reserved "${fname}";\``,
        );
      }
    }
  }
  for (const [name, old] of was.enums) {
    const cur = now.enums.get(name);
    if (!cur) {
      problems.push(`enum ${name} was removed or renamed`);
      continue;
    }
    const byNumber = new Map(Object.entries(cur.values).map(([n, v]) => [v, n]));
    for (const [vname, v] of Object.entries(old.values)) {
      if (vname in cur.values) {
        if (cur.values[vname] !== v)
          problems.push(`enum value ${name}.${vname} was renumbered: ${v} -> ${cur.values[vname]}`);
      } else if (byNumber.has(v)) {
        problems.push(`enum value ${name}.${vname} (${v}) was renamed to ${byNumber.get(v)}`);
      } else if (!isReserved(cur.reserved, v) || !isReserved(cur.reserved, vname)) {
        problems.push(`enum value ${name}.${vname} (${v}) was removed without reserving it`);
      }
    }
  }
  return problems;
}

const current = loadCurrent();
if (args.includes('--update-baseline')) {
  mkdirSync(dirname(baselineFile), { recursive: true });
  writeFileSync(baselineFile, `${JSON.stringify(current, null, 2)}\n`);
  console.log(`wrote baseline ${baselineFile}`);
  process.exit(0);
}
let baseline;
try {
  baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
} catch (err) {
  console.error(`cannot read the baseline descriptor ${baselineFile}: ${err.message}`);
  console.error('create it at a release with: npm run proto:check -- --update-baseline');
  process.exit(2);
}
const problems = breakingChanges(baseline, current);
if (problems.length > 0) {
  console.error(`breaking schema changes against ${baselineFile}:`);
  for (const p of problems) console.error(`  - ${p}`);
  console.error(
    'Protobuf readers of older natsgh versions would misread these messages. Add new fields instead; reserve removed ones.',
  );
  process.exit(1);
}
console.log('protobuf schema: no breaking changes against the baseline');
