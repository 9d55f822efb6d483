// The JetStream meta group of a test cluster as its servers publish it (/jsz, /raftz), and
// the nats-server 2.10 start race that keeps one server out of it.
//
// The race (nats-server 2.10.23 to 2.10.29; natsgh's pods run 2.10.24, this machine 2.10.27):
// setSystemAccount starts the goroutine of the send queue that carries all RAFT traffic
// (`sq: s.newSendQ()` inside the `s.sys = &internal{...}` literal) before it stores the system
// account (`s.sysAcc.Store(acc)` after). When the goroutine wins, sendq.go's
// `c.registerWithAccount(s.SystemAccount())` gets nil, its client keeps no account, and
// processInboundClientMsg drops whatever it publishes. That server still receives the meta
// leader's append entries and applies them, but no vote, acknowledgement or proposal of its
// own ever leaves it: the leader never hears of it, and the meta group stays at two peers for
// as long as that process lives. Seen in about 1 start in 20 of three servers here, with or
// without CPU load, independent of the config. 2.9 (SystemAccount() reads s.sys under s.mu)
// and 2.11 (the account is handed to newSendQ) do not have it. Restarting the process heals it.
import { judgeMetaGroup, type MetaCluster } from '../../src/nats/meta-group.js';

const get = async <T>(monitor: number, path: string): Promise<T | undefined> => {
  const r = await fetch(`http://127.0.0.1:${monitor}${path}`).catch(() => undefined);
  return r?.ok ? ((await r.json()) as T) : undefined;
};

/** Each server's `/jsz` meta_cluster (undefined while a server does not answer). */
export async function metaJsz(monitors: number[]): Promise<Array<MetaCluster | undefined>> {
  return Promise.all(
    monitors.map(async (m) => (await get<{ meta_cluster?: MetaCluster }>(m, '/jsz'))?.meta_cluster),
  );
}

/**
 * The meta group has formed with all `names`, as natsgh's own local cluster judges it
 * (src/nats/meta-group.ts): every server follows the same leader and counts `names.length`
 * peers, and the leader (whose peer set the others copy) hears from each other server.
 */
export function metaGroupFormed(metas: Array<MetaCluster | undefined>, names: string[]): boolean {
  return judgeMetaGroup(metas, names).formed;
}

interface RaftzMeta {
  id: string;
  state: string;
  leader?: string;
  applied: number;
  peers: Record<string, unknown>;
}

/**
 * Indexes of the servers showing the send-queue race: a follower of the current leader that
 * has applied the leader's entries, while the leader's peer map has no entry for it at all. A
 * follower answers every append entry, heartbeats included (raft.go processAppendEntry), and
 * the leader records every answer (trackPeer), so a healthy follower is in that map within a
 * heartbeat; the caller should still see the state persist a few seconds before acting on it.
 * Needs /raftz (2.10.17+); on servers without it this finds nothing.
 */
export async function muteFollowers(monitors: number[]): Promise<number[]> {
  const metas = await Promise.all(
    monitors.map(
      async (m) => (await get<Record<string, Record<string, RaftzMeta>>>(m, '/raftz'))?.$SYS?._meta_,
    ),
  );
  const leader = metas.find((m) => m?.state === 'LEADER');
  if (!leader) return [];
  return metas.flatMap((m, i) =>
    m?.state === 'FOLLOWER' && m.leader === leader.id && m.applied > 0 && !(m.id in leader.peers) ? [i] : [],
  );
}
