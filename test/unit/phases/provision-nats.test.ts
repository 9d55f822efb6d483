// provision-nats against a fake provisioner: what it hashes, the binary it
// hands the provisioner, what it records and publishes, and one health check
// per run shared with validate.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEvent } from '../../../src/events/builders.js';
import { type ProvisionNatsContext, provisionNats } from '../../../src/phases/provision-nats.js';
import { validationFailures } from '../../../src/phases/validate.js';
import type { ProvisionContext, Provisioner, ProvisionResult } from '../../../src/provision/provisioner.js';
import { hashInputs } from '../../../src/workflow/inputs.js';
import type { VerifyResult } from '../../../src/workflow/phase.js';
import { type FakeBase, fakeBase, fakeTask } from '../../support/phase-context.js';

interface FakeProvisioner extends Provisioner {
  seen: Array<[string, ProvisionContext]>;
  result: ProvisionResult;
  health: VerifyResult;
}

function fakeProvisioner(reachableAtStart = false): FakeProvisioner {
  const p: FakeProvisioner = {
    kind: 'fake',
    reachableAtStart,
    seen: [],
    result: {
      servers: ['nats://127.0.0.1:4222'],
      outputs: { pid: '42', serverId: 'NID', version: '2.10.24' },
    },
    health: { ok: true },
    async plan(ctx) {
      p.seen.push(['plan', ctx]);
      return [{ action: 'start nats-server' }];
    },
    async apply(ctx) {
      p.seen.push(['apply', ctx]);
      return p.result;
    },
    async verify(ctx) {
      p.seen.push(['verify', ctx]);
      return p.health;
    },
    async teardown(ctx, opts) {
      p.seen.push([`teardown purge=${opts.purge}`, ctx]);
    },
    connection: () => ({ servers: p.result.servers }),
  };
  return p;
}

const bases: FakeBase[] = [];
afterEach(() => {
  for (const b of bases.splice(0)) b.cleanup();
});

async function context(
  flags: Record<string, unknown> = {},
  recorded: ProvisionNatsContext['recorded'] = {},
  provisioner = fakeProvisioner(),
) {
  const base = await fakeBase(flags);
  bases.push(base);
  return { ...base, provisioner, recorded } satisfies ProvisionNatsContext;
}

const binary = { path: '/opt/nats/nats-server', version: '2.10.24', source: 'download' as const };

describe('provision-nats inputs', () => {
  it('change with the NATS settings, not with the nats-server binary', async () => {
    const a = await context({ 'nats-port': 4222 });
    const same = { ...a, recorded: { prerequisites: { natsServer: binary } } };
    const port = { ...a, config: { ...a.config, nats: { ...a.config.nats, port: 4999 } } };
    expect(hashInputs(provisionNats.inputs(same))).toBe(hashInputs(provisionNats.inputs(a)));
    expect(hashInputs(provisionNats.inputs(port))).not.toBe(hashInputs(provisionNats.inputs(a)));
  });

  it('count a creds file by content, not by path', async () => {
    const a = await context();
    const one = join(a.stateDir, 'one.creds');
    const two = join(a.stateDir, 'two.creds');
    writeFileSync(one, 'creds A');
    writeFileSync(two, 'creds A');
    const withCreds = (path: string) => ({
      ...a,
      config: { ...a.config, nats: { ...a.config.nats, credsFile: path } },
    });
    const h1 = hashInputs(provisionNats.inputs(withCreds(one)));
    expect(hashInputs(provisionNats.inputs(withCreds(two)))).toBe(h1);
    writeFileSync(two, 'creds B');
    expect(hashInputs(provisionNats.inputs(withCreds(two)))).not.toBe(h1);
    expect(JSON.stringify(provisionNats.inputs(withCreds(two)))).not.toContain('creds B');
  });

  it('leave the state dir out for NATS that exists before natsgh', async () => {
    const own = await context();
    const moved = { ...own, stateDir: join(own.stateDir, 'elsewhere') };
    expect(hashInputs(provisionNats.inputs(moved))).not.toBe(hashInputs(provisionNats.inputs(own)));
    const byo = { ...own, provisioner: fakeProvisioner(true) };
    expect(hashInputs(provisionNats.inputs({ ...byo, stateDir: moved.stateDir }))).toBe(
      hashInputs(provisionNats.inputs(byo)),
    );
  });
});

