// Checks for the programs natsgh runs: Node.js itself, nats-server, docker,
// kubectl, helm, terraform and git. Binaries are found and run through the
// injected deps, so tests put stand-in scripts on PATH.
import { installHint } from '../../system/platform.js';
import {
  type CheckOutcome,
  type DoctorCheck,
  type DoctorContext,
  parseVersion,
  runsLocalNatsServer,
  versionAtLeast,
} from '../check.js';

const MIN_NODE: [number, number, number] = [20, 19, 0];
// JetStream became generally available in nats-server 2.2.0.
const MIN_JETSTREAM_SERVER: [number, number, number] = [2, 2, 0];
const TOOL_TIMEOUT_MS = 8000;

type Tool = Parameters<typeof installHint>[1];

interface Probe {
  path: string;
  exitCode: number;
  output: string;
  timedOut: boolean;
}

/** Runs `<tool> args` if the tool is on PATH; undefined when it is not found. */
async function probe(
  ctx: DoctorContext,
  name: string,
  args: string[],
  path?: string,
): Promise<Probe | undefined> {
  const bin = path ?? ctx.deps.findOnPath(name);
  if (!bin) return undefined;
  try {
    const r = await ctx.deps.run(bin, args, { timeoutMs: TOOL_TIMEOUT_MS, signal: ctx.signal });
    return {
      path: bin,
      exitCode: r.exitCode,
      output: `${r.stdout}\n${r.stderr}`.trim(),
      timedOut: r.timedOut,
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? ''
  );
}

function missing(
  ctx: DoctorContext,
  tool: Tool,
  why: string,
  status: 'fail' | 'warn' = 'fail',
): CheckOutcome {
  return {
    status,
    message: `${tool} not found on PATH (${why})`,
    hint: `Install it: ${installHint(ctx.deps.platform, tool)}`,
  };
}

export const nodeCheck: DoctorCheck = {
  id: 'node',
  title: 'Node.js',
  appliesTo: () => true,
  async run(ctx) {
    const v = parseVersion(ctx.deps.nodeVersion);
    if (v && versionAtLeast(v, MIN_NODE))
      return { status: 'ok', message: `Node.js v${ctx.deps.nodeVersion}` };
    return {
      status: 'fail',
      message: `Node.js v${ctx.deps.nodeVersion} is older than the required ${MIN_NODE.join('.')}`,
      hint: `Upgrade Node.js: ${installHint(ctx.deps.platform, 'node')}`,
    };
  },
};

export const natsServerCheck: DoctorCheck = {
  id: 'nats-server',
  title: 'nats-server',
  appliesTo(ctx) {
    if (runsLocalNatsServer(ctx.mode, ctx.natsType)) return true;
    if (ctx.natsType === 'synadia') return 'synadia: natsgh runs no NATS server of its own';
    return `${ctx.mode} mode runs NATS from a container image, not a local binary`;
  },
  async run(ctx) {
    const explicit = ctx.config.nats.serverBin;
    const found = explicit ? ctx.deps.findOnPath(explicit) : undefined;
    if (explicit && !found) {
      return {
        status: 'fail',
        message: `--nats-server-bin ${explicit} is not an executable file`,
        hint: 'Fix --nats-server-bin (NATSGH_NATS_SERVER_BIN), or unset it to use PATH or a verified download.',
      };
    }
    const p = await probe(ctx, 'nats-server', ['--version'], found);
    if (!p) {
      // The bootstrap's prerequisites phase downloads a verified nats-server when none is found.
      return {
        status: 'warn',
        message: 'nats-server not found on PATH; `natsgh bootstrap` will download a verified release',
        hint: `To use a packaged one instead: ${installHint(ctx.deps.platform, 'nats-server')}`,
      };
    }
    const v = parseVersion(p.output);
    if (p.exitCode !== 0 || !v) {
      return {
        status: 'fail',
        message: `${p.path} --version failed: ${firstLine(p.output) || `exit ${p.exitCode}`}`,
        hint: `Reinstall nats-server: ${installHint(ctx.deps.platform, 'nats-server')}`,
      };
    }
    if (!versionAtLeast(v, MIN_JETSTREAM_SERVER)) {
      return {
        status: 'fail',
        message: `nats-server v${v.join('.')} at ${p.path} has no JetStream (needs ${MIN_JETSTREAM_SERVER.join('.')} or newer)`,
        hint: `Upgrade nats-server: ${installHint(ctx.deps.platform, 'nats-server')}`,
      };
    }
    return { status: 'ok', message: `nats-server v${v.join('.')} (JetStream-capable) at ${p.path}` };
  },
};

function dockerMode(ctx: DoctorContext): true | string {
  if (ctx.mode === 'docker') return true;
  // kubernetes with --load-image or --image-registry builds the controller image here.
  const c = ctx.config.controller;
  if (ctx.mode === 'kubernetes' && (c.loadImage || c.imageRegistry)) return true;
  return `only needed in docker mode, or kubernetes with --load-image/--image-registry (mode is ${ctx.mode})`;
}

export const dockerCheck: DoctorCheck = {
  id: 'docker',
  title: 'docker client',
  appliesTo: dockerMode,
  async run(ctx) {
    const p = await probe(ctx, 'docker', ['--version']);
    if (!p) return missing(ctx, 'docker', 'docker mode runs NATS and the controller as compose services');
    if (p.exitCode !== 0) {
      return {
        status: 'fail',
        message: `docker --version failed: ${firstLine(p.output)}`,
        hint: `Reinstall docker: ${installHint(ctx.deps.platform, 'docker')}`,
      };
    }
    // kubernetes mode only builds (and pushes) the controller image: no Compose needed.
    if (ctx.mode !== 'docker') return { status: 'ok', message: firstLine(p.output) };
    const compose = await probe(ctx, 'docker', ['compose', 'version'], p.path);
    if (compose?.exitCode !== 0) {
      return {
        status: 'fail',
        message: `${firstLine(p.output)}, but \`docker compose\` (Compose v2) is not available`,
        hint: 'Install the Docker Compose plugin: https://docs.docker.com/compose/install/',
      };
    }
    return { status: 'ok', message: `${firstLine(p.output)}; ${firstLine(compose.output)}` };
  },
};

export const dockerEngineCheck: DoctorCheck = {
  id: 'docker-engine',
  title: 'docker engine',
  appliesTo: dockerMode,
  async run(ctx) {
    const p = await probe(ctx, 'docker', ['info', '--format', '{{.ServerVersion}}']);
    if (!p) return { status: 'skip', message: 'docker client not found (see the docker check)' };
    const version = firstLine(p.output);
    if (p.exitCode === 0 && parseVersion(version))
      return { status: 'ok', message: `Docker engine ${version} is running` };
    const denied = /permission denied/i.test(p.output);
    return {
      status: 'fail',
      message: `the Docker engine is not reachable: ${p.timedOut ? 'docker info timed out' : firstLine(p.output.split('\n').reverse().join('\n')) || `exit ${p.exitCode}`}`,
      hint: denied
        ? 'Add your user to the docker group (sudo usermod -aG docker $USER, then log in again), or run with access to the Docker socket.'
        : ctx.deps.platform.os === 'linux'
          ? 'Start the engine: sudo systemctl start docker (check DOCKER_HOST and `docker context ls`).'
          : 'Start Docker Desktop (check DOCKER_HOST and `docker context ls`).',
    };
  },
};

function kubernetesMode(ctx: DoctorContext): true | string {
  return ctx.mode === 'kubernetes' ? true : `only needed in kubernetes mode (mode is ${ctx.mode})`;
}

export const kubectlCheck: DoctorCheck = {
  id: 'kubectl',
  title: 'kubectl',
  appliesTo: kubernetesMode,
  async run(ctx) {
    const p = await probe(ctx, 'kubectl', ['version', '--client']);
    if (!p) return missing(ctx, 'kubectl', 'kubernetes mode applies manifests with kubectl');
    if (p.exitCode !== 0) {
      return {
        status: 'fail',
        message: `kubectl version --client failed: ${firstLine(p.output)}`,
        hint: `Reinstall kubectl: ${installHint(ctx.deps.platform, 'kubectl')}`,
      };
    }
    return { status: 'ok', message: `kubectl ${firstLine(p.output).replace(/^Client Version:\s*/, '')}` };
  },
};

export const helmCheck: DoctorCheck = {
  id: 'helm',
  title: 'helm',
  appliesTo: kubernetesMode,
  async run(ctx) {
    const p = await probe(ctx, 'helm', ['version', '--short']);
    // Without helm, bootstrap applies the equivalent StatefulSet with kubectl: a warning, not a stop.
    if (!p)
      return missing(
        ctx,
        'helm',
        'bootstrap will apply the equivalent NATS StatefulSet with kubectl instead of the nats Helm chart',
        'warn',
      );
    const v = parseVersion(p.output);
    if (p.exitCode !== 0 || !v) {
      return {
        status: 'fail',
        message: `helm version failed: ${firstLine(p.output)}`,
        hint: `Reinstall helm: ${installHint(ctx.deps.platform, 'helm')}`,
      };
    }
    if (v[0] < 3) {
      return {
        status: 'fail',
        message: `helm v${v.join('.')} is too old (Helm 3 is required)`,
        hint: `Upgrade helm: ${installHint(ctx.deps.platform, 'helm')}`,
      };
    }
    return { status: 'ok', message: `helm ${firstLine(p.output)}` };
  },
};

export const kindCheck: DoctorCheck = {
  id: 'kind',
  title: 'kind',
  appliesTo: (ctx) =>
    ctx.mode === 'kubernetes' && ctx.config.controller.loadImage
      ? true
      : 'only needed with --load-image kind',
  async run(ctx) {
    const cluster = ctx.config.controller.loadImage?.split(':')[1] || 'kind';
    const p = await probe(ctx, 'kind', ['version']);
    if (!p) {
      return {
        status: 'fail',
        message:
          'kind not found on PATH (--load-image loads the controller image with `kind load docker-image`)',
        hint: 'Install kind: https://kind.sigs.k8s.io/docs/user/quick-start/#installation',
      };
    }
    if (p.exitCode !== 0) return { status: 'fail', message: `kind version failed: ${firstLine(p.output)}` };
    // kind names a cluster's kubectl context kind-<cluster>.
    const current = await probe(ctx, 'kubectl', ['config', 'current-context']);
    const context = current?.exitCode === 0 ? firstLine(current.output) : '';
    if (context !== `kind-${cluster}`) {
      return {
        status: 'warn',
        message: `${firstLine(p.output)}; the image goes to kind cluster "${cluster}", but the kubectl context is "${context || 'unset'}"`,
        hint: `kubectl config use-context kind-${cluster}, or --load-image kind:<the cluster of your context>`,
      };
    }
    return { status: 'ok', message: `${firstLine(p.output)}; context kind-${cluster}` };
  },
};

export const kubeContextCheck: DoctorCheck = {
  id: 'kube-context',
  title: 'Kubernetes cluster',
  appliesTo: kubernetesMode,
  async run(ctx) {
    const current = await probe(ctx, 'kubectl', ['config', 'current-context']);
    if (!current) return { status: 'skip', message: 'kubectl not found (see the kubectl check)' };
    const name = firstLine(current.output);
    if (current.exitCode !== 0 || !name) {
      return {
        status: 'fail',
        message: `no current kubectl context: ${name || `exit ${current.exitCode}`}`,
        hint: 'Select a cluster: kubectl config use-context NAME (list them with kubectl config get-contexts), or set KUBECONFIG.',
      };
    }
    const reach = await probe(
      ctx,
      'kubectl',
      ['get', '--raw', '/version', '--request-timeout=5s'],
      current.path,
    );
    if (reach?.exitCode !== 0) {
      return {
        status: 'fail',
        message: `context "${name}" is not reachable: ${reach ? (reach.timedOut ? 'timed out' : firstLine(reach.output)) : 'kubectl vanished'}`,
        hint: 'Check that the cluster is running and your credentials are current (kubectl cluster-info).',
      };
    }
    let server = '';
    try {
      server = JSON.parse(reach.output).gitVersion ?? '';
    } catch {
      // An unexpected body still proves the API server answered.
    }
    return { status: 'ok', message: `context "${name}" reachable${server ? ` (Kubernetes ${server})` : ''}` };
  },
};

export const terraformCheck: DoctorCheck = {
  id: 'terraform',
  title: 'terraform',
  appliesTo: () => true,
  async run(ctx) {
    const p = await probe(ctx, 'terraform', ['version']);
    // Only `natsgh bootstrap --terraform` needs it, so a missing terraform is a warning.
    if (!p) return missing(ctx, 'terraform', 'needed only for bootstrap --terraform', 'warn');
    const v = parseVersion(p.output);
    if (p.exitCode !== 0 || !v) {
      return {
        status: 'warn',
        message: `terraform version failed: ${firstLine(p.output)}`,
        hint: `Reinstall terraform: ${installHint(ctx.deps.platform, 'terraform')}`,
      };
    }
    return { status: 'ok', message: `Terraform v${v.join('.')}` };
  },
};

export const gitCheck: DoctorCheck = {
  id: 'git',
  title: 'git',
  appliesTo: () => true,
  async run(ctx) {
    const p = await probe(ctx, 'git', ['--version']);
    if (!p)
      return missing(
        ctx,
        'git',
        "used to work with the local checkout of the org's .github repository",
        'warn',
      );
    const v = parseVersion(p.output);
    if (p.exitCode !== 0 || !v) {
      return {
        status: 'warn',
        message: `git --version failed: ${firstLine(p.output)}`,
        hint: `Reinstall git: ${installHint(ctx.deps.platform, 'git')}`,
      };
    }
    return { status: 'ok', message: `git ${v.join('.')}` };
  },
};
