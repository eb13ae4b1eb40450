// Runs the PKCS#12-capable engine off the page's thread: a .pfx key derivation never freezes
// the tab. Loaded only when a .pfx file arrives.
import * as engine from './msstd-check-pfx.js';

const ready = engine.default({ module_or_path: new URL('msstd-check-pfx_bg.wasm', import.meta.url) });

self.onmessage = async ({ data }) => {
  const { id, request, trust } = data;
  try {
    await ready;
    // The root stores, sent once the page has them (see app.js).
    if (trust) {
      for (const [kind, text] of Object.entries(trust)) engine.loadTrust(kind, text);
      return;
    }
    self.postMessage({ id, ok: true, value: engine.analyze(request) });
  } catch (error) {
    const detail = error && error.code ? error : { code: 'CRASHED', message: String((error && error.message) || error) };
    self.postMessage({ id, ok: false, error: detail });
  }
};
