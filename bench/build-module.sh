#!/usr/bin/env bash
# Builds the page's main WebAssembly module from the working tree into OUT, as trunk does for
# dist/ (profile wasm-release, wasm-bindgen --target web, wasm-opt -Oz), and prints its size.
# For comparing builds side by side with bench/compare.mjs: build, change, build again.
# Usage: bash bench/build-module.sh OUT [--names]  (--names keeps function names, for profiles)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?output directory}
names=${2:-}
cargo build --quiet --locked --target wasm32-unknown-unknown --profile wasm-release -p msstd-check-web
mkdir -p "$out"
keep=()
debuginfo=()
if [ "$names" = --names ]; then keep=(--keep-debug); debuginfo=(--debuginfo); fi
wasm-bindgen --target web --out-dir "$out" --out-name module "${keep[@]}" \
  target/wasm32-unknown-unknown/wasm-release/msstd_check_web.wasm
node_modules/.bin/wasm-opt -Oz "${debuginfo[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/module_bg.wasm" -o "$out/module_bg.wasm"
echo "$out/module_bg.wasm: $(wc -c < "$out/module_bg.wasm") B, $(gzip -9c "$out/module_bg.wasm" | wc -c) B gzip"
