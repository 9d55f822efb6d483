// The controller image as a product: the default is what the release workflow
// publishes; --load-image kind[:<cluster>] builds it here and loads it with
// `kind load docker-image`; --image-registry builds, tags and pushes it.
//
// kind is not installed here, and docker builds belong to the docker suite, so
// both are stand-ins stopped at the process boundary (their argv is checked)
// and held to the real tools' contracts:
// - kind (sigs.k8s.io/kind, pkg/cmd/kind/load/docker-image):
//   `kind load docker-image <IMAGE> [IMAGE...] [--name|-n NAME]`, NAME defaults
//   to "kind"; each image must exist in the local engine, checked with
//   `docker image inspect -f "{{ .Id }}" IMAGE`, else
//   `ERROR: image: "IMAGE" not present locally`; a cluster with no nodes is
//   `ERROR: no nodes found for cluster "NAME"`; errors exit 1.
// - docker: `build` tags the image in the engine, `image inspect` fails with
//   "Error response from daemon: No such image: IMAGE" for an unknown one,
//   `push` of an unknown tag fails with "An image does not exist locally with
//   the tag: IMAGE".
// The Deployment is applied with the real kubectl to the fake API server.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deployKubernetesController, kubernetesController } from '../../src/deploy/controller/kubernetes.js';
import { PROJECT_ROOT } from '../../src/provision/compose.js';
import { dockerBuildArgs, publishedImage } from '../../src/provision/controller-image.js';
import { kubeNames } from '../../src/provision/k8s-manifests.js';
import { findOnPath, runCommand } from '../../src/system/process.js';
import { type FakeKubeApi, startFakeKubeApi } from '../support/fake-kube-api.js';
import { startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { provisionContext } from '../support/provision-context.js';
import { createStandIns, type StandIns } from '../support/stand-in.js';

const names = kubeNames('default', 'natsgh');

function dockerBehaviour(dir: string): string {
  return `images="${dir}/docker-images"; touch "$images"
case "$1" in
  build)
    tag=""; file=""; ctx="\${@: -1}"
    while [ $# -gt 0 ]; do case "$1" in --tag|-t) tag="$2"; shift ;; --file|-f) file="$2"; shift ;; esac; shift; done
    [ -f "$file" ] || { echo "ERROR: failed to solve: failed to read dockerfile: open $file: no such file or directory" >&2; exit 1; }
    [ -d "$ctx" ] || { echo "ERROR: unable to prepare context: path \\"$ctx\\" not found" >&2; exit 1; }
    echo "$tag" >> "$images"; echo "naming to docker.io/$tag done" ;;
  image)
    [ "$2" = inspect ] || exit 1
    img="\${@: -1}"
    grep -qxF "$img" "$images" && { echo "sha256:0f1e2d3c4b5a"; exit 0; }
    echo "Error response from daemon: No such image: $img" >&2; exit 1 ;;
  push)
    grep -qxF "$2" "$images" || { echo "An image does not exist locally with the tag: $2" >&2; exit 1; }
    echo "$2" >> "${dir}/docker-pushed"; echo "latest: digest: sha256:0f1e2d3c4b5a size: 1234" ;;
esac`;
}

function kindBehaviour(dir: string): string {
  return `[ "$1 $2" = "load docker-image" ] || { echo "ERROR: unknown command \\"$*\\" for \\"kind\\"" >&2; exit 1; }
shift 2; name=kind; imgs=()
while [ $# -gt 0 ]; do
  case "$1" in --name|-n) name="$2"; shift ;; --name=*) name="\${1#--name=}" ;; --nodes) shift ;; -*) echo "ERROR: unknown flag: $1" >&2; exit 1 ;; *) imgs+=("$1") ;; esac
  shift
done
[ \${#imgs[@]} -gt 0 ] || { echo "ERROR: a list of image names is required" >&2; exit 1; }
for img in "\${imgs[@]}"; do
  docker image inspect -f "{{ .Id }}" "$img" >/dev/null 2>&1 || { echo "ERROR: image: \\"$img\\" not present locally" >&2; exit 1; }
done
grep -qxF "$name" "${dir}/kind-clusters" 2>/dev/null || { echo "ERROR: no nodes found for cluster \\"$name\\"" >&2; exit 1; }
for img in "\${imgs[@]}"; do echo "Image: \\"$img\\" with ID \\"sha256:0f1e2d3c4b5a\\" not yet present on node \\"$name-control-plane\\", loading..."; echo "$img" >> "${dir}/kind-loaded-$name"; done`;
}

describe('controller image: default, --load-image kind, --image-registry', () => {
  let tools: StandIns;
  let api: FakeKubeApi;
  let dir: string;
  let nats: TestNatsServer;

  beforeAll(async () => {
    nats = await startNatsServer();
  });
  afterAll(async () => {
    await nats?.stop();
  });
  afterEach(async () => {
    await api?.stop();
    tools?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  async function setup(flags: Record<string, unknown>, clusters: string[] = []) {
    dir = mkdtempSync(join(tmpdir(), 'natsgh-image-'));
    api = await startFakeKubeApi(dir);
    tools = createStandIns(['docker', 'kind']);
    tools.behave('docker', dockerBehaviour(tools.dir));
    tools.behave('kind', kindBehaviour(tools.dir));
    writeFileSync(join(tools.dir, 'kind-clusters'), clusters.map((c) => `${c}\n`).join(''));
    const ctx = await provisionContext({
      mode: 'kubernetes',
      'nats-type': 'self_hosted',
      'nats-url': nats.url,
      ...flags,
    });
    ctx.platform = { ...ctx.platform, env: { ...ctx.platform.env, ...api.env, PATH: tools.path } };
    return ctx;
  }

  const controller = () =>
    api.get('Deployment', 'natsgh', names.controller)!.spec.template.spec.containers[0];

  it('the stand-ins hold to the contracts: kind refuses an image the engine lacks', async () => {
    const ctx = await setup({}, ['kind']);
    const r = await runCommand(join(tools.dir, 'kind'), ['load', 'docker-image', 'nope:1'], {
      env: ctx.platform.env,
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('ERROR: image: "nope:1" not present locally');
  });

  it('default: the image the release workflow publishes, nothing built', async () => {
    const ctx = await setup({});
    const out = await deployKubernetesController(ctx);
    expect(out.image).toBe(publishedImage());
    expect(publishedImage()).toBe('ghcr.io/natsgh/natsgh:0.1.0');
    expect(controller().image).toBe('ghcr.io/natsgh/natsgh:0.1.0');
    expect(controller().imagePullPolicy).toBeUndefined();
    expect(tools.calls('docker')).toEqual([]);
  }, 60_000);

  it('--controller-image and --image-pull-policy are used as given', async () => {
    const ctx = await setup({
      'controller-image': 'mirror.example.com/natsgh:pinned',
      'image-pull-policy': 'Always',
    });
    await deployKubernetesController(ctx);
    expect(controller()).toMatchObject({
      image: 'mirror.example.com/natsgh:pinned',
      imagePullPolicy: 'Always',
    });
  }, 60_000);

  it('--load-image kind:dev builds from the Dockerfile, loads into cluster "dev", never pulls', async () => {
    const ctx = await setup({ 'load-image': 'kind:dev' }, ['dev']);
    await deployKubernetesController(ctx);
    expect(tools.calls('docker')[0]).toEqual(dockerBuildArgs('ghcr.io/natsgh/natsgh:0.1.0'));
    expect(dockerBuildArgs('x:1')).toEqual([
      'build',
      '--file',
      join(PROJECT_ROOT, 'Dockerfile'),
      '--tag',
      'x:1',
      PROJECT_ROOT,
    ]);
    expect(tools.calls('kind')).toEqual([
      ['load', 'docker-image', 'ghcr.io/natsgh/natsgh:0.1.0', '--name', 'dev'],
    ]);
    expect(controller()).toMatchObject({
      image: 'ghcr.io/natsgh/natsgh:0.1.0',
      imagePullPolicy: 'IfNotPresent',
    });
    const plan = kubernetesController.plan({ ...ctx, cliVersion: '0.1.0', hostServers: () => [] });
    expect(plan).toContain(
      'docker build ghcr.io/natsgh/natsgh:0.1.0; kind load docker-image ghcr.io/natsgh/natsgh:0.1.0 --name dev',
    );
    expect(plan.at(-1)).toContain('(image ghcr.io/natsgh/natsgh:0.1.0)');
  }, 60_000);

  it("--load-image kind without that cluster is kind's error and says how to create it", async () => {
    const ctx = await setup({ 'load-image': 'kind' }, ['dev']);
    const err = (await deployKubernetesController(ctx).catch((e) => e)) as Error & {
      code: string;
      suggestions: string[];
    };
    expect(err.code).toBe('image_load_failed');
    expect(err.message).toContain('ERROR: no nodes found for cluster "kind"');
    expect(err.suggestions.join(' ')).toContain('kind create cluster --name kind');
    expect(api.get('Deployment', 'natsgh', names.controller)).toBeUndefined();
  }, 60_000);

  it('--image-registry builds, tags and pushes <registry>/natsgh:<version>, and deploys that', async () => {
    const ctx = await setup({ 'image-registry': 'registry.example.com:5000/team' });
    await deployKubernetesController(ctx);
    const image = 'registry.example.com:5000/team/natsgh:0.1.0';
    expect(tools.calls('docker')).toEqual([dockerBuildArgs(image), ['push', image]]);
    expect(tools.calls('kind')).toEqual([]);
    expect(controller().image).toBe(image);
  }, 60_000);

  it('--load-image without docker says to install it', async () => {
    const ctx = await setup({ 'load-image': 'kind' }, ['kind']);
    tools.remove('docker');
    // A PATH with the real kubectl and the kind stand-in, and no docker.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(findOnPath('kubectl')!, join(bin, 'kubectl'));
    ctx.platform = { ...ctx.platform, env: { ...ctx.platform.env, PATH: `${tools.dir}:${bin}` } };
    const err = (await deployKubernetesController(ctx).catch((e) => e)) as Error & {
      code: string;
      suggestions: string[];
    };
    expect(err.code).toBe('docker_missing');
    expect(err.message).toContain('--load-image needs docker');
  }, 60_000);
});
