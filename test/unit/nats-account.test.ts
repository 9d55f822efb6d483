// The pure parts of natsgh's fit to a managed account: the sizing table and its
// overrides, the subject list against a user's permissions, the plan against
// account limits (flat and tiered, as $JS.API.INFO reports them), and the
// mapping of NATS errors to errors a person can act on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { type AccountSnapshot, planAgainstAccount } from '../../src/nats/account-plan.js';
import { natsErrorFor } from '../../src/nats/nats-errors.js';
import {
  missingPermissions,
  natsghSubjects,
  subjectCovers,
  subjectsFor,
  subjectsIntersect,
} from '../../src/nats/permissions.js';
import { NATSGH_STREAM_IDS, parseSize, STREAM_SIZING, streamSizes } from '../../src/nats/sizing.js';

const MiB = 1024 * 1024;
const config = (nats: Record<string, unknown>) => ({ nats }) as never;

describe('sizing', () => {
  it('parses sizes the way nats-server writes them', () => {
    expect(parseSize('1048576')).toBe(MiB);
    expect(parseSize('64MiB')).toBe(64 * MiB);
    expect(parseSize('64M')).toBe(64 * MiB);
    expect(parseSize('1.5GB')).toBe(1536 * MiB);
    expect(parseSize('0')).toBeUndefined();
    expect(parseSize('lots')).toBeUndefined();
  });

  it('defaults fit a small account: 372 MiB in all, none above 256 MiB, none explicit', () => {
    const sizes = streamSizes();
    const total = NATSGH_STREAM_IDS.reduce((sum, id) => sum + sizes[id].maxBytes, 0);
    expect(total).toBe(372 * MiB);
    for (const id of NATSGH_STREAM_IDS) {
      expect(sizes[id].maxBytes).toBeLessThanOrEqual(256 * MiB);
      expect(sizes[id].explicit).toBe(false);
    }
  });

  it('--stream-max-bytes caps every stream; a per-stream key replaces it for that stream', () => {
    const sizes = streamSizes(
      config({ streamMaxBytes: '8MiB', streams: { githubEvents: { maxBytes: '100MiB' } } }),
    );
    expect(sizes.githubEvents).toMatchObject({ maxBytes: 100 * MiB, explicit: true });
    expect(sizes.natsghEvents).toMatchObject({ maxBytes: 8 * MiB, explicit: true });
    expect(sizes.locks).toMatchObject({ maxBytes: 4 * MiB, explicit: true });
    expect(() => streamSizes(config({ streamMaxBytes: 'big' }))).toThrow(/--stream-max-bytes/);
  });

  it('per stream in the config file, and the cap from the environment; a bad size names the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-sizes-'));
    const file = join(dir, '.natsghrc.yaml');
    writeFileSync(file, 'nats:\n  streams:\n    deliveries:\n      maxBytes: 2MiB\n');
    const { config: resolved } = await resolveConfig({
      cwd: dir,
      configFile: file,
      env: { NATSGH_STREAM_MAX_BYTES: '8MiB' },
    });
    const sizes = streamSizes(resolved);
    expect(sizes.deliveries.maxBytes).toBe(2 * MiB);
    expect(sizes.githubEvents.maxBytes).toBe(8 * MiB);
    writeFileSync(file, 'nats:\n  streams:\n    deliveries:\n      maxBytes: plenty\n');
    await expect(resolveConfig({ cwd: dir, configFile: file, env: {} })).rejects.toThrow(
      /nats\.streams\.deliveries\.maxBytes/,
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('permissions', () => {
  it('matches subjects with wildcards as the server does', () => {
    expect(subjectCovers('$JS.API.>', '$JS.API.STREAM.CREATE.X')).toBe(true);
    expect(subjectCovers('$JS.API.>', '$JS.API.>')).toBe(true);
    expect(subjectCovers('$JS.API.*', '$JS.API.>')).toBe(false);
    expect(subjectCovers('natsgh.*.>', 'natsgh.default.>')).toBe(true);
    expect(subjectCovers('natsgh.default', 'natsgh.default.>')).toBe(false);
    expect(subjectsIntersect('$JS.API.STREAM.DELETE.>', '$JS.API.>')).toBe(true);
    expect(subjectsIntersect('foo.*', 'bar.>')).toBe(false);
    expect(subjectsIntersect('a.*.c', 'a.b.*')).toBe(true);
  });

  it('an unrestricted user has every permission; a deny inside a needed wildcard is a missing permission', () => {
    const needs = natsghSubjects({ deployment: 'prod' });
    expect(missingPermissions({}, needs)).toEqual([]);
    const missing = missingPermissions({ pub: { deny: ['$JS.API.STREAM.DELETE.>'] } }, needs);
    expect(missing.map((m) => [m.permission, m.subject])).toEqual([['publish', '$JS.API.>']]);
    expect(missing[0].reason).toContain('$JS.API.STREAM.DELETE.>');
  });

  it('replies may come from allow-responses instead of a publish permission on _INBOX.>', () => {
    const needs = subjectsFor('controller', natsghSubjects({ deployment: 'prod' }));
    const pub = needs
      .filter((n) => n.permission === 'publish' && n.subject !== '_INBOX.>')
      .map((n) => n.subject);
    const sub = needs.filter((n) => n.permission === 'subscribe').map((n) => n.subject);
    expect(missingPermissions({ pub: { allow: pub }, sub: { allow: sub }, resp: { max: 1 } }, needs)).toEqual(
      [],
    );
    expect(
      missingPermissions({ pub: { allow: pub }, sub: { allow: sub } }, needs).map((m) => m.subject),
    ).toEqual(['_INBOX.>']);
  });

  it('uses the JetStream domain in the API subject', () => {
    expect(natsghSubjects({ deployment: 'x', jetstreamDomain: 'edge' })[0].subject).toBe('$JS.edge.API.>');
  });
});

function account(
  limits: Partial<AccountSnapshot['limits']>,
  streams: AccountSnapshot['streams'] = [],
): AccountSnapshot {
  return {
    limits: {
      max_memory: -1,
      max_storage: -1,
      max_streams: -1,
      max_consumers: -1,
      max_ack_pending: -1,
      memory_max_stream_bytes: -1,
      storage_max_stream_bytes: -1,
      max_bytes_required: false,
      ...limits,
    },
    usage: { storage: 0, memory: 0, streams: streams.length, consumers: 0 },
    streams,
  };
}

const needs = {
  streams: NATSGH_STREAM_IDS,
  sizes: streamSizes(),
  replicas: 1,
  durable: 'natsgh-controller-default',
};

describe('the plan against the account', () => {
  it('fits an unlimited account and a managed tier', () => {
    expect(planAgainstAccount(account({}), needs).fits).toBe(true);
    const tier = planAgainstAccount(
      account({
        max_storage: 2048 * MiB,
        storage_max_stream_bytes: 512 * MiB,
        max_streams: 25,
        max_bytes_required: true,
      }),
      needs,
    );
    expect(tier.fits).toBe(true);
    expect(tier.natsghBytes).toBe(372 * MiB);
  });

  it('a small disk: suggests the largest --stream-max-bytes that fits beside the other streams', () => {
    const plan = planAgainstAccount(
      account({ max_storage: 128 * MiB }, [
        { name: 'ORDERS', maxBytes: 28 * MiB, storage: 'file', replicas: 1, consumers: 0 },
      ]),
      needs,
    );
    expect(plan.fits).toBe(false);
    const flag = /--stream-max-bytes (\d+)MiB/.exec(plan.problems[0].suggestions[0]);
    const cap = Number(flag?.[1]) * MiB;
    const used = NATSGH_STREAM_IDS.reduce((sum, id) => sum + Math.min(STREAM_SIZING[id].maxBytes, cap), 0);
    expect(used).toBeLessThanOrEqual(100 * MiB);
    const capped = planAgainstAccount(
      account({ max_storage: 128 * MiB }, [
        { name: 'ORDERS', maxBytes: 28 * MiB, storage: 'file', replicas: 1, consumers: 0 },
      ]),
      { ...needs, sizes: streamSizes(config({ streamMaxBytes: `${flag?.[1]}MiB` })) },
    );
    expect(capped.fits).toBe(true);
  });

  it('a per-stream maximum names the stream and both flags; an existing ceiling is kept unless asked', () => {
    const plan = planAgainstAccount(account({ storage_max_stream_bytes: 100 * MiB }), needs);
    expect(plan.problems.map((p) => p.message)).toEqual([
      'GITHUB_EVENTS needs max_bytes 256 MiB and the account allows at most 100 MiB per stream',
    ]);
    expect(plan.problems[0].suggestions[0]).toContain('--github-events-max-bytes 100MiB');
    const existing = planAgainstAccount(
      account({ storage_max_stream_bytes: 100 * MiB }, [
        { name: 'GITHUB_EVENTS', maxBytes: 64 * MiB, storage: 'file', replicas: 1, consumers: 1 },
      ]),
      needs,
    );
    expect(existing.fits).toBe(true);
  });

  it('streams, consumers and ack pending', () => {
    const five = planAgainstAccount(
      account({ max_streams: 5 }, [{ name: 'X', maxBytes: -1, storage: 'file', replicas: 1, consumers: 0 }]),
      needs,
    );
    expect(five.problems[0].limit).toBe('streams (streams)');
    const consumers = planAgainstAccount(
      account({ max_consumers: 2 }, [
        { name: 'GITHUB_EVENTS', maxBytes: MiB, storage: 'file', replicas: 1, consumers: 2 },
      ]),
      needs,
    );
    expect(consumers.problems[0].limit).toBe('consumers (consumer)');
    expect(planAgainstAccount(account({ max_ack_pending: 200 }), needs).maxAckPending).toBe(200);
  });

  it('no disk storage is named as such; memory is never needed', () => {
    const plan = planAgainstAccount(account({ max_storage: 0, max_memory: 0 }), needs);
    expect(plan.problems.map((p) => p.limit)).toEqual(['disk storage (disk_storage)']);
  });
});

describe('NATS errors a person can act on', () => {
  it('a permissions violation names the subject and the natsgh pattern to grant', () => {
    const err = natsErrorFor(
      new Error('Permissions Violation for Publish to "$KV.natsgh_locks.prod.bootstrap"'),
      {
        deployment: 'prod',
      },
    );
    expect(err?.code).toBe('nats_permissions');
    expect(err?.message).toContain('publish to "$KV.natsgh_locks.prod.bootstrap"');
    expect(err?.suggestions[0]).toContain("--allow-pub '$KV.natsgh_locks.>'");
    const sub = natsErrorFor(
      new Error('Permissions Violation for Subscription to "natsgh.prod.controller.ping"'),
      {
        deployment: 'prod',
      },
    );
    expect(sub?.suggestions[0]).toContain("--allow-sub 'natsgh.prod.>'");
  });

  it('JetStream limit errors and an expired session; anything else is left alone', () => {
    const limit = Object.assign(new Error('account requires a stream config to have max bytes set'), {
      code: 10113,
    });
    expect(natsErrorFor(limit)?.code).toBe('nats_account_limits');
    expect(natsErrorFor(new Error('User Authentication Expired'))?.code).toBe('nats_auth_expired');
    expect(natsErrorFor(new Error('something else'))).toBeUndefined();
  });
});
