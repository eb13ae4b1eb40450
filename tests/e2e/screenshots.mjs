// Saves screenshots of the page's main states under docs/screenshots/: a mismatch with its fix
// (light, dark, and 360 px wide), a match with the chain expanded, and a chain whose expired
// cross-sign was passed over (light, dark and 360 px wide), and the DigiCert chain Windows trusts
// and Mozilla's store does not, on a day it was valid (light, dark and 360 px wide; the narrow
// ones show the top of the result only, the whole page is too tall to read), and a certificate
// named by Get-ExchangeCertificate output instead of given, and a hybrid connector whose
// TlsCertificateName a renewal left behind (light, dark, narrow). Not a test: run it after
// scripts/build-page.sh with `node tests/e2e/screenshots.mjs`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chain = ['contoso-leaf.pem', 'contoso-chain.pem'].map((f) => readFileSync(`${root}tests/data/${f}`, 'utf8')).join('');
const out = (name) => `${root}docs/screenshots/${name}.png`;

const SHOTS = [
  { name: 'mismatch-light', colorScheme: 'light', width: 1100, msstd: 'msstd:owa.fabrikam.com' },
  { name: 'mismatch-dark', colorScheme: 'dark', width: 1100, msstd: 'msstd:owa.fabrikam.com' },
  { name: 'mismatch-narrow', colorScheme: 'light', width: 360, msstd: 'msstd:owa.fabrikam.com' },
  { name: 'match-chain-light', colorScheme: 'light', width: 1100, msstd: 'msstd:mail.contoso.com', expand: true },
  // An expired cross-sign sent beside the valid path (tests/data/cross-sign.pem), both roots trusted.
  { name: 'alternative-path-light', colorScheme: 'light', width: 1100, msstd: 'msstd:mail.contoso.com', crossSign: true },
  { name: 'alternative-path-dark', colorScheme: 'dark', width: 1100, msstd: 'msstd:mail.contoso.com', crossSign: true },
  { name: 'alternative-path-narrow', colorScheme: 'light', width: 360, msstd: 'msstd:mail.contoso.com', crossSign: true },
  // ../shared/fixtures/badssl/wildcard-rsa2048.pem on 2021-06-01: the answer per family of clients.
  { name: 'windows-trust-light', colorScheme: 'light', width: 1100, msstd: 'msstd:*.badssl.com', digicert: true },
  { name: 'windows-trust-dark', colorScheme: 'dark', width: 1100, msstd: 'msstd:*.badssl.com', digicert: true },
  { name: 'windows-trust-narrow', colorScheme: 'light', width: 360, msstd: 'msstd:*.badssl.com', digicert: true },
  // No certificate: Get-ExchangeCertificate output and Remote Connectivity Analyzer's line.
  { name: 'names-only-light', colorScheme: 'light', width: 1100, names: true,
    msstd: "The certificate common name mail.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:owa.contoso.com" },
  // Exchange's hybrid send connector still naming the old intermediate after a renewal
  // (tests/data/exchange/), beside the Get-ExchangeCertificate output of the renewed certificates.
  { name: 'connector-light', colorScheme: 'light', width: 1100, connectors: true, msstd: '' },
  { name: 'connector-dark', colorScheme: 'dark', width: 1100, connectors: true, msstd: '' },
  { name: 'connector-narrow', colorScheme: 'light', width: 360, connectors: true, msstd: '' },
  // The Auth certificate and every URL, with the certificates Exchange lists.
  { name: 'exchange-settings-light', colorScheme: 'light', width: 1100, settings: true, msstd: '' },
];
const exchange = (name) => readFileSync(`${root}tests/data/exchange/${name}`, 'utf8');
const settings = ['get-authconfig.txt', 'get-urls.txt', 'get-exchangecertificate.txt'].map(exchange).join('\n');
const connectors = `${exchange('get-sendconnector.txt')}\n${exchange('get-exchangecertificate.txt').replaceAll('CN=Contoso Issuing CA 1', 'CN=Contoso Issuing CA 2')}`;
const getExchangeCertificate = [
  'CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}',
  'Issuer             : CN=R11, O=Let\'s Encrypt, C=US',
  'NotAfter           : 1/15/2027 10:00:00 AM',
  'NotBefore          : 10/17/2026 10:00:00 AM',
  'Services           : IIS, SMTP',
  'Subject            : CN=mail.contoso.com',
  'Thumbprint         : 1845B216EFD0839A1851A957325DA336217049CB',
].join('\n');
const digicert = readFileSync(`${root}../shared/fixtures/badssl/wildcard-rsa2048.pem`, 'utf8');
const crossSign = readFileSync(`${root}tests/data/cross-sign.pem`, 'utf8');
const crossSignRoots = readFileSync(`${root}tests/data/cross-sign-roots.pem`, 'utf8');

const site = await serve(`${root}dist`);
const browser = await launch();
try {
  const only = process.env.SHOTS ? process.env.SHOTS.split(',') : null;
  for (const shot of SHOTS.filter((s) => !only || only.some((o) => s.name.startsWith(o)))) {
    const context = await browser.newContext({ colorScheme: shot.colorScheme, viewport: { width: shot.width, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    if (shot.digicert) await page.clock.setFixedTime(new Date('2021-06-01T00:00:00Z'));
    await page.goto(site.url);
    await page.waitForSelector('body[data-trust="ready"]');
    await page.fill('#paste', shot.settings ? settings : shot.connectors ? connectors : shot.names ? getExchangeCertificate : shot.digicert ? digicert : shot.crossSign ? crossSign : chain);
    if (shot.crossSign) {
      await page.$eval('#trusted-details', (details) => { details.open = true; });
      await page.fill('#trusted', crossSignRoots);
    }
    await page.fill('#host', shot.digicert ? 'mail.badssl.com' : 'mail.contoso.com');
    await page.fill('#msstd', shot.msstd);
    await page.waitForFunction(() => document.querySelector('#results').dataset.state === 'done');
    if (shot.expand) {
      await page.$$eval('#chain details', (items) => items.forEach((item) => { item.open = true; }));
    }
    if (shot.width < 400) {
      // The top of the result at full width: the answer, the verdict and the fix. (The box is
      // measured from the top of the page, not from wherever typing scrolled it.)
      await page.evaluate(() => window.scrollTo(0, 0));
      // The connector shot: its section, which sits below the answer.
      const box = await page.locator(shot.connectors ? '#connectors' : '#results').boundingBox();
      await page.screenshot({ path: out(shot.name), fullPage: true, clip: { x: 0, y: box.y - 8, width: shot.width, height: Math.min(box.height + 16, 1400) } });
    } else {
      await page.screenshot({ path: out(shot.name), fullPage: true });
    }
    console.log(`wrote docs/screenshots/${shot.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  site.server.close();
}
