// Port planning before anything starts, and naming who holds a busy port.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { assertPortPlan, planPortConflicts, planPorts } from '../../src/config/port-plan.js';
import { UsageError } from '../../src/errors.js';
import { assertPortsFree } from '../../src/provision/local-server.js';
import { findPortHolder, listeningInodes, parseLsof, parseSs } from '../../src/system/port-holder.js';

const config = async (flags: Record<string, unknown>) =>
  (await resolveConfig({ noFile: true, noRecorded: true, env: {}, flags })).config;

describe('port planning', () => {
  it('plans every port of every node of a local cluster: client +i, monitor +i, routes from --nats-port + 100', async () => {
    const plan = planPorts(
      await config({ 'nats-type': 'self_hosted_cluster', 'nats-port': 31000, 'monitor-port': 32000 }),
    );
    expect(plan.map((p) => p.port).sort()).toEqual(
      [31000, 31001, 31002, 32000, 32001, 32002, 31100, 31101, 31102, 8080].sort(),
    );
    expect(plan.find((p) => p.port === 31101)).toMatchObject({
      what: 'route port of node 1 (default-n1)',
      from: '--nats-port 31000 + 100 + 1',
    });
  });

  it('refuses a derived port on another port of the deployment with exit 2, naming the flags', async () => {
    const c = await config({ 'nats-type': 'self_hosted_cluster', 'nats-port': 31000, 'monitor-port': 31100 });
    let err: unknown;
    try {
      assertPortPlan(c);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    const u = err as UsageError;
    expect(u.exit).toBe(2);
    expect(u.code).toBe('port_conflict');
    expect(u.message).toContain(
      'port 31100 would be both the monitoring port of node 0 (default-n0) (--monitor-port 31100) and the route port of node 0 (default-n0) (--nats-port 31000 + 100)',
    );
    expect(u.suggestions[0]).toContain('--nats-port');
    expect(u.suggestions[0]).toContain('--monitor-port');
    expect(u.suggestions.join(' ')).toContain('--cluster-port');
  });

  it('--cluster-port moves the route ports out of the way', async () => {
    const c = await config({
      'nats-type': 'self_hosted_cluster',
      'nats-port': 31000,
      'monitor-port': 31100,
      'cluster-port': 33000,
    });
    expect(() => assertPortPlan(c)).not.toThrow();
    expect(
      planPorts(c)
        .filter((p) => p.protocol === 'route')
        .map((p) => p.port),
    ).toEqual([33000, 33001, 33002]);
  });

  it('a single server and the controller collide too; a node past 65535 is refused', async () => {
    const same = await config({ 'nats-port': 9000, 'controller-port': 9000 });
    expect(planPortConflicts(planPorts(same))).toEqual([
      'port 9000 would be both the client port of natsgh-default (--nats-port 9000) and the controller port (--controller-port 9000)',
    ]);
    const high = await config({ 'nats-type': 'self_hosted_cluster', 'nats-port': 65500 });
    expect(planPortConflicts(planPorts(high))[0]).toContain('past 65535');
    // Synadia and kubernetes run no server on this machine.
    expect(planPorts(await config({ 'nats-type': 'synadia' })).map((p) => p.owner)).toEqual(['controller']);
    expect(planPorts(await config({ mode: 'kubernetes', 'nats-type': 'self_hosted' }))).toEqual([]);
  });
});

describe('who holds a port', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  const listen = () =>
    new Promise<number>((resolve) => {
      server = createServer();
      server.listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
    });

  it.runIf(process.platform === 'linux')(
    'finds this process as the holder of its own listening port',
    async () => {
      const port = await listen();
      expect(await findPortHolder(port)).toEqual({
        pid: process.pid,
        command: expect.stringMatching(/node/),
      });
    },
  );

  it.runIf(process.platform === 'linux')('a port-in-use failure names the holder and the flag', async () => {
    const port = await listen();
    const err = await assertPortsFree({
      deployment: 'd',
      serverName: 'natsgh-d',
      port,
      monitorPort: 1,
      dir: '/nonexistent',
      portFlags: { port: '--nats-port (or NATSGH_NATS_PORT)', monitorPort: '--monitor-port' },
    }).then(
      () => undefined,
      (e) => e,
    );
    expect(err.code).toBe('port_in_use');
    expect(err.message).toContain(`is already in use by pid ${process.pid} (node`);
    expect(err.suggestions[0]).toBe('Choose another port with --nats-port (or NATSGH_NATS_PORT).');
    expect(err.details.holder.pid).toBe(process.pid);
  });

  it('parses the tables and tools it reads', () => {
    const table = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0',
      '   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 4343 1 0',
    ].join('\n');
    expect(listeningInodes(table, 8080)).toEqual(['4242']);
    expect(listeningInodes(table, 8081)).toEqual([]);
    const ss = 'LISTEN 0 511 127.0.0.1:8080 0.0.0.0:* users:(("nats-server",pid=123,fd=5))';
    expect(parseSs(ss, 8080)).toEqual({ pid: 123, command: 'nats-server' });
    expect(parseSs(ss, 80)).toBeUndefined();
    expect(parseLsof('p321\ncnats-server\nf5\n')).toEqual({ pid: 321, command: 'nats-server' });
  });
});
