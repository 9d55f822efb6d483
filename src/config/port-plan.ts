// Every host port of a deployment, planned before anything starts: the client
// and monitoring port of each server natsgh runs here (node i: +i), the route
// ports of a local cluster (--cluster-port, default --nats-port + 100; node i:
// +i) and the controller's port. Two of them on one number would make a
// server fail on its own port; planPortConflicts says which flags collide.
import { UsageError } from '../errors.js';
import type { NatsghConfig } from './keys.js';

/** Route port of node 0 = nats.port + CLUSTER_PORT_OFFSET unless --cluster-port. */
export const CLUSTER_PORT_OFFSET = 100;

export interface PlannedPort {
  port: number;
  /** "client port of node 1 (default-n1)", "controller port". */
  what: string;
  /** How the number comes about: "--nats-port 31000 + 1". */
  from: string;
  /** The flag (and env var) that changes it. */
  flag: string;
  protocol: 'nats' | 'http' | 'route';
  /** The server natsgh runs on this port (its server_name), or "controller". */
  owner: string;
  /** Node index within the deployment (0 for a single server); undefined for the controller. */
  node?: number;
}

const FLAG = {
  port: '--nats-port (NATSGH_NATS_PORT)',
  monitor: '--monitor-port (NATSGH_MONITOR_PORT)',
  cluster: '--cluster-port (NATSGH_CLUSTER_PORT)',
  controller: '--controller-port (NATSGH_CONTROLLER_PORT)',
};

/** Name of the server natsgh runs for node i (as the provisioners name it). */
function serverNames(config: NatsghConfig): string[] {
  const d = config.deployment;
  if (config.natsType === 'self_hosted_cluster') {
    return Array.from({ length: config.nats.replicas }, (_, i) => `${d}-n${i}`);
  }
  if (config.natsType === 'hybrid') return [`natsgh-${d}-leaf`];
  return [`natsgh-${d}`];
}

/** The host ports natsgh will listen on for this configuration (none in kubernetes mode). */
export function planPorts(config: NatsghConfig): PlannedPort[] {
  const { mode, natsType } = config;
  if (mode === 'kubernetes') return [];
  const plan: PlannedPort[] = [];
  // dev/self_hosted and synadia use a NATS someone else runs.
  const runsNats =
    natsType !== 'synadia' &&
    (mode === 'docker' ||
      natsType === 'embedded' ||
      natsType === 'hybrid' ||
      natsType === 'self_hosted_cluster');
  if (runsNats) {
    const names = serverNames(config);
    const cluster = natsType === 'self_hosted_cluster';
    const clusterBase = config.nats.clusterPort ?? config.nats.port + CLUSTER_PORT_OFFSET;
    const clusterFrom =
      config.nats.clusterPort !== undefined
        ? `--cluster-port ${config.nats.clusterPort}`
        : `--nats-port ${config.nats.port} + ${CLUSTER_PORT_OFFSET}`;
    names.forEach((name, i) => {
      const plus = i > 0 ? ` + ${i}` : '';
      const node = names.length > 1 ? `node ${i} (${name})` : name;
      /** Node i's port of one kind: the base flag's value + i. */
      const nodePort = (
        base: number,
        kind: string,
        from: string,
        flag: (typeof FLAG)[keyof typeof FLAG],
        protocol: PlannedPort['protocol'],
      ) =>
        plan.push({
          port: base + i,
          what: `${kind} of ${node}`,
          from: `${from}${plus}`,
          flag,
          protocol,
          owner: name,
          node: i,
        });
      nodePort(config.nats.port, 'client port', `--nats-port ${config.nats.port}`, FLAG.port, 'nats');
      nodePort(
        config.nats.monitorPort,
        'monitoring port',
        `--monitor-port ${config.nats.monitorPort}`,
        FLAG.monitor,
        'http',
      );
      // Routes stay inside the compose network in docker mode.
      if (cluster && mode === 'dev') nodePort(clusterBase, 'route port', clusterFrom, FLAG.cluster, 'route');
    });
  }
  plan.push({
    port: config.controller.port,
    what: 'controller port',
    from: `--controller-port ${config.controller.port}`,
    flag: FLAG.controller,
    protocol: 'http',
    owner: 'controller',
  });
  return plan.filter((p) => p.port > 0);
}

/** Each pair of planned ports on one number, and each derived port past 65535, in words. */
export function planPortConflicts(plan: readonly PlannedPort[]): string[] {
  const out: string[] = [];
  for (const p of plan) {
    if (p.port > 65535) out.push(`the ${p.what} would be ${p.port} (${p.from}), past 65535`);
  }
  const seen = new Map<number, PlannedPort>();
  for (const p of plan) {
    const first = seen.get(p.port);
    if (first) {
      out.push(
        `port ${p.port} would be both the ${first.what} (${first.from}) and the ${p.what} (${p.from})`,
      );
    } else seen.set(p.port, p);
  }
  return out;
}

/** Refuses (exit 2) a configuration whose ports collide, before anything starts. */
export function assertPortPlan(config: NatsghConfig): void {
  const plan = planPorts(config);
  const conflicts = planPortConflicts(plan);
  if (conflicts.length === 0) return;
  const flags = [
    ...new Set(
      plan
        .filter((p) => conflicts.some((c) => c.includes(`(${p.from})`)))
        .flatMap((p) => [p.from.split(' ')[0], p.flag.split(' ')[0]]),
    ),
  ];
  const cluster = plan.some((p) => p.protocol === 'route');
  throw new UsageError(`the deployment's ports collide: ${conflicts.join('; ')}`, {
    code: 'port_conflict',
    details: { conflicts },
    suggestions: [
      `Choose ports that leave room for each node: change ${flags.join(' or ')}.`,
      ...(cluster
        ? [
            `Route ports are --nats-port + ${CLUSTER_PORT_OFFSET} + node index unless --cluster-port sets where they start.`,
          ]
        : []),
    ],
  });
}
