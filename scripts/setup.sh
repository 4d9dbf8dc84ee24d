#!/usr/bin/env bash
# Installs what Silo's development and tests need on a fresh Debian 12 machine, and nothing that
# is already there: Debian's Docker engine, Podman (a second, real engine for the tests), gVisor
# (runsc), a static busybox for the test image, a registry with htpasswd (docker-registry,
# apache2-utils) for the pull tests,
# openssl for the TLS engine's test certificates,
# Chromium for the browser tests, then the npm packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(docker.io runsc busybox-static chromium openssl podman docker-registry apache2-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Electron's binary cannot be downloaded on these machines; everything below the shell runs
# under Node and Chromium. Skip npm ci when node_modules already matches the lock file.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
stamp=node_modules/.silo-lock-hash
hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
  npm ci --no-audit --no-fund
  echo "$hash" > "$stamp"
fi
echo "setup: ready"
