#!/usr/bin/env bash
# Packages a release into target/package/ (VERSION is the root Cargo.toml's):
#
#   msstd-check-page-VERSION.tar.gz         the built page (dist/) under msstd-check-page-VERSION/,
#                                           with SHA256SUMS of every file in it and HOSTING.md
#   msstd-check-page-VERSION.tar.gz.sha256
#   msstd-relay-VERSION-TRIPLE              the release binary with the page built in, for this
#   msstd-relay-VERSION-TRIPLE.sha256       machine's target triple
#
# The tarball is reproducible: names sorted, owner and group 0, every mtime SOURCE_DATE_EPOCH
# (else the last commit's time), gzip without a timestamp.
#
# Usage: bash scripts/package.sh [--no-build] [--page-only] [--out DIR]
#   --no-build   package dist/ as it is (default: bash scripts/build-page.sh first)
#   --page-only  the tarball only, no relay binary
#   --out DIR    write into DIR instead of target/package
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
relay=1
out=target/package
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) build=0 ;;
    --page-only) relay=0 ;;
    --out)
      out=${2:?--out needs a folder}
      shift
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "package.sh: unknown option $1 (--help lists them)" >&2
      exit 2
      ;;
  esac
  shift
done

# The [package] section's version, not a dependency's.
version=$(awk '/^\[/ { section = $0 } section == "[package]" && /^version *=/ { gsub(/^version *= *"|".*$/, ""); print; exit }' Cargo.toml)
[ -n "$version" ] || { echo "package.sh: no version in Cargo.toml's [package]" >&2; exit 1; }

if [ "$build" = 1 ]; then
  bash scripts/build-page.sh
fi
[ -f dist/index.html ] || { echo "package.sh: no dist/index.html: run scripts/build-page.sh first" >&2; exit 2; }

# The Content-Security-Policy the page carries, as index.html writes it (the built copy is minified,
# but the value is the same; checked below).
csp=$(sed -n 's/.*http-equiv="Content-Security-Policy" content="\([^"]*\)".*/\1/p' index.html)
[ -n "$csp" ] || { echo "package.sh: no Content-Security-Policy in index.html" >&2; exit 1; }
grep -qF "$csp" dist/index.html || { echo "package.sh: dist/index.html does not carry index.html's Content-Security-Policy: rebuild it" >&2; exit 1; }

mkdir -p "$out"
name="msstd-check-page-$version"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp -R dist/. "$stage/$name/"

cat > "$stage/$name/HOSTING.md" << EOF
# Hosting msstd-check $version

This folder is the whole page: static files and no server code. Copy its content to any web
server or static host (GitHub Pages, nginx, Apache, Caddy, IIS, an S3 bucket, ...). Check it
first: \`sha256sum --check SHA256SUMS\` in this folder.

- **Any path.** Every URL the page uses is relative, so it works at the root of a site or under a
  sub-path, such as a GitHub project page \`https://OWNER.github.io/msstd-check/\`.
- **\`.wasm\` as \`application/wasm\`.** Browsers refuse to compile the engine when its module
  comes with another type. Most servers know it; where yours does not, add it (nginx:
  \`types { application/wasm wasm; }\`; IIS: \`<mimeMap fileExtension=".wasm" mimeType="application/wasm" />\`).
  Also \`.js\` as \`text/javascript\`, \`.webmanifest\` as \`application/manifest+json\`, \`.svg\`
  as \`image/svg+xml\`.
- **Content-Security-Policy.** The page carries its own, in a \`<meta http-equiv>\` of
  \`index.html\`:

      $csp

  It needs nothing looser. A host that sends a Content-Security-Policy header of its own must
  allow at least this (both apply): the engine needs \`script-src 'self' 'wasm-unsafe-eval'\`,
  \`connect-src 'self'\` and \`worker-src 'self'\`. Headers a meta element cannot set, such as
  \`frame-ancestors 'none'\`, may be added.
- **https, or localhost.** Signatures are verified by the browser's WebCrypto, which browsers
  offer only to pages served over \`https://\` or from \`localhost\` / \`127.0.0.1\`. Served over
  plain http from another name the page still checks names and chains, and its report says the
  signatures were not verified (\`SIG_UNSUPPORTED\`); it then does not work offline either.
- **Offline.** After the first visit a service worker (\`sw.js\`) keeps the page and both root
  stores: it keeps working without a network. Serve \`index.html\`, \`sw.js\` and the unhashed
  files with \`Cache-Control: no-cache\` so an update shows at the next visit; names with a content
  hash (\`msstd-check-web-HASH.js\`, \`style-HASH.css\`, ...) may be cached for a year.
- **Nothing leaves the page's origin.** No CDN, font, analytics or other site is contacted
  (\`connect-src 'self'\` enforces it); certificates, passwords and principal names stay in the
  browser.
- **\`api/v1/health\`** says \`{"service":"none"}\`: no msstd-relay behind this host, so the page
  hides its live-server controls without a failed request. Serve it as it is. (Fetching a live
  server's chain needs \`msstd-relay serve\`, which serves this same page with its API.)
- **\`.br\` and \`.gz\`** beside a file are its Brotli and gzip copies, for servers that send
  precompressed files (nginx \`gzip_static\` / \`brotli_static\`, Caddy \`precompressed\`);
  other hosts may leave them out.
EOF

# Every file of the folder but SHA256SUMS itself, in sorted order.
(cd "$stage/$name" && find . -type f ! -name SHA256SUMS -printf '%P\0' | LC_ALL=C sort -z | xargs -0 sha256sum > SHA256SUMS)

epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2> /dev/null || echo 0)}
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --mode='u+rwX,go+rX,go-w' \
  --format=gnu -C "$stage" -cf - "$name" | gzip -9n > "$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "== wrote $out/$name.tar.gz ($(wc -c < "$out/$name.tar.gz") B) and its .sha256"

if [ "$relay" = 1 ]; then
  echo "== cargo build --release --locked -p msstd-relay (the page in dist/ built in)"
  MSSTD_PAGE_DIR=dist cargo build --release --locked -p msstd-relay
  triple=$(rustc -vV | sed -n 's/^host: //p')
  exe=
  case $triple in *-windows-*) exe=.exe ;; esac
  binary="msstd-relay-$version-$triple$exe"
  cp "${CARGO_TARGET_DIR:-target}/release/msstd-relay$exe" "$out/$binary"
  (cd "$out" && sha256sum "$binary" > "$binary.sha256")
  echo "== wrote $out/$binary ($(wc -c < "$out/$binary") B) and its .sha256"
fi
