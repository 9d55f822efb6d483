import { rmSync } from 'node:fs';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKvBucket } from '../../src/nats/buckets.js';
import { connectNats } from '../../src/nats/connect.js';
import { bucketReplicas, createLocalClusterProvisioner } from '../../src/provision/local-cluster.js';
import type { Provisioner } from '../../src/provision/provisioner.js';
import { isAlive } from '../../src/system/process.js';
import { clusterPorts } from '../support/local-cluster.js';
import { provisionContext, type RecordingContext } from '../support/provision-context.js';

describe('local self_hosted_cluster', () => {
  it('needs an odd number of servers, at least 3, and names --replicas', async () => {
    for (const replicas of [1, 4]) {
      const ctx = await provisionContext({ 'nats-type': 'self_hosted_cluster', replicas });
      rmSync(ctx.stateDir, { recursive: true, force: true });
      let err: any;
      try {
        createLocalClusterProvisioner(ctx.config);
      } catch (e) {
        err = e;
      }
      expect(err?.exit).toBe(2);
      expect(err.suggestions.join(' ')).toContain('--replicas');
    }
    const five = await provisionContext({ 'nats-type': 'self_hosted_cluster', replicas: 5 });
    rmSync(five.stateDir, { recursive: true, force: true });
    expect(bucketReplicas(five.config)).toBe(3);
  });

  describe('a 3-node cluster', () => {
    let ctx: RecordingContext;
    let p: Provisioner;
    let nc: NatsConnection | undefined;
    beforeAll(async () => {
      const { port, monitor } = await clusterPorts(3);
      ctx = await provisionContext({
        'nats-type': 'self_hosted_cluster',
        deployment: 'clu',
        'nats-port': port,
        'monitor-port': monitor,
        replicas: 3,
      });
      p = createLocalClusterProvisioner(ctx.config);
    });
    afterAll(async () => {
      await nc?.close().catch(() => {});
      await p?.teardown(ctx, { purge: true });
      if (ctx) rmSync(ctx.stateDir, { recursive: true, force: true });
    });

    it('forms, serves an R3 bucket, survives losing a node, and restarts only that node', async () => {
      const plan = await p.plan(ctx);
      expect(plan).toHaveLength(5);
      const first = await p.apply(ctx);
      const { port } = ctx.config.nats;
      expect(first.servers).toEqual([0, 1, 2].map((i) => `nats://127.0.0.1:${port + i}`));
      expect(first.outputs.metaLeader).toMatch(/^clu-n[012]$/);
      expect(await p.verify(ctx)).toEqual({ ok: true });
      const pids = [0, 1, 2].map((i) => Number(first.outputs[`node${i}.pid`]));

      const spec = p.connection(ctx);
      nc = await connectNats(spec);
      const kv = await ensureKvBucket(nc, spec, { bucket: 'clu_test', replicas: bucketReplicas(ctx.config) });
      expect((await kv.status()).replicas).toBe(3);
      await kv.put('a', '1');

      // Lose a node that is not the one this client talks to, so the test is about the cluster.
      const connectedPort = Number(nc.getServer().split(':').pop());
      const victim = [0, 1, 2].find((i) => port + i !== connectedPort)!;
      process.kill(pids[victim], 'SIGKILL');
      await expect.poll(() => isAlive(pids[victim]), { timeout: 5000 }).toBe(false);

      await expect
        .poll(
          async () => {
            try {
              await kv.put('a', '2');
              return (await kv.get('a'))?.string();
            } catch {
              return 'error';
            }
          },
          { timeout: 15_000, interval: 200 },
        )
        .toBe('2');
      const nodes = await p.nodes!(ctx);
      expect(nodes.map((n) => n.healthy)).toEqual([0, 1, 2].map((i) => i !== victim));
      expect(nodes[victim].detail).toBe('not running');
      const v = await p.verify(ctx);
      expect(v.ok).toBe(false);
      expect(v.ok ? '' : v.reason).toContain(`clu-n${victim}`);

      const second = await p.apply(ctx);
      const after = [0, 1, 2].map((i) => Number(second.outputs[`node${i}.pid`]));
      for (const i of [0, 1, 2]) {
        if (i === victim) expect(after[i]).not.toBe(pids[i]);
        else expect(after[i]).toBe(pids[i]);
      }
      expect(await p.verify(ctx)).toEqual({ ok: true });
      expect((await kv.get('a'))?.string()).toBe('2');
    });
  });
});
