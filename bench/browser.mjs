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
// module finished downloading and DOMContentLoaded beside it, and when the verdicts per client
// were shown (the root index and the root files the chain needs fetched, src/trust/by_need.rs).
//
// Then the shared link as a user feels it, served gzipped (serve.mjs `gzip`: the `.gz` copies of
// scripts/precompress.mjs, as GitHub Pages sends gzip and never Brotli), on loopback and under
// Chromium's network emulation (40 ms latency, 10 Mbit/s each way), 7 fresh contexts each,
// interleaved: the first verdict, the whole answer (every client row final and the msstd line
// shown, below), and the bytes received until then, counted by the DevTools protocol: the
// encodedDataLength of Network.loadingFinished (headers and gzipped body) of every response
// finished by that moment, and how many. BENCH_REQUESTS=1 lists the first loopback run's
// requests.
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
  await page.waitForSelector('body[data-trust="ready"]');
  const result = await page.evaluate(async (pem) => {
    const script = document.querySelector('script[data-bindings]');
    const module = await import(new URL(script.dataset.bindings, document.baseURI).href);
    // Both whole root stores (the page's offline fallback): every root a path may end at is
    // there, as with the files a chain needs loaded, and the search sees all of them.
    for (const kind of ['mozilla', 'microsoft']) module.loadTrust(kind, await (await fetch(`${kind}-roots.txt`)).text());
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

  // The whole answer. The page sets `body[data-trust]` in boot() only after the analysis has run
  // with the root index and the root files the chain needs, and render() has drawn the client
  // rows ("for automation: the verdicts are final from here on"); "ready" (not "failed", which leaves the rows pending
  // under "trust unavailable") and, checked rather than assumed, #answer shown with an outcome
  // other than "pending", at least one row in #clients and none of them `data-outcome="pending"`,
  // and #verdict (the msstd line) carrying its verdict. All of it changes in one task, so the
  // observer sees it in one callback; timestamped there, before the next paint, like the first
  // verdict.
  const gzipSite = await serve(`${root}dist`, 0, { gzip: true });
  try {
    const gzipLink = `${gzipSite.url}${new URL(link).hash}`;
    const conditions = {
      loopback: null,
      '40 ms latency, 10 Mbit/s': { offline: false, latency: 40, downloadThroughput: 1250000, uploadThroughput: 1250000 },
    };
    const answers = Object.fromEntries(Object.keys(conditions).map((name) => [name, []]));
    for (let i = 0; i < 7; i++) {
      for (const [name, network] of Object.entries(conditions)) {
        const run = await wholeAnswer(browser, gzipLink, network);
        answers[name].push(run);
        if (i === 0 && network === null && process.env.BENCH_REQUESTS) {
          console.log(`  first loopback run: first verdict at ${run.verdict.toFixed(0)} ms, whole answer at ${run.whole.toFixed(0)} ms; its requests:`);
          for (const r of run.requests) {
            console.log(
              `  ${r.finished <= run.whole ? 'before' : 'after '} ${r.url.replace(gzipSite.url, '/')} ${r.status} ${r.encoding || 'identity'} ${r.bytes} B (${r.headers} B headers), requested at ${r.started.toFixed(0)} ms, finished at ${r.finished.toFixed(0)} ms`,
            );
          }
        }
      }
    }
    for (const [name, list] of Object.entries(answers)) {
      const middle = (key) => list.map((r) => r[key]).sort((a, b) => a - b)[list.length >> 1];
      console.log(
        `browser: shared link, ${name}: first verdict ${middle('verdict').toFixed(0)} ms, whole answer ${middle('whole').toFixed(0)} ms (${(middle('whole') / middle('verdict')).toFixed(2)}× the first verdict), ${middle('bytes')} bytes gzip in ${middle('count')} requests until then (median of ${list.length}, fresh contexts)`,
      );
    }
  } finally {
    gzipSite.server.close();
  }

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

/**
 * Opens `link` in a fresh context (no cache, no service worker) under `network` (CDP
 * Network.emulateNetworkConditions; null: loopback as it is) and returns the first verdict and
 * the whole answer (ms from navigation start) with the responses finished by the whole answer:
 * their number and encoded bytes, and every request seen.
 */
async function wholeAnswer(browser, link, network) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.addInitScript(() => {
      const whole = () => {
        const answer = document.querySelector('#answer');
        const rows = [...document.querySelectorAll('#clients > li')];
        return (
          document.body.dataset.trust === 'ready' &&
          document.querySelector('#verdict').dataset.verdict &&
          !answer.hidden &&
          answer.dataset.outcome &&
          answer.dataset.outcome !== 'pending' &&
          rows.length > 0 &&
          rows.every((row) => row.dataset.outcome && row.dataset.outcome !== 'pending')
        );
      };
      new MutationObserver((_, observer) => {
        const verdict = document.querySelector('#verdict');
        if (verdict && verdict.dataset.verdict && window.__verdictAt === undefined) window.__verdictAt = performance.now();
        if (document.body && document.body.dataset.trust && window.__wholeAt === undefined && whole()) window.__wholeAt = performance.now();
        if (document.body && document.body.dataset.trust === 'failed') window.__trustFailed = true;
        if (window.__wholeAt !== undefined) observer.disconnect();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-verdict', 'data-trust', 'data-outcome', 'hidden'], childList: true });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map();
    const request = (id) => requests.get(id) || requests.set(id, {}).get(id);
    cdp.on('Network.requestWillBeSent', (e) => Object.assign(request(e.requestId), { url: e.request.url, type: e.type, sentAt: e.timestamp }));
    cdp.on('Network.responseReceived', (e) =>
      Object.assign(request(e.requestId), {
        status: e.response.status,
        encoding: e.response.headers['content-encoding'],
        headers: e.response.encodedDataLength,
        received: e.timestamp,
        timing: e.response.timing,
      }),
    );
    cdp.on('Network.loadingFinished', (e) => Object.assign(request(e.requestId), { finishedAt: e.timestamp, bytes: e.encodedDataLength }));
    await cdp.send('Network.enable');
    if (network) await cdp.send('Network.emulateNetworkConditions', network);
    await page.goto(link);
    await page.waitForFunction(() => window.__wholeAt !== undefined || window.__trustFailed);
    const times = await page.evaluate(() => ({
      verdict: window.__verdictAt,
      whole: window.__wholeAt,
      requestStart: performance.getEntriesByType('navigation')[0].requestStart,
    }));
    if (times.whole === undefined) throw new Error('the roots failed to load: no whole answer');
    // CDP's timestamps are seconds of Chromium's monotonic clock; the page's are ms from its
    // navigation start. The document's request start, in both, ties the two (within 0.1 ms of
    // each resource's responseEnd in Resource Timing, checked by hand).
    const html = [...requests.values()].find((r) => r.type === 'Document' && r.timing);
    const origin = html.timing.requestTime * 1000 + html.timing.sendStart - times.requestStart;
    const list = [...requests.values()]
      .map((r) => ({ ...r, started: r.sentAt * 1000 - origin, finished: r.finishedAt === undefined ? Infinity : r.finishedAt * 1000 - origin }))
      .sort((a, b) => a.finished - b.finished);
    const before = list.filter((r) => r.finished <= times.whole);
    return { ...times, bytes: before.reduce((sum, r) => sum + r.bytes, 0), count: before.length, requests: list };
  } finally {
    await context.close();
  }
}
