// Writes a Brotli (quality 11) and a gzip (level 9) copy beside every text and WebAssembly file
// of the built page, when the copy is smaller: msstd-relay serve sends the copy the browser
// accepts (Content-Encoding), and static hosts that serve precompressed files can use them too.
// Node's own zlib makes both, so no other tool is needed. Usage: node scripts/precompress.mjs [dist]
import { readdirSync, readFileSync, writeFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const compressible = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt)$/;
let raw = 0;
let brotli = 0;
// Every file below dist, the root files of roots/ included.
for (const name of readdirSync(dist, { recursive: true })) {
  const path = join(dist, name);
  if (!statSync(path).isFile() || !compressible.test(name)) continue;
  const bytes = readFileSync(path);
  const copies = {
    '.br': brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
    '.gz': gzipSync(bytes, { level: 9 }),
  };
  for (const [suffix, copy] of Object.entries(copies)) {
    try {
      unlinkSync(path + suffix);
    } catch {
      // none yet
    }
    if (copy.length < bytes.length) writeFileSync(path + suffix, copy);
  }
  raw += bytes.length;
  brotli += Math.min(bytes.length, copies['.br'].length);
}
console.log(`precompressed ${dist}: ${raw} B, ${brotli} B as Brotli`);
