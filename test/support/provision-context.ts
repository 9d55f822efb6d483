// Builds a ProvisionContext for provisioner tests: resolved config from flags
// only (no file, no ambient env), a temp state dir and a log that records lines.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config/load.js';
import type { ProvisionContext } from '../../src/provision/provisioner.js';
import { currentPlatform } from '../../src/system/platform.js';

export interface RecordingContext extends ProvisionContext {
  lines: string[];
}

export async function provisionContext(flags: Record<string, unknown>): Promise<RecordingContext> {
  const stateDir = mkdtempSync(join(tmpdir(), 'natsgh-prov-'));
  const { config } = await resolveConfig({
    noFile: true,
    env: {},
    flags: { 'state-dir': stateDir, ...flags },
  });
  const lines: string[] = [];
  return {
    config,
    deployment: config.deployment,
    stateDir,
    platform: currentPlatform(),
    interactive: false,
    assumeYes: false,
    signal: new AbortController().signal,
    log: { info: (l) => lines.push(l), warn: (l) => lines.push(`warn: ${l}`) },
    lines,
  };
}
