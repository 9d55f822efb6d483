// `--mode kubernetes` for self_hosted, self_hosted_cluster and hybrid: the
// official nats Helm chart (pinned) when helm is installed, otherwise the
// equivalent StatefulSet + Services through kubectl. Verified with `kubectl
// rollout status` and NATS health through a port-forward natsgh runs for the
// run (or --nats-url). Also deploys the controller (deployControllerToKubernetes).
import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { NatsghConfig } from '../config/keys.js';
import type { VerifyResult } from '../engine/phase.js';
import { connectionSpecFromConfig, type NatsConnectionSpec } from '../nats/connect.js';
import { generateDevTls } from '../nats/tls-generate.js';
import { writeFileAtomic } from '../system/atomic-file.js';
import { PROJECT_ROOT } from './compose.js';
import { controllerPlainEnv } from './docker.js';
import { probeNats } from './external.js';
import { helmInstallArgs, helmUninstallArgs, natsChartValues } from './helm.js';
import { leafRemoteFromConfig } from './hybrid.js';
import {
  controllerManifests,
  type KubeNames,
  kubeNames,
  type Manifest,
  namespaceManifest,
  natsManifests,
  SECRET_KEYS,
  secretManifest,
} from './k8s-manifests.js';
import {
  applyFile,
  applyFromStdin,
  assertKubeContext,
  ensurePortForward,
  findTool,
  kubeStateDir,
  requireKubectl,
  rolloutStatus,
  runTool,
  stopPortForward,
} from './kubectl.js';
import type { NodeStatus, PlanStep, ProvisionContext, Provisioner, ProvisionResult } from './provisioner.js';
import { checkedCreds, credsOutputs, SynadiaProvisioner } from './synadia.js';

export interface KubernetesOptions {
  /** JetStream PVC size (default 10Gi) and storage class (default: the cluster's default). */
  storageSize?: string;
  storageClassName?: string;
  /** Controller image (default natsgh/natsgh:<cli version>). */
  controllerImage?: string;
  rolloutTimeoutSeconds?: number;
}

type Installer = 'helm' | 'kubectl';

function files(stateDir: string) {
  const dir = kubeStateDir(stateDir);
  return {
    dir,
    values: join(dir, 'nats-values.yaml'),
    natsManifests: join(dir, 'nats.yaml'),
    controllerManifests: join(dir, 'controller.yaml'),
    installer: join(dir, 'installer'),
  };
}

export function manifestsYaml(objects: Manifest[]): string {
  return `# Written by natsgh; no secret values (Secrets are applied from memory).\n${objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n')}`;
}

function namesOf(ctx: ProvisionContext): KubeNames {
  return kubeNames(ctx.deployment, ctx.config.namespace);
}

function replicas(c: NatsghConfig): number {
  return c.natsType === 'self_hosted_cluster' ? c.nats.replicas : 1;
}

/** The in-cluster NATS URL the controller uses. */
export function inClusterNatsUrl(ctx: ProvisionContext): string {
  const c = ctx.config;
  if (c.natsType === 'synadia') return c.nats.url ?? 'tls://connect.ngs.global';
  const n = namesOf(ctx);
  return `${c.nats.tls.mode === 'generate' ? 'tls' : 'nats'}://${n.nats}.${n.namespace}.svc:4222`;
}

/** Secret values from natsgh's configuration, by secret key (only those that are set). */
async function secretData(ctx: ProvisionContext): Promise<Record<string, string>> {
  const c = ctx.config;
  const data: Record<string, string> = {};
  if (c.nats.credsFile && (c.natsType === 'synadia' || c.natsType === 'hybrid')) {
    await checkedCreds(ctx, c.natsType);
    data[SECRET_KEYS.creds] = await readFile(c.nats.credsFile, 'utf8');
  }
  if (c.github.token) data[SECRET_KEYS.githubToken] = c.github.token;
  if (c.nats.token) data[SECRET_KEYS.natsToken] = c.nats.token;
  if (c.nats.password) data[SECRET_KEYS.natsPassword] = c.nats.password;
  if (c.webhook.secret) data[SECRET_KEYS.webhookSecret] = c.webhook.secret;
  return data;
}

