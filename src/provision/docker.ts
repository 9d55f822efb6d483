// `--mode docker`: writes compose.yaml (+ nats configs) into <stateDir>/docker
// and runs `docker compose -p natsgh-<deployment> up -d --wait` for the NATS
// services (provision-nats); the controller service in the same file is deployed
// by the deploy-controller phase (deploy/controller/docker.ts). A self_hosted_cluster then waits
// until the JetStream meta group counts every server, restarting a service the nats-server 2.10
// start race left outside it (awaitComposeMetaGroup). Teardown runs `down`,
// removing volumes only with purge. Secrets are only in owner-only files beside
// compose.yaml: the servers' auth.conf, and the controller's token, webhook
// secret and NATS password in its files directory, which its `<ENV>_FILE`
// variables name (never a value in compose.yaml, the environment of `docker
// compose` or the container's configuration); the containers get copies of the
// TLS and creds files they need (never the CA's private key), readable by the uid
// they run as.
import { createHmac, randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import type { VerifyResult } from '../contracts.js';
import { controllerPlainEnv, controllerSecretFiles, natsAuth } from '../deploy/controller/env.js';
import { NatsghError } from '../errors.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import {
  describeMetaGroup,
  type JszMeta,
  judgeMetaGroup,
  type MetaGroupJudgement,
} from '../nats/meta-group.js';
import { devTlsPaths, generateDevTls } from '../nats/tls-generate.js';
import { redact } from '../redact.js';
import { writeFileAtomic } from '../system/atomic-file.js';
import { installHint } from '../system/platform.js';
import { findOnPath, runCommand } from '../system/process.js';
import {
  type ComposeInput,
  composeProjectName,
  GITHUB_APP_KEY_FILE,
  NATS_AUTH_FILE,
  natsServiceNames,
  type RenderedCompose,
  renderCompose,
  renderNatsAuth,
} from './compose.js';
import { controllerImage, controllerUser } from './docker-image.js';
import { leafRemoteFromConfig } from './hybrid.js';
import { MAX_META_RESTARTS, META_RESTART_AFTER_MS, restartRefusal } from './local-cluster.js';
import { isHealthy, pollUntil, readMonitor } from './local-server.js';
import type { NodeStatus, PlanStep, ProvisionContext, Provisioner, ProvisionResult } from './provisioner.js';
import { checkedCreds, credsOutputs, SynadiaProvisioner } from './synadia.js';

const UP_TIMEOUT_MS = 10 * 60_000;

export function composeFiles(stateDir: string) {
  const dir = resolve(stateDir, 'docker');
  return {
    dir,
    composeFile: join(dir, 'compose.yaml'),
    /** The servers' TLS copies: ca.pem, server.pem, server-key.pem (never ca-key.pem). */
    natsTlsDir: join(dir, 'nats-tls'),
    /** The controller's copies: ca.pem, client.pem, client-key.pem, nats.creds, its secrets (github-token, ...). */
    controllerFilesDir: join(dir, 'controller-files'),
    authFile: join(dir, NATS_AUTH_FILE),
  };
}

/** Writes an owner-only copy (0600, in a 0700 dir) of `text`, owned by `owner` when we are root. */
async function writeCopy(file: string, text: string | Buffer, owner?: { uid: number; gid: number }) {
  const current = await readFile(file).catch(() => undefined);
  if (!current?.equals(Buffer.from(text))) await writeFileAtomic(file, text, { mode: 0o600 });
  await chmod(file, 0o600);
  if (owner && process.getuid?.() === 0) await chown(file, owner.uid, owner.gid);
}

async function privateDir(dir: string, owner?: { uid: number; gid: number }): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  if (owner && process.getuid?.() === 0) await chown(dir, owner.uid, owner.gid);
}

/** Makes `dir` hold exactly `files` (owner-only copies); removes it when there are none. */
async function syncCopies(dir: string, files: Map<string, Buffer>, owner?: { uid: number; gid: number }) {
  if (files.size === 0) {
    await rm(dir, { recursive: true, force: true });
    return;
  }
  // The directory is kept (not recreated): a running container's bind mount points at it.
  await privateDir(dir, owner);
  for (const name of await readdir(dir)) if (!files.has(name)) await rm(join(dir, name), { force: true });
  for (const [name, bytes] of files) await writeCopy(join(dir, name), bytes, owner);
}

