import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSystemError, NatsghError } from '../../src/errors.js';
import { CorruptCheckpointError, readJournal } from '../../src/services/checkpoints.js';
import { sweepTempFiles, writeFileAtomic } from '../../src/system/atomic-file.js';

const errno = (code: string) => Object.assign(new Error(`${code}: boom`), { code });

describe('writeFileAtomic', () => {
  it('replaces the file, creating its directory, with the mode asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-atomic-'));
    const file = join(dir, 'a', 'b', 'x.txt');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two', { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('two');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['x.txt']);
  });

  it('a failed rename leaves no temp file and the old content as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-atomic-'));
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'keep');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('keep');
  });
});

describe('fileSystemError', () => {
  it.each(['EROFS', 'EACCES', 'EPERM'])('%s: not writable, naming the path and --state-dir', (code) => {
    const e = fileSystemError(errno(code), '/s/default.lock');
    expect(e).toBeInstanceOf(NatsghError);
    expect(e?.code).toBe('state_dir_not_writable');
    expect(e?.message).toContain('/s/default.lock');
    expect(e?.suggestions.join(' ')).toContain('--state-dir');
  });

  it.each(['ENOSPC', 'EDQUOT'])('%s: disk full, naming the path', (code) => {
    const e = fileSystemError(errno(code), '/s/journal/x.pb');
    expect(e?.code).toBe('disk_full');
    expect(e?.message).toMatch(/no space left.*\/s\/journal\/x\.pb|\/s\/journal\/x\.pb.*no space left/);
  });

  it('any other error is not mapped', () => {
    expect(fileSystemError(errno('ENOENT'), '/x')).toBeUndefined();
    expect(fileSystemError(new Error('plain'), '/x')).toBeUndefined();
  });
});

describe('readJournal', () => {
  it('an entry that is a directory is a corrupt checkpoint naming its path, not an internal error', async () => {
    const state = mkdtempSync(join(tmpdir(), 'natsgh-journal-'));
    const entry = join(state, 'journal', 'default', 'prerequisites.pb');
    mkdirSync(entry, { recursive: true });
    const err = await readJournal(state, 'default').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptCheckpointError);
    expect((err as Error).message).toContain(entry);
    expect((err as NatsghError).suggestions.join(' ')).toContain(`Delete ${entry}`);
  });
});

describe('sweepTempFiles', () => {
  it('removes the temp files of dead writers only, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-sweep-'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid; // exited: its pid is free
    const names = [
      `controller.pid.${dead}.0badc0de.tmp`, // a writer killed between write and rename
      `controller.pid.${process.pid}.0123abcd.tmp`, // a writer still at work
      'controller.pid',
      'notes.tmp',
    ];
    for (const n of names) writeFileSync(join(dir, n), 'x');
    expect(await sweepTempFiles([dir, join(dir, 'missing')])).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
  });
});
