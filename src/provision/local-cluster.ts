// `--mode dev --nats-type self_hosted_cluster`: N (odd, >= 3) local nats-server
// processes with routes and clustered JetStream. Node i (0-based) is
// `<deployment>-n<i>` with client port nats.port+i, monitor port
// nats.monitorPort+i and route port (--cluster-port or nats.port+CLUSTER_PORT_OFFSET)+i; its files
// live in <stateDir>/nats/<name>/. apply starts only the nodes that are missing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import { CLUSTER_PORT_OFFSET } from '../config/port-plan.js';
import type { VerifyResult } from '../contracts.js';
import { NatsghError, UsageError } from '../errors.js';
import { deploymentReplicas } from '../nats/buckets.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import { serverAuthFor } from '../nats/deployment-auth.js';
import {
  describeMetaGroup,
  type JszMeta,
  judgeMetaGroup,
  type MetaGroupJudgement,
} from '../nats/meta-group.js';
import { isAlive, readPidFile } from '../system/process.js';
import {
  authPlanStep,
  clientTlsFor,
  defaultBinaryResolver,
  type LocalProvisionerOptions,
  prepareServerAuth,
  prepareServerTls,
  serverTlsFor,
} from './embedded.js';
import {
  ensureServer,
  findRunningServer,
  isHealthy,
  type LocalServerSpec,
  pollUntil,
  readMonitor,
  removeStore,
  renderServerConfig,
  type StartedServer,
  serverFiles,
  stopServer,
} from './local-server.js';
import type { NodeStatus, PlanStep, ProvisionContext, Provisioner, ProvisionResult } from './provisioner.js';

/** Route port of node i = (--cluster-port, or nats.port + CLUSTER_PORT_OFFSET) + i (config/port-plan.ts). */
export { CLUSTER_PORT_OFFSET };

/** Replicas for natsgh's buckets and streams on a cluster of this size (R3 at most): deploymentReplicas. */
export function bucketReplicas(config: NatsghConfig): number {
  return deploymentReplicas(config);
}

export function validateReplicas(replicas: number): void {
  if (!Number.isInteger(replicas) || replicas < 3 || replicas % 2 === 0) {
    throw new UsageError(
      `a self_hosted_cluster needs an odd number of servers, at least 3; got ${replicas}`,
      {
        code: 'replicas_invalid',
        suggestions: ['Pass --replicas 3 (or 5, 7, ...), or set NATSGH_REPLICAS.'],
      },
    );
  }
}

interface RoutezBody {
  num_routes?: number;
  routes?: Array<{ remote_id?: string; remote_name?: string }>;
}
/**
 * How long a node may follow the meta leader without the leader counting it, while every other
 * node is counted, before natsgh restarts it, and how many such restarts one wait allows. A
 * healthy follower is counted within a heartbeat (one a second); the nats-server 2.10.23-2.10.29
 * start race (src/nats/meta-group.ts) keeps it uncounted for the life of its process.
 */
export const META_RESTART_AFTER_MS = 4_000;
export const MAX_META_RESTARTS = 2;

/** Distinct peers this node has routes to (2.10+ pools several routes per peer). */
async function routedPeers(monitorPort: number, deps: { fetch?: typeof fetch }): Promise<number | undefined> {
  const body = await readMonitor<RoutezBody>(monitorPort, '/routez', deps);
  if (!body) return undefined;
  const ids = new Set((body.routes ?? []).map((r) => r.remote_name || r.remote_id));
  return ids.size;
}

async function readJsz(
  all: LocalServerSpec[],
  deps: { fetch?: typeof fetch },
): Promise<Array<JszMeta | undefined>> {
  return Promise.all(all.map((s) => readMonitor<JszMeta>(s.monitorPort, '/jsz', deps)));
}

/**
 * Why restarting a node outside the meta group would lose something, or undefined when it is
 * safe. The other nodes are a counted quorum without it (judgeMetaGroup's `outside`), so R3
 * streams stay available while it restarts; its file store survives the restart, so an R1 stream
 * placed on it is only unavailable for those seconds; clients connected to it reconnect to the
 * others. What it holds in memory storage is gone with its process, and may be the only copy
 * (an R1 memory stream, or one whose other replicas have not caught up): then natsgh fails
 * and leaves the choice to the user.
 */
export function restartRefusal(jsz: JszMeta | undefined): string | undefined {
  if (!jsz) return 'it no longer answers /jsz';
  if ((jsz.memory ?? 0) > 0) {
    return `it holds ${jsz.memory} bytes of JetStream memory storage, which a restart would lose and which may be the only copy`;
  }
  return undefined;
}

