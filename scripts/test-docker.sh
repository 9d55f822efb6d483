#!/usr/bin/env bash
# natsgh's docker-mode suite against a real Docker engine (test/docker, vitest.docker.config.ts).
# Sets the engine up first (scripts/docker/engine.sh: Debian's docker.io + Compose v2 + buildx,
# dockerd with vfs storage; needs root when the engine is not already running) and builds the base
# images the Dockerfile and compose.yaml name from this machine's binaries
# (scripts/docker/base-images.sh: no registry is pulled from). Fails when the engine cannot be set
# up: in CI a missing engine is a failure, never a skip. Arguments go to vitest (e.g. a test file).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/docker/engine.sh
nats_tag="$(sed -n "s/^export const NATS_SERVER_PINNED = '\(.*\)';/\1/p" src/system/nats-server-binary.ts)-alpine"
node_tag=$(sed -n 's/^ARG NODE_VERSION=//p' Dockerfile)
[[ -n $nats_tag && -n $node_tag ]] || { echo "test-docker: cannot read the image tags" >&2; exit 1; }
# The nats image carries Debian trixie's nats-server 2.10 (or the binary NATSGH_DOCKER_NATS_SERVER names).
nats_bin=${NATSGH_DOCKER_NATS_SERVER:-$(scripts/nats-2.10.sh)}
NATS_SERVER_BIN=$nats_bin scripts/docker/base-images.sh --nats-tag "$nats_tag" --node-tag "$node_tag"

status=0
npx vitest run -c vitest.docker.config.ts "$@" || status=$?
# vfs keeps a full copy of every layer: drop what this run built and no longer uses.
docker image prune -f >/dev/null 2>&1 || true
exit $status
