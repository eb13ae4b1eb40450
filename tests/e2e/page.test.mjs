// End-to-end tests of the built page (dist/) in headless Chromium, as an admin uses it.
// Run: node --test tests/e2e/ (after scripts/build-page.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const data = (name) => `${root}tests/data/${name}`;
const text = (name) => readFileSync(data(name), 'utf8');
let site;
let browser;

before(async () => {
  site = await serve(`${root}dist`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

/**
 * A fresh page that records every request and fails the test on script errors or dialogs, once
 * the root stores have loaded (`trust: false` to return before). `prepare` runs before
 * navigation (routes, the clock).
 */
async function open(url = site.url, contextOptions = {}, { trust = true, prepare } = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  if (prepare) await prepare(page);
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector(trust ? 'body[data-trust]' : 'body[data-ready]');
  return { context, page, requests, problems };
}

/** The banner: the answer and each family's outcome. */
async function answer(page) {
  return page.$eval('#answer', (box) => ({
    outcome: box.dataset.outcome,
    kind: box.className,
    text: box.querySelector('#answer-text').textContent,
    clients: Object.fromEntries([...box.querySelectorAll('[data-client]')].map((li) => [li.dataset.client, li.dataset.outcome])),
    reasons: Object.fromEntries(
      [...box.querySelectorAll('[data-client]')].map((li) => [li.dataset.client, [...li.querySelectorAll('.reasons [data-code]')].map((r) => r.dataset.code)]),
    ),
  }));
}

async function settled(page) {
  await page.waitForFunction(() => ['done', 'error', 'idle'].includes(document.querySelector('#results').dataset.state));
  await page.waitForTimeout(150);
  await page.waitForFunction(() => ['done', 'error', 'idle'].includes(document.querySelector('#results').dataset.state));
}

/** Once the service worker controls the page, the page reloaded with the network gone. */
async function reloadOffline(context, page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-trust]');
}

async function codes(page) {
  return page.$$eval('#findings [data-code]', (items) => items.map((item) => item.dataset.code));
}

test('pasted chain and msstd value: verdict, findings and the fix', async () => {
  const { context, page, problems } = await open();
  await page.fill('#paste', text('contoso-leaf.pem') + text('contoso-chain.pem'));
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH');
  const verified = await codes(page);
  assert.ok(!verified.some((code) => code.startsWith('SIG_')), `WebCrypto verified every link: ${verified}`);

  await page.fill('#msstd', 'Set-OutlookProvider EXPR -CertPrincipalName "msstd:owa.fabrikam.com"');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MISMATCH');
  assert.ok((await codes(page)).includes('MSSTD_MISMATCH'));
  assert.match(await page.textContent('#fix-cmdlet'), /Set-OutlookProvider EXPR -CertPrincipalName "msstd:mail\.contoso\.com"/);
  assert.match(await page.textContent('#msstd-understood'), /Set-OutlookProvider \(EXPR\): msstd:owa\.fabrikam\.com/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an expired cross-sign beside a valid path is passed over, in words', async () => {
  const { context, page, problems } = await open();
  await page.fill('#paste', text('cross-sign.pem'));
  await page.$eval('#trusted-details', (details) => { details.open = true; });
  await page.fill('#trusted', text('cross-sign-roots.pem'));
  await page.fill('#host', 'mail.contoso.com');
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await settled(page);
  const found = await codes(page);
  assert.ok(found.includes('CHAIN_TRUSTED'), `${found}`);
  assert.ok(found.includes('CHAIN_ALTERNATIVE'), `${found}`);
  assert.ok(!found.includes('CERT_EXPIRED') && !found.includes('CHAIN_UNRELATED'), `${found}`);
  const words = await page.textContent('#findings [data-code="CHAIN_ALTERNATIVE"]');
  assert.match(words, /Contoso Root G1/);
  assert.match(words, /does no harm/);
  // Leaf, issuing CA, and the supplied root G2 once: no second line for the anchor.
  assert.equal(await page.$$eval('#chain > li', (items) => items.length), 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an uploaded .cer is analysed', async () => {
  const { context, page } = await open();
  await page.setInputFiles('#files', data('contoso-leaf.cer'));
  await page.fill('#host', 'mail.contoso.com');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH', 'no value set: derived from the host');
  assert.ok((await codes(page)).includes('MSSTD_DERIVED'));
  assert.match(await page.textContent('#file-list'), /contoso-leaf\.cer/);
  await context.close();
});

test('a .pfx asks for its password, then opens in the PKCS#12 worker', async () => {
  const { context, page, requests } = await open();
  assert.ok(!requests.some((url) => url.includes('msstd-check-pfx')), 'the PKCS#12 module is not part of the first load');
  await page.setInputFiles('#files', data('openssl-legacy.pfx'));
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await settled(page);
  assert.equal(await page.textContent('#error'), 'INPUT_PASSWORD_REQUIRED');
  assert.equal(await page.isVisible('#password'), true);
  await page.fill('#password', 'wrong');
  await settled(page);
  assert.equal(await page.textContent('#error'), 'INPUT_WRONG_PASSWORD');
  await page.fill('#password', 'Passw0rd!');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH');
  assert.ok((await codes(page)).includes('KEY_PAIR_MATCH'));
  assert.ok(!(await codes(page)).some((code) => code.startsWith('SIG_')), 'the worker\'s signatures are verified too');
  assert.ok(requests.some((url) => url.endsWith('msstd-check-pfx_bg.wasm')));
  await context.close();
});

test('certificate fields are shown as text, never as HTML', async () => {
  const { context, page, problems } = await open();
  await page.fill('#paste', text('xss-common-name.pem'));
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await settled(page);
  await page.click('#chain summary').catch(() => {});
  assert.equal(await page.$$eval('#results img, #results script', (nodes) => nodes.length), 0);
  assert.match(await page.textContent('#chain'), /<img src=x onerror=alert\(1\)>/);
  assert.match(await page.textContent('#findings'), /<script>alert\(2\)<\/script>/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad input gets a readable error and the page stays usable', async () => {
  const { context, page } = await open();
  await page.fill('#paste', 'this is not a certificate');
  await settled(page);
  assert.equal(await page.textContent('#error'), 'INPUT_NO_CERTIFICATE');
  assert.match(await page.textContent('#verdict'), /no certificate found/);
  await page.fill('#paste', text('contoso-leaf.pem'));
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH');
  await context.close();
});

test('a file over the size cap, or one the browser cannot read, gets an error naming it', async () => {
  const { context, page, problems } = await open();
  await page.setInputFiles('#files', { name: 'backup.vhdx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(9 << 20) });
  await settled(page);
  assert.equal(await page.textContent('#error'), 'INPUT_TOO_LARGE');
  assert.match(await page.textContent('#verdict'), /backup\.vhdx: the input is 9437184 bytes/);
  await page.click('#file-list button');
  // A file that disappears between choosing and reading (or is too big for the browser's memory).
  await page.evaluate(() => {
    File.prototype.arrayBuffer = () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
  });
  await page.setInputFiles('#files', data('contoso-leaf.cer'));
  await settled(page);
  assert.equal(await page.textContent('#error'), 'FILE_UNREADABLE');
  assert.match(await page.textContent('#verdict'), /could not read the file contoso-leaf\.cer; nothing was added/);
  assert.doesNotMatch(await page.textContent('#file-list'), /contoso-leaf/);
  await page.fill('#paste', text('contoso-leaf.pem'));
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Italian words the verdict and the findings', async () => {
  const { context, page } = await open(site.url, { locale: 'it-IT' });
  assert.equal(await page.getAttribute('html', 'lang'), 'it');
  await page.fill('#paste', text('contoso-leaf.pem'));
  await page.fill('#msstd', 'msstd:owa.fabrikam.com');
  await settled(page);
  assert.match(await page.textContent('#verdict'), /impossibile stabilire un'autenticazione reciproca/);
  await page.selectOption('#language', 'en');
  await settled(page);
  assert.match(await page.textContent('#verdict'), /Mutual authentication could not be established/);
  await context.close();
});

test('the shareable link reproduces the analysis, and no request leaves the origin', async () => {
  const first = await open(site.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await first.page.fill('#paste', text('contoso-leaf.pem'));
  await first.page.fill('#msstd', 'msstd: mail.contoso.com');
  await first.page.fill('#host', 'mail.contoso.com');
  await settled(first.page);
  await first.page.click('#share');
  await first.page.waitForFunction(() => location.hash.startsWith('#v1='));
  const link = first.page.url();
  await first.context.close();

  const second = await open(link);
  await settled(second.page);
  assert.equal(await second.page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_SYNTAX');
  assert.equal(await second.page.inputValue('#host'), 'mail.contoso.com');
  const origin = new URL(site.url).origin;
  const foreign = [...first.requests, ...second.requests].filter((url) => !url.startsWith(origin) && !url.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.ok(second.requests.every((url) => !url.includes('#')), 'the fragment is never sent');
  await second.context.close();
});

test('a shared link that cannot be read says so and keeps saying it, without a script error', async () => {
  // Base64url that is no deflate stream: a link cut short or mangled by a mail client.
  const { context, page, problems } = await open(`${site.url}#v1=bm90LWEtZGVmbGF0ZS1zdHJlYW0`, {}, { trust: false });
  assert.equal(await page.textContent('#error'), 'BAD_LINK');
  assert.ok(await page.isVisible('#error'));
  assert.match(await page.textContent('#verdict-text'), /This shared link cannot be read/);
  assert.equal(await page.inputValue('#paste'), '');
  assert.doesNotMatch(await page.textContent('#verdict-text'), /fetch/i, "the detail is the decompressor's, not a network word");
  // A crafted link that inflates past the cap (17 MiB of spaces in about 17 KB) is refused as
  // it unpacks, not after.
  const bomb = deflateRawSync(Buffer.alloc(17 << 20, ' ')).toString('base64url');
  await page.goto(`${site.url}?bomb#v1=${bomb}`);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.textContent('#error'), 'BAD_LINK');
  assert.match(await page.textContent('#verdict-text'), /unpacks to more than 16 MiB/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a matching principal above a root Windows does not trust: the banner says it fails, never green', async () => {
  const { context, page, problems } = await open();
  // The contoso chain ends at its own root, sent but trusted by no store.
  await page.fill('#paste', text('contoso-leaf.pem') + text('contoso-chain.pem'));
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await page.fill('#host', 'mail.contoso.com');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH', 'data-verdict keeps its contract');
  const banner = await answer(page);
  assert.equal(banner.outcome, 'fails');
  assert.match(banner.kind, /\bbad\b/);
  assert.match(banner.text, /Will Outlook Anywhere connect\? No/);
  assert.deepEqual(banner.clients, { 'windows-outlook': 'no', 'legacy-windows-outlook': 'no', other: 'no' });
  assert.deepEqual(banner.reasons['windows-outlook'], ['UNTRUSTED_ROOT']);
  // Below the answer the msstd verdict is a line, not a second green banner.
  const verdictBox = await page.$eval('#verdict', (box) => getComputedStyle(box).borderTopWidth);
  assert.equal(verdictBox, '0px');
  // The fix that unblocks every family comes first.
  assert.equal(await page.$eval('#fix-steps li', (li) => li.dataset.code), 'UNTRUSTED_ROOT');

  // Supplied as trusted, the same chain connects everywhere: green.
  await page.$eval('#trusted-details', (details) => { details.open = true; });
  await page.fill('#trusted', text('contoso-chain.pem').split(/(?=-----BEGIN)/)[1]);
  await settled(page);
  const trusted = await answer(page);
  assert.equal(trusted.outcome, 'connects', JSON.stringify(trusted));
  assert.match(trusted.kind, /\bok\b/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the DigiCert chain on the day it was valid: Windows connects, the other clients fail', async () => {
  const pem = readFileSync(`${root}../shared/fixtures/badssl/wildcard-rsa2048.pem`, 'utf8');
  const { context, page, problems } = await open(site.url, {}, {
    prepare: (page) => page.clock.setFixedTime(new Date('2021-06-01T00:00:00Z')),
  });
  await page.fill('#paste', pem);
  await page.fill('#msstd', 'msstd:*.badssl.com');
  await page.fill('#host', 'mail.badssl.com');
  await settled(page);
  const banner = await answer(page);
  assert.equal(banner.outcome, 'partial', JSON.stringify(banner));
  assert.deepEqual(banner.clients, { 'windows-outlook': 'yes', 'legacy-windows-outlook': 'yes', other: 'no' });
  assert.deepEqual(banner.reasons.other, ['CHAIN_WINDOWS_ONLY']);
  assert.match(await page.textContent('[data-client="windows-outlook"]'), /Outlook on Windows Vista SP1 and later: connects/);
  const severities = await page.$$eval('#findings [data-severity]', (items) => items.map((i) => i.dataset.severity));
  assert.ok(!severities.includes('error'), `no error Windows would not raise: ${severities}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('roots by need: only the files a chain names are fetched, never a whole store, and offline afterwards', async () => {
  const badssl = (name) => readFileSync(`${root}../shared/fixtures/badssl/${name}`, 'utf8');
  const { context, page, requests, problems } = await open(site.url, {}, {
    prepare: (page) => page.clock.setFixedTime(new Date('2020-04-01T00:00:00Z')),
  });
  const rootFiles = () => requests.filter((url) => /\/roots\/[0-9a-f]{16}\.txt$/.test(url));
  const wholeStores = () => requests.filter((url) => /-roots\.txt$/.test(url));
  assert.equal(requests.filter((url) => url.endsWith('/roots/index.txt')).length, 1);
  assert.deepEqual(rootFiles(), [], 'no root file before a chain names one');

  // DigiCert Global Root CA: in Microsoft's program only (Mozilla removed it in 2025).
  await page.fill('#paste', badssl('wildcard-rsa2048.pem'));
  await page.fill('#msstd', 'msstd:*.badssl.com');
  await page.fill('#host', 'mail.badssl.com');
  await settled(page);
  const digicert = await answer(page);
  assert.deepEqual(digicert.clients, { 'windows-outlook': 'yes', 'legacy-windows-outlook': 'yes', other: 'no' }, JSON.stringify(digicert));
  assert.deepEqual(digicert.reasons.other, ['CHAIN_WINDOWS_ONLY']);
  const afterDigicert = rootFiles().length;
  assert.equal(afterDigicert, 1, `one file for one root: ${rootFiles()}`);

  // COMODO RSA Certification Authority: in both programs, and the AddTrust root it was
  // cross-signed by.
  await page.fill('#paste', badssl('subdomain-xn--n1aae7f7o.pem'));
  await page.fill('#msstd', 'msstd:xn--n1aae7f7o.badssl.com');
  await page.fill('#host', 'xn--n1aae7f7o.badssl.com');
  await settled(page);
  const comodo = await answer(page);
  assert.deepEqual(comodo.clients, { 'windows-outlook': 'yes', 'legacy-windows-outlook': 'no', other: 'yes' }, JSON.stringify(comodo));
  assert.ok(rootFiles().length - afterDigicert <= 2, `${rootFiles()}`);
  assert.equal(new Set(rootFiles()).size, rootFiles().length, 'no file fetched twice');
  assert.deepEqual(wholeStores(), [], 'no whole store while online');
  assert.deepEqual(problems, []);

  // Offline afterwards, with files this visit never fetched: the whole stores the service
  // worker keeps stand in.
  await reloadOffline(context, page);
  assert.equal(await page.getAttribute('body', 'data-trust'), 'ready');
  await page.fill('#paste', badssl('wildcard-sha1-intermediate.pem'));
  await page.fill('#msstd', 'msstd:*.badssl.com');
  await settled(page);
  assert.deepEqual((await answer(page)).clients, { 'windows-outlook': 'yes', 'legacy-windows-outlook': 'yes', other: 'no' });
  await context.close();
});

test('until the root index arrives only the names are judged, and no client verdict is guessed', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { context, page } = await open(site.url, {}, {
    trust: false,
    prepare: (page) => page.route('**/roots/index.txt', async (route) => { await held; await route.continue(); }),
  });
  await page.fill('#paste', text('contoso-leaf.pem') + text('contoso-chain.pem'));
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH', 'the name is judged at once');
  const pending = await answer(page);
  assert.equal(pending.outcome, 'pending');
  assert.match(pending.text, /Checking trust/);
  assert.deepEqual(pending.clients, { 'windows-outlook': 'pending', 'legacy-windows-outlook': 'pending', other: 'pending' });
  assert.ok(!(await codes(page)).includes('UNTRUSTED_ROOT'), 'no chain finding before the stores');
  release();
  await page.waitForSelector('body[data-trust="ready"]');
  await settled(page);
  assert.equal((await answer(page)).outcome, 'fails');
  assert.ok((await codes(page)).includes('UNTRUSTED_ROOT'));
  await context.close();
});

test('when the root stores cannot be loaded the page says so and judges the names only', async () => {
  const { context, page } = await open(site.url, {}, {
    prepare: (page) => page.route(/\/roots\/index\.txt$|-roots\.txt$/, (route) => route.abort()),
  });
  assert.equal(await page.getAttribute('body', 'data-trust'), 'failed');
  await page.fill('#paste', text('contoso-leaf.pem'));
  await settled(page);
  const banner = await answer(page);
  assert.equal(banner.outcome, 'pending');
  assert.match(banner.text, /could not be loaded/);
  await context.close();
});

test('a certificate named, not given: Get-ExchangeCertificate output gives the names verdicts and says what was not checked', async () => {
  const { context, page, problems } = await open();
  await page.fill('#paste', [
    'CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}',
    'Issuer             : CN=Contoso Test Issuing CA',
    'NotAfter           : 5/14/2032 2:57:40 AM',
    'Services           : IIS, SMTP',
    'Subject            : CN=mail.contoso.com',
    'Thumbprint         : 00112233445566778899AABBCCDDEEFF00112233',
  ].join('\n'));
  await page.fill('#msstd', 'The certificate common name mail.contoso.com doesn\'t validate against the mutual authentication string that was provided: msstd:owa.contoso.com');
  await page.fill('#host', 'mail.contoso.com');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MISMATCH');
  assert.match(await page.textContent('#msstd-understood'), /found in the text: msstd:owa\.contoso\.com/);
  assert.match(await page.textContent('#fix-cmdlet'), /msstd:mail\.contoso\.com/);
  const banner = await answer(page);
  assert.equal(banner.outcome, 'fails');
  assert.equal(banner.clients.other, 'uncertain');
  assert.ok((await codes(page)).includes('NAMES_ONLY'));
  assert.match(await page.textContent('#chain .named'), /00112233445566778899AABBCCDDEEFF00112233/);
  assert.equal(await page.isVisible('#export-pem'), false, 'no chain to export');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Exchange settings: a connector renewed under a new intermediate, the Auth certificate and every URL, each in its own section with the command to copy, in both languages', async () => {
  const { context, page, problems, requests } = await open();
  const secondModule = () => requests.filter((url) => url.endsWith('msstd-check-pfx_bg.wasm')).length;
  // The connector names Contoso Issuing CA 1; Get-ExchangeCertificate lists the renewal from CA 2.
  const renewed = text('exchange/get-exchangecertificate.txt').replaceAll('CN=Contoso Issuing CA 1', 'CN=Contoso Issuing CA 2');
  await page.fill('#paste', `${text('exchange/get-sendconnector.txt')}\n${renewed}`);
  await settled(page);
  const section = await page.$eval('#connectors', (list) => [...list.children].map((li) => ({
    kind: li.dataset.kind,
    severity: li.dataset.severity,
    title: li.querySelector('h4').textContent,
    codes: [...li.querySelectorAll('[data-code]')].map((f) => f.dataset.code),
    cmdlet: li.querySelector('pre')?.textContent,
  })));
  assert.equal(section.length, 1);
  assert.equal(section[0].kind, 'send');
  assert.equal(section[0].severity, 'error');
  assert.match(section[0].title, /^Send connector: Outbound to Office 365 - 5f7c2a1e/);
  assert.deepEqual(section[0].codes, ['CONNECTOR_CERTIFICATE_RENEWED']);
  assert.equal(
    section[0].cmdlet,
    "Set-SendConnector -Identity 'Outbound to Office 365 - 5f7c2a1e-29b1-4d39-8a40-ff7c0e2a8b11' -TlsCertificateName '<I>CN=Contoso Issuing CA 2, O=Contoso, C=IT<S>CN=mail.contoso.com'",
  );
  assert.ok(!(await codes(page)).some((code) => code.startsWith('CONNECTOR_')), 'not repeated among the findings');
  await page.selectOption('#language', 'it');
  await settled(page);
  assert.match(await page.textContent('#connectors h4'), /^Connettore di invio: /);
  assert.match(await page.textContent('#connectors .finding p'), /un rinnovo sotto un nuovo intermedio/);
  // The connectors alone: judged, with no Outlook banner.
  await page.selectOption('#language', 'en');
  await page.fill('#paste', text('exchange/get-receiveconnector.txt'));
  await settled(page);
  assert.equal(await page.isVisible('#answer'), false);
  assert.match(await page.textContent('#verdict-text'), /settings are judged below/);
  assert.equal(await page.$$eval('#connectors > li', (items) => items.length), 2);
  // The Auth certificate and the URLs, beside the certificates Exchange lists.
  await page.fill('#paste', [text('exchange/get-authconfig.txt'), text('exchange/get-urls.txt'), text('exchange/get-exchangecertificate.txt')].join('\n'));
  await settled(page);
  const sections = await page.$$eval('#connectors > li', (items) => items.map((li) => [li.dataset.kind, li.dataset.severity, li.querySelector('pre')?.textContent ?? null]));
  assert.deepEqual(sections.map(([kind]) => kind), ['auth', 'owa', 'ews', 'mapi', 'outlook-anywhere', 'autodiscover']);
  assert.deepEqual(sections[2], ['ews', 'error', "Get-WebServicesVirtualDirectory | Set-WebServicesVirtualDirectory -InternalUrl 'https://mail.contoso.com/EWS/Exchange.asmx'"]);
  assert.equal(sections[1][1], 'info');
  // Shell output is read by the second module (the worker's), fetched once, when it came.
  assert.equal(secondModule(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a certificate request is judged before it is bought, by the second module, fetched only then', async () => {
  const { context, page, problems, requests } = await open();
  const secondModule = () => requests.filter((url) => url.endsWith('msstd-check-pfx_bg.wasm')).length;
  await page.fill('#paste', text('contoso-chain.pem'));
  await settled(page);
  assert.equal(secondModule(), 0, 'certificates are the first module\'s');
  await page.fill('#paste', '');
  await page.setInputFiles('#files', data('request.csr'));
  await settled(page);
  assert.ok((await codes(page)).includes('REQUEST_ONLY'), JSON.stringify(await codes(page)));
  assert.equal(secondModule(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('after one visit the page works offline', async () => {
  const { context, page } = await open();
  await reloadOffline(context, page);
  // The root stores too came from the cache: the verdicts per client are given.
  assert.equal(await page.getAttribute('body', 'data-trust'), 'ready');
  await page.fill('#paste', text('contoso-leaf.pem'));
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await settled(page);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH');
  assert.notEqual((await answer(page)).outcome, 'pending');
  await context.close();
});

test('the Content-Security-Policy forbids inline script and foreign origins', async () => {
  // Read from the page as the browser parsed it (the built HTML is minified).
  const { context, page } = await open();
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (meta) => meta.content);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(await page.$$eval('script:not([src])', (scripts) => scripts.length), 0, 'no inline <script>');
  await context.close();
});

test('exports: the report as JSON and text, the corrected chain as PEM', async () => {
  const { context, page, problems } = await open(site.url, { acceptDownloads: true });
  await page.fill('#paste', text('contoso-leaf.pem') + text('contoso-chain.pem'));
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await settled(page);
  const saved = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    return { name: download.suggestedFilename(), body: Buffer.concat(chunks).toString('utf8') };
  };
  const json = await saved('#export-json');
  assert.equal(json.name, 'msstd-check-report.json');
  assert.equal(JSON.parse(json.body).schema, 'msstd-check/report/v1');
  const report = await saved('#export-text');
  assert.match(report.body, /^Will Outlook Anywhere connect\? No/);
  assert.match(report.body, /\nMATCH: msstd:mail\.contoso\.com/);
  const pem = await saved('#export-pem');
  assert.equal(pem.body.match(/-----BEGIN CERTIFICATE-----/g).length, 2, 'leaf and intermediate, root left out');
  assert.deepEqual(problems, []);
  await context.close();
});
