#!/usr/bin/env bash
# Builds the base images natsgh's docker mode starts from — nats:<tag> and node:<tag> — locally,
# from this machine's own binaries, for a machine that cannot pull from a registry (CI here). They
# behave like the official images where natsgh relies on them (entrypoints, a "node" user with uid
# 1000, /etc/nats, busybox's sh and wget for health checks) but are glibc builds of whatever
# nats-server and node this machine has, whatever the tag says. Skips a tag that already exists.
# Usage: base-images.sh [--nats-tag 2.10.24-alpine] [--node-tag 26-alpine] [--force]
# Env: NATS_SERVER_BIN (the nats-server to put in; default Debian trixie's, via apt-get download).
set -euo pipefail
NATS_TAG=2.10.24-alpine
NODE_TAG=26-alpine
FORCE=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --nats-tag) NATS_TAG=$2; shift 2 ;;
    --node-tag) NODE_TAG=$2; shift 2 ;;
    --force) FORCE=1; shift ;;
    *) echo "base-images: unknown argument $1" >&2; exit 2 ;;
  esac
done
have() { [[ $FORCE == 0 ]] && docker image inspect "$1" >/dev/null 2>&1; }
if have "nats:$NATS_TAG" && have "node:$NODE_TAG"; then exit 0; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
busybox=$(command -v busybox || true)
if [[ -z $busybox ]] || ! "$busybox" --list-full >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
  busybox=/bin/busybox
fi

# copy_libs ROOT BIN: the shared libraries BIN loads, at the same paths under ROOT
copy_libs() {
  local lib
  for lib in $(ldd "$2" 2>/dev/null | grep -o '/[^ ]*' | sort -u); do
    [[ -e $lib ]] && install -D "$(readlink -f "$lib")" "$1$lib"
  done
}
# rootfs ROOT: busybox and its applets, /tmp, the CA bundle
rootfs() {
  local root=$1 applet
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,etc/ssl/certs,tmp}
  chmod 1777 "$root/tmp"
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list-full); do
    [[ -e $root/$applet || -L $root/$applet ]] || ln -s /bin/busybox "$root/$applet"
  done
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
  ln -sf certs/ca-certificates.crt "$root/etc/ssl/cert.pem"
}

if ! have "nats:$NATS_TAG"; then
  root=$work/nats/rootfs
  rootfs "$root"
  bin=${NATS_SERVER_BIN:-}
  if [[ -z $bin ]]; then
    (cd "$work" && apt-get download -t trixie nats-server >/dev/null && dpkg-deb -x nats-server_*.deb deb)
    bin=$work/deb/usr/sbin/nats-server
  fi
  cp "$bin" "$root/usr/local/bin/nats-server"
  copy_libs "$root" "$bin"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' >"$root/etc/group"
  mkdir -p "$root/etc/nats"
  printf 'port: 4222\nmonitor_port: 8222\n' >"$root/etc/nats/nats-server.conf"
  # The official entrypoint: flags alone are nats-server's; anything else runs as given.
  printf '#!/bin/sh\ncase "${1:-}" in ""|-*) set -- nats-server "$@" ;; esac\nexec "$@"\n' \
    >"$root/usr/local/bin/docker-entrypoint.sh"
  chmod 755 "$root/usr/local/bin/docker-entrypoint.sh"
  cat >"$work/nats/Dockerfile" <<'DF'
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
EXPOSE 4222 6222 7422 8222
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["nats-server", "--config", "/etc/nats/nats-server.conf"]
DF
  docker build -q -t "nats:$NATS_TAG" "$work/nats" >/dev/null
fi

if ! have "node:$NODE_TAG"; then
  root=$work/node/rootfs
  rootfs "$root"
  node_bin=$(readlink -f "$(command -v node)")
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  mkdir -p "$root/usr/local/lib/node_modules" "$root/usr/local/etc" "$root/home/node" "$root/root"
  cp "$node_bin" "$root/usr/local/bin/node"
  copy_libs "$root" "$node_bin"
  cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
  printf 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000:node:/home/node:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnode:x:1000:node\nnobody:x:65534:\n' >"$root/etc/group"
  chown 1000:1000 "$root/home/node"
  # npm reaches its registry through a TLS-intercepting proxy on these machines: trust the host's CAs.
  printf 'cafile=/etc/ssl/certs/ca-certificates.crt\n' >"$root/usr/local/etc/npmrc"
  # The official entrypoint: a flag, or anything that is not a command, is node's.
  printf '#!/bin/sh\nif [ "${1#-}" != "${1:-}" ] || ! command -v "${1:-}" >/dev/null 2>&1; then set -- node "$@"; fi\nexec "$@"\n' \
    >"$root/usr/local/bin/docker-entrypoint.sh"
  chmod 755 "$root/usr/local/bin/docker-entrypoint.sh"
  cat >"$work/node/Dockerfile" <<DF
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin NODE_VERSION=$("$node_bin" -p process.versions.node)
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
DF
  docker build -q -t "node:$NODE_TAG" "$work/node" >/dev/null
fi

docker run --rm "nats:$NATS_TAG" --version
docker run --rm --user node "node:$NODE_TAG" sh -c 'node -p "\"node \" + process.version + \" as \" + require(\"os\").userInfo().username"'
