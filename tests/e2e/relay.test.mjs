// The page served by `msstd-relay serve`, fetching a live chain from a TLS server on loopback.
// Needs the relay binary: target/debug/msstd-relay (cargo builds it first, so it is never stale) or $MSSTD_RELAY
// (with MSSTD_RELAY_EMBEDDED=1 when that one carries the page: scripts/test.sh runs the release's).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { createServer } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const data = (name) => readFileSync(`${root}tests/data/${name}`, 'utf8');
let tls;
/** A server that sends only its leaf, whose issuer is at an AIA URL on `http`. */
let leafOnly;
let http;
/** contoso.com staged on loopback for the domain check (see `stageDomain`). */
let staged = [];
let relay;
let relayUrl;
let browser;

const embedded = process.env.MSSTD_RELAY_EMBEDDED === '1';

function relayBinary() {
  if (process.env.MSSTD_RELAY) return process.env.MSSTD_RELAY;
  // Always through cargo, which rebuilds a binary older than its sources (a no-op otherwise).
  const build = spawnSync('cargo', ['build', '--locked', '-p', 'msstd-relay'], { cwd: root, stdio: 'inherit' });
  assert.equal(build.status, 0, 'cargo build -p msstd-relay');
  return `${root}target/debug/msstd-relay`;
}

