#!/usr/bin/env bash
# Adds Debian trixie as an apt source pinned below Debian 12's own (priority 100), so that only
# packages asked for as pkg/trixie (or `apt-get download -t trixie`) come from it. Idempotent; root.
set -euo pipefail
if ! grep -rqs 'Suites: trixie' /etc/apt/sources.list.d/; then
  cat >/etc/apt/sources.list.d/natsgh-trixie.sources <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' >/etc/apt/preferences.d/natsgh-trixie-low
  apt-get update -qq
elif ! apt-cache policy 2>/dev/null | grep -q 'n=trixie'; then
  apt-get update -qq
fi