/** Namespace, the natsgh Secret and (with --tls generate) the TLS secret; values go through stdin only. */
async function applyNamespaceAndSecrets(ctx: ProvisionContext, kubectl: string): Promise<string[]> {
  const n = namesOf(ctx);
  const objects: unknown[] = [namespaceManifest(n.namespace)];
  const data = await secretData(ctx);
  if (Object.keys(data).length > 0) objects.push(secretManifest(n, data));
  if (ctx.config.nats.tls.mode === 'generate' && ctx.config.natsType !== 'synadia') {
    const tls = await generateDevTls(ctx.stateDir, {
      mtls: ctx.config.nats.tls.verify,
      hosts: [
        n.nats,
        `${n.nats}.${n.namespace}`,
        `${n.nats}.${n.namespace}.svc`,
        `*.${n.natsHeadless}.${n.namespace}.svc.cluster.local`,
      ],
    });
    const read = (f: string) => readFileSync(f, 'utf8');
    objects.push(
      secretManifest(
        n,
        { 'tls.crt': read(tls.serverCert), 'tls.key': read(tls.serverKey), 'ca.crt': read(tls.ca) },
        'kubernetes.io/tls',
        n.natsTlsSecret,
      ),
    );
  }
  await applyFromStdin(ctx, kubectl, objects, 'namespace and secrets');
  return Object.keys(data);
}

/** deploy-controller in kubernetes mode: ServiceAccount + Deployment + Service, then rollout status. */
export async function deployControllerToKubernetes(
  ctx: ProvisionContext,
  opts: KubernetesOptions & { cliVersion?: string } = {},
): Promise<Record<string, string>> {
  const kubectl = requireKubectl(ctx);
  await assertKubeContext(ctx, kubectl);
  const n = namesOf(ctx);
  const secretKeys = (await applyNamespaceAndSecrets(ctx, kubectl)) as never[];
  const f = files(ctx.stateDir);
  await mkdir(f.dir, { recursive: true });
  const objects = controllerManifests({
    names: n,
    deployment: ctx.deployment,
    image: opts.controllerImage ?? `natsgh/natsgh:${opts.cliVersion ?? 'latest'}`,
    natsUrl: inClusterNatsUrl(ctx),
    jetstreamDomain: ctx.config.nats.jetstreamDomain,
    env: controllerPlainEnv(ctx.config),
    secretKeys,
    tls: ctx.config.nats.tls.mode === 'generate' && ctx.config.natsType !== 'synadia',
    port: ctx.config.controller.port,
  });
  await writeFileAtomic(f.controllerManifests, manifestsYaml(objects));
  await applyFile(ctx, kubectl, f.controllerManifests, 'controller');
  await rolloutStatus(ctx, kubectl, n.namespace, `deployment/${n.controller}`, opts.rolloutTimeoutSeconds);
  return { namespace: n.namespace, deployment: n.controller, manifests: f.controllerManifests };
}

