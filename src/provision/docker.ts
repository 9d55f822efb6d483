// `--mode docker`: writes compose.yaml (+ nats configs) into <stateDir>/docker
// and runs `docker compose -p natsgh-<deployment> up -d --wait` for the NATS
// services (provision-nats) or the controller (deploy-controller). Teardown runs
// `down`, removing volumes only with purge. Secrets reach compose only through
// the environment of the `docker compose` process.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import type { VerifyResult } from '../engine/phase.js';
import { NatsghError } from '../errors.js';
import type { NatsConnectionSpec } from '../nats/connect.js';
import { streamSizeEnv } from '../nats/sizing.js';
import { devTlsPaths, generateDevTls } from '../nats/tls-generate.js';
import { redact } from '../redact.js';
import { writeFileAtomic } from '../system/atomic-file.js';
import { installHint } from '../system/platform.js';
import { findOnPath, runCommand } from '../system/process.js';
import {
  type ComposeInput,
  composeProjectName,
  natsServiceNames,
  type RenderedCompose,
  renderCompose,
} from './compose.js';
import { leafRemoteFromConfig } from './hybrid.js';
import { isHealthy } from './local-server.js';
import type { NodeStatus, PlanStep, ProvisionContext, Provisioner, ProvisionResult } from './provisioner.js';
import { checkedCreds, credsOutputs, SynadiaProvisioner } from './synadia.js';

const UP_TIMEOUT_MS = 10 * 60_000;

export function composeFiles(stateDir: string) {
  const dir = resolve(stateDir, 'docker');
  return { dir, composeFile: join(dir, 'compose.yaml') };
}

/** Secret config values the controller needs, by the environment variable compose interpolates. */
export function controllerSecretEnv(config: NatsghConfig): Record<string, string> {
  const out: Record<string, string> = {};
  if (config.github.token) out.GITHUB_TOKEN = config.github.token;
  if (config.webhook.secret) out.NATSGH_WEBHOOK_SECRET = config.webhook.secret;
  if (config.natsType !== 'synadia' && config.natsType !== 'hybrid') {
    if (config.nats.token) out.NATSGH_NATS_TOKEN = config.nats.token;
    if (config.nats.user) out.NATSGH_NATS_USER = config.nats.user;
    if (config.nats.password) out.NATSGH_NATS_PASSWORD = config.nats.password;
  }
  return out;
}

/** Non-secret settings the controller container gets as plain environment values. */
export function controllerPlainEnv(config: NatsghConfig): Record<string, string> {
  const env: Record<string, string> = {
    GITHUB_API_URL: config.github.apiUrl,
    NATSGH_GITHUB_REPO: config.github.repo,
  };
  if (config.org) env.NATSGH_ORG = config.org;
  if (config.github.appId) env.NATSGH_GITHUB_APP_ID = config.github.appId;
  if (config.github.appInstallationId)
    env.NATSGH_GITHUB_APP_INSTALLATION_ID = config.github.appInstallationId;
  // The controller creates natsgh's streams with the bootstrap's sizes (nats/sizing.ts).
  Object.assign(env, streamSizeEnv(config));
  if (config.natsType === 'self_hosted_cluster') {
    // The controller creates its streams and buckets R3 from the start (deploymentReplicas).
    env.NATSGH_NATS_TYPE = config.natsType;
    env.NATSGH_REPLICAS = String(config.nats.replicas);
  }
  return env;
}

