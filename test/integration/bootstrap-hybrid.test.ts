// `natsgh bootstrap --nats-type hybrid` end to end through the CLI: a hub the
// test runs (JetStream domain "hub", accepting leaf nodes) and the leaf node
// natsgh runs in domain "edge". Checkpoints, locks and events live in the
// leaf's domain, not on the hub; a re-run skips everything; teardown stops the
// leaf and the controller and leaves the hub alone.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/system/process.js';
import { parseJson, runCli } from '../support/cli.js';
import { deploymentConnection } from '../support/deployment.js';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';

/** Stream names in `domain` as a natsgh command sees them (with the deployment's stored credentials when stateDir is given). */
async function streamNames(url: string, domain: string, stateDir?: string): Promise<string[]> {
  const { connectNats } = await import('../../src/nats/connect.js');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const spec = stateDir
    ? await deploymentConnection({ 'state-dir': stateDir, 'nats-type': 'hybrid' }, [url])
    : { servers: [url] };
  const nc = await connectNats({ ...spec, jetstreamDomain: undefined, credsFile: undefined });
  try {
    const jsm = await jetstreamManager(nc, { domain });
    const names: string[] = [];
    for await (const s of jsm.streams.list()) names.push(s.config.name);
    return names.sort();
  } finally {
    await nc.close();
  }
}

describe('bootstrap --nats-type hybrid (leaf in domain edge, local hub)', () => {
  let hub: TestNatsServer;
  let dir: string;
  let stateDir: string;
  let env: NodeJS.ProcessEnv;
  let leafPort: number;
  const pids = new Set<number>();

  const natsgh = (args: string[]) => runCli(args, { cwd: dir, env, timeoutMs: 60_000 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'natsgh-boot-hybrid-'));
    stateDir = join(dir, 'state');
    const hubLeafPort = await freePort();
    hub = await startNatsServer({
      extraConfig: `leafnodes { listen: "127.0.0.1:${hubLeafPort}" }`,
      domain: 'hub',
      name: 'hub',
    });
    leafPort = await freePort();
    env = {
      CI: '1',
      NATSGH_NATS_TYPE: 'hybrid',
      NATSGH_HUB_URL: `nats-leaf://127.0.0.1:${hubLeafPort}`,
      NATSGH_STATE_DIR: stateDir,
      NATSGH_OUTPUT_DIR: join(dir, 'out'),
      NATSGH_NATS_PORT: String(leafPort),
      NATSGH_MONITOR_PORT: String(await freePort()),
      NATSGH_CONTROLLER_PORT: String(await freePort()),
    };
  });
  afterAll(async () => {
    await natsgh(['teardown', '--yes', '--purge', '--json']).catch(() => undefined);
    for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    await hub?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps checkpoints in the leaf domain, re-runs as a no-op, and tears down only the leaf', async () => {
    const cold = await natsgh(['bootstrap', '--json']);
    expect(cold.code, cold.stdout + cold.stderr).toBe(0);
    const doc = parseJson(cold);
    expect(doc.ok).toBe(true);
    expect(doc.nats.url).toBe(`nats://127.0.0.1:${leafPort}`);
    const leafPid = Number(readFileSync(join(stateDir, 'leaf', 'nats-server.pid'), 'utf8'));
    const controller = Number(readFileSync(join(stateDir, 'controller.pid'), 'utf8'));
    pids.add(leafPid).add(controller);

    const leafUrl = `nats://127.0.0.1:${leafPort}`;
    const onLeaf = await streamNames(leafUrl, 'edge', stateDir);
    expect(onLeaf).toEqual(
      expect.arrayContaining(['KV_natsgh_checkpoints', 'KV_natsgh_locks', 'NATSGH_EVENTS']),
    );
    expect(await streamNames(hub.url, 'hub')).not.toContain('KV_natsgh_checkpoints');

    const status = parseJson(await natsgh(['status', '--json']));
    expect(status).toMatchObject({ source: 'kv', nats: { healthy: true }, controller: { healthy: true } });
    expect(status.nodes).toEqual([
      expect.objectContaining({
        name: 'natsgh-default-leaf',
        healthy: true,
        detail: 'JetStream domain edge',
      }),
      expect.objectContaining({ name: 'hub link', healthy: true }),
    ]);

    const again = await natsgh(['bootstrap', '--json']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    for (const p of parseJson(again).phases) expect(p.status, `${p.id}: ${p.reason}`).toBe('skipped');

    const down = await natsgh(['teardown', '--yes', '--json']);
    expect(down.code, down.stdout + down.stderr).toBe(0);
    expect([...pids].filter(isAlive)).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${hub.monitorPort}/healthz`)).ok).toBe(true);
  });
});
