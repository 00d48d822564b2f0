#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Installs what Kiln needs on a Debian host: the Debian packages listed in
# scripts/debian-packages.txt and the npm dependencies. Idempotent, and quick
# when everything is already there. Works as root or as a user with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

mapfile -t wanted < <(grep -vE '^\s*(#|$)' scripts/debian-packages.txt)
missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    say "missing Debian packages: ${missing[*]}; run this script as root or install sudo"
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm dependencies, when package-lock.json changed since the last install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run build --silent # Kiln compiled to dist/, as the package ships it (a no-op when up to date)
# tap bakes its plugin list into node_modules: rebuild it when package.json's
# "tap" section (TypeScript through tsx, not ts-node) is newer than the build.
if [[ ! -f node_modules/.kiln-tap-built || package.json -nt node_modules/.kiln-tap-built ]]; then
  npx tap build >/dev/null
  touch node_modules/.kiln-tap-built
fi
