// The controller in dev mode: `natsgh controller run` as a background process
// of this host (pid file, identity record and log in the state dir). A re-run
// keeps the controller it recorded when that still runs the same version and
// settings and answers /healthz, and replaces it otherwise. What is stopped is
// decided by the identity record alone (host, pid, start time, command line):
// a ping reply is anyone's message on NATS and never names a process to signal.
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { controllerNodeOptions } from '../../controller/node-options.js';
import { controllerHttpHealthy, type PingReply, pingAll, pingController } from '../../controller/ping.js';
import { NatsghError } from '../../errors.js';
import type { NatsConnectionSpec } from '../../nats/connect.js';
import { PROJECT_ROOT } from '../../provision/docker-image.js';
import { writeFileAtomic } from '../../system/atomic-file.js';
import { loopbackRequest } from '../../system/loopback-http.js';
import { isAlive, readPidFile, spawnDetached, stopRecordedProcess } from '../../system/process.js';
import {
  type ProcessRecord,
  recordOrAdopt,
  recordProcess,
  verifyProcess,
} from '../../system/process-identity.js';
import type { ControllerAdapter, ControllerContext } from './adapter.js';
import { controllerProcessEnv, controllerSettingsInputs } from './env.js';
import { controllerRecordMeta } from './record.js';
import { stampSettings, startedWith } from './settings-stamp.js';

/** The CLI entry point of the package this very process runs from (dist/ modules or the bundle alike). */
const CLI_BIN = join(PROJECT_ROOT, 'bin', 'run.js');
const START_TIMEOUT_MS = 20_000;

export function controllerFiles(stateDir: string) {
  return {
    pidFile: join(stateDir, 'controller.pid'),
    /** Identity of the controller natsgh started here (process-identity.ts), mode 0600. */
    recordFile: join(stateDir, 'controller.proc.json'),
    logFile: join(stateDir, 'controller.log'),
    /** A salted digest of the settings the running controller was started with (mode 0600). */
    settingsFile: join(stateDir, 'controller.settings'),
  };
}

/** What the command line of this state dir's controller holds (see the spawn in deploy()). */
export function controllerMarkers(stateDir: string, deployment: string): string[] {
  // Each value is followed by the next flag (see the spawn below), so "prod" never matches "prod2".
  return ['controller run', `--deployment ${deployment} `, `--state-dir ${stateDir} `];
}

async function writePid(pidFile: string, pid: number): Promise<void> {
  await writeFileAtomic(pidFile, `${pid}\n`);
}

/** The pid of the controller natsgh started from this state dir on this host, while it still runs. */
export async function recordedControllerPid(
  stateDir: string,
  deployment: string,
): Promise<number | undefined> {
  const { readProcessRecord } = await import('../../system/process-identity.js');
  const record = await readProcessRecord(controllerFiles(stateDir).recordFile);
  if (!record) return undefined;
  const verdict = await verifyProcess(record, controllerMarkers(stateDir, deployment));
  return verdict.state === 'ours' ? record.pid : undefined;
}

/** What the controller is started with, besides the inherited environment. */
function desiredEnv(ctx: ControllerContext, spec: NatsConnectionSpec): Record<string, string> {
  return { ...controllerProcessEnv(spec, ctx.config), NODE_OPTIONS: controllerNodeOptions() };
}

/** The controller natsgh recorded in this state dir, while it is still that process. */
async function ourController(ctx: Pick<ControllerContext, 'stateDir' | 'deployment'>) {
  const { recordFile, pidFile } = controllerFiles(ctx.stateDir);
  const markers = controllerMarkers(ctx.stateDir, ctx.deployment);
  const record = await recordOrAdopt(recordFile, await readPidFile(pidFile), markers);
  if (!record) return undefined;
  return (await verifyProcess(record, markers)).state === 'ours' ? record : undefined;
}

/** Asks the recorded controller to drain and exit over its loopback health port. */
async function requestShutdown(record: ProcessRecord): Promise<boolean> {
  const token = record.meta?.shutdownToken;
  const port = Number(record.meta?.port);
  if (!token || !Number.isInteger(port) || port <= 0) return false;
  const res = await loopbackRequest(`http://127.0.0.1:${port}/shutdown`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    timeoutMs: 2000,
  });
  return res.status === 202;
}

/** Stops this state dir's recorded controller, and nothing else. */
async function stopOurController(ctx: ControllerContext, graceMs: number): Promise<void> {
  const { recordFile, pidFile } = controllerFiles(ctx.stateDir);
  const markers = controllerMarkers(ctx.stateDir, ctx.deployment);
  const record = await recordOrAdopt(recordFile, await readPidFile(pidFile), markers);
  if (!record) return;
  const { outcome, reason } = await stopRecordedProcess(record, markers, {
    graceMs,
    graceful: () => requestShutdown(record),
  });
  if (outcome === 'not-ours') ctx.log.warn(`not stopping pid ${record.pid}: ${reason}`);
  await rm(recordFile, { force: true });
}

