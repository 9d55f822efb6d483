// Contracts every layer shares and none owns: a line logger and the result of
// a live check. A leaf module: it imports nothing, so a provisioner, a
// terraform backend and the workflow runner can all use it without importing
// each other.

/** Line-oriented, redacted log into the current task's output (or stderr in CI). */
export interface Logger {
  info(line: string): void;
  warn(line: string): void;
}

/** A logger that drops everything (tests, read-only services). */
export const silentLog: Logger = { info: () => {}, warn: () => {} };

/** The result of a cheap live check that something still exists and works. */
export type VerifyResult = { ok: true } | { ok: false; reason: string };
