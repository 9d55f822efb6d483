// `--mode kubernetes` for self_hosted, self_hosted_cluster and hybrid: the
// official nats Helm chart (pinned) when helm is installed, otherwise the
// equivalent StatefulSet + Services through kubectl. Verified with `kubectl
// rollout status` and NATS health through a port-forward natsgh runs for the
// run (or --nats-url). NATS only: the controller's Deployment is the
// deploy-controller phase's (deploy/controller/kubernetes.ts), which shares the
// namespace and the natsgh Secret applied here (applyNamespaceAndSecrets).
import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { NatsghConfig } from '../config/keys.js';
import type { VerifyResult } from '../contracts.js';
import { NatsghError } from '../errors.js';
import { connectionSpecFromConfig, type NatsConnectionSpec, readNkeySeedFile } from '../nats/connect.js';
import { devTlsPaths, generateDevTls } from '../nats/tls-generate.js';
import { writeFileAtomic } from '../system/atomic-file.js';
import { probeNats } from './external.js';
import { chartServicePorts, helmInstallArgs, helmUninstallArgs, natsChartValues } from './helm.js';
import { leafRemoteFromConfig } from './hybrid.js';
import {
  FALLBACK_SERVICE_PORTS,
  inClusterNatsUrl as inClusterUrl,
  type KubeNames,
  kubeNames,
  type Manifest,
  type NatsAuthInput,
  type NatsManifestInput,
  namespaceManifest,
  natsManifests,
  SECRET_KEYS,
  secretManifest,
  serverTls,
} from './k8s-manifests.js';
import {
  applyFile,
  applyFromStdin,
  assertKubeContext,
  ensureNamespace,
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
  rolloutTimeoutSeconds?: number;
}

type Installer = 'helm' | 'kubectl';

export function kubeFiles(stateDir: string) {
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
  return inClusterUrl(ctx.config, namesOf(ctx));
}

/** Client auth the servers natsgh runs require (values only in the natsgh Secret). */
export async function natsAuthInput(c: NatsghConfig): Promise<NatsAuthInput | undefined> {
  if (c.natsType === 'synadia') return undefined;
  if (c.nats.token) return { kind: 'token' };
  if (c.nats.user && c.nats.password) return { kind: 'user' };
  if (c.nats.nkeyFile) {
    const { fromSeed } = await import('@nats-io/nkeys');
    return { kind: 'nkey', publicKey: fromSeed(await readNkeySeedFile(c.nats.nkeyFile)).getPublicKey() };
  }
  return undefined;
}

/** Secret values from natsgh's configuration, by secret key (only those that are set). */
export async function secretData(ctx: ProvisionContext): Promise<Record<string, string>> {
  const c = ctx.config;
  const data: Record<string, string> = {};
  if (c.nats.credsFile && (c.natsType === 'synadia' || c.natsType === 'hybrid')) {
    await checkedCreds(ctx, c.natsType);
    data[SECRET_KEYS.creds] = await readFile(c.nats.credsFile, 'utf8');
  }
  if (c.github.token) data[SECRET_KEYS.githubToken] = c.github.token;
  if (c.nats.token) data[SECRET_KEYS.natsToken] = c.nats.token;
  if (c.nats.user && c.nats.password) data[SECRET_KEYS.natsUser] = c.nats.user;
  if (c.nats.password) data[SECRET_KEYS.natsPassword] = c.nats.password;
  if (c.webhook.secret) data[SECRET_KEYS.webhookSecret] = c.webhook.secret;
  if ((await natsAuthInput(c))?.kind === 'nkey') {
    data[SECRET_KEYS.nkeySeed] = new TextDecoder().decode(await readNkeySeedFile(c.nats.nkeyFile!));
  }
  if (c.natsType === 'hybrid') {
    // The files the leaf presents to the hub (--tls-ca/--tls-cert/--tls-key), mounted from the Secret.
    const hubTls: Array<[string | undefined, string]> = [
      [c.nats.tls.ca, SECRET_KEYS.hubCa],
      [c.nats.tls.cert, SECRET_KEYS.hubCert],
      [c.nats.tls.key, SECRET_KEYS.hubKey],
    ];
    for (const [file, key] of hubTls) if (file) data[key] = await readFile(file, 'utf8');
  }
  if (c.github.appId && c.github.appPrivateKeyFile) {
    data[SECRET_KEYS.githubAppKey] = await readFile(c.github.appPrivateKeyFile, 'utf8').catch((err) => {
      throw new NatsghError(
        `cannot read the GitHub App private key ${c.github.appPrivateKeyFile}: ${err.code}`,
        {
          code: 'github_app_key_unreadable',
          suggestions: [
            'Check --github-app-key (NATSGH_GITHUB_APP_PRIVATE_KEY_FILE) and that this user can read it.',
          ],
        },
      );
    });
  }
  return data;
}