/**
 * The files the containers mount: the servers' authorization (auth.conf) and
 * TLS copies, the controller's TLS and creds copies and its secrets. Files a
 * setting no longer asks for are removed.
 */
async function prepareContainerFiles(
  ctx: ProvisionContext,
  tls: { mtls: boolean; hosts: string[] } | undefined,
): Promise<{ nats: Map<string, Buffer>; controller: Map<string, Buffer> }> {
  const c = ctx.config;
  const f = composeFiles(ctx.stateDir);
  await privateDir(f.dir);
  const auth = renderNatsAuth(natsAuth(c));
  if (auth) await writeCopy(f.authFile, auth);
  else await rm(f.authFile, { force: true });

  const natsCopies = new Map<string, Buffer>();
  const controllerCopies = new Map<string, Buffer>();
  if (tls) {
    const generated = await generateDevTls(resolve(ctx.stateDir), { mtls: tls.mtls, hosts: tls.hosts });
    natsCopies.set('ca.pem', await readFile(generated.ca));
    natsCopies.set('server.pem', await readFile(generated.serverCert));
    natsCopies.set('server-key.pem', await readFile(generated.serverKey));
    controllerCopies.set('ca.pem', await readFile(generated.ca));
    if (generated.clientCert && generated.clientKey) {
      controllerCopies.set('client.pem', await readFile(generated.clientCert));
      controllerCopies.set('client-key.pem', await readFile(generated.clientKey));
    }
  }
  if (c.natsType === 'synadia' && c.nats.credsFile) {
    controllerCopies.set('nats.creds', await readFile(resolve(c.nats.credsFile)));
  }
  if (c.github.appPrivateKeyFile) {
    const keyFile = resolve(c.github.appPrivateKeyFile);
    const key = await readFile(keyFile).catch((err: NodeJS.ErrnoException) => {
      throw new NatsghError(
        `cannot read the GitHub App private key ${keyFile} (${err.code ?? err.message})`,
        {
          code: 'github_app_key_unreadable',
          suggestions: [
            'Check --github-app-key (NATSGH_GITHUB_APP_PRIVATE_KEY_FILE) and that this user can read it.',
          ],
        },
      );
    });
    controllerCopies.set(GITHUB_APP_KEY_FILE, key);
  }
  for (const secret of controllerSecretFiles(c).files)
    controllerCopies.set(secret.file, Buffer.from(secret.value));
  await syncCopies(f.natsTlsDir, natsCopies);
  await syncCopies(f.controllerFilesDir, controllerCopies, controllerUser());
  if (auth) natsCopies.set(NATS_AUTH_FILE, Buffer.from(auth));
  return { nats: natsCopies, controller: controllerCopies };
}

/** A digest of mounted files, salted with a per-state-dir secret so a label never reveals a weak password. */
async function filesDigest(dir: string, files: Map<string, Buffer | string>): Promise<string> {
  const saltFile = join(dir, '.salt');
  let salt = await readFile(saltFile, 'utf8').catch(() => '');
  if (!salt) {
    salt = randomBytes(16).toString('hex');
    await writeFileAtomic(saltFile, salt, { mode: 0o600 });
  }
  const h = createHmac('sha256', salt);
  for (const name of [...files.keys()].sort()) h.update(`${name}\0`).update(files.get(name)!).update('\0');
  return h.digest('hex').slice(0, 16);
}

