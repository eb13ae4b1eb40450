// Runs the second module (PKCS#12, Exchange's settings, certificate requests) off the page's
// thread: a .pfx key derivation never freezes the tab. Loaded only when the first module refuses
// an input as `unsupported`.
import * as engine from './msstd-check-pfx.js';

const ready = engine.default({ module_or_path: new URL('msstd-check-pfx_bg.wasm', import.meta.url) });

self.onmessage = async ({ data }) => {
  const { id, request, roots, language } = data;
  try {
    await ready;
    // A language's catalogue (app.js `applyLanguage`): this module builds in English only.
    if (language) {
      engine.loadLanguage(...language);
      return;
    }
    // The roots, as the page gets them (app.js `postRoots`): whole stores, the index, root files.
    if (roots) {
      if (roots.whole) for (const [kind, text] of Object.entries(roots.whole)) engine.loadTrust(kind, text);
      if (roots.index) engine.loadRootIndex(roots.index);
      for (const [file, text] of roots.files || []) engine.loadRootFile(file, text);
      return;
    }
    self.postMessage({ id, ok: true, value: engine.analyze(request) });
  } catch (error) {
    const detail = error && error.code ? error : { code: 'CRASHED', message: String((error && error.message) || error) };
    self.postMessage({ id, ok: false, error: detail });
  }
};
