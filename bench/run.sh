#!/usr/bin/env bash
# Every benchmark in one run, on one corpus (Debian's ca-certificates bundle, repeated to about
# 10,000 certificates): native throughput against `openssl storeutl -text`, the WebAssembly
# module in Node against PKI.js, @peculiar/x509, node-forge and Node's X509Certificate, a
# 4-certificate chain in headless Chromium, and first-load page weight against the peers.
# Figures go in docs/performance.md. Usage: bash bench/run.sh [BUNDLE]
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:-/etc/ssl/certs/ca-certificates.crt}
bash scripts/build-page.sh > /dev/null

echo "== machine: $(nproc) cores, $(uname -m), rustc $(rustc --version | cut -d' ' -f2), node $(node --version), $(openssl version | cut -d' ' -f1-2)"
roots=$(grep -c 'BEGIN CERTIFICATE' "$bundle")
copies=$(( (10000 + roots - 1) / roots ))
big=$(mktemp)
trap 'rm -f "$big"' EXIT
for _ in $(seq "$copies"); do cat "$bundle"; done > "$big"
total=$((roots * copies))

echo "== native (cargo bench --bench throughput)"
cargo bench --quiet --locked --bench throughput -- "$bundle"

echo "== openssl storeutl -noout -text -certs (decode and print every field), median of 5"
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  openssl storeutl -noout -text -certs "$big" > /dev/null
  times+=($(( $(date +%s%N) - start )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "openssl storeutl: $total certificates, median $(( total * 1000000000 / median )) certificates/s"

echo "== WebAssembly in Node against the JavaScript peers"
node bench/node.mjs "$bundle" 2> /dev/null
echo "== headless Chromium"
node bench/browser.mjs
echo "== first-load weight"
node bench/page-weight.mjs
