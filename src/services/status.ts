// The `natsgh status` service: phases with status and age (KV when NATS answers,
// else the journal), NATS and controller health, and the lock holder. Strictly
// read-only: nothing is created, not even a bucket. watchStatus follows KV live.
import { resolve } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import type { SettingsRecord } from '../config/recorded.js';
import { errorMessage } from '../errors.js';
import { natsContextPath } from '../nats/deployment-auth.js';
import { deploymentLockKey } from '../nats/names.js';
import type { BootstrapContext } from '../phases/context.js';
import type { BootstrapPhase } from '../phases/index.js';
import { PHASE_IDS } from '../phases/list.js';
import { type NodeStatus, type Provisioner, provisionContext } from '../provision/provisioner.js';
import { redact } from '../redact.js';
import { type LockHolder, lockFilePath, readFileLockHolder, readKvLockHolder } from '../workflow/locks.js';
import { traced } from '../workflow/trace.js';
import { type Checkpoint, CorruptCheckpointError, readJournal, readKvCheckpoints } from './checkpoints.js';
import { type DeploymentNats, tryOpenDeploymentNats } from './deployment-nats.js';

export interface PhaseStatusRow {
  id: string;
  /** As bootstrap --json says it: "skipped" (with the reason) for a phase the last run left out. */
  status: Checkpoint['status'] | 'skipped';
  /** Why the phase was skipped; null otherwise. */
  reason: string | null;
  /** Milliseconds since the phase last finished (or started, while running); null without a checkpoint. */
  ageMs: number | null;
  runId: string | null;
  error: string | null;
}

export interface StatusResult {
  deployment: string;
  /** Where the phases were read from. */
  source: 'kv' | 'journal';
  phases: PhaseStatusRow[];
  /** `context`: the NATS CLI context of the deployment (`nats --context <file> kv ls`), null until a bootstrap wrote it. */
  nats: { url: string; healthy: boolean; reason?: string; context: string | null };
  /** Each NATS node natsgh knows of (every node of a local cluster, a leaf and its hub link, ...). */
  nodes: NodeStatus[];
  controller: { healthy: boolean; pid: number | null; version: string | null };
  lock: (LockHolder & { where: 'kv' | 'file' }) | null;
}

export interface StatusOptions {
  config: NatsghConfig;
  signal: AbortSignal;
  phases?: readonly BootstrapPhase[];
  provisioner?: Provisioner;
  /** The deployment's recorded settings (which phases its last run left out, and why). */
  recorded?: SettingsRecord;
}

async function prepare(opts: StatusOptions) {
  const config = { ...opts.config, stateDir: resolve(opts.config.stateDir) };
  // With a record, which phases were left out and why is recorded: the phase modules are not needed.
  const phases: ReadonlyArray<Pick<BootstrapPhase, 'id' | 'applies'>> =
    opts.phases ??
    (opts.recorded
      ? PHASE_IDS.map((id) => ({ id }))
      : await (await import('../phases/index.js')).loadPhases());
  const provisioner =
    opts.provisioner ?? (await (await import('../provision/index.js')).createProvisioner(config));
  const pctx = provisionContext({ config, signal: opts.signal });
  return { config, phases, provisioner, pctx, recorded: opts.recorded };
}

/**
 * The probes that do not need the NATS connection (the server's own health, its nodes, the
 * lock file, the ping's module), started at once so that they run while NATS opens.
 */
function localProbes(prep: Awaited<ReturnType<typeof prepare>>) {
  const { config, provisioner, pctx } = prep;
  const probes = {
    verify: provisioner
      .verify(pctx)
      .catch((err) => ({ ok: false as const, reason: String((err as Error).message) })),
    nodes: provisioner.nodes ? provisioner.nodes(pctx).catch((): NodeStatus[] => []) : ([] as NodeStatus[]),
    fileHolder: readFileLockHolder(lockFilePath(config.stateDir, config.deployment)),
    ping: import('../controller/ping.js'),
    recordedPid:
      config.mode === 'dev'
        ? import('../deploy/controller/dev.js').then(({ recordedControllerPid }) =>
            recordedControllerPid(resolve(config.stateDir), config.deployment),
          )
        : undefined,
  };
  // Awaited in snapshot(); a snapshot that fails before (a corrupt checkpoint) must not leave
  // them unhandled.
  for (const p of [probes.fileHolder, probes.ping, probes.recordedPid]) p?.catch(() => {});
  return probes;
}

