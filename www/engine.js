// Talks to a WebAssembly module built from web/bindings: requests go in as JSON text plus one
// byte buffer holding every input's bytes, answers come back as JSON text (one copy each way).
// Used by the page (main module) and by the PKCS#12 worker.

/** Runs the analysis; resolves to `{ report, headline, text }`, throws `{ code, message }`. */
export function analyzeWith(module, request) {
  const inputs = request.inputs.map(({ bytes, ...rest }) => ({ ...rest, length: bytes.length }));
  const data = new Uint8Array(inputs.reduce((sum, input) => sum + input.length, 0));
  let offset = 0;
  for (const { bytes } of request.inputs) {
    data.set(bytes, offset);
    offset += bytes.length;
  }
  const answer = JSON.parse(module.analyze(JSON.stringify({ ...request, inputs }), data));
  if (answer.error) throw answer.error;
  return answer.ok;
}

/** What a principal paste was understood as: `{ principal, summary }`, or null. */
export function parsePrincipalWith(module, text, language) {
  return JSON.parse(module.parsePrincipal(text, language));
}
