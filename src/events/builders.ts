// Builds natsgh events for EventSink.publish: each returns the subject type
// token, the payload type, an encoded Envelope and an id derived only from what
// the event describes (so a retried publish is stored once); decodeEvent reverses it.
import { natsgh } from '../proto/gen/natsgh.js';

const v1 = natsgh.v1;

/** Version of the natsgh schema this code writes (Envelope.schema_version). */
export const SCHEMA_VERSION = 1;
export const ENVELOPE_TYPE = 'natsgh.v1.Envelope';
export const EVENT_CONTENT_TYPE = `application/x-protobuf; proto=${ENVELOPE_TYPE}`;

/** What EventSink.publish takes. */
export interface BuiltEvent {
  /** Last subject token: natsgh.events.<deployment>.<type>. */
  type: string;
  /** Fully qualified protobuf name of the message inside the envelope. */
  payloadType: string;
  /** The encoded Envelope. */
  payload: Uint8Array;
  /** Deterministic id; used as Envelope.id and Nats-Msg-Id. */
  id: string;
}

/** Optional envelope metadata; the publisher fills source and deployment when empty. */
export interface EnvelopeMeta {
  source?: string;
  /** Clock injection for tests; defaults to Date.now(). */
  nowMs?: number;
}

/** Subject type token of each message. */
export const EVENT_TYPES = {
  'natsgh.v1.PhaseEvent': 'phase',
  'natsgh.v1.NatsDeploymentEvent': 'deployment',
  'natsgh.v1.ClusterEvent': 'cluster',
  'natsgh.v1.TerraformStateEvent': 'terraform',
  'natsgh.v1.FilesGeneratedEvent': 'files',
  'natsgh.v1.ControllerHeartbeat': 'heartbeat',
  'natsgh.v1.SynadiaCloudConfig': 'synadia',
} as const;
export type EventTypeName = keyof typeof EVENT_TYPES;
export type EventTypeToken = (typeof EVENT_TYPES)[EventTypeName];

interface MessageCodec {
  encode(m: any): { finish(): Uint8Array };
  decode(b: Uint8Array): any;
  toObject(m: any, o?: Record<string, unknown>): Record<string, unknown>;
}

const CODECS: Record<EventTypeName, MessageCodec> = {
  'natsgh.v1.PhaseEvent': v1.PhaseEvent,
  'natsgh.v1.NatsDeploymentEvent': v1.NatsDeploymentEvent,
  'natsgh.v1.ClusterEvent': v1.ClusterEvent,
  'natsgh.v1.TerraformStateEvent': v1.TerraformStateEvent,
  'natsgh.v1.FilesGeneratedEvent': v1.FilesGeneratedEvent,
  'natsgh.v1.ControllerHeartbeat': v1.ControllerHeartbeat,
  'natsgh.v1.SynadiaCloudConfig': v1.SynadiaCloudConfig,
};

function build(
  typeName: EventTypeName,
  deployment: string,
  message: object,
  id: string,
  meta: EnvelopeMeta = {},
): BuiltEvent {
  const payload = CODECS[typeName].encode(message).finish();
  const envelope = v1.Envelope.encode({
    schema_version: SCHEMA_VERSION,
    id,
    time_unix_ms: meta.nowMs ?? Date.now(),
    source: meta.source ?? '',
    payload_type: typeName,
    payload,
    deployment,
  }).finish();
  return { type: EVENT_TYPES[typeName], payloadType: typeName, payload: envelope, id };
}

/** Id parts are joined with "."; an empty part becomes "-" so ids stay unambiguous. */
function idOf(...parts: Array<string | number | undefined>): string {
  return parts.map((p) => (p === undefined || p === '' ? '-' : String(p))).join('.');
}

export type PhaseTransitionName = 'started' | 'done' | 'skipped' | 'failed' | 'interrupted';

const TRANSITIONS: Record<PhaseTransitionName, number> = {
  started: v1.PhaseTransition.PHASE_TRANSITION_STARTED,
  done: v1.PhaseTransition.PHASE_TRANSITION_DONE,
  skipped: v1.PhaseTransition.PHASE_TRANSITION_SKIPPED,
  failed: v1.PhaseTransition.PHASE_TRANSITION_FAILED,
  interrupted: v1.PhaseTransition.PHASE_TRANSITION_INTERRUPTED,
};

/** One transition of one phase; id `${runId}.${phaseId}.${transition}`. */
export function phaseEvent(
  e: {
    deployment: string;
    runId: string;
    phaseId: string;
    transition: PhaseTransitionName;
    durationMs?: number;
    reason?: string;
  },
  meta?: EnvelopeMeta,
): BuiltEvent {
  return build(
    'natsgh.v1.PhaseEvent',
    e.deployment,
    {
      deployment: e.deployment,
      run_id: e.runId,
      phase_id: e.phaseId,
      transition: TRANSITIONS[e.transition],
      duration_ms: Math.round(e.durationMs ?? 0),
      reason: e.reason ?? '',
    },
    idOf(e.runId, e.phaseId, e.transition),
    meta,
  );
}

