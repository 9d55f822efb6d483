#!/usr/bin/env node
// Regenerates the README's generated sections from the code: the configuration
// reference from CONFIG_KEYS, the command reference from oclif.manifest.json and
// the KV/stream layout from src/nats/names.ts (all read from the build in dist/).
// `--check` changes nothing and exits 1 when README.md is stale.
// Usage: node scripts/gen-docs.mjs [--check] [--readme FILE] [--manifest FILE]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : fallback;
};
const check = args.includes('--check');
const readmePath = option('--readme', resolve(root, 'README.md'));
const manifestPath = option('--manifest', resolve(root, 'oclif.manifest.json'));

function fail(message) {
  process.stderr.write(`gen-docs: ${message}\n`);
  process.exit(1);
}

for (const file of [
  manifestPath,
  resolve(root, 'dist/config/keys.js'),
  resolve(root, 'dist/nats/names.js'),
]) {
  if (!existsSync(file)) fail(`${file} is missing; run \`npm run build\` first`);
}
const { CONFIG_KEYS } = await import(pathToFileURL(resolve(root, 'dist/config/keys.js')).href);
const names = await import(pathToFileURL(resolve(root, 'dist/nats/names.js')).href);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** Markdown table cell: one line, pipes escaped. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('|', '\\|')
    .trim();
const code = (text) => `\`${text}\``;

function typeOf(key) {
  if (key.type === 'enum') return key.values.map(code).join(', ');
  if (key.type === 'int' && (key.min !== undefined || key.max !== undefined))
    return `int (${key.min ?? ''}–${key.max ?? ''})`;
  return key.type;
}

function configReference() {
  const lines = [
    "Every setting, in precedence order: defaults < the deployment's recorded settings",
    '(`<state-dir>/settings/<deployment>.json`, written by `natsgh bootstrap`) < config file',
    '(`natsgh.config.*`, `.natsghrc*`, `package.json#natsgh`) < environment < flags. When a key',
    'lists several environment variables, the first one set wins. Secrets are taken only from',
    'the environment or flags, are always redacted and are never recorded.',
    '',
    '| Key | Flag | Environment | Type | Default | Description |',
    '|---|---|---|---|---|---|',
  ];
  for (const key of CONFIG_KEYS) {
    const description = `${key.description}${key.secret ? ' **Secret.**' : ''}${
      key.pattern ? ` Must be ${key.pattern.meaning}.` : ''
    }`;
    lines.push(
      `| ${code(key.path)} | ${code(`--${key.flag}`)} | ${key.env.map(code).join(', ') || '–'} | ${cell(typeOf(key))} | ${
        key.default === undefined ? '–' : code(String(key.default))
      } | ${cell(description)} |`,
    );
  }
  return lines.join('\n');
}

function example(text, id) {
  return text
    .replaceAll('<%= config.bin %>', 'natsgh')
    .replaceAll('<%= command.id %>', id.replaceAll(':', ' '));
}

function flagCell(name, flag) {
  const short = flag.char ? `-${flag.char}, ` : '';
  const value = flag.type === 'option' ? (flag.options ? `=${flag.options.join('|')}` : '=VALUE') : '';
  return cell(code(`${short}--${name}${value}`));
}

