// Time to analyse a pasted four-certificate chain in headless Chromium, with the module and the
// calls the page itself makes, results handed to JavaScript as objects included: the analysis,
// WebCrypto verifying the signatures it leaves pending (www/signatures.js), the analysis again.
// A fresh set of outcomes each run, so every run verifies every signature (the page remembers
// them between keystrokes). Median of 200 runs after 20 warm-up runs.
//
// Then the time to the first verdict from a shared link (`#v1=...` with the same chain, its
// principal and host) in a fresh browser profile served on loopback: from navigation start to
// the moment `#verdict` carries a verdict, timestamped inside the page; median of 7 (each in a
// new context: nothing cached, no service worker), with when the HTML arrived, when the
// module finished downloading and DOMContentLoaded beside it, and when Microsoft's
// and Mozilla's root stores (fetched after the first verdict) had loaded and the verdicts per
// client were shown.
//
// Then the time for a fresh instance of the module to read both root stores (`loadTrust`),
// median of 7 instances.
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
  // Both root stores loaded, as every analysis after the first verdict runs.
  await page.waitForSelector('body[data-trust="ready"]');
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
      const response = await analyzeVerified(module.analyze, request, new Map(), module.maxRounds());
      const elapsed = performance.now() - started;
      certificates = response.report.certificates.length;
      unverified = response.report.findings.filter((f) => f.code.startsWith('SIG_')).length;
      if (i >= 20) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    return { median: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)], certificates, unverified };
  }, chain);
  console.log(
    `browser: ${result.certificates}-certificate chain analysed (both root stores loaded) and its signatures verified in ${result.median.toFixed(2)} ms median, ${result.p90.toFixed(2)} ms p90, ${result.unverified} signature findings (Chromium ${browser.version()})`,
  );

  // The shared link, made by the page itself.
  await page.fill('#paste', chain);
  await page.fill('#msstd', 'msstd:mail.fabrikam.com');
  await page.fill('#host', 'mail.fabrikam.com');
  await page.waitForFunction(() => document.querySelector('#verdict').dataset.verdict);
  await page.click('#share');
  await page.waitForFunction(() => location.hash.startsWith('#v1='));
  const link = page.url();
  const runs = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const verdict = document.querySelector('#verdict');
        if (verdict && verdict.dataset.verdict && window.__verdictAt === undefined) window.__verdictAt = performance.now();
        if (document.body && document.body.dataset.trust && window.__trustAt === undefined) window.__trustAt = performance.now();
        if (window.__verdictAt !== undefined && window.__trustAt !== undefined) observer.disconnect();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-verdict', 'data-trust'], childList: true });
    });
    const fresh = await context.newPage();
    await fresh.goto(link);
    await fresh.waitForFunction(() => window.__verdictAt !== undefined && window.__trustAt !== undefined);
    runs.push(
      await fresh.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0];
        const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
        return {
          verdict: window.__verdictAt,
          windows: window.__trustAt,
          html: navigation.responseEnd,
          wasm: wasm ? wasm.responseEnd : NaN,
          dom: navigation.domContentLoadedEventEnd,
        };
      }),
    );
    await context.close();
  }
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[runs.length >> 1];
  console.log(
    `browser: shared link to first verdict ${median('verdict').toFixed(0)} ms median of ${runs.length} (HTML at ${median('html').toFixed(0)} ms, WebAssembly downloaded at ${median('wasm').toFixed(0)} ms, DOMContentLoaded at ${median('dom').toFixed(0)} ms; verdicts per client shown at ${median('windows').toFixed(0)} ms; fresh profile, loopback)`,
  );

  const loads = await page.evaluate(async () => {
    const script = document.querySelector('script[data-bindings]');
    const texts = {};
    for (const kind of ['mozilla', 'microsoft']) texts[kind] = await (await fetch(`${kind}-roots.txt`)).text();
    const times = [];
    const roots = {};
    for (let i = 0; i < 7; i++) {
      const url = new URL(script.dataset.bindings, document.baseURI);
      url.searchParams.set('instance', String(i));
      const module = await import(url.href);
      await module.default({ module_or_path: new URL(script.dataset.wasm, document.baseURI) });
      const started = performance.now();
      for (const kind of ['mozilla', 'microsoft']) roots[kind] = module.loadTrust(kind, texts[kind]);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { median: times[times.length >> 1], roots };
  });
  console.log(
    `browser: both root stores (${loads.roots.mozilla} Mozilla and ${loads.roots.microsoft} Microsoft roots) read by a fresh module instance in ${loads.median.toFixed(2)} ms median of 7`,
  );
} finally {
  await browser.close();
  site.server.close();
}
