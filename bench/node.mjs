// Throughput in Node on one corpus, our WebAssembly module (the page's own build in dist/,
// called as the page calls it)
// against the JavaScript peers, all in the same run: Debian's ca-certificates roots repeated
// to about 10,000 certificates. Medians of 5 passes. Usage: node bench/node.mjs [BUNDLE]
// [--stores mozilla,microsoft] (the root stores our module is given; `--stores none` for the
// page's first verdict, before they arrive).
//
// - parse: decode and read CN, SANs and notAfter (the peers); ours is the full analysis
//   (decode, parse, chain building against the Mozilla store, every check, the report handed
//   to JavaScript as an object), so the comparison is conservative.
// - verify: self-signature verification of the 144 roots, parsing included; PKI.js and
//   @peculiar/x509 through Node's WebCrypto, Node's X509Certificate natively; ours as the page
//   does it: the module's signatureCheck export describes the check, the page's own
//   www/signatures.js verifies it with WebCrypto.
import { readFileSync, readdirSync } from 'node:fs';
import { webcrypto, X509Certificate as NodeX509 } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import 'reflect-metadata';
import * as pkijs from 'pkijs';
import forge from 'node-forge';
import * as peculiar from '@peculiar/x509';
import { verifySignature } from '../www/signatures.js';
import { DEFAULT_BUNDLE, loadCorpus, median } from './common.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const storesAt = args.indexOf('--stores');
const stores = storesAt < 0 ? ['mozilla', 'microsoft'] : args.splice(storesAt, 2)[1].split(',').filter((k) => k !== 'none');
const bundle = args[0] || DEFAULT_BUNDLE;
const RUNS = 5;
const { roots, corpus } = loadCorpus(bundle);

/** Runs `pass` over `items` RUNS times; returns the median rate per second and the failures. */
async function rate(items, pass) {
  const rates = [];
  let failures = 0;
  for (let run = 0; run < RUNS; run++) {
    failures = 0;
    const started = performance.now();
    for (const item of items) {
      try {
        if ((await pass(item)) === false) failures++;
      } catch {
        failures++;
      }
    }
    rates.push(items.length / ((performance.now() - started) / 1000));
  }
  return { rate: median(rates), failures };
}

// Ours: the module the page ships.
const dist = `${root}dist/`;
const glue = readdirSync(dist).find((f) => /^msstd-check-web-.*\.js$/.test(f));
const ours = await import(`${dist}${glue}`);
ours.initSync({ module: readFileSync(`${dist}${glue.replace(/\.js$/, '_bg.wasm')}`) });
// By default both root stores, as the page has them once its first verdict is shown: every
// analysis below builds the path twice, as the page's do from then on.
for (const kind of stores) ours.loadTrust(kind, readFileSync(`${dist}${kind}-roots.txt`, 'utf8'));
const nowMs = Date.UTC(2026, 5, 1);

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto }));
peculiar.cryptoProvider.set(webcrypto);

const cnOid = '2.5.4.3';
const parsers = {
  'msstd-check wasm (full analysis)': (der) => {
    const response = ours.analyze({ inputs: [{ name: 'root', bytes: der }], nowMs, language: 'en' });
    return response.report.certificates.length === 1;
  },
  'PKI.js 4': (der) => {
    const cert = pkijs.Certificate.fromBER(der);
    const cn = cert.subject.typesAndValues.find((tv) => tv.type === cnOid)?.value.valueBlock.value;
    const san = cert.extensions?.find((e) => e.extnID === '2.5.29.17')?.parsedValue;
    return Boolean(cert.notAfter.value) && (cn !== undefined || san !== undefined || true);
  },
  '@peculiar/x509 2': (der) => {
    const cert = new peculiar.X509Certificate(der);
    const cn = cert.subjectName.getField('CN');
    const san = cert.getExtension(peculiar.SubjectAlternativeNameExtension);
    return Boolean(cert.notAfter) && (cn || san || true);
  },
  'node-forge 1 (RSA only)': (der) => {
    const cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary'))));
    const cn = cert.subject.getField('CN');
    const san = cert.getExtension('subjectAltName');
    return Boolean(cert.validity.notAfter) && (cn || san || true);
  },
  'Node X509Certificate (native)': (der) => {
    const cert = new NodeX509(der);
    return Boolean(cert.validTo) && (cert.subject || cert.subjectAltName || true);
  },
};

const verifiers = {
  'msstd-check wasm + WebCrypto': async (der) => {
    const check = ours.signatureCheck(der, der);
    return (check.outcome ?? (await verifySignature(check.pending))) === 'valid';
  },
  'PKI.js 4 + WebCrypto': async (der) => pkijs.Certificate.fromBER(der).verify(),
  '@peculiar/x509 2 + WebCrypto': async (der) => new peculiar.X509Certificate(der).verify({ signatureOnly: true }),
  'Node X509Certificate (native)': (der) => {
    const cert = new NodeX509(der);
    return cert.verify(cert.publicKey);
  },
};

console.log(`corpus: ${roots.length} roots from ${bundle}, x${corpus.length / roots.length} = ${corpus.length} certificates; Node ${process.version}`);
const results = { parse: {}, verify: {} };
for (const [name, pass] of Object.entries(parsers)) {
  results.parse[name] = await rate(corpus, pass);
  console.log(`parse   ${name.padEnd(36)} ${results.parse[name].rate.toFixed(0).padStart(8)} certificates/s  (${results.parse[name].failures} of ${corpus.length} failed)`);
}
for (const [name, pass] of Object.entries(verifiers)) {
  results.verify[name] = await rate(roots, pass);
  console.log(`verify  ${name.padEnd(36)} ${results.verify[name].rate.toFixed(0).padStart(8)} roots/s         (${results.verify[name].failures} of ${roots.length} failed)`);
}
// The floor of any hand-over: JavaScript alone making the same response objects from their JSON
// text (JSON.parse, V8's fastest way to build an object graph), with no analysis at all.
const responses = roots.map((der) => JSON.stringify(ours.analyze({ inputs: [{ name: 'root', bytes: der }], nowMs, language: 'en' })));
const indices = corpus.map((_, i) => i % responses.length);
results.floor = await rate(indices, (i) => JSON.parse(responses[i]) !== null);
const meanBytes = responses.reduce((sum, text) => sum + text.length, 0) / responses.length;
console.log(`floor   ${'JSON.parse of our responses alone'.padEnd(36)} ${results.floor.rate.toFixed(0).padStart(8)} responses/s     (${meanBytes.toFixed(0)} bytes of JSON each)`);
const forgeRate = results.parse['node-forge 1 (RSA only)'].rate;
console.log(`ratio: our full analysis / node-forge parse-only = ${(results.parse['msstd-check wasm (full analysis)'].rate / forgeRate).toFixed(2)}`);
