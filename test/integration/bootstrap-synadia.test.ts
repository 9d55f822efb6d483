// `natsgh bootstrap --nats-type synadia` end to end through the CLI against a
// local operator-mode nats-server (how Synadia Cloud authenticates) with creds
// generated here: KV from the first phase, a run from a NEW empty state dir with
// the same creds resumes from KV (every phase skipped), SynadiaCloudConfig
// carries the account and a creds fingerprint, and the seed appears nowhere.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/system/process.js';
import { type CliResult, parseJson, runCli } from '../support/cli.js';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { createOperatorSetup } from '../support/operator-mode.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('bootstrap --nats-type synadia (operator-mode NATS, creds)', () => {
  let server: TestNatsServer;
  let dir: string;
  let creds: { file: string; seed: string };
  let accountPublicKey: string;
  let controllerPort: number;
  const pids = new Set<number>();
  const outputs: CliResult[] = [];

  const natsgh = async (args: string[], stateDir: string) => {
    const r = await runCli([...args, '--state-dir', stateDir], {
      cwd: dir,
      timeoutMs: 60_000,
      env: {
        CI: '1',
        NATSGH_NATS_TYPE: 'synadia',
        NATSGH_NATS_URL: server.url,
        SYNADIA_CREDS_FILE: creds.file,
        NATSGH_OUTPUT_DIR: join(dir, 'out'),
        NATSGH_CONTROLLER_PORT: String(controllerPort),
      },
    });
    outputs.push(r);
    return r;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'natsgh-boot-synadia-'));
    controllerPort = await freePort();
    const op = await createOperatorSetup();
    accountPublicKey = op.accountPublicKey;
    server = await startNatsServer({ extraConfig: op.serverConfig });
    creds = await op.writeUserCreds(mkdtempSync(join(tmpdir(), 'natsgh-boot-creds-')), 'ci');
  });
  afterAll(async () => {
    for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (creds) rmSync(join(creds.file, '..'), { recursive: true, force: true });
  });

  it('bootstraps, resumes from KV on a new machine, and never lets the seed out', async () => {
    const first = join(dir, 'state-a');
    const cold = await natsgh(['bootstrap', '--json'], first);
    expect(cold.code, cold.stdout + cold.stderr).toBe(0);
    const doc = parseJson(cold);
    expect(doc.ok).toBe(true);
    expect(doc.phases.filter((p: { status: string }) => p.status === 'done')).toHaveLength(6);
    const controller = Number(readFileSync(join(first, 'controller.pid'), 'utf8'));
    pids.add(controller);

    // A new machine: an empty state dir, the same creds. KV says everything is done and still true.
    const second = join(dir, 'state-b');
    const resumed = await natsgh(['bootstrap', '--json'], second);
    expect(resumed.code, resumed.stderr).toBe(0);
    for (const p of parseJson(resumed).phases) expect(p.status, `${p.id}: ${p.reason}`).toBe('skipped');
    const status = parseJson(await natsgh(['status', '--json'], second));
    expect(status).toMatchObject({ source: 'kv', nats: { healthy: true }, controller: { healthy: true } });

    // Every KV value and every event natsgh stored, read raw.
    const { connectNats } = await import('../../src/nats/connect.js');
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const nc = await connectNats({ servers: [server.url], credsFile: creds.file });
    const stored: string[] = [];
    try {
      const jsm = await jetstreamManager(nc);
      for await (const s of jsm.streams.list()) {
        for (let seq = s.state.first_seq; seq <= s.state.last_seq; seq++) {
          const m = await jsm.streams.getMessage(s.config.name, { seq }).catch(() => undefined);
          if (m) stored.push(`${m.subject} ${Buffer.from(m.data).toString('latin1')}`);
        }
      }
    } finally {
      await nc.close();
    }
    expect(stored.some((s) => s.startsWith('$KV.natsgh_checkpoints.default.phase.validate'))).toBe(true);

    // SynadiaCloudConfig: the account public key and the creds fingerprint, recorded once.
    const tail = await natsgh(
      ['events', 'tail', '--json', '--type', 'synadia', '--since', '1h', '--max', '10', '--idle-exit', '2s'],
      second,
    );
    expect(tail.code, tail.stderr).toBe(0);
    const synadia = tail.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(synadia).toHaveLength(1);
    expect(synadia[0].message).toMatchObject({
      account_public_key: accountPublicKey,
      creds_fingerprint: expect.stringMatching(/\S{16,}/),
      url: server.url,
    });

    const down = await natsgh(['teardown', '--yes', '--json'], second);
    expect(down.code, down.stdout + down.stderr).toBe(0);
    // The other machine's state dir did not start the controller: a ping reply names no process to stop.
    expect(isAlive(controller)).toBe(true);
    const downFirst = await natsgh(['teardown', '--yes', '--json'], first);
    expect(downFirst.code, downFirst.stdout + downFirst.stderr).toBe(0);
    expect(isAlive(controller)).toBe(false);

    const seed = creds.seed;
    expect(seed).toMatch(/^SU/);
    for (const r of outputs) expect(`${r.stdout}\n${r.stderr}`).not.toContain(seed);
    for (const f of filesUnder(dir)) expect(readFileSync(f, 'latin1'), f).not.toContain(seed);
    for (const s of stored) expect(s).not.toContain(seed);
  }, 90_000);
});
