#!/usr/bin/env bash
# Regenerates the committed fixtures in this folder with OpenSSL 3 (made with 3.0.19).
# Not run by the tests or CI: the files are committed so the tests need only Rust.
# OpenSSL is an implementation independent of the Rust crates that read these files.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# RSA keys (PKCS#8) for rcgen, which cannot generate RSA keys itself.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa-1024.key
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-2048.key

# What Exchange creates on install: self-signed, CN=<server>, SHA-1, internal FQDN in the SAN.
openssl req -x509 -new -key rsa-2048.key -sha1 -subj "/CN=EXCH01" -days 1826 \
  -addext "subjectAltName=DNS:EXCH01,DNS:EXCH01.contoso.local" -out selfsigned-exchange.pem

# A small CA, an intermediate and a leaf for mail.contoso.com, for the PKCS#12 files.
openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/root.key" \
  -subj "/CN=Contoso Test Root" -days 3650 -addext "basicConstraints=critical,CA:true" -out "$tmp/root.pem"
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/int.key" \
  -subj "/CN=Contoso Test Issuing CA" -out "$tmp/int.csr"
openssl x509 -req -in "$tmp/int.csr" -CA "$tmp/root.pem" -CAkey "$tmp/root.key" -days 3000 \
  -extfile <(printf 'basicConstraints=critical,CA:true\nkeyUsage=keyCertSign,cRLSign\n') -out "$tmp/int.pem"
openssl req -new -key rsa-2048.key -subj "/CN=mail.contoso.com" -out "$tmp/leaf.csr"
openssl x509 -req -in "$tmp/leaf.csr" -CA "$tmp/int.pem" -CAkey "$tmp/int.key" -days 2000 \
  -extfile <(printf 'subjectAltName=DNS:mail.contoso.com,DNS:autodiscover.contoso.com\nextendedKeyUsage=serverAuth\n') \
  -out "$tmp/leaf.pem"
cat "$tmp/int.pem" "$tmp/root.pem" > "$tmp/chain.pem"

# Modern (PBES2/AES-256, SHA-256 MAC), legacy Windows (RC2-40 certificates, 3DES key, SHA-1 MAC),
# empty password, and one demanding 500,000 iterations.
openssl pkcs12 -export -in "$tmp/leaf.pem" -inkey rsa-2048.key -certfile "$tmp/chain.pem" \
  -passout pass:Passw0rd! -out openssl-modern.pfx
openssl pkcs12 -export -legacy -in "$tmp/leaf.pem" -inkey rsa-2048.key -certfile "$tmp/chain.pem" \
  -passout pass:Passw0rd! -out openssl-legacy.pfx
openssl pkcs12 -export -in "$tmp/leaf.pem" -inkey rsa-2048.key -passout pass: -out openssl-empty-password.pfx
openssl pkcs12 -export -in "$tmp/leaf.pem" -inkey rsa-2048.key -iter 500000 -passout pass:x -out openssl-500k-iterations.pfx

# The same chain as a PKCS#7 bag, DER and PEM, as Windows "include all certificates" exports it.
openssl crl2pkcs7 -nocrl -certfile "$tmp/leaf.pem" -certfile "$tmp/chain.pem" -outform DER -out chain.p7b
openssl crl2pkcs7 -nocrl -certfile "$tmp/leaf.pem" -certfile "$tmp/chain.pem" -out chain-pem.p7b
cp "$tmp/leaf.pem" contoso-leaf.pem
cp "$tmp/chain.pem" contoso-chain.pem
# A certificate request: a thing people export by mistake.
cp "$tmp/leaf.csr" request.csr

# RSA-PSS (SHA-256, salt 32): a root and a leaf it signs.
openssl req -x509 -new -key rsa-2048.key -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -sha256 \
  -subj "/CN=PSS Test Root" -days 3650 -addext "basicConstraints=critical,CA:true" -out pss-root.pem
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout "$tmp/pss-leaf.key" \
  -subj "/CN=pss.contoso.com" -out "$tmp/pss-leaf.csr"
openssl x509 -req -in "$tmp/pss-leaf.csr" -CA pss-root.pem -CAkey rsa-2048.key -days 2000 -sha256 \
  -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 \
  -extfile <(printf 'subjectAltName=DNS:pss.contoso.com\n') -out pss-leaf.pem

# MD5-signed (self-signed), and a subject with two Common Names.
openssl req -x509 -new -key rsa-2048.key -md5 -subj "/CN=md5.contoso.com" -days 3650 -out md5-selfsigned.pem
openssl req -x509 -new -key rsa-2048.key -sha256 -subj "/CN=mail.contoso.com/CN=legacy.contoso.com" -days 3650 \
  -addext "subjectAltName=DNS:mail.contoso.com,DNS:legacy.contoso.com" -out multiple-cn.pem

