// Faults of the state dir and its files: read-only, disk full, a corrupted
// journal, a truncated creds file. Each gives a clear error (not an "internal
// error"), leaves nothing half-written, and a re-run converges once fixed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDeployment, type TestDeployment } from '../support/deployment.js';
import { freePort } from '../support/nats-server.js';
import { createOperatorSetup } from '../support/operator-mode.js';
import { mountTmpfs, requireMount, resizeTmpfs, unmount } from './mounts.js';
import { countProcesses } from './processes.js';
import { createRng } from './random.js';
import { checked, injected } from './report.js';

let d: TestDeployment | undefined;
let mounted: string | undefined;

afterEach(async () => {
  if (!d) return;
  // Stop what runs from the state dir before unmounting it, then the usual cleanup.
  for (const line of [
    ...(await countProcesses(d.stateDir)).servers,
    ...(await countProcesses(d.stateDir)).controllers,
  ]) {
    try {
      process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    } catch {
      // gone already
    }
  }
  if (mounted) unmount(mounted);
  mounted = undefined;
  await d.cleanup();
  d = undefined;
});

function files(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
}

function errorText(doc: any): string {
  if (doc?.error) return `${doc.error.code}: ${doc.error.message}`;
  const failed = doc?.phases?.find((p: { status: string }) => p.status === 'failed');
  return failed ? `${failed.id}: ${failed.reason}` : JSON.stringify(doc);
}

describe('state dir faults', () => {
  it('a read-only state dir: a clear error naming the dir, not an internal error; nothing written', async () => {
    d = await createTestDeployment();
    if (requireMount('read-only state dir')) {
      mountTmpfs(d.stateDir, { size: '1m', readOnly: true });
      mounted = d.stateDir;
    } else {
      execFileSync('mkdir', ['-p', '-m', '0555', d.stateDir]);
    }
    injected('state-dir', `read-only filesystem at ${d.stateDir}`);
    const { r, doc } = await d.bootstrap();
    expect(r.code).not.toBe(0);
    expect(doc, r.stderr).toBeDefined();
    const text = errorText(doc);
    expect(doc.error?.code, text).not.toBe('internal');
    expect(text).toContain(d.stateDir);
    expect(text).toMatch(/read-only|not writable|EROFS|permission/i);
    expect(files(d.stateDir)).toEqual([]);
    expect((await countProcesses(d.stateDir)).servers).toEqual([]);
    checked('state-dir', `exit ${r.code}, "${text}"; the dir is still empty; no process started`);
  });

  it('a full disk: the run fails clearly, leaves no temp file, teardown still works, and a re-run converges once there is space', async () => {
    d = await createTestDeployment();
    if (!requireMount('disk full')) return;
    mountTmpfs(d.stateDir, { size: '64k' });
    mounted = d.stateDir;
    injected('state-dir', `a 64 KiB tmpfs as the state dir ${d.stateDir}`);
    const { r, doc } = await d.bootstrap();
    expect(r.code, r.stderr).toBe(1);
    const text = errorText(doc);
    // natsgh's own write (ENOSPC), or, now that every stream declares max_bytes, the nats-server's
    // JetStream store refusing natsgh's first bucket on the same full disk (10047).
    expect(text).toMatch(/ENOSPC|no space|no storage left/i);
    expect(text).not.toMatch(/internal error|does not accept connections/);
    const temps = files(d.stateDir).filter((f) => f.endsWith('.tmp'));
    expect(temps, 'temp files left by a failed atomic write').toEqual([]);
    checked('state-dir', `exit ${r.code}, "${text}"; temp files left: ${temps.length}`);

    // With the disk still full, teardown must still stop what the failed run started.
    // KV cannot write either, so its checkpoints may stay (the next run verifies them): that step
    // alone may fail, and says so; every process is stopped all the same.
    const down = await d.run(['teardown', '--yes', '--json']);
    const downDoc = JSON.parse(down.stdout || '{}');
    const failedSteps = (downDoc.steps ?? []).filter((s: { status: string }) => s.status === 'failed');
    expect(downDoc.error, down.stderr).toBeUndefined();
    if (failedSteps.length) {
      expect(failedSteps.map((s: { id: string }) => s.id)).toEqual(['checkpoints']);
      expect(down.code).toBe(1);
    } else {
      expect(down.code).toBe(0);
    }
    expect((await countProcesses(d.stateDir)).servers, 'nats-server left running after teardown').toEqual([]);
    expect((await countProcesses(d.stateDir)).controllers, 'controller left running after teardown').toEqual(
      [],
    );
    checked(
      'state-dir',
      `teardown on the full disk exited ${down.code}${failedSteps.length ? ` (${failedSteps[0].id}: ${failedSteps[0].reason})` : ''}; no nats-server or controller left`,
    );

    resizeTmpfs(d.stateDir, '256m');
    injected('state-dir', 'grew the tmpfs to 256 MiB');
    const again = await d.bootstrap();
    expect(again.r.code, errorText(again.doc)).toBe(0);
    const procs = await countProcesses(d.stateDir);
    expect(procs.servers).toHaveLength(1);
    expect(procs.controllers).toHaveLength(1);
    checked('state-dir', 're-run with space converged: one server, one controller');
  });
});

