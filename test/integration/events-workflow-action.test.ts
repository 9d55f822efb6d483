// The generated events workflow, run end to end: its natsgh action step's
// `with:` (secrets and vars filled in) drives action.yml's own composite steps,
// run here with bash (the install step against this checkout, as `version:
// action` does), and the real natsgh publishes the event into an operator-mode
// NATS server that only admits the creds from the secret.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { connectNats } from '../../src/nats/connect.js';
import { STREAM_GITHUB_EVENTS } from '../../src/nats/names.js';
import { DEFAULT_TEMPLATE_VARIABLES, renderGithubFiles } from '../../src/render/render.js';
import { ROOT } from '../support/cli.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { createOperatorSetup } from '../support/operator-mode.js';
import type { WorkflowStep } from '../support/workflow.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as Array<{ name: string; examples: any[] }>;

type Step = WorkflowStep;

/**
 * Replaces each `${{ a.b.c }}` with the value at that path. Only plain paths are
 * supported; a missing step output is '' (as in GitHub Actions), anything else
 * missing is an error, so the test notices a secret or variable it did not expect.
 */
function evaluate(value: string, context: Record<string, unknown>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_m, expr: string) => {
    if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(expr))
      throw new Error(`unsupported expression ${expr}`);
    let v: unknown = context;
    for (const part of expr.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
    if (v === undefined && expr.startsWith('steps.')) return '';
    if (typeof v !== 'string') throw new Error(`\${{ ${expr} }} is not defined in this test`);
    return v;
  });
}

/** `if:` conditions action.yml uses. */
function condition(expr: string | undefined, inputs: Record<string, string>): boolean {
  if (expr === undefined || expr === 'always()') return true;
  const m = /^inputs\.([\w-]+) != ''$/.exec(expr.trim());
  if (!m) throw new Error(`unsupported if: ${expr}`);
  return inputs[m[1]] !== '';
}