function commandsReference() {
  const configFlags = new Set(CONFIG_KEYS.map((k) => k.flag));
  const commands = Object.values(manifest.commands)
    .filter((c) => !c.hidden)
    .sort((a, b) => a.id.localeCompare(b.id));
  const out = [
    'Every command takes `--help` (with examples) and `--json` (one JSON document on stdout).',
    'Flags named after a configuration key are listed by name only; see the configuration reference.',
    '',
  ];
  for (const c of commands) {
    const id = c.id.replaceAll(':', ' ');
    out.push(`### \`natsgh ${id}\``, '');
    if (c.summary) out.push(cell(c.summary), '');
    if (c.description) out.push(c.description.trim(), '');
    const own = Object.entries(c.flags).filter(([name, f]) => !f.hidden && !configFlags.has(name));
    const shared = Object.keys(c.flags).filter((name) => configFlags.has(name) && !c.flags[name].hidden);
    if (own.length > 0) {
      out.push('| Flag | Description | Default |', '|---|---|---|');
      for (const [name, f] of own.sort(([a], [b]) => a.localeCompare(b))) {
        const def = f.default === undefined || typeof f.default === 'object' ? '–' : code(String(f.default));
        out.push(`| ${flagCell(name, f)} | ${cell(f.summary ?? f.description)} | ${def} |`);
      }
      out.push('');
    }
    if (shared.length > 0) {
      out.push(
        `Configuration flags: ${shared
          .sort()
          .map((n) => code(`--${n}`))
          .join(', ')}.`,
        '',
      );
    }
    const examples = (c.examples ?? []).map((e) => (typeof e === 'string' ? e : e.command));
    if (examples.length > 0) {
      out.push('```sh', ...examples.map((e) => example(e, c.id)), '```', '');
    }
  }
  return out.join('\n').trimEnd();
}

function layoutReference() {
  const d = '<deployment>';
  return [
    '| What | Name | Keys or subjects |',
    '|---|---|---|',
    `| KV bucket: phase checkpoints (protobuf \`PhaseCheckpoint\`) | ${code(names.BUCKET_CHECKPOINTS)} | ${code(names.checkpointKey(d, '<phase>'))} |`,
    `| KV bucket: locks (bucket TTL = lease, ${names.LOCK_LEASE_MS / 1000} s) | ${code(names.BUCKET_LOCKS)} | ${code(names.deploymentLockKey(d))} (a bootstrap run), ${code('regen.<owner>.<repo>')} (a regeneration, e.g. ${code(names.regenLockKey('acme', '.github'))}) |`,
    `| KV bucket: processed GitHub deliveries | ${code(names.BUCKET_DELIVERIES)} | the delivery id |`,
    `| Stream: GitHub events | ${code(names.STREAM_GITHUB_EVENTS)} | ${code('github.events.<owner>.<repo>.<event>')}, e.g. ${code(names.githubEventSubject('acme', '.github', 'push'))} |`,
    `| Stream: natsgh's own events | ${code(names.STREAM_NATSGH_EVENTS)} | ${code(names.natsghEventSubject(d, '<type>'))} |`,
    `| Request/reply: controller ping | – | ${code(names.controllerPingSubject(d))} |`,
    '',
    'Owner and repository names become single subject tokens: letters, digits, `-` and `_` stay,',
    `every other byte is \`=XX\` (hex), so \`.github\` is ${code(names.encodeToken('.github'))}. Owner and repository are lower-cased.`,
  ].join('\n');
}

const SECTIONS = [
  { name: 'config-reference', render: configReference },
  { name: 'commands', render: commandsReference },
  { name: 'layout', render: layoutReference },
];

const original = readFileSync(readmePath, 'utf8').replace(/\r\n?/g, '\n');
let next = original;
const stale = [];
for (const { name, render } of SECTIONS) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = next.indexOf(start);
  const to = next.indexOf(end);
  if (from < 0 || to < from) fail(`${readmePath} has no ${start} … ${end} markers`);
  const body = `${start}\n<!-- generated by \`npm run docs\` from the code; do not edit by hand -->\n\n${render()}\n\n${end}`;
  const current = next.slice(from, to + end.length);
  if (current !== body) stale.push(name);
  next = next.slice(0, from) + body + next.slice(to + end.length);
}

if (check) {
  if (stale.length > 0) {
    fail(`README.md is stale (${stale.join(', ')}); run \`npm run docs\` and commit README.md`);
  }
  process.stdout.write('gen-docs: README.md is up to date\n');
} else if (next !== original || stale.length > 0) {
  writeFileSync(readmePath, next);
  process.stdout.write(`gen-docs: updated ${stale.join(', ') || 'line endings'} in ${readmePath}\n`);
} else {
  process.stdout.write('gen-docs: README.md is up to date\n');
}
