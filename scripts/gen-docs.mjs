#!/usr/bin/env node
// Regenerates the README's generated sections from the code: the configuration
// reference from CONFIG_KEYS, the command reference from oclif.manifest.json and
// the KV/stream layout from src/nats/names.ts, the error codes from ERROR_CODES
// (src/error-codes.ts) (all read from the build in dist/).
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
  resolve(root, 'dist/nats/sizing.js'),
  resolve(root, 'dist/nats/permissions.js'),
  resolve(root, 'dist/error-codes.js'),
]) {
  if (!existsSync(file)) fail(`${file} is missing; run \`npm run build\` first`);
}
const { CONFIG_KEYS } = await import(pathToFileURL(resolve(root, 'dist/config/keys.js')).href);
const names = await import(pathToFileURL(resolve(root, 'dist/nats/names.js')).href);
const sizing = await import(pathToFileURL(resolve(root, 'dist/nats/sizing.js')).href);
const permissions = await import(pathToFileURL(resolve(root, 'dist/nats/permissions.js')).href);
const { ERROR_CODES } = await import(pathToFileURL(resolve(root, 'dist/error-codes.js')).href);
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
  const size = (id) => {
    const row = sizing.STREAM_SIZING[id];
    const age = row.maxAgeMs > 0 ? `, max_age ${formatAge(row.maxAgeMs)}` : '';
    return `${sizing.formatBytes(row.maxBytes)}${age}; ${code(`--${row.flag}`)}`;
  };
  const needs = permissions.natsghSubjects({ deployment: d });
  const perm = (p) => needs.filter((n) => n.permission === p).map((n) => `${code(n.subject)} (${n.why})`);
  return [
    'One account can hold several deployments (or organizations): they share the five streams and',
    'buckets below, and everything of one deployment is scoped by its name (`--deployment`, default',
    '`default`, whose names are the same as before deployments could share an account). `teardown --purge`',
    "on NATS natsgh does not run removes one deployment's share (its controller's consumer, its",
    'events, its checkpoints) and deletes the shared streams only when no other deployment uses them.',
    '',
    '| What | Name | Keys or subjects | Size (max_bytes) and its flag |',
    '|---|---|---|---|',
    `| KV bucket: phase checkpoints (protobuf \`PhaseCheckpoint\`) | ${code(names.BUCKET_CHECKPOINTS)} | ${code(names.checkpointKey(d, '<phase>'))} | ${size('checkpoints')} |`,
    `| KV bucket: locks (bucket TTL = lease, ${names.LOCK_LEASE_MS / 1000} s) | ${code(names.BUCKET_LOCKS)} | ${code(names.deploymentLockKey(d))} (a bootstrap run), ${code('regen.<owner>.<repo>')} (a regeneration, e.g. ${code(names.regenLockKey('acme', '.github'))}; per repository, so shared by deployments of one org) | ${size('locks')} |`,
    `| KV bucket: processed GitHub deliveries | ${code(names.BUCKET_DELIVERIES)} | ${code(`${d}.<delivery id>`)} (encoded like an owner) | ${size('deliveries')} |`,
    `| Stream: GitHub events | ${code(names.STREAM_GITHUB_EVENTS)} | ${code('github.events.<owner>.<repo>.<event>')}, e.g. ${code(names.githubEventSubject('acme', '.github', 'push'))} | ${size('githubEvents')} |`,
    `| Durable consumer of the controller on ${code(names.STREAM_GITHUB_EVENTS)} | ${code(names.controllerDurableName(d))} | every GitHub event; the controller acts on its own org's | – |`,
    `| Stream: natsgh's own events | ${code(names.STREAM_NATSGH_EVENTS)} | ${code(names.natsghEventSubject(d, '<type>'))} | ${size('natsghEvents')} |`,
    `| Request/reply: controller ping | – | ${code(names.controllerPingSubject(d))} | – |`,
    '',
    'Every stream and bucket declares max_bytes (Synadia Cloud accounts with "max bytes required" refuse',
    'one without) and lives on disk (no memory storage). `--stream-max-bytes SIZE` caps all of them; each',
    'flag above (or `nats.streams.<id>.maxBytes` in the config file) sets one. An existing stream keeps its',
    'ceiling unless one of these is given. Before creating anything, bootstrap, the controller and',
    "`webhook serve` check the account's JetStream limits (disk, per-stream maximum, streams, consumers,",
    'max ack pending) and fail naming the limit and the flag; `natsgh doctor` shows them side by side.',
    '',
    'Owner and repository names become single subject tokens: letters, digits, `-` and `_` stay,',
    `every other byte is \`=XX\` (hex), so \`.github\` is ${code(names.encodeToken('.github'))}. Owner and repository are lower-cased.`,
    '',
    'Permissions a restricted user needs (checked from the user JWT by `doctor` and at the start of',
    '`bootstrap`; `$JS.<domain>.API.>` with `--js-domain`):',
    '',
    `- publish: ${perm('publish').join(', ')}`,
    `- subscribe: ${perm('subscribe').join(', ')}`,
  ].join('\n');
}

function errorCodesReference() {
  const lines = [
    'Every error carries one of these codes (`error.code` with `--json`); the code decides the exit code.',
    '',
    '| Code | Exit | Meaning |',
    '|---|---|---|',
  ];
  for (const [name, { exit, meaning }] of Object.entries(ERROR_CODES)) {
    lines.push(`| ${code(name)} | ${exit} | ${cell(meaning)} |`);
  }
  return lines.join('\n');
}

function formatAge(ms) {
  const days = ms / 86_400_000;
  return Number.isInteger(days) ? `${days} d` : `${ms / 1000} s`;
}

const SECTIONS = [
  { name: 'config-reference', render: configReference },
  { name: 'commands', render: commandsReference },
  { name: 'layout', render: layoutReference },
  { name: 'error-codes', render: errorCodesReference },
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