async function waitForController(ctx: ControllerContext, pid: number, logFile: string): Promise<PingReply> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    if (!isAlive(pid)) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      throw new NatsghError(`the controller (pid ${pid}) exited during start-up`, {
        code: 'controller_start_failed',
        details: { logFile },
        suggestions: [
          `See its log: ${logFile}`,
          ...(log ? [`Last lines: ${log.trim().split('\n').slice(-3).join(' | ')}`] : []),
        ],
      });
    }
    // Our controller's own answer (its pid): another controller of the deployment may answer too.
    const reply = (await pingAll({ nats: ctx.nats, deployment: ctx.deployment }, 300)).find(
      (r) => r.pid === pid,
    );
    if (reply) return reply;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new NatsghError(
    `the controller (pid ${pid}) did not answer ping within ${START_TIMEOUT_MS / 1000} s`,
    {
      code: 'controller_start_timeout',
      details: { logFile },
      suggestions: [`See its log: ${logFile}`],
    },
  );
}

export const devController: ControllerAdapter = {
  mode: 'dev',

  inputs: (ctx) => ({
    port: ctx.config.controller.port,
    servers: ctx.hostServers(),
    jetstreamDomain: ctx.config.nats.jetstreamDomain,
    cliVersion: ctx.cliVersion,
    // Not the secrets themselves: a change of those is found by verify (controller.settings).
    settings: controllerSettingsInputs(ctx.config),
  }),

  plan: (ctx) => [
    `start \`natsgh controller run\` in the background (health on 127.0.0.1:${ctx.config.controller.port}, log ${controllerFiles(ctx.stateDir).logFile})`,
  ],

  async deploy(ctx, progress) {
    if (!ctx.nats)
      throw new NatsghError('NATS is not reachable, so the controller cannot be started', {
        code: 'nats_unreachable',
      });
    const { pidFile, logFile, settingsFile, recordFile } = controllerFiles(ctx.stateDir);
    const port = ctx.config.controller.port;
    const env = desiredEnv(ctx, ctx.nats.spec);
    const sameSettings = (await startedWith(settingsFile, env)) !== 'different';
    const ours = await ourController(ctx);
    if (ours) {
      // Judged by what this host recorded and its loopback /healthz, not by who answers ping.
      const current =
        ours.meta?.version === ctx.cliVersion && sameSettings && (await controllerHttpHealthy(port));
      if (current) {
        try {
          // Answers at once when running; a controller still starting gets the start-up budget.
          const reply = await waitForController(ctx, ours.pid, logFile);
          await writePid(pidFile, ours.pid);
          progress(`controller already running (pid ${ours.pid})`);
          return { pid: String(ours.pid), version: reply.version, port: String(port), logFile };
        } catch {
          // Hung: replaced below.
        }
      }
      progress(`replacing the controller (pid ${ours.pid})`);
    }
    await stopOurController(ctx, 5000);
    await rm(pidFile, { force: true });
    // A port someone else holds would only show as a controller that never answers: say who holds it.
    const { isPortFree } = await import('../../provision/local-server.js');
    if (!(await isPortFree(port))) {
      const { portInUseError } = await import('../../system/port-holder.js');
      throw await portInUseError(
        port,
        'the controller port',
        '--controller-port (or NATSGH_CONTROLLER_PORT)',
      );
    }
    const args = [
      CLI_BIN,
      'controller',
      'run',
      '--deployment',
      ctx.deployment,
      '--state-dir',
      ctx.stateDir,
      '--controller-port',
      String(port),
    ];
    // POST /shutdown on its health port with this token stops it gracefully (Windows has no SIGTERM).
    const shutdownToken = randomBytes(24).toString('base64url');
    const pid = spawnDetached(process.execPath, args, {
      logFile,
      // The controller records itself too (NATSGH_PROCESS_RECORD), so a run killed
      // right after this spawn leaves a controller the next run can identify.
      env: {
        ...process.env,
        ...env,
        NATSGH_PROCESS_RECORD: recordFile,
        NATSGH_PROCESS_VERSION: ctx.cliVersion,
        NATSGH_CONTROLLER_SHUTDOWN_TOKEN: shutdownToken,
      },
    });
    await recordProcess(recordFile, pid, controllerRecordMeta(ctx.cliVersion, port, shutdownToken));
    await writePid(pidFile, pid);
    await stampSettings(settingsFile, env);
    progress(`started the controller (pid ${pid}), log: ${logFile}`);
    const reply = await waitForController(ctx, pid, logFile);
    return { pid: String(reply.pid), version: reply.version, port: String(port), logFile };
  },

  async verify(ctx) {
    const reply = await pingController(ctx);
    if (!reply) return { ok: false, reason: 'the controller does not answer ping' };
    if (reply.version !== ctx.cliVersion)
      return { ok: false, reason: `the controller runs version ${reply.version}` };
    if (
      ctx.nats &&
      (await startedWith(controllerFiles(ctx.stateDir).settingsFile, desiredEnv(ctx, ctx.nats.spec))) ===
        'different'
    )
      return { ok: false, reason: 'the controller runs with other settings (org, GitHub, webhook or NATS)' };
    if (!(await controllerHttpHealthy(ctx.config.controller.port))) {
      return {
        ok: false,
        reason: `the controller's /healthz on port ${ctx.config.controller.port} does not answer`,
      };
    }
    return { ok: true };
  },

  async teardown(ctx) {
    const { pidFile, settingsFile } = controllerFiles(ctx.stateDir);
    // Only the controller recorded in this state dir: a ping reply names no process to stop.
    await stopOurController(ctx, 10_000);
    await rm(pidFile, { force: true });
    await rm(settingsFile, { force: true });
  },
};
