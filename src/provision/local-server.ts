// The pieces every nats-server natsgh runs on this machine shares (embedded and
// the local cluster): render its config from templates/nats-server, find it
// running, check ports, start it detached with a pid file, wait for health, stop it.
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { CONFIG_KEYS } from '../config/keys.js';
import type { Logger } from '../contracts.js';
import { errorMessage, NatsghError } from '../errors.js';
import type { ClientAuth } from '../nats/deployment-auth.js';
import { redact } from '../redact.js';
import { substituteVariables } from '../render/substitute.js';
import { writeFileAtomic } from '../system/atomic-file.js';
import { loopbackGet } from '../system/loopback-http.js';
import { isAlive, readPidFile, spawnDetached, stopRecordedProcess } from '../system/process.js';
import { recordOrAdopt, recordProcess } from '../system/process-identity.js';

export const SERVER_TEMPLATES_DIR = resolve(import.meta.dirname, '../../templates/nats-server');

/** TLS files for the client port of a server natsgh runs (given, or made by `--tls generate`). */
export interface ServerTlsFiles {
  cert: string;
  key: string;
  /** CA that signed the server certificate (clients trust it) and, with verify, client certificates. */
  ca?: string;
  /** Require client certificates (mTLS). */
  verify?: boolean;
  /** Client certificate and key natsgh itself connects with when verify is on. */
  client?: { cert: string; key: string };
}

export interface LocalServerSpec {
  deployment: string;
  serverName: string;
  port: number;
  monitorPort: number;
  /** Holds server.conf, nats-server.pid, nats-server.log and jetstream/. */
  dir: string;
  jetstreamDomain?: string;
  tls?: ServerTlsFiles;
  /** What clients must present (deployment-auth.ts); without it the server admits anyone on loopback. */
  auth?: ClientAuth;
  cluster?: {
    name: string;
    port: number;
    routePorts: number[];
    /** What nodes present to each other on the route port. */
    auth?: { user: string; password: string };
  };
  /** Flags (and env vars) that change each port, for port-in-use errors. */
  portFlags: { port: string; monitorPort: string; clusterPort?: string };
}

export interface LocalServerFiles {
  configFile: string;
  pidFile: string;
  /** Identity of the process natsgh started (process-identity.ts), mode 0600. */
  recordFile: string;
  logFile: string;
  storeDir: string;
}

export function serverFiles(dir: string): LocalServerFiles {
  return {
    configFile: join(dir, 'server.conf'),
    pidFile: join(dir, 'nats-server.pid'),
    recordFile: join(dir, 'nats-server.proc.json'),
    logFile: join(dir, 'nats-server.log'),
    storeDir: join(dir, 'jetstream'),
  };
}

/** What /varz says about a server; only the fields natsgh uses. */
export interface ServerVarz {
  server_id: string;
  server_name: string;
  version: string;
}

export interface MonitorDeps {
  fetch?: typeof fetch;
}

const quote = (s: string) => JSON.stringify(s);
const templateCache = new Map<string, string>();

async function template(name: string): Promise<string> {
  let text = templateCache.get(name);
  if (text === undefined) {
    text = await readFile(join(SERVER_TEMPLATES_DIR, name), 'utf8');
    templateCache.set(name, text);
  }
  return text;
}

/** The authorization block for clients: one user/password, a token, or one NKey user. */
export async function renderAuthorization(auth: ClientAuth | undefined): Promise<string> {
  if (!auth) return '';
  const lines = ["# Clients must present the deployment's credentials (see natsgh status: nats.context)."];
  lines.push('authorization {');
  if (auth.token) lines.push(`  token: ${quote(auth.token)}`);
  else if (auth.user && auth.password) {
    lines.push(`  user: ${quote(auth.user)}`, `  password: ${quote(auth.password)}`);
  } else if (auth.nkeyFile) {
    const [{ readNkeySeedFile }, { fromSeed }] = await Promise.all([
      import('../nats/connect.js'),
      import('@nats-io/nkeys'),
    ]);
    const publicKey = fromSeed(await readNkeySeedFile(auth.nkeyFile)).getPublicKey();
    lines.push(`  users: [ { nkey: ${quote(publicKey)} } ]`);
  } else return '';
  lines.push('  timeout: 2', '}');
  return lines.join('\n');
}