describe('provision-nats run', () => {
  it('hands the provisioner the binary prerequisites recorded, and records typed outputs', async () => {
    const ctx = await context({}, { prerequisites: { natsServer: binary } });
    const task = fakeTask();
    const out = await provisionNats.run(ctx, task);
    expect(ctx.provisioner.seen.map(([what]) => what)).toEqual(['plan', 'apply']);
    for (const [, pctx] of ctx.provisioner.seen) expect(pctx.natsServer).toEqual(binary);
    expect(out).toEqual({ url: 'nats://127.0.0.1:4222', pid: '42', serverId: 'NID', version: '2.10.24' });
    expect(task.lines).toEqual(['start nats-server', 'NATS at nats://127.0.0.1:4222']);
  });

  it('without a recorded binary lets the provisioner resolve one', async () => {
    const ctx = await context({}, { prerequisites: {} });
    await provisionNats.run(ctx, fakeTask());
    expect(ctx.provisioner.seen.find(([w]) => w === 'apply')?.[1].natsServer).toBeUndefined();
  });

  it('publishes the deployment as provisioned, then updated, and each cluster node it restarted', async () => {
    const p = fakeProvisioner();
    p.result = {
      servers: ['nats://127.0.0.1:1', 'nats://127.0.0.1:2', 'nats://127.0.0.1:3'],
      outputs: {
        nodes: '3',
        cluster: 'natsgh-unit',
        metaLeader: 'natsgh-unit-n0',
        version: '2.10.24',
        'node0.pid': '10',
        'node1.pid': '11',
        'node2.pid': '12',
      },
    };
    const first = await context({}, {}, p);
    const recorded = await provisionNats.run(first, fakeTask());
    const events = first.published.map((e) => decodeEvent(e.payload));
    expect(events.map((e) => e.envelope.payload_type)).toEqual(['natsgh.v1.NatsDeploymentEvent']);
    expect(events[0].message).toMatchObject({
      change: 'DEPLOYMENT_CHANGE_PROVISIONED',
      urls: ['nats://127.0.0.1:1', 'nats://127.0.0.1:2', 'nats://127.0.0.1:3'],
      cluster_size: 3,
    });

    // The next run finds node 1 restarted (a new pid): one cluster event names it.
    const { provisionNatsOutputs } = await import('../../../src/phases/outputs.js');
    const previous = provisionNatsOutputs.decode(recorded!)!;
    p.result = { ...p.result, outputs: { ...p.result.outputs, 'node1.pid': '99' } };
    const again = await context({}, { 'provision-nats': previous }, p);
    await provisionNats.run(again, fakeTask());
    const next = again.published.map((e) => decodeEvent(e.payload));
    expect(next.map((e) => e.envelope.payload_type)).toEqual([
      'natsgh.v1.NatsDeploymentEvent',
      'natsgh.v1.ClusterEvent',
    ]);
    expect(next[0].message).toMatchObject({ change: 'DEPLOYMENT_CHANGE_UPDATED' });
    expect(next[1].message).toMatchObject({
      change: 'CLUSTER_CHANGE_NODE_RESTARTED',
      node: 'unit-n1',
      meta_leader: 'natsgh-unit-n0',
    });
  });

  it('publishes the Synadia account it uses, and a failing sink is only a warning', async () => {
    const p = fakeProvisioner(true);
    p.result = {
      servers: ['tls://connect.ngs.global'],
      outputs: {
        accountPublicKey: 'AACC',
        userPublicKey: 'UUU',
        credsFingerprint: 'sha256:ab',
        credsExpiresAt: '',
      },
    };
    const ctx = await context({}, {}, p);
    await provisionNats.run(ctx, fakeTask());
    const types = ctx.published.map((e) => decodeEvent(e.payload).envelope.payload_type);
    expect(types).toEqual(['natsgh.v1.NatsDeploymentEvent', 'natsgh.v1.SynadiaCloudConfig']);

    const broken = { ...ctx, events: { publish: async () => Promise.reject(new Error('disk full')) } };
    await expect(provisionNats.run(broken, fakeTask())).resolves.toBeDefined();
    expect(ctx.warnings.filter((w) => w.includes('disk full'))).toHaveLength(2);
  });

  it('fails clearly when the provisioner reports no URL', async () => {
    const p = fakeProvisioner();
    p.result = { servers: [], outputs: {} };
    const ctx = await context({}, {}, p);
    await expect(provisionNats.run(ctx, fakeTask())).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('provision-nats verify', () => {
  it("passes on the provisioner's reason", async () => {
    const ctx = await context();
    ctx.provisioner.health = { ok: false, reason: 'nats-server (pid 7) is not running' };
    expect(await provisionNats.verify(ctx)).toEqual({
      ok: false,
      reason: 'nats-server (pid 7) is not running',
    });
  });

  it('asks the provisioner once per run with validate, and again after provision-nats ran', async () => {
    const ctx = { ...(await context({ mode: 'docker' })), nats: undefined, recorded: {} };
    const [own, failures] = await Promise.all([provisionNats.verify(ctx), validationFailures(ctx)]);
    expect(own).toEqual({ ok: true });
    expect(failures).toContain('NATS healthy: not connected');
    const verifies = () => ctx.provisioner.seen.filter(([w]) => w === 'verify').length;
    expect(verifies()).toBe(1);
    await provisionNats.run(ctx, fakeTask());
    await provisionNats.verify(ctx);
    expect(verifies()).toBe(2);
    // Another run (its own memo) checks for itself.
    await provisionNats.verify({
      ...ctx,
      memo: new (await import('../../../src/phases/context.js')).RunMemo(),
    });
    expect(verifies()).toBe(3);
  });

  it('teardown stops through the provisioner, passing purge on', async () => {
    const ctx = await context();
    await provisionNats.teardown!(ctx, { purge: true });
    expect(ctx.provisioner.seen.map(([w]) => w)).toEqual(['teardown purge=true']);
  });
});

describe('the nats-server a local provisioner starts', () => {
  it('is the one prerequisites recorded, used as it is (not resolved or probed again)', async () => {
    const { defaultBinaryResolver } = await import('../../../src/provision/embedded.js');
    const { provisionContext } = await import('../../../src/provision/provisioner.js');
    const base = await context();
    // Not an executable at all: resolving or probing it again would fail.
    const recorded = {
      path: join(base.stateDir, 'recorded-nats-server'),
      version: '2.10.24',
      source: 'cache' as const,
    };
    expect(await defaultBinaryResolver({})(provisionContext(base, recorded))).toEqual(recorded);
    // Without a record it resolves one itself (here: the nats-server on PATH).
    expect((await defaultBinaryResolver({})(provisionContext(base))).source).toBe('path');
  });
});

describe('a resumed run', () => {
  it('starts the binary the earlier run recorded when prerequisites is skipped as done', async () => {
    const { newBootstrapContext } = await import('../../../src/phases/context.js');
    const { phaseOf } = await import('../../../src/phases/index.js');
    const { prerequisitesOutputs } = await import('../../../src/phases/outputs.js');
    const { newCheckpointStore, readJournal } = await import('../../../src/services/checkpoints.js');
    const { runPhases } = await import('../../../src/workflow/runner.js');
    const base = await context();
    const bin = join(base.stateDir, 'nats-server');
    writeFileSync(bin, '', { mode: 0o755 });
    let resolved = 0;
    // prerequisites with its own verify, resolving a binary once.
    const prerequisites = phaseOf('prerequisites', {
      inputs: () => 'same',
      run: async () => {
        resolved++;
        return prerequisitesOutputs.encode({
          natsServer: { path: bin, version: '2.10.24', source: 'cache' },
        });
      },
      verify: async () => ({ ok: true }),
    });
    const run = async () => {
      const p = fakeProvisioner();
      const ctx = newBootstrapContext({ ...base, provisioner: p, terraform: { enabled: false } as never });
      const result = await runPhases({
        phases: [prerequisites, phaseOf('provision-nats', provisionNats)],
        ctx,
        checkpoints: await readJournal(base.stateDir, base.deployment),
        store: newCheckpointStore(base.stateDir, base.deployment, true),
        selection: { from: 'provision-nats' },
        dryRun: false,
        render: 'silent',
      });
      expect(result.ok, JSON.stringify(result.phases)).toBe(true);
      return { p, result };
    };
    // The first run has no checkpoint before --from: prerequisites is left out, provision-nats resolves its own.
    const first = await run();
    expect(first.p.seen.find(([w]) => w === 'apply')?.[1].natsServer).toBeUndefined();

    // A run that records prerequisites, then one that resumes from provision-nats.
    const p = fakeProvisioner();
    const ctx = newBootstrapContext({ ...base, provisioner: p, terraform: { enabled: false } as never });
    await runPhases({
      phases: [prerequisites],
      ctx,
      checkpoints: new Map(),
      store: newCheckpointStore(base.stateDir, base.deployment, true),
      selection: {},
      dryRun: false,
      render: 'silent',
    });
    const resumed = await run();
    expect(resolved).toBe(1);
    expect(resumed.result.phases.map((r) => [r.id, r.status])).toEqual([
      ['prerequisites', 'skipped'],
      ['provision-nats', 'done'],
    ]);
    expect(resumed.p.seen.find(([w]) => w === 'apply')?.[1].natsServer).toEqual({
      path: bin,
      version: '2.10.24',
      source: 'cache',
    });
  });
});
