// The controller in kubernetes mode: ServiceAccount + Deployment + Service in
// the deployment's namespace, then `kubectl rollout status`. Secret values
// reach the pod only through the natsgh Secret (applied from memory, shared
// with the NATS servers): the manifests name them by key, and a salted digest
// of them on the pod template rolls the pod when one changes (env values from
// a Secret are read at start only). Verify waits for the rollout and compares
// that digest with the current secrets.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { NatsghError } from '../../errors.js';
import { controllerImagePlan } from '../../provision/controller-image.js';
import { inClusterNatsUrl, kubeNames, type SECRET_KEYS, serverTls } from '../../provision/k8s-manifests.js';
import type { ProvisionContext } from '../../provision/provisioner.js';
import { writeFileAtomic } from '../../system/atomic-file.js';
import type { ControllerAdapter } from './adapter.js';
import { controllerPlainEnv, controllerSecretEnv, controllerSettingsInputs } from './env.js';
import { newStamp, startedWith, writeStamp } from './settings-stamp.js';

const namesOf = (ctx: Pick<ProvisionContext, 'config' | 'deployment'>) =>
  kubeNames(ctx.deployment, ctx.config.namespace);

async function kube() {
  const [kubectl, kubernetes] = await Promise.all([
    import('../../provision/kubectl.js'),
    import('../../provision/kubernetes.js'),
  ]);
  return { ...kubectl, ...kubernetes };
}

async function settingsFile(stateDir: string): Promise<string> {
  return join((await kube()).kubeFiles(stateDir).dir, 'controller.settings');
}

/** Every secret value the pod reads (the natsgh Secret's data), by key: what the digest covers. */
async function podSecrets(ctx: ProvisionContext): Promise<Record<string, string>> {
  return (await kube()).secretData(ctx);
}

/** The controller objects' input from the config (pure apart from the secret keys, image and digest passed in). */
export function controllerInput(
  ctx: Pick<ProvisionContext, 'config' | 'deployment'>,
  secretKeys: Array<(typeof SECRET_KEYS)[keyof typeof SECRET_KEYS]>,
  image: { image: string; pullPolicy?: 'Always' | 'IfNotPresent' | 'Never' },
  secretsDigest?: string,
) {
  const tls = serverTls(ctx.config);
  const names = namesOf(ctx);
  return {
    names,
    deployment: ctx.deployment,
    image: image.image,
    imagePullPolicy: image.pullPolicy,
    natsUrl: inClusterNatsUrl(ctx.config, names),
    jetstreamDomain: ctx.config.nats.jetstreamDomain,
    env: controllerPlainEnv(ctx.config),
    secretKeys,
    tls: Boolean(tls),
    clientCert: Boolean(tls?.verify),
    port: ctx.config.controller.port,
    secretsDigest,
  };
}

/** ServiceAccount + Deployment + Service, then rollout status; returns facts for the checkpoint. */
export async function deployKubernetesController(
  ctx: ProvisionContext,
  opts: { rolloutTimeoutSeconds?: number } = {},
): Promise<Record<string, string>> {
  const k = await kube();
  const { controllerManifests } = await import('../../provision/k8s-manifests.js');
  const { prepareControllerImage } = await import('../../provision/controller-image.js');
  const kubectl = k.requireKubectl(ctx);
  await k.assertKubeContext(ctx, kubectl);
  const n = namesOf(ctx);
  // The namespace and the natsgh Secret (shared with NATS): a rotated token reaches the Secret here.
  const secretKeys = (await k.applyNamespaceAndSecrets(ctx, kubectl)) as Array<
    (typeof SECRET_KEYS)[keyof typeof SECRET_KEYS]
  >;
  const image = await prepareControllerImage(ctx, controllerImagePlan(ctx.config));
  const f = k.kubeFiles(ctx.stateDir);
  await mkdir(f.dir, { recursive: true });
  const stamp = newStamp(await podSecrets(ctx));
  const objects = controllerManifests(controllerInput(ctx, secretKeys, image, stamp.digest));
  await writeFileAtomic(f.controllerManifests, k.manifestsYaml(objects));
  await k.applyFile(ctx, kubectl, f.controllerManifests, 'controller');
  await k
    .rolloutStatus(ctx, kubectl, n.namespace, `deployment/${n.controller}`, opts.rolloutTimeoutSeconds)
    .catch((err: NatsghError) => {
      // The usual cause on kind and air-gapped clusters: the nodes cannot pull the image.
      err.suggestions?.push(
        `If the pod waits in ImagePullBackOff, the nodes cannot pull ${image.image}: use --load-image kind[:<cluster>], --image-registry <registry>, or --controller-image <an image they can pull>.`,
      );
      throw err;
    });
  await writeStamp(await settingsFile(ctx.stateDir), stamp);
  const tls = serverTls(ctx.config);
  return {
    namespace: n.namespace,
    deployment: n.controller,
    manifests: f.controllerManifests,
    image: image.image,
    ...(tls?.verify ? { clientCertSecret: n.natsClientTlsSecret } : {}),
  };
}