/** The NATS in the cluster (self_hosted, self_hosted_cluster, hybrid leaf). */
function kubeNatsProvisioner(_config: NatsghConfig, opts: KubernetesOptions): Provisioner {
  const storageSize = opts.storageSize ?? '10Gi';

  function leafRemote(c: NatsghConfig) {
    return c.natsType === 'hybrid' ? leafRemoteFromConfig(c) : undefined;
  }

  async function installer(ctx: ProvisionContext): Promise<Installer> {
    const recorded = (await readFile(files(ctx.stateDir).installer, 'utf8').catch(() => '')).trim();
    if (recorded === 'helm' || recorded === 'kubectl') return recorded;
    return findTool(ctx, 'helm') ? 'helm' : 'kubectl';
  }

  async function reachNats(ctx: ProvisionContext, kubectl: string): Promise<void> {
    if (ctx.config.nats.url) return;
    await ensurePortForward(ctx, kubectl, ctx.config.namespace, namesOf(ctx).nats, {
      port: ctx.config.nats.port,
      monitorPort: ctx.config.nats.monitorPort,
    });
  }

  const provisioner: Provisioner = {
    kind: 'kubernetes-nats',
    reachableAtStart: false,

    async plan(ctx): Promise<PlanStep[]> {
      const n = namesOf(ctx);
      const c = ctx.config;
      const how = findTool(ctx, 'helm')
        ? `helm upgrade --install ${n.nats} nats (chart ${(await import('./helm.js')).NATS_CHART.version}) --wait`
        : `kubectl apply StatefulSet ${n.nats} (${replicas(c)} replicas) + Services (helm not found)`;
      return [
        { action: `create namespace ${n.namespace} and secret ${n.secret} from memory (no values on disk)` },
        { action: how },
        { action: `kubectl rollout status statefulset/${n.nats}` },
        {
          action: c.nats.url
            ? `reach NATS at ${c.nats.url}`
            : `kubectl port-forward svc/${n.nats} ${c.nats.port}:4222 for this run; check NATS health`,
        },
      ];
    },

    async apply(ctx): Promise<ProvisionResult> {
      const c = ctx.config;
      const kubectl = requireKubectl(ctx);
      const context = await assertKubeContext(ctx, kubectl);
      const n = namesOf(ctx);
      const f = files(ctx.stateDir);
      await mkdir(f.dir, { recursive: true });
      await applyNamespaceAndSecrets(ctx, kubectl);
      const tls = c.nats.tls.mode === 'generate' ? { verify: c.nats.tls.verify } : undefined;
      const helm = findTool(ctx, 'helm');
      const input = {
        names: n,
        deployment: ctx.deployment,
        replicas: replicas(c),
        jetstreamDomain: c.nats.jetstreamDomain,
        storageSize,
        storageClassName: opts.storageClassName,
        tls,
        leafRemote: leafRemote(c),
      };
      if (helm) {
        await writeFileAtomic(f.values, stringify(natsChartValues(input), { lineWidth: 0 }));
        await runTool(ctx, helm, helmInstallArgs(n, f.values), {
          title: `helm upgrade --install ${n.nats}`,
          code: 'helm_install_failed',
          suggestions: [
            `See the release: helm status ${n.nats} -n ${n.namespace}; pods: kubectl get pods -n ${n.namespace}`,
          ],
        });
      } else {
        ctx.log.info('helm not found: applying the equivalent StatefulSet and Services with kubectl');
        await writeFileAtomic(f.natsManifests, manifestsYaml(natsManifests(input)));
        await applyFile(ctx, kubectl, f.natsManifests, 'NATS');
      }
      await writeFileAtomic(f.installer, helm ? 'helm\n' : 'kubectl\n');
      await rolloutStatus(ctx, kubectl, n.namespace, `statefulset/${n.nats}`, opts.rolloutTimeoutSeconds);
      await reachNats(ctx, kubectl);
      const spec = provisioner.connection(ctx);
      const { outputs } = await probeNats(spec, `natsgh-${ctx.deployment}-provision`);
      const creds =
        c.natsType === 'hybrid' && c.nats.credsFile ? await checkedCreds(ctx, 'hybrid') : undefined;
      return {
        servers: spec.servers,
        outputs: {
          ...outputs,
          kubeContext: context,
          namespace: n.namespace,
          installer: helm ? 'helm' : 'kubectl',
          statefulSet: n.nats,
          inClusterUrl: inClusterNatsUrl(ctx),
          ...(creds ? credsOutputs(creds) : {}),
        },
      };
    },

    async verify(ctx): Promise<VerifyResult> {
      try {
        const kubectl = requireKubectl(ctx);
        const n = namesOf(ctx);
        await rolloutStatus(ctx, kubectl, n.namespace, `statefulset/${n.nats}`, 30);
        await reachNats(ctx, kubectl);
        await probeNats(provisioner.connection(ctx), `natsgh-${ctx.deployment}-verify`);
        return { ok: true };
      } catch (err) {
        return { ok: false, reason: (err as Error).message };
      }
    },

    async teardown(ctx, { purge }): Promise<void> {
      const kubectl = requireKubectl(ctx);
      const n = namesOf(ctx);
      await stopPortForward(ctx.stateDir);
      const del = (args: string[], title: string) =>
        runTool(ctx, kubectl, ['delete', ...args, '-n', n.namespace, '--ignore-not-found'], {
          title,
          code: 'kube_delete_failed',
          suggestions: [`Delete by hand: kubectl delete ${args.join(' ')} -n ${n.namespace}`],
        });
      if ((await installer(ctx)) === 'helm') {
        const helm = findTool(ctx, 'helm');
        if (helm) {
          await runTool(ctx, helm, helmUninstallArgs(n), {
            title: `helm uninstall ${n.nats}`,
            code: 'helm_uninstall_failed',
            suggestions: [`helm list -n ${n.namespace}`],
          });
        } else ctx.log.warn(`helm is gone: uninstall release ${n.nats} in ${n.namespace} by hand`);
      } else {
        await del(
          ['statefulset,service,configmap', '-l', `app.kubernetes.io/instance=${n.nats}`],
          'delete NATS',
        );
      }
      if (purge) {
        // JetStream data lives in PVCs that survive the StatefulSet; only purge removes them and the secrets.
        await del(['pvc', '-l', `app.kubernetes.io/instance=${n.nats}`], 'delete JetStream volumes');
        await del([`secret/${n.natsTlsSecret}`], 'delete the TLS secret');
      }
    },

    connection(ctx): NatsConnectionSpec {
      const c = ctx.config;
      if (c.nats.url) return connectionSpecFromConfig(c);
      const scheme = c.nats.tls.mode === 'generate' ? 'tls' : 'nats';
      const spec = connectionSpecFromConfig(c, [`${scheme}://127.0.0.1:${c.nats.port}`]);
      // The leaf's hub creds are the leaf's, not natsgh's: natsgh talks to the leaf unauthenticated.
      return c.natsType === 'hybrid' ? { ...spec, credsFile: undefined } : spec;
    },

    async nodes(ctx): Promise<NodeStatus[]> {
      const kubectl = requireKubectl(ctx);
      const n = namesOf(ctx);
      const out = await runTool(
        ctx,
        kubectl,
        ['get', 'pods', '-n', n.namespace, '-l', `app.kubernetes.io/instance=${n.nats}`, '-o', 'json'],
        {
          title: 'kubectl get pods',
          code: 'kube_get_failed',
          suggestions: [],
        },
      ).catch(() => '{"items":[]}');
      const pods = (JSON.parse(out || '{"items":[]}').items ?? []) as Array<{
        metadata: { name: string };
        status?: { phase?: string; conditions?: Array<{ type: string; status: string }> };
      }>;
      return pods.map((p) => {
        const ready =
          p.status?.conditions?.some((cnd) => cnd.type === 'Ready' && cnd.status === 'True') ?? false;
        return {
          name: p.metadata.name,
          url: `nats://${p.metadata.name}.${n.natsHeadless}.${n.namespace}.svc:4222`,
          healthy: ready,
          detail: p.status?.phase,
        };
      });
    },
  };
  return provisioner;
}