async function composeInput(ctx: ProvisionContext): Promise<ComposeInput> {
  const c = ctx.config;
  const hybrid = c.natsType === 'hybrid';
  const tlsOn = c.nats.tls.mode === 'generate' && c.natsType !== 'synadia';
  const f = composeFiles(ctx.stateDir);
  const image = controllerImage(c);
  const secrets = controllerSecretFiles(c);
  const hasControllerFiles =
    tlsOn ||
    (c.natsType === 'synadia' && !!c.nats.credsFile) ||
    !!c.github.appPrivateKeyFile ||
    secrets.files.length > 0;
  return {
    deployment: ctx.deployment,
    natsType: c.natsType,
    replicas: c.natsType === 'self_hosted_cluster' ? c.nats.replicas : 1,
    port: c.nats.port,
    monitorPort: c.nats.monitorPort,
    controllerPort: c.controller.port,
    jetstreamDomain: c.nats.jetstreamDomain,
    natsImage: c.nats.image,
    tlsDir: tlsOn ? f.natsTlsDir : undefined,
    tlsVerify: c.nats.tls.verify,
    natsAuth: renderNatsAuth(natsAuth(c)) !== undefined,
    controllerFilesDir: hasControllerFiles ? f.controllerFilesDir : undefined,
    controllerImage: image.image,
    build: image.build,
    pullPolicy: image.pullPolicy,
    controllerUser: controllerUser(),
    leafRemote: hybrid ? leafRemoteFromConfig(c, (p) => resolve(p)) : undefined,
    externalUrl: c.natsType === 'synadia' ? c.nats.url : undefined,
    credsFile: c.natsType === 'synadia' && !!c.nats.credsFile,
    githubAppKey: !!c.github.appPrivateKeyFile,
    controllerEnv: { ...controllerPlainEnv(c), ...secrets.plain },
    secretFiles: Object.fromEntries(secrets.files.map((f) => [f.env, f.file])),
  };
}

/** Renders and writes compose.yaml, the nats configs and the containers' files (atomically); returns what was written. */
export async function writeComposeFiles(
  ctx: ProvisionContext,
): Promise<RenderedCompose & { composeFile: string; controllerImage: string }> {
  const { dir, composeFile } = composeFiles(ctx.stateDir);
  const input = await composeInput(ctx);
  const copies = await prepareContainerFiles(
    ctx,
    input.tlsDir ? { mtls: ctx.config.nats.tls.verify, hosts: natsServiceNames(input) } : undefined,
  );
  if (input.natsType === 'hybrid' && ctx.config.nats.credsFile) await checkedCreds(ctx, 'hybrid');
  const natsFiles = new Map<string, Buffer | string>([
    ...copies.nats,
    ...Object.entries(renderCompose(input).files),
  ]);
  const rendered = renderCompose({
    ...input,
    filesDigest: {
      nats: await filesDigest(dir, natsFiles),
      controller: await filesDigest(dir, copies.controller),
    },
  });
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(rendered.files)) await writeFileAtomic(join(dir, name), text);
  await writeFileAtomic(composeFile, rendered.compose);
  return { ...rendered, composeFile, controllerImage: input.controllerImage };
}

function dockerBinary(ctx: ProvisionContext): string {
  const bin = findOnPath('docker', ctx.platform);
  if (!bin) {
    throw new NatsghError(
      '--mode docker needs the docker CLI with the compose plugin, and docker was not found on PATH',
      {
        code: 'docker_missing',
        suggestions: [
          `Install it: ${installHint(ctx.platform, 'docker')}`,
          'Then run `natsgh doctor --mode docker`.',
        ],
      },
    );
  }
  return bin;
}

async function runCompose(
  ctx: ProvisionContext,
  args: string[],
  opts: { timeoutMs: number; quiet?: boolean },
) {
  const { composeFile } = composeFiles(ctx.stateDir);
  return runCommand(
    dockerBinary(ctx),
    ['compose', '-p', composeProjectName(ctx.deployment), '-f', composeFile, ...args],
    {
      env: ctx.platform.env,
      timeoutMs: opts.timeoutMs,
      signal: ctx.signal,
      onLine: opts.quiet ? undefined : (line) => ctx.log.info(redact(line)),
    },
  );
}

/** Lines of compose's own output that say why it failed (not the build's progress). */
function verdictLines(output: string): string[] {
  return output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /unhealthy|exited|error|failed|denied|not found|no such/i.test(l))
    .slice(-5);
}

