// The page served by `msstd-relay serve`, fetching a live chain from a TLS server on loopback.
// Needs the relay binary: target/debug/msstd-relay (built here when missing) or $MSSTD_RELAY.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
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
let relay;
let relayUrl;
let browser;

function relayBinary() {
  if (process.env.MSSTD_RELAY) return process.env.MSSTD_RELAY;
  const binary = `${root}target/debug/msstd-relay`;
  if (!existsSync(binary)) {
    const build = spawnSync('cargo', ['build', '--locked', '-p', 'msstd-relay'], { cwd: root, stdio: 'inherit' });
    assert.equal(build.status, 0, 'cargo build -p msstd-relay');
  }
  return binary;
}

before(async () => {
  // The contoso fixtures: leaf for mail.contoso.com (key rsa-2048.key), issuing CA, root.
  tls = createServer({ key: data('rsa-2048.key'), cert: data('contoso-leaf.pem') + data('contoso-chain.pem') });
  tls.on('tlsClientError', () => {});
  await new Promise((resolve) => tls.listen(0, '127.0.0.1', resolve));
  const tlsPort = String(tls.address().port);
  // Root, issuing CA and a leaf naming the CA at http://127.0.0.1:<port>/issuing.crt (OpenSSL).
  const dir = mkdtempSync(`${tmpdir()}/msstd-aia-`);
  const issuing = { der: null };
  http = createHttpServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/pkix-cert' });
    response.end(issuing.der);
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'root.key', '-out', 'root.pem', '-subj', '/CN=AIA E2E Root', '-days', '30',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  writeFileSync(`${dir}/ca.ext`, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  writeFileSync(`${dir}/leaf.ext`, `subjectAltName=DNS:mail.contoso.com\nextendedKeyUsage=serverAuth\nauthorityInfoAccess=caIssuers;URI:http://127.0.0.1:${http.address().port}/issuing.crt\n`);
  openssl('req', '-new', ...ec, '-keyout', 'ca.key', '-out', 'ca.csr', '-subj', '/CN=AIA E2E Issuing CA');
  openssl('x509', '-req', '-in', 'ca.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '30', '-extfile', 'ca.ext', '-out', 'ca.pem');
  openssl('req', '-new', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=mail.contoso.com');
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '30', '-extfile', 'leaf.ext', '-out', 'leaf.pem');
  openssl('x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der');
  issuing.der = readFileSync(`${dir}/ca.der`);
  leafOnly = createServer({ key: readFileSync(`${dir}/leaf.key`), cert: readFileSync(`${dir}/leaf.pem`) });
  leafOnly.on('tlsClientError', () => {});
  await new Promise((resolve) => leafOnly.listen(0, '127.0.0.1', resolve));
  const allowed = [tlsPort, String(leafOnly.address().port), String(http.address().port)].flatMap((port) => ['--allow-port', port]);
  relay = spawn(relayBinary(), ['serve', '--listen', '127.0.0.1:0', '--dist', `${root}dist`, '--allow-private', ...allowed], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await createInterface({ input: relay.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value]);
  relayUrl = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)[1];
  browser = await launch();
});

after(async () => {
  await browser?.close();
  relay?.kill();
  tls?.close();
  leafOnly?.close();
  http?.close();
});

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

test('a server that sends only its leaf: the relay downloads the issuer from the AIA URL, the page marks it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await fetchLive(page, leafOnly);
  assert.match(await page.textContent('#file-list'), /issuing\.crt/);
  const found = await page.$$eval('#findings [data-code]', (items) => items.map((item) => item.dataset.code));
  assert.ok(found.includes('CHAIN_FETCHED_FROM_AIA'), `${found}`);
  await context.close();
});

test('without a relay the fetch controls stay hidden', async () => {
  const site = await serve(`${root}dist`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('body[data-ready]');
  await page.waitForTimeout(300);
  assert.equal(await page.isHidden('#live'), true);
  await context.close();
  site.server.close();
});
