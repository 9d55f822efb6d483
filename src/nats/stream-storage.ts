// Stream byte limits are ceilings, not needs. nats-server reserves a stream's
// max_bytes against its JetStream storage (by default 75% of the disk that was
// free when it started), so a 2 GiB GITHUB_EVENTS cannot be created on a server
// with 200 MB of storage: error 10047. natsgh then halves the ceiling until it
// fits (never below MIN_STREAM_BYTES), and says so when even that does not fit.
import type { StreamConfig } from '@nats-io/jetstream';
import { errorMessage, NatsghError } from '../errors.js';

/** JSStorageResourcesExceededErr: "insufficient storage resources available". */
export const JS_STORAGE_EXCEEDED = 10047;
export const MIN_STREAM_BYTES = 16 * 1024 * 1024;

export function isStorageExceeded(err: unknown): boolean {
  return (
    (err as { code?: unknown } | undefined)?.code === JS_STORAGE_EXCEEDED ||
    /insufficient storage resources/i.test(errorMessage(err))
  );
}

export function storageFullError(stream: string, cause: unknown): NatsghError {
  return new NatsghError(
    `JetStream has no storage left for stream ${stream} (error ${JS_STORAGE_EXCEEDED}: insufficient storage resources)`,
    {
      code: 'jetstream_storage_full',
      cause,
      details: { stream },
      suggestions: [
        'Free disk space where the nats-server keeps its store (for natsgh-run servers: the state dir), then restart it',
        'or raise its limit: jetstream { max_file_store: ... } in the server configuration.',
      ],
    },
  );
}

/**
 * Runs `attempt` (a stream add or update) with the stream's max_bytes, halving
 * it while the server answers 10047. Returns what the attempt returned; the
 * limit used is in its StreamInfo.
 */
export async function withFittingMaxBytes<T>(
  config: Partial<StreamConfig> & { name: string },
  attempt: (config: Partial<StreamConfig> & { name: string }) => Promise<T>,
): Promise<T> {
  let cfg = config;
  for (;;) {
    try {
      return await attempt(cfg);
    } catch (err) {
      if (!isStorageExceeded(err)) throw err;
      const max = cfg.max_bytes ?? -1;
      if (max <= MIN_STREAM_BYTES) throw storageFullError(config.name, err);
      const half = Math.floor(max / 2 / (1024 * 1024)) * 1024 * 1024;
      cfg = { ...cfg, max_bytes: Math.max(MIN_STREAM_BYTES, half) };
    }
  }
}
