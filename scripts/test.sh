#!/usr/bin/env bash
# Set up (idempotent, quick when already done) and run the whole test suite.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k serve -x`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