describe('corrupted journal', () => {
  it('truncated, garbage, empty or a directory: exit 1 naming the file, file left as it was, lock released; deleting it converges', async () => {
    const rng = createRng('corrupt-journal');
    d = await createTestDeployment();
    // A crash right after provision-nats leaves a journal (handoff to KV never happened).
    const crash = await d.run(['bootstrap', '--json'], { NATSGH_TEST_CRASH_AT: 'provision-nats:after' });
    expect(crash.signal).toBe('SIGKILL');
    const dir = join(d.stateDir, 'journal', 'default');
    const entries = readdirSync(dir).filter((f) => f.endsWith('.pb'));
    expect(entries.length).toBeGreaterThan(0);
    for (const kind of ['truncated', 'garbage', 'empty', 'directory'] as const) {
      const file = join(dir, entries[rng.int(0, entries.length - 1)]);
      const original = readFileSync(file);
      rmSync(file, { recursive: true, force: true });
      if (kind === 'directory') execFileSync('mkdir', [file]);
      else if (kind === 'empty') writeFileSync(file, '');
      else if (kind === 'truncated')
        writeFileSync(file, original.subarray(0, rng.int(1, original.length - 1)));
      else writeFileSync(file, Buffer.from(Array.from({ length: 64 }, () => rng.int(0, 255))));
      injected('corrupt-journal', `${kind} ${file}`);
      const corrupted = existsSync(file) && !kind.startsWith('dir') ? readFileSync(file) : undefined;
      const { r, doc } = await d.bootstrap();
      expect(doc, r.stderr).toBeDefined();
      // An empty entry or one whose truncation still decodes may be read as "no checkpoint"; the run then converges.
      if (r.code === 0) {
        expect(['empty', 'truncated']).toContain(kind);
        checked('corrupt-journal', `${kind}: decoded as a stale checkpoint, the run converged`);
        continue;
      }
      expect(r.code, r.stderr).toBe(1);
      expect(doc.error.code, errorText(doc)).toBe('checkpoint_corrupt');
      expect(doc.error.message).toContain(file);
      expect(doc.error.suggestions.join(' ')).toContain(file);
      if (corrupted)
        expect(readFileSync(file).equals(corrupted), 'the corrupted file was rewritten').toBe(true);
      expect(existsSync(join(d.stateDir, 'default.lock'))).toBe(false);
      checked('corrupt-journal', `${kind}: exit 1, "${doc.error.message}"; file untouched; lock released`);
      rmSync(file, { recursive: true, force: true });
      // Put back a good entry for the next corruption.
      writeFileSync(file, original);
    }
    rmSync(dir, { recursive: true, force: true });
    const { r } = await d.bootstrap();
    expect(r.code, r.stderr).toBe(0);
    expect((await countProcesses(d.stateDir)).servers).toHaveLength(1);
    checked('corrupt-journal', 'after deleting the journal the run converged with one server');
  });
});

describe('truncated creds file', () => {
  it('exit 2 naming the file; no seed bytes anywhere in the output', async () => {
    const rng = createRng('truncated-creds');
    d = await createTestDeployment();
    const op = await createOperatorSetup();
    const { file, seed } = await op.writeUserCreds(d.dir, 'chaos');
    const full = readFileSync(file, 'utf8');
    const seedAt = full.indexOf(seed);
    // Cut inside the seed (the worst case: part of the secret is in the file) and anywhere else.
    for (const cut of [seedAt + rng.int(1, seed.length - 1), rng.int(1, full.length - 40)]) {
      writeFileSync(file, full.slice(0, cut), { mode: 0o600 });
      injected('truncated-creds', `${file} cut at byte ${cut} of ${full.length}`);
      const { r, doc } = await d.bootstrap([
        '--nats-type',
        'synadia',
        '--creds',
        file,
        '--nats-url',
        `nats://127.0.0.1:${await freePort()}`,
      ]);
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(doc.error.code).toMatch(/^creds_/);
      expect(doc.error.message).toContain(file);
      const out = r.stdout + r.stderr;
      for (let i = 0; i + 12 <= seed.length; i += 4) expect(out).not.toContain(seed.slice(i, i + 12));
      checked(
        'truncated-creds',
        `exit 2, "${doc.error.message}"; no 12-byte window of the seed in stdout/stderr`,
      );
    }
  });
});
