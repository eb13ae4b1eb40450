// Compares builds of the page's module (made by bench/build-module.sh) side by side: the full
// analysis of the benchmark corpus as bench/node.mjs runs it, the builds' passes interleaved so
// that the machine's drift falls on all of them alike. Medians of 7 passes after a warm-up, and
// each build's rate against the first. Usage: node bench/compare.mjs DIR [DIR ...] [BUNDLE]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_BUNDLE, loadCorpus, median } from './common.mjs';

const args = process.argv.slice(2);
const bundle = args.find((a) => a.endsWith('.crt') || a.endsWith('.pem')) || DEFAULT_BUNDLE;
const dirs = args.filter((a) => a !== bundle).map((d) => resolve(d));
if (dirs.length === 0 || dirs.some((d) => !existsSync(`${d}/module.js`))) {
  console.error('usage: node bench/compare.mjs DIR [DIR ...] [BUNDLE]  (each DIR from bench/build-module.sh)');
  process.exit(2);
}
const PASSES = 7;
const { corpus } = loadCorpus(bundle);
const nowMs = Date.UTC(2026, 5, 1);

const builds = [];
for (const dir of dirs) {
  // The query keeps each build's glue a module of its own.
  const module = await import(`${dir}/module.js?${builds.length}`);
  module.initSync({ module: readFileSync(`${dir}/module_bg.wasm`) });
  // Builds since the root stores left the module get them as the page gives them (the working
  // tree's data files); older builds carry Mozilla's inside.
  if (module.loadTrust) for (const kind of ['mozilla', 'microsoft']) module.loadTrust(kind, readFileSync(new URL(`../data/${kind}-roots.txt`, import.meta.url), 'utf8'));
  builds.push({ dir, module, rates: [] });
}
// Pass 0 of each build is a warm-up (the engine tiers its code up), not counted.
for (let pass = 0; pass <= PASSES; pass++) {
  for (const build of builds) {
    const started = performance.now();
    for (const der of corpus) build.module.analyze({ inputs: [{ name: 'root', bytes: der }], nowMs, language: 'en' });
    if (pass > 0) build.rates.push(corpus.length / ((performance.now() - started) / 1000));
  }
}
const first = median(builds[0].rates);
for (const build of builds) {
  const rate = median(build.rates);
  console.log(`${build.dir.padEnd(40)} ${rate.toFixed(0).padStart(8)} certificates/s  ${(rate / first).toFixed(2)}x`);
}
