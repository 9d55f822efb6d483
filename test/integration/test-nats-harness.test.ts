// The test harness's nats-server (test/support/nats-server.ts): a port found free
// can be taken by another process before nats-server binds it (CI saw
// "bind: address already in use" on a port freePort() had just handed out). The
// harness starts on new ports then, and never takes another server's monitoring
// port for its own.
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';

describe('startNatsServer', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  const hold = async (): Promise<number> => {
    const srv: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      srv.listen(0, '127.0.0.1', () => resolve((srv.address() as { port: number }).port)),
    );
    cleanups.push(() => new Promise((r) => srv.close(r)));
    return port;
  };
  /** Hands out `taken` first, then free ports. */
  const ports = (taken: number[]) => async () => taken.shift() ?? freePort();

  it('a client port taken after it was found free: starts on another one', async () => {
    const taken = await hold();
    const server = await startNatsServer({ jetstream: false, nextPort: ports([taken]) });
    cleanups.push(() => server.stop());
    expect(server.port).not.toBe(taken);
    const res = await fetch(`http://127.0.0.1:${server.monitorPort}/varz`);
    expect(((await res.json()) as { port: number }).port).toBe(server.port);
  });

  it("a monitoring port held by another nats-server is not taken for this one's", async () => {
    const other: TestNatsServer = await startNatsServer({ jetstream: false });
    cleanups.push(() => other.stop());
    const clientPort = await freePort();
    const server = await startNatsServer({
      jetstream: false,
      nextPort: ports([clientPort, other.monitorPort]),
    });
    cleanups.push(() => server.stop());
    expect(server.monitorPort).not.toBe(other.monitorPort);
    const varz = (await (await fetch(`http://127.0.0.1:${server.monitorPort}/varz`)).json()) as {
      port: number;
    };
    expect(varz.port).toBe(server.port);
  });

  it("a port the caller chose is the caller's: taken, it fails naming the cause", async () => {
    const taken = await hold();
    await expect(startNatsServer({ jetstream: false, port: taken })).rejects.toThrow(
      /address already in use/,
    );
  });
});