/** Each service that is not running and healthy, with its container's last log lines. */
async function failingServices(ctx: ProvisionContext): Promise<string[]> {
  forgetPs(ctx);
  const entries = await composePs(ctx).catch(() => [] as ComposePsEntry[]);
  forgetPs(ctx);
  const out: string[] = [];
  for (const e of entries) {
    if (e.State === 'running' && (!e.Health || e.Health === 'healthy')) continue;
    const state = e.Health && e.State === 'running' ? e.Health : e.State;
    const logs = await runCompose(ctx, ['logs', '--no-color', '--no-log-prefix', '--tail', '10', e.Service], {
      timeoutMs: 30_000,
      quiet: true,
    }).catch(() => undefined);
    const tail = (logs?.stdout ?? '').trim().split('\n').filter(Boolean).slice(-10);
    out.push(
      `container ${e.Name ?? e.Service} is ${state}${e.ExitCode ? ` (exit code ${e.ExitCode})` : ''}${
        tail.length > 0 ? `; its last log lines:\n    ${tail.join('\n    ')}` : ''
      }`,
    );
  }
  return out;
}

/** Runs `docker compose -p <project> -f <file> ...args`; throws with the cause on failure. */
export async function dockerCompose(
  ctx: ProvisionContext,
  args: string[],
  what: string,
  opts: { timeoutMs?: number; quiet?: boolean } = {},
): Promise<string> {
  const changes = args[0] !== 'ps' && args[0] !== 'logs';
  if (changes) forgetPs(ctx);
  const r = await runCompose(ctx, args, { timeoutMs: opts.timeoutMs ?? UP_TIMEOUT_MS, quiet: opts.quiet });
  if (changes) forgetPs(ctx);
  if (r.failed) throw await composeFailure(ctx, args, what, r);
  return r.stdout;
}

/** The error of a failed compose command: what compose says went wrong and, for `up`, which container failed and why. */
async function composeFailure(
  ctx: ProvisionContext,
  args: string[],
  what: string,
  r: Awaited<ReturnType<typeof runCompose>>,
): Promise<NatsghError> {
  const { composeFile } = composeFiles(ctx.stateDir);
  const project = composeProjectName(ctx.deployment);
  // What compose says went wrong, then which container failed and why (its own log), rather
  // than whatever the build printed last.
  const verdict = verdictLines(r.stderr);
  const causes = args[0] === 'up' ? await failingServices(ctx) : [];
  const tail = `${r.stderr}\n${r.stdout}`.trim().split('\n').slice(-15);
  const body = verdict.length > 0 || causes.length > 0 ? [...verdict, ...causes] : tail;
  return new NatsghError(
    redact(
      `docker compose ${what} failed${r.timedOut ? ' (timed out)' : ` (exit ${r.exitCode})`}:\n${body.join('\n')}`,
    ),
    {
      code: 'docker_compose_failed',
      details: { project, composeFile, args },
      suggestions: [
        `See the containers' logs: docker compose -p ${project} -f ${composeFile} logs`,
        'Check that the Docker engine runs: docker info',
      ],
    },
  );
}

/** Whether the engine holds an image under this name:tag (`docker image inspect`; no registry is asked). */
export async function imagePresent(ctx: ProvisionContext, image: string): Promise<boolean> {
  const r = await runCommand(dockerBinary(ctx), ['image', 'inspect', '--format', '{{.Id}}', image], {
    env: ctx.platform.env,
    timeoutMs: 30_000,
    signal: ctx.signal,
  });
  return !r.failed;
}

/**
 * How BuildKit's solver fails a build that shares steps with a build whose client went away
 * (natsgh or its compose killed mid-build, as a cancelled CI job is): the next build started
 * right after can hit the killed one's discarded state (moby/buildkit#2303), and a new build
 * succeeds. Seen on Docker 26.1 when a bootstrap resumed after being killed during the build.
 */
export const TRANSIENT_BUILD_FAILURE = /inconsistent graph state/i;
export const BUILD_ATTEMPTS = 3;

/**
 * `docker compose build <service>`: builds from the local image store and build cache only
 * (compose's `up` would first try to pull the tag from a registry). A build failed by BuildKit's
 * transient solver state is run again, at most BUILD_ATTEMPTS times in all; any other failure
 * is an error at once.
 */
