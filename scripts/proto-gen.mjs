#!/usr/bin/env node
// Generates src/proto/gen/natsgh.{js,d.ts} from proto/natsgh/v1/*.proto with
// protobufjs-cli. `--check` regenerates into a temp dir and fails when the
// committed files differ (stale generated code). The generated module makes
// readers keep unknown fields (protobufjs discards them by default), so that a
// record written by a newer natsgh survives a read-modify-write by an older one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const protoDir = join(root, 'proto/natsgh/v1');
const outDir = join(root, 'src/proto/gen');
const check = process.argv.includes('--check');
// The CLI's JS entry run with this node: node_modules/.bin/pbjs is a shell script on
// POSIX and pbjs.cmd on Windows, where execFileSync cannot start it (ENOENT).
const cliPackage = join(root, 'node_modules/protobufjs-cli');
const cli = (name) => {
  const bins = JSON.parse(readFileSync(join(cliPackage, 'package.json'), 'utf8')).bin;
  return (args, opts) => execFileSync(process.execPath, [join(cliPackage, bins[name]), ...args], opts);
};

function generate(dir) {
  const files = readdirSync(protoDir)
    .filter((f) => f.endsWith('.proto'))
    .sort()
    .map((f) => join('proto/natsgh/v1', f));
  const js = join(dir, 'natsgh.js');
  cli('pbjs')(
    [
      '-t',
      'static-module',
      '-w',
      'es6',
      '--keep-case',
      '--force-number',
      '--no-beautify',
      '-o',
      js,
      ...files,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  // ESM under NodeNext needs the file extension on the import.
  const src = readFileSync(js, 'utf8')
    .replace(/from "protobufjs\/minimal"/, 'from "protobufjs/minimal.js"')
    .replace(
      /(const \$Reader = [^\n]*\n)/,
      '$1\n// natsgh: keep fields of newer schema versions in $unknowns (re-encoding writes them back).\n$Reader.discardUnknown = false;\n',
    );
  writeFileSync(js, src);
  cli('pbts')(['--no-comments', '-o', join(dir, 'natsgh.d.ts'), js], {
    cwd: root,
    stdio: 'inherit',
  });
}

if (check) {
  const tmp = mkdtempSync(join(tmpdir(), 'natsgh-proto-'));
  generate(tmp);
  const stale = ['natsgh.js', 'natsgh.d.ts'].filter(
    (f) => readFileSync(join(tmp, f), 'utf8') !== readFileSync(join(outDir, f), 'utf8'),
  );
  if (stale.length > 0) {
    console.error(`generated protobuf code is stale: ${stale.join(', ')}; run \`npm run proto\` and commit`);
    process.exit(1);
  }
  console.log('generated protobuf code is up to date');
} else {
  generate(outDir);
  console.log(`wrote ${outDir}/natsgh.{js,d.ts}`);
}
