// The base every natsgh command extends. It gives --json (one JSON document on
// stdout: the typed result, or {"error": {...}}), exit codes, redaction of all
// output, non-interactive detection and an AbortSignal for SIGINT/SIGTERM.
// Warnings go to stderr and travel with the --json result as `warnings: []`.
// Subclasses implement execute() (returns the typed result) and render().
import { Command, Errors } from '@oclif/core';
import type { ResolvedConfig, ResolveOptions } from '../config/load.js';
import type { Logger } from '../contracts.js';
import {
  type ErrorCode,
  ExitCode,
  fileSystemError,
  InterruptedError,
  isNatsghError,
  NatsghError,
} from '../errors.js';
import { natsErrorFor } from '../nats/nats-errors.js';
import { redact, redactValue } from '../redact.js';

export interface ErrorDocument {
  error: { code: ErrorCode; message: string; suggestions: string[]; details?: Record<string, unknown> };
}

export abstract class BaseCommand<T> extends Command {
  static enableJsonFlag = true;

  private readonly abortController = new AbortController();
  private signalHandlers: Array<[NodeJS.Signals, () => void]> = [];
  /** Exit code the command asks for after a result (e.g. 1 when a phase failed). */
  protected resultExitCode: number = ExitCode.ok;
  private readonly warnings: string[] = [];
  /** True while --json prints one document per line as it goes (no final result to carry warnings). */
  protected streamsJson = false;

  /** A warning: on stderr for a person, and in the --json result's `warnings` (said once). */
  warning(text: string): void {
    const line = redact(text);
    if (this.warnings.includes(line)) return;
    this.warnings.push(line);
    if (!this.jsonEnabled() || this.streamsJson) process.stderr.write(`warning: ${line}\n`);
  }

  /** The warnings said so far (the --json result carries them). */
  get warningsSaid(): readonly string[] {
    return this.warnings;
  }

  /** A logger for services: progress on stderr (not under --json), warnings through warning(). */
  get logger(): Logger {
    return {
      info: (line) => {
        if (!this.jsonEnabled()) this.note(line);
      },
      warn: (line) => this.warning(line),
    };
  }

  /**
   * Resolves the configuration of this command's deployment (its recorded
   * settings, then config file, env and flags) and says the resolver's warnings.
   */
  protected async resolveConfig(
    flags: Record<string, unknown> & { config?: string },
    opts: Omit<ResolveOptions, 'flags' | 'configFile'> = {},
  ): Promise<ResolvedConfig> {
    const { resolveConfig } = await import('../config/load.js');
    const resolved = await resolveConfig({
      command: (this.id ?? 'natsgh').replaceAll(':', ' '),
      ...opts,
      flags,
      configFile: flags.config,
    });
    for (const w of resolved.warnings) this.warning(w);
    return resolved;
  }

