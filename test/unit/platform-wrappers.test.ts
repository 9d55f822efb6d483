// The seed's own commands: Taskfile.yml tasks and bootstrap.sh / bootstrap.ps1
// are thin wrappers over natsgh that pass their arguments through.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/cli.js';

describe('Taskfile.yml', () => {
  const taskfile = parse(readFileSync(join(ROOT, 'Taskfile.yml'), 'utf8'));
  const natsgh = taskfile.vars.NATSGH as string;
  const cmds = (task: string): string[] =>
    (taskfile.tasks[task].cmds as Array<string | { cmd: string }>).map((c) =>
      (typeof c === 'string' ? c : c.cmd).replaceAll('{{.NATSGH}}', natsgh),
    );

  it('runs this checkout of natsgh', () => {
    expect(natsgh).toBe('node bin/run.js');
  });

  it('bootstrap-dev bootstraps the embedded default and passes extra args', () => {
    expect(cmds('bootstrap-dev')).toEqual([
      'node bin/run.js bootstrap --mode dev --nats-type embedded {{.CLI_ARGS}}',
    ]);
  });

  it('bootstrap-synadia uses SYNADIA_CREDS_FILE and refuses to run without it', () => {
    expect(cmds('bootstrap-synadia')).toEqual([
      'node bin/run.js bootstrap --nats-type synadia --creds "$SYNADIA_CREDS_FILE" {{.CLI_ARGS}}',
    ]);
    const pre = taskfile.tasks['bootstrap-synadia'].preconditions as Array<{ sh: string; msg: string }>;
    expect(
      pre.some((p) => p.sh.includes('-n "$SYNADIA_CREDS_FILE"') && p.msg.includes('SYNADIA_CREDS_FILE')),
    ).toBe(true);
  });

  it('doctor, test and the kubernetes bootstrap call the right commands', () => {
    expect(cmds('doctor')).toEqual(['node bin/run.js doctor {{.CLI_ARGS}}']);
    expect(cmds('test')).toEqual(['npm test']);
    expect(cmds('bootstrap-kubernetes')).toEqual([
      'node bin/run.js bootstrap --mode kubernetes --nats-type self_hosted_cluster {{.CLI_ARGS}}',
    ]);
  });

  it('installs with npm ci only when node_modules is missing, before any natsgh task', () => {
    expect(taskfile.tasks.install.status).toEqual(['test -d node_modules']);
    expect(cmds('install')[0]).toMatch(/^npm ci\b/);
    for (const task of ['bootstrap-dev', 'bootstrap-synadia', 'doctor', 'test']) {
      expect(taskfile.tasks[task].deps).toEqual(['build']);
    }
    expect(taskfile.tasks.build.deps).toEqual(['install']);
  });

  it('every task flag is a flag natsgh bootstrap really has', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8'));
    const flags = Object.keys(manifest.commands.bootstrap.flags);
    for (const task of ['bootstrap-dev', 'bootstrap-synadia', 'bootstrap-kubernetes']) {
      for (const flag of cmds(task)[0].match(/--[a-z-]+/g) ?? [])
        expect(flags, task).toContain(flag.slice(2));
    }
  });
});

