// deploy-controller (dev mode): runs `natsgh controller run` as a background
// process (pid file and log in the state dir). A run first asks the deployment's
// ping subject who is running, so a re-run (or a run after a crash between
// spawn and pid file) adopts the running controller instead of starting a second.
// Docker mode: the compose service, through provision/docker-controller.ts.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CONFIG_KEYS, GITHUB_KEYS, type NatsghConfig } from '../config/keys.js';
import type { Phase, PhaseContext, VerifyResult } from '../engine/phase.js';
import { NatsghError } from '../errors.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import { controllerPingSubject } from '../nats/names.js';
import { dockerControllerInputs } from '../provision/docker-image.js';
import { writeFileAtomic } from '../system/atomic-file.js';
import { loopbackGet } from '../system/loopback-http.js';
import { isAlive, spawnDetached, stopProcess } from '../system/process.js';
import { provisionContext } from './provision-nats.js';

/** The CLI entry point this very process runs from (dist/phases -> bin/run.js). */
const CLI_BIN = resolve(import.meta.dirname, '../../bin/run.js');
const START_TIMEOUT_MS = 20_000;

export interface PingReply {
  ok: boolean;
  pid: number;
  version: string;
  deployment: string;
}

export function controllerFiles(stateDir: string) {
  return {
    pidFile: join(stateDir, 'controller.pid'),
    logFile: join(stateDir, 'controller.log'),
    /** A salted digest of the settings the running controller was started with (mode 0600). */
    settingsFile: join(stateDir, 'controller.settings'),
  };
}

/** What the controller is started with, besides the inherited environment. */
function desiredEnv(ctx: PhaseContext, spec: NatsConnectionSpec): Record<string, string> {
  return {
    ...controllerEnv(spec, ctx.config),
    NATSGH_MODE: ctx.config.mode,
    NATSGH_NATS_TYPE: ctx.config.natsType,
  };
}

function settingsDigest(env: Record<string, string>, salt: string): string {
  const entries = Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(salt).update(JSON.stringify(entries)).digest('hex');
}

/**
 * Whether the running controller was started with these settings. Secrets (a
 * rotated GitHub token, a new webhook secret) count too, so only a salted
 * digest is kept, in an owner-only file, never in a checkpoint. "unknown" when
 * this state dir started none (a run resumed from KV on another machine, or a
 * kill before the stamp was written): the controller is then judged as before,
 * by its version and health.
 */
async function startedWith(
  settingsFile: string,
  env: Record<string, string>,
): Promise<'same' | 'different' | 'unknown'> {
  let text: string;
  try {
    text = await readFile(settingsFile, 'utf8');
  } catch {
    return 'unknown';
  }
  try {
    const stamp = JSON.parse(text) as { salt?: string; digest?: string };
    return typeof stamp.salt === 'string' && stamp.digest === settingsDigest(env, stamp.salt)
      ? 'same'
      : 'different';
  } catch {
    return 'different';
  }
}

async function stampSettings(settingsFile: string, env: Record<string, string>): Promise<void> {
  const salt = randomBytes(16).toString('hex');
  await writeFileAtomic(settingsFile, `${JSON.stringify({ salt, digest: settingsDigest(env, salt) })}\n`, {
    mode: 0o600,
  });
}

export async function readPid(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(pidFile, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function writePid(pidFile: string, pid: number): Promise<void> {
  await writeFileAtomic(pidFile, `${pid}\n`);
}

/** Asks the deployment's controller to answer; undefined when none does in time. */
export async function pingController(
  ctx: Pick<PhaseContext, 'nats' | 'deployment'>,
  timeoutMs = 1000,
): Promise<PingReply | undefined> {
  if (!ctx.nats) return undefined;
  try {
    const msg = await ctx.nats.nc.request(controllerPingSubject(ctx.deployment), '', { timeout: timeoutMs });
    const reply = JSON.parse(msg.string()) as PingReply;
    return reply?.ok && reply.deployment === ctx.deployment ? reply : undefined;
  } catch {
    return undefined;
  }
}

export async function controllerHttpHealthy(
  port: number,
  path = '/healthz',
  timeoutMs = 1000,
): Promise<boolean> {
  try {
    const res = await loopbackGet(`http://127.0.0.1:${port}${path}`, timeoutMs);
    return res.status >= 200 && res.status < 300;
  } catch {
    return false;
  }
}

/** On Linux, checks the process's command line; elsewhere trusts the pid file. */
async function looksLikeController(pid: number): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('controller');
  } catch {
    return false;
  }
}

/**
 * Settings of the bootstrap's resolved configuration the controller acts on,
 * besides the connection: given as flags to the bootstrap they would otherwise
 * never reach it (it would run without GitHub credentials, or for any org).
 */
export const CONTROLLER_SETTINGS = [
  'org',
  ...GITHUB_KEYS,
  'webhook.port',
  'webhook.secret',
  'nats.replicas',
] as const;

