// What each phase records for later phases, the services and status, typed, with
// the one codec per phase between that type and the flat string map a checkpoint
// stores (the workflow's PhaseOutputs; the stored keys are the ones earlier
// versions wrote, so their checkpoints still read). Decoding never throws: a
// record that does not hold what its phase writes reads as absent.
import type { BinarySource, ResolvedBinary } from '../system/nats-server-binary.js';
import type { PhaseOutputs } from '../workflow/phase.js';
import type { PhaseId } from './list.js';

export interface OutputsCodec<O> {
  encode(outputs: O): PhaseOutputs;
  /** Undefined when `raw` is absent or not what the phase records. */
  decode(raw: PhaseOutputs | undefined): O | undefined;
}

// ---- prerequisites

export interface PrerequisitesOutputs {
  /** The nats-server found for a mode that runs one on this machine; unset otherwise. */
  natsServer?: ResolvedBinary;
}

const BINARY_SOURCES: readonly BinarySource[] = ['flag', 'path', 'cache', 'download', 'package-manager'];

export const prerequisitesOutputs: OutputsCodec<PrerequisitesOutputs> = {
  encode: ({ natsServer }): PhaseOutputs =>
    natsServer
      ? {
          natsServerBin: natsServer.path,
          natsServerVersion: natsServer.version,
          natsServerSource: natsServer.source,
        }
      : {},
  decode(raw) {
    if (!isFlat(raw)) return undefined;
    const { natsServerBin: path, natsServerVersion: version, natsServerSource: source } = raw;
    if (!path) return {};
    // A binary named without a known source or version is not one prerequisites resolved: absent.
    if (!version || !BINARY_SOURCES.includes(source as BinarySource)) return undefined;
    return { natsServer: { path, version, source: source as BinarySource } };
  },
};

// ---- provision-nats

/** One node of a local cluster, as the provisioner recorded it. */
export interface ClusterNodeOutputs {
  pid?: number;
  serverId?: string;
  configFile?: string;
}

/** The account a Synadia-style deployment uses: public keys and a fingerprint, never a seed. */
export interface AccountOutputs {
  accountPublicKey: string;
  userPublicKey: string;
  credsFingerprint: string;
  /** Unix seconds; unset when the credentials do not expire. */
  credsExpiresAt?: number;
}

export interface ProvisionNatsOutputs {
  /** Client URLs of the NATS provisioned. */
  urls: string[];
  /** A local cluster's nodes in order; empty for one server. */
  nodes: ClusterNodeOutputs[];
  cluster?: string;
  metaLeader?: string;
  serverName?: string;
  serverId?: string;
  /** The server's version, as the provisioner or the server itself reported it. */
  version?: string;
  jetstreamDomain?: string;
  account?: AccountOutputs;
  /** Everything else the provisioner recorded (pid, paths, compose project, kube context), as it wrote it. */
  facts: Record<string, string>;
}

/** The keys the typed fields are stored under; everything else is a provisioner's own fact. */
const NODE_KEY = /^node(\d+)\.(pid|serverId|configFile)$/;
const PROVISION_KEYS = new Set([
  'url',
  'nodes',
  'cluster',
  'metaLeader',
  'serverName',
  'serverId',
  'version',
  'serverVersion',
  'jetstreamDomain',
  'accountPublicKey',
  'userPublicKey',
  'credsFingerprint',
  'credsExpiresAt',
]);

export const provisionNatsOutputs: OutputsCodec<ProvisionNatsOutputs> = {
  encode(o) {
    const flat: PhaseOutputs = { ...o.facts, url: o.urls.join(',') };
    if (o.nodes.length > 0) flat.nodes = String(o.nodes.length);
    o.nodes.forEach((n, i) => {
      if (n.serverId !== undefined) flat[`node${i}.serverId`] = n.serverId;
      if (n.pid !== undefined) flat[`node${i}.pid`] = String(n.pid);
      if (n.configFile !== undefined) flat[`node${i}.configFile`] = n.configFile;
    });
    const optional = {
      cluster: o.cluster,
      metaLeader: o.metaLeader,
      serverName: o.serverName,
      serverId: o.serverId,
      version: o.version,
      jetstreamDomain: o.jetstreamDomain,
      ...(o.account
        ? {
            accountPublicKey: o.account.accountPublicKey,
            userPublicKey: o.account.userPublicKey,
            credsFingerprint: o.account.credsFingerprint,
            credsExpiresAt: o.account.credsExpiresAt === undefined ? '' : String(o.account.credsExpiresAt),
          }
        : {}),
    };
    for (const [k, v] of Object.entries(optional)) if (v !== undefined) flat[k] = v;
    return flat;
  },
  decode(raw) {
    if (!isFlat(raw) || !raw.url) return undefined;
    const urls = raw.url.split(',').filter(Boolean);
    const count = raw.nodes === undefined ? 0 : Number(raw.nodes);
    if (!Number.isSafeInteger(count) || count < 0 || count > 1000) return undefined;
    const nodes: ClusterNodeOutputs[] = Array.from({ length: count }, () => ({}));
    const facts: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) {
      const m = NODE_KEY.exec(k);
      const i = m ? Number(m[1]) : -1;
      if (m && i < count) {
        if (m[2] === 'pid') nodes[i].pid = positiveInt(v);
        else nodes[i][m[2] as 'serverId' | 'configFile'] = v;
      } else if (!PROVISION_KEYS.has(k)) facts[k] = v;
    }
    const account =
      raw.accountPublicKey && raw.credsFingerprint
        ? {
            accountPublicKey: raw.accountPublicKey,
            userPublicKey: raw.userPublicKey ?? '',
            credsFingerprint: raw.credsFingerprint,
            credsExpiresAt: positiveInt(raw.credsExpiresAt),
          }
        : undefined;
    return dropUndefined({
      urls,
      nodes,
      cluster: raw.cluster || undefined,
      metaLeader: raw.metaLeader || undefined,
      serverName: raw.serverName || undefined,
      serverId: raw.serverId || undefined,
      // An external server's probe calls it serverVersion.
      version: raw.version || raw.serverVersion || undefined,
      jetstreamDomain: raw.jetstreamDomain || undefined,
      account,
      facts,
    });
  },
};

