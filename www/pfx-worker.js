// Runs the PKCS#12-capable engine off the page's thread: a .pfx key derivation never freezes
// the tab. Loaded only when a .pfx file arrives.
import * as engine from './msstd-check-pfx.js';

const ready = engine.default({ module_or_path: new URL('msstd-check-pfx_bg.wasm', import.meta.url) });

self.onmessage = async ({ data }) => {
  const { id, request, windowsTrust } = data;
  try {
    await ready;
    // Microsoft's root program, sent once the page has it (see app.js).
    if (windowsTrust) {
      engine.loadWindowsTrust(windowsTrust);
      return;
    }
    self.postMessage({ id, ok: true, value: engine.analyze(request) });
  } catch (error) {
    const detail = error && error.code ? error : { code: 'CRASHED', message: String((error && error.message) || error) };
    self.postMessage({ id, ok: false, error: detail });
  }
};
