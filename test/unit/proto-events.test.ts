import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import {
  clusterEvent,
  controllerHeartbeat,
  decodeEvent,
  deploymentEvent,
  EVENT_TYPES,
  filesGeneratedEvent,
  phaseEvent,
  SCHEMA_VERSION,
  stampEnvelope,
  synadiaCloudConfigEvent,
  terraformStateEvent,
} from '../../src/events/builders.js';
import { natsgh } from '../../src/proto/gen/natsgh.js';

const v1 = natsgh.v1;
const NOW = 1_700_000_000_123;

describe('event builders and decodeEvent', () => {
  const events = [
    phaseEvent(
      {
        deployment: 'prod',
        runId: 'run-1',
        phaseId: 'provision-nats',
        transition: 'failed',
        durationMs: 1234,
        reason: 'boom',
      },
      { nowMs: NOW },
    ),
    deploymentEvent({
      deployment: 'prod',
      runId: 'run-1',
      change: 'provisioned',
      natsType: 'self_hosted_cluster',
      mode: 'kubernetes',
      urls: ['nats://admin:s3cret@nats-0:4222', 'tls://nats-1:4222'],
      jetstreamDomain: 'hub',
      servers: [
        { name: 'nats-0', version: '2.10.22', jetstream: true },
        { name: 'nats-1', version: '2.10.22', jetstream: true },
        { name: 'nats-2', version: '2.10.22', jetstream: true },
      ],
      tls: true,
    }),
    clusterEvent({
      deployment: 'prod',
      runId: 'run-1',
      change: 'scaled',
      sizeBefore: 3,
      sizeAfter: 5,
      metaLeader: 'nats-0',
      clusterName: 'c1',
    }),
    terraformStateEvent({
      deployment: 'prod',
      runId: 'run-1',
      serial: 9_007_199_254,
      lineage: 'b7e1',
      resourceCount: 12,
      outputsDigest: 'ab'.repeat(32),
      action: 'apply',
      backend: 's3',
      terraformVersion: '1.9.0',
    }),
    filesGeneratedEvent({
      deployment: 'prod',
      runId: 'run-1',
      repo: 'octo/.github',
      commit: 'c0ffee',
      files: [{ path: '.github/workflows/natsgh.yml', blobSha: 'deadbeef' }],
      renderHash: 'r1',
      target: 'github',
      changed: true,
    }),
    controllerHeartbeat({
      deployment: 'prod',
      instanceId: 'i-1',
      host: 'h',
      pid: 42,
      version: '0.1.0',
      startedUnixMs: NOW,
      beat: 7,
      eventsProcessed: 100,
      commitsMade: 3,
      pending: 1,
      lastError: 'x',
      intervalMs: 10_000,
    }),
    synadiaCloudConfigEvent({
      deployment: 'prod',
      runId: 'run-1',
      url: 'tls://connect.ngs.global',
      accountPublicKey: 'ACCOUNT',
      userPublicKey: 'USER',
      credsFingerprint: '0123456789abcdef',
      expiresUnixS: 1_800_000_000,
    }),
  ];

  it('covers every event message of the schema', () => {
    expect(new Set(events.map((e) => e.payloadType))).toEqual(new Set(Object.keys(EVENT_TYPES)));
  });

  it('round-trips every message through the envelope', () => {
    for (const e of events) {
      const d = decodeEvent(e.payload);
      expect(d.typeName).toBe(e.payloadType);
      expect(d.envelope).toMatchObject({ schema_version: SCHEMA_VERSION, id: e.id, deployment: 'prod' });
      expect(e.type).toBe(EVENT_TYPES[e.payloadType as keyof typeof EVENT_TYPES]);
      // Re-encoding the plain object gives the same bytes: nothing was lost.
      const codec = (v1 as any)[e.payloadType.split('.').pop()!];
      const env = v1.Envelope.decode(e.payload);
      expect(codec.encode(codec.fromObject(d.message)).finish()).toEqual(env.payload);
    }
    const phase = decodeEvent(events[0].payload);
    expect(phase.envelope.time_unix_ms).toBe(NOW);
    expect(phase.message).toEqual({
      deployment: 'prod',
      run_id: 'run-1',
      phase_id: 'provision-nats',
      transition: 'PHASE_TRANSITION_FAILED',
      duration_ms: 1234,
      reason: 'boom',
    });
    expect(decodeEvent(events[3].payload).message?.serial).toBe(9_007_199_254);
  });

  it('derives ids only from what the event describes', () => {
    expect(events[0].id).toBe('run-1.provision-nats.failed');
    const again = phaseEvent(
      { deployment: 'prod', runId: 'run-1', phaseId: 'provision-nats', transition: 'failed', durationMs: 9 },
      { nowMs: NOW + 5 },
    );
    expect(again.id).toBe(events[0].id);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('never publishes credentials that sit in a URL', () => {
    const m = decodeEvent(events[1].payload).message!;
    expect(m.urls).toEqual(['nats://nats-0:4222', 'tls://nats-1:4222']);
    expect(Buffer.from(events[1].payload).toString('latin1')).not.toContain('s3cret');
  });

  it('fills source and deployment of an envelope when empty, and only then', () => {
    const stamped = decodeEvent(
      stampEnvelope(events[0].payload, { source: 'natsgh-cli/1', deployment: 'x' }),
    );
    expect(stamped.envelope).toMatchObject({ source: 'natsgh-cli/1', deployment: 'prod' });
  });
});

describe('schema evolution: a message written by a newer schema', () => {
  const protoDir = resolve(import.meta.dirname, '../../proto/natsgh/v1');
  const newer = new protobuf.Root();
  newer.loadSync(
    readdirSync(protoDir)
      .filter((f) => f.endsWith('.proto'))
      .map((f) => join(protoDir, f)),
    { keepCase: true },
  );
  // The "newer" natsgh adds a scalar, a repeated message and a map to PhaseEvent and a field to Envelope.
  const PhaseEventNext = newer.lookupType('natsgh.v1.PhaseEvent');
  PhaseEventNext.add(new protobuf.Field('attempt', 40, 'uint32'));
  PhaseEventNext.add(new protobuf.Field('hosts', 41, 'NatsServer', 'repeated'));
  PhaseEventNext.add(new protobuf.MapField('labels', 42, 'string', 'string'));
  const EnvelopeNext = newer.lookupType('natsgh.v1.Envelope');
  EnvelopeNext.add(new protobuf.Field('trace_id', 30, 'string'));
  newer.resolveAll();

  const future = {
    deployment: 'prod',
    run_id: 'r',
    phase_id: 'validate',
    transition: 2,
    duration_ms: 5,
    attempt: 3,
    hosts: [{ name: 'n1', version: '2.12.0', jetstream: true }],
    labels: { team: 'platform' },
  };
  const futureBytes = PhaseEventNext.encode(PhaseEventNext.fromObject(future)).finish();

  it('decodes without failing and keeps the unknown fields, which survive re-encoding', () => {
    const decoded = v1.PhaseEvent.decode(futureBytes);
    expect(decoded.phase_id).toBe('validate');
    expect(decoded.transition).toBe(v1.PhaseTransition.PHASE_TRANSITION_DONE);
    expect(decoded.$unknowns?.length).toBeGreaterThanOrEqual(3);
    const reencoded = v1.PhaseEvent.encode(decoded).finish();
    const back = PhaseEventNext.toObject(PhaseEventNext.decode(reencoded), { enums: Number, longs: Number });
    expect(back).toEqual(future);
  });

  it('decodeEvent reads an envelope from a newer writer, and one with a payload type it does not know', () => {
    const env = EnvelopeNext.encode(
      EnvelopeNext.fromObject({
        schema_version: 2,
        id: 'r.validate.done',
        payload_type: 'natsgh.v1.PhaseEvent',
        payload: futureBytes,
        deployment: 'prod',
        trace_id: 'abc',
      }),
    ).finish();
    const d = decodeEvent(env);
    expect(d.envelope.schema_version).toBe(2);
    expect(d.message).toMatchObject({ phase_id: 'validate', transition: 'PHASE_TRANSITION_DONE' });
    // The publisher's stamping re-encodes the envelope: the newer writer's field survives it.
    const stamped = stampEnvelope(env, { source: 'natsgh-cli/1', deployment: 'prod' });
    expect(EnvelopeNext.toObject(EnvelopeNext.decode(stamped)).trace_id).toBe('abc');

    const unknownType = v1.Envelope.encode({
      schema_version: 2,
      id: 'x',
      payload_type: 'natsgh.v2.Thing',
    }).finish();
    expect(decodeEvent(unknownType)).toMatchObject({ typeName: 'natsgh.v2.Thing', message: undefined });
  });
});
