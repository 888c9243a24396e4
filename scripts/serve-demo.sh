#!/usr/bin/env bash
# Set up (idempotent) and preview the demo site: builds content/ into _site/, serves it on
# http://127.0.0.1:8000/ and rebuilds on every save. Extra arguments go to `site-builder serve`,
# e.g. `bash scripts/serve-demo.sh --port 8080`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh --serve
exec .venv/bin/site-builder serve "$@"