/** The server's config file text; the same spec always renders the same bytes. */
export async function renderServerConfig(spec: LocalServerSpec): Promise<string> {
  const files = serverFiles(spec.dir);
  let tls = '';
  if (spec.tls) {
    tls = substituteVariables(
      await template('tls.conf.tmpl'),
      {
        certFile: quote(spec.tls.cert),
        keyFile: quote(spec.tls.key),
        caFile: spec.tls.ca ? `  ca_file: ${quote(spec.tls.ca)}` : '',
        verify: spec.tls.verify ? 'true' : 'false',
      },
      'nats-server/tls.conf.tmpl',
    );
  }
  let cluster = '';
  if (spec.cluster) {
    const routeAuth = spec.cluster.auth;
    const userInfo = routeAuth
      ? `${encodeURIComponent(routeAuth.user)}:${encodeURIComponent(routeAuth.password)}@`
      : '';
    cluster = substituteVariables(
      await template('cluster.conf.tmpl'),
      {
        clusterName: quote(spec.cluster.name),
        clusterListen: quote(`127.0.0.1:${spec.cluster.port}`),
        routeAuthorization: routeAuth
          ? `  authorization {\n    user: ${quote(routeAuth.user)}\n    password: ${quote(routeAuth.password)}\n    timeout: 2\n  }`
          : '',
        routes: spec.cluster.routePorts
          .map((p) => `    ${quote(`nats-route://${userInfo}127.0.0.1:${p}`)}`)
          .join('\n'),
      },
      'nats-server/cluster.conf.tmpl',
    );
  }
  const text = substituteVariables(
    await template('server.conf.tmpl'),
    {
      deployment: spec.deployment,
      serverName: quote(spec.serverName),
      port: spec.port,
      monitorListen: quote(`127.0.0.1:${spec.monitorPort}`),
      storeDir: quote(files.storeDir),
      pidFile: quote(files.pidFile),
      jetstreamDomain: spec.jetstreamDomain ? `  domain: ${quote(spec.jetstreamDomain)}` : '',
      authorization: await renderAuthorization(spec.auth),
      tls,
      cluster,
    },
    'nats-server/server.conf.tmpl',
  );
  return text.replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '\n');
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function getJson<T>(deps: MonitorDeps, url: string, timeoutMs = 1000): Promise<T | undefined> {
  if (!deps.fetch) {
    // Loopback monitoring needs no fetch (which costs ~100 ms to load on first use, see loopback-http.ts).
    try {
      const res = await loopbackGet(url, timeoutMs);
      return res.status >= 200 && res.status < 300 ? (JSON.parse(res.body) as T) : undefined;
    } catch {
      return undefined;
    }
  }
  try {
    const res = await deps.fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) {
      await res.body?.cancel();
      return undefined;
    }
    return (await res.json()) as T;
  } catch {
    return undefined;
  }
}

/** True when /healthz?js-enabled-only=true answers ok (works on 2.9.10, see NATS-NOTES.md). */
export async function isHealthy(monitorPort: number, deps: MonitorDeps = {}): Promise<boolean> {
  const body = await getJson<{ status?: string }>(
    deps,
    `http://127.0.0.1:${monitorPort}/healthz?js-enabled-only=true`,
  );
  return body?.status === 'ok';
}

export async function readVarz(monitorPort: number, deps: MonitorDeps = {}): Promise<ServerVarz | undefined> {
  return getJson<ServerVarz>(deps, `http://127.0.0.1:${monitorPort}/varz`);
}

export async function readMonitor<T>(
  monitorPort: number,
  path: string,
  deps: MonitorDeps = {},
): Promise<T | undefined> {
  return getJson<T>(deps, `http://127.0.0.1:${monitorPort}${path}`);
}

export interface RunningServer {
  pid: number;
  varz: ServerVarz;
}

/**
 * The server natsgh started for this spec, if it still runs: its pid is alive,
 * it is healthy, and /varz on its monitor port names it. A live pid whose
 * monitor port answers with another name is someone else's process.
 */
export async function findRunningServer(
  spec: LocalServerSpec,
  deps: MonitorDeps = {},
): Promise<RunningServer | undefined> {
  const pid = await readPidFile(serverFiles(spec.dir).pidFile);
  if (pid === undefined || !isAlive(pid)) return undefined;
  const varz = await readVarz(spec.monitorPort, deps);
  if (!varz || varz.server_name !== spec.serverName) return undefined;
  if (!(await isHealthy(spec.monitorPort, deps))) return undefined;
  return { pid, varz };
}

export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const srv = createServer();
    srv.once('error', () => resolvePromise(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolvePromise(true)));
  });
}

