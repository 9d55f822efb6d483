// judgeMetaGroup over /jsz answers recorded from real three-server clusters of nats-server
// 2.9.10 and 2.10.27 (test/fixtures/jsz/README.md says how each was made).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeMetaGroup, type JszMeta, judgeMetaGroup } from '../../src/nats/meta-group.js';
import { restartRefusal } from '../../src/provision/local-cluster.js';

interface Recorded {
  version: string;
  servers: string[];
  jsz: Array<JszMeta | null>;
}

const recorded = (name: string): Recorded =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/jsz', `${name}.json`), 'utf8'));
const judge = (r: Recorded) =>
  judgeMetaGroup(
    r.jsz.map((b) => b?.meta_cluster),
    r.servers,
  );

describe.each(['2.9', '2.10'])('the meta group of nats-server %s', (version) => {
  it('is formed when every server follows one leader that hears from the other two', () => {
    const r = recorded(`${version}-formed`);
    expect(r.version).toContain(`v${version}.`);
    const j = judge(r);
    expect(j).toMatchObject({ formed: true, outside: [] });
    expect(r.servers).toContain(j.leader);
    expect(j.nodes.every((n) => n.member)).toBe(true);
  });

  it('is not formed while a server has no leader, and names no node to restart', () => {
    const j = judge(recorded(`${version}-electing`));
    expect(j).toMatchObject({ formed: false, leader: undefined, outside: [] });
    expect(j.nodes[0].detail).toBe('has no meta leader (electing)');
    expect(describeMetaGroup(j)).toContain('t-n1 does not answer /jsz');
  });

  it('is not formed with two of three: both count 2 peers, the third does not answer', () => {
    const j = judge(recorded(`${version}-two-of-three`));
    expect(j).toMatchObject({ formed: false, leader: 't-n0', outside: [] });
    expect(j.nodes.map((n) => n.detail)).toEqual([
      'is the meta leader, counts 2 of 3 peers',
      'is a member under t-n0, counts 2 of 3 peers',
      'does not answer /jsz',
    ]);
  });

  it('is not formed once a server has been killed, although the leader still lists it', () => {
    const r = recorded(`${version}-node-down`);
    const j = judge(r);
    expect(j.formed).toBe(false);
    // A killed server is not the start race: nothing to restart, it is simply gone.
    expect(j.outside).toEqual([]);
    // Its own /jsz is gone; what the leader says of it differs between the versions (below).
    const leaderJsz = r.jsz[r.servers.indexOf(j.leader!)]!;
    const dead = leaderJsz.meta_cluster!.replicas!.find((p) => p.name === 't-n2')!;
    expect(dead.active).toBeGreaterThan(3e9);
    if (version === '2.9') expect(dead.current).toBe(false);
    // 2.10.27 still calls a peer killed 9 s ago current: only `active` shows it went quiet.
    else expect(dead.current).toBe(true);
  });
});

describe('judgeMetaGroup over the start race of nats-server 2.10.23-2.10.29', () => {
  it('names the server that follows the leader the leader never counted (recorded)', () => {
    // t-n0 follows t-n1 and has applied its entries; t-n1's group is t-n1 and t-n2 only.
    const r = recorded('2.10-stuck');
    expect(r.version).toContain('v2.10.27');
    const j = judge(r);
    expect(j).toMatchObject({ formed: false, leader: 't-n1', outside: ['t-n0'] });
    expect(j.nodes.map((n) => n.detail)).toEqual([
      'follows t-n1, which does not list it as a peer, counts 2 of 3 peers',
      'is the meta leader, counts 2 of 3 peers',
      'is a member under t-n1, counts 2 of 3 peers',
    ]);
    // Messages name the node outside first, whatever its place.
    const reversed = judgeMetaGroup(r.jsz.map((b) => b?.meta_cluster).reverse(), [...r.servers].reverse());
    expect(describeMetaGroup(reversed)).toMatch(
      /^t-n0 follows t-n1, which does not list it as a peer, counts 2 of 3 peers; t-n2 /,
    );
    // What the check natsgh made before (routes, and each node reports a meta leader) accepted.
    expect(r.jsz.every((b) => b?.meta_cluster?.leader)).toBe(true);
  });

  // The same state as a restarted node that hit the race would show, built from the recorded
  // formed group: the leader still lists it (its peer is known) but has not heard from it.
  const formed = recorded('2.10-formed');
  const names = formed.servers;
  const metas = () => formed.jsz.map((b) => structuredClone(b?.meta_cluster));

  it('names a follower the leader lists but has not heard from (a restarted node that hit the race)', () => {
    const m = metas();
    const leader = judge(formed).leader!;
    const li = names.indexOf(leader);
    const stuck = names.find((n) => n !== leader)!;
    m[li]!.replicas = m[li]!.replicas!.map((p) => (p.name === stuck ? { ...p, active: 12e9 } : p));
    const j = judgeMetaGroup(m, names);
    expect(j).toMatchObject({ formed: false, outside: [stuck] });
    expect(describeMetaGroup(j)).toBe(`${stuck} follows ${leader}, which has not heard from it for 12 s`);
  });

  it('names nobody when the uncounted follower is not the only thing wrong', () => {
    const stuck = recorded('2.10-stuck');
    const m = stuck.jsz.map((b) => b?.meta_cluster);
    m[2] = undefined;
    expect(judgeMetaGroup(m, stuck.servers).outside).toEqual([]);
    m[2] = { ...stuck.jsz[2]!.meta_cluster, leader: 't-n2' };
    expect(judgeMetaGroup(m, stuck.servers).outside).toEqual([]);
  });

  it('names nobody when the uncounted followers are a majority (the others are no quorum)', () => {
    const five = ['a', 'b', 'c', 'd', 'e'];
    const base = { leader: 'a', cluster_size: 5 };
    const j = judgeMetaGroup(
      five.map((n) =>
        n === 'a' ? { ...base, replicas: [{ name: 'b', current: true, active: 5e8 }] } : base,
      ),
      five,
    );
    expect(j.outside).toEqual([]);
    expect(j.nodes.filter((n) => !n.member).map((n) => n.name)).toEqual(['c', 'd', 'e']);
  });
});

describe('restartRefusal', () => {
  it('allows a restart of a node holding nothing in memory storage (every recorded server)', () => {
    for (const b of recorded('2.10-formed').jsz) expect(restartRefusal(b!)).toBeUndefined();
    for (const b of recorded('2.9-formed').jsz) expect(restartRefusal(b!)).toBeUndefined();
  });

  it('refuses when the node holds memory storage, which its process takes with it', () => {
    const b = { ...recorded('2.10-formed').jsz[0]!, memory: 2048 };
    expect(restartRefusal(b)).toMatch(/2048 bytes of JetStream memory storage.*only copy/);
    expect(restartRefusal(undefined)).toBe('it no longer answers /jsz');
  });
});
