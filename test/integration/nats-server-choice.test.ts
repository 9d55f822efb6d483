// The tests run the nats-server chosen for them (support/nats-binary.ts): with
// NATSGH_TEST_NATS_SERVER set (CI's 2.10 pass), every server a test or a
// spawned natsgh starts is that binary, not the one first on the system's PATH.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { connectNats } from '../../src/nats/connect.js';
import { startNatsServer } from '../support/nats-server.js';

const version = (bin: string) =>
  /v?(\d+\.\d+\.\d+)/.exec(execFileSync(bin, ['--version'], { encoding: 'utf8' }))![1];

describe('the nats-server the tests run', () => {
  it('is NATSGH_TEST_NATS_SERVER when set, else the one on PATH', async () => {
    const chosen = process.env.NATSGH_TEST_NATS_SERVER;
    const want = version(chosen ?? 'nats-server');
    // What a natsgh process spawned by a test finds on PATH.
    expect(version('nats-server')).toBe(want);
    const server = await startNatsServer();
    try {
      const nc = await connectNats({ servers: [server.url] });
      expect(nc.info?.version).toBe(want);
      await nc.close();
    } finally {
      await server.stop();
    }
  });
});
