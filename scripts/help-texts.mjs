#!/usr/bin/env node
// Renders each command's --help (80 columns, natsgh's help class) into
// dist/help/<command id, "." between words>.txt at build time, so bin/run.js can print
// `natsgh <command> --help` without loading oclif when the output is 80
// columns wide (a pipe, CI, an 80-column terminal). Run after `oclif manifest`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
process.env.OCLIF_COLUMNS = '80';
const { Config } = await import('@oclif/core');
const { default: NatsghHelp } = await import(join(root, 'dist', 'cli', 'help.js'));
const config = await Config.load({ root });
const out = join(root, 'dist', 'help');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let count = 0;
for (const command of config.commands) {
  if (command.hidden || command.pluginName !== config.pjson.name) continue;
  let text = '';
  const write = process.stdout.write;
  process.stdout.write = (chunk) => {
    text += String(chunk);
    return true;
  };
  try {
    await new NatsghHelp(config, { maxWidth: 80 }).showHelp([command.id]);
  } finally {
    process.stdout.write = write;
  }
  writeFileSync(join(out, `${command.id.replaceAll(/[ :]/g, '.')}.txt`), text);
  count++;
}
console.log(`help-texts: wrote ${count} command help texts to ${out}`);
