#!/usr/bin/env bash
# Runs one fuzz target for a while: `bash fuzz/run.sh decode|principal|analyze|reader|revocation|exchange SECONDS`
# (inputs up to 64 KiB; `MAX_LEN=BYTES` for longer ones, to reach the engine's caps).
# Seeds the corpus from tests/data and ../shared/fixtures, then runs libFuzzer through cargo fuzz
# on the stable toolchain (RUSTC_BOOTSTRAP lets it use the sanitizer flags it needs). Crashes land
# in fuzz/artifacts/TARGET/; each one found becomes a regression test in tests/robustness.rs.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?decode, principal, analyze, reader, revocation or exchange}
seconds=${2:-600}
max_len=${MAX_LEN:-65536}
command -v cargo-fuzz > /dev/null || cargo install --locked cargo-fuzz --version 0.13.2
corpus=corpus/$target
mkdir -p "$corpus"
if [ -z "$(ls -A "$corpus")" ]; then
  case $target in
    principal)
      printf '%s' 'msstd:mail.contoso.com' > "$corpus/value"
      printf '%s' 'Set-OutlookProvider EXPR -CertPrincipalName "msstd:mail.contoso.com"' > "$corpus/cmdlet"
      printf '%s' '<CertPrincipalName>msstd:mail.contoso.com</CertPrincipalName>' > "$corpus/xml"
      printf '%s\n%s' 'Name : EXPR' 'CertPrincipalName : msstd:*.contoso.com' > "$corpus/fl"
      printf '%s' 'rpcping -t ncacn_http -s exch -o RpcProxy=mail.contoso.com -P "u,d,*" -I "u,d,*" -H 2 -u 10 -a connect -F 3 -v 3 -E -R none -B msstd:mail.contoso.com' > "$corpus/rpcping"
      printf '%s' "The certificate common name mail.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:owa.contoso.com" > "$corpus/rca"
      printf '%s' "Connetti solo ai server proxy che hanno questo nome dell'entità nel certificato: msstd:mail.contoso.com." > "$corpus/italian"
      printf '%s' 'first msstd:a.contoso.com, then "MSSTD: b.contoso.com:443" and fullsic:CN=x, O=y' > "$corpus/several"
      ;;
    revocation)
      # An OCSP response (good, then revoked) and a CRL about the self-signed EXCH01 certificate,
      # signed with its key, made by OpenSSL.
      work=$(mktemp -d)
      cp ../tests/data/selfsigned-exchange.pem "$work/cert.pem"
      cp ../tests/data/rsa-2048.key "$work/cert.key"
      serial=$(openssl x509 -in "$work/cert.pem" -noout -serial | cut -d= -f2)
      printf 'V\t300101000000Z\t\t%s\tunknown\t/CN=EXCH01\n' "$serial" > "$work/good.txt"
      printf 'R\t300101000000Z\t260301000000Z,keyCompromise\t%s\tunknown\t/CN=EXCH01\n' "$serial" > "$work/revoked.txt"
      (
        cd "$work"
        openssl ocsp -issuer cert.pem -cert cert.pem -no_nonce -reqout request.der
        for state in good revoked; do
          openssl ocsp -index "$state.txt" -rsigner cert.pem -rkey cert.key -CA cert.pem -reqin request.der \
            -respout "ocsp-$state.der" -ndays 3650
        done
        printf '[ca]\ndefault_ca=x\n[x]\ndatabase=revoked.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=3650\n' > ca.cnf
        echo 01 > crlnumber
        openssl ca -config ca.cnf -gencrl -cert cert.pem -keyfile cert.key -out crl.pem
        openssl crl -in crl.pem -outform DER -out crl.der
      ) > /dev/null 2>&1 || true
      cp "$work"/ocsp-*.der "$work"/crl.der "$corpus"/ 2> /dev/null || true
      rm -rf "$work"
      ;;
    exchange)
      # The Exchange Management Shell outputs of the tests (tests/data/exchange/).
      cp ../tests/data/exchange/*.txt ../tests/data/request.csr "$corpus"/
      ;;
    reader)
      # DER certificates, one a file: what the reader reads.
      split=$(mktemp -d)
      for pem in ../tests/data/*.pem ../../shared/fixtures/badssl/*.pem ../../shared/fixtures/badssl/*.crt; do
        awk -v out="$split/$(basename "$pem")" '/-----BEGIN CERTIFICATE-----/ { n++; f = out "." n ".pem" }
          f { print > f } /-----END CERTIFICATE-----/ { f = "" }' "$pem"
      done
      for pem in "$split"/*.pem; do
        openssl x509 -in "$pem" -outform DER -out "$corpus/$(basename "$pem" .pem).der" 2> /dev/null || true
      done
      rm -rf "$split"
      ;;
    *)
      cp ../tests/data/*.pem ../tests/data/*.cer ../tests/data/*.p7b ../tests/data/*.pfx "$corpus"/
      find ../../shared/fixtures -type f \( -name '*.pem' -o -name '*.crt' \) -size -64k -exec cp {} "$corpus"/ \;
      # Text that names a certificate instead of holding one (src/input/names.rs).
      printf '%s\n' 'CertificateDomains : {mail.contoso.com, autodiscover.contoso.com,' '                     owa.contoso.com}' \
        'Services           : IIS, SMTP' 'Subject            : CN=mail.contoso.com, O=Contoso' \
        'Thumbprint         : 1845B216EFD0839A1851A957325DA336217049CB' '' 'ExternalHostname : mail.contoso.com' > "$corpus/names-fl"
      printf '%s' "The certificate common name mail.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:owa.contoso.com" > "$corpus/names-rca"
      ;;
  esac
fi
# Above the default, lengths go straight to the maximum: libFuzzer's length control otherwise
# grows them so slowly that an hour-long run stays under 48 KB.
len_control=()
if [ "$max_len" -gt 65536 ]; then len_control=(-len_control=0); fi
export RUSTC_BOOTSTRAP=1
exec cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len="$max_len" "${len_control[@]}" \
  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
