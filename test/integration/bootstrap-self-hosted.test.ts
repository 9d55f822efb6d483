// `natsgh bootstrap --nats-type self_hosted` end to end through the CLI against a
// server the test owns (user/password auth from NATSGH_NATS_USER/PASSWORD):
// KV from the first phase (no local journal is needed to resume), events go
// straight to NATS, the password reaches no output or file, and teardown stops
// the controller but leaves the server running.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive as alive } from '../../src/system/process.js';
import { type CliResult, parseJson, runCli } from '../support/cli.js';
import { bootstrapKvKeys } from '../support/deployment.js';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';

const PASSWORD = 'byo-Pa55word-7f3c1e';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('bootstrap --nats-type self_hosted (bring your own server)', () => {
  let server: TestNatsServer;
  let dir: string;
  let stateDir: string;
  let controllerPid: number | undefined;
  const outputs: CliResult[] = [];

  const natsgh = async (args: string[]) => {
    const r = await runCli([...args, '--state-dir', stateDir], {
      cwd: dir,
      timeoutMs: 60_000,
      env: {
        CI: '1',
        NATSGH_NATS_TYPE: 'self_hosted',
        NATSGH_NATS_URL: server.url,
        NATSGH_NATS_USER: 'alice',
        NATSGH_NATS_PASSWORD: PASSWORD,
        NATSGH_OUTPUT_DIR: join(dir, 'out'),
        NATSGH_CONTROLLER_PORT: String(controllerPort),
      },
    });
    outputs.push(r);
    return r;
  };
  let controllerPort: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'natsgh-boot-byo-'));
    stateDir = join(dir, 'state');
    controllerPort = await freePort();
    server = await startNatsServer({
      extraConfig: `authorization { users: [ { user: alice, password: "${PASSWORD}" } ] }`,
    });
  });
  afterAll(async () => {
    // The controller the bootstrap started, also when the test failed before it read the pid.
    try {
      controllerPid ??= Number(readFileSync(join(stateDir, 'controller.pid'), 'utf8'));
    } catch {
      // no controller started
    }
    if (controllerPid && alive(controllerPid)) process.kill(controllerPid, 'SIGKILL');
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('bootstraps against it, resumes from KV, keeps the password out of everything, and leaves it running', async () => {
    const cold = await natsgh(['bootstrap', '--json']);
    expect(cold.code, cold.stdout + cold.stderr).toBe(0);
    const doc = parseJson(cold);
    expect(doc.ok).toBe(true);
    expect(doc.nats.url).toBe(server.url);
    expect(
      Object.fromEntries(doc.phases.map((p: { id: string; status: string }) => [p.id, p.status])),
    ).toEqual({
      prerequisites: 'done',
      'provision-nats': 'done',
      handoff: 'done',
      'deploy-controller': 'done',
      'generate-files': 'done',
      terraform: 'skipped',
      validate: 'done',
    });
    // KV from the first phase: nothing was queued locally, every checkpoint is in KV.
    expect(readdirSync(stateDir).filter((f) => f.includes('queue'))).toEqual([]);
    const { connectNats } = await import('../../src/nats/connect.js');
    const { Kvm } = await import('@nats-io/kv');
    const nc = await connectNats({ servers: [server.url], user: 'alice', password: PASSWORD });
    try {
      const kv = await new Kvm(nc).open('natsgh_checkpoints');
      const keys: string[] = [];
      for await (const k of await kv.keys()) keys.push(k);
      expect(keys.sort()).toEqual(bootstrapKvKeys());
    } finally {
      await nc.close();
    }

    // A re-run from an empty state dir resumes from KV: nothing runs again.
    controllerPid = Number(readFileSync(join(stateDir, 'controller.pid'), 'utf8'));
    rmSync(join(stateDir, 'journal'), { recursive: true, force: true });
    const again = await natsgh(['bootstrap', '--json']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    for (const p of parseJson(again).phases) expect(p.status, `${p.id}: ${p.reason}`).toBe('skipped');

    const status = parseJson(await natsgh(['status', '--json']));
    expect(status).toMatchObject({ source: 'kv', nats: { healthy: true }, controller: { healthy: true } });
    expect(status.nodes).toEqual([expect.objectContaining({ healthy: true })]);

    const down = await natsgh(['teardown', '--yes', '--json']);
    expect(down.code, down.stdout + down.stderr).toBe(0);
    expect(parseJson(down)).toMatchObject({ ok: true, purge: false });
    expect(parseJson(down).steps).toContainEqual(
      expect.objectContaining({ id: 'provision-nats', reason: expect.stringContaining('left running') }),
    );
    expect(alive(controllerPid)).toBe(false);
    // The server is the user's: still up, still serving.
    expect((await fetch(`http://127.0.0.1:${server.monitorPort}/healthz`)).ok).toBe(true);

    for (const r of outputs) expect(`${r.stdout}\n${r.stderr}`).not.toContain(PASSWORD);
    for (const f of filesUnder(dir).filter((f) => statSync(f).size < 5_000_000))
      expect(readFileSync(f, 'utf8'), f).not.toContain(PASSWORD);
  });
});
