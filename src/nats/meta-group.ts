// The JetStream meta group as nats-server's monitoring port publishes it (`/jsz` meta_cluster),
// and when natsgh counts it as formed. Pure judgement over payloads; the caller reads them.
//
// What the payloads say (recorded from 2.9.10 and 2.10.27, test/fixtures/jsz/):
// - every server names the `leader` it follows (absent while electing) and `cluster_size`, the
//   peers the group knows of: 2 while the third server has never been heard from, not the
//   number of configured routes;
// - only the leader lists `replicas`: each other known peer with `current` and `active` (ns since
//   the leader last heard from it; a follower answers every heartbeat, one a second), `offline`
//   only when true. 2.10.27 still reports a peer killed 9 s earlier as `current: true`, so
//   `active` is what shows a peer has gone quiet;
// - `/raftz` exists only from 2.10.17, so none of this depends on it.
//
// nats-server 2.10.23 to 2.10.29 have a start race (test/support/meta-group.ts has the analysis)
// that leaves one server following the leader while none of its votes or acknowledgements leave
// it: the leader never counts it, for as long as that process lives. `outside` names such nodes.

/** One peer as the meta leader lists it. */
export interface MetaReplica {
  name: string;
  current?: boolean;
  offline?: boolean;
  /** Nanoseconds since the leader last heard from this peer. */
  active?: number;
  lag?: number;
  peer?: string;
}

/** `/jsz` meta_cluster. */
export interface MetaCluster {
  name?: string;
  leader?: string;
  /** The leader's peer id (on every server), not this server's own. */
  peer?: string;
  cluster_size?: number;
  replicas?: MetaReplica[];
  pending?: number;
}

/** The parts of a `/jsz` answer the judgement and its caller read. */
export interface JszMeta {
  server_name?: string;
  /** Bytes this server holds in memory storage (lost when its process stops). */
  memory?: number;
  meta_cluster?: MetaCluster;
}

/** A peer the leader has not heard from for longer than three heartbeats is not counted. */
export const QUIET_PEER_NS = 3_000_000_000;

export interface MetaGroupJudgement {
  /** Every node follows one leader, counts every node, and the leader hears from each of them. */
  formed: boolean;
  /** The leader: the node that says it leads (the first, should two say so). */
  leader?: string;
  /**
   * Nodes following the leader that the leader does not count (not listed, offline, not current
   * or quiet), while every other node is counted and those others are a quorum: the pattern of
   * the nats-server 2.10 send-queue start race. Empty when formed, and whenever anything else is
   * also wrong (no leader, a node not answering or following another leader).
   */
  outside: string[];
  /** What each node shows, in `names` order; `member` when it is a full member of the group. */
  nodes: Array<{ name: string; member: boolean; detail: string }>;
}

function uncountedReason(replica: MetaReplica | undefined): string | undefined {
  if (!replica) return 'does not list it as a peer';
  if (replica.offline) return 'lists it as offline';
  if (replica.current === false) return 'lists it as not current';
  if (replica.active !== undefined && replica.active > QUIET_PEER_NS) {
    return `has not heard from it for ${Math.round(replica.active / 1e9)} s`;
  }
  return undefined;
}

/**
 * Judges the meta group of the servers `names` from each one's `/jsz` meta_cluster (undefined
 * where a server did not answer), in the same order.
 */
export function judgeMetaGroup(metas: Array<MetaCluster | undefined>, names: string[]): MetaGroupJudgement {
  const size = names.length;
  const leader = names.find((n, i) => metas[i]?.leader === n);
  const leaderMeta = leader === undefined ? undefined : metas[names.indexOf(leader)];
  const replicas = new Map((leaderMeta?.replicas ?? []).map((r) => [r.name, r]));
  const uncounted: string[] = [];
  let othersCounted = leader !== undefined;
  const nodes = names.map((name, i) => {
    const m = metas[i];
    const sized = m?.cluster_size === size ? '' : `, counts ${m?.cluster_size ?? 0} of ${size} peers`;
    let detail: string;
    let counted = false;
    if (!m) {
      detail = 'does not answer /jsz';
      othersCounted = false;
    } else if (!m.leader) {
      detail = 'has no meta leader (electing)';
      othersCounted = false;
    } else if (m.leader !== leader) {
      detail = `follows ${m.leader}${leader ? `, not ${leader}` : ', which does not say it leads'}`;
      othersCounted = false;
    } else if (name === leader) {
      counted = true;
      detail = `is the meta leader${sized}`;
    } else {
      const why = uncountedReason(replicas.get(name));
      if (why) uncounted.push(name);
      counted = !why;
      detail = why ? `follows ${leader}, which ${why}${sized}` : `is a member under ${leader}${sized}`;
    }
    return { name, member: counted && sized === '', detail };
  });
  const formed = leader !== undefined && nodes.every((n) => n.member);
  const quorum = Math.floor(size / 2) + 1;
  const outside =
    !formed && othersCounted && uncounted.length > 0 && size - uncounted.length >= quorum ? uncounted : [];
  return { formed, leader, outside, nodes };
}

/** One line naming each node that is not a full member (those `outside` first), for errors and warnings. */
export function describeMetaGroup(judgement: MetaGroupJudgement): string {
  const first = (n: { name: string }) => (judgement.outside.includes(n.name) ? 0 : 1);
  const off = judgement.nodes.filter((n) => !n.member).sort((a, b) => first(a) - first(b));
  return (off.length > 0 ? off : judgement.nodes).map((n) => `${n.name} ${n.detail}`).join('; ');
}