function settingAt(config: NatsghConfig, path: string): string | undefined {
  let v: unknown = config;
  for (const part of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

/**
 * The connection and CONTROLLER_SETTINGS as environment variables of the
 * controller: secrets stay out of its argv (and /proc/<pid>/environ is readable
 * by its owner only).
 */
export function controllerEnv(spec: NatsConnectionSpec, config?: NatsghConfig): Record<string, string> {
  const byPath: Record<string, string | undefined> = {
    ...(config ? Object.fromEntries(CONTROLLER_SETTINGS.map((p) => [p, settingAt(config, p)])) : {}),
    'nats.url': spec.servers.join(','),
    'nats.credsFile': spec.credsFile,
    'nats.nkeyFile': spec.nkeyFile,
    'nats.user': spec.user,
    'nats.password': spec.password,
    'nats.token': spec.token,
    'nats.tls.ca': spec.tls?.ca,
    'nats.tls.cert': spec.tls?.cert,
    'nats.tls.key': spec.tls?.key,
    'nats.jetstreamDomain': spec.jetstreamDomain,
  };
  const env: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    if (!(key.path in byPath)) continue;
    const value = byPath[key.path];
    // Clear every alias, so a variable the user exported cannot outrank the value natsgh chose.
    for (const name of key.env) env[name] = '';
    if (value) env[key.env[0]] = value;
  }
  return env;
}

async function waitForController(ctx: PhaseContext, pid: number, logFile: string): Promise<PingReply> {
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
    const reply = await pingController(ctx, 500);
    if (reply) return reply;
    await new Promise((r) => setTimeout(r, 100));
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

export const deployControllerPhase: Phase = {
  id: 'deploy-controller',
  title: 'Deploy the controller',
  dependsOn: ['handoff'],
  applies: (ctx) =>
    ctx.config.mode === 'dev' || ctx.config.mode === 'docker'
      ? true
      : `the ${ctx.config.mode} controller is deployed by its provisioner`,
  inputs: (ctx) => ({
    mode: ctx.config.mode,
    controllerPort: ctx.config.controller.port,
    servers: ctx.provisioner.connection(provisionContext(ctx)).servers,
    jetstreamDomain: ctx.config.nats.jetstreamDomain,
    cliVersion: ctx.cliVersion,
    // Not the secrets themselves: a change of those is found by verify (controller.settings).
    org: ctx.config.org,
    github: { apiUrl: ctx.config.github.apiUrl, repo: ctx.config.github.repo },
    docker: ctx.config.mode === 'docker' ? dockerControllerInputs(ctx.config) : undefined,
  }),
  async run(ctx, task) {
    if (ctx.config.mode === 'docker') {
      const { deployDockerController } = await import('../provision/docker-controller.js');
      return deployDockerController(provisionContext(ctx), (line) => task.output(line));
    }
    if (!ctx.nats)
      throw new NatsghError('NATS is not reachable, so the controller cannot be started', {
        code: 'nats_unreachable',
      });
    const { pidFile, logFile, settingsFile } = controllerFiles(ctx.stateDir);
    const port = ctx.config.controller.port;
    const env = desiredEnv(ctx, ctx.nats.spec);
    const sameSettings = (await startedWith(settingsFile, env)) !== 'different';
    const running = await pingController(ctx);
    if (running) {
      const current =
        running.version === ctx.cliVersion && sameSettings && (await controllerHttpHealthy(port));
      if (current) {
        await writePid(pidFile, running.pid);
        task.output(`controller already running (pid ${running.pid})`);
        return { pid: String(running.pid), version: running.version, port: String(port), logFile };
      }
      // A controller of another version, on another port or with other settings: replace it.
      task.output(`replacing the controller (pid ${running.pid})`);
      await stopProcess(running.pid);
    }
    const stale = await readPid(pidFile);
    if (stale && isAlive(stale) && stale !== running?.pid && (await looksLikeController(stale))) {
      // Alive but not answering: starting, hung, or another process reusing the pid.
      // Our own recorded child is given the start-up budget before it is replaced.
      try {
        if (!sameSettings) throw new Error('started with other settings');
        const reply = await waitForController(ctx, stale, logFile);
        await writePid(pidFile, reply.pid);
        return { pid: String(reply.pid), version: reply.version, port: String(port), logFile };
      } catch {
        await stopProcess(stale);
      }
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
    const pid = spawnDetached(process.execPath, args, {
      logFile,
      env: { ...process.env, ...env },
    });
    await writePid(pidFile, pid);
    await stampSettings(settingsFile, env);
    task.output(`started the controller (pid ${pid}), log: ${logFile}`);
    const reply = await waitForController(ctx, pid, logFile);
    return { pid: String(reply.pid), version: reply.version, port: String(port), logFile };
  },
  async verify(ctx): Promise<VerifyResult> {
    if (ctx.config.mode === 'docker')
      return (await import('../provision/docker-controller.js')).verifyDockerController(
        provisionContext(ctx),
      );
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
    if (ctx.config.mode === 'docker')
      return (await import('../provision/docker-controller.js')).teardownDockerController(
        provisionContext(ctx),
      );
    const { pidFile, settingsFile } = controllerFiles(ctx.stateDir);
    const reply = await pingController(ctx, 500);
    const recorded = await readPid(pidFile);
    // A pid file can outlive its process and the pid be reused: only stop what looks like our controller.
    const ours = recorded !== undefined && (await looksLikeController(recorded)) ? recorded : undefined;
    const pids = new Set([ours, reply?.pid].filter((p): p is number => p !== undefined));
    for (const pid of pids) await stopProcess(pid, 10_000);
    await rm(pidFile, { force: true });
    await rm(settingsFile, { force: true });
  },
};