/** Fails naming the port and the flag that changes it, before anything is spawned. */
export async function assertPortsFree(spec: LocalServerSpec): Promise<void> {
  const ports: Array<[number, string, string]> = [
    [spec.port, 'client port', spec.portFlags.port],
    [spec.monitorPort, 'monitoring port', spec.portFlags.monitorPort],
  ];
  if (spec.cluster) {
    ports.push([
      spec.cluster.port,
      'cluster (route) port',
      spec.portFlags.clusterPort ?? spec.portFlags.port,
    ]);
  }
  for (const [port, what, flag] of ports) {
    if (!(await isPortFree(port))) {
      const { portInUseError } = await import('../system/port-holder.js');
      throw await portInUseError(port, `the ${what} of nats-server ${spec.serverName}`, flag, {
        server: spec.serverName,
      });
    }
  }
}

export async function lastLogLines(logFile: string, count = 20): Promise<string> {
  const text = (await readText(logFile)) ?? '';
  return redact(text.trimEnd().split('\n').slice(-count).join('\n'));
}

export interface WaitOptions extends MonitorDeps {
  timeoutMs: number;
  signal?: AbortSignal;
  intervalMs?: number;
}

/** Polls until `ready` is true; false when the time runs out. Throws when aborted. */
export async function pollUntil(ready: () => Promise<boolean>, opts: WaitOptions): Promise<boolean> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    opts.signal?.throwIfAborted();
    if (await ready()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 25));
  }
}

export interface StartedServer extends RunningServer {
  configFile: string;
  /** False when a running server was found and left alone. */
  started: boolean;
}

export interface EnsureOptions extends MonitorDeps {
  /** Resolves the binary; called only when a server has to be started. */
  binary: () => Promise<string>;
  log: Logger;
  signal?: AbortSignal;
  healthTimeoutMs?: number;
}

const SECRET_ENV = new Set(CONFIG_KEYS.filter((k) => k.secret).flatMap((k) => k.env));

/**
 * The environment a nats-server natsgh runs gets: natsgh's own, without the
 * variables that carry natsgh's secrets (GitHub token, webhook secret, NATS
 * password or token). The server needs none of them, and a process's
 * environment is readable by every process of the same user.
 */
export function serverEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !SECRET_ENV.has(name)));
}

/** Writes the config, spawns the server detached and records its pid; does not wait. */
export async function spawnServer(
  spec: LocalServerSpec,
  binary: string,
  configText: string,
): Promise<{ pid: number; configFile: string }> {
  const files = serverFiles(spec.dir);
  await mkdir(files.storeDir, { recursive: true });
  // The config holds the credentials: owner-only, in an owner-only directory.
  if (process.platform !== 'win32') await chmod(spec.dir, 0o700);
  await writeFileAtomic(files.configFile, configText, { mode: 0o600 });
  const pid = spawnDetached(binary, ['-c', files.configFile], {
    logFile: files.logFile,
    cwd: spec.dir,
    env: serverEnvironment(),
  });
  await recordProcess(files.recordFile, pid);
  await writeFileAtomic(files.pidFile, `${pid}\n`);
  return { pid, configFile: files.configFile };
}

/** Waits for /healthz; a process that exits or stays unhealthy is an error quoting its log. */
export async function waitForServerHealth(
  spec: LocalServerSpec,
  pid: number,
  opts: { timeoutMs: number; signal?: AbortSignal } & MonitorDeps,
): Promise<ServerVarz> {
  let exited = false;
  const healthy = await pollUntil(
    async () => {
      if (!isAlive(pid)) {
        exited = true;
        return true;
      }
      return isHealthy(spec.monitorPort, opts);
    },
    { ...opts, timeoutMs: opts.timeoutMs },
  );
  const files = serverFiles(spec.dir);
  const varz = healthy && !exited ? await readVarz(spec.monitorPort, opts) : undefined;
  if (!varz || varz.server_name !== spec.serverName) {
    if (!exited) await stopOurServer(spec, 2000);
    await rm(files.pidFile, { force: true });
    const why = exited
      ? 'exited right after it started'
      : !healthy
        ? `was not healthy at http://127.0.0.1:${spec.monitorPort}/healthz?js-enabled-only=true within ${Math.round(opts.timeoutMs / 1000)} s`
        : `answered on port ${spec.monitorPort} with another server name`;
    const tail = await lastLogLines(files.logFile);
    throw new NatsghError(`nats-server ${spec.serverName} ${why}. Last lines of ${files.logFile}:\n${tail}`, {
      code: 'nats_server_start',
      details: { server: spec.serverName, logFile: files.logFile, configFile: files.configFile },
      suggestions: [
        `Read ${files.logFile} and check ${files.configFile}.`,
        'Run `natsgh doctor` to check ports and the nats-server binary.',
      ],
    });
  }
  return varz;
}

