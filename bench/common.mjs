// What bench/node.mjs and bench/compare.mjs share: the benchmark corpus (the certificates of a
// PEM bundle, Debian's ca-certificates by default, repeated to about 10,000) and medians.
import { readFileSync } from 'node:fs';

export const DEFAULT_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const TARGET = 10_000;

/** `{ roots, corpus }`: each certificate of `bundle` as DER, and the roots repeated to `TARGET`. */
export function loadCorpus(bundle = DEFAULT_BUNDLE) {
  const pems = readFileSync(bundle, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  const roots = pems.map((pem) => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
  const corpus = Array.from({ length: Math.ceil(TARGET / roots.length) * roots.length }, (_, i) => roots[i % roots.length]);
  return { roots, corpus };
}

/** The median of `values`. */
export function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
