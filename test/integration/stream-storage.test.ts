// A stream's max_bytes is reserved against the server's JetStream storage: on a
// server with little storage natsgh's streams must still be created (with a
// smaller ceiling), and when nothing fits the error says what to do.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import { NatsghError } from '../../src/errors.js';
import { githubEventsStreamConfig } from '../../src/events/publisher.js';
import { ensureStream } from '../../src/nats/buckets.js';
import { MIN_STREAM_BYTES } from '../../src/nats/stream-storage.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';

let server: TestNatsServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('streams on a server with little JetStream storage', () => {
  it('GITHUB_EVENTS (256 MiB ceiling) is created on a 100 MB server with the largest halving that fits, and a re-run keeps it', async () => {
    server = await startNatsServer({ maxFileStore: '100MB' });
    const nc = await connect({ servers: server.url });
    try {
      const spec = { servers: [server.url] };
      const config = githubEventsStreamConfig();
      const info = await ensureStream(nc, spec, config);
      expect(info.config.max_bytes).toBe(64 * 1024 * 1024);
      const again = await ensureStream(nc, spec, config);
      expect(again.config.max_bytes).toBe(64 * 1024 * 1024);
      const jsm = await jetstreamManager(nc);
      expect((await jsm.streams.info(config.name)).config.subjects).toEqual(config.subjects);
    } finally {
      await nc.close();
    }
  });

  it('when not even the minimum fits: jetstream_storage_full naming the stream and max_file_store', async () => {
    server = await startNatsServer({ maxFileStore: '8MB' });
    const nc = await connect({ servers: server.url });
    try {
      const err = (await ensureStream(nc, { servers: [server.url] }, githubEventsStreamConfig()).then(
        () => undefined,
        (e: unknown) => e,
      )) as NatsghError;
      expect(err).toBeInstanceOf(NatsghError);
      expect(err.code).toBe('jetstream_storage_full');
      expect(err.message).toContain('GITHUB_EVENTS');
      expect(err.suggestions.join(' ')).toContain('max_file_store');
      expect(MIN_STREAM_BYTES).toBeGreaterThan(8 * 1024 * 1024);
    } finally {
      await nc.close();
    }
  });
});
