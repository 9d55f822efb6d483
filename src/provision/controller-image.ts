// The controller image natsgh deploys on Kubernetes. By default it is the one
// .github/workflows/release.yml publishes for this version
// (ghcr.io/<owner>/<repo>:<version>, the owner/repo taken from package.json's
// repository field); --controller-image picks another. For clusters that cannot
// pull it, bootstrap builds it here from the Dockerfile and either loads it into
// a kind cluster (--load-image kind[:<cluster>], `kind load docker-image`) or
// pushes it to a registry (--image-registry).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsghConfig } from '../config/keys.js';
import { InternalError, NatsghError } from '../errors.js';
import { installHint } from '../system/platform.js';
import { PROJECT_ROOT } from './compose.js';
import { findTool, runTool } from './kubectl.js';
import type { ProvisionContext } from './provisioner.js';

interface PackageJson {
  version?: string;
  repository?: string | { url?: string };
}

function packageJson(root = PROJECT_ROOT): PackageJson {
  try {
    return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return {};
  }
}

/** "owner/repo" from a package.json repository field (github:o/r, o/r, or a github.com git URL). */
export function githubRepository(repository: PackageJson['repository']): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return undefined;
  const m =
    /^(?:github:)?([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?$/.exec(raw) ??
    /github\.com[/:]([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(raw);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** The image repository the release workflow pushes to: ghcr.io/<owner>/<repo>, lower case. */
export function publishedImageRepository(pkg: PackageJson = packageJson()): string {
  const repo = githubRepository(pkg.repository);
  if (!repo)
    throw new InternalError('package.json has no GitHub repository field; the image name derives from it');
  return `ghcr.io/${repo.toLowerCase()}`;
}

/** The image the release workflow publishes for this natsgh version. */
export function publishedImage(pkg: PackageJson = packageJson()): string {
  return `${publishedImageRepository(pkg)}:${pkg.version ?? 'latest'}`;
}

/** "kind" -> cluster "kind" (kind's default name); "kind:dev" -> "dev". */
export function kindClusterName(loadImage: string): string {
  return loadImage.split(':')[1] || 'kind';
}

export interface ControllerImagePlan {
  image: string;
  /** Build it here first (Dockerfile in the natsgh package). */
  build?: { deliver: 'kind'; cluster: string } | { deliver: 'push' };
  pullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
}

/** What image the Deployment uses and how it gets to the cluster. */
export function controllerImagePlan(
  config: NatsghConfig,
  pkg: PackageJson = packageJson(),
): ControllerImagePlan {
  const c = config.controller;
  const version = pkg.version ?? 'latest';
  if (c.imageRegistry) {
    const image = `${c.imageRegistry.replace(/\/+$/, '')}/natsgh:${version}`;
    return { image: c.image ?? image, build: { deliver: 'push' }, pullPolicy: c.imagePullPolicy };
  }
  const image = c.image ?? publishedImage(pkg);
  if (c.loadImage) {
    // A loaded image is on the nodes only: never try to pull it.
    return {
      image,
      build: { deliver: 'kind', cluster: kindClusterName(c.loadImage) },
      pullPolicy: c.imagePullPolicy ?? 'IfNotPresent',
    };
  }
  return { image, pullPolicy: c.imagePullPolicy };
}

function need(ctx: ProvisionContext, tool: 'docker' | 'kind', why: string): string {
  const bin = findTool(ctx, tool);
  if (bin) return bin;
  throw new NatsghError(`${why} needs ${tool}, and it was not found on PATH`, {
    code: tool === 'kind' ? 'kind_missing' : 'docker_missing',
    suggestions: [
      tool === 'kind'
        ? 'Install kind: https://kind.sigs.k8s.io/docs/user/quick-start/#installation'
        : `Install it: ${installHint(ctx.platform, 'docker')}`,
    ],
  });
}

/** `docker build` argv for the controller image from natsgh's own package (Dockerfile + dist/). */
export function dockerBuildArgs(image: string, root = PROJECT_ROOT): string[] {
  return ['build', '--file', join(root, 'Dockerfile'), '--tag', image, root];
}

/**
 * Builds the image and loads or pushes it, per the plan; returns the plan.
 * Runs before the controller Deployment is applied.
 */
export async function prepareControllerImage(
  ctx: ProvisionContext,
  plan: ControllerImagePlan,
  root = PROJECT_ROOT,
): Promise<ControllerImagePlan> {
  if (!plan.build) return plan;
  const flag = plan.build.deliver === 'kind' ? '--load-image' : '--image-registry';
  const docker = need(ctx, 'docker', flag);
  const kind = plan.build.deliver === 'kind' ? need(ctx, 'kind', flag) : undefined;
  if (!existsSync(join(root, 'Dockerfile')) || !existsSync(join(root, 'dist'))) {
    throw new NatsghError(`${flag}: cannot build the controller image: ${root} has no Dockerfile or dist/`, {
      code: 'image_build_failed',
      suggestions: ['In a checkout of natsgh, run `npm ci && npm run build` first.'],
    });
  }
  await runTool(ctx, docker, dockerBuildArgs(plan.image, root), {
    title: `docker build ${plan.image}`,
    code: 'image_build_failed',
    suggestions: ['Is the Docker engine running? docker info'],
  });
  if (plan.build.deliver === 'kind') {
    const cluster = plan.build.cluster;
    await runTool(ctx, kind!, ['load', 'docker-image', plan.image, '--name', cluster], {
      title: `kind load docker-image ${plan.image} --name ${cluster}`,
      code: 'image_load_failed',
      suggestions: [
        `List kind clusters: kind get clusters; create one: kind create cluster --name ${cluster}`,
        `Point kubectl at it: kubectl config use-context kind-${cluster}`,
      ],
    });
  } else {
    await runTool(ctx, docker, ['push', plan.image], {
      title: `docker push ${plan.image}`,
      code: 'image_push_failed',
      suggestions: [
        `Log in to the registry: docker login ${plan.image.split('/')[0]}`,
        'The cluster must be able to pull from it (an imagePullSecret, or a registry the nodes trust).',
      ],
    });
  }
  return plan;
}