function composeInput(ctx: ProvisionContext, cliVersion?: string): ComposeInput {
  const c = ctx.config;
  const hybrid = c.natsType === 'hybrid';
  const tlsOn = c.nats.tls.mode === 'generate' && c.natsType !== 'synadia';
  return {
    deployment: ctx.deployment,
    natsType: c.natsType,
    replicas: c.natsType === 'self_hosted_cluster' ? c.nats.replicas : 1,
    port: c.nats.port,
    monitorPort: c.nats.monitorPort,
    controllerPort: c.controller.port,
    jetstreamDomain: c.nats.jetstreamDomain,
    tlsDir: tlsOn ? devTlsPaths(resolve(ctx.stateDir), c.nats.tls.verify).dir : undefined,
    tlsVerify: c.nats.tls.verify,
    leafRemote: hybrid ? leafRemoteFromConfig(c, (p) => resolve(p)) : undefined,
    externalUrl: c.natsType === 'synadia' ? c.nats.url : undefined,
    credsFile: c.natsType === 'synadia' && c.nats.credsFile ? resolve(c.nats.credsFile) : undefined,
    controllerEnv: controllerPlainEnv(c),
    secretEnv: Object.keys(controllerSecretEnv(c)),
    cliVersion,
  };
}

/** Renders and writes compose.yaml and the nats configs (atomically); returns what was written. */
export async function writeComposeFiles(
  ctx: ProvisionContext,
): Promise<RenderedCompose & { composeFile: string }> {
  const { dir, composeFile } = composeFiles(ctx.stateDir);
  const input = composeInput(ctx);
  if (input.tlsDir) {
    await generateDevTls(resolve(ctx.stateDir), {
      mtls: ctx.config.nats.tls.verify,
      hosts: natsServiceNames(input),
    });
  }
  if (input.natsType === 'hybrid' && ctx.config.nats.credsFile) await checkedCreds(ctx, 'hybrid');
  const rendered = renderCompose(input);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(rendered.files)) await writeFileAtomic(join(dir, name), text);
  await writeFileAtomic(composeFile, rendered.compose);
  return { ...rendered, composeFile };
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