# A Common Name that is HTML: the page must show it as text.
openssl req -x509 -new -key rsa-2048.key -sha256 -subj "/CN=<img src=x onerror=alert(1)>/O=<script>alert(2)<\\/script>" \
  -days 3650 -out xss-common-name.pem
# The contoso leaf as binary DER, as a .cer file.
openssl x509 -in contoso-leaf.pem -outform DER -out contoso-leaf.cer

# A four-certificate path for the browser benchmark: root -> policy CA -> issuing CA -> leaf
# (all RSA 2048, SHA-256), written leaf first as a server sends it, root included: chain4.pem.
ca4() { # name key issuer-cert issuer-key out
  openssl req -new -key "$2" -subj "/CN=$1" -out "$tmp/$1.csr"
  openssl x509 -req -in "$tmp/$1.csr" -CA "$3" -CAkey "$4" -days 3650 -sha256 \
    -extfile <(printf 'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n') -out "$5"
}
for k in root policy issuing; do openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/$k.key" 2>/dev/null; done
openssl req -x509 -new -key "$tmp/root.key" -subj "/CN=Fabrikam Benchmark Root" -days 3650 -sha256 \
  -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$tmp/root.pem"
ca4 "Fabrikam Policy CA" "$tmp/policy.key" "$tmp/root.pem" "$tmp/root.key" "$tmp/policy.pem"
ca4 "Fabrikam Issuing CA" "$tmp/issuing.key" "$tmp/policy.pem" "$tmp/policy.key" "$tmp/issuing.pem"
openssl req -new -key rsa-2048.key -subj "/CN=mail.fabrikam.com" -out "$tmp/leaf.csr"
openssl x509 -req -in "$tmp/leaf.csr" -CA "$tmp/issuing.pem" -CAkey "$tmp/issuing.key" -days 2000 -sha256 \
  -extfile <(printf 'subjectAltName=DNS:mail.fabrikam.com,DNS:autodiscover.fabrikam.com\nextendedKeyUsage=serverAuth\nauthorityKeyIdentifier=keyid\n') \
  -out "$tmp/leaf.pem"
cat "$tmp/leaf.pem" "$tmp/issuing.pem" "$tmp/policy.pem" "$tmp/root.pem" > chain4.pem

# Two generations of an internal root, the issuing CA cross-signed by the old one and that
# cross-sign expired (the 2021 Let's Encrypt pattern): cross-sign.pem is what the server sends
# (leaf, the expired cross-sign first, the issuing CA), cross-sign-roots.pem the two roots to trust.
cross_sign() {
  for k in g1 g2 xissuing; do openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/$k.key"; done
  for g in 1 2; do
    openssl req -x509 -new -key "$tmp/g$g.key" -subj "/CN=Contoso Root G$g" -days 7300 -sha256 \
      -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$tmp/g$g.pem"
  done
  local ext='basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n'
  openssl req -new -key "$tmp/xissuing.key" -subj "/CN=Contoso Issuing CA 2" -out "$tmp/xissuing.csr"
  openssl x509 -req -in "$tmp/xissuing.csr" -CA "$tmp/g2.pem" -CAkey "$tmp/g2.key" -days 3650 -sha256 \
    -extfile <(printf "$ext") -out "$tmp/xissuing.pem"
  # `openssl ca` is the OpenSSL 3.0 command that takes past validity dates.
  mkdir -p "$tmp/db" && touch "$tmp/db/index.txt" && echo 1000 > "$tmp/db/serial"
  printf '[ca]\ndefault_ca=d\n[d]\ndatabase=%s/db/index.txt\nnew_certs_dir=%s/db\nserial=%s/db/serial\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n[ext]\n%b' \
    "$tmp" "$tmp" "$tmp" "$ext" > "$tmp/ca.cnf"
  openssl ca -batch -config "$tmp/ca.cnf" -cert "$tmp/g1.pem" -keyfile "$tmp/g1.key" -in "$tmp/xissuing.csr" \
    -startdate 20210101000000Z -enddate 20251001000000Z -extensions ext -notext -out "$tmp/xcross.pem" 2> /dev/null
  openssl req -new -key rsa-2048.key -subj "/CN=mail.contoso.com" -out "$tmp/xleaf.csr"
  openssl x509 -req -in "$tmp/xleaf.csr" -CA "$tmp/xissuing.pem" -CAkey "$tmp/xissuing.key" -days 2000 -sha256 \
    -extfile <(printf 'subjectAltName=DNS:mail.contoso.com,DNS:autodiscover.contoso.com\nextendedKeyUsage=serverAuth\nauthorityKeyIdentifier=keyid\n') \
    -out "$tmp/xleaf.pem"
  cat "$tmp/xleaf.pem" "$tmp/xcross.pem" "$tmp/xissuing.pem" > cross-sign.pem
  cat "$tmp/g1.pem" "$tmp/g2.pem" > cross-sign-roots.pem
}
cross_sign
