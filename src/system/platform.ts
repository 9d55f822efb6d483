// Everything natsgh knows about the platform it runs on: binary names,
// per-user directories, package-manager hints. Injected as a value so that
// each platform's behaviour is unit-tested on any machine.
import { homedir } from 'node:os';
import { join } from 'node:path';

export type OsName = 'linux' | 'darwin' | 'win32';

export interface Platform {
  os: OsName;
  arch: string;
  env: NodeJS.ProcessEnv;
  home: string;
}

export function currentPlatform(): Platform {
  const os = (['linux', 'darwin', 'win32'].includes(process.platform) ? process.platform : 'linux') as OsName;
  return { os, arch: process.arch, env: process.env, home: homedir() };
}

/** The executable file name of a tool on this platform ("nats-server.exe" on Windows). */
export function exeName(p: Platform, name: string): string {
  return p.os === 'win32' ? `${name}.exe` : name;
}

/** Per-user cache directory (downloads): XDG on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows. */
export function cacheDir(p: Platform): string {
  if (p.env.NATSGH_CACHE_DIR) return p.env.NATSGH_CACHE_DIR;
  switch (p.os) {
    case 'win32':
      return join(p.env.LOCALAPPDATA ?? join(p.home, 'AppData', 'Local'), 'natsgh', 'Cache');
    case 'darwin':
      return join(p.home, 'Library', 'Caches', 'natsgh');
    default:
      return join(p.env.XDG_CACHE_HOME ?? join(p.home, '.cache'), 'natsgh');
  }
}

/** Per-user data directory: XDG_DATA_HOME on Linux, ~/Library/Application Support on macOS, %LOCALAPPDATA% on Windows. */
export function dataDir(p: Platform): string {
  switch (p.os) {
    case 'win32':
      return join(p.env.LOCALAPPDATA ?? join(p.home, 'AppData', 'Local'), 'natsgh', 'Data');
    case 'darwin':
      return join(p.home, 'Library', 'Application Support', 'natsgh');
    default:
      return join(p.env.XDG_DATA_HOME ?? join(p.home, '.local', 'share'), 'natsgh');
  }
}

/** How to install a tool on this platform, for doctor hints. */
export function installHint(
  p: Platform,
  tool: 'nats-server' | 'docker' | 'kubectl' | 'helm' | 'terraform' | 'git' | 'node',
): string {
  const apt: Record<string, string> = {
    'nats-server': 'sudo apt-get install -y nats-server',
    docker: 'sudo apt-get install -y docker.io (or https://docs.docker.com/engine/install/)',
    kubectl: 'sudo apt-get install -y kubectl (or https://kubernetes.io/docs/tasks/tools/)',
    helm: 'https://helm.sh/docs/intro/install/',
    terraform: 'https://developer.hashicorp.com/terraform/install',
    git: 'sudo apt-get install -y git',
    node: 'https://nodejs.org/en/download (Node.js >= 20.19)',
  };
  const brew: Record<string, string> = {
    'nats-server': 'brew install nats-server',
    docker: 'brew install --cask docker',
    kubectl: 'brew install kubectl',
    helm: 'brew install helm',
    terraform: 'brew install hashicorp/tap/terraform',
    git: 'brew install git',
    node: 'brew install node@22',
  };
  const win: Record<string, string> = {
    'nats-server': 'winget install NATSAuthors.NATSServer (or scoop install nats-server)',
    docker: 'winget install Docker.DockerDesktop',
    kubectl: 'winget install Kubernetes.kubectl',
    helm: 'winget install Helm.Helm',
    terraform: 'winget install Hashicorp.Terraform',
    git: 'winget install Git.Git',
    node: 'winget install OpenJS.NodeJS.LTS',
  };
  return (p.os === 'darwin' ? brew : p.os === 'win32' ? win : apt)[tool];
}
