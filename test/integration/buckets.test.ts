import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKvBucket, ensureStream } from '../../src/nats/buckets.js';
import { connectNats, type NatsConnectionSpec } from '../../src/nats/connect.js';
import {
  decodeToken,
  encodeToken,
  githubEventSubject,
  parseGithubEventSubject,
} from '../../src/nats/names.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';

describe('buckets and streams', () => {
  let server: TestNatsServer;
  let nc: NatsConnection;
  let spec: NatsConnectionSpec;
  beforeAll(async () => {
    server = await startNatsServer();
    spec = { servers: [server.url] };
    nc = await connectNats(spec);
  });
  afterAll(async () => {
    await nc?.close();
    await server?.stop();
  });

  it('creates a bucket with its TTL and corrects a drifted TTL on an existing bucket', async () => {
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const jsm = await jetstreamManager(nc);
    const kv = await ensureKvBucket(nc, spec, { bucket: 'drift_test', ttlMs: 30_000 });
    await kv.put('a', 'b');
    expect((await jsm.streams.info('KV_drift_test')).config.max_age).toBe(30_000 * 1_000_000);
    await ensureKvBucket(nc, spec, { bucket: 'drift_test', ttlMs: 10_000 });
    expect((await jsm.streams.info('KV_drift_test')).config.max_age).toBe(10_000 * 1_000_000);
    expect((await kv.get('a'))?.string()).toBe('b');
  });

  it('creates a stream once and corrects drift', async () => {
    const first = await ensureStream(nc, spec, { name: 'S1', subjects: ['s1.>'], max_msgs: 10 });
    expect(first.config.max_msgs).toBe(10);
    const second = await ensureStream(nc, spec, { name: 'S1', subjects: ['s1.>'], max_msgs: 20 });
    expect(second.config.max_msgs).toBe(20);
  });
});

describe('subject tokens', () => {
  it('encodes any GitHub name reversibly into one token', () => {
    for (const name of ['.github', 'a.b.c', 'x=y', 'émoji✓', 'my-repo_1']) {
      const token = encodeToken(name);
      expect(token).toMatch(/^[A-Za-z0-9_=-]+$/);
      expect(decodeToken(token)).toBe(name);
    }
    const subject = githubEventSubject('My-Org', '.github', 'push');
    expect(subject).toBe('github.events.my-org.=2Egithub.push');
    expect(parseGithubEventSubject(subject)).toEqual({ owner: 'my-org', repo: '.github', event: 'push' });
  });
});