export const kubernetesController: ControllerAdapter = {
  mode: 'kubernetes',

  inputs(ctx) {
    const c = ctx.config;
    const image = controllerImagePlan(c);
    const names = namesOf(ctx);
    return {
      namespace: names.namespace,
      image: image.image,
      pullPolicy: image.pullPolicy,
      build: image.build,
      natsUrl: inClusterNatsUrl(c, names),
      jetstreamDomain: c.nats.jetstreamDomain,
      tls: serverTls(c),
      port: c.controller.port,
      env: controllerPlainEnv(c),
      settings: controllerSettingsInputs(c),
      // Which secrets the pod reads (names only; a change of a value is found by verify).
      secrets: Object.keys(controllerSecretEnv(c)).sort(),
      secretFiles: {
        creds: c.nats.credsFile,
        nkey: c.nats.nkeyFile,
        githubAppKey: c.github.appPrivateKeyFile,
      },
    };
  },

  plan(ctx) {
    const n = namesOf(ctx);
    const image = controllerImagePlan(ctx.config);
    const how =
      image.build?.deliver === 'kind'
        ? `docker build ${image.image}; kind load docker-image ${image.image} --name ${image.build.cluster}`
        : image.build?.deliver === 'push'
          ? `docker build ${image.image}; docker push ${image.image}`
          : undefined;
    return [
      ...(how ? [how] : []),
      `kubectl apply Deployment (image ${image.image}), Service and ServiceAccount ${n.controller}; rollout status`,
    ];
  },

  deploy: (ctx) => deployKubernetesController(ctx),

  async verify(ctx) {
    try {
      const k = await kube();
      const n = namesOf(ctx);
      await k.rolloutStatus(ctx, k.requireKubectl(ctx), n.namespace, `deployment/${n.controller}`, 30);
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
    const secrets = await podSecrets(ctx).catch((err: Error) => err);
    if (secrets instanceof Error) return { ok: false, reason: secrets.message };
    if ((await startedWith(await settingsFile(ctx.stateDir), secrets)) === 'different')
      return {
        ok: false,
        reason: 'the controller runs with other secrets (GitHub token, webhook secret, NATS or App key)',
      };
    return { ok: true };
  },

  async teardown(ctx) {
    const k = await kube();
    const n = namesOf(ctx);
    await k.runTool(
      ctx,
      k.requireKubectl(ctx),
      [
        'delete',
        'deployment,service,serviceaccount',
        '-l',
        `app.kubernetes.io/instance=${n.controller}`,
        '-n',
        n.namespace,
        '--ignore-not-found',
      ],
      {
        title: 'delete controller',
        code: 'kube_delete_failed',
        suggestions: [
          `Delete by hand: kubectl delete deployment,service,serviceaccount -l app.kubernetes.io/instance=${n.controller} -n ${n.namespace}`,
        ],
      },
    );
    const { rm } = await import('node:fs/promises');
    await rm(await settingsFile(ctx.stateDir), { force: true });
  },
};
