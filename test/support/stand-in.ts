// Recording stand-ins for tools that have no engine here (docker, helm,
// kubectl): a script first on PATH that appends its argv to a calls file and
// then runs a behaviour snippet the test writes (canned output, exit codes).
// POSIX: a bash script. Windows: NAME.cmd (found through PATHEXT, as natsgh
// finds tools) running a node recorder, which runs the behaviour with Git for
// Windows' bash (NATSGH_TEST_BASH overrides; `bash` on PATH may be WSL's).
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The Windows recorder: argv to NAME.calls (\x1f-separated, one line per call), then the behaviour. */
const WINDOWS_RECORDER = `const { appendFileSync, existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const [dir, name, ...args] = process.argv.slice(2);
appendFileSync(dir + '/' + name + '.calls', args.map((a) => a + '\x1f').join('') + '\n');
const behaviour = dir + '/' + name + '.behaviour';
if (!existsSync(behaviour)) process.exit(0);
const bash = process.env.NATSGH_TEST_BASH || 'C:\\Program Files\\Git\\bin\\bash.exe';
const r = spawnSync(bash, [behaviour, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
`;

import type { Platform } from '../../src/system/platform.js';

export interface StandIns {
  dir: string;
  /** PATH with the stand-ins first. */
  path: string;
  /** A platform whose PATH finds the stand-ins first. */
  platform(base: Platform): Platform;
  /** Sets what `name` does: a bash snippet run with the arguments in "$@" (default: exit 0). */
  behave(name: string, bash: string): void;
  /** Each call's argv. */
  calls(name: string): string[][];
  reset(name: string): void;
  remove(name: string): void;
  cleanup(): void;
}

export function createStandIns(names: string[]): StandIns {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-standin-'));
  const windows = process.platform === 'win32';
  if (windows) writeFileSync(join(dir, 'stand-in.cjs'), WINDOWS_RECORDER);
  const write = (name: string) => {
    if (windows) {
      writeFileSync(
        join(dir, `${name}.cmd`),
        `@"${process.execPath}" "${join(dir, 'stand-in.cjs')}" "${dir}" ${name} %*\r\n`,
      );
      return;
    }
    const file = join(dir, name);
    writeFileSync(
      file,
      [
        '#!/bin/bash',
        `for a in "$@"; do printf '%s\\x1f' "$a"; done >> "${dir}/${name}.calls"`,
        `printf '\\n' >> "${dir}/${name}.calls"`,
        `if [ -f "${dir}/${name}.behaviour" ]; then . "${dir}/${name}.behaviour"; fi`,
        'exit 0',
        '',
      ].join('\n'),
    );
    chmodSync(file, 0o755);
  };
  for (const n of names) write(n);
  const path = `${dir}${delimiter}${process.env.PATH ?? ''}`;
  return {
    dir,
    path,
    platform: (base) => {
      // Windows spells it "Path": drop every spelling before setting ours.
      const env = Object.fromEntries(Object.entries(base.env).filter(([k]) => k.toUpperCase() !== 'PATH'));
      return { ...base, env: { ...env, PATH: path } };
    },
    behave(name, bash) {
      writeFileSync(join(dir, `${name}.behaviour`), `${bash}\n`);
    },
    calls(name) {
      const file = join(dir, `${name}.calls`);
      if (!existsSync(file)) return [];
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => l.split('\x1f').slice(0, -1));
    },
    reset(name) {
      rmSync(join(dir, `${name}.calls`), { force: true });
    },
    remove(name) {
      rmSync(join(dir, windows ? `${name}.cmd` : name), { force: true });
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
