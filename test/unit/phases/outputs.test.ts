// The one codec per phase between typed outputs and the flat map a checkpoint
// stores: what earlier versions stored still reads, garbage reads as absent.
import { describe, expect, it } from 'vitest';
import {
  generateFilesOutputs,
  handoffOutputs,
  prerequisitesOutputs,
  provisionNatsOutputs,
  recordedOutputs,
  terraformOutputs,
  validateOutputs,
} from '../../../src/phases/outputs.js';
import type { PhaseOutputs } from '../../../src/workflow/phase.js';

describe('prerequisites outputs', () => {
  it('round-trips the binary under the keys earlier versions stored', () => {
    const o = { natsServer: { path: '/opt/nats-server', version: '2.10.24', source: 'download' as const } };
    const flat = prerequisitesOutputs.encode(o);
    expect(flat).toEqual({
      natsServerBin: '/opt/nats-server',
      natsServerVersion: '2.10.24',
      natsServerSource: 'download',
    });
    expect(prerequisitesOutputs.decode(flat)).toEqual(o);
    expect(prerequisitesOutputs.encode({})).toEqual({});
    expect(prerequisitesOutputs.decode({})).toEqual({});
  });

  it('reads a binary without a known source or version as absent', () => {
    expect(prerequisitesOutputs.decode({ natsServerBin: '/x', natsServerVersion: '2.10.0' })).toBeUndefined();
    expect(
      prerequisitesOutputs.decode({
        natsServerBin: '/x',
        natsServerVersion: '2.10.0',
        natsServerSource: 'ftp',
      }),
    ).toBeUndefined();
    expect(prerequisitesOutputs.decode({ natsServerBin: '/x', natsServerSource: 'path' })).toBeUndefined();
    expect(prerequisitesOutputs.decode(undefined)).toBeUndefined();
    expect(prerequisitesOutputs.decode({ natsServerBin: 7 } as unknown as PhaseOutputs)).toBeUndefined();
    expect(prerequisitesOutputs.decode(['a'] as unknown as PhaseOutputs)).toBeUndefined();
  });
});

describe('provision-nats outputs', () => {
  // As the local-cluster provisioner wrote them, with the phase's url.
  const cluster: PhaseOutputs = {
    url: 'nats://127.0.0.1:4222,nats://127.0.0.1:4223',
    nodes: '2',
    cluster: 'natsgh-d',
    metaLeader: 'natsgh-d-n1',
    version: '2.10.24',
    'node0.serverId': 'NA',
    'node0.pid': '101',
    'node0.configFile': '/s/n0.conf',
    'node1.serverId': 'NB',
    'node1.pid': '102',
    'node1.configFile': '/s/n1.conf',
  };

  it('reads a cluster checkpoint into nodes, and writes it back unchanged', () => {
    const o = provisionNatsOutputs.decode(cluster)!;
    expect(o.urls).toEqual(['nats://127.0.0.1:4222', 'nats://127.0.0.1:4223']);
    expect(o.nodes).toEqual([
      { serverId: 'NA', pid: 101, configFile: '/s/n0.conf' },
      { serverId: 'NB', pid: 102, configFile: '/s/n1.conf' },
    ]);
    expect(o).toMatchObject({
      cluster: 'natsgh-d',
      metaLeader: 'natsgh-d-n1',
      version: '2.10.24',
      facts: {},
    });
    expect(provisionNatsOutputs.encode(o)).toEqual(cluster);
  });

  it("keeps a provisioner's own facts, and reads an external server's serverVersion as the version", () => {
    const external: PhaseOutputs = {
      url: 'tls://nats.example:4222',
      urls: 'tls://nats.example:4222',
      serverName: 'hub-1',
      serverVersion: '2.9.10',
      jetstreamDomain: '',
      auth: 'user',
      tls: 'true',
      managedBy: 'user',
    };
    const o = provisionNatsOutputs.decode(external)!;
    expect(o).toMatchObject({ serverName: 'hub-1', version: '2.9.10', nodes: [] });
    expect(o.jetstreamDomain).toBeUndefined();
    expect(o.facts).toEqual({
      urls: 'tls://nats.example:4222',
      auth: 'user',
      tls: 'true',
      managedBy: 'user',
    });
    expect(provisionNatsOutputs.decode(provisionNatsOutputs.encode(o))).toEqual(o);
  });

  it('reads the account of a Synadia deployment (no seed anywhere)', () => {
    const o = provisionNatsOutputs.decode({
      url: 'tls://connect.ngs.global',
      accountPublicKey: 'AABC',
      userPublicKey: 'UXYZ',
      credsFingerprint: 'sha256:f00',
      credsExpiresAt: '1900000000',
      managedBy: 'synadia',
    })!;
    expect(o.account).toEqual({
      accountPublicKey: 'AABC',
      userPublicKey: 'UXYZ',
      credsFingerprint: 'sha256:f00',
      credsExpiresAt: 1900000000,
    });
    expect(provisionNatsOutputs.decode({ url: 'nats://x', credsExpiresAt: '' })?.account).toBeUndefined();
  });

  it('reads garbage as absent, never as a crash', () => {
    expect(provisionNatsOutputs.decode({ nodes: '3' })).toBeUndefined();
    expect(provisionNatsOutputs.decode({ url: 'nats://x', nodes: 'three' })).toBeUndefined();
    expect(provisionNatsOutputs.decode({ url: 'nats://x', nodes: '-1' })).toBeUndefined();
    expect(provisionNatsOutputs.decode({ url: 'nats://x', nodes: '1e9' })).toBeUndefined();
    expect(provisionNatsOutputs.decode(null as unknown as PhaseOutputs)).toBeUndefined();
    // A pid that is not one is no pid: the node is there, its pid is not.
    expect(provisionNatsOutputs.decode({ url: 'nats://x', nodes: '1', 'node0.pid': 'abc' })?.nodes).toEqual([
      {},
    ]);
  });
});

