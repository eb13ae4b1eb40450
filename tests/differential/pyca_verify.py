"""Verifies generated scenarios with pyca/cryptography's X.509 verifier (a WebPKI / CA/Browser
Forum profile implementation independent of msstd-check), for tests/differential.rs.

Input (argv[1]): a JSON list of {"id", "leaf", "intermediates", "root", "host", "time"} with
file paths to PEM files and the validation time in seconds since the epoch.
Output (stdout): a JSON object {id: {"accept": bool, "error": str|null}}.
"""

import datetime
import ipaddress
import json
import sys

from cryptography import x509
from cryptography.x509 import DNSName, IPAddress
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError


def load(path):
    with open(path, "rb") as f:
        return x509.load_pem_x509_certificates(f.read())


def subject(host):
    try:
        return IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return DNSName(host)


def verify(case):
    try:
        leaf = load(case["leaf"])[0]
        intermediates = [c for path in case["intermediates"] for c in load(path)]
        store = Store(load(case["root"]))
        when = datetime.datetime.fromtimestamp(case["time"], tz=datetime.timezone.utc)
        verifier = PolicyBuilder().store(store).time(when).build_server_verifier(subject(case["host"]))
        verifier.verify(leaf, intermediates)
        return {"accept": True, "error": None}
    except (VerificationError, ValueError) as error:
        return {"accept": False, "error": str(error)}


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    json.dump({case["id"]: verify(case) for case in cases}, sys.stdout)


if __name__ == "__main__":
    main()