/** Runs `docker compose -p <project> -f <file> ...args` with the secret env; throws with the output's tail on failure. */
export async function dockerCompose(
  ctx: ProvisionContext,
  args: string[],
  what: string,
  opts: { timeoutMs?: number } = {},
): Promise<string> {
  const bin = dockerBinary(ctx);
  const { composeFile } = composeFiles(ctx.stateDir);
  const project = composeProjectName(ctx.deployment);
  const r = await runCommand(bin, ['compose', '-p', project, '-f', composeFile, ...args], {
    env: { ...ctx.platform.env, ...controllerSecretEnv(ctx.config) },
    timeoutMs: opts.timeoutMs ?? UP_TIMEOUT_MS,
    signal: ctx.signal,
    onLine: (line) => ctx.log.info(redact(line)),
  });
  if (r.failed) {
    const tail = redact(`${r.stderr}\n${r.stdout}`.trim().split('\n').slice(-15).join('\n'));
    throw new NatsghError(
      `docker compose ${what} failed${r.timedOut ? ' (timed out)' : ` (exit ${r.exitCode})`}:\n${tail}`,
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
  return r.stdout;
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

/** deploy-controller in docker mode: builds the image from the Dockerfile and starts the controller service. */
export async function deployControllerWithCompose(ctx: ProvisionContext): Promise<Record<string, string>> {
  const written = await writeComposeFiles(ctx);
  await dockerCompose(ctx, ['up', '-d', '--build', '--wait', 'controller'], 'up (controller)');
  return {
    composeFile: written.composeFile,
    project: composeProjectName(ctx.deployment),
    controllerUrl: `http://127.0.0.1:${ctx.config.controller.port}`,
  };
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
  async function ps(ctx: ProvisionContext): Promise<ComposePsEntry[]> {
    return parseComposePs(
      await dockerCompose(ctx, ['ps', '--all', '--format', 'json'], 'ps', { timeoutMs: 60_000 }),
    );
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
      ];
    },

    async apply(ctx): Promise<ProvisionResult> {
      dockerBinary(ctx);
      await assertComposePlugin(ctx);
      const written = await writeComposeFiles(ctx);
      await dockerCompose(ctx, ['up', '-d', '--wait', ...written.natsServices], 'up');
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
      let entries: ComposePsEntry[];
      try {
        entries = await ps(ctx);
      } catch (err) {
        return { ok: false, reason: (err as Error).message };
      }
      for (const name of services(ctx)) {
        const e = entries.find((x) => x.Service === name);
        if (!e) return { ok: false, reason: `compose service ${name} does not exist` };
        if (e.State !== 'running') return { ok: false, reason: `compose service ${name} is ${e.State}` };
        if (e.Health && e.Health !== 'healthy')
          return { ok: false, reason: `compose service ${name} is ${e.Health}` };
      }
      if (!(await isHealthy(ctx.config.nats.monitorPort))) {
        return {
          ok: false,
          reason: `NATS is not healthy at http://127.0.0.1:${ctx.config.nats.monitorPort}/healthz`,
        };
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
      return {
        servers: hostUrls(ctx),
        user: c.natsType === 'hybrid' ? undefined : c.nats.user,
        password: c.natsType === 'hybrid' ? undefined : c.nats.password,
        token: c.natsType === 'hybrid' ? undefined : c.nats.token,
        tls: generated
          ? { ca: generated.ca, cert: generated.clientCert, key: generated.clientKey }
          : undefined,
        jetstreamDomain: c.nats.jetstreamDomain,
      };
    },

    async nodes(ctx): Promise<NodeStatus[]> {
      const entries = await ps(ctx).catch(() => [] as ComposePsEntry[]);
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

async function composeServiceHealthy(ctx: ProvisionContext, service: string): Promise<VerifyResult> {
  let entries: ComposePsEntry[];
  try {
    entries = parseComposePs(
      await dockerCompose(ctx, ['ps', '--all', '--format', 'json'], 'ps', { timeoutMs: 60_000 }),
    );
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  const e = entries.find((x) => x.Service === service);
  if (!e) return { ok: false, reason: `compose service ${service} does not exist` };
  if (e.State !== 'running') return { ok: false, reason: `compose service ${service} is ${e.State}` };
  if (e.Health && e.Health !== 'healthy')
    return { ok: false, reason: `compose service ${service} is ${e.Health}` };
  return { ok: true };
}

/**
 * Docker mode: the NATS (compose services, or Synadia for --nats-type synadia)
 * and then the controller service, which the deploy-controller phase leaves to
 * this provisioner outside dev mode.
 */
export function createDockerProvisioner(config: NatsghConfig): Provisioner {
  const nats = config.natsType === 'synadia' ? new SynadiaProvisioner() : composeNatsProvisioner(config);
  return {
    kind: 'docker',
    reachableAtStart: nats.reachableAtStart,
    async plan(ctx) {
      const project = composeProjectName(ctx.deployment);
      return [
        ...(await nats.plan(ctx)),
        ...(config.natsType === 'synadia'
          ? [{ action: `write ${composeFiles(ctx.stateDir).composeFile} with the controller service` }]
          : []),
        {
          action: `docker compose -p ${project} up -d --build --wait controller (image from the Dockerfile)`,
        },
      ];
    },
    async apply(ctx) {
      if (config.natsType === 'synadia') {
        dockerBinary(ctx);
        await assertComposePlugin(ctx);
      }
      const result = await nats.apply(ctx);
      const controller = await deployControllerWithCompose(ctx);
      return { servers: result.servers, outputs: { ...result.outputs, ...controller } };
    },
    async verify(ctx) {
      const v = await nats.verify(ctx);
      if (!v.ok) return v;
      return composeServiceHealthy(ctx, 'controller');
    },
    async teardown(ctx, opts) {
      // `down` removes the controller and, except for synadia, the NATS services.
      await dockerCompose(ctx, ['down', '--remove-orphans', ...(opts.purge ? ['-v'] : [])], 'down');
      if (config.natsType === 'synadia') await nats.teardown(ctx, opts);
    },
    connection: (ctx) => nats.connection(ctx),
    nodes: nats.nodes ? (ctx) => nats.nodes!(ctx) : undefined,
  };
}
