#!/usr/bin/env bash
# The main job: builds the page and serves it on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-page.sh
exec node tests/e2e/serve.mjs dist "${PORT:-8080}"
