// The record of a deployment's settings over bootstrap runs (services/bootstrap-record.ts)
// against a real nats-server's KV: a machine with no local record (a fresh CI runner)
// is told when it runs with other settings than the run that recorded them in KV;
// unchanged records are not written again.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { decodeRecord, settingsKvKey, settingsPath } from '../../src/config/recorded.js';
import { RunRecord } from '../../src/services/bootstrap-record.js';
import { useDeploymentNats } from '../support/deployment-nats.js';

describe('RunRecord', () => {
  const nats = useDeploymentNats();

  const machine = async (flags: Record<string, unknown>) => {
    const stateDir = mkdtempSync(join(tmpdir(), 'natsgh-record-'));
    const { config } = await resolveConfig({
      noFile: true,
      env: {},
      flags: { 'state-dir': stateDir, deployment: 'rec', ...flags },
    });
    const warnings: string[] = [];
    const start = (runId: string) =>
      new RunRecord(
        config,
        { runId, cliVersion: '0.0.0-test' },
        { info: () => {}, warn: (l) => warnings.push(l) },
      );
    return { config, warnings, start };
  };

  it('a machine without a local record is told which settings differ from the run recorded in KV', async () => {
    const kv = nats().checkpoints!;
    const first = await machine({ 'nats-port': 14222 });
    const run1 = first.start('run-1');
    await run1.begin();
    await run1.readKv(kv);
    await run1.end({ started: [], skipped: { terraform: 'no terraform directory' } }, kv);
    const inKv = decodeRecord((await kv.get(settingsKvKey('rec')))!.string(), 'rec');
    expect(typeof inKv === 'string' ? inKv : inKv.runId).toBe('run-1');
    expect(first.warnings).toEqual([]);

    // Another machine, other port: warned, naming the setting and both values.
    const fresh = await machine({ 'nats-port': 15222 });
    const run2 = fresh.start('run-2');
    await run2.begin();
    await run2.readKv(kv);
    expect(fresh.warnings).toHaveLength(1);
    expect(fresh.warnings[0]).toContain('deployment rec was bootstrapped (run run-1) with other settings');
    expect(fresh.warnings[0]).toContain('nats.port 14222 → 15222');

    // Another machine, same settings: nothing to say.
    const same = await machine({ 'nats-port': 14222 });
    const run3 = same.start('run-3');
    await run3.begin();
    await run3.readKv(kv);
    expect(same.warnings).toEqual([]);

    // The first machine again, other port: it has its own record, so it is not told (it changes them).
    const again = { ...first, config: { ...first.config, nats: { ...first.config.nats, port: 16222 } } };
    const run4 = new RunRecord(
      again.config,
      { runId: 'run-4', cliVersion: '0.0.0-test' },
      {
        info: () => {},
        warn: (l) => first.warnings.push(l),
      },
    );
    await run4.begin();
    await run4.readKv(kv);
    expect(first.warnings).toEqual([]);
  });

  it('a run that changes nothing writes neither the file nor KV again', async () => {
    const kv = nats().checkpoints!;
    const m = await machine({ deployment: 'rec2' });
    const what = { started: [], skipped: {} };
    const run1 = m.start('run-a');
    await run1.begin();
    await run1.readKv(kv);
    await run1.end(what, kv);
    const file = settingsPath(m.config.stateDir, 'rec2');
    const written = statSync(file).mtimeMs;
    const revision = (await kv.get(settingsKvKey('rec2')))!.revision;

    // The same settings by another run id: the record is the run that last changed them.
    const run2 = m.start('run-b');
    await run2.begin();
    await run2.readKv(kv);
    await run2.end(what, kv);
    expect(statSync(file).mtimeMs).toBe(written);
    expect((await kv.get(settingsKvKey('rec2')))!.revision).toBe(revision);
    expect(JSON.parse(readFileSync(file, 'utf8')).runId).toBe('run-a');
  });
});
