#!/usr/bin/env bash
# Installs what Kochbuch needs from Debian when run as root; otherwise names the exact command.
set -euo pipefail

packages=(pkg-config libxml2-dev libxml2-utils hunspell hunspell-de-de)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ! command -v swift >/dev/null 2>&1; then
  echo "error: Swift is not on PATH. Install Swift 6 (https://www.swift.org/install/linux/) and run this again." >&2
  exit 1
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${missing[*]} …"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "error: missing Debian packages. Run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
