#!/usr/bin/env bash
# Measures the built page (dist/): bytes and gzip -9 bytes of what the first load fetches
# (the HTML and every asset it names, service worker and manifest included) and of the second
# module loaded only when the first refuses an input (a .pfx, shell output), of the root index and files fetched by need, and of the
# whole root stores the service worker keeps for offline use. A benchmark, not a test: figures go
# in README.md and docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: run scripts/build-page.sh first" >&2; exit 2; }
first_load=(index.html sw.js manifest.webmanifest icon.svg)
# Attribute values quoted or not (trunk minifies the page).
while IFS= read -r ref; do first_load+=("${ref#./}"); done < <(grep -oE '(href|src|data-bindings|data-wasm)="?\./[^" >]+' "$dist/index.html" | sed -E 's/^[^=]+="?//' | sort -u)
# The page's words in its default language (messages-TAG.json, one file a language).
first_load+=(signatures.js messages-en.json)
on_demand=(pfx-worker.js msstd-check-pfx.js msstd-check-pfx_bg.wasm)
measure() {
  local label=$1; shift
  local raw=0 gz=0 br=0
  for f in $(printf '%s\n' "$@" | sort -u); do
    local r g b
    r=$(wc -c < "$dist/$f"); g=$(gzip -9c "$dist/$f" | wc -c)
    # What msstd-relay serve sends to a browser that accepts Brotli (scripts/precompress.mjs).
    if [ -f "$dist/$f.br" ]; then b=$(wc -c < "$dist/$f.br"); else b=$r; fi
    printf '  %-45s %9d B %9d B gzip %9d B brotli\n' "$f" "$r" "$g" "$b"
    raw=$((raw + r)); gz=$((gz + g)); br=$((br + b))
  done
  printf '%-47s %9d B %9d B gzip (%d KiB) %9d B brotli\n' "$label" "$raw" "$gz" $((gz / 1024)) "$br"
}
measure "first load" "${first_load[@]}"
measure "second module: PKCS#12, Exchange settings, requests (on demand)" "${on_demand[@]}"
measure "root index (fetched as the page starts)" roots/index.txt
# The root files a chain needs, fetched by need (src/trust/by_need.rs): how many, and how large.
files=("$dist"/roots/[0-9a-f]*.txt)
sizes=$(for f in "${files[@]}"; do gzip -9c "$f" | wc -c; done | sort -n)
printf 'root files (by need): %d files, gzip %d B median, %d B largest\n' "${#files[@]}" \
  "$(sed -n "$(( (${#files[@]} + 1) / 2 ))p" <<< "$sizes")" "$(tail -1 <<< "$sizes")"
measure "whole root stores (offline fallback, cached by the service worker)" mozilla-roots.txt microsoft-roots.txt
