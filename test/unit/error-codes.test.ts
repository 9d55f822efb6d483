// The error-code table (src/error-codes.ts) against the source: every code the
// source uses is listed, every listed code is used, the exit code comes from the
// table, and no bare Error leaves its module. Former bare Errors surface with
// their code and exit code through the CLI's error mapping.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { errorDocument, exitCodeFor } from '../../src/cli/base-command.js';
import { ERROR_CODES, type ErrorCode } from '../../src/error-codes.js';
import { BusyError, InternalError, InterruptedError, NatsghError, UsageError } from '../../src/errors.js';
import { decodeToken, encodeToken, parseGithubEventSubject } from '../../src/nats/names.js';
import { handoff } from '../../src/phases/handoff.js';
import { spawnDetached } from '../../src/system/process.js';
import { ROOT } from '../support/cli.js';

const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gen' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const sources = sourceFiles(SRC)
  .filter((f) => !f.endsWith('error-codes.ts'))
  .map((f) => ({ file: relative(SRC, f), text: readFileSync(f, 'utf8') }));

const CODE = "'([a-z][a-z0-9]*(?:_[a-z0-9]+)*)'";
/** Where the source names an error code: a property, a comparison, a ternary, a typed set, a checked literal. */
const CODE_SITES = [
  new RegExp(`\\bcode:\\s*${CODE}`, 'g'),
  new RegExp(`\\.code\\s*[!=]==\\s*${CODE}`, 'g'),
  new RegExp(`\\bcode:[^\\n?]*\\?\\s*${CODE}\\s*:\\s*${CODE}`, 'g'),
  new RegExp(`${CODE}\\s+satisfies ErrorCode`, 'g'),
  new RegExp(`:\\s*(?:ErrorCode|UsageCode)\\s*=\\s*${CODE}`, 'g'),
];

function codesInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (code: string, file: string) => found.set(code, [...(found.get(code) ?? []), file]);
  for (const { file, text } of sources) {
    for (const re of CODE_SITES)
      for (const m of text.matchAll(re)) for (const code of m.slice(1)) if (code) add(code, file);
    for (const set of text.matchAll(/new Set<ErrorCode>\(\[([^\]]*)\]/g))
      for (const m of set[1].matchAll(new RegExp(CODE, 'g'))) add(m[1], file);
  }
  return found;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the error-code table', () => {
  it('lists every code the source uses', () => {
    const found = codesInSource();
    expect(found.size).toBeGreaterThan(80); // the grep finds the codes (a broken pattern would find none)
    const missing = [...found].filter(([code]) => !Object.hasOwn(ERROR_CODES, code));
    expect(missing, 'codes used in src/ but not in src/error-codes.ts').toEqual([]);
  });

  it('lists no code the source never uses', () => {
    const unused = Object.keys(ERROR_CODES).filter(
      (code) => !sources.some(({ text }) => text.includes(`'${code}'`)),
    );
    expect(unused, 'codes in src/error-codes.ts that no file in src/ names').toEqual([]);
  });

  it('gives every code an error exit code and a one-line meaning', () => {
    for (const [code, { exit, meaning }] of Object.entries(ERROR_CODES)) {
      expect([1, 2, 3, 130], code).toContain(exit);
      expect(meaning, code).toMatch(/^\S.*\.$/);
      expect(meaning, code).not.toContain('\n');
    }
  });

  it('decides the exit code of every error class from the code', () => {
    expect(new NatsghError('m', { code: 'github_app_key_unreadable' }).exit).toBe(2);
    expect(new NatsghError('m', { code: 'nats_unreachable' }).exit).toBe(1);
    const usage = new UsageError('m');
    expect([usage.code, usage.exit]).toEqual(['usage', 2]);
    expect(new UsageError('m', { code: 'config_invalid' }).exit).toBe(2);
    const busy = new BusyError('m', { code: 'lock_held' });
    expect([busy.code, busy.exit]).toEqual(['lock_held', 3]);
    const interrupted = new InterruptedError();
    expect([interrupted.code, interrupted.exit]).toEqual(['interrupted', 130]);
    const internal = new InternalError('m');
    expect([internal.code, internal.exit]).toEqual(['internal', 1]);
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[])
      expect(exitCodeFor(new NatsghError('m', { code })), code).toBe(ERROR_CODES[code].exit);
  });
});

describe('no bare Error leaves its module', () => {
  // Throws caught in the same function (their error never leaves it).
  const ALLOWED: Record<string, number> = {
    'github/webhook-register.ts': 1, // URL check, caught at once and reported as usage
    'system/nats-server-binary.ts': 1, // inside the install's try, reported as nats_server_install
    'controller/consumer.ts': 1, // payload check, caught at once: the event is terminated as malformed
    'github/http-fetch.ts': 1, // fetch's own contract (a TypeError), which octokit wraps and describeGithubError names
  };

  it('throws only NatsghErrors across modules', () => {
    const bare = Object.fromEntries(
      sources
        .map(
          ({ file, text }) => [file, text.match(/throw new (?:Type|Range)?Error\(/g)?.length ?? 0] as const,
        )
        .filter(([, n]) => n > 0),
    );
    expect(bare, 'a bare `throw new Error(` in src/: make it a NatsghError with a code').toEqual(ALLOWED);
  });
});

describe('former bare Errors surface with their code and exit code', () => {
  it('a malformed subject: nats_subject_invalid, exit 1 (was internal)', () => {
    for (const fn of [
      () => parseGithubEventSubject('github.events.acme'),
      () => decodeToken('=zz'),
      () => encodeToken(''),
    ]) {
      let thrown: unknown;
      try {
        fn();
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(NatsghError);
      expect(errorDocument(thrown).error.code).toBe('nats_subject_invalid');
      expect(exitCodeFor(thrown)).toBe(1);
    }
  });

  it('handoff without NATS: nats_unreachable, exit 1, in the JSON error document', async () => {
    const ctx = { nats: undefined, checkpoints: undefined } as unknown as Parameters<typeof handoff.run>[0];
    const err = await handoff.run(ctx, { output: () => undefined } as never).catch((e: unknown) => e);
    expect(errorDocument(err)).toEqual({
      error: {
        code: 'nats_unreachable',
        message: 'NATS is not reachable, so checkpoints cannot move into KV',
        suggestions: [],
      },
    });
    expect(exitCodeFor(err)).toBe(1);
  });

  it('a background process that cannot start: spawn_failed, exit 1, and no unhandled error event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-spawn-'));
    dirs.push(dir);
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      let thrown: unknown;
      try {
        spawnDetached(join(dir, 'no-such-binary'), [], { logFile: join(dir, 'log') });
      } catch (err) {
        thrown = err;
      }
      expect(errorDocument(thrown).error.code).toBe('spawn_failed');
      expect(exitCodeFor(thrown)).toBe(1);
      // The child's 'error' event comes after the throw: it must not crash the process.
      await new Promise((r) => setTimeout(r, 100));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
