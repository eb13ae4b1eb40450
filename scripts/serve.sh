#!/usr/bin/env bash
# The main job: builds the page and serves it, with live fetch through msstd-relay, on
# http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-page.sh
exec cargo run --release --locked -p msstd-relay -- serve --dist dist --listen "127.0.0.1:${PORT:-8080}"
