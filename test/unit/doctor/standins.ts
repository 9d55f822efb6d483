// Builds doctor test contexts: a config, a PATH of stand-in scripts, and deps
// that see only that PATH, so each test decides which tools "exist".
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mode, NatsghConfig, NatsType } from '../../../src/config/keys.js';
import { resolveConfig } from '../../../src/config/load.js';
import type { DoctorContext, DoctorDeps } from '../../../src/doctor/check.js';
import { defaultDoctorDeps } from '../../../src/doctor/run.js';

export interface StandinDir {
  dir: string;
  /** Adds an executable shell script `name` with the given body. */
  tool(name: string, body: string): void;
  cleanup(): void;
}

export function standinDir(): StandinDir {
  const dir = mkdtempSync(join(tmpdir(), 'natsgh-standins-'));
  return {
    dir,
    tool(name, body) {
      const file = join(dir, name);
      writeFileSync(file, `#!/bin/sh\n${body}\n`);
      chmodSync(file, 0o755);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function testConfig(env: NodeJS.ProcessEnv = {}, cwd = tmpdir()): Promise<NatsghConfig> {
  return (await resolveConfig({ env, cwd, noFile: true })).config;
}

export function testContext(
  config: NatsghConfig,
  opts: { mode?: Mode; natsType?: NatsType; path?: string; deps?: Partial<DoctorDeps> } = {},
): DoctorContext {
  const env = { PATH: opts.path ?? '' };
  return {
    config,
    mode: opts.mode ?? config.mode,
    natsType: opts.natsType ?? config.natsType,
    deps: defaultDoctorDeps({ platform: { os: 'linux', arch: 'x64', env, home: tmpdir() }, ...opts.deps }),
    signal: new AbortController().signal,
  };
}