  /** Aborted on the first SIGINT/SIGTERM; a second one exits 130 at once. */
  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  /** True when natsgh may prompt: no CI, stdin is a TTY and --yes was not given. */
  isInteractive(yes?: boolean): boolean {
    if (yes) return false;
    if (process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0') return false;
    return Boolean(process.stdin.isTTY);
  }

  protected abstract execute(): Promise<T>;
  protected abstract render(result: T): void;

  async init(): Promise<void> {
    await super.init();
    let count = 0;
    for (const sig of ['SIGINT', 'SIGTERM'] as NodeJS.Signals[]) {
      const handler = () => {
        count++;
        if (count > 1) process.exit(ExitCode.interrupted);
        this.abortController.abort(new InterruptedError(`interrupted by ${sig}`));
      };
      process.on(sig, handler);
      this.signalHandlers.push([sig, handler]);
    }
    if (
      this.argv.some((a) =>
        /^--(?:[a-z-]*(?:token|secret|password)|tf-var|tf-backend-config|nats-url)\b/.test(a),
      )
    ) {
      const { secretFlagWarnings } = await import('./secret-flags.js');
      for (const w of secretFlagWarnings(this.argv)) {
        // In the --json result's warnings, and on stderr always (a failing command's error document has none).
        this.warning(w);
        if (this.jsonEnabled() && !this.streamsJson) this.note(`warning: ${w}`);
      }
    }
  }

  async run(): Promise<T> {
    const result = await this.execute();
    if (!this.jsonEnabled()) this.render(result);
    if (this.resultExitCode !== ExitCode.ok) process.exitCode = this.resultExitCode;
    return result;
  }

  async finally(err: Error | undefined): Promise<void> {
    for (const [sig, handler] of this.signalHandlers) process.off(sig, handler);
    await super.finally(err);
  }

  /** Prints a line to stdout (redacted). Never used under --json. */
  out(text: string): void {
    if (this.jsonEnabled()) return;
    process.stdout.write(`${redact(text)}\n`);
  }

  /** Prints a line to stderr (redacted): progress, warnings. */
  note(text: string): void {
    process.stderr.write(`${redact(text)}\n`);
  }

  /** The --json document of a result: the typed result with the warnings said while making it. */
  toSuccessJson(result: unknown): any {
    if (result && typeof result === 'object' && !Array.isArray(result)) {
      return { ...(result as Record<string, unknown>), warnings: [...this.warnings] };
    }
    return result;
  }

  logJson(json: unknown): void {
    process.stdout.write(`${JSON.stringify(redactValue(json), null, 2)}\n`);
  }

  toErrorJson(err: unknown): ErrorDocument {
    return errorDocument(err);
  }

  async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<void> {
    // oclif's own exit (this.exit()) passes through untouched.
    if (err instanceof Errors.ExitError) throw err;
    const doc = errorDocument(err);
    const exit = exitCodeFor(err);
    process.exitCode = exit;
    if (this.jsonEnabled()) {
      this.logJson(doc);
    } else {
      const lines = [`Error: ${doc.error.message}`];
      for (const s of doc.error.suggestions) lines.push(`  → ${s}`);
      if (process.env.NATSGH_DEBUG && err.stack) lines.push(err.stack);
      process.stderr.write(`${redact(lines.join('\n'))}\n`);
    }
  }
}

export function exitCodeFor(err: unknown): number {
  if (isNatsghError(err)) return err.exit;
  // oclif marks flag parsing errors (unknown flag, bad option, missing flag) with exit 2.
  const exit = (err as { oclif?: { exit?: number } })?.oclif?.exit;
  return exit === ExitCode.usage ? ExitCode.usage : ExitCode.failed;
}

export function errorDocument(err: unknown): ErrorDocument {
  if (err instanceof NatsghError) {
    return redactValue({
      error: { code: err.code, message: err.message, suggestions: err.suggestions, details: err.details },
    });
  }
  const e = err as Error & { oclif?: { exit?: number }; suggestions?: string[] };
  if (e?.oclif?.exit === 2) {
    return redactValue({
      error: {
        code: 'usage',
        message:
          e.message.split('\n')[0] +
          (e.message.includes('\n') ? ` ${e.message.split('\n').slice(1).join(' ').trim()}` : ''),
        suggestions: e.suggestions ?? ['Run the command with --help to see its flags and examples.'],
      },
    });
  }
  // A NATS permissions violation, account limit or expired user is not a bug either.
  const natsErr = natsErrorFor(err);
  if (natsErr) return errorDocument(natsErr);
  // A read-only or full disk is not a bug: say which path, and what to do.
  const path = (err as NodeJS.ErrnoException | undefined)?.path;
  const fsErr = path ? fileSystemError(err, path, 'its directory') : undefined;
  if (fsErr) return errorDocument(fsErr);
  return redactValue({
    error: {
      code: 'internal',
      message: `internal error (a bug in natsgh): ${e?.message ?? String(err)}`,
      suggestions: ['Re-run with NATSGH_DEBUG=1 and report the output (it is redacted).'],
    },
  });
}
