// Recording stand-ins for tools that have no engine here (docker, helm,
// kubectl): a script first on PATH that appends its argv to a calls file and
// then runs a behaviour snippet the test writes (canned output, exit codes).
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const write = (name: string) => {
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
  const path = `${dir}:${process.env.PATH ?? ''}`;
  return {
    dir,
    path,
    platform: (base) => ({ ...base, env: { ...base.env, PATH: path } }),
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
      rmSync(join(dir, name), { force: true });
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
