// Phase checkpoints (DESIGN.md, "Where checkpoints live"): protobuf
// PhaseCheckpoint in a local journal (<stateDir>/journal/<deployment>/<phase>.pb,
// atomic temp+rename) until NATS exists, in KV natsgh_checkpoints
// (<deployment>.phase.<id>) after. A value that does not decode is an error
// naming its path or key, never silently treated as "no checkpoint".
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { KV } from '@nats-io/kv';
import { errorMessage, NatsghError } from '../errors.js';
import { checkpointKey } from '../nats/names.js';
import { natsgh } from '../proto/gen/natsgh.js';
import { writeFileAtomic } from '../system/atomic-file.js';

export type CheckpointStatus = 'pending' | 'running' | 'done' | 'failed' | 'interrupted';

export interface Checkpoint {
  deployment: string;
  phaseId: string;
  status: CheckpointStatus;
  inputHash: string;
  outputs: Record<string, string>;
  runId: string;
  startedMs: number;
  finishedMs: number;
  cliVersion: string;
  error: string;
  host: string;
}

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

export function encodeCheckpoint(cp: Checkpoint): Uint8Array {
  return natsgh.v1.PhaseCheckpoint.encode({
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
  }).finish();
}

export class CorruptCheckpointError extends NatsghError {
  constructor(where: string, why: string, remedy: string) {
    super(`the checkpoint ${where} is corrupt (${why})`, {
      code: 'checkpoint_corrupt',
      details: { where },
      suggestions: [remedy, 'Then re-run `natsgh bootstrap`: the phase runs again and converges.'],
    });
    this.name = 'CorruptCheckpointError';
  }
}

/**
 * Decodes and sanity-checks a checkpoint: protobuf accepts many byte strings,
 * so the deployment and phase id must be the ones the location promises.
 */
export function decodeCheckpoint(
  bytes: Uint8Array,
  expect: { deployment: string; phaseId: string },
  where: string,
  remedy: string,
): Checkpoint {
  let m: natsgh.v1.PhaseCheckpoint;
  try {
    m = natsgh.v1.PhaseCheckpoint.decode(bytes);
  } catch (err) {
    throw new CorruptCheckpointError(where, `not a PhaseCheckpoint: ${(err as Error).message}`, remedy);
  }
  const status = FROM_PROTO.get(m.status) ?? (m.status === 0 ? 'pending' : undefined);
  if (m.phase_id !== expect.phaseId || m.deployment !== expect.deployment || status === undefined) {
    throw new CorruptCheckpointError(
      where,
      `expected phase "${expect.phaseId}" of deployment "${expect.deployment}", found phase "${m.phase_id}" of "${m.deployment}" with status ${m.status}`,
      remedy,
    );
  }
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
}

// ------------------------------------------------------------------ journal

export function journalDir(stateDir: string, deployment: string): string {
  return join(stateDir, 'journal', deployment);
}

export function journalPath(stateDir: string, deployment: string, phaseId: string): string {
  return join(journalDir(stateDir, deployment), `${phaseId}.pb`);
}

/** Reads every journal entry of a deployment; a missing journal is empty. */
export async function readJournal(stateDir: string, deployment: string): Promise<Map<string, Checkpoint>> {
  const dir = journalDir(stateDir, deployment);
  const out = new Map<string, Checkpoint>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw err;
  }
  await Promise.all(
    names
      .filter((n) => n.endsWith('.pb'))
      .map(async (name) => {
        const phaseId = name.slice(0, -3);
        const path = join(dir, name);
        const remedy = `Delete ${path} (natsgh forgets that phase).`;
        let bytes: Buffer;
        try {
          bytes = await readFile(path);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') return; // removed since the listing: no checkpoint
          // A directory or an unreadable file where an entry should be: not a checkpoint.
          throw new CorruptCheckpointError(path, `cannot be read: ${code ?? errorMessage(err)}`, remedy);
        }
        out.set(phaseId, decodeCheckpoint(bytes, { deployment, phaseId }, path, remedy));
      }),
  );
  return out;
}

