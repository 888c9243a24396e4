#!/usr/bin/env bash
# Set up everything site-builder needs in this checkout; safe to run again (it skips what is done).
#
#   bash scripts/setup.sh          everything: the package with its test tools, Chromium, hugo,
#                                  Java, axe-core and the Nu HTML Checker
#   bash scripts/setup.sh --serve  only what `site-builder serve` needs: .venv with the package
#                                  and its search extra
#
# Installs: system packages with apt-get (Debian; needs root or sudo), a virtualenv in .venv/,
# npm tools in .tools/. Nothing is installed outside the checkout except the apt packages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=all
case "${1:-}" in
  "") ;;
  --serve) mode=serve ;;
  *) echo "usage: bash scripts/setup.sh [--serve]" >&2; exit 2 ;;
esac

PYTHON=${PYTHON:-python3}
say() { echo "setup: $*"; }

apt_install() {
  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root (or sudo) to apt-get install $*" >&2; exit 1; }
    runner=(sudo)
  fi
  say "apt-get install $*"
  export DEBIAN_FRONTEND=noninteractive
  "${runner[@]}" apt-get update -qq
  "${runner[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- system packages ------------------------------------------------------------------------
missing=()
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
if [ "$mode" = all ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)   # browser tests (axe, live reload)
  command -v hugo >/dev/null || missing+=(hugo)     # the benchmark's reference point
  command -v java >/dev/null || missing+=(default-jre-headless)  # Nu HTML Checker
  command -v npm >/dev/null || missing+=(nodejs npm)              # axe-core, vnu-jar
fi
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "setup: site-builder needs Python 3.11 or newer ($PYTHON is older)" >&2; exit 1; }

# --- Python: .venv with the package (editable, so edits to the code need no reinstall) -------
[ -x .venv/bin/python ] || { say "creating .venv"; "$PYTHON" -m venv .venv; }
extras=""
[ "$mode" = all ] && extras="[test]"
# Reinstall only when pyproject.toml changed since the last install of these extras.
stamp=".venv/.site-builder-installed"
[ "$mode" = all ] && stamp=".venv/.site-builder-installed-test"
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ] \
   && [ "$(cat .venv/.site-builder-installed-test 2>/dev/null)" != "$wanted" ]; then
  say "pip install -e .${extras}"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}"
  echo "$wanted" > "$stamp"
fi

# --- npm tools in .tools/: axe-core (accessibility rules) and the Nu HTML Checker -----------
if [ "$mode" = all ]; then
  if [ ! -f .tools/node_modules/axe-core/axe.min.js ] \
     || [ ! -f .tools/node_modules/vnu-jar/build/dist/vnu.jar ]; then
    say "npm install axe-core vnu-jar into .tools/"
    mkdir -p .tools
    # --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime.
    npm install --prefix .tools --ignore-scripts --no-audit --no-fund --loglevel=error \
      axe-core@4 vnu-jar >/dev/null
  fi
fi
say "ready"