before(async () => {
  // The contoso fixtures: leaf for mail.contoso.com (key rsa-2048.key), issuing CA, root.
  tls = createServer({ key: data('rsa-2048.key'), cert: data('contoso-leaf.pem') + data('contoso-chain.pem') });
  tls.on('tlsClientError', () => {});
  await new Promise((resolve) => tls.listen(0, '127.0.0.1', resolve));
  const tlsPort = String(tls.address().port);
  // Root, issuing CA and a leaf naming the CA at http://127.0.0.1:<port>/issuing.crt (OpenSSL).
  const dir = mkdtempSync(`${tmpdir()}/msstd-aia-`);
  const issuing = { der: null, crl: null };
  http = createHttpServer((request, response) => {
    // The issuing CA's certificate at its AIA URL, its CRL (revoking the leaf) beside it.
    const crl = request.url.endsWith('.crl');
    response.writeHead(200, { 'Content-Type': crl ? 'application/pkix-crl' : 'application/pkix-cert' });
    response.end(crl ? issuing.crl : issuing.der);
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'root.key', '-out', 'root.pem', '-subj', '/CN=AIA E2E Root', '-days', '30',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  writeFileSync(`${dir}/ca.ext`, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  const aiaBase = `http://127.0.0.1:${http.address().port}`;
  writeFileSync(`${dir}/leaf.ext`, `subjectAltName=DNS:mail.contoso.com\nextendedKeyUsage=serverAuth\nauthorityInfoAccess=caIssuers;URI:${aiaBase}/issuing.crt\ncrlDistributionPoints=URI:${aiaBase}/issuing.crl\n`);
  openssl('req', '-new', ...ec, '-keyout', 'ca.key', '-out', 'ca.csr', '-subj', '/CN=AIA E2E Issuing CA');
  openssl('x509', '-req', '-in', 'ca.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '30', '-extfile', 'ca.ext', '-out', 'ca.pem');
  openssl('req', '-new', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=mail.contoso.com');
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '30', '-extfile', 'leaf.ext', '-out', 'leaf.pem');
  openssl('x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der');
  issuing.der = readFileSync(`${dir}/ca.der`);
  // The issuing CA's CRL, revoking the leaf for keyCompromise (openssl ca -gencrl).
  const serial = execFileSync('openssl', ['x509', '-in', `${dir}/leaf.pem`, '-noout', '-serial']).toString().trim().split('=')[1];
  writeFileSync(`${dir}/index.txt`, `R\t300101000000Z\t260301000000Z,keyCompromise\t${serial}\tunknown\t/CN=mail.contoso.com\n`);
  writeFileSync(`${dir}/crl.cnf`, '[ca]\ndefault_ca=x\n[x]\ndatabase=index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=30\n');
  writeFileSync(`${dir}/crlnumber`, '01\n');
  openssl('ca', '-config', 'crl.cnf', '-gencrl', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-out', 'crl.pem');
  openssl('crl', '-in', 'crl.pem', '-outform', 'DER', '-out', 'crl.der');
  issuing.crl = readFileSync(`${dir}/crl.der`);
  leafOnly = createServer({ key: readFileSync(`${dir}/leaf.key`), cert: readFileSync(`${dir}/leaf.pem`) });
  leafOnly.on('tlsClientError', () => {});
  await new Promise((resolve) => leafOnly.listen(0, '127.0.0.1', resolve));
  const allowed = [tlsPort, String(leafOnly.address().port), String(http.address().port)].flatMap((port) => ['--allow-port', port]);
  const domain = await stageDomain();
  // MSSTD_RELAY_EMBEDDED=1: the binary carries the page (a release build), served without --dist.
  const page = embedded ? [] : ['--dist', `${root}dist`];
  relay = spawn(relayBinary(), ['serve', '--listen', '127.0.0.1:0', ...page, '--allow-private', ...allowed, ...domain], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await createInterface({ input: relay.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value]);
  assert.match(line, embedded ? /the page built into this binary/ : /the page from /);
  relayUrl = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)[1];
  browser = await launch();
});

after(async () => {
  await browser?.close();
  relay?.kill();
  tls?.close();
  leafOnly?.close();
  http?.close();
  for (const server of staged) server.close();
});

/** With SCREENSHOTS=1: `selector` light, dark and 360 px wide, into docs/screenshots/NAME-*.png. */
async function screenshots(page, selector, name) {
  const shot = async (variant) => (await page.$(selector)).screenshot({ path: `${root}docs/screenshots/${name}-${variant}.png` });
  await shot('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  await shot('narrow');
  await page.setViewportSize(size);
}

const listening = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

/**
 * contoso.com the way the domain check meets it, on loopback: the web site on the bare domain
 * presents mail.contoso.com's certificate (a name mismatch: Outlook's security alert), nothing
 * answers at autodiscover.contoso.com:443, http://autodiscover.contoso.com redirects to
 * mail.contoso.com, where Exchange answers 401; a DNS server answers NXDOMAIN (no SRV record).
 * Returns the relay's arguments that reach them (--connect-to, --dns-server, --trust).
 */
async function stageDomain() {
  const tlsOptions = { key: data('rsa-2048.key'), cert: data('contoso-leaf.pem') + data('contoso-chain.pem') };
  const site = createHttpsServer(tlsOptions, (request, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>Welcome</p>'));
  const exchange = createHttpsServer(tlsOptions, (request, response) => response.writeHead(401, { 'WWW-Authenticate': 'Negotiate' }).end());
  const redirect = createHttpServer((request, response) =>
    response.writeHead(302, { Location: 'https://mail.contoso.com/autodiscover/autodiscover.xml' }).end());
  const closed = createHttpServer();
  const dns = createSocket('udp4');
  dns.on('message', (query, peer) => {
    // The question echoed with the response bit and NXDOMAIN (RCODE 3): no SRV record.
    const answer = Buffer.from(query);
    answer[2] = 0x84 | (query[2] & 0x01);
    answer[3] = 0x83;
    answer.writeUInt16BE(0, 6);
    answer.writeUInt16BE(0, 8);
    answer.writeUInt16BE(0, 10);
    dns.send(answer, peer.port, peer.address);
  });
  await new Promise((resolve) => dns.bind(0, '127.0.0.1', resolve));
  const [sitePort, exchangePort, redirectPort, closedPort] = await Promise.all([site, exchange, redirect, closed].map(listening));
  closed.close();
  staged = [site, exchange, redirect, dns];
  const rootFile = `${mkdtempSync(`${tmpdir()}/msstd-domain-`)}/contoso-chain.pem`;
  writeFileSync(rootFile, data('contoso-chain.pem'));
  const to = (from, port) => ['--connect-to', `${from}:127.0.0.1:${port}`];
  return [
    ...to('contoso.com:443', sitePort),
    ...to('autodiscover.contoso.com:443', closedPort),
    ...to('autodiscover.contoso.com:80', redirectPort),
    ...to('mail.contoso.com:443', exchangePort),
    '--dns-server', `127.0.0.1:${dns.address().port}`,
    '--trust', rootFile,
    '--timeout', '3',
  ];
}

/** Opens the page the relay serves and fetches `server`'s chain live, for msstd:mail.contoso.com. */
async function fetchLive(page, server) {
  await page.goto(relayUrl);
  await page.waitForSelector('body[data-trust]');
  await page.waitForSelector('#live:not([hidden])');
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await page.fill('#live-target', `127.0.0.1:${server.address().port}`);
  await page.click('#live-fetch');
  await page.waitForFunction(() => /TLS 1\.[23]/.test(document.querySelector('#live-status').textContent));
  await page.waitForFunction(() => document.querySelector('#results').dataset.state === 'done');
}

test('the page fetches a live chain through the relay and shows the verdict', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await fetchLive(page, tls);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH');
  assert.match(await page.textContent('#live-status'), /3 certificate/);
  assert.match(await page.textContent('#file-list'), /127\.0\.0\.1:\d+/);
  assert.equal(await page.$$eval('#chain > li[data-index]', (items) => items.length), 3);
  assert.deepEqual(requests.filter((url) => !url.startsWith(relayUrl)), [], 'every request stays on the relay origin');

  await page.fill('#live-target', 'localhost:1');
  await page.click('#live-fetch');
  await page.waitForFunction(() => /PORT_FORBIDDEN/.test(document.querySelector('#live-status').textContent));
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH', 'a failed fetch keeps the previous chain');
  await context.close();
});

test('a server that sends only its leaf: the relay downloads the issuer from the AIA URL, the page marks it, and the CRL the relay read says revoked', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await fetchLive(page, leafOnly);
  assert.match(await page.textContent('#file-list'), /issuing\.crt/);
  const found = await page.$$eval('#findings [data-code]', (items) => items.map((item) => item.dataset.code));
  assert.ok(found.includes('CHAIN_FETCHED_FROM_AIA'), `${found}`);
  assert.ok(found.includes('CERT_REVOKED'), `${found}`);
  assert.match(await page.textContent('#findings [data-code="CERT_REVOKED"]'), /keyCompromise/);
  assert.equal(await page.getAttribute('#answer', 'data-outcome'), 'fails');
  await context.close();
});

test('the domain form: the bare domain pops an alert, the redirect leads to Exchange, then the Outlook Anywhere host', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(relayUrl);
  await page.waitForSelector('body[data-trust]');
  await page.waitForSelector('#domain-check:not([hidden])');
  await page.fill('#msstd', 'msstd:mail.contoso.com');
  await page.fill('#host', 'mail.contoso.com');
  await page.fill('#domain', 'user@contoso.com');
  await page.click('#domain-go');
  await page.waitForSelector('#domain-result:not([hidden])');
  assert.equal(await page.getAttribute('#domain-result', 'data-outcome'), 'found-after-prompt');
  const endpoints = await page.$$eval('#domain-endpoints > li', (items) => items.map((item) => [item.dataset.method, item.dataset.outcome, item.dataset.reached]));
  assert.deepEqual(endpoints, [
    ['root-domain', 'alert', 'true'],
    ['autodiscover-domain', 'no-answer', 'true'],
    ['http-redirect', 'redirect', 'true'],
    ['http-redirect', 'autodiscover', 'true'],
    ['srv', 'no-record', 'false'],
  ]);
  const codes = await page.$$eval('#domain-findings [data-code]', (items) => items.map((item) => item.dataset.code));
  assert.deepEqual(codes, ['AUTODISCOVER_CERTIFICATE_ALERT', 'AUTODISCOVER_REDIRECT_PROMPT']);
  assert.match(await page.textContent('#domain-findings'), /ExcludeHttpsRootDomain/);
  // Then the Outlook Anywhere host, fetched live and judged with the principal.
  await page.waitForFunction(() => /TLS 1\.[23]/.test(document.querySelector('#live-status').textContent));
  await page.waitForFunction(() => document.querySelector('#results').dataset.state === 'done');
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'MSSTD_MATCH');
  assert.deepEqual(requests.filter((url) => !url.startsWith(relayUrl)), [], 'every request stays on the relay origin');
  if (process.env.SCREENSHOTS) await screenshots(page, '#domain-check', 'domain-check');

  // Italian: the relay words the report in the page's language.
  await page.selectOption('#language', 'it');
  await page.click('#domain-go');
  await page.waitForFunction(() => /Outlook troverà Autodiscover/.test(document.querySelector('#domain-answer').textContent));
  await context.close();
});

test('without a relay the fetch controls stay hidden', async () => {
  const site = await serve(`${root}dist`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('body[data-relay="absent"]');
  assert.equal(await page.isHidden('#live'), true);
  assert.equal(await page.isHidden('#domain-check'), true);
  await context.close();
  site.server.close();
});
