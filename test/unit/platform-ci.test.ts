// The project's CI workflow, the natsgh GitHub Action and the example workflow:
// they parse, carry the matrix and inputs, and the action's own scripts work
// (run here with bash against a stand-in natsgh).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/cli.js';
import type { WorkflowStep } from '../support/workflow.js';

/** A GitHub Actions expression, spelled as it appears in YAML. */
const gha = (expr: string) => `\${{ ${expr} }}`;
const load = (path: string) => parse(readFileSync(join(ROOT, path), 'utf8'));

type Step = WorkflowStep;

describe('.github/workflows/ci.yml', () => {
  const ci = load('.github/workflows/ci.yml');
  const job = ci.jobs.test;
  const steps: Step[] = job.steps;
  const runs = steps.map((s) => s.run ?? '').join('\n');

  it('runs on ubuntu, macos and windows × Node 20, 22, 24 and 26, without fail-fast', () => {
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(job.strategy.matrix.node).toEqual([20, 22, 24, 26]);
    expect(job.strategy['fail-fast']).toBe(false);
    expect(job['runs-on']).toBe(gha('matrix.os'));
  });

  it('installs the pinned nats-server the same way on every OS, and terraform, before the tests', () => {
    const install = steps.filter((s) => /install-nats-server\.mjs/.test(s.run ?? ''));
    expect(install).toHaveLength(1);
    expect(install[0].if).toBeUndefined();
    expect(install[0].run).toContain('>> "$GITHUB_PATH"');
    const pinned = readFileSync(join(ROOT, 'src/system/nats-server-binary.ts'), 'utf8').match(
      /NATS_SERVER_PINNED = '([^']+)'/,
    )?.[1];
    expect(ci.env.NATS_SERVER_VERSION).toBe(pinned);
    const terraform = steps.find((s) => s.uses?.startsWith('hashicorp/setup-terraform@'));
    expect((terraform as { with?: Record<string, unknown> })?.with?.terraform_wrapper).toBe(false);
    const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);
    expect(at((s) => s === install[0])).toBeLessThan(at((s) => s.run === 'npm test'));
    expect(at((s) => s === terraform)).toBeLessThan(at((s) => s.run === 'npm test'));
  });

  it('checks bootstrap.ps1 under Windows PowerShell 5.1 and pwsh on Windows', () => {
    const ps = steps.find((s) => /check-bootstrap-ps1\.ps1/.test(s.run ?? ''));
    expect(ps?.if).toBe("runner.os == 'Windows'");
    expect(ps?.run).toMatch(/powershell\.exe .*check-bootstrap-ps1\.ps1/);
    expect(ps?.run).toMatch(/pwsh .*check-bootstrap-ps1\.ps1/);
  });

  it('runs the chaos suite as root in a privileged Linux container, not on the hosted matrix', () => {
    expect(runs).not.toContain('test:chaos');
    const chaos = ci.jobs.chaos;
    expect(chaos['runs-on']).toBe('ubuntu-latest');
    expect(chaos.container.options).toContain('--privileged');
    const chaosRuns = (chaos.steps as Step[]).map((s) => s.run ?? '').join('\n');
    expect(chaosRuns).toContain('install-nats-server.mjs');
    expect(chaosRuns).toContain('npm run test:chaos');
  });

  it('runs npm ci, lint, typecheck, the docs check and npm test, in that order', () => {
    const order = ['npm ci', 'npm run lint', 'npm run typecheck', 'npm run docs:check', 'npm test'];
    const at = order.map((cmd) => runs.indexOf(cmd));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))).toBeDefined();
  });
});

