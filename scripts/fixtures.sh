#!/usr/bin/env bash
# Lays out the fixtures the tests read beside this repository (../shared/fixtures: badssl/ and
# limbo/limbo.json) from checkouts of the two public repositories they come from, at pinned
# commits, and checks the SHA-256 of every file against the copy the tests were written
# against. CI runs it (.github/workflows/ci.yml, which makes the checkouts); by hand, clone
# C2SP/x509-limbo and chromium/badssl.com, check out the commits below in each, then:
#
#   bash scripts/fixtures.sh X509_LIMBO_CHECKOUT BADSSL_CHECKOUT [DEST]   (DEST: ../shared/fixtures)
#   bash scripts/fixtures.sh --check DIR      (only compare an existing folder with the sums)
#
# badssl/: certs/sets/prod/pregen/chain/ and certs/src/crt/ of chromium/badssl.com unchanged,
# subfolders flattened into the name (old/x.pem -> old-x.pem) and the roots prefixed root-.
# limbo/limbo.json: the suite's committed limbo.json without its bettertls:: cases (the 208 others,
# in the suite's order), written back by Python's json module with indent=1.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

LIMBO_COMMIT=8a2e6f41023b1716dc16fe63335e4bb972e4c3f6   # C2SP/x509-limbo, 2026-06-29
BADSSL_COMMIT=6e53ae0859e678724d54eb4f64f839174c9b82e3  # chromium/badssl.com, 2026-04-17

# sha256sum of each file, as in the folder the tests were written against (README.md files aside).
SUMS=$(cat <<'SUMS'
bce3869b9c63a8747b5f015eb97426f44534fc7fef88560341fb80bf89038196  badssl/backup-wildcard-sha256-rsa2048-embeded-sct.crt
7d3c2a4aca7c67dddb3969047d2fb39789924661fbaae815c2d8ba127255a213  badssl/fallback.pem
da6b50457f6ffca0000cec4f2c442729c89ec60707125bcb9311a400c514dfb6  badssl/old-subdomain-sha384.pem
4897156a807b8d4f3077067d1d422c072b9247504481272eefea87666a7e1f02  badssl/old-subdomain-sha512.pem
97d3d8a3f0023bd70c3f5191d15a35a9d1a4ab7dd4d291e252f1910643a97330  badssl/old-wildcard-incomplete-chain.pem
4d3bb8a7da0aef8f8039bc26d025f273b5ecebcdb1325544f099af2e9eedde6a  badssl/old-wildcard-main-old.pem
d6446ffa5d2b78221f83f3bb96926fbe121143914ec9562f649a58512f25ccb6  badssl/root-ca-dsdtestprovider.crt
00067f4aefcfe92ff494ded694c5c6983a5c76d62741b522c7f545317e1e97b9  badssl/root-ca-edellroot.crt
5845cd8626d17b3494c5115ae64c9983ffad59530041f95b24fa2b818d419307  badssl/root-ca-mitm-software.crt
ff5dd36376c9229d57f01bc341fb7ef7584673dfd14d2ace3f902aba61775404  badssl/root-ca-preact-cli.crt
247e12a507df1b1205d34a34b1d1568fdf982b5a106e4b6546c974615b8c6989  badssl/root-ca-superfish.crt
cd08830843a679c2500e4a6ae3f42d4b8298d4a61b13f3e5c449b5ae3f62cd5f  badssl/root-ca-webpack-dev-server.crt
e63e0f6ed0518a75dd5f3ebce906a26b253b104ff107e52c36aa11cd4b649417  badssl/subdomain-1000-sans.pem
06528e5fb8fd5514bffda23e4e6b310992a951685d6f8224468df96436f1524a  badssl/subdomain-10000-sans.pem
18532b31ca032f28daf192ecfa0f2f690d9ef9b5305fc25a89b60c221cac27e4  badssl/subdomain-captive-portal.pem
bb030b63bad5dcd519ae41b7a62b7a940f85588f2d97d687de3c2481a65da467  badssl/subdomain-dsdtestprovider.pem
6dbbc38141544b0b358f511173f2fa2e0b9e4eff9e7cb9428de7e0aa1df7d7b0  badssl/subdomain-edellroot.pem
45ea7a21cabd16c8eadaa7523f8572afa67acf2e3490183af328eb02f3c9c8ff  badssl/subdomain-extended-validation.pem
8b3fc1caa83546c8d083dd798fdc0302e5d24f02ac891eaf77aef51f57e12c9a  badssl/subdomain-invalid-expected-sct.pem
d0b9c97d596c226eef17b60bf9f547e74b089f89e857aeb7e59f513a2f388163  badssl/subdomain-no-common-name.pem
6434af6b763824555180569933934aea16f89d7dbea7979c5046d7781e0b56ef  badssl/subdomain-no-sct.pem
9e7d1796199a8ba951b9546209307e10b827f487b230c6fe4461b537432f5f6b  badssl/subdomain-no-subject.pem
4fae675fdbf25db493810133fcc317a7f4f7cc7f972e0174a0c9b4cdb6923681  badssl/subdomain-preloaded-expect-ct.pem
11116758fe521744c9ac78935c5ec380132d11fffcc5442b8baa2cdabf0bb085  badssl/subdomain-revoked.pem
9269c7d678af5a6eaace9a749c738c3b3880faaa880c7653779b0ca516adf1b4  badssl/subdomain-superfish.pem
aae739e980544db13b8500ec97428ce5d921fda555b812b57edf4cc7728899da  badssl/subdomain-xn--n1aae7f7o.pem
c23d8cb89197797fcc8d9446710cadd59063afd61ef5b4c8b9af21b4fa04f43d  badssl/wildcard-ecc256.pem
fcf15847e9b374e9695e183c1fb48bfc0d85af9d669d39a212fead5c9f87c996  badssl/wildcard-ecc384.pem
c194779d77a90a4ad104d049cffd7a05656326c3cb2ddeb6fce7103082d67156  badssl/wildcard-expired.pem
242c890ce065d48dbd1e788d452f36e07020d7ff847609d7dfc0018d970a7f5b  badssl/wildcard-incomplete-chain.pem
4fae675fdbf25db493810133fcc317a7f4f7cc7f972e0174a0c9b4cdb6923681  badssl/wildcard-preloaded-expect-ct.pem
8def8ef04872d59e8105230dd8d0ce0dc8bd69dd81a8f17c48d57e28b620205a  badssl/wildcard-rsa2048.pem
dd2674befd8b98ff57177bf3486db4be241a31d7417d5b83a1b4abfc53df2b34  badssl/wildcard-rsa4096.pem
4208ec7786fb2e6a4da8bc36cf0b587d673987b58b91fc359a173e65d5de899f  badssl/wildcard-rsa8192.pem
990c242d02a15d5a384d2625b4c1942e861ba5f18eaebd58116b85fbb5b49096  badssl/wildcard-self-signed.pem
ce85a67aed08721b92498c69adbe4be8cda050028927619aa96d3abee510e1e1  badssl/wildcard-sha1-2016.pem
4e7e2521334f60906a8a70f37088130097aec9c5a44441d840d73f59735fffe4  badssl/wildcard-sha1-2017.pem
8e6dcd14a3aeca612d9e0796e2abb0465ef4e51ed0bab01b2683222245116f2d  badssl/wildcard-sha1-intermediate.pem
887661d1fe9986ea0067c62383723f6d547413c142c3770b7c9296075be8df15  badssl/wildcard-sha384.pem
5ce2e2f1aacc17115903bfe2623d99494754203cd3cc8fd68d2087a70ecc5580  badssl/wildcard-sha512.pem
fd71aa9dde48e3ce784c314d9ada234e1cd9a708ce57e05e28c2476129407276  limbo/limbo.json
SUMS
)

