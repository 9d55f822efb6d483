// Port ranges for a local self_hosted_cluster in tests: node i listens on
// port+i, routes on port+CLUSTER_PORT_OFFSET+i and monitors on monitor+i.
import { CLUSTER_PORT_OFFSET } from '../../src/provision/local-cluster.js';
import { isPortFree } from '../../src/provision/local-server.js';
import { freePort } from './nats-server.js';

/** A base port whose n neighbours and route ports are all free, and a monitor base likewise. */
export async function clusterPorts(n: number): Promise<{ port: number; monitor: number }> {
  const allFree = async (ports: number[]) =>
    (await Promise.all(ports.map((p) => isPortFree(p)))).every(Boolean);
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await freePort();
    const monitor = await freePort();
    if (port + CLUSTER_PORT_OFFSET + n > 65535 || monitor + n > 65535) continue;
    const ports = Array.from({ length: n }, (_, i) => [
      port + i,
      port + CLUSTER_PORT_OFFSET + i,
      monitor + i,
    ]).flat();
    if (new Set(ports).size === ports.length && (await allFree(ports))) return { port, monitor };
  }
  throw new Error('no free port range for a test cluster');
}
