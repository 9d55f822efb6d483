// A deployment remembers its settings (issue 15): bootstrap with non-default
// ports and a --state-dir, then every later command pointed at that state dir
// alone finds the server, the controller and the files where bootstrap put them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, parseJson, runCli } from '../support/cli.js';
import { createTestDeployment, phaseStatuses, type TestDeployment } from '../support/deployment.js';
import { freePort } from '../support/nats-server.js';

describe('a deployment bootstrapped with non-default ports and --state-dir', () => {
  let d: TestDeployment;
  let bootstrapDoc: any;
  // Only the pointer: what a user types after the bootstrap.
  const only = ['--state-dir', './state'];
  const cli = (args: string[]): Promise<CliResult> =>
    // No NATSGH_OUTPUT_DIR either: the output dir must come from the record too.
    runCli(args, { cwd: d.dir, env: { CI: '1', NATSGH_OUTPUT_DIR: '' }, timeoutMs: 60_000 });

  beforeAll(async () => {
    d = await createTestDeployment();
    const r = await cli([
      'bootstrap',
      '--json',
      '--yes',
      ...only,
      '--output-dir',
      './out',
      '--nats-port',
      String(d.natsPort),
      '--monitor-port',
      String(d.monitorPort),
      '--controller-port',
      String(d.controllerPort),
    ]);
    expect(r.code, r.stderr).toBe(0);
    bootstrapDoc = parseJson(r);
  }, 90_000);
  afterAll(async () => {
    await d?.cleanup();
  });

  it('status with only --state-dir finds NATS and the controller on the recorded ports', async () => {
    const r = await cli(['status', '--json', ...only]);
    expect(r.code, r.stderr).toBe(0);
    const s = parseJson(r);
    expect(s.nats).toMatchObject({ url: `nats://127.0.0.1:${d.natsPort}`, healthy: true });
    expect(s.controller.healthy).toBe(true);
    expect(s.warnings).toEqual([]);
    // status and bootstrap --json agree, a skipped phase included, with its reason.
    expect(phaseStatuses(s)).toEqual(phaseStatuses(bootstrapDoc));
    const tf = (doc: any) => doc.phases.find((p: { id: string }) => p.id === 'terraform');
    expect(tf(s)).toMatchObject({ status: 'skipped', reason: tf(bootstrapDoc).reason });
    const human = await cli(['status', ...only]);
    expect(human.stdout).toMatch(/terraform\s+skipped\s+-\s+does not apply/);
    expect(human.stdout).toContain('healthy');
    expect(human.stdout).not.toContain('not answering');
  });

  it('records the settings in the state dir and in KV, without secrets', async () => {
    const file = join(d.dir, 'state', 'settings', 'default.json');
    const record = JSON.parse(readFileSync(file, 'utf8'));
    expect(record.settings).toMatchObject({
      mode: 'dev',
      natsType: 'embedded',
      'nats.port': d.natsPort,
      'nats.monitorPort': d.monitorPort,
      'controller.port': d.controllerPort,
      outputDir: join(d.dir, 'out'),
    });
    expect(Object.keys(record.settings).some((k) => /password|token|secret/i.test(k))).toBe(false);
    expect(record.started.map((s: { kind: string }) => s.kind)).toEqual(['nats-server', 'controller']);
    const { connectNats } = await import('../../src/nats/connect.js');
    const { Kvm } = await import('@nats-io/kv');
    // With the deployment's credentials, as a command finds them (the server requires them).
    const nc = await connectNats(await d.connection());
    try {
      const kv = await new Kvm(nc).open('natsgh_checkpoints');
      const inKv = JSON.parse((await kv.get('default.settings'))!.string());
      expect(inKv.settings).toEqual(record.settings);
      expect(inKv.started).toEqual(record.started);
    } finally {
      await nc.close();
    }
  });

  it('natsgh config shows the recorded layer as its own source', async () => {
    const r = await cli(['config', '--json', ...only]);
    expect(r.code, r.stderr).toBe(0);
    const doc = parseJson(r);
    const row = (key: string) => doc.values.find((v: { key: string }) => v.key === key);
    const source = `recorded:${join(d.dir, 'state', 'settings', 'default.json')}`;
    expect(row('nats.port')).toEqual({ key: 'nats.port', value: d.natsPort, source });
    expect(row('controller.port')).toEqual({ key: 'controller.port', value: d.controllerPort, source });
    expect(doc.recorded).toBe(join(d.dir, 'state', 'settings', 'default.json'));
    const human = await cli(['config', ...only]);
    expect(human.stdout).toContain(`nats.port`);
    expect(human.stdout).toContain(`(${source})`);
  });

  it('a flag that contradicts a recorded port is reported, in the human output and in --json', async () => {
    const other = await freePort();
    const json = await cli(['status', '--json', ...only, '--monitor-port', String(other)]);
    expect(parseJson(json).warnings).toEqual([
      expect.stringContaining(
        `status is reading nats.monitorPort ${other} (--monitor-port), but deployment default runs with ${d.monitorPort}`,
      ),
    ]);
    const human = await cli(['status', ...only, '--monitor-port', String(other)]);
    expect(human.stderr).toContain(`warning: status is reading nats.monitorPort ${other}`);
    // A command that streams JSON lines has no result to carry them: stderr does.
    const tail = await cli(['events', 'tail', '--json', ...only, '--nats-port', String(other), '--max', '1']);
    expect(tail.stderr).toContain(`warning: events tail is reading nats.port ${other} (--nats-port)`);
  });

  it('a re-run with only --state-dir skips every phase', async () => {
    const r = await cli(['bootstrap', '--json', '--yes', ...only]);
    expect(r.code, r.stderr).toBe(0);
    const doc = parseJson(r);
    expect(doc.nats.url).toBe(`nats://127.0.0.1:${d.natsPort}`);
    expect(new Set(doc.phases.map((p: { status: string }) => p.status))).toEqual(new Set(['skipped']));
    expect(doc.warnings).toEqual([]);
  });

  it('unlock, events tail and generate --check work from the record alone', async () => {
    const unlock = await cli(['unlock', '--json', ...only]);
    expect(unlock.code, unlock.stderr).toBe(0);
    const tail = await cli(['events', 'tail', '--json', ...only, '--since', '1', '--max', '1']);
    expect(tail.code, tail.stderr).toBe(0);
    expect(JSON.parse(tail.stdout.split('\n')[0]).deployment).toBe('default');
    const check = await cli(['generate', '--check', '--json', ...only]);
    expect(check.code, check.stderr).toBe(0);
    expect(parseJson(check)).toMatchObject({ matches: true, target: join(d.dir, 'out') });
  });

  it("doctor checks the deployment's ports and says they are held by its own server and controller", async () => {
    const r = await cli(['doctor', '--json', ...only]);
    const ports = parseJson(r).checks.find((c: { id: string }) => c.id === 'ports');
    expect(ports.status, ports.message).toBe('ok');
    expect(ports.message).toContain(
      `client port of natsgh-default ${d.natsPort} is held by this deployment's nats-server natsgh-default`,
    );
    expect(ports.message).toContain(
      `monitoring port of natsgh-default ${d.monitorPort} is held by this deployment's nats-server natsgh-default`,
    );
    expect(ports.message).toContain(
      `controller port ${d.controllerPort} is held by this deployment's controller`,
    );
  });

  it("doctor reaches the NATS this deployment runs (it used to skip it as 'nothing to reach yet')", async () => {
    const checks = parseJson(await cli(['doctor', '--json', ...only])).checks as Array<{
      id: string;
      status: string;
      message: string;
    }>;
    const url = checks.find((c) => c.id === 'nats-url')!;
    expect(url.status, url.message).toBe('ok');
    expect(url.message).toContain(`127.0.0.1:${d.natsPort}`);
    expect(url.message).toMatch(/JetStream enabled/);
    expect(checks.find((c) => c.id === 'nats-account')!.status).toBe('ok');
  });

  it('teardown with only --state-dir stops what bootstrap started', async () => {
    const r = await cli(['teardown', '--yes', '--json', ...only]);
    expect(r.code, r.stderr).toBe(0);
    expect(await d.processes()).toEqual([]);
    // The settings stay with the state dir (a later bootstrap resumes them); --purge removes them.
    expect(existsSync(join(d.dir, 'state', 'settings', 'default.json'))).toBe(true);
  });
});

describe('port planning on the command line', () => {
  it('a derived route port on the monitoring port exits 2 before anything starts, naming the flags', async () => {
    const r = await runCli(
      [
        'bootstrap',
        '--json',
        '--yes',
        '--state-dir',
        './never',
        '--nats-type',
        'self_hosted_cluster',
        '--nats-port',
        '31000',
        '--monitor-port',
        '31100',
      ],
      { env: { CI: '1' } },
    );
    expect(r.code, r.stderr).toBe(2);
    const { error } = parseJson(r);
    expect(error.code).toBe('port_conflict');
    expect(error.message).toContain('port 31100 would be both the monitoring port of node 0');
    expect(error.suggestions.join(' ')).toMatch(/--monitor-port.*--cluster-port/);
  });
});
