// The error classes every command maps to an exit code and a JSON error
// document. Errors a person can act on carry suggestions; bugs are InternalError.
// Every code, its exit code and meaning are listed once in error-codes.ts.
import {
  type ErrorCode,
  type ErrorCodeWithExit,
  type ErrorExit,
  type ExitCode,
  exitCodeOf,
  type UsageCode,
} from './error-codes.js';

export { ERROR_CODES, type ErrorCode, ExitCode, type ExitCodeValue, type UsageCode } from './error-codes.js';

export interface NatsghErrorOptions {
  /** Machine-readable code, for example "config_invalid" or "lock_held"; it decides the exit code. */
  code: ErrorCode;
  /** Next steps: commands or flags to try. */
  suggestions?: string[];
  cause?: unknown;
  /** Extra structured facts for --json (no secrets). */
  details?: Record<string, unknown>;
}

export class NatsghError extends Error {
  readonly code: ErrorCode;
  readonly exit: ErrorExit;
  readonly suggestions: string[];
  readonly details?: Record<string, unknown>;

  constructor(message: string, opts: NatsghErrorOptions) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'NatsghError';
    this.code = opts.code;
    this.exit = exitCodeOf(opts.code);
    this.suggestions = opts.suggestions ?? [];
    this.details = opts.details;
  }
}

/** Bad flags, bad config, missing required input: exit 2. */
export class UsageError extends NatsghError {
  constructor(message: string, opts: Omit<NatsghErrorOptions, 'code'> & { code?: UsageCode } = {}) {
    super(message, { ...opts, code: opts.code ?? 'usage' });
    this.name = 'UsageError';
  }
}

/** Another run holds the deployment's lock: exit 3. */
export class BusyError extends NatsghError {
  constructor(
    message: string,
    opts: Omit<NatsghErrorOptions, 'code'> & { code?: ErrorCodeWithExit<typeof ExitCode.busy> } = {},
  ) {
    super(message, { ...opts, code: opts.code ?? 'busy' });
    this.name = 'BusyError';
  }
}

/** SIGINT/SIGTERM: exit 130. */
export class InterruptedError extends NatsghError {
  constructor(message = 'interrupted', opts: Omit<NatsghErrorOptions, 'code'> = {}) {
    super(message, { ...opts, code: 'interrupted' });
    this.name = 'InterruptedError';
  }
}

/** A bug in natsgh, not something the user did. */
export class InternalError extends NatsghError {
  constructor(message: string, cause?: unknown) {
    super(`internal error (a bug in natsgh): ${message}`, {
      code: 'internal',
      cause,
      suggestions: ['Re-run with NATSGH_DEBUG=1 and report the output (it is redacted).'],
    });
    this.name = 'InternalError';
  }
}

export function isNatsghError(err: unknown): err is NatsghError {
  return err instanceof NatsghError;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM']);
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

/**
 * A filesystem error natsgh cannot work around (read-only or full disk, no
 * permission) as an error a person can act on, naming the path; undefined for
 * any other error. `where` names the file's role ("the state dir ...").
 */
export function fileSystemError(
  err: unknown,
  path: string,
  where = 'the state dir',
): NatsghError | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return undefined;
  if (NOT_WRITABLE.has(code)) {
    return new NatsghError(`cannot write ${path}: ${where} is not writable (${code})`, {
      code: 'state_dir_not_writable',
      cause: err,
      details: { path, errno: code },
      suggestions: [
        `Make ${where} writable (check the mount and its permissions), or`,
        'point natsgh at another directory: --state-dir DIR (or NATSGH_STATE_DIR).',
      ],
    });
  }
  if (NO_SPACE.has(code)) {
    return new NatsghError(`cannot write ${path}: no space left on ${where}'s disk (${code})`, {
      code: 'disk_full',
      cause: err,
      details: { path, errno: code },
      suggestions: [
        `Free space on the disk holding ${path}, then re-run (completed phases are kept), or`,
        'point natsgh at another directory: --state-dir DIR (or NATSGH_STATE_DIR).',
      ],
    });
  }
  return undefined;
}