export async function composeBuild(ctx: ProvisionContext, service: string, pauseMs = 1000): Promise<void> {
  const args = ['build', service];
  for (let attempt = 1; ; attempt++) {
    const r = await runCompose(ctx, args, { timeoutMs: UP_TIMEOUT_MS });
    if (!r.failed) return;
    const transient = !r.timedOut && TRANSIENT_BUILD_FAILURE.test(`${r.stderr}\n${r.stdout}`);
    if (!transient || attempt >= BUILD_ATTEMPTS || ctx.signal.aborted)
      throw await composeFailure(ctx, args, `build (${service})`, r);
    ctx.log.warn(
      `docker compose build ${service}: BuildKit failed with "inconsistent graph state" (left by an interrupted build); building again (attempt ${attempt + 1} of ${BUILD_ATTEMPTS})`,
    );
    await new Promise((r) => setTimeout(r, pauseMs * attempt));
  }
}

async function assertComposePlugin(ctx: ProvisionContext): Promise<void> {
  const r = await runCommand(dockerBinary(ctx), ['compose', 'version'], {
    timeoutMs: 30_000,
    env: ctx.platform.env,
  });
  if (r.failed) {
    throw new NatsghError('the docker compose plugin is missing (`docker compose version` failed)', {
      code: 'docker_compose_missing',
      suggestions: ['Install Docker Compose v2: https://docs.docker.com/compose/install/'],
    });
  }
}

export interface ComposePsEntry {
  Service: string;
  State: string;
  Health?: string;
  Name?: string;
  Image?: string;
  ExitCode?: number;
}

/** Parses `docker compose ps --format json`: a JSON array (older compose) or one object per line. */
export function parseComposePs(stdout: string): ComposePsEntry[] {
  const text = stdout.trim();
  if (!text) return [];
  if (text.startsWith('[')) return JSON.parse(text) as ComposePsEntry[];
  return text
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as ComposePsEntry);
}

// provision-nats's and deploy-controller's verifies ask for the same `ps` in one run (one abort
// signal): one call serves them for a moment, and anything that changes the project forgets it.
const PS_FRESH_MS = 2000;
const psCache = new WeakMap<AbortSignal, Map<string, { at: number; entries: Promise<ComposePsEntry[]> }>>();
const psKey = (ctx: ProvisionContext) => `${resolve(ctx.stateDir)}\0${ctx.deployment}`;
function forgetPs(ctx: ProvisionContext): void {
  psCache.get(ctx.signal)?.delete(psKey(ctx));
}

/** The project's containers (`docker compose ps --all`), not echoed into the run's output. */
export function composePs(ctx: ProvisionContext): Promise<ComposePsEntry[]> {
  const key = psKey(ctx);
  let run = psCache.get(ctx.signal);
  if (!run) {
    run = new Map();
    psCache.set(ctx.signal, run);
  }
  const hit = run.get(key);
  if (hit && Date.now() - hit.at < PS_FRESH_MS) return hit.entries;
  const entries = dockerCompose(ctx, ['ps', '--all', '--format', 'json'], 'ps', {
    timeoutMs: 60_000,
    quiet: true,
  }).then(parseComposePs);
  run.set(key, { at: Date.now(), entries });
  entries.catch(() => forgetPs(ctx));
  return entries;
}