// ---- handoff

export interface HandoffOutputs {
  /** How many checkpoints moved from the journal into KV. */
  copied: number;
}

export const handoffOutputs: OutputsCodec<HandoffOutputs> = {
  encode: (o) => ({ copied: String(o.copied) }),
  decode(raw) {
    if (!isFlat(raw)) return undefined;
    const copied = nonNegativeInt(raw.copied);
    return copied === undefined ? undefined : { copied };
  },
};

// ---- generate-files

export interface GenerateFilesOutputs {
  /** The checkout written into. */
  dir: string;
  renderHash: string;
  written: number;
  unchanged: number;
  /** Files left as they were: generated earlier and edited by hand, or never natsgh's. */
  handEdited: string[];
}

export const generateFilesOutputs: OutputsCodec<GenerateFilesOutputs> = {
  encode: (o) => ({
    dir: o.dir,
    renderHash: o.renderHash,
    written: String(o.written),
    unchanged: String(o.unchanged),
    handEdited: o.handEdited.join('\n'),
  }),
  decode(raw) {
    if (!isFlat(raw) || !raw.dir) return undefined;
    const written = nonNegativeInt(raw.written);
    const unchanged = nonNegativeInt(raw.unchanged);
    if (written === undefined || unchanged === undefined) return undefined;
    return {
      dir: raw.dir,
      renderHash: raw.renderHash ?? '',
      written,
      unchanged,
      handEdited: (raw.handEdited ?? '').split('\n').filter(Boolean),
    };
  },
};

// ---- terraform

export interface TerraformOutputs {
  workspace: string;
  serial: number;
  /** Empty when no state was ever written. */
  lineage: string;
  resourceCount: number;
  outputsDigest: string;
  /** The module's outputs as strings (sensitive ones already masked). */
  outputs: Record<string, string>;
}

const TF_OUTPUT = 'output.';

export const terraformOutputs: OutputsCodec<TerraformOutputs> = {
  encode(o) {
    const flat: PhaseOutputs = {
      workspace: o.workspace,
      serial: String(o.serial),
      lineage: o.lineage,
      resourceCount: String(o.resourceCount),
      outputsDigest: o.outputsDigest,
    };
    for (const [name, value] of Object.entries(o.outputs)) flat[`${TF_OUTPUT}${name}`] = value;
    return flat;
  },
  decode(raw) {
    if (!isFlat(raw)) return undefined;
    const serial = nonNegativeInt(raw.serial);
    const resourceCount = nonNegativeInt(raw.resourceCount);
    if (serial === undefined || resourceCount === undefined || raw.workspace === undefined) return undefined;
    const outputs: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw))
      if (k.startsWith(TF_OUTPUT)) outputs[k.slice(TF_OUTPUT.length)] = v;
    return {
      workspace: raw.workspace,
      serial,
      lineage: raw.lineage ?? '',
      resourceCount,
      outputsDigest: raw.outputsDigest ?? '',
      outputs,
    };
  },
};

// ---- validate

/** validate records nothing: that it is done is the fact. */
export type ValidateOutputs = Record<string, never>;

export const validateOutputs: OutputsCodec<ValidateOutputs> = {
  encode: () => ({}),
  decode: (raw) => (isFlat(raw) ? {} : undefined),
};

// ---- the typed view of a run's outputs

/** The outputs of the phases that have a codec here, decoded; deploy-controller's are read as recorded. */
export interface RecordedOutputs {
  readonly prerequisites?: PrerequisitesOutputs;
  readonly 'provision-nats'?: ProvisionNatsOutputs;
  readonly handoff?: HandoffOutputs;
  readonly 'generate-files'?: GenerateFilesOutputs;
  readonly terraform?: TerraformOutputs;
  readonly validate?: ValidateOutputs;
}

const CODECS: { [K in keyof RecordedOutputs]-?: OutputsCodec<NonNullable<RecordedOutputs[K]>> } = {
  prerequisites: prerequisitesOutputs,
  'provision-nats': provisionNatsOutputs,
  handoff: handoffOutputs,
  'generate-files': generateFilesOutputs,
  terraform: terraformOutputs,
  validate: validateOutputs,
};

/**
 * A typed view of `raw` (the runner's outputs by phase id, filled from the
 * checkpoints and then by each phase that runs): each read decodes what is
 * there at that moment, so the view never goes stale.
 */
export function recordedOutputs(raw: Readonly<Partial<Record<PhaseId, PhaseOutputs>>>): RecordedOutputs {
  const view = {};
  for (const [id, codec] of Object.entries(CODECS)) {
    Object.defineProperty(view, id, {
      enumerable: true,
      get: () => (codec as OutputsCodec<unknown>).decode(raw[id as PhaseId]),
    });
  }
  return view as RecordedOutputs;
}

// ---- helpers

function isFlat(raw: unknown): raw is PhaseOutputs {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    Object.values(raw).every((v) => typeof v === 'string')
  );
}

function nonNegativeInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

function positiveInt(text: string | undefined): number | undefined {
  const n = nonNegativeInt(text);
  return n === undefined || n === 0 ? undefined : n;
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
