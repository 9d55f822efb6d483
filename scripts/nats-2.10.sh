#!/usr/bin/env bash
# Puts Debian trixie's nats-server (2.10.x) at /opt/nats-2.10/usr/sbin/nats-server without
# replacing the system's (Debian 12 ships 2.9.10), and prints its path. CI runs the NATS-facing
# tests against it too (NATSGH_TEST_NATS_SERVER). Idempotent; root on Debian.
set -euo pipefail
dest=${NATS_210_DIR:-/opt/nats-2.10}
bin=$dest/usr/sbin/nats-server
if [[ ! -x $bin ]]; then
  "$(dirname "$0")/apt-trixie.sh"
  work=$(mktemp -d)
  chmod 755 "$work" # apt downloads as its own user
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get download -t trixie nats-server >/dev/null)
  mkdir -p "$dest"
  dpkg-deb -x "$work"/nats-server_*.deb "$dest"
fi
"$bin" --version >&2
echo "$bin"
