// Phase checkpoints (DESIGN.md, "Where checkpoints live"): a local journal
// (<stateDir>/journal/<deployment>/<phase>.pb, atomic temp+rename) until the
// shared store exists, a KV bucket after. How a checkpoint is encoded and which
// KV key holds it is the caller's (a CheckpointFormat): this module knows files,
// KV and the rule that a value which does not decode is an error naming its
// path or key, never silently "no checkpoint".
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { KV } from '@nats-io/kv';
import { errorMessage, NatsghError } from '../errors.js';
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

/** How checkpoints are stored: the byte encoding and the KV key layout. */
export interface CheckpointFormat {
  encode(cp: Checkpoint): Uint8Array;
  /** Decodes bytes; throws (any error, its message is the reason) when they are not a checkpoint. */
  decode(bytes: Uint8Array): Checkpoint;
  /** The KV bucket's name, for messages. */
  bucket: string;
  kvKey(deployment: string, phaseId: string): string;
  /** A key filter matching every checkpoint of a deployment. */
  kvFilter(deployment: string): string;
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
 * Decodes and sanity-checks a checkpoint: an encoding accepts many byte
 * strings, so the deployment and phase id must be the ones the location promises.
 */
export function decodeCheckpoint(
  format: CheckpointFormat,
  bytes: Uint8Array,
  expect: { deployment: string; phaseId: string },
  where: string,
  remedy: string,
): Checkpoint {
  let cp: Checkpoint;
  try {
    cp = format.decode(bytes);
  } catch (err) {
    throw new CorruptCheckpointError(where, `not a checkpoint: ${errorMessage(err)}`, remedy);
  }
  if (cp.phaseId !== expect.phaseId || cp.deployment !== expect.deployment) {
    throw new CorruptCheckpointError(
      where,
      `expected phase "${expect.phaseId}" of deployment "${expect.deployment}", found phase "${cp.phaseId}" of "${cp.deployment}" with status ${cp.status}`,
      remedy,
    );
  }
  return cp;
}

// ------------------------------------------------------------------ journal

export function journalDir(stateDir: string, deployment: string): string {
  return join(stateDir, 'journal', deployment);
}

export function journalPath(stateDir: string, deployment: string, phaseId: string): string {
  return join(journalDir(stateDir, deployment), `${phaseId}.pb`);
}

export async function clearJournal(stateDir: string, deployment: string): Promise<void> {
  await rm(journalDir(stateDir, deployment), { recursive: true, force: true });
}

/** Journal and KV reads and writes in one format. */
export interface CheckpointIo {
  readonly format: CheckpointFormat;
  /** Every journal entry of a deployment; a missing journal is empty. */
  readJournal(stateDir: string, deployment: string): Promise<Map<string, Checkpoint>>;
  /** One journal entry, atomically: a reader sees the old or the new checkpoint, never half of one. */
  writeJournalEntry(stateDir: string, cp: Checkpoint): Promise<void>;
  /** The named phases' checkpoints from KV, read in parallel. */
  readKvCheckpoints(
    kv: KV,
    deployment: string,
    phaseIds: readonly string[],
  ): Promise<Map<string, Checkpoint>>;
  writeKvCheckpoint(kv: KV, cp: Checkpoint): Promise<void>;
  /** Purges every checkpoint key of a deployment; returns how many it removed. */
  clearKvCheckpoints(kv: KV, deployment: string): Promise<number>;
}

export function checkpointIo(format: CheckpointFormat): CheckpointIo {
  return {
    format,
    async readJournal(stateDir, deployment) {
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
            out.set(phaseId, decodeCheckpoint(format, bytes, { deployment, phaseId }, path, remedy));
          }),
      );
      return out;
    },
    async writeJournalEntry(stateDir, cp) {
      const path = journalPath(stateDir, cp.deployment, cp.phaseId);
      await writeFileAtomic(path, format.encode(cp), { flush: true });
    },
    async readKvCheckpoints(kv, deployment, phaseIds) {
      const out = new Map<string, Checkpoint>();
      await Promise.all(
        phaseIds.map(async (phaseId) => {
          const key = format.kvKey(deployment, phaseId);
          const e = await kv.get(key);
          if (e?.operation !== 'PUT') return;
          out.set(
            phaseId,
            decodeCheckpoint(
              format,
              e.value,
              { deployment, phaseId },
              `KV ${format.bucket} key ${key}`,
              `Delete the key: nats kv del ${format.bucket} ${key} (or run \`natsgh teardown\`).`,
            ),
          );
        }),
      );
      return out;
    },
    async writeKvCheckpoint(kv, cp) {
      await kv.put(format.kvKey(cp.deployment, cp.phaseId), format.encode(cp));
    },
    async clearKvCheckpoints(kv, deployment) {
      const keys: string[] = [];
      for await (const k of await kv.keys(format.kvFilter(deployment))) keys.push(k);
      await Promise.all(keys.map((k) => kv.purge(k)));
      return keys.length;
    },
  };
}

// -------------------------------------------------------------------- store

/**
 * Where a run reads and writes checkpoints. The journal is always written (a
 * local cache that survives NATS going away); once KV is attached every write
 * also goes to KV, and `handoff` copies what only the journal has.
 */
export class CheckpointStore {
  private kv?: KV;

  constructor(
    private readonly io: CheckpointIo,
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
    await this.io.writeJournalEntry(this.stateDir, cp);
    if (this.kv) await this.io.writeKvCheckpoint(this.kv, cp);
  }

  /** Copies journal entries into KV where KV lacks them or differs. Returns the phase ids copied. */
  async handoff(phaseIds: readonly string[]): Promise<string[]> {
    if (!this.kv)
      throw new NatsghError('handoff needs NATS, which is not reachable', { code: 'nats_unreachable' });
    const journal = await this.io.readJournal(this.stateDir, this.deployment);
    const inKv = await this.io.readKvCheckpoints(this.kv, this.deployment, phaseIds);
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
      await this.io.writeKvCheckpoint(this.kv, local);
      copied.push(id);
    }
    return copied;
  }

  /** True when KV holds the same checkpoint as the journal for every given phase the journal has. */
  async handedOff(phaseIds: readonly string[]): Promise<boolean> {
    if (!this.kv) return false;
    const journal = await this.io.readJournal(this.stateDir, this.deployment);
    const inKv = await this.io.readKvCheckpoints(this.kv, this.deployment, phaseIds);
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
