// The npm package holds exactly what runs, and runs when installed from its
// tarball into an empty directory (dependencies from the npm cache, offline).
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const WIN = process.platform === 'win32';

function npm(args: string[], cwd: string, timeoutMs = 90_000): SpawnSyncReturns<string> {
  // npm is npm.cmd on Windows, which Node only starts through a shell.
  // Through a shell the arguments are joined with spaces, so quote the ones holding spaces.
  const argv = WIN ? args.map((a) => (/\s/.test(a) ? `"${a}"` : a)) : args;
  return spawnSync(WIN ? 'npm.cmd' : 'npm', argv, {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    shell: WIN,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_loglevel: 'error' },
  });
}

function packList(cwd: string): string[] {
  const r = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], cwd);
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
}

/** What may ship: compiled code and what it reads at run time. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  // The controller image is built from the package layout (--mode docker from an npm install).
  /^Dockerfile$/,
  /^\.dockerignore$/,
  /^bin\/run\.js$/,
  /^oclif\.manifest\.json$/,
  /^dist\/.+\.js$/,
  // The whole CLI in one file (scripts/bundle.mjs), which bin/run.js loads.
  /^dist\/bundle\/natsgh\.cjs$/,
  // Each command's --help, rendered at build time (bin/run.js prints it without loading oclif).
  /^dist\/help\/[a-z.]+\.txt$/,
  /^templates\//,
  /^proto\//,
  /^terraform\//,
];

describe('npm pack', () => {
  it('lists only the allowed files, and every file that must be there', () => {
    const files = packList(ROOT);
    const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    expect(stray).toEqual([]);
    for (const required of [
      'package.json',
      'README.md',
      'LICENSE',
      'Dockerfile',
      'bin/run.js',
      'oclif.manifest.json',
      'dist/cli/version.js',
      'dist/commands/doctor.js',
      'dist/commands/bootstrap.js',
      'dist/help/bootstrap.txt',
      'dist/bundle/natsgh.cjs',
    ]) {
      expect(files, `${required} is missing from the package`).toContain(required);
    }
    expect(files.some((f) => f.startsWith('templates/github/'))).toBe(true);
    expect(files.some((f) => f.startsWith('proto/') && f.endsWith('.proto'))).toBe(true);
    expect(
      files.some((f) => /(^|\/)(src|test|bench|\.ci|\.github)\//.test(f) && !f.startsWith('templates/')),
    ).toBe(false);
    expect(files.some((f) => /\.terraform\/|\.tfstate/.test(f))).toBe(false);
  });

  it('leaves out terraform working dirs, state and source maps even when they exist', () => {
    // A scratch package with the real "files" rules and the debris a developer's tree collects.
    const dir = mkdtempSync(join(tmpdir(), 'natsgh-packrules-'));
    try {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, scripts: {} }));
      const touch = (p: string) => {
        mkdirSync(join(dir, p, '..'), { recursive: true });
        writeFileSync(join(dir, p), 'x');
      };
      for (const p of [
        'terraform/main.tf',
        'terraform/.terraform/providers/registry/p',
        'terraform/modules/nats/.terraform/x',
        'terraform/terraform.tfstate',
        'terraform/terraform.tfstate.backup',
        'terraform/plan.tfplan',
        'terraform/.terraform.lock.hcl',
        'dist/commands/a.js',
        'dist/commands/a.js.map',
        'src/a.ts',
        'test/a.test.ts',
        'bench/a.mjs',
        'tsconfig.json',
        '.ci/run',
        'bin/run.js',
        'bin/dev.js',
        'README.md',
        'LICENSE',
      ])
        touch(p);
      expect(packList(dir).sort()).toEqual([
        'LICENSE',
        'README.md',
        'bin/run.js',
        'dist/commands/a.js',
        'package.json',
        'terraform/main.tf',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the packed tarball, installed into an empty directory', () => {
  let work = '';
  let app = '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'natsgh-pack-'));
    const packed = npm(['pack', '--ignore-scripts', '--pack-destination', work, '--json'], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = join(work, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0].filename);
    app = join(work, 'app');
    mkdirSync(app);
    const base = ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts'];
    let installed = npm([...base, '--offline', tarball], app);
    if (installed.status !== 0) installed = npm([...base, '--prefer-offline', tarball], app);
    expect(installed.status, installed.stderr).toBe(0);
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  // The installed CLI must not pick up this checkout's settings.
  const cleanEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: 'true' };
  for (const key of Object.keys(cleanEnv)) if (key.startsWith('NATSGH_')) delete cleanEnv[key];

  function natsgh(args: string[]): SpawnSyncReturns<string> {
    const bin = WIN
      ? [process.execPath, join(app, 'node_modules', 'natsgh', 'bin', 'run.js')]
      : [join(app, 'node_modules', '.bin', 'natsgh')];
    return spawnSync(bin[0], [...bin.slice(1), ...args], {
      cwd: app,
      encoding: 'utf8',
      timeout: 30_000,
      env: cleanEnv,
    });
  }

  it('links the natsgh bin and holds no source or tests', () => {
    const bins = readdirSync(join(app, 'node_modules', '.bin'));
    expect(bins.some((b) => b === 'natsgh' || b === 'natsgh.cmd')).toBe(true);
    const root = readdirSync(join(app, 'node_modules', 'natsgh')).sort();
    expect(root).toEqual(
      [
        '.dockerignore',
        'Dockerfile',
        'LICENSE',
        'README.md',
        'bin',
        'dist',
        'oclif.manifest.json',
        'package.json',
        'proto',
        'templates',
        'terraform',
      ].sort(),
    );
  });

  it('natsgh --version reports its version and the pinned nats-server', async () => {
    const { NATS_SERVER_PINNED } = await import('../../src/system/nats-server-binary.js');
    const pkgVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const r = natsgh(['--version']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`natsgh/${pkgVersion}`);
    expect(r.stdout).toContain(`nats-server/${NATS_SERVER_PINNED}`);
    const j = natsgh(['--version', '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ natsgh: pkgVersion, natsServerPinned: NATS_SERVER_PINNED });
  });

  it('natsgh doctor --json prints one report document', () => {
    const r = natsgh(['doctor', '--json']);
    expect([0, 1], r.stderr).toContain(r.status);
    const report = JSON.parse(r.stdout) as { ok: boolean; checks: Array<{ id: string; status: string }> };
    expect(report.checks.find((c) => c.id === 'node')?.status).toBe('ok');
  });

  it('natsgh bootstrap --dry-run --json prints the plan and writes nothing', () => {
    const r = natsgh(['bootstrap', '--dry-run', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { phases: Array<{ id: string }> };
    expect(plan.phases.map((p) => p.id)).toContain('provision-nats');
    expect(existsSync(join(app, '.natsgh'))).toBe(false);
  });
});

describe('scripts: an installed package runs none; a fresh clone builds itself', () => {
  it('builds on prepack, and has no install-time script (preinstall, install, postinstall, prepare)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(pkg.scripts[s]).toBeUndefined();
    expect(pkg.scripts.prepack).toContain('npm run build');
  });

  it('`node bin/run.js` in a clone without dist/ (after npm ci) builds it first, keeping stdout for the result', () => {
    // A fresh clone: the tracked files as they are in this working tree, this checkout's node_modules.
    const clone = mkdtempSync(join(tmpdir(), 'natsgh-clone-'));
    try {
      const files = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
        .stdout.split('\0')
        .filter((f) => f && existsSync(join(ROOT, f)));
      for (const f of files) {
        mkdirSync(join(clone, f, '..'), { recursive: true });
        writeFileSync(join(clone, f), readFileSync(join(ROOT, f)));
      }
      expect(existsSync(join(clone, 'dist'))).toBe(false);
      symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), WIN ? 'junction' : 'dir');
      const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };
      for (const key of Object.keys(env)) if (key.startsWith('NATSGH_')) delete env[key];
      const r = spawnSync(process.execPath, [join(clone, 'bin', 'run.js'), 'config', '--json'], {
        cwd: clone,
        encoding: 'utf8',
        timeout: 240_000,
        env,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('building dist/ first');
      expect(JSON.parse(r.stdout).values.find((v: { key: string }) => v.key === 'mode').value).toBe('dev');
      // Built once: the next run starts at once.
      const again = spawnSync(process.execPath, [join(clone, 'bin', 'run.js'), '--version'], {
        cwd: clone,
        encoding: 'utf8',
        env,
      });
      expect(again.status, again.stderr).toBe(0);
      expect(again.stderr).not.toContain('building');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }, 300_000);
});
