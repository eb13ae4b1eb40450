// Time to analyse a pasted four-certificate chain in headless Chromium, with the module and the
// calls the page itself makes, results handed to JavaScript as objects included: the analysis,
// WebCrypto verifying the signatures it leaves pending (www/signatures.js), the analysis again.
// A fresh set of outcomes each run, so every run verifies every signature (the page remembers
// them between keystrokes). Median of 200 runs after 20 warm-up runs.
// Usage: node bench/browser.mjs (after building dist/).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const chain = readFileSync(`${root}tests/data/chain4.pem`, 'utf8');
const site = await serve(`${root}dist`);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(site.url);
  await page.waitForSelector('body[data-ready]');
  const result = await page.evaluate(async (pem) => {
    const script = document.querySelector('script[data-bindings]');
    const module = await import(new URL(script.dataset.bindings, document.baseURI).href);
    const { analyzeVerified } = await import(new URL('signatures.js', document.baseURI).href);
    const request = {
      inputs: [{ name: 'pasted', bytes: new TextEncoder().encode(pem) }],
      principal: 'msstd:mail.fabrikam.com',
      host: 'mail.fabrikam.com',
      nowMs: Date.now(),
      language: 'en',
    };
    const times = [];
    let certificates = 0;
    let unverified = 0;
    for (let i = 0; i < 220; i++) {
      const started = performance.now();
      const response = await analyzeVerified(module.analyze, request, new Map());
      const elapsed = performance.now() - started;
      certificates = response.report.certificates.length;
      unverified = response.report.findings.filter((f) => f.code.startsWith('SIG_')).length;
      if (i >= 20) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    return { median: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)], certificates, unverified };
  }, chain);
  console.log(
    `browser: ${result.certificates}-certificate chain analysed and its signatures verified in ${result.median.toFixed(2)} ms median, ${result.p90.toFixed(2)} ms p90, ${result.unverified} signature findings (Chromium ${browser.version()})`,
  );
} finally {
  await browser.close();
  site.server.close();
}
