#!/usr/bin/env bash
# `msstd-relay fetch --hosts` over N TLS servers on loopback (openssl s_server, one P-256
# self-signed certificate each), timed end to end for each --concurrency given.
# Usage: bash bench/hosts.sh [N [CONCURRENCY...]]   (default 100 servers, concurrency 8 and 32)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
shift || true
if [ $# -gt 0 ]; then levels=("$@"); else levels=(8 32); fi
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2> /dev/null || true; rm -rf "$tmp"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/key.pem" -out "$tmp/cert.pem" \
  -subj /CN=mail.contoso.com -addext subjectAltName=DNS:mail.contoso.com -days 30 2> /dev/null
cargo build --release --quiet --locked -p msstd-relay
base=47100
for level in "${levels[@]}"; do
  : > "$tmp/hosts.txt"
  for i in $(seq 0 $((n - 1))); do
    port=$((base + i))
    openssl s_server -www -naccept 1 -accept "127.0.0.1:$port" -cert "$tmp/cert.pem" -key "$tmp/key.pem" \
      < /dev/null > /dev/null 2>&1 &
    echo "127.0.0.1:$port" >> "$tmp/hosts.txt"
  done
  sleep 1
  started=$(date +%s%N)
  status=0
  target/release/msstd-relay fetch --hosts "$tmp/hosts.txt" --json --concurrency "$level" > "$tmp/out.jsonl" || status=$?
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
  checked=$(grep -c '"schema"' "$tmp/out.jsonl" || true)
  echo "fetch --hosts: $n servers, concurrency $level: $checked checked in $elapsed ms (exit $status)"
  wait 2> /dev/null || true
  base=$((base + n))
done
