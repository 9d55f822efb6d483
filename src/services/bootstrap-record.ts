// The deployment's recorded settings (config/recorded.ts) over one bootstrap
// run: written before the first phase, so that `status` looks where this run
// puts things even when a phase fails; compared with the copy in KV when NATS
// answers; written again after the phases with what now runs. Each write
// happens only when the record differs from what is there (a no-op re-run
// writes nothing).
import type { KV } from '@nats-io/kv';
import type { NatsghConfig } from '../config/keys.js';
import {
  buildRecord,
  decodeRecord,
  encodeRecord,
  readRecordFile,
  runtimeDifferences,
  type SettingsRecord,
  type StartedThing,
  sameRecord,
  settingsKvKey,
  writeRecordFile,
} from '../config/recorded.js';
import type { Logger } from '../contracts.js';
import { errorMessage } from '../errors.js';

export class RunRecord {
  /** The record in the state dir, as this run last wrote or found it. */
  private local: SettingsRecord | undefined;
  /** The record in KV, when there is one. */
  private inKv: SettingsRecord | undefined;
  /** True when this state dir held no record of the deployment before this run. */
  private firstHere = false;

  constructor(
    private readonly config: NatsghConfig,
    private readonly run: { runId: string; cliVersion: string },
    private readonly log: Logger,
  ) {}

  /**
   * Before any phase (under the deployment's file lock): the settings this run
   * uses become the deployment's; what runs and what was skipped stay as last recorded.
   */
  async begin(): Promise<void> {
    const before = await readRecordFile(this.config.stateDir, this.config.deployment);
    this.local = before.found ? before.record : undefined;
    this.firstHere = !before.found;
    await this.writeLocal(
      buildRecord(this.config, { ...this.run, started: this.local?.started, skipped: this.local?.skipped }),
    );
  }

  /**
   * Reads the copy in KV (started beside the checkpoints: no extra round trip).
   * A machine without a local record (a fresh CI runner) that runs with other
   * settings than the run that recorded them is told which.
   */
  async readKv(kv: KV): Promise<void> {
    const found = await kv.get(settingsKvKey(this.config.deployment)).then(
      (e) => (e?.operation === 'PUT' ? decodeRecord(e.string(), this.config.deployment) : undefined),
      () => undefined,
    );
    if (!found || typeof found === 'string') return;
    this.inKv = found;
    const changed = runtimeDifferences(
      found.settings,
      buildRecord(this.config, { runId: this.run.runId, cliVersion: '' }).settings,
    );
    if (changed.length > 0 && this.firstHere) {
      this.log.warn(
        `deployment ${this.config.deployment} was bootstrapped (run ${found.runId}) with other settings than this run: ${changed.join(', ')}`,
      );
    }
  }

  /** After the phases: records what now runs and what was skipped and why, in the state dir and in KV. */
  async end(what: { started: StartedThing[]; skipped: Record<string, string> }, kv?: KV): Promise<void> {
    const record = buildRecord(this.config, { ...this.run, ...what });
    try {
      await this.writeLocal(record);
      if (kv && (!this.inKv || !sameRecord(this.inKv, record))) {
        await kv.put(settingsKvKey(this.config.deployment), encodeRecord(record));
        this.inKv = record;
      }
    } catch (err) {
      this.log.warn(`the deployment's settings could not be recorded: ${errorMessage(err)}`);
    }
  }

  private async writeLocal(record: SettingsRecord): Promise<void> {
    if (this.local && sameRecord(this.local, record)) return;
    await writeRecordFile(this.config.stateDir, record);
    this.local = record;
  }
}