fail() { printf 'fixtures: %s\n' "$*" >&2; exit 1; }

# Compares DIR with SUMS: every file present with its sum, and no other file but README.md ones.
check() {
  local dir=$1 expected found
  (cd "$dir" && sha256sum --check --strict --quiet <<< "$SUMS") || fail "$dir: a file differs from the pinned copy (above)"
  expected=$(wc -l <<< "$SUMS")
  found=$(find "$dir" -type f ! -name '*.md' | wc -l)
  [ "$found" -eq "$expected" ] || fail "$dir: $found files where $expected were expected"
  printf 'fixtures: %s: all %s files match their SHA-256\n' "$dir" "$expected"
}

# Fails unless the git checkout DIR is at COMMIT.
at_commit() {
  local dir=$1 commit=$2 head
  head=$(git -c safe.directory="$(cd "$dir" && pwd)" -C "$dir" rev-parse HEAD 2> /dev/null) \
    || fail "$dir: not a git checkout"
  [ "$head" = "$commit" ] || fail "$dir: at $head, not at the pinned $commit"
}

if [ "${1:-}" = --check ]; then
  [ $# -eq 2 ] || fail "usage: $0 --check DIR"
  check "$2"
  exit 0
fi
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  fail "usage: $0 X509_LIMBO_CHECKOUT BADSSL_CHECKOUT [DEST] | --check DIR"
fi
limbo=$1
badssl=$2
dest=${3:-$repo/../shared/fixtures}
at_commit "$limbo" "$LIMBO_COMMIT"
at_commit "$badssl" "$BADSSL_COMMIT"
if [ -e "$dest" ] && [ -n "$(ls -A "$dest")" ]; then
  fail "$dest exists and is not empty: remove it first"
fi

# Written to a folder beside DEST, then moved into place once every sum matched.
mkdir -p "$(dirname "$dest")"
work=$(mktemp -d "$(dirname "$dest")/.fixtures.XXXXXX")
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
mkdir "$work/badssl" "$work/limbo"

chain="$badssl/certs/sets/prod/pregen/chain"
if [ ! -d "$chain" ] || [ ! -d "$badssl/certs/src/crt" ]; then
  fail "$badssl: no certs/sets/prod/pregen/chain or certs/src/crt"
fi
while IFS= read -r -d '' file; do
  relative=${file#"$chain"/}
  cp "$file" "$work/badssl/${relative//\//-}"
done < <(find "$chain" -type f -print0)
for file in "$badssl"/certs/src/crt/*.crt; do
  cp "$file" "$work/badssl/root-$(basename "$file")"
done

[ -f "$limbo/limbo.json" ] || fail "$limbo: no limbo.json"
python3 - "$limbo/limbo.json" "$work/limbo/limbo.json" <<'PY'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    suite = json.load(f)
suite["testcases"] = [t for t in suite["testcases"] if not t["id"].startswith("bettertls::")]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(suite, f, indent=1)
PY

check "$work"
rm -rf "$dest"
mv "$work" "$dest"
trap - EXIT
printf 'fixtures: laid out in %s\n' "$dest"
