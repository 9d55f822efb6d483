// natsgh's checkpoint format: protobuf natsgh.v1.PhaseCheckpoint, in KV bucket
// natsgh_checkpoints under <deployment>.phase.<id> (DESIGN.md, "KV layout").
// The journal/KV mechanics are the workflow's (workflow/checkpoints.ts).
import { NatsghError } from '../errors.js';
import { BUCKET_CHECKPOINTS, checkpointKey } from '../nats/names.js';
import { natsgh } from '../proto/gen/natsgh.js';
import {
  type Checkpoint,
  type CheckpointFormat,
  type CheckpointStatus,
  CheckpointStore,
  checkpointIo,
} from '../workflow/checkpoints.js';

export {
  type Checkpoint,
  CorruptCheckpointError,
  clearJournal,
  journalDir,
} from '../workflow/checkpoints.js';

const S = natsgh.v1.PhaseStatus;
const TO_PROTO: Record<CheckpointStatus, number> = {
  pending: S.PHASE_STATUS_PENDING,
  running: S.PHASE_STATUS_RUNNING,
  done: S.PHASE_STATUS_DONE,
  failed: S.PHASE_STATUS_FAILED,
  interrupted: S.PHASE_STATUS_INTERRUPTED,
};
const FROM_PROTO = new Map<number, CheckpointStatus>(
  Object.entries(TO_PROTO).map(([k, v]) => [v, k as CheckpointStatus]),
);

export const natsghCheckpointFormat: CheckpointFormat = {
  bucket: BUCKET_CHECKPOINTS,
  kvKey: checkpointKey,
  kvFilter: (deployment) => `${deployment}.phase.>`,
  encode: (cp) =>
    natsgh.v1.PhaseCheckpoint.encode({
      deployment: cp.deployment,
      phase_id: cp.phaseId,
      status: TO_PROTO[cp.status] as natsgh.v1.PhaseStatus,
      input_hash: cp.inputHash,
      outputs: cp.outputs,
      run_id: cp.runId,
      started_unix_ms: cp.startedMs,
      finished_unix_ms: cp.finishedMs,
      cli_version: cp.cliVersion,
      error: cp.error,
      host: cp.host,
    }).finish(),
  decode(bytes): Checkpoint {
    const m = natsgh.v1.PhaseCheckpoint.decode(bytes);
    const status = FROM_PROTO.get(m.status) ?? (m.status === 0 ? 'pending' : undefined);
    if (status === undefined)
      throw new NatsghError(`unknown status ${m.status}`, { code: 'checkpoint_corrupt' });
    return {
      deployment: m.deployment,
      phaseId: m.phase_id,
      status,
      inputHash: m.input_hash,
      outputs: { ...m.outputs },
      runId: m.run_id,
      startedMs: Number(m.started_unix_ms),
      finishedMs: Number(m.finished_unix_ms),
      cliVersion: m.cli_version,
      error: m.error,
      host: m.host,
    };
  },
};

export const checkpoints = checkpointIo(natsghCheckpointFormat);
export const { readJournal, readKvCheckpoints, writeJournalEntry, clearKvCheckpoints } = checkpoints;

export function newCheckpointStore(stateDir: string, deployment: string, writable: boolean): CheckpointStore {
  return new CheckpointStore(checkpoints, stateDir, deployment, writable);
}
