// Where a WebAssembly module's bytes go: each function body's size under its name (from the
// module's `name` section, so give it a build that keeps names: the cargo output in
// target/wasm32-unknown-unknown/wasm-release/, before wasm-bindgen and wasm-opt), summed by crate
// or module path, and the data segments. Raw bytes, not gzip: a guide to what to move, measured
// afterwards with scripts/page-size.sh. (What twiggy does; twiggy is not installed here.)
//
//   node bench/wasm-sizes.mjs MODULE.wasm [DEPTH] [TOP]
//     DEPTH: path segments to group by (1: crate, 2: crate::module; default 2)
//     TOP:   how many of the largest functions to list as well (default 30)
import { readFileSync } from 'node:fs';

const [file, depthArg = '2', topArg = '30'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/wasm-sizes.mjs MODULE.wasm [DEPTH] [TOP]');
  process.exit(2);
}
const bytes = readFileSync(file);
let at = 8;
const leb = () => {
  let result = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const text = (length) => bytes.toString('utf8', at, (at += length));

let imported = 0;
const bodies = [];
const names = new Map();
let data = 0;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imports: imported functions take the first function indices.
    for (let n = leb(); n > 0; n--) {
      text(leb());
      text(leb());
      const kind = bytes[at++];
      if (kind === 0) { leb(); imported++; }
      else if (kind === 1) { at++; const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 3) { at += 2; }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const length = leb();
      bodies.push(length);
      at += length;
    }
  } else if (id === 11) {
    data = size;
  } else if (id === 0) {
    const name = text(leb());
    if (name === 'name') {
      while (at < end) {
        const sub = bytes[at++];
        const subSize = leb();
        const subEnd = at + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            names.set(index, text(leb()));
          }
        }
        at = subEnd;
      }
    }
  }
  at = end;
}
if (names.size === 0) {
  console.error(`${file} has no name section: give it the cargo output, not the page's module`);
  process.exit(2);
}

// Rust's legacy mangling (_ZN…E) to a path; generic arguments (<…>) kept as they are.
const demangle = (name) => {
  // v0 mangling (_R…): the identifiers in order, enough to group by path.
  if (name.startsWith('_R')) {
    const parts = [];
    const re = /(\d+)_?([A-Za-z_][A-Za-z0-9_]*)/g;
    for (let m; (m = re.exec(name));) {
      const length = Number(m[1]);
      parts.push(m[2].slice(0, length));
      re.lastIndex = m.index + m[1].length + (m[0][m[1].length] === '_' ? 1 : 0) + Math.min(length, m[2].length);
    }
    return parts.join('::');
  }
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== 'E') {
    let digits = '';
    while (/[0-9]/.test(name[i])) digits += name[i++];
    if (!digits) break;
    parts.push(name.slice(i, i + Number(digits)));
    i += Number(digits);
  }
  return parts
    .filter((p) => !/^h[0-9a-f]{16}$/.test(p))
    .join('::')
    .replaceAll('$LT$', '<').replaceAll('$GT$', '>').replaceAll('$u20$', ' ')
    .replaceAll('$RF$', '&').replaceAll('$C$', ',').replaceAll('..', '::');
};
const depth = Number(depthArg);
const groups = new Map();
const functions = [];
bodies.forEach((size, i) => {
  const name = demangle(names.get(i + imported) ?? `function ${i}`);
  functions.push([size, name]);
  // A trait impl (<a::B as c::D>::f) belongs to the type's path.
  const path = name.replace(/^_?<(?:&(?:mut )?)?/, '').split(/::| as |[<>]/).filter(Boolean);
  const key = path.slice(0, depth).join('::') || name;
  groups.set(key, (groups.get(key) ?? 0) + size);
});
const total = bodies.reduce((a, b) => a + b, 0);
const row = (size, label) => console.log(`${String(size).padStart(9)} B  ${(100 * size / total).toFixed(1).padStart(5)} %  ${label}`);
console.log(`${file}: ${bytes.length} B; code ${total} B in ${bodies.length} functions; data ${data} B`);
console.log(`\nby path (depth ${depth}):`);
[...groups].sort((a, b) => b[1] - a[1]).slice(0, 60).forEach(([key, size]) => row(size, key));
console.log(`\nlargest functions:`);
functions.sort((a, b) => b[0] - a[0]).slice(0, Number(topArg)).forEach(([size, name]) => row(size, name));