/** Writes one journal entry atomically: a reader sees the old or the new checkpoint, never half of one. */
export async function writeJournalEntry(stateDir: string, cp: Checkpoint): Promise<void> {
  const path = journalPath(stateDir, cp.deployment, cp.phaseId);
  await writeFileAtomic(path, encodeCheckpoint(cp), { flush: true });
}

export async function clearJournal(stateDir: string, deployment: string): Promise<void> {
  await rm(journalDir(stateDir, deployment), { recursive: true, force: true });
}

// ----------------------------------------------------------------------- KV

/** Reads the named phases' checkpoints from KV in parallel. */
export async function readKvCheckpoints(
  kv: KV,
  deployment: string,
  phaseIds: readonly string[],
): Promise<Map<string, Checkpoint>> {
  const out = new Map<string, Checkpoint>();
  await Promise.all(
    phaseIds.map(async (phaseId) => {
      const key = checkpointKey(deployment, phaseId);
      const e = await kv.get(key);
      if (e?.operation !== 'PUT') return;
      out.set(
        phaseId,
        decodeCheckpoint(
          e.value,
          { deployment, phaseId },
          `KV natsgh_checkpoints key ${key}`,
          `Delete the key: nats kv del natsgh_checkpoints ${key} (or run \`natsgh teardown\`).`,
        ),
      );
    }),
  );
  return out;
}

export async function writeKvCheckpoint(kv: KV, cp: Checkpoint): Promise<void> {
  await kv.put(checkpointKey(cp.deployment, cp.phaseId), encodeCheckpoint(cp));
}

/** Purges every checkpoint key of a deployment. Returns how many keys it removed. */
export async function clearKvCheckpoints(kv: KV, deployment: string): Promise<number> {
  const keys: string[] = [];
  for await (const k of await kv.keys(`${deployment}.phase.>`)) keys.push(k);
  await Promise.all(keys.map((k) => kv.purge(k)));
  return keys.length;
}

// -------------------------------------------------------------------- store

/**
 * Where a run reads and writes checkpoints. The journal is always written (a
 * local cache that survives NATS going away); once KV is attached every write
 * also goes to KV, and `handoff` copies what only the journal has.
 */
export class CheckpointStore {
  private kv?: KV;
  private readonly written = new Map<string, Checkpoint>();

  constructor(
    readonly stateDir: string,
    readonly deployment: string,
    /** False in --dry-run: nothing is written anywhere. */
    private readonly writable = true,
  ) {}

  get kvAttached(): boolean {
    return this.kv !== undefined;
  }

  attachKv(kv: KV): void {
    this.kv = kv;
  }

  async write(cp: Checkpoint): Promise<void> {
    if (!this.writable) return;
    this.written.set(cp.phaseId, cp);
    await writeJournalEntry(this.stateDir, cp);
    if (this.kv) await writeKvCheckpoint(this.kv, cp);
  }

  /** Copies journal entries into KV where KV lacks them or differs. Returns the phase ids copied. */
  async handoff(phaseIds: readonly string[]): Promise<string[]> {
    if (!this.kv)
      throw new NatsghError('handoff needs NATS, which is not reachable', { code: 'nats_unreachable' });
    const journal = await readJournal(this.stateDir, this.deployment);
    const inKv = await readKvCheckpoints(this.kv, this.deployment, phaseIds);
    const copied: string[] = [];
    for (const id of phaseIds) {
      const local = journal.get(id);
      if (!local) continue;
      const remote = inKv.get(id);
      if (
        remote &&
        remote.status === local.status &&
        remote.inputHash === local.inputHash &&
        remote.runId === local.runId
      ) {
        continue;
      }
      await writeKvCheckpoint(this.kv, local);
      copied.push(id);
    }
    return copied;
  }

  /** True when KV holds the same checkpoint as the journal for every given phase the journal has. */
  async handedOff(phaseIds: readonly string[]): Promise<boolean> {
    if (!this.kv) return false;
    const journal = await readJournal(this.stateDir, this.deployment);
    const inKv = await readKvCheckpoints(this.kv, this.deployment, phaseIds);
    return phaseIds.every((id) => {
      const local = journal.get(id);
      const remote = inKv.get(id);
      return (
        !local ||
        (remote !== undefined && remote.inputHash === local.inputHash && remote.status === local.status)
      );
    });
  }
}
