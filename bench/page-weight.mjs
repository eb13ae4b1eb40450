// First-load weight in a real browser: every file each page fetches until it shows a
// certificate, each gzipped (-9) as a server would send it. Ours (dist/, the page analysing a
// pasted chain) against @peculiar/certificates-viewer 4 (its web component displaying one
// certificate) and PKI.js 4 (bundled and minified by esbuild with only Certificate.fromBER kept).
// Usage: node bench/page-weight.mjs (after building dist/).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const leaf = readFileSync(`${root}tests/data/contoso-leaf.pem`, 'utf8');

/** Loads `url`, waits for `ready`, returns the gzipped bytes of every response. */
async function weigh(browser, url, ready) {
  const page = await browser.newPage();
  const bodies = [];
  page.on('response', async (response) => {
    const body = await response.body().catch(() => null);
    if (body) bodies.push({ url: response.url(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  });
  await page.goto(url);
  await ready(page);
  await page.waitForTimeout(500);
  await page.close();
  return bodies;
}

// The viewer, as its documentation embeds it (ES module loader from the package's dist).
const viewer = mkdtempSync(`${tmpdir()}/viewer-`);
cpSync(`${root}node_modules/@peculiar/certificates-viewer/dist/peculiar`, `${viewer}/peculiar`, { recursive: true });
writeFileSync(
  `${viewer}/index.html`,
  `<!doctype html><meta charset="utf-8"><script type="module" src="peculiar/peculiar.esm.js"></script>
<peculiar-certificate-viewer certificate="${leaf.replace(/-----[^-]+-----|\s/g, '')}"></peculiar-certificate-viewer>`,
);

// PKI.js, tree-shaken to what parsing a certificate needs.
const pkijs = mkdtempSync(`${tmpdir()}/pkijs-`);
const entry = `import { Certificate } from 'pkijs';
const der = Uint8Array.from(atob(document.body.dataset.cert), (c) => c.charCodeAt(0));
document.body.dataset.subject = Certificate.fromBER(der).subject.typesAndValues.length;`;
execFileSync(`${root}node_modules/.bin/esbuild`, ['--bundle', '--minify', '--format=esm', `--outfile=${pkijs}/pkijs.js`, '--log-level=error'], {
  cwd: root,
  input: entry,
});
writeFileSync(`${pkijs}/index.html`, `<!doctype html><meta charset="utf-8"><body data-cert="${leaf.replace(/-----[^-]+-----|\s/g, '')}"><script type="module" src="pkijs.js"></script>`);

const browser = await launch();
const sites = [];
try {
  const results = [];
  for (const [name, dir, ready] of [
    ['msstd-check (this page, analysing a pasted chain, with the root stores it fetches after the first verdict)', `${root}dist`, async (page) => {
      await page.waitForSelector('body[data-trust]');
      await page.fill('#paste', leaf);
      await page.waitForFunction(() => document.querySelector('#results').dataset.state === 'done');
    }],
    ['@peculiar/certificates-viewer 4.7 (displaying one certificate)', viewer, (page) => page.waitForFunction(() => {
      const el = document.querySelector('peculiar-certificate-viewer');
      return el && el.shadowRoot ? el.shadowRoot.textContent.includes('mail.contoso.com') : el && el.textContent.includes('mail.contoso.com');
    }, null, { timeout: 20000 })],
    ['PKI.js 4 (parse only, tree-shaken, minified)', pkijs, (page) => page.waitForFunction(() => document.body.dataset.subject)],
  ]) {
    const site = await serve(dir);
    sites.push(site);
    const bodies = await weigh(browser, site.url, ready);
    const gzip = bodies.reduce((sum, b) => sum + b.gzip, 0);
    const raw = bodies.reduce((sum, b) => sum + b.raw, 0);
    results.push({ name, files: bodies.length, raw, gzip });
    console.log(`${name.padEnd(64)} ${String(bodies.length).padStart(3)} files ${String(raw).padStart(9)} B ${String(gzip).padStart(8)} B gzip (${(gzip / 1024).toFixed(0)} KiB)`);
  }
} finally {
  await browser.close();
  for (const site of sites) site.server.close();
}
