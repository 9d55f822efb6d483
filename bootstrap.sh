#!/usr/bin/env bash
# Thin wrapper over `natsgh bootstrap`: passes every argument through, e.g.
#   ./bootstrap.sh --mode kubernetes --nats-type self_hosted_cluster
# Runs `npm ci` first only when node_modules is missing. NATSGH_BIN names another
# natsgh executable to run instead of this checkout's (an installed one, or a stand-in).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ -n "${NATSGH_BIN:-}" ]; then
  exec "$NATSGH_BIN" bootstrap "$@"
fi

if ! command -v node > /dev/null 2>&1; then
  echo "bootstrap.sh: Node.js >= 20.19 is needed (https://nodejs.org/en/download)" >&2
  exit 2
fi

if [ ! -d "$here/node_modules" ]; then
  echo "bootstrap.sh: installing dependencies (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund) >&2
fi
if [ ! -f "$here/dist/cli/version.js" ]; then
  echo "bootstrap.sh: building natsgh (npm run build)" >&2
  (cd "$here" && npm run build) >&2
fi

exec node "$here/bin/run.js" bootstrap "$@"