export type DeploymentChangeName = 'provisioned' | 'verified' | 'updated' | 'torn_down';
const DEPLOYMENT_CHANGES: Record<DeploymentChangeName, number> = {
  provisioned: v1.DeploymentChange.DEPLOYMENT_CHANGE_PROVISIONED,
  verified: v1.DeploymentChange.DEPLOYMENT_CHANGE_VERIFIED,
  updated: v1.DeploymentChange.DEPLOYMENT_CHANGE_UPDATED,
  torn_down: v1.DeploymentChange.DEPLOYMENT_CHANGE_TORN_DOWN,
};

/** The NATS a deployment uses; id `${runId}.deployment.${change}`. URLs must carry no credentials. */
export function deploymentEvent(
  e: {
    deployment: string;
    runId: string;
    change: DeploymentChangeName;
    natsType: string;
    mode: string;
    urls: string[];
    jetstreamDomain?: string;
    servers?: Array<{ name: string; version: string; jetstream?: boolean }>;
    clusterSize?: number;
    tls?: boolean;
  },
  meta?: EnvelopeMeta,
): BuiltEvent {
  return build(
    'natsgh.v1.NatsDeploymentEvent',
    e.deployment,
    {
      deployment: e.deployment,
      nats_type: e.natsType,
      mode: e.mode,
      urls: e.urls.map(stripUrlCredentials),
      jetstream_domain: e.jetstreamDomain ?? '',
      servers: (e.servers ?? []).map((s) => ({ name: s.name, version: s.version, jetstream: !!s.jetstream })),
      cluster_size: e.clusterSize ?? Math.max(1, e.servers?.length ?? 1),
      tls: !!e.tls,
      run_id: e.runId,
      change: DEPLOYMENT_CHANGES[e.change],
    },
    idOf(e.runId, 'deployment', e.change),
    meta,
  );
}

export type ClusterChangeName = 'node_joined' | 'node_left' | 'node_restarted' | 'scaled' | 'meta_leader';
const CLUSTER_CHANGES: Record<ClusterChangeName, number> = {
  node_joined: v1.ClusterChange.CLUSTER_CHANGE_NODE_JOINED,
  node_left: v1.ClusterChange.CLUSTER_CHANGE_NODE_LEFT,
  node_restarted: v1.ClusterChange.CLUSTER_CHANGE_NODE_RESTARTED,
  scaled: v1.ClusterChange.CLUSTER_CHANGE_SCALED,
  meta_leader: v1.ClusterChange.CLUSTER_CHANGE_META_LEADER,
};

/** A cluster change seen by a run; id `${runId}.cluster.${change}.${node}.${sizeAfter}.${metaLeader}`. */
export function clusterEvent(
  e: {
    deployment: string;
    runId: string;
    change: ClusterChangeName;
    node?: string;
    sizeBefore?: number;
    sizeAfter?: number;
    metaLeader?: string;
    clusterName?: string;
  },
  meta?: EnvelopeMeta,
): BuiltEvent {
  return build(
    'natsgh.v1.ClusterEvent',
    e.deployment,
    {
      deployment: e.deployment,
      change: CLUSTER_CHANGES[e.change],
      node: e.node ?? '',
      size_before: e.sizeBefore ?? 0,
      size_after: e.sizeAfter ?? 0,
      meta_leader: e.metaLeader ?? '',
      cluster_name: e.clusterName ?? '',
      run_id: e.runId,
    },
    idOf(e.runId, 'cluster', e.change, e.node, e.sizeAfter, e.metaLeader),
    meta,
  );
}

/** A terraform state; id `${deployment}.terraform.${workspace}.${lineage}.${serial}.${action}` (a state serial is written once). */
export function terraformStateEvent(
  e: {
    deployment: string;
    runId: string;
    workspace?: string;
    serial: number;
    lineage: string;
    resourceCount: number;
    outputsDigest: string;
    action: 'plan' | 'apply' | 'destroy';
    backend?: string;
    terraformVersion?: string;
  },
  meta?: EnvelopeMeta,
): BuiltEvent {
  const workspace = e.workspace ?? 'default';
  return build(
    'natsgh.v1.TerraformStateEvent',
    e.deployment,
    {
      deployment: e.deployment,
      workspace,
      serial: e.serial,
      lineage: e.lineage,
      resource_count: e.resourceCount,
      outputs_digest: e.outputsDigest,
      action: e.action,
      backend: e.backend ?? '',
      terraform_version: e.terraformVersion ?? '',
      run_id: e.runId,
    },
    idOf(e.deployment, 'terraform', workspace, e.lineage, e.serial, e.action),
    meta,
  );
}

