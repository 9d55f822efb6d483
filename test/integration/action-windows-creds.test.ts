// action.yml's "Write the creds file" step on a Windows runner, run with bash
// (Git Bash runs it there) and stand-ins for whoami (its recorded CSV, CRLF),
// cygpath and icacls: icacls gets /inheritance:r as written, with Git Bash's
// path conversion off for the call (it turned /inheritance:r into a path), and
// grants the SID whoami reports plus SYSTEM, not a localized user name.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../support/cli.js';
import { createStandIns, type StandIns } from '../support/stand-in.js';
import type { WorkflowStep } from '../support/workflow.js';

const SID = 'S-1-5-21-3623811015-3361044348-30300820-1013';

describe.runIf(process.platform !== 'win32')("action.yml's creds step on a Windows runner", () => {
  let tools: StandIns;
  let temp: string;
  beforeAll(() => {
    tools = createStandIns(['whoami', 'cygpath', 'icacls']);
    temp = mkdtempSync(join(tmpdir(), 'natsgh-action-win-'));
    const whoami = readFileSync(join(ROOT, 'test/fixtures/platform/whoami-user.csv'), 'utf8');
    writeFileSync(join(temp, 'whoami.out'), whoami.replace(/\r?\n/g, '\r\n'));
    tools.behave('whoami', `cat '${join(temp, 'whoami.out')}'`);
    tools.behave('cygpath', 'printf \'%s\\n\' "D:\\\\a\\\\_temp\\\\$(basename "$2")"');
    tools.behave(
      'icacls',
      `printf '%s|%s\\n' "\${MSYS_NO_PATHCONV:-}" "\${MSYS2_ARG_CONV_EXCL:-}" >> '${join(temp, 'icacls.env')}'`,
    );
  });
  afterAll(() => {
    tools?.cleanup();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  /** Runs the step as a Windows runner's Git Bash would (GITHUB_OUTPUT in `output`). */
  function runCredsStep(output: string, creds: string) {
    const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    const step = (action.runs.steps as WorkflowStep[]).find((s) => s.id === 'creds');
    expect(step?.shell).toBe('bash');
    writeFileSync(output, '');
    return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step!.run!], {
      encoding: 'utf8',
      env: {
        PATH: tools.path,
        RUNNER_OS: 'Windows',
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: output,
        GITHUB_RUN_ID: '7',
        NATSGH_ACTION_CREDS: creds,
      },
    });
  }

  it('restricts the file by SID with path conversion off, and hands its path on', () => {
    const output = join(temp, 'output');
    const r = runCredsStep(output, '-----BEGIN NATS USER JWT-----\neyJ0\n------END NATS USER JWT------');
    expect(r.status, r.stderr).toBe(0);
    const file = readFileSync(output, 'utf8')
      .trim()
      .replace(/^file=/, '');
    const calls = tools.calls('icacls');
    expect(calls).toEqual([
      [
        `D:\\a\\_temp\\${file.split('/').pop()}`,
        '/inheritance:r',
        '/grant:r',
        `*${SID}:(F)`,
        '*S-1-5-18:(F)',
      ],
    ]);
    expect(tools.calls('whoami')).toEqual([['/user', '/fo', 'csv', '/nh']]);
    expect(readFileSync(join(temp, 'icacls.env'), 'utf8')).toBe('1|*\n');
  });

  it('fails the step, naming the file, when whoami reports no SID', () => {
    tools.behave('whoami', 'echo "ERROR: access denied" >&2; exit 1');
    const r = runCredsStep(join(temp, 'output2'), 'x');
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/whoami|SID/);
  });
});
