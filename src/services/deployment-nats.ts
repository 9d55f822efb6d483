// What bootstrap, status, teardown and unlock share: the deployment's NATS
// connection with its checkpoint and lock buckets, opened either creating the
// buckets (a real run) or strictly read-only (--dry-run, status).
import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { type ErrorCode, errorMessage, NatsghError } from '../errors.js';
import { connectNats, jetstreamOptions, type NatsConnectionSpec } from '../nats/connect.js';
import { BUCKET_CHECKPOINTS, BUCKET_LOCKS } from '../nats/names.js';
import type { PreflightOptions } from '../nats/preflight.js';
import type { StreamSizes } from '../nats/sizing.js';
import type { ProvisionContext, Provisioner } from '../provision/provisioner.js';
import { redact } from '../redact.js';

export interface DeploymentNats {
  nc: NatsConnection;
  spec: NatsConnectionSpec;
  /** Undefined when opened read-only and the bucket does not exist yet. */
  checkpoints?: KV;
  locks?: KV;
  close(): Promise<void>;
}

/**
 * Connects to the deployment's NATS. With `create`, ensures natsgh_checkpoints
 * and natsgh_locks (TTL = lock lease) at `replicas`; without, only opens the buckets that
 * exist, so nothing is created anywhere.
 */
export async function openDeploymentNats(
  spec: NatsConnectionSpec,
  opts: {
    create: boolean;
    timeoutMs?: number;
    /** The deployment's replica count (deploymentReplicas); existing buckets are only ever raised to it. */
    replicas?: number;
    /** Told when an existing bucket could not be raised to `replicas` right now. */
    warn?: (message: string) => void;
    /** Bound on each JetStream/KV request of a read-only open (status must answer while a stream elects a leader). */
    requestTimeoutMs?: number;
    /** Sizes of natsgh's streams (streamSizes(config)); default: the sizing table's. */
    sizes?: StreamSizes;
    /**
     * Checked before the first bucket is created, and by a read-only open (NATS that natsgh does not run):
     * the user's permissions and natsgh's streams against the account's limits.
     */
    preflight?: PreflightOptions;
  },
): Promise<DeploymentNats> {
  // A read-only open loads the JetStream and KV clients while the connection is made.
  const clients = opts.create
    ? undefined
    : Promise.all([import('@nats-io/jetstream'), import('@nats-io/kv')]);
  clients?.catch(() => {});
  const nc = await connectNats(spec, { name: 'natsgh-bootstrap', timeoutMs: opts.timeoutMs ?? 2000 });
  try {
    let checkpoints: KV | undefined;
    let locks: KV | undefined;
    if (opts.preflight) {
      // Read-only too: a --dry-run says whether the run would fit the account and its permissions.
      const { preflightNats } = await import('../nats/preflight.js');
      await preflightNats(nc, spec, opts.preflight);
    }
    if (opts.create) {
      const { ensureKvBucket, checkpointsBucket, locksBucket } = await import('../nats/buckets.js');
      const ensure = { warn: opts.warn };
      [checkpoints, locks] = await Promise.all([
        ensureKvBucket(nc, spec, checkpointsBucket(opts.replicas, opts.sizes), ensure),
        ensureKvBucket(nc, spec, locksBucket(opts.replicas, opts.sizes), ensure),
      ]);
    } else {
      const [{ jetstream, jetstreamManager }, { Kvm }] = await clients!;
      const jsOpts = {
        ...jetstreamOptions(spec),
        ...(opts.requestTimeoutMs ? { timeout: opts.requestTimeoutMs } : {}),
      };
      const jsm = await jetstreamManager(nc, jsOpts);
      // jetstreamManager() just checked that the JetStream API answers: binding a bucket need not
      // ask again (one round trip less per bucket).
      const kvm = new Kvm(jetstream(nc, { ...jsOpts, checkAPI: false }));
      // Kvm.open does not check that the bucket exists; its backing stream tells.
      const openExisting = async (b: string) =>
        (await jsm.streams.info(`KV_${b}`).then(
          () => true,
          () => false,
        ))
          ? kvm.open(b)
          : undefined;
      [checkpoints, locks] = await Promise.all([
        openExisting(BUCKET_CHECKPOINTS),
        openExisting(BUCKET_LOCKS),
      ]);
    }
    return {
      nc,
      spec,
      checkpoints,
      locks,
      async close() {
        await nc.close().catch(() => undefined);
      },
    };
  } catch (err) {
    await nc.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Connects when the deployment's NATS answers; undefined when it does not (not
 * started, stopped) or, with `withinMs`, not within that time: a cluster that
 * just lost a node can take seconds to elect new stream leaders, and a caller
 * with a fallback (the journal) should not wait for that.
 */
export async function tryOpenDeploymentNats(
  provisioner: Provisioner,
  pctx: ProvisionContext,
  opts: Parameters<typeof openDeploymentNats>[1] & {
    withinMs?: number;
    /** Told why it did not open (a refused connection, a store with no room for a bucket). */
    onError?: (err: unknown) => void;
  },
): Promise<DeploymentNats | undefined> {
  let opening: Promise<DeploymentNats | undefined>;
  try {
    opening = openDeploymentNats(provisioner.connection(pctx), opts).catch((err) => {
      opts.onError?.(err);
      return undefined;
    });
  } catch {
    return undefined;
  }
  if (!opts.withinMs) return opening;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), opts.withinMs);
  });
  const first = await Promise.race([opening, late]);
  clearTimeout(timer);
  if (first !== 'late') return first;
  // Too slow: let it finish in the background and close whatever it opened.
  void opening.then((n) => n?.close());
  return undefined;
}