describe('action.yml', () => {
  const action = load('action.yml');
  const steps: Step[] = action.runs.steps;
  const step = (id: string) => steps.find((s) => s.id === id)!;

  it('is a composite action with the inputs the issue names', () => {
    expect(action.runs.using).toBe('composite');
    for (const input of ['command', 'mode', 'nats-type', 'creds', 'token', 'deployment', 'args']) {
      expect(action.inputs[input], input).toBeDefined();
      expect(action.inputs[input].description.length).toBeGreaterThan(10);
    }
    expect(action.inputs.token.default).toBe(gha('github.token'));
    expect(steps[0].uses).toMatch(/^actions\/setup-node@/);
  });

  it('never splices inputs into a script: they arrive as environment variables', () => {
    for (const s of steps) expect(s.run ?? '', s.name).not.toMatch(/\$\{\{\s*inputs\./);
  });

  it('removes the creds file in a last step that always runs', () => {
    const last = steps[steps.length - 1];
    expect(last.if).toBe('always()');
    expect(last.run).toContain('rm -f');
    expect(last.env?.NATSGH_ACTION_CREDS_FILE).toBe(gha('steps.creds.outputs.file'));
  });

  describe.runIf(process.platform !== 'win32')('its scripts, run with bash', () => {
    const dirs: string[] = [];
    afterEach(() => {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    });
    function temp(): string {
      const d = mkdtempSync(join(tmpdir(), 'natsgh-action-'));
      dirs.push(d);
      return d;
    }
    function runStep(s: Step, env: Record<string, string>) {
      return spawnSync('bash', ['-e', '-c', s.run!], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
        timeout: 20_000,
      });
    }
    function outputs(file: string): Record<string, string> {
      if (!existsSync(file)) return {};
      return Object.fromEntries(
        readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    }

    it('writes the creds privately, passes everything to natsgh, and the cleanup removes the file', () => {
      const dir = temp();
      const creds = '-----BEGIN NATS USER JWT-----\neyJ0eXAi\n------END NATS USER JWT------\nSUAM seed';
      const out1 = join(dir, 'out1');
      const w = runStep(step('creds'), {
        NATSGH_ACTION_CREDS: creds,
        RUNNER_TEMP: dir,
        RUNNER_OS: 'Linux',
        GITHUB_RUN_ID: '7',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_OUTPUT: out1,
      });
      expect(w.status, w.stderr).toBe(0);
      const file = outputs(out1).file;
      expect(file.startsWith(dir)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toBe(`${creds}\n`);

      // The stand-in natsgh records its argv and the environment natsgh would read.
      const record = join(dir, 'record.json');
      const standIn = join(dir, 'natsgh-stand-in.mjs');
      writeFileSync(
        standIn,
        `import { writeFileSync } from 'node:fs';
const pick = ['NATSGH_MODE','NATSGH_NATS_TYPE','NATSGH_DEPLOYMENT','NATSGH_NATS_URL','SYNADIA_CREDS_FILE','GITHUB_TOKEN','CI'];
writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv.slice(2), env: Object.fromEntries(pick.map((k) => [k, process.env[k]])) }));
process.exit(3);`,
      );
      const out2 = join(dir, 'out2');
      const r = runStep(step('run'), {
        CI: 'true',
        GITHUB_OUTPUT: out2,
        NATSGH_ACTION_ENTRY: standIn,
        NATSGH_ACTION_COMMAND: 'events publish',
        NATSGH_ACTION_ARGS: '--dry-run  --json\n--event-name push',
        NATSGH_ACTION_MODE: 'kubernetes',
        NATSGH_ACTION_NATS_TYPE: 'synadia',
        NATSGH_ACTION_NATS_URL: '',
        NATSGH_ACTION_DEPLOYMENT: 'prod',
        NATSGH_ACTION_CREDS_FILE: file,
        NATSGH_ACTION_TOKEN: 'ghs_example',
      });
      expect(r.status).toBe(3);
      expect(outputs(out2)['exit-code']).toBe('3');
      const seen = JSON.parse(readFileSync(record, 'utf8'));
      expect(seen.argv).toEqual(['events', 'publish', '--dry-run', '--json', '--event-name', 'push']);
      expect(seen.env).toEqual({
        NATSGH_MODE: 'kubernetes',
        NATSGH_NATS_TYPE: 'synadia',
        NATSGH_DEPLOYMENT: 'prod',
        SYNADIA_CREDS_FILE: file,
        GITHUB_TOKEN: 'ghs_example',
        CI: 'true',
      });

      const c = runStep(steps[steps.length - 1], { NATSGH_ACTION_CREDS_FILE: file });
      expect(c.status, c.stderr).toBe(0);
      expect(existsSync(file)).toBe(false);
    });

    it('runs a bare command with no extra args and no creds', () => {
      const dir = temp();
      const record = join(dir, 'argv.json');
      const standIn = join(dir, 'stand-in.mjs');
      writeFileSync(
        standIn,
        `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));`,
      );
      const r = runStep(step('run'), {
        GITHUB_OUTPUT: join(dir, 'out'),
        NATSGH_ACTION_ENTRY: standIn,
        NATSGH_ACTION_COMMAND: 'doctor',
        NATSGH_ACTION_ARGS: '',
        NATSGH_ACTION_MODE: '',
        NATSGH_ACTION_NATS_TYPE: '',
        NATSGH_ACTION_NATS_URL: '',
        NATSGH_ACTION_DEPLOYMENT: '',
        NATSGH_ACTION_CREDS_FILE: '',
        NATSGH_ACTION_TOKEN: '',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual(['doctor']);
      const c = runStep(steps[steps.length - 1], { NATSGH_ACTION_CREDS_FILE: '' });
      expect(c.status, c.stderr).toBe(0);
    });
  });
});

describe('.github/workflows/example-natsgh.yml', () => {
  const wf = load('.github/workflows/example-natsgh.yml');

  it('uses the action for bootstrap, generate --check and events publish', () => {
    const uses = Object.values(wf.jobs as Record<string, { steps: Step[] }>).flatMap((j) =>
      j.steps.filter((s) => s.uses === './'),
    );
    const commands = uses.map((s) => (s as { with: { command: string } }).with.command);
    expect(commands.sort()).toEqual(['bootstrap', 'events publish', 'generate --check']);
    const inputs = Object.keys(load('action.yml').inputs);
    for (const s of uses) {
      for (const key of Object.keys((s as { with: Record<string, string> }).with))
        expect(inputs).toContain(key);
    }
  });
});
