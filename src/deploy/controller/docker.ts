// The controller in docker mode: the `controller` service of the deployment's
// compose project. Deploy rewrites compose.yaml from the current settings and
// runs `docker compose up -d --wait --no-deps controller`, which recreates the
// container when its definition changed. When natsgh builds the image and its
// tag (natsgh's version + build digest) is missing, `docker compose build
// controller` builds it first, from local images only: `up` alone would first
// ask a registry for the tag, and a build left inconsistent by a killed run is
// built again (provision/docker.ts composeBuild). Its secrets are owner-only files in
// its mounted files directory (provision/docker.ts writes them; a rotated one
// changes the files label, so `up` recreates it), removed by teardown. Verify
// checks the container runs the expected image, is healthy, and was started with
// the current secrets (a salted digest, owner-only, never the values).
import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { composeProjectName, natsServiceNames } from '../../provision/compose.js';
import { controllerImage, controllerUser } from '../../provision/docker-image.js';
import type { ControllerAdapter, ControllerContext } from './adapter.js';
import {
  CONTROLLER_SECRET_FILE_NAMES,
  controllerPlainEnv,
  controllerSecretEnv,
  controllerSettingsInputs,
} from './env.js';
import { stampSettings, startedWith } from './settings-stamp.js';

async function compose() {
  return import('../../provision/docker.js');
}

async function settingsFile(ctx: ControllerContext): Promise<string> {
  return join((await compose()).composeFiles(ctx.stateDir).dir, 'controller.settings');
}

/** Where the controller container connects: the compose NATS services, or Synadia. */
function containerNatsUrl(ctx: ControllerContext): string {
  const c = ctx.config;
  if (c.natsType === 'synadia') return c.nats.url ?? 'tls://connect.ngs.global';
  const scheme = c.nats.tls.mode === 'generate' ? 'tls' : 'nats';
  return natsServiceNames({ natsType: c.natsType, replicas: c.nats.replicas })
    .map((s) => `${scheme}://${s}:4222`)
    .join(',');
}

export const dockerController: ControllerAdapter = {
  mode: 'docker',

  inputs(ctx) {
    const c = ctx.config;
    const image = controllerImage(c);
    return {
      image: image.image,
      pullPolicy: image.pullPolicy,
      user: controllerUser(),
      env: controllerPlainEnv(c),
      settings: controllerSettingsInputs(c),
      port: c.controller.port,
      natsUrl: containerNatsUrl(ctx),
      jetstreamDomain: c.nats.jetstreamDomain,
      tls: c.nats.tls,
      // Paths only: what they hold is mounted as a copy, checked by compose's files label.
      credsFile: c.natsType === 'synadia' ? c.nats.credsFile : undefined,
      githubAppKey: c.github.appPrivateKeyFile,
    };
  },

  plan: (ctx) => {
    const project = composeProjectName(ctx.deployment);
    const image = controllerImage(ctx.config);
    return [
      ...(image.build
        ? [`docker compose -p ${project} build controller (when ${image.image} is missing)`]
        : []),
      `docker compose -p ${project} up -d --wait --no-deps controller (image ${image.image})`,
    ];
  },

  async deploy(ctx, progress) {
    const { writeComposeFiles, dockerCompose, imagePresent, composeBuild } = await compose();
    const written = await writeComposeFiles(ctx);
    if (controllerImage(ctx.config).build && !(await imagePresent(ctx, written.controllerImage))) {
      progress(`docker compose build controller (image ${written.controllerImage})`);
      await composeBuild(ctx, 'controller');
    }
    progress(`docker compose up -d --wait --no-deps controller (image ${written.controllerImage})`);
    // --no-deps: the NATS services are provision-nats's; recreating one here would cut this run's connection.
    await dockerCompose(ctx, ['up', '-d', '--wait', '--no-deps', 'controller'], 'up (controller)');
    await stampSettings(await settingsFile(ctx), controllerSecretEnv(ctx.config));
    return {
      composeFile: written.composeFile,
      project: composeProjectName(ctx.deployment),
      image: written.controllerImage,
      controllerUrl: `http://127.0.0.1:${ctx.config.controller.port}`,
    };
  },

  async verify(ctx) {
    const health = await (await compose()).composeServiceHealthy(ctx, 'controller');
    if (!health.ok) return { ok: false, reason: health.reason };
    const want = controllerImage(ctx.config).image;
    if (health.entry?.Image && health.entry.Image !== want)
      return { ok: false, reason: `the controller container runs ${health.entry.Image}, not ${want}` };
    if ((await startedWith(await settingsFile(ctx), controllerSecretEnv(ctx.config))) === 'different')
      return {
        ok: false,
        reason: 'the controller runs with other secrets (GitHub token, webhook secret or NATS)',
      };
    return { ok: true };
  },

  async teardown(ctx) {
    const { composeFiles, dockerCompose } = await compose();
    const exists = await access(composeFiles(ctx.stateDir).composeFile).then(
      () => true,
      () => false,
    );
    if (exists) await dockerCompose(ctx, ['rm', '--stop', '--force', 'controller'], 'rm (controller)');
    await rm(await settingsFile(ctx), { force: true });
    // No copy of a secret outlives the controller that read it (the next deploy writes them again).
    const { controllerFilesDir } = composeFiles(ctx.stateDir);
    for (const name of CONTROLLER_SECRET_FILE_NAMES)
      await rm(join(controllerFilesDir, name), { force: true });
  },
};