describe.runIf(process.platform !== 'win32')('bootstrap.sh', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function temp(): string {
    const d = mkdtempSync(join(tmpdir(), 'natsgh-wrapper-'));
    dirs.push(d);
    return d;
  }
  /** An executable that appends "<name> <args, one per line>" to the record file. */
  function standIn(dir: string, name: string, record: string, extra = ''): string {
    const file = join(dir, name);
    writeFileSync(
      file,
      `#!/usr/bin/env bash\n{ echo "${name}"; for a in "$@"; do echo "  $a"; done; } >> '${record}'\n${extra}\n`,
    );
    chmodSync(file, 0o755);
    return file;
  }

  it('passes `--mode kubernetes --nats-type self_hosted_cluster` through to natsgh bootstrap as written', () => {
    const dir = temp();
    const record = join(dir, 'record');
    const bin = standIn(dir, 'natsgh', record, 'exit 7');
    const r = spawnSync(
      join(ROOT, 'bootstrap.sh'),
      ['--mode', 'kubernetes', '--nats-type', 'self_hosted_cluster', '--output-dir', 'a dir with spaces'],
      { encoding: 'utf8', env: { ...process.env, NATSGH_BIN: bin }, timeout: 20_000 },
    );
    expect(r.status).toBe(7);
    expect(readFileSync(record, 'utf8')).toBe(
      'natsgh\n  bootstrap\n  --mode\n  kubernetes\n  --nats-type\n  self_hosted_cluster\n  --output-dir\n  a dir with spaces\n',
    );
  });

  it("works as written against the real natsgh: the seed's kubernetes command, as a dry run", () => {
    const cwd = temp();
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };
    for (const key of Object.keys(env)) if (key.startsWith('NATSGH_')) delete env[key];
    const r = spawnSync(
      join(ROOT, 'bootstrap.sh'),
      ['--mode', 'kubernetes', '--nats-type', 'self_hosted_cluster', '--dry-run', '--json'],
      { cwd, encoding: 'utf8', env, timeout: 30_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { phases: Array<{ id: string; status: string }> };
    expect(plan.phases.map((p) => p.id)).toContain('provision-nats');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('runs npm ci only when node_modules is missing, then this checkout with node', () => {
    const dir = temp();
    const checkout = join(dir, 'checkout');
    const bin = join(dir, 'bin');
    mkdirSync(checkout);
    mkdirSync(bin);
    copyFileSync(join(ROOT, 'bootstrap.sh'), join(checkout, 'bootstrap.sh'));
    chmodSync(join(checkout, 'bootstrap.sh'), 0o755);
    const record = join(dir, 'record');
    // npm ci "installs and builds"; node stands in for the CLI.
    standIn(
      bin,
      'npm',
      record,
      `mkdir -p '${checkout}/node_modules' '${checkout}/dist/cli'; touch '${checkout}/dist/cli/version.js'`,
    );
    standIn(bin, 'node', record);
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NATSGH_BIN: '' };
    const run = () =>
      spawnSync(join(checkout, 'bootstrap.sh'), ['--dry-run'], { encoding: 'utf8', env, timeout: 20_000 });

    expect(run().status).toBe(0);
    expect(readFileSync(record, 'utf8')).toBe(
      `npm\n  ci\n  --no-audit\n  --no-fund\nnode\n  ${checkout}/bin/run.js\n  bootstrap\n  --dry-run\n`,
    );
    writeFileSync(record, '');
    expect(run().status).toBe(0);
    expect(readFileSync(record, 'utf8')).toBe(`node\n  ${checkout}/bin/run.js\n  bootstrap\n  --dry-run\n`);
  });
});

describe('bootstrap.ps1', () => {
  const ps1 = readFileSync(join(ROOT, 'bootstrap.ps1'), 'utf8');

  // Run for real under Windows PowerShell 5.1 and pwsh by scripts/ci/check-bootstrap-ps1.ps1
  // in CI's Windows job (no PowerShell here): commas kept, npm warnings survived, exit 2.
  it('passes its arguments through to natsgh bootstrap, arrays (a,b) joined back with commas', () => {
    expect(ps1).toMatch(/foreach \(\$arg in \$args\)/);
    expect(ps1).toMatch(/\$arg -join ','/);
    expect(ps1).toMatch(/& \$env:NATSGH_BIN bootstrap @passed/);
    expect(ps1).toMatch(/& node \(Join-Path \$here 'bin\/run\.js'\) bootstrap @passed/);
    expect(ps1).toMatch(/exit \$LASTEXITCODE\s*$/);
  });

  it('runs npm ci only when node_modules is missing, with stderr never fatal, and exits 2 without Node.js', () => {
    const guard = ps1.indexOf("if (-not (Test-Path (Join-Path $here 'node_modules')))");
    expect(guard).toBeGreaterThan(0);
    expect(ps1.indexOf("Invoke-Npm @('ci'", guard)).toBeGreaterThan(guard);
    expect(ps1.split("Invoke-Npm @('ci'").length - 1).toBe(1);
    expect(ps1).toMatch(/\$ErrorActionPreference = 'Continue'\s*\n\s*try \{\s*\n\s*& npm @npmArgs 2>&1/);
    expect(ps1).not.toMatch(/^\s*Write-Error\b/m);
    expect(ps1).toMatch(/Node\.js >= 20\.19 is needed[^\n]*\n\s*exit 2/);
  });
});
