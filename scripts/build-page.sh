#!/usr/bin/env bash
# Builds the page into dist/ with trunk, offline, using the tools scripts/setup.sh installed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# trunk runs cargo offline, so fetch the dependencies first; it rejects NO_COLOR=1.
cargo fetch --locked
unset NO_COLOR
echo "== trunk build --release"
PATH="$PWD/node_modules/.bin:$PATH" trunk build --release