/**
 * Converges one server: reuses the running one when its config is unchanged,
 * restarts it when the config changed, starts it when it is missing.
 */
export async function ensureServer(spec: LocalServerSpec, opts: EnsureOptions): Promise<StartedServer> {
  const files = serverFiles(spec.dir);
  await mkdir(spec.dir, { recursive: true });
  const configText = await renderServerConfig(spec);
  const previousConfig = await readText(files.configFile);
  let running = await findRunningServer(spec, opts);
  let livePid = await readPidFile(files.pidFile);
  const startedByUs = livePid !== undefined && isAlive(livePid);
  const ourServerAnswers = async () =>
    (await readVarz(spec.monitorPort, opts))?.server_name === spec.serverName;
  if (!running && previousConfig === configText && (startedByUs || (await ourServerAnswers()))) {
    // Started by a run that died before the server was healthy, or before that run recorded
    // its pid (the server writes pid_file itself, a moment after it starts; asked over HTTP,
    // not by binding its port, which could fail its own bind): give it a moment rather than
    // restart it, or fail on a port it holds.
    await pollUntil(
      async () => {
        running = await findRunningServer(spec, opts);
        return running !== undefined;
      },
      {
        timeoutMs: 5000,
        signal: opts.signal,
        intervalMs: 50,
      },
    );
  }
  livePid = await readPidFile(files.pidFile);
  if (running && previousConfig === configText) {
    opts.log.info(`nats-server ${spec.serverName} already runs (pid ${running.pid}, port ${spec.port})`);
    return { ...running, configFile: files.configFile, started: false };
  }
  if (livePid !== undefined && isAlive(livePid)) {
    // Ours but with an old config (or unhealthy): a restart applies the new one.
    const why = previousConfig === configText ? 'it is not healthy' : 'its configuration changed';
    opts.log.info(`restarting nats-server ${spec.serverName} (pid ${livePid}): ${why}`);
    await stopServer(spec, opts);
  }
  await rm(files.pidFile, { force: true });
  await assertPortsFree(spec);
  const binary = await opts.binary();
  const started = await spawnServer(spec, binary, configText);
  opts.log.info(`started nats-server ${spec.serverName} (pid ${started.pid}) on 127.0.0.1:${spec.port}`);
  const varz = await waitForServerHealth(spec, started.pid, {
    timeoutMs: opts.healthTimeoutMs ?? 15_000,
    signal: opts.signal,
    fetch: opts.fetch,
  });
  return { pid: started.pid, varz, configFile: started.configFile, started: true };
}

/** What the command line of the server natsgh started for this spec holds. */
export function serverMarkers(spec: Pick<LocalServerSpec, 'dir'>): string[] {
  return ['nats-server', serverFiles(spec.dir).configFile];
}

/**
 * Stops the nats-server natsgh recorded for this spec (SIGTERM, then SIGKILL;
 * taskkill /F on Windows, where a nats-server that is not a service has no other
 * stop), only while it is still that process (process-identity.ts). A pid file
 * whose number now belongs to another process (after a reboot) is left alone.
 */
async function stopOurServer(
  spec: LocalServerSpec,
  graceMs: number,
  log?: Logger,
): Promise<'stopped' | 'not-running'> {
  const files = serverFiles(spec.dir);
  const record = await recordOrAdopt(files.recordFile, await readPidFile(files.pidFile), serverMarkers(spec));
  let result: 'stopped' | 'not-running' = 'not-running';
  if (record) {
    const { outcome, reason } = await stopRecordedProcess(record, serverMarkers(spec), { graceMs });
    if (outcome === 'not-ours')
      log?.warn(`not stopping pid ${record.pid} (nats-server ${spec.serverName}): ${reason}`);
    if (outcome === 'stopped' || outcome === 'killed') result = 'stopped';
  }
  await rm(files.recordFile, { force: true });
  return result;
}

/** Stops the server natsgh started for this spec and removes its pid file. */
export async function stopServer(
  spec: LocalServerSpec,
  deps: MonitorDeps & { log?: Logger } = {},
): Promise<'stopped' | 'not-running'> {
  const result = await stopOurServer(spec, 5000, deps.log);
  await rm(serverFiles(spec.dir).pidFile, { force: true });
  return result;
}

export async function removeStore(spec: LocalServerSpec): Promise<void> {
  try {
    await rm(serverFiles(spec.dir).storeDir, { recursive: true, force: true });
  } catch (err) {
    throw new NatsghError(
      `could not remove the JetStream store ${serverFiles(spec.dir).storeDir}: ${errorMessage(err)}`,
      {
        code: 'purge_failed',
      },
    );
  }
}
