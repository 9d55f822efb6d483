// CLI-wide conventions, checked against the compiled CLI for every command in
// oclif.manifest.json, so commands added later are covered without editing this file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, parseJson, ROOT, runCli } from '../../support/cli.js';
import { freePort } from '../../support/nats-server.js';
import { requireTool, underTerminal } from '../../support/tools.js';
import { standinDir } from '../../unit/doctor/standins.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8')) as {
  commands: Record<string, unknown>;
};
const COMMAND_IDS = Object.keys(manifest.commands).sort();

let cwd: string;
beforeAll(() => {
  // An empty project, so no config file of the repository is read.
  cwd = mkdtempSync(join(tmpdir(), 'natsgh-cli-'));
  writeFileSync(join(cwd, 'package.json'), '{"name":"empty"}');
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Runs many CLI invocations two at a time (the machine is shared). */
async function inPool<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

function expectErrorDocument(r: CliResult, code?: string) {
  const doc = parseJson(r);
  expect(Object.keys(doc)).toEqual(['error']);
  expect(typeof doc.error.code).toBe('string');
  expect(typeof doc.error.message).toBe('string');
  expect(Array.isArray(doc.error.suggestions)).toBe(true);
  if (code) expect(doc.error.code).toBe(code);
  return doc.error;
}

describe('--json purity for every command', () => {
  it('the manifest lists the foundation commands', () => {
    expect(COMMAND_IDS).toEqual(expect.arrayContaining(['config', 'doctor']));
  });

  it('an unknown flag with --json: exit 2, stdout exactly one error document', async () => {
    const results = await inPool(COMMAND_IDS, (id) =>
      runCli([...id.split(':'), '--json', '--no-such-flag'], { cwd, env: { CI: 'true' } }),
    );
    for (const [i, r] of results.entries()) {
      const id = COMMAND_IDS[i];
      expect(r.code, `natsgh ${id}: exit code\n${r.stderr}`).toBe(2);
      const error = expectErrorDocument(r);
      expect(error.message, `natsgh ${id}`).toContain('no-such-flag');
    }
  }, 120_000);

  it('a bad flag value with --json names the flag', async () => {
    const r = await runCli(['config', '--json', '--nats-port', 'many'], { cwd });
    expect(r.code).toBe(2);
    expect(expectErrorDocument(r, 'usage').message).toContain('--nats-port');
  });

  it('config --json is the resolved configuration with sources', async () => {
    const r = await runCli(['config', '--json', '--mode', 'docker', '--nats-type', 'self_hosted'], {
      cwd,
      env: { NATSGH_NATS_PORT: '4333', GITHUB_TOKEN: 'ghp_cliJsonPurityToken0123456789abcdefgh' },
    });
    expect(r.code).toBe(0);
    const doc = parseJson(r);
    expect(doc.file).toBeNull();
    // Every --json result carries what the human output would have warned about.
    expect(doc.warnings).toEqual([]);
    expect(doc.recorded).toBeNull();
    const row = (key: string) => doc.values.find((v: { key: string }) => v.key === key);
    expect(row('mode')).toEqual({ key: 'mode', value: 'docker', source: 'flag:--mode' });
    expect(row('nats.port')).toEqual({ key: 'nats.port', value: 4333, source: 'env:NATSGH_NATS_PORT' });
    expect(row('github.token')).toEqual({
      key: 'github.token',
      value: '[REDACTED]',
      source: 'env:GITHUB_TOKEN',
    });
    expect(r.stdout + r.stderr).not.toContain('ghp_cliJsonPurityToken');
  });
});

describe('natsgh doctor from the command line', () => {
  const bin = standinDir();
  afterAll(() => bin.cleanup());

  async function doctorEnv() {
    return {
      // Only the stand-ins: a docker whose client works and whose engine does not.
      PATH: bin.dir,
      NATSGH_NATS_PORT: String(await freePort()),
      NATSGH_MONITOR_PORT: String(await freePort()),
      NATSGH_CONTROLLER_PORT: String(await freePort()),
      GITHUB_TOKEN: '',
      GH_TOKEN: '',
    };
  }

  it('--json reports every check; a failed check exits 1; --ignore makes it a warning', async () => {
    bin.tool(
      'docker',
      [
        'case "$1" in',
        '  --version) echo "Docker version 27.1.0, build abc";;',
        '  compose) echo "Docker Compose version v2.29.1";;',
        '  *) echo "Cannot connect to the Docker daemon" >&2; exit 1;;',
        'esac',
      ].join('\n'),
    );
    const env = await doctorEnv();
    const args = ['doctor', '--json', '--mode', 'docker', '--nats-type', 'self_hosted'];
    const failed = await runCli(args, { cwd, env });
    expect(failed.code, failed.stderr).toBe(1);
    const report = parseJson(failed);
    expect(report.ok).toBe(false);
    for (const c of report.checks) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'title', 'status', 'message', 'hint']));
      expect(['ok', 'warn', 'fail', 'skip']).toContain(c.status);
    }
    const byId = Object.fromEntries(report.checks.map((c: { id: string }) => [c.id, c]));
    expect(byId['docker-engine'].status).toBe('fail');
    expect(byId.docker.status).toBe('ok');
    expect(byId.helm.status).toBe('skip');
    expect(
      report.checks.filter((c: { status: string }) => c.status === 'fail').map((c: { id: string }) => c.id),
    ).toEqual(['docker-engine']);

    const ignored = await runCli([...args, '--ignore', 'docker-engine'], { cwd, env });
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(parseJson(ignored).ok).toBe(true);

    const human = await runCli(
      args.filter((a) => a !== '--json'),
      { cwd, env },
    );
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/\[✗\] docker engine/);
    expect(human.stdout).toContain('--ignore docker-engine');
  });

  it('an impossible mode/type pair is exit 2 naming the valid ones', async () => {
    const r = await runCli(['doctor', '--json', '--mode', 'kubernetes', '--nats-type', 'embedded'], { cwd });
    expect(r.code).toBe(2);
    expect(expectErrorDocument(r, 'invalid_combination').suggestions.join(' ')).toContain(
      '--mode kubernetes',
    );
  });
});

describe('exit codes and "did you mean"', () => {
  it('--version and help exit 0', async () => {
    const [v, h] = await Promise.all([runCli(['--version'], { cwd }), runCli(['help'], { cwd })]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^natsgh\/\d+\.\d+\.\d+/);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('doctor');
  });

  it('a mistyped command suggests the right one and exits 2; with --json the error is JSON', async () => {
    const r = await runCli(['doctr'], { cwd, env: { CI: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean `natsgh doctor`?');
    const j = await runCli(['confg', '--json'], { cwd });
    expect(j.code).toBe(2);
    expect(expectErrorDocument(j, 'command_not_found').suggestions[0]).toContain('natsgh config');
  });

  it('never waits for input on a TTY under CI=true', async () => {
    // BSD script(1) on macOS has no --version: presence is enough there.
    if (!requireTool('script', process.platform === 'darwin' ? [] : ['--version'])) return;
    const tty = underTerminal([process.execPath, BIN, 'doctr']);
    if (!tty) return;
    // script(1) gives the CLI a real terminal on stdin and stdout; nothing is ever typed into it.
    const child = spawn(tty.file, tty.args, {
      cwd,
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`natsgh waited for input on a TTY:\n${out}`));
      }, 15_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(2);
    expect(out).toContain('Did you mean `natsgh doctor`?');
  });
});