/** Whether a compose service runs and (when it has a health check) is healthy. */
export async function composeServiceHealthy(
  ctx: ProvisionContext,
  service: string,
): Promise<VerifyResult & { entry?: ComposePsEntry }> {
  let entries: ComposePsEntry[];
  try {
    entries = await composePs(ctx);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  const e = entries.find((x) => x.Service === service);
  if (!e) return { ok: false, reason: `compose service ${service} does not exist` };
  if (e.State !== 'running') return { ok: false, reason: `compose service ${service} is ${e.State}` };
  if (e.Health && e.Health !== 'healthy')
    return { ok: false, reason: `compose service ${service} is ${e.Health}` };
  return { ok: true, entry: e };
}

/** What the meta-group wait of a compose cluster reads and runs; tests pass fakes. */
export interface ComposeMetaOptions {
  /** Bound on one wait for the group to form; each restart starts a new one. */
  timeoutMs?: number;
  /** How long a node stays `outside` under one leader before its service is restarted. */
  restartAfterMs?: number;
  intervalMs?: number;
  fetch?: typeof fetch;
  /** Runs `docker compose <args>` in this deployment's project (dockerCompose by default). */
  compose?: (args: string[], what: string) => Promise<string>;
}

/**
 * The JetStream meta group of the compose cluster, judged from each service's `/jsz` on its
 * published monitoring port (service i: monitorPort + i, plain http whatever the client TLS);
 * each server's name is its service's name (compose.ts).
 */
export async function judgeComposeMetaGroup(
  ctx: ProvisionContext,
  services: string[],
  opts: Pick<ComposeMetaOptions, 'fetch'> = {},
): Promise<{ judgement: MetaGroupJudgement; jsz: Array<JszMeta | undefined> }> {
  const jsz = await Promise.all(
    services.map((_, i) => readMonitor<JszMeta>(ctx.config.nats.monitorPort + i, '/jsz', opts)),
  );
  const metas = jsz.map((b) => b?.meta_cluster);
  const judgement = judgeMetaGroup(metas, services);
  // The race's other face: a server whose votes never leave it can also sit as a candidate (its
  // term above the leader's, so it refuses the leader's entries) while the others formed without
  // it; seen here with the leader's /raftz peer map lacking it for over a minute. Judged as if it
  // followed the leader: `outside` when the others would then be a counted quorum without it.
  const electing = services.filter((_, i) => jsz[i] && !metas[i]?.leader);
  if (judgement.formed || !judgement.leader || judgement.outside.length > 0 || electing.length === 0) {
    return { judgement, jsz };
  }
  const asFollowers = metas.map((m, i) =>
    electing.includes(services[i]) ? { ...m, leader: judgement.leader } : m,
  );
  const outside = judgeMetaGroup(asFollowers, services).outside;
  const same = outside.length === electing.length && electing.every((n) => outside.includes(n));
  return { judgement: same ? { ...judgement, outside } : judgement, jsz };
}

/**
 * Waits after `up --wait` until the meta group counts every service (healthz says only that
 * JetStream is enabled). A service whose server follows the leader without the leader counting
 * it (or stays a candidate) for restartAfterMs, while the others formed (the nats-server
 * 2.10.23-2.10.29 start race, which lasts as long as the process), is restarted with `docker compose restart`, at most
 * MAX_META_RESTARTS times, each with a warning; throws nats_cluster_form naming the missing
 * services otherwise. Returns the leader.
 */
export async function awaitComposeMetaGroup(
  ctx: ProvisionContext,
  services: string[],
  opts: ComposeMetaOptions = {},
): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const graceMs = opts.restartAfterMs ?? META_RESTART_AFTER_MS;
  const compose = opts.compose ?? ((args, what) => dockerCompose(ctx, args, what, { timeoutMs: 120_000 }));
  const { composeFile } = composeFiles(ctx.stateDir);
  const logs = (names: string[]) =>
    `See their logs: docker compose -p ${composeProjectName(ctx.deployment)} -f ${composeFile} logs ${names.join(' ')}`;
  const formError = (message: string, missing: string[]) =>
    new NatsghError(message, {
      code: 'nats_cluster_form',
      details: { notMembers: missing },
      suggestions: [
        logs(missing),
        'Re-run the bootstrap; it restarts a service the JetStream meta leader does not count.',
      ],
    });
  const restarted: string[] = [];
  for (;;) {
    let last: Awaited<ReturnType<typeof judgeComposeMetaGroup>> | undefined;
    let stuck: string | undefined;
    /** Since when each service has been outside the group under one leader (`service@leader`). */
    const since = new Map<string, number>();
    const done = await pollUntil(
      async () => {
        last = await judgeComposeMetaGroup(ctx, services, opts);
        const j = last.judgement;
        if (j.formed) return true;
        const now = Date.now();
        const keys = new Set(j.outside.map((n) => `${n}@${j.leader}`));
        for (const k of since.keys()) if (!keys.has(k)) since.delete(k);
        for (const k of keys) if (!since.has(k)) since.set(k, now);
        if (restarted.length >= MAX_META_RESTARTS) return false;
        stuck = j.outside.find((n) => now - (since.get(`${n}@${j.leader}`) ?? now) >= graceMs);
        return stuck !== undefined;
      },
      { timeoutMs, signal: ctx.signal, intervalMs: opts.intervalMs ?? 250 },
    );
    const found = (last as Awaited<ReturnType<typeof judgeComposeMetaGroup>> | undefined)?.judgement;
    if (!found) throw formError('the NATS cluster was never judged', services);
    if (done && found.formed && found.leader) return found.leader;
    if (done && stuck !== undefined) {
      const refusal = restartRefusal(last?.jsz[services.indexOf(stuck)]);
      if (refusal) {
        throw formError(
          `the NATS cluster did not form: ${stuck} is missing from the JetStream meta group (${describeMetaGroup(found)}); natsgh restarts such a service, but not this one: ${refusal}`,
          [stuck],
        );
      }
      restarted.push(stuck);
      ctx.log.warn(
        `NATS service ${stuck}: ${found.nodes.find((n) => n.name === stuck)?.detail}, for ${Math.round(graceMs / 1000)} s, while the other servers formed under meta leader ${found.leader} (the start race of nats-server 2.10.23-2.10.29, which lasts as long as the process); restarting it (${restarted.length} of at most ${MAX_META_RESTARTS})`,
      );
      await compose(['restart', '-t', '10', stuck], `restart ${stuck}`);
      continue;
    }
    const missing =
      found.outside.length > 0 ? found.outside : found.nodes.filter((n) => !n.member).map((n) => n.name);
    const after = restarted.length > 0 ? ` (after restarting ${restarted.join(', ')})` : '';
    throw formError(
      `the NATS cluster did not form within ${Math.round(timeoutMs / 1000)} s${after}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing from the JetStream meta group: ${describeMetaGroup(found)}`,
      missing,
    );
  }
}

