// `natsgh bootstrap --mode docker|kubernetes` through the CLI with recording
// stand-ins for docker, helm and kubectl first on PATH (no engine or cluster
// here); a real nats-server listens where compose would map NATS / where the
// port-forward would land, so the NATS side runs for real. Checks the command
// sequence natsgh issues, that deploy-controller deploys the controller through
// the mode's adapter (a compose service, a Deployment; never a local process),
// that a re-run is a no-op, that a changed controller setting redeploys only the
// controller, and that the port-forward ends with the run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { isAlive } from '../../src/system/process.js';
import { listProcesses } from '../../src/system/process-identity.js';
import { parseJson, runCli } from '../support/cli.js';
import { freePort, startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { createStandIns, type StandIns } from '../support/stand-in.js';

function statuses(doc: { phases: Array<{ id: string; status: string }> }): Record<string, string> {
  return Object.fromEntries(doc.phases.map((p) => [p.id, p.status]));
}

/** Processes whose command line names this directory (a local controller would). */
async function processesUnder(dir: string): Promise<string[]> {
  return (await listProcesses())
    .filter((p) => p.commandLine.includes(dir) && p.pid !== process.pid && isAlive(p.pid))
    .map((p) => p.commandLine);
}

const COLD = {
  prerequisites: 'done',
  'provision-nats': 'done',
  handoff: 'done',
  'deploy-controller': 'done',
  'generate-files': 'done',
  terraform: 'skipped',
  validate: 'done',
};

describe.each(['docker', 'kubernetes'] as const)('bootstrap --mode %s (stand-ins)', (mode) => {
  let tools: StandIns;
  let nats: TestNatsServer;
  let dir: string;
  let stateDir: string;
  let env: NodeJS.ProcessEnv;

  const natsgh = (args: string[]) => runCli(args, { cwd: dir, env, timeoutMs: 60_000 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `natsgh-boot-${mode}-`));
    stateDir = join(dir, 'state');
    nats = await startNatsServer();
    tools = createStandIns(mode === 'docker' ? ['docker'] : ['kubectl', 'helm']);
    if (mode === 'docker') {
      tools.behave(
        'docker',
        `case "$*" in
  *" ps "*) echo '{"Service":"nats","State":"running","Health":"healthy","Name":"natsgh-default-nats-1"}'
           echo '{"Service":"controller","State":"running","Health":"healthy","Name":"natsgh-default-controller-1"}' ;;
  *"compose version"*) echo 'Docker Compose version v2.29.7' ;;
  "info"*|*" info"*) echo '{"ServerVersion":"27.0.0"}' ;;
esac`,
      );
    } else {
      tools.behave(
        'kubectl',
        `case "$1 $2" in
  "config current-context") echo kind-natsgh ;;
  "get namespace") echo "namespace/$3" ;;
  "apply --server-side") cat > /dev/null; echo applied ;;
  "rollout status") echo "rollout complete" ;;
  "port-forward -n") echo "Forwarding from 127.0.0.1:0 -> 4222"; sleep 120 ;; # no exec: real kubectl keeps its command line
  "get pods") echo '{"items":[{"metadata":{"name":"natsgh-default-nats-0"},"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}]}' ;;
  "version --client") echo "Client Version: v1.30.2" ;;
  "get --raw") echo '{"gitVersion":"v1.30.2"}' ;;
esac`,
      );
      tools.behave('helm', 'case "$1" in version) echo "v3.15.4+gfa9efb0" ;; esac');
    }
    env = {
      CI: '1',
      PATH: tools.path,
      NATSGH_MODE: mode,
      NATSGH_NATS_TYPE: 'self_hosted',
      NATSGH_STATE_DIR: stateDir,
      NATSGH_OUTPUT_DIR: join(dir, 'out'),
      NATSGH_NATS_PORT: String(nats.port),
      NATSGH_MONITOR_PORT: String(nats.monitorPort),
      NATSGH_CONTROLLER_PORT: String(await freePort()),
    };
  });
  afterAll(async () => {
    if (mode === 'kubernetes') {
      const pidFile = join(stateDir, 'kubernetes', 'port-forward.pid');
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : undefined;
      if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    for (const cmd of await processesUnder(tools.dir)) console.warn(`left running: ${cmd}`);
    await nats?.stop();
    tools?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('issues the expected commands, deploys the controller through deploy-controller, and re-runs as a no-op', async () => {
    const cold = await natsgh(['bootstrap', '--json']);
    expect(cold.code, cold.stdout + cold.stderr).toBe(0);
    const doc = parseJson(cold);
    // The controller is deploy-controller's in every mode: a compose service, a Deployment.
    expect(statuses(doc)).toEqual(COLD);
    // No local controller process, no pid file: a container runs it.
    expect(existsSync(join(stateDir, 'controller.pid'))).toBe(false);
    expect((await processesUnder(stateDir)).filter((c) => c.includes('controller run'))).toEqual([]);

    if (mode === 'docker') {
      const compose = join(stateDir, 'docker', 'compose.yaml');
      const calls = tools.calls('docker').filter((c) => c[0] === 'compose' && c[1] === '-p');
      // Up NATS, up the controller (compose builds its image when the tag is missing), then only `ps` checks.
      const ups = calls.filter((c) => c[5] === 'up').map((c) => c.slice(5));
      expect(ups).toEqual([
        ['up', '-d', '--wait', 'nats'],
        ['up', '-d', '--wait', '--no-deps', 'controller'],
      ]);
      expect(calls.filter((c) => c[5] !== 'up').map((c) => c[5])).toEqual(
        calls.filter((c) => c[5] !== 'up').map(() => 'ps'),
      );
      for (const c of calls)
        expect(c.slice(0, 5)).toEqual(['compose', '-p', 'natsgh-default', '-f', compose]);
    } else {
      const k = tools.calls('kubectl').map((c) => c.slice(0, 3).join(' '));
      expect(k).toEqual(
        expect.arrayContaining([
          'config current-context',
          'get namespace natsgh',
          'apply --server-side --field-manager',
          'rollout status statefulset/natsgh-default-nats',
          'port-forward -n natsgh',
          'rollout status deployment/natsgh-default-controller',
        ]),
      );
      expect(k.indexOf('rollout status statefulset/natsgh-default-nats')).toBeLessThan(
        k.indexOf('port-forward -n natsgh'),
      );
      // prerequisites asked `helm version --short`; then exactly one install.
      expect(tools.calls('helm').map((c) => c.slice(0, 3))).toEqual([
        ['version', '--short'],
        ['upgrade', '--install', 'natsgh-default-nats'],
      ]);
      // The port-forward lived for the run only.
      const pf = tools.calls('kubectl').filter((c) => c[0] === 'port-forward');
      expect(pf).toHaveLength(1);
      expect(existsSync(join(stateDir, 'kubernetes', 'port-forward.pid'))).toBe(false);
      expect((await processesUnder(tools.dir)).filter((c) => c.includes('port-forward'))).toEqual([]);
    }

    // Re-run: nothing is applied again; only checks run.
    for (const t of mode === 'docker' ? ['docker'] : ['kubectl', 'helm']) tools.reset(t);
    const again = await natsgh(['bootstrap', '--json']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    for (const p of parseJson(again).phases) expect(p.status, `${p.id}: ${p.reason}`).toBe('skipped');
    if (mode === 'docker') {
      expect(tools.calls('docker').filter((c) => c.includes('up'))).toEqual([]);
    } else {
      expect(tools.calls('helm')).toEqual([]);
      expect(tools.calls('kubectl').filter((c) => c[0] === 'apply')).toEqual([]);
      expect((await processesUnder(tools.dir)).filter((c) => c.includes('port-forward'))).toEqual([]);
    }

    if (mode === 'kubernetes') {
      // A changed controller setting re-applies the controller Deployment, and nothing of NATS.
      tools.reset('kubectl');
      tools.reset('helm');
      const changed = await natsgh(['bootstrap', '--json', '--org', 'other-org']);
      expect(changed.code, changed.stdout + changed.stderr).toBe(0);
      expect(statuses(parseJson(changed))).toMatchObject({
        'provision-nats': 'skipped',
        'deploy-controller': 'done',
      });
      expect(tools.calls('helm')).toEqual([]);
      const controllerYaml = join(stateDir, 'kubernetes', 'controller.yaml');
      expect(tools.calls('kubectl').filter((c) => c[0] === 'apply' && c.at(-1) !== '-')).toEqual([
        expect.arrayContaining(['-f', controllerYaml]),
      ]);
      const env = parseAllDocuments(readFileSync(controllerYaml, 'utf8'))
        .map((d) => d.toJSON())
        .find((o) => o.kind === 'Deployment').spec.template.spec.containers[0].env;
      expect(env).toContainEqual({ name: 'NATSGH_ORG', value: 'other-org' });
    }

    if (mode === 'docker') {
      // A changed controller setting reaches the controller: compose.yaml rewritten, service re-upped.
      tools.reset('docker');
      const port = String(await freePort());
      const changed = await natsgh(['bootstrap', '--json', '--org', 'other-org', '--controller-port', port]);
      expect(changed.code, changed.stdout + changed.stderr).toBe(0);
      expect(statuses(parseJson(changed))['deploy-controller']).toBe('done');
      expect(
        tools
          .calls('docker')
          .filter((c) => c[5] === 'up')
          .map((c) => c.slice(5)),
      ).toEqual([['up', '-d', '--wait', '--no-deps', 'controller']]);
      const controller = parse(readFileSync(join(stateDir, 'docker', 'compose.yaml'), 'utf8')).services
        .controller;
      expect(controller.environment.NATSGH_ORG).toBe('other-org');
      expect(controller.ports).toEqual([`127.0.0.1:${port}:8080`]);
    }

    const down = await natsgh(['teardown', '--yes', '--json']);
    expect(down.code, down.stdout + down.stderr).toBe(0);
    if (mode === 'docker') {
      expect(
        tools
          .calls('docker')
          .filter((c) => c.includes('down'))
          .map((c) => c.slice(5)),
      ).toEqual([['down', '--remove-orphans']]);
    } else {
      expect(tools.calls('helm').map((c) => c[0])).toContain('uninstall');
    }
  });
});