async function snapshot(
  prep: Awaited<ReturnType<typeof prepare>>,
  nats: DeploymentNats | undefined,
  local: ReturnType<typeof localProbes> = localProbes(prep),
): Promise<StatusResult> {
  const { config, phases, provisioner, pctx, recorded } = prep;
  const deployment = config.deployment;
  const ids = phases.map((p) => p.id);
  // The controller's ping and the KV lock holder go out with the checkpoints' reads.
  const ping = local.ping.then(({ pingController }) => pingController({ nats, deployment }, 1000));
  const kvHolder = nats?.locks ? readKvLockHolder(nats.locks, deploymentLockKey(deployment)) : undefined;
  for (const p of [ping, kvHolder]) p?.catch(() => {});
  // KV that does not answer in time (a stream electing a leader after a node died) falls back to
  // the journal; a corrupt checkpoint is still reported.
  const inKv = nats?.checkpoints
    ? await readKvCheckpoints(nats.checkpoints, deployment, ids).catch((err) => {
        if (err instanceof CorruptCheckpointError) throw err;
        return undefined;
      })
    : undefined;
  const checkpoints = inKv && inKv.size > 0 ? inKv : await readJournal(config.stateDir, deployment);
  const now = Date.now();
  // A phase without a checkpoint was left out by the last run (its reason is recorded), or
  // does not apply to these settings at all; otherwise it is still to run.
  const skippedReason = (id: string): string | null => {
    const recordedReason = recorded?.skipped[id];
    if (recordedReason) return recordedReason;
    const applies = phases
      .find((p) => p.id === id)
      ?.applies?.({
        config,
        terraform: { enabled: false },
      } as BootstrapContext);
    return applies === undefined || applies === true ? null : `does not apply: ${applies}`;
  };
  const rows = ids.map((id): PhaseStatusRow => {
    const cp = checkpoints.get(id);
    if (!cp) {
      const reason = skippedReason(id);
      return { id, status: reason ? 'skipped' : 'pending', reason, ageMs: null, runId: null, error: null };
    }
    const at = cp.finishedMs || cp.startedMs;
    return {
      id,
      status: cp.status,
      reason: null,
      ageMs: at ? now - at : null,
      runId: cp.runId || null,
      error: cp.error || null,
    };
  });
  const [verify, nodes, pingReply, kvHolderFound, fileHolder, recordedPid] = await Promise.all([
    local.verify,
    local.nodes,
    ping,
    kvHolder,
    local.fileHolder,
    local.recordedPid,
  ]);
  const healthy = verify.ok && nats !== undefined;
  return {
    deployment,
    source: inKv && inKv.size > 0 ? 'kv' : 'journal',
    phases: rows,
    nats: {
      url: provisioner.connection(pctx).servers.join(','),
      healthy,
      ...(healthy ? {} : { reason: verify.ok ? 'not reachable' : verify.reason }),
      context: natsContextPath(config.stateDir, deployment),
    },
    nodes,
    // The pid is the one natsgh recorded on this host when it started the controller
    // (dev mode), never the one a ping reply names: anyone on NATS can answer a ping.
    controller: {
      healthy: pingReply !== undefined,
      pid: recordedPid ?? null,
      version: pingReply?.version ?? null,
    },
    lock: kvHolderFound
      ? { ...kvHolderFound, where: 'kv' }
      : fileHolder
        ? { ...fileHolder, where: 'file' }
        : null,
  };
}

export async function readStatus(opts: StatusOptions): Promise<StatusResult> {
  const prep = await traced('status modules', () => prepare(opts));
  const local = localProbes(prep);
  let openError: unknown;
  const nats = await traced('open NATS', () =>
    tryOpenDeploymentNats(prep.provisioner, prep.pctx, {
      create: false,
      timeoutMs: 1500,
      requestTimeoutMs: 1500,
      onError: (err) => {
        openError = err;
      },
    }),
  );
  try {
    const result = await traced('snapshot', () => snapshot(prep, nats, local));
    // A server that answers but refuses these credentials (or their permissions) is not "unreachable": say why.
    if (!nats && openError !== undefined && !result.nats.healthy && result.nats.reason === 'not reachable')
      result.nats.reason = `not reachable: ${redact(errorMessage(openError))}`;
    return result;
  } finally {
    await nats?.close();
  }
}

/** Calls onStatus now and after every checkpoint change in KV, until the signal aborts. */
export async function watchStatus(opts: StatusOptions, onStatus: (s: StatusResult) => void): Promise<void> {
  const prep = await prepare(opts);
  const nats = await tryOpenDeploymentNats(prep.provisioner, prep.pctx, {
    create: false,
    timeoutMs: 1500,
    requestTimeoutMs: 1500,
  });
  try {
    onStatus(await snapshot(prep, nats));
    if (!nats?.checkpoints) {
      throw new (await import('../errors.js')).NatsghError(
        'status --watch follows NATS KV, which is not reachable',
        {
          code: 'nats_unreachable',
          suggestions: [
            'Run `natsgh bootstrap` first, or `natsgh status` without --watch to read the local journal.',
          ],
        },
      );
    }
    const watch = await nats.checkpoints.watch({
      key: `${prep.config.deployment}.phase.>`,
      include: 'updates',
    });
    opts.signal.addEventListener('abort', () => watch.stop(), { once: true });
    for await (const _ of watch) {
      if (opts.signal.aborted) break;
      onStatus(await snapshot(prep, nats));
    }
  } finally {
    await nats?.close();
  }
}