/** Generated files written or committed; id `${deployment}.files.${repo}.${renderHash}.${commit|target}`. */
export function filesGeneratedEvent(
  e: {
    deployment: string;
    runId: string;
    repo: string;
    commit?: string;
    files: Array<{ path: string; blobSha: string }>;
    renderHash: string;
    target: string;
    changed: boolean;
  },
  meta?: EnvelopeMeta,
): BuiltEvent {
  return build(
    'natsgh.v1.FilesGeneratedEvent',
    e.deployment,
    {
      deployment: e.deployment,
      repo: e.repo,
      commit: e.commit ?? '',
      files: e.files.map((f) => ({ path: f.path, blob_sha: f.blobSha })),
      render_hash: e.renderHash,
      target: e.target,
      changed: e.changed,
      run_id: e.runId,
    },
    idOf(e.deployment, 'files', e.repo, e.renderHash, e.commit || e.target),
    meta,
  );
}

/** One controller heartbeat; id `${instanceId}.heartbeat.${beat}`. */
export function controllerHeartbeat(
  e: {
    deployment: string;
    instanceId: string;
    host: string;
    pid: number;
    version: string;
    startedUnixMs: number;
    beat: number;
    eventsProcessed?: number;
    commitsMade?: number;
    pending?: number;
    lastError?: string;
    intervalMs: number;
  },
  meta?: EnvelopeMeta,
): BuiltEvent {
  return build(
    'natsgh.v1.ControllerHeartbeat',
    e.deployment,
    {
      deployment: e.deployment,
      instance_id: e.instanceId,
      host: e.host,
      pid: e.pid,
      version: e.version,
      started_unix_ms: e.startedUnixMs,
      beat: e.beat,
      events_processed: e.eventsProcessed ?? 0,
      commits_made: e.commitsMade ?? 0,
      pending: e.pending ?? 0,
      last_error: e.lastError ?? '',
      interval_ms: e.intervalMs,
    },
    idOf(e.instanceId, 'heartbeat', e.beat),
    meta,
  );
}

/** The Synadia account in use; id `${deployment}.synadia.${account}.${credsFingerprint}`. Takes a fingerprint, never the seed. */
export function synadiaCloudConfigEvent(
  e: {
    deployment: string;
    runId: string;
    url: string;
    accountPublicKey: string;
    userPublicKey?: string;
    credsFingerprint: string;
    expiresUnixS?: number;
    jetstreamDomain?: string;
  },
  meta?: EnvelopeMeta,
): BuiltEvent {
  return build(
    'natsgh.v1.SynadiaCloudConfig',
    e.deployment,
    {
      deployment: e.deployment,
      url: stripUrlCredentials(e.url),
      account_public_key: e.accountPublicKey,
      user_public_key: e.userPublicKey ?? '',
      creds_fingerprint: e.credsFingerprint,
      expires_unix_s: e.expiresUnixS ?? 0,
      jetstream_domain: e.jetstreamDomain ?? '',
      run_id: e.runId,
    },
    idOf(e.deployment, 'synadia', e.accountPublicKey, e.credsFingerprint),
    meta,
  );
}

function stripUrlCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

export interface EnvelopeSummary {
  schema_version: number;
  id: string;
  time_unix_ms: number;
  source: string;
  payload_type: string;
  deployment: string;
}

export interface DecodedEvent {
  envelope: EnvelopeSummary;
  typeName: string;
  /** The payload as a plain object (enum names as strings, every field present); undefined for a type this version does not know. */
  message: Record<string, unknown> | undefined;
}

/**
 * Decodes an Envelope and its payload. Fields added by a newer schema are kept
 * by the decoder and ignored here; an unknown payload type yields message undefined.
 */
export function decodeEvent(bytes: Uint8Array): DecodedEvent {
  const env = v1.Envelope.decode(bytes);
  const typeName = env.payload_type;
  const codec = CODECS[typeName as EventTypeName];
  const message = codec
    ? codec.toObject(codec.decode(env.payload), {
        enums: String,
        longs: Number,
        defaults: true,
        arrays: true,
      })
    : undefined;
  return {
    envelope: {
      schema_version: env.schema_version,
      id: env.id,
      time_unix_ms: Number(env.time_unix_ms),
      source: env.source,
      payload_type: env.payload_type,
      deployment: env.deployment,
    },
    typeName,
    message,
  };
}

/** Sets source and deployment on an encoded envelope when they are empty; keeps everything else (unknown fields included). */
export function stampEnvelope(bytes: Uint8Array, stamp: { source: string; deployment: string }): Uint8Array {
  const env = v1.Envelope.decode(bytes);
  if (env.source && env.deployment) return bytes;
  if (!env.source) env.source = stamp.source;
  if (!env.deployment) env.deployment = stamp.deployment;
  return v1.Envelope.encode(env).finish();
}
