// The controller in docker mode, for the deploy-controller phase: rewrites
// compose.yaml from the current settings and runs `docker compose up -d --wait
// controller`, which builds the image when its tag (natsgh's version + build
// digest) is missing and recreates the container when its configuration changed.
// Verify checks the container runs the expected image, is healthy, and was
// started with the current secrets (a salted digest, owner-only, never the values).
import { createHash, randomBytes } from 'node:crypto';
import { access, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerifyResult } from '../contracts.js';
import { writeFileAtomic } from '../system/atomic-file.js';
import { composeProjectName } from './compose.js';
import {
  composeFiles,
  composeServiceHealthy,
  controllerSecretEnv,
  dockerCompose,
  writeComposeFiles,
} from './docker.js';
import { controllerImage } from './docker-image.js';
import type { ProvisionContext } from './provisioner.js';

const settingsFile = (ctx: ProvisionContext) => join(composeFiles(ctx.stateDir).dir, 'controller.settings');

function secretsDigest(ctx: ProvisionContext, salt: string): string {
  const env = Object.entries(controllerSecretEnv(ctx.config)).sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(salt).update(JSON.stringify(env)).digest('hex');
}

async function startedWithSecrets(ctx: ProvisionContext): Promise<boolean | undefined> {
  try {
    const stamp = JSON.parse(await readFile(settingsFile(ctx), 'utf8')) as { salt?: string; digest?: string };
    return typeof stamp.salt === 'string' && stamp.digest === secretsDigest(ctx, stamp.salt);
  } catch {
    return undefined;
  }
}

export async function deployDockerController(
  ctx: ProvisionContext,
  progress: (line: string) => void,
): Promise<Record<string, string>> {
  const written = await writeComposeFiles(ctx);
  progress(`docker compose up -d --wait --no-deps controller (image ${written.controllerImage})`);
  // --no-deps: the NATS services are provision-nats's; recreating one here would cut this run's connection.
  await dockerCompose(ctx, ['up', '-d', '--wait', '--no-deps', 'controller'], 'up (controller)');
  const salt = randomBytes(16).toString('hex');
  await writeFileAtomic(
    settingsFile(ctx),
    `${JSON.stringify({ salt, digest: secretsDigest(ctx, salt) })}\n`,
    {
      mode: 0o600,
    },
  );
  return {
    composeFile: written.composeFile,
    project: composeProjectName(ctx.deployment),
    image: written.controllerImage,
    controllerUrl: `http://127.0.0.1:${ctx.config.controller.port}`,
  };
}

export async function verifyDockerController(ctx: ProvisionContext): Promise<VerifyResult> {
  const health = await composeServiceHealthy(ctx, 'controller');
  if (!health.ok) return { ok: false, reason: health.reason };
  const want = controllerImage(ctx.config).image;
  if (health.entry?.Image && health.entry.Image !== want)
    return { ok: false, reason: `the controller container runs ${health.entry.Image}, not ${want}` };
  if ((await startedWithSecrets(ctx)) === false)
    return {
      ok: false,
      reason: 'the controller runs with other secrets (GitHub token, webhook secret or NATS)',
    };
  return { ok: true };
}

export async function teardownDockerController(ctx: ProvisionContext): Promise<void> {
  const exists = await access(composeFiles(ctx.stateDir).composeFile).then(
    () => true,
    () => false,
  );
  if (exists) await dockerCompose(ctx, ['rm', '--stop', '--force', 'controller'], 'rm (controller)');
  await rm(settingsFile(ctx), { force: true });
}