describe.runIf(process.platform !== 'win32')('generated natsgh-events workflow through action.yml', () => {
  let server: TestNatsServer;
  let work: string;
  let credsText: string;
  let seed: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'natsgh-wf-action-'));
    const op = await createOperatorSetup();
    server = await startNatsServer({ extraConfig: op.serverConfig });
    const creds = await op.writeUserCreds(work, 'forwarder');
    credsText = readFileSync(creds.file, 'utf8').trimEnd();
    seed = creds.seed;
    rmSync(creds.file);
  });
  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Runs the action the way the runner would for one `uses:` step; returns each step's result. */
  function runAction(withInputs: Record<string, string>, env: Record<string, string>) {
    const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    const inputs: Record<string, string> = {};
    const github = { token: 'ghs_workflow_token' };
    for (const [name, def] of Object.entries(action.inputs as Record<string, { default?: string }>)) {
      inputs[name] = evaluate(String(def.default ?? ''), { github });
    }
    Object.assign(inputs, withInputs);
    const steps: Record<string, { outputs: Record<string, string> }> = {};
    const results: Array<{ name: string; status: number | null; stdout: string; stderr: string }> = [];
    let failed = false;
    for (const s of action.runs.steps as Step[]) {
      if (s.uses) continue; // actions/setup-node: this test runs on the Node it was started with
      if (failed && s.if !== 'always()') continue;
      if (!condition(s.if, inputs)) continue;
      if (s.id === 'install') {
        // `version: action` builds this checkout only when it is not built yet: never here.
        expect(inputs.version).toBe('action');
        expect(existsSync(join(ROOT, 'node_modules'))).toBe(true);
        expect(existsSync(join(ROOT, 'dist/cli/version.js'))).toBe(true);
      }
      const output = join(env.RUNNER_TEMP, `output-${results.length}`);
      writeFileSync(output, '');
      const stepEnv: Record<string, string> = {};
      for (const [k, v] of Object.entries(s.env ?? {})) stepEnv[k] = evaluate(v, { inputs, steps, github });
      expect(s.shell).toBe('bash');
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run!], {
        cwd: env.GITHUB_WORKSPACE,
        encoding: 'utf8',
        env: { ...env, ...stepEnv, GITHUB_OUTPUT: output },
        timeout: 30_000,
      });
      const outputs = Object.fromEntries(
        readFileSync(output, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      if (s.id) steps[s.id] = { outputs };
      results.push({ name: s.name ?? s.id ?? '', status: r.status, stdout: r.stdout, stderr: r.stderr });
      if (r.status !== 0) failed = true;
    }
    return results;
  }

  it('publishes the event once per run attempt with the creds secret, and leaves no creds file', async () => {
    const rendered = await renderGithubFiles({
      variables: { org: 'acme', org_name: 'Acme', deployment: 'prod' },
      config: { variables: {}, include: ['.github/workflows/natsgh-events.yml'], exclude: [] },
    });
    const wf = parseYaml(new TextDecoder().decode(rendered.files.get('.github/workflows/natsgh-events.yml')));
    const steps = Object.values(wf.jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps);
    expect(steps.map((s) => s.uses)).toEqual([DEFAULT_TEMPLATE_VARIABLES.natsgh_action]);
    const context = {
      secrets: { NATSGH_NATS_CREDS: credsText },
      vars: { NATSGH_NATS_URL: server.url },
    };
    const withInputs = Object.fromEntries(
      Object.entries(steps[0].with ?? {}).map(([k, v]) => [k, evaluate(String(v), context)]),
    );

    const payload = structuredClone(examples.find((e) => e.name === 'push')!.examples[0]);
    payload.repository.owner.login = 'acme';
    payload.repository.name = 'widgets';
    const runnerTemp = join(work, 'runner-temp');
    const workspace = join(work, 'workspace');
    mkdirSync(runnerTemp, { recursive: true });
    mkdirSync(workspace, { recursive: true });
    const eventPath = join(work, 'event.json');
    writeFileSync(eventPath, JSON.stringify(payload));
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? work,
      NO_COLOR: '1',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: runnerTemp,
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
    };

    const first = runAction(withInputs, env);
    for (const r of first) expect(r.status, `${r.name}\n${r.stdout}\n${r.stderr}`).toBe(0);
    const run = first.find((r) => r.name.startsWith('Run natsgh'))!;
    expect(run.stdout).toMatch(
      /^published github\.events\.acme\.widgets\.push seq \d+ \(msg id 4242-1-push\)/m,
    );
    // A re-run of the same attempt (the step retried) stores the event once.
    const again = runAction(withInputs, env);
    for (const r of again) expect(r.status, `${r.name}\n${r.stdout}\n${r.stderr}`).toBe(0);
    expect(again.map((r) => r.stdout).join('')).toContain('already stored github.events.acme.widgets.push');

    for (const r of [...first, ...again]) {
      expect(r.stdout + r.stderr).not.toContain(seed);
      expect(r.stdout + r.stderr).not.toContain(credsText.split('\n')[1]);
    }
    expect(readdirSync(runnerTemp).filter((f) => f.endsWith('.creds'))).toEqual([]);

    // The server only admits the creds: this is what the workflow connected with.
    await expect(connectNats({ servers: [server.url] })).rejects.toThrow();
    writeFileSync(join(work, 'check.creds'), `${credsText}\n`, { mode: 0o600 });
    const nc = await connectNats({ servers: [server.url], credsFile: join(work, 'check.creds') });
    try {
      const { jetstream } = await import('@nats-io/jetstream');
      const c = await jetstream(nc).consumers.get(STREAM_GITHUB_EVENTS, {
        filter_subjects: 'github.events.acme.widgets.push',
      });
      const m = await c.next({ expires: 2000 });
      expect(m?.headers?.get('Nats-Msg-Id')).toBe('4242-1-push');
      expect(m?.json<any>().repository.name).toBe('widgets');
      expect(await c.next({ expires: 1000 })).toBeNull();
    } finally {
      await nc.close();
    }
  }, 60_000);
});