/** Codes of a failed open that no amount of waiting changes. */
const PERMANENT_OPEN_ERRORS = new Set<ErrorCode>([
  'jetstream_storage_full',
  'nats_permissions',
  'nats_account_limits',
  'nats_auth',
  'nats_auth_expired',
  'nats_auth_revoked',
  'nats_auth_incomplete',
  'nats_credentials_invalid',
  'nats_tls',
  'auth_file_unreadable',
  'nkey_invalid',
  'config_invalid',
]);

/** Whether opening the deployment's NATS may succeed if tried again shortly. */
function isTransientOpenError(err: unknown): boolean {
  if (err === undefined) return false;
  return !(err instanceof NatsghError && PERMANENT_OPEN_ERRORS.has(err.code));
}

/**
 * Opens the deployment's NATS right after provision-nats ran. When it did
 * provision (`provisioned`), a cluster whose node was just (re)started answers
 * before its JetStream is back in quorum: a transient failure is tried again for
 * `retryMs`; a refusal that waiting cannot change (credentials, permissions,
 * limits, a full store) is not, and what still fails is an error naming the last
 * cause. When it did not (skipped, dry run), NATS that does not answer is undefined.
 */
export async function openProvisionedNats(
  provisioner: Provisioner,
  pctx: ProvisionContext,
  opts: Omit<Parameters<typeof openDeploymentNats>[1], 'timeoutMs'> & {
    provisioned: () => boolean;
    retryMs?: number;
  },
): Promise<DeploymentNats | undefined> {
  let openError: unknown;
  const open = () =>
    tryOpenDeploymentNats(provisioner, pctx, {
      ...opts,
      timeoutMs: 5000,
      onError: (err) => {
        openError = err;
      },
    });
  let n = await open();
  const retryUntil = Date.now() + (opts.retryMs ?? 30_000);
  while (!n && opts.provisioned() && isTransientOpenError(openError) && Date.now() < retryUntil) {
    await new Promise((r) => setTimeout(r, 500));
    openError = undefined;
    n = await open();
  }
  if (n || !opts.provisioned()) return n;
  // It answered, but its store has no room for natsgh's buckets (a full disk): say that.
  if (openError instanceof NatsghError && openError.code === 'jetstream_storage_full') throw openError;
  // Say why (the last open's error), so the JSON result names the real cause.
  const why = openError === undefined ? '' : `: ${redact(errorMessage(openError))}`;
  throw new NatsghError(`NATS was provisioned but does not accept connections${why}`, {
    cause: openError,
    code: 'nats_unreachable',
    suggestions: ['Run `natsgh status` and check the server log in the state dir.'],
  });
}
