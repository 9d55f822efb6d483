#!/usr/bin/env bash
# Installs and starts a Docker engine with Compose v2 and buildx for natsgh's docker-mode suite, on
# Debian 12 as root (CI, or a contributor's Debian box). Returns at once when `docker info` and
# `docker compose version` already work; exits non-zero when the engine cannot be brought up.
#   docker.io, docker-cli, docker-compose (v2; Debian 12 ships v1) and docker-buildx come from
#   Debian trixie, pinned at a low priority so that nothing else is upgraded from it; dockerd runs
#   with the vfs storage driver (no overlayfs inside this kind of VM).
# Env: DOCKERD_LOG (default /var/log/natsgh-dockerd.log), DOCKERD_PIDFILE (default /var/run/docker.pid).
set -euo pipefail
log=${DOCKERD_LOG:-/var/log/natsgh-dockerd.log}
pidfile=${DOCKERD_PIDFILE:-/var/run/docker.pid}

engine_ready() { docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; }
if engine_ready; then exit 0; fi
[[ $(id -u) == 0 ]] || { echo "docker-engine: not running, and setting it up needs root" >&2; exit 1; }

if ! command -v dockerd >/dev/null 2>&1 || ! docker compose version >/dev/null 2>&1 \
  || ! docker buildx version >/dev/null 2>&1; then
  "$(dirname "$0")/../apt-trixie.sh"
  # Only these four come from trixie; their dependencies resolve to Debian 12's own packages.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    docker.io/trixie docker-cli/trixie docker-compose/trixie docker-buildx/trixie >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  # A pid file left by a dockerd that is gone stops a new one from starting.
  if [[ -f $pidfile ]] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then rm -f "$pidfile"; fi
  nohup dockerd --storage-driver=vfs --pidfile "$pidfile" >"$log" 2>&1 &
  for _ in $(seq 1 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
fi
engine_ready || { echo "docker-engine: dockerd did not come up; last lines of $log:" >&2; tail -20 "$log" >&2; exit 1; }
docker version --format 'docker engine {{.Server.Version}}'
docker compose version
