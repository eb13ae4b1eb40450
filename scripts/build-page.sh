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
# trunk minifies what it builds (Trunk.toml); the page's own scripts it only copies, so esbuild
# minifies those in place (each stays an ES module with its imports; the sources are in www/).
echo "== esbuild --minify (the page's own scripts)"
for script in app.js signatures.js pfx-worker.js sw.js; do
  node_modules/.bin/esbuild "dist/$script" --minify --format=esm --log-level=warning --allow-overwrite --outfile="dist/$script"
done
# The page's words, one file per language, from the catalogues (locales/*.ftl).
echo "== the page's words (messages-TAG.json)"
cargo run --locked --quiet --example page_messages -- dist
# The roots by need: the index and a file per subject (src/trust/by_need.rs).
echo "== the roots by need (roots/)"
rm -rf dist/roots
cargo run --locked --quiet --example root_files -- dist
# Brotli and gzip copies beside each file, which msstd-relay serve sends when accepted.
echo "== precompress (Brotli, gzip)"
node scripts/precompress.mjs dist
