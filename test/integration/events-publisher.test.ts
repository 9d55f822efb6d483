import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEvent, phaseEvent } from '../../src/events/builders.js';
import {
  createEventPublisher,
  ensureEventsStream,
  ensureGithubEventsStream,
  eventQueuePath,
} from '../../src/events/publisher.js';
import { connectNats, type NatsConnectionSpec } from '../../src/nats/connect.js';
import { STREAM_NATSGH_EVENTS } from '../../src/nats/names.js';
import { ROOT } from '../support/cli.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';

async function readAll(nc: NatsConnection, subject: string): Promise<JsMsg[]> {
  const { jetstream, jetstreamManager } = await import('@nats-io/jetstream');
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(STREAM_NATSGH_EVENTS, { subjects_filter: subject } as never);
  const js = jetstream(nc);
  const c = await js.consumers.get(STREAM_NATSGH_EVENTS, { filter_subjects: subject });
  const out: JsMsg[] = [];
  const total = Object.values(info.state.subjects ?? {}).reduce((a, b) => a + (b as number), 0);
  while (out.length < total) {
    const m = await c.next({ expires: 2000 });
    if (!m) break;
    out.push(m);
  }
  return out;
}

describe('event publisher', () => {
  let server: TestNatsServer;
  let nc: NatsConnection;
  let spec: NatsConnectionSpec;
  const dirs: string[] = [];
  const stateDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'natsgh-events-'));
    dirs.push(d);
    return d;
  };

  beforeAll(async () => {
    server = await startNatsServer();
    spec = { servers: [server.url] };
    nc = await connectNats(spec);
  });
  afterAll(async () => {
    await nc?.close();
    await server?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('stores the same event published twice once, with schema headers', async () => {
    const p = createEventPublisher({ stateDir: stateDir(), deployment: 'twice', source: 'test/1' });
    await p.attach(nc, spec);
    const ev = phaseEvent({ deployment: 'twice', runId: 'r1', phaseId: 'validate', transition: 'done' });
    await p.publish(ev);
    await p.publish(
      phaseEvent({
        deployment: 'twice',
        runId: 'r1',
        phaseId: 'validate',
        transition: 'done',
        durationMs: 5,
      }),
    );
    await p.close();
    const msgs = await readAll(nc, 'natsgh.events.twice.>');
    expect(msgs).toHaveLength(1);
    expect(msgs[0].subject).toBe('natsgh.events.twice.phase');
    expect(msgs[0].headers?.get('Nats-Msg-Id')).toBe('r1.validate.done');
    expect(msgs[0].headers?.get('Natsgh-Schema-Version')).toBe('1');
    expect(msgs[0].headers?.get('Content-Type')).toBe('application/x-protobuf; proto=natsgh.v1.Envelope');
    const decoded = decodeEvent(msgs[0].data);
    expect(decoded.envelope.source).toBe('test/1');
    expect(decoded.envelope.deployment).toBe('twice');
    expect(decoded.message?.transition).toBe('PHASE_TRANSITION_DONE');
  });

  it('queues events before NATS is up and flushes them once each, in order', async () => {
    const dir = stateDir();
    const p = createEventPublisher({ stateDir: dir, deployment: 'early', source: 'test' });
    const phases = ['prerequisites', 'provision-nats', 'handoff'];
    for (const phaseId of phases) {
      await p.publish(phaseEvent({ deployment: 'early', runId: 'r2', phaseId, transition: 'started' }));
      await p.publish(phaseEvent({ deployment: 'early', runId: 'r2', phaseId, transition: 'done' }));
    }
    expect(p.attached).toBe(false);
    expect(readFileSync(eventQueuePath(dir, 'early'), 'utf8').trim().split('\n')).toHaveLength(6);
    expect(await p.attach(nc, spec)).toEqual({ flushed: 6 });
    expect(p.attached).toBe(true);
    await p.publish(
      phaseEvent({ deployment: 'early', runId: 'r2', phaseId: 'validate', transition: 'started' }),
    );
    await p.close();
    const ids = (await readAll(nc, 'natsgh.events.early.>')).map((m) => decodeEvent(m.data).envelope.id);
    expect(ids).toEqual([
      'r2.prerequisites.started',
      'r2.prerequisites.done',
      'r2.provision-nats.started',
      'r2.provision-nats.done',
      'r2.handoff.started',
      'r2.handoff.done',
      'r2.validate.started',
    ]);
  });

  it('re-flushes after a crash mid-flush without storing anything twice, and survives a torn line', async () => {
    const dir = stateDir();
    const first = createEventPublisher({ stateDir: dir, deployment: 'crash', source: 'test' });
    for (const t of ['started', 'done'] as const) {
      await first.publish(
        phaseEvent({ deployment: 'crash', runId: 'r3', phaseId: 'handoff', transition: t }),
      );
    }
    // Simulate a crash after part of the flush: the first event is already in the stream, the queue is not cleared.
    const { jetstream } = await import('@nats-io/jetstream');
    await ensureEventsStream(nc, spec);
    const queued = readFileSync(eventQueuePath(dir, 'crash'), 'utf8').trim().split('\n');
    const firstEvent = JSON.parse(queued[0]);
    await jetstream(nc).publish('natsgh.events.crash.phase', Buffer.from(firstEvent.payload, 'base64'), {
      msgID: firstEvent.id,
    });
    // ...and a kill -9 in the middle of an append left half a line behind.
    writeFileSync(eventQueuePath(dir, 'crash'), `${queued.join('\n')}\n{"id":"r3.torn`);

    const second = createEventPublisher({ stateDir: dir, deployment: 'crash', source: 'test' });
    await second.publish(
      phaseEvent({ deployment: 'crash', runId: 'r4', phaseId: 'handoff', transition: 'started' }),
    );
    expect((await second.attach(nc, spec)).flushed).toBe(3);
    await second.close();
    const ids = (await readAll(nc, 'natsgh.events.crash.>')).map((m) => decodeEvent(m.data).envelope.id);
    expect(ids).toEqual(['r3.handoff.started', 'r3.handoff.done', 'r4.handoff.started']);
    expect(() => readFileSync(eventQueuePath(dir, 'crash'))).toThrow();
  });

  it('keeps events queued by a process killed with SIGKILL between phases', async () => {
    const dir = stateDir();
    // A separate process (the compiled CLI modules) queues two events and is killed by kill -9.
    const script = `
      const { createEventPublisher } = await import(${JSON.stringify(`${ROOT}/dist/events/publisher.js`)});
      const { phaseEvent } = await import(${JSON.stringify(`${ROOT}/dist/events/builders.js`)});
      const p = createEventPublisher({ stateDir: ${JSON.stringify(dir)}, deployment: 'killed', source: 'child' });
      await p.publish(phaseEvent({ deployment: 'killed', runId: 'r5', phaseId: 'prerequisites', transition: 'done' }));
      await p.publish(phaseEvent({ deployment: 'killed', runId: 'r5', phaseId: 'provision-nats', transition: 'started' }));
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 20_000 });
    expect(child.signal).toBe('SIGKILL');
    const p = createEventPublisher({ stateDir: dir, deployment: 'killed', source: 'test' });
    expect(await p.attach(nc, spec)).toEqual({ flushed: 2 });
    await p.close();
    const got = (await readAll(nc, 'natsgh.events.killed.>')).map((m) => decodeEvent(m.data).envelope);
    expect(got.map((e) => e.id)).toEqual(['r5.prerequisites.done', 'r5.provision-nats.started']);
    expect(got[0].source).toBe('child');
  });

  it('ensures both streams and corrects drift', async () => {
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const jsm = await jetstreamManager(nc);
    const gh = await ensureGithubEventsStream(nc, spec);
    expect(gh.config.subjects).toEqual(['github.events.>']);
    expect(gh.config.duplicate_window).toBeLessThanOrEqual(gh.config.max_age);
    await jsm.streams.update(STREAM_NATSGH_EVENTS, {
      ...(await jsm.streams.info(STREAM_NATSGH_EVENTS)).config,
      max_age: 60 * 1_000_000_000,
      duplicate_window: 60 * 1_000_000_000,
    });
    const fixed = await ensureEventsStream(nc, spec);
    expect(fixed.config.max_age).toBe(30 * 24 * 3600 * 1_000_000_000);
    expect(fixed.config.duplicate_window).toBe(24 * 3600 * 1_000_000_000);
  });
});