export function createLocalClusterProvisioner(
  config: NatsghConfig,
  opts: LocalProvisionerOptions & { clusterTimeoutMs?: number; metaRestartAfterMs?: number } = {},
): Provisioner {
  validateReplicas(config.nats.replicas);
  const resolveBinary = defaultBinaryResolver(opts);

  function specs(ctx: ProvisionContext): LocalServerSpec[] {
    const c = ctx.config ?? config;
    const n = c.nats.replicas;
    const routeBase = c.nats.clusterPort ?? c.nats.port + CLUSTER_PORT_OFFSET;
    const routePorts = Array.from({ length: n }, (_, i) => routeBase + i);
    const tls = serverTlsFor(c, ctx, opts);
    const auth = serverAuthFor(c, ctx.stateDir, ctx.deployment);
    return routePorts.map((routePort, i) => {
      const name = `${ctx.deployment}-n${i}`;
      return {
        deployment: ctx.deployment,
        serverName: name,
        port: c.nats.port + i,
        monitorPort: c.nats.monitorPort + i,
        dir: join(ctx.stateDir, 'nats', name),
        jetstreamDomain: c.nats.jetstreamDomain,
        tls,
        auth: auth.client,
        cluster: { name: `natsgh-${ctx.deployment}`, port: routePort, routePorts, auth: auth.routes },
        portFlags: {
          port: `--nats-port (or NATSGH_NATS_PORT); node ${i} uses it + ${i}`,
          monitorPort: `--monitor-port (or NATSGH_MONITOR_PORT); node ${i} uses it + ${i}`,
          clusterPort: `--cluster-port (or NATSGH_CLUSTER_PORT; default --nats-port + ${CLUSTER_PORT_OFFSET}); node ${i} uses it + ${i}`,
        },
      };
    });
  }

  const url = (s: LocalServerSpec) => `${s.tls ? 'tls' : 'nats'}://127.0.0.1:${s.port}`;

  const formError = (ctx: ProvisionContext, message: string, notMembers: string[]) =>
    new NatsghError(message, {
      code: 'nats_cluster_form',
      details: { notMembers },
      suggestions: [
        `Read the logs in ${join(ctx.stateDir, 'nats')}/<node>/nats-server.log.`,
        'Re-run the bootstrap; it restarts only the nodes that are missing.',
      ],
    });

  /**
   * Waits until every node routes to all the others and the JetStream meta group counts every
   * node (judgeMetaGroup), and returns its leader. A node that follows the leader but stays
   * uncounted for metaRestartAfterMs while the others formed is restarted through `restart`, at
   * most MAX_META_RESTARTS times, each followed by a new wait; throws nats_cluster_form naming
   * each node that is not a member.
   */
  async function awaitFormed(
    ctx: ProvisionContext,
    all: LocalServerSpec[],
    restart: (index: number) => Promise<void>,
  ): Promise<string> {
    const timeoutMs = opts.clusterTimeoutMs ?? 30_000;
    const graceMs = opts.metaRestartAfterMs ?? META_RESTART_AFTER_MS;
    const names = all.map((s) => s.serverName);
    const restarted: string[] = [];
    for (;;) {
      let jsz: Array<JszMeta | undefined> = [];
      let judgement: MetaGroupJudgement | undefined;
      let stuck: string | undefined;
      /** Since when each node has been outside the group under one leader (`node@leader`). */
      const outsideSince = new Map<string, number>();
      const done = await pollUntil(
        async () => {
          for (const s of all) {
            if ((await routedPeers(s.monitorPort, opts)) !== all.length - 1) {
              judgement = undefined;
              return false;
            }
          }
          jsz = await readJsz(all, opts);
          const j = judgeMetaGroup(
            jsz.map((b) => b?.meta_cluster),
            names,
          );
          judgement = j;
          if (j.formed) return true;
          const now = Date.now();
          const keys = j.outside.map((n) => `${n}@${j.leader}`);
          for (const k of outsideSince.keys()) if (!keys.includes(k)) outsideSince.delete(k);
          for (const k of keys) if (!outsideSince.has(k)) outsideSince.set(k, now);
          if (restarted.length >= MAX_META_RESTARTS) return false;
          stuck = j.outside.find((n) => now - (outsideSince.get(`${n}@${j.leader}`) ?? now) >= graceMs);
          return stuck !== undefined;
        },
        { timeoutMs, signal: ctx.signal, intervalMs: 50 },
      );
      const found = judgement as MetaGroupJudgement | undefined;
      if (done && found?.formed && found.leader) return found.leader;
      if (done && stuck !== undefined && found) {
        const index = names.indexOf(stuck);
        const refusal = restartRefusal(jsz[index]);
        if (refusal) {
          throw formError(
            ctx,
            `the local NATS cluster did not form: ${stuck} is missing from the JetStream meta group (${describeMetaGroup(found)}); natsgh restarts such a node, but not this one: ${refusal}`,
            [stuck],
          );
        }
        restarted.push(stuck);
        ctx.log.warn(
          `nats-server ${stuck} follows meta leader ${found.leader} but the leader has not counted it for ${Math.round(graceMs / 1000)} s while the other nodes formed (the start race of nats-server 2.10.23-2.10.29, which lasts as long as the process); restarting it (${restarted.length} of at most ${MAX_META_RESTARTS})`,
        );
        await restart(index);
        continue;
      }
      const after = restarted.length > 0 ? ` (after restarting ${restarted.join(', ')})` : '';
      if (found) {
        // The nodes the others formed without, when that is what went wrong; else every non-member.
        const missing =
          found.outside.length > 0 ? found.outside : found.nodes.filter((n) => !n.member).map((n) => n.name);
        throw formError(
          ctx,
          `the local NATS cluster did not form within ${Math.round(timeoutMs / 1000)} s${after}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing from the JetStream meta group: ${describeMetaGroup(found)}`,
          missing,
        );
      }
      const status = await Promise.all(all.map((s) => nodeStatus(s, all.length)));
      throw formError(
        ctx,
        `the local NATS cluster did not form within ${Math.round(timeoutMs / 1000)} s${after}: ${status.map((n) => `${n.name} ${n.detail}`).join('; ')}`,
        status
          .filter((n) => n.detail !== `routes to ${all.length - 1}/${all.length - 1} peers`)
          .map((n) => n.name),
      );
    }
  }

  /**
   * True when every node runs and its config already carries the route
   * credentials the new config has: a node restarted alone then rejoins the
   * others. Otherwise (a node is missing, or the route credentials change) the
   * nodes are converged together.
   */
  async function rollingRestartKeepsQuorum(all: LocalServerSpec[]): Promise<boolean> {
    for (const s of all) {
      if (!(await findRunningServer(s, opts))) return false;
      const route = /"nats-route:\/\/[^"]*"/.exec(await renderServerConfig(s))?.[0];
      const current = await readFile(serverFiles(s.dir).configFile, 'utf8').catch(() => '');
      if (!route || !current.includes(route)) return false;
    }
    return true;
  }

  async function nodeStatus(s: LocalServerSpec, size: number): Promise<NodeStatus> {
    const pid = await readPidFile(serverFiles(s.dir).pidFile);
    const alive = pid !== undefined && isAlive(pid);
    const healthy = alive && (await isHealthy(s.monitorPort, opts));
    const peers = healthy ? await routedPeers(s.monitorPort, opts) : undefined;
    const detail = !alive
      ? 'not running'
      : !healthy
        ? 'not healthy'
        : `routes to ${peers ?? 0}/${size - 1} peers`;
    return { name: s.serverName, url: url(s), healthy, pid: alive ? pid : undefined, detail };
  }

  return {
    kind: 'dev/self_hosted_cluster',
    reachableAtStart: false,

    async plan(ctx): Promise<PlanStep[]> {
      const all = specs(ctx);
      const steps: PlanStep[] = all.map((s) => ({
        action: `run nats-server ${s.serverName} on ${url(s)} (monitoring :${s.monitorPort}, routes :${s.cluster!.port}, store ${serverFiles(s.dir).storeDir}), unless it already runs`,
      }));
      steps.push({
        action: `wait until every node routes to the other ${all.length - 1} and the JetStream meta group counts all ${all.length} nodes under one leader (cluster natsgh-${ctx.deployment}); restart a node the leader never counts (nats-server 2.10.23-2.10.29 start race), at most ${MAX_META_RESTARTS} times`,
      });
      steps.push({ action: `${authPlanStep(all[0].auth)}; nodes authenticate each other on the route port` });
      return steps;
    },

    async apply(ctx): Promise<ProvisionResult> {
      await prepareServerTls(ctx.config ?? config, ctx, opts);
      await prepareServerAuth(ctx);
      const all = specs(ctx);
      let binary: Promise<string> | undefined;
      const resolveOnce = () => {
        binary ??= resolveBinary(ctx).then((b) => {
          ctx.log.info(`using nats-server v${b.version} at ${b.path} (${b.source})`);
          return b.path;
        });
        return binary;
      };
      const ensure = (s: LocalServerSpec) =>
        ensureServer(s, {
          binary: resolveOnce,
          log: ctx.log,
          signal: ctx.signal,
          fetch: opts.fetch,
          healthTimeoutMs: opts.healthTimeoutMs ?? 30_000,
        });
      const servers: StartedServer[] = new Array(all.length);
      // Restarts a node outside the meta group: the process natsgh recorded for it (its
      // identity record, process-identity.ts), never one named over the network.
      const restart = async (i: number) => {
        if ((await stopServer(all[i], { ...opts, log: ctx.log })) !== 'stopped') {
          throw new NatsghError(
            `nats-server ${all[i].serverName} is outside the JetStream meta group, and natsgh could not stop it: it is not the process natsgh recorded in ${serverFiles(all[i].dir).recordFile}`,
            {
              code: 'nats_cluster_form',
              details: { notMembers: [all[i].serverName] },
              suggestions: [`Stop the process on port ${all[i].port} and re-run the bootstrap.`],
            },
          );
        }
        servers[i] = await ensure(all[i]);
      };
      if (await rollingRestartKeepsQuorum(all)) {
        // Every node runs with these route credentials (new client credentials, say):
        // one node at a time, each back in the cluster before the next, so JetStream
        // keeps its quorum and natsgh's streams stay available.
        for (const [i, s] of all.entries()) {
          servers[i] = await ensure(s);
          if (servers[i].started) await awaitFormed(ctx, all, restart);
        }
      } else {
        // A node alone cannot elect a JetStream meta leader, so a clustered node
        // reports healthy only once it has JetStream enabled; start all missing
        // nodes together and then wait for the cluster as a whole.
        (await Promise.all(all.map(ensure))).forEach((server, i) => {
          servers[i] = server;
        });
      }
      const leader = await awaitFormed(ctx, all, restart);
      const outputs: Record<string, string> = {
        url: all.map(url).join(','),
        nodes: String(all.length),
        cluster: `natsgh-${ctx.deployment}`,
        metaLeader: leader,
        version: servers[0].varz.version,
      };
      servers.forEach((srv, i) => {
        outputs[`node${i}.serverId`] = srv.varz.server_id;
        outputs[`node${i}.pid`] = String(srv.pid);
        outputs[`node${i}.configFile`] = srv.configFile;
      });
      const restarted = servers.filter((s) => s.started).length;
      ctx.log.info(
        restarted === 0
          ? `all ${all.length} nodes already run`
          : `started ${restarted} of ${all.length} nodes; meta leader ${leader}`,
      );
      return { servers: all.map(url), outputs };
    },

    async verify(ctx): Promise<VerifyResult> {
      const all = specs(ctx);
      const status = await Promise.all(all.map((s) => nodeStatus(s, all.length)));
      const bad = status.filter(
        (n) => !n.healthy || n.detail !== `routes to ${all.length - 1}/${all.length - 1} peers`,
      );
      if (bad.length > 0) return { ok: false, reason: bad.map((n) => `${n.name}: ${n.detail}`).join('; ') };
      // Routes alone do not make a cluster: a node the meta leader does not count (the
      // nats-server 2.10 start race) leaves R3 streams one failure from losing quorum.
      const judgement = judgeMetaGroup(
        (await readJsz(all, opts)).map((b) => b?.meta_cluster),
        all.map((s) => s.serverName),
      );
      if (!judgement.formed)
        return { ok: false, reason: `JetStream meta group: ${describeMetaGroup(judgement)}` };
      return { ok: true };
    },

    async teardown(ctx, { purge }): Promise<void> {
      const all = specs(ctx);
      await Promise.all(
        all.map(async (s) => {
          if ((await stopServer(s, { ...opts, log: ctx.log })) === 'stopped') {
            ctx.log.info(`stopped nats-server ${s.serverName}`);
          }
          if (purge) await removeStore(s);
        }),
      );
      if (purge) ctx.log.info('removed the JetStream stores of every node');
    },

    connection(ctx): NatsConnectionSpec {
      const all = specs(ctx);
      return {
        servers: all.map(url),
        ...all[0].auth,
        tls: clientTlsFor(all[0].tls),
        jetstreamDomain: all[0].jetstreamDomain,
      };
    },

    async nodes(ctx): Promise<NodeStatus[]> {
      const all = specs(ctx);
      return Promise.all(all.map((s) => nodeStatus(s, all.length)));
    },
  };
}
