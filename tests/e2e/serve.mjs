// A minimal static server for dist/ on loopback, for the end-to-end tests and the size
// benchmark. Records every request so tests can prove no request leaves the origin.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1 (`port` 0: a free one) under `prefix` (`/msstd-check/`: as a GitHub
 * project page is served), 404 outside it, and `/msstd-check` redirected to `/msstd-check/` as
 * static hosts do. `url` is the page's address. With `gzip`, a file's `.gz` copy (scripts/precompress.mjs)
 * is sent with `Content-Encoding: gzip` when the request accepts gzip, as GitHub Pages compresses
 * (it never sends Brotli); without it, as the tests have it, every file as it is.
 */
export async function serve(root, port = 0, { prefix = '/', gzip = false } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (`${pathname}/` === prefix) {
      res.writeHead(301, { location: prefix });
      res.end();
      return;
    }
    const path = pathname.startsWith(prefix) ? normalize(`/${pathname.slice(prefix.length)}`).replace(/^(\.\.[/\\])+/, '') : null;
    const file = path === null ? null : join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      if (file === null) throw new Error('outside the prefix');
      const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
      let body = await readFile(file);
      if (gzip) {
        headers.vary = 'accept-encoding';
        const compressed = /\bgzip\b/.test(req.headers['accept-encoding'] || '') ? await readFile(`${file}.gz`).catch(() => null) : null;
        if (compressed) {
          body = compressed;
          headers['content-encoding'] = 'gzip';
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, requests, url: `http://127.0.0.1:${server.address().port}${prefix}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  const { url } = await serve(root, port, { prefix: process.argv[4] || '/' });
  console.log(`serving ${root} at ${url} (Ctrl-C stops)`);
}
