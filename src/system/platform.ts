// Everything natsgh knows about the platform it runs on: binary names,
// per-user directories, package-manager hints. Injected as a value so that
// each platform's behaviour is unit-tested on any machine.
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

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

/** Path functions of the platform (win32 joins with "\\" even when tested on Linux). */
export function pathFor(p: Platform): typeof posix {
  return p.os === 'win32' ? win32 : posix;
}

/** An XDG base directory from the environment; relative values are ignored, as the XDG spec requires. */
function xdg(p: Platform, name: string, fallback: string[]): string {
  const value = p.env[name];
  return value && posix.isAbsolute(value) ? value : posix.join(p.home, ...fallback);
}

/** %LOCALAPPDATA%, or its usual place under the profile when unset. */
function localAppData(p: Platform): string {
  const value = p.env.LOCALAPPDATA;
  return value && win32.isAbsolute(value) ? value : win32.join(p.home, 'AppData', 'Local');
}

/** Per-user cache directory (downloads): XDG on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows. */
export function cacheDir(p: Platform): string {
  if (p.env.NATSGH_CACHE_DIR) return p.env.NATSGH_CACHE_DIR;
  switch (p.os) {
    case 'win32':
      return win32.join(localAppData(p), 'natsgh', 'Cache');
    case 'darwin':
      return posix.join(p.home, 'Library', 'Caches', 'natsgh');
    default:
      return posix.join(xdg(p, 'XDG_CACHE_HOME', ['.cache']), 'natsgh');
  }
}

/** Per-user data directory: XDG_DATA_HOME on Linux, ~/Library/Application Support on macOS, %LOCALAPPDATA% on Windows. */
export function dataDir(p: Platform): string {
  switch (p.os) {
    case 'win32':
      return win32.join(localAppData(p), 'natsgh', 'Data');
    case 'darwin':
      return posix.join(p.home, 'Library', 'Application Support', 'natsgh');
    default:
      return posix.join(xdg(p, 'XDG_DATA_HOME', ['.local', 'share']), 'natsgh');
  }
}

/**
 * Per-user state directory (logs, pid files and journals of deployments not tied
 * to a project): XDG_STATE_HOME on Linux, ~/Library/Application Support/natsgh/State
 * on macOS, %LOCALAPPDATA%\natsgh\State on Windows. The project-local default stays
 * `.natsgh` (config key stateDir); this is where a user-wide one belongs.
 */
export function stateHomeDir(p: Platform): string {
  switch (p.os) {
    case 'win32':
      return win32.join(localAppData(p), 'natsgh', 'State');
    case 'darwin':
      return posix.join(p.home, 'Library', 'Application Support', 'natsgh', 'State');
    default:
      return posix.join(xdg(p, 'XDG_STATE_HOME', ['.local', 'state']), 'natsgh');
  }
}

/** Per-user configuration directory: XDG_CONFIG_HOME on Linux, ~/Library/Preferences on macOS, %APPDATA% on Windows. */
export function configDir(p: Platform): string {
  switch (p.os) {
    case 'win32': {
      const roaming = p.env.APPDATA;
      const base = roaming && win32.isAbsolute(roaming) ? roaming : win32.join(p.home, 'AppData', 'Roaming');
      return win32.join(base, 'natsgh');
    }
    case 'darwin':
      return posix.join(p.home, 'Library', 'Preferences', 'natsgh');
    default:
      return posix.join(xdg(p, 'XDG_CONFIG_HOME', ['.config']), 'natsgh');
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
