// Fake contexts for a phase's unit test: a configuration resolved from flags
// only (no file, no ambient env) in a temp state dir, a recording log, task and
// event sink, and a fresh run memo. Each test adds what its phase reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsghConfig } from '../../src/config/keys.js';
import { resolveConfig } from '../../src/config/load.js';
import type { BuiltEvent } from '../../src/events/builders.js';
import { RunMemo } from '../../src/phases/context.js';
import { currentPlatform, type Platform } from '../../src/system/platform.js';
import type { TaskHandle } from '../../src/workflow/phase.js';

export interface FakeBase {
  config: NatsghConfig;
  deployment: string;
  runId: string;
  cliVersion: string;
  stateDir: string;
  platform: Platform;
  interactive: boolean;
  assumeYes: boolean;
  signal: AbortSignal;
  log: { info(line: string): void; warn(line: string): void };
  memo: RunMemo;
  events: { publish(e: BuiltEvent): Promise<void> };
  /** What the log, the task and the event sink were given. */
  lines: string[];
  warnings: string[];
  published: BuiltEvent[];
  cleanup(): void;
}

export async function fakeBase(flags: Record<string, unknown> = {}): Promise<FakeBase> {
  const stateDir = mkdtempSync(join(tmpdir(), 'natsgh-phase-'));
  const { config } = await resolveConfig({
    noFile: true,
    env: {},
    flags: { 'state-dir': stateDir, deployment: 'unit', ...flags },
  });
  const lines: string[] = [];
  const warnings: string[] = [];
  const published: BuiltEvent[] = [];
  return {
    config,
    deployment: config.deployment,
    runId: 'run-unit',
    cliVersion: '0.0.0-test',
    stateDir: config.stateDir,
    platform: currentPlatform(),
    interactive: false,
    assumeYes: true,
    signal: new AbortController().signal,
    log: { info: (l) => lines.push(l), warn: (l) => warnings.push(l) },
    memo: new RunMemo(),
    events: {
      publish: async (e) => {
        published.push(e);
      },
    },
    lines,
    warnings,
    published,
    cleanup: () => rmSync(stateDir, { recursive: true, force: true }),
  };
}

/** A task row that records its output; confirm answers `answer`. */
export function fakeTask(answer = true): TaskHandle & { lines: string[]; questions: string[] } {
  const lines: string[] = [];
  const questions: string[] = [];
  return {
    lines,
    questions,
    output: (l) => lines.push(l),
    title: () => {},
    confirm: async (q) => {
      questions.push(q);
      return answer;
    },
  };
}
