// Verifies the signatures the engine leaves pending, with the browser's own WebCrypto: the
// engine decides everything else (which key, which algorithm, whether the pair even fits) and
// describes each check as crypto.subtle takes it. Used by the page and by the benchmarks.

/** Verifies one pending check: 'valid', 'invalid', or 'unsupported' (no WebCrypto here, as on
 *  a page not served over https or from localhost, or an algorithm it lacks, like SHA-224). */
export async function verifySignature({ algorithm, spki, signature, data }) {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!subtle) return 'unsupported';
  const { name, hash, namedCurve, saltLength } = algorithm;
  let key;
  try {
    const imported = name === 'ECDSA' ? { name, namedCurve } : hash ? { name, hash } : { name };
    key = await subtle.importKey('spki', spki, imported, false, ['verify']);
  } catch (error) {
    // A point off the curve cannot have signed anything; any other refusal is WebCrypto's limit.
    return name === 'ECDSA' && error.name === 'DataError' ? 'invalid' : 'unsupported';
  }
  try {
    const params = name === 'ECDSA' ? { name, hash } : name === 'RSA-PSS' ? { name, saltLength } : { name };
    return (await subtle.verify(params, key, signature, data)) ? 'valid' : 'invalid';
  } catch (error) {
    return error.name === 'NotSupportedError' ? 'unsupported' : 'invalid';
  }
}

/** Verifies every pending check and records each outcome in `outcomes` (id -> outcome). */
export async function verifySignatures(pending, outcomes) {
  const results = await Promise.all(pending.map(verifySignature));
  pending.forEach((check, i) => outcomes.set(check.id, results[i]));
}

/** Runs `analyze` (one engine call, sync or async) until nothing is pending or the engine's
 *  cap of `maxRounds` (its `maxRounds()`) is reached: each round verifies the signatures it
 *  leaves (remembering the outcomes in `outcomes` for later runs) and, given `loadRoots`
 *  (async, true once loaded), loads the root files it names (`response.roots`). */
export async function analyzeVerified(analyze, request, outcomes, maxRounds, loadRoots = null) {
  for (let round = 1; ; round++) {
    const signatures = [...outcomes].map(([id, outcome]) => ({ id, outcome }));
    const response = await analyze({ ...request, signatures });
    const roots = loadRoots ? response.roots || [] : [];
    if ((!response.pending.length && !roots.length) || round >= maxRounds) return response;
    const [, loaded] = await Promise.all([verifySignatures(response.pending, outcomes), roots.length ? loadRoots(roots) : true]);
    if (!loaded && !response.pending.length) return response;
  }
}