describe('the other phases', () => {
  it('generate-files keeps its hand-edited list and counts', () => {
    const o = { dir: '/c', renderHash: 'h', written: 2, unchanged: 5, handEdited: ['a.yml', 'b/c.yml'] };
    const flat = generateFilesOutputs.encode(o);
    expect(flat).toEqual({
      dir: '/c',
      renderHash: 'h',
      written: '2',
      unchanged: '5',
      handEdited: 'a.yml\nb/c.yml',
    });
    expect(generateFilesOutputs.decode(flat)).toEqual(o);
    expect(generateFilesOutputs.decode({ ...flat, handEdited: '' })?.handEdited).toEqual([]);
    expect(generateFilesOutputs.decode({ ...flat, written: '2.5' })).toBeUndefined();
    expect(generateFilesOutputs.decode({ ...flat, dir: '' })).toBeUndefined();
  });

  it('handoff counts what it copied', () => {
    expect(handoffOutputs.decode(handoffOutputs.encode({ copied: 2 }))).toEqual({ copied: 2 });
    expect(handoffOutputs.decode({ copied: 'two' })).toBeUndefined();
    expect(handoffOutputs.decode({})).toBeUndefined();
  });

  it("terraform keeps the module's outputs under output.<name>", () => {
    const o = {
      workspace: 'default',
      serial: 3,
      lineage: 'l-1',
      resourceCount: 2,
      outputsDigest: 'd',
      outputs: { endpoint: 'https://x', 'name.with.dots': 'v' },
    };
    const flat = terraformOutputs.encode(o);
    expect(flat['output.name.with.dots']).toBe('v');
    expect(terraformOutputs.decode(flat)).toEqual(o);
    expect(terraformOutputs.decode({ ...flat, serial: '' })).toBeUndefined();
  });

  it('validate records nothing', () => {
    expect(validateOutputs.encode({})).toEqual({});
    expect(validateOutputs.decode({})).toEqual({});
  });
});

describe('recordedOutputs', () => {
  it('decodes what the raw outputs hold at each read', () => {
    const raw: Partial<Record<string, PhaseOutputs>> = {};
    const view = recordedOutputs(raw);
    expect(view['provision-nats']).toBeUndefined();
    raw['provision-nats'] = { url: 'nats://a,nats://b' };
    expect(view['provision-nats']?.urls).toEqual(['nats://a', 'nats://b']);
    raw.handoff = { copied: 'x' };
    expect(view.handoff).toBeUndefined();
  });
});