/** The NATS services of the compose project (self_hosted, self_hosted_cluster, hybrid). */
function composeNatsProvisioner(config: NatsghConfig): Provisioner {
  function services(ctx: ProvisionContext): string[] {
    const c = ctx.config ?? config;
    return natsServiceNames({ natsType: c.natsType, replicas: c.nats.replicas });
  }
  function hostUrls(ctx: ProvisionContext): string[] {
    const c = ctx.config;
    const scheme = c.nats.tls.mode === 'generate' ? 'tls' : 'nats';
    return services(ctx).map((_, i) => `${scheme}://127.0.0.1:${c.nats.port + i}`);
  }

  return {
    kind: 'docker-nats',
    reachableAtStart: false,

    async plan(ctx): Promise<PlanStep[]> {
      const { composeFile } = composeFiles(ctx.stateDir);
      const project = composeProjectName(ctx.deployment);
      return [
        { action: `write ${composeFile} with services ${[...services(ctx), 'controller'].join(', ')}` },
        { action: `docker compose -p ${project} up -d --wait ${services(ctx).join(' ')}` },
        ...(services(ctx).length > 1
          ? [
              {
                action: `wait until the JetStream meta group counts all ${services(ctx).length} services; docker compose restart a service its leader never counts (nats-server 2.10.23-2.10.29 start race), at most ${MAX_META_RESTARTS} times`,
              },
            ]
          : []),
      ];
    },

    async apply(ctx): Promise<ProvisionResult> {
      dockerBinary(ctx);
      await assertComposePlugin(ctx);
      const written = await writeComposeFiles(ctx);
      await dockerCompose(ctx, ['up', '-d', '--wait', ...written.natsServices], 'up');
      if (written.natsServices.length > 1) await awaitComposeMetaGroup(ctx, written.natsServices);
      const creds =
        ctx.config.natsType === 'hybrid' && ctx.config.nats.credsFile
          ? await checkedCreds(ctx, 'hybrid')
          : undefined;
      return {
        servers: hostUrls(ctx),
        outputs: {
          composeFile: written.composeFile,
          project: composeProjectName(ctx.deployment),
          services: written.natsServices.join(','),
          image: written.document.services[written.natsServices[0]]?.image ?? '',
          jetstreamDomain: ctx.config.nats.jetstreamDomain ?? '',
          ...(creds ? credsOutputs(creds) : {}),
        },
      };
    },

    async verify(ctx): Promise<VerifyResult> {
      // The servers read their credentials at start: other ones now (a new password) mean a re-run.
      const wantAuth = renderNatsAuth(natsAuth(ctx.config));
      const haveAuth = await readFile(composeFiles(ctx.stateDir).authFile, 'utf8').catch(() => undefined);
      if (wantAuth !== haveAuth) return { ok: false, reason: 'the NATS servers run with other credentials' };
      for (const name of services(ctx)) {
        const v = await composeServiceHealthy(ctx, name);
        if (!v.ok) return { ok: false, reason: v.reason };
      }
      if (!(await isHealthy(ctx.config.nats.monitorPort))) {
        return {
          ok: false,
          reason: `NATS is not healthy at http://127.0.0.1:${ctx.config.nats.monitorPort}/healthz`,
        };
      }
      if (services(ctx).length > 1) {
        // Healthy containers are not yet a cluster: a server the meta leader does not count (the
        // nats-server 2.10 start race) keeps R3 buckets from being created; a re-run repairs it.
        const { judgement } = await judgeComposeMetaGroup(ctx, services(ctx));
        if (!judgement.formed)
          return { ok: false, reason: `JetStream meta group: ${describeMetaGroup(judgement)}` };
      }
      return { ok: true };
    },

    async teardown(): Promise<void> {
      // The compose project is taken down as a whole by createDockerProvisioner.
    },

    connection(ctx): NatsConnectionSpec {
      const c = ctx.config;
      const generated =
        c.nats.tls.mode === 'generate' ? devTlsPaths(ctx.stateDir, c.nats.tls.verify) : undefined;
      const auth = natsAuth(c);
      return {
        servers: hostUrls(ctx),
        user: auth.user,
        password: auth.password,
        token: auth.token,
        tls: generated
          ? { ca: generated.ca, cert: generated.clientCert, key: generated.clientKey }
          : undefined,
        jetstreamDomain: c.nats.jetstreamDomain,
      };
    },

    async nodes(ctx): Promise<NodeStatus[]> {
      const entries = await composePs(ctx).catch(() => [] as ComposePsEntry[]);
      const urls = hostUrls(ctx);
      return services(ctx).map((name, i) => {
        const e = entries.find((x) => x.Service === name);
        const healthy = !!e && e.State === 'running' && (!e.Health || e.Health === 'healthy');
        return {
          name,
          url: urls[i],
          healthy,
          detail: e ? `${e.State}${e.Health ? ` (${e.Health})` : ''}` : 'missing',
        };
      });
    },
  };
}

/**
 * Docker mode's NATS: compose services, or Synadia for --nats-type synadia. The
 * controller service is the deploy-controller phase's (deploy/controller/docker.ts);
 * teardown takes the whole compose project down.
 */
export function createDockerProvisioner(config: NatsghConfig): Provisioner {
  const nats = config.natsType === 'synadia' ? new SynadiaProvisioner() : composeNatsProvisioner(config);
  return {
    kind: 'docker',
    reachableAtStart: nats.reachableAtStart,
    plan: (ctx) => nats.plan(ctx),
    async apply(ctx) {
      if (config.natsType === 'synadia') {
        dockerBinary(ctx);
        await assertComposePlugin(ctx);
      }
      return nats.apply(ctx);
    },
    verify: (ctx) => nats.verify(ctx),
    async teardown(ctx, opts) {
      // `down` removes the controller and, except for synadia, the NATS services.
      await dockerCompose(ctx, ['down', '--remove-orphans', ...(opts.purge ? ['-v'] : [])], 'down');
      if (config.natsType === 'synadia') await nats.teardown(ctx, opts);
    },
    connection: (ctx) => nats.connection(ctx),
    nodes: nats.nodes ? (ctx) => nats.nodes!(ctx) : undefined,
  };
}
