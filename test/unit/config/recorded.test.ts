// The recorded-settings layer: defaults < recorded < config file < env < flags,
// the deployment a command is pointed at, and what is never recorded.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeConfig, resolveConfig } from '../../../src/config/load.js';
import {
  buildRecord,
  readRecordFile,
  settingsOf,
  settingsPath,
  writeRecordFile,
} from '../../../src/config/recorded.js';

let root: string;
let stateDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'natsgh-recorded-'));
  writeFileSync(join(root, 'package.json'), '{"name":"p"}');
  stateDir = join(root, 'st');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Bootstraps nothing: records what `bootstrap` with these flags would record. */
async function record(flags: Record<string, unknown>, deployment = 'default') {
  const { config } = await resolveConfig({
    cwd: root,
    env: {},
    flags: { 'state-dir': stateDir, deployment, ...flags },
  });
  await writeRecordFile(stateDir, buildRecord(config, { runId: 'r1', cliVersion: '0.1.0' }));
  return config;
}

describe('the recorded layer', () => {
  it('sits above the defaults and below config file, env and flags', async () => {
    await record({ 'nats-port': 14222, 'monitor-port': 18222, 'controller-port': 18080, org: 'acme' });
    writeFileSync(join(root, '.natsghrc.yaml'), 'controller:\n  port: 9000\n');
    const r = await resolveConfig({
      cwd: root,
      env: { NATSGH_MONITOR_PORT: '9222' },
      flags: { 'state-dir': stateDir },
    });
    const file = settingsPath(stateDir, 'default');
    expect(r.config.nats.port).toBe(14222);
    expect(r.sources['nats.port']).toBe(`recorded:${file}`);
    expect(r.config.org).toBe('acme');
    expect(r.config.nats.monitorPort).toBe(9222);
    expect(r.config.controller.port).toBe(9000);
    expect(r.recorded?.file).toBe(file);
    expect(describeConfig(r).find((v) => v.key === 'nats.port')?.source).toBe(`recorded:${file}`);
    // Reading another value than the deployment runs with is said, naming the source.
    expect(r.warnings).toEqual([
      `natsgh is reading nats.monitorPort 9222 (env NATSGH_MONITOR_PORT), but deployment default runs with 18222 (recorded in ${file})`,
      expect.stringContaining('natsgh is reading controller.port 9000 (config file '),
    ]);
  });

  it('bootstrap applies a changed setting and says what it changes', async () => {
    await record({ 'nats-port': 14222 });
    const r = await resolveConfig({
      cwd: root,
      env: {},
      flags: { 'state-dir': stateDir, 'nats-port': 4333 },
      command: 'bootstrap',
      applyChanges: true,
    });
    expect(r.config.nats.port).toBe(4333);
    expect(r.warnings).toEqual([
      'bootstrap changes nats.port of deployment default from 14222 (recorded) to 4333 (--nats-port)',
    ]);
  });

  it('a state dir with one recorded deployment points at it; with several, --deployment picks', async () => {
    await record({ 'nats-port': 15222 }, 'staging');
    const one = await resolveConfig({ cwd: root, env: {}, flags: { 'state-dir': stateDir } });
    expect(one.config.deployment).toBe('staging');
    expect(one.config.nats.port).toBe(15222);

    await record({ 'nats-port': 16222 }, 'prod');
    const two = await resolveConfig({ cwd: root, env: {}, flags: { 'state-dir': stateDir } });
    expect(two.config.deployment).toBe('default');
    expect(two.config.nats.port).toBe(4222);
    expect(two.warnings[0]).toContain('records deployments prod, staging but none was named');
    const named = await resolveConfig({
      cwd: root,
      env: {},
      flags: { 'state-dir': stateDir, deployment: 'prod' },
    });
    expect(named.config.nats.port).toBe(16222);
    expect(named.warnings).toEqual([]);
  });

  it('never records a secret, and a damaged record is a warning, not a failure', async () => {
    const config = await record({
      'nats-password': 'pw-never-recorded',
      'nats-user': 'u',
      'github-token': 'ghp_neverRecorded0123456789',
      'webhook-secret': 'whsec-never',
    });
    const text = JSON.stringify(settingsOf(config));
    for (const s of ['pw-never-recorded', 'ghp_neverRecorded', 'whsec-never', '"nats.user"']) {
      expect(text).not.toContain(s);
    }
    writeFileSync(settingsPath(stateDir, 'default'), '{"schema": 1, "deployment": "default", "settings": {');
    const r = await resolveConfig({ cwd: root, env: {}, flags: { 'state-dir': stateDir } });
    expect(r.recorded).toBeUndefined();
    expect(r.config.nats.port).toBe(4222);
    expect(r.warnings[0]).toMatch(/recorded settings .* are ignored: not JSON/);
  });

  it('records a URL without the user info it carries, and compares and shows it that way', async () => {
    await record({
      'nats-type': 'self_hosted',
      'nats-url': 'nats://alice:pw-in-url-9@nats-a.example:4222,nats://tok-in-url-9@nats-b.example:4222',
    });
    const file = readFileSync(settingsPath(stateDir, 'default'), 'utf8');
    expect(file).not.toContain('pw-in-url-9');
    expect(file).not.toContain('tok-in-url-9');
    const rec = await readRecordFile(stateDir, 'default');
    expect(rec.found && rec.record.settings['nats.url']).toBe(
      'nats://nats-a.example:4222,nats://nats-b.example:4222',
    );
    // The same URL given again (with its credentials) is not a contradiction; another host is, shown without them.
    const same = await resolveConfig({
      cwd: root,
      env: {},
      flags: {
        'state-dir': stateDir,
        'nats-url': 'nats://alice:pw-in-url-9@nats-a.example:4222,nats://tok-in-url-9@nats-b.example:4222',
      },
    });
    expect(same.warnings).toEqual([]);
    const other = await resolveConfig({
      cwd: root,
      env: {},
      flags: { 'state-dir': stateDir, 'nats-url': 'nats://alice:pw-in-url-9@elsewhere.example:4222' },
    });
    expect(other.warnings.join('\n')).toContain('elsewhere.example');
    expect(other.warnings.join('\n')).not.toContain('pw-in-url-9');
  });

  it('a recorded value that no longer validates is left out with a warning', async () => {
    mkdirSync(join(stateDir, 'settings'), { recursive: true });
    writeFileSync(
      settingsPath(stateDir, 'default'),
      JSON.stringify({
        schema: 1,
        deployment: 'default',
        settings: { 'nats.port': 'lots', 'controller.port': 18080, outputDir: 'relative/dir', future: 1 },
      }),
    );
    expect((await readRecordFile(stateDir, 'default')).found).toBe(true);
    const r = await resolveConfig({ cwd: root, env: {}, flags: { 'state-dir': stateDir } });
    expect(r.config.controller.port).toBe(18080);
    expect(r.config.nats.port).toBe(4222);
    expect(r.config.outputDir).toBe(join(stateDir, 'github'));
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toContain('the recorded nats.port "lots"');
  });

  it('noRecorded leaves the record out', async () => {
    await record({ 'nats-port': 14222 });
    const r = await resolveConfig({ cwd: root, env: {}, flags: { 'state-dir': stateDir }, noRecorded: true });
    expect(r.config.nats.port).toBe(4222);
  });
});