/** natsgh's own version: the default controller image tag. */
function cliVersion(): string {
  try {
    return JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version ?? 'latest';
  } catch {
    return 'latest';
  }
}

/**
 * Kubernetes mode: the NATS (in the cluster, or Synadia for --nats-type
 * synadia) and then the controller Deployment, which the deploy-controller
 * phase leaves to this provisioner outside dev mode.
 */
export function createKubernetesProvisioner(config: NatsghConfig, opts: KubernetesOptions = {}): Provisioner {
  const nats = config.natsType === 'synadia' ? new SynadiaProvisioner() : kubeNatsProvisioner(config, opts);
  return {
    kind: 'kubernetes',
    reachableAtStart: nats.reachableAtStart,
    async plan(ctx) {
      const n = namesOf(ctx);
      return [
        ...(await nats.plan(ctx)),
        { action: `kubectl apply Deployment, Service and ServiceAccount ${n.controller}; rollout status` },
      ];
    },
    async apply(ctx) {
      const result = await nats.apply(ctx);
      const controller = await deployControllerToKubernetes(ctx, { ...opts, cliVersion: cliVersion() });
      return {
        servers: result.servers,
        outputs: { ...result.outputs, controllerDeployment: controller.deployment },
      };
    },
    async verify(ctx) {
      const v = await nats.verify(ctx);
      if (!v.ok) return v;
      try {
        const n = namesOf(ctx);
        await rolloutStatus(ctx, requireKubectl(ctx), n.namespace, `deployment/${n.controller}`, 30);
        return { ok: true };
      } catch (err) {
        return { ok: false, reason: (err as Error).message };
      }
    },
    async teardown(ctx, o) {
      const kubectl = requireKubectl(ctx);
      const n = namesOf(ctx);
      const del = (args: string[], title: string) =>
        runTool(ctx, kubectl, ['delete', ...args, '-n', n.namespace, '--ignore-not-found'], {
          title,
          code: 'kube_delete_failed',
          suggestions: [`Delete by hand: kubectl delete ${args.join(' ')} -n ${n.namespace}`],
        });
      await del(
        ['deployment,service,serviceaccount', '-l', `app.kubernetes.io/instance=${n.controller}`],
        'delete controller',
      );
      await nats.teardown(ctx, o);
      if (o.purge) await del([`secret/${n.secret}`], 'delete the natsgh secret');
    },
    connection: (ctx) => nats.connection(ctx),
    nodes: nats.nodes ? (ctx) => nats.nodes!(ctx) : undefined,
  };
}