/**
 * The namespace (only when missing), the natsgh Secret and (with --tls
 * generate) the server TLS secret and, with --tls-verify, the controller's
 * client certificate secret; values go through stdin only.
 */
export async function applyNamespaceAndSecrets(ctx: ProvisionContext, kubectl: string): Promise<string[]> {
  const n = namesOf(ctx);
  await ensureNamespace(ctx, kubectl, n.namespace, namespaceManifest(n.namespace));
  const objects: unknown[] = [];
  const data = await secretData(ctx);
  if (Object.keys(data).length > 0) objects.push(secretManifest(n, data));
  const tlsOn = serverTls(ctx.config);
  if (tlsOn) {
    const tls = await generateDevTls(ctx.stateDir, {
      mtls: tlsOn.verify,
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
    if (tlsOn.verify && tls.clientCert && tls.clientKey) {
      objects.push(
        secretManifest(
          n,
          { 'tls.crt': read(tls.clientCert), 'tls.key': read(tls.clientKey), 'ca.crt': read(tls.ca) },
          'kubernetes.io/tls',
          n.natsClientTlsSecret,
        ),
      );
    }
  }
  if (objects.length > 0) await applyFromStdin(ctx, kubectl, objects, 'secrets');
  return Object.keys(data);
}

/** The NATS objects' (or chart values') input from the config. */
export async function natsInput(
  ctx: Pick<ProvisionContext, 'config' | 'deployment'>,
): Promise<NatsManifestInput> {
  const c = ctx.config;
  return {
    names: kubeNames(ctx.deployment, c.namespace),
    deployment: ctx.deployment,
    replicas: replicas(c),
    jetstreamDomain: c.nats.jetstreamDomain,
    storageSize: c.nats.jetstreamStorage ?? '10Gi',
    storageClassName: c.nats.storageClass,
    tls: serverTls(c),
    leafRemote: c.natsType === 'hybrid' ? leafRemoteFromConfig(c) : undefined,
    auth: await natsAuthInput(c),
    image: c.nats.image,
    imagePullPolicy: c.controller.imagePullPolicy,
  };
}

/** local port -> Service port for the port-forward: only ports the client Service has. */
export function portForwards(
  c: NatsghConfig,
  servicePorts: Partial<Record<string, number>>,
): Array<{ local: number; remote: number }> {
  const out: Array<{ local: number; remote: number }> = [];
  if (servicePorts.nats !== undefined) out.push({ local: c.nats.port, remote: servicePorts.nats });
  if (servicePorts.monitor !== undefined)
    out.push({ local: c.nats.monitorPort, remote: servicePorts.monitor });
  return out;
}

/** The NATS in the cluster (self_hosted, self_hosted_cluster, hybrid leaf). */
function kubeNatsProvisioner(_config: NatsghConfig, opts: KubernetesOptions): Provisioner {
  async function installer(ctx: ProvisionContext): Promise<Installer> {
    const recorded = (await readFile(kubeFiles(ctx.stateDir).installer, 'utf8').catch(() => '')).trim();
    if (recorded === 'helm' || recorded === 'kubectl') return recorded;
    return findTool(ctx, 'helm') ? 'helm' : 'kubectl';
  }

  /** The client Service's ports, as the chart (for natsgh's values) or the fallback renders them. */
  async function servicePorts(ctx: ProvisionContext): Promise<Partial<Record<string, number>>> {
    return (await installer(ctx)) === 'helm'
      ? chartServicePorts(natsChartValues(await natsInput(ctx)))
      : FALLBACK_SERVICE_PORTS;
  }

  async function reachNats(ctx: ProvisionContext, kubectl: string): Promise<void> {
    if (ctx.config.nats.url) return;
    const forwards = portForwards(ctx.config, await servicePorts(ctx));
    await ensurePortForward(ctx, kubectl, ctx.config.namespace, namesOf(ctx).nats, forwards);
  }

  const provisioner: Provisioner = {
    kind: 'kubernetes-nats',
    reachableAtStart: false,

    async plan(ctx): Promise<PlanStep[]> {
      const n = namesOf(ctx);
      const c = ctx.config;
      const how = findTool(ctx, 'helm')
        ? `helm upgrade --install ${n.nats} nats (chart ${(await import('./helm.js')).NATS_CHART.version}) --wait`
        : `kubectl apply --server-side StatefulSet ${n.nats} (${replicas(c)} replicas) + Services (helm not found)`;
      const forwards = portForwards(c, await servicePorts(ctx))
        .map((f) => `${f.local}:${f.remote}`)
        .join(' ');
      return [
        {
          action: `create namespace ${n.namespace} if missing; secret ${n.secret} from memory (no values on disk)`,
        },
        { action: how },
        { action: `kubectl rollout status statefulset/${n.nats}` },
        {
          action: c.nats.url
            ? `reach NATS at ${c.nats.url}`
            : `kubectl port-forward svc/${n.nats} ${forwards} for this run; check NATS health`,
        },
      ];
    },

    async apply(ctx): Promise<ProvisionResult> {
      const c = ctx.config;
      const kubectl = requireKubectl(ctx);
      const context = await assertKubeContext(ctx, kubectl);
      const n = namesOf(ctx);
      const f = kubeFiles(ctx.stateDir);
      await mkdir(f.dir, { recursive: true });
      await applyNamespaceAndSecrets(ctx, kubectl);
      const helm = findTool(ctx, 'helm');
      const input = await natsInput(ctx);
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
          ['statefulset,service,configmap,poddisruptionbudget', '-l', `app.kubernetes.io/instance=${n.nats}`],
          'delete NATS',
        );
      }
      if (purge) {
        // JetStream data lives in PVCs that survive the StatefulSet; only purge removes them and the secrets.
        await del(['pvc', '-l', `app.kubernetes.io/instance=${n.nats}`], 'delete JetStream volumes');
        await del([`secret/${n.natsTlsSecret}`, `secret/${n.natsClientTlsSecret}`], 'delete the TLS secrets');
      }
    },

    connection(ctx): NatsConnectionSpec {
      const c = ctx.config;
      const scheme = c.nats.tls.mode === 'generate' ? 'tls' : 'nats';
      const spec = c.nats.url
        ? connectionSpecFromConfig(c)
        : connectionSpecFromConfig(c, [`${scheme}://127.0.0.1:${c.nats.port}`]);
      // The leaf's hub creds and hub TLS files are the leaf's, not natsgh's (only --tls generate is the leaf's own).
      if (c.natsType !== 'hybrid') return spec;
      const own = c.nats.tls.mode === 'generate' ? devTlsPaths(c.stateDir, c.nats.tls.verify) : undefined;
      return {
        ...spec,
        credsFile: undefined,
        tls: own ? { ca: own.ca, cert: own.clientCert, key: own.clientKey } : undefined,
      };
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

/**
 * Kubernetes mode's NATS: in the cluster, or Synadia for --nats-type synadia.
 * The controller Deployment is the deploy-controller phase's; teardown (which
 * runs after the controller's) removes the natsgh Secret with purge.
 */
export function createKubernetesProvisioner(config: NatsghConfig, opts: KubernetesOptions = {}): Provisioner {
  const nats = config.natsType === 'synadia' ? new SynadiaProvisioner() : kubeNatsProvisioner(config, opts);
  return {
    kind: 'kubernetes',
    reachableAtStart: nats.reachableAtStart,
    plan: (ctx) => nats.plan(ctx),
    apply: (ctx) => nats.apply(ctx),
    verify: (ctx) => nats.verify(ctx),
    async teardown(ctx, o) {
      await nats.teardown(ctx, o);
      if (!o.purge) return;
      const n = namesOf(ctx);
      await runTool(
        ctx,
        requireKubectl(ctx),
        ['delete', `secret/${n.secret}`, '-n', n.namespace, '--ignore-not-found'],
        {
          title: 'delete the natsgh secret',
          code: 'kube_delete_failed',
          suggestions: [`Delete by hand: kubectl delete secret/${n.secret} -n ${n.namespace}`],
        },
      );
    },
    connection: (ctx) => nats.connection(ctx),
    nodes: nats.nodes ? (ctx) => nats.nodes!(ctx) : undefined,
  };
}
