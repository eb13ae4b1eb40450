// The page: reads what the admin gives, hands it to the engine (WebAssembly) and shows the
// engine's report. Nothing is analysed here, nothing is sent anywhere, and every value that
// comes from a certificate is inserted as text (textContent), never as HTML.
import { analyzeVerified } from './signatures.js';

const $ = (id) => document.getElementById(id);
const PFX_NAME = /\.(pfx|p12)$/i;
const REMEMBERED_ROOT = 'msstd-check.trusted-root';

const state = {
  language: (navigator.language || 'en').toLowerCase().startsWith('it') ? 'it' : 'en',
  files: [],
  engine: null,
  worker: null,
  workerCalls: new Map(),
  nextCall: 1,
  generation: 0,
  response: null,
  timer: 0,
  /** Signature outcomes WebCrypto gave, by check id: reused while the certificates stay. */
  verified: new Map(),
  /**
   * The roots the engine judges with: the index of both programs (`roots/index.txt`), the root
   * files a chain needed (file -> text), or, when a file cannot be fetched, both whole stores
   * (kind -> text). `trustState` is 'loading', 'ready' or 'failed'.
   */
  roots: { index: null, files: new Map(), whole: null },
  trustState: 'loading',
  /** Revocation answers the relay asked for and verified for the last live fetch. */
  revocation: [],
  /** The root-store releases the latest report names (`report.build.stores`), for the footer. */
  stores: [],
  /** The page's words in its language, from the engine's catalogue (`messages`). */
  words: {},
  /** The engine's catalogue of each language loaded but English (language -> text). */
  catalogues: new Map(),
};
const TRUST_STORES = ['mozilla', 'microsoft'];
/** How long the first answer waits for the root index before it shows the names alone. */
const INDEX_PATIENCE_MS = 1500;

/** One of the page's words: `page-KEY`, or a label it shares with the text report. */
const t = (key) => state.words[`page-${key}`] ?? state.words[key] ?? '';
/** A page message with its `{name}` places filled in. */
const say = (key, values) => t(key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
/** The paragraphs of a block message (`page-KEY.p1`, `.p2`, ...). */
function paragraphs(key) {
  const out = [];
  for (let i = 1; state.words[`page-${key}.p${i}`] !== undefined; i += 1) out.push(state.words[`page-${key}.p${i}`]);
  return out;
}

/** Creates an element; `text` is set as text, never parsed. */
function el(tag, { text, className, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Text with `code` spans between backticks, built from text nodes only. */
function withCode(text) {
  const fragment = document.createDocumentFragment();
  text.split('`').forEach((part, i) => fragment.append(i % 2 ? el('code', { text: part }) : part));
  return fragment;
}

/** The page's words in `language`, written from the catalogues by scripts/build-page.sh. */
async function loadWords(language) {
  const response = await fetch(`messages-${language}.json`);
  if (!response.ok) throw new Error(`messages-${language}.json: HTTP ${response.status}`);
  return response.json();
}

/** Words the page in its language; until its words are there, the page is index.html's English. */
async function applyLanguage() {
  $('language').value = state.language;
  const language = state.language;
  const words = await loadWords(language);
  // A quicker second change of language wins.
  if (language !== state.language) return;
  state.words = words;
  // Another language than English comes with the engine's catalogue: the modules build in
  // English only.
  if (words.catalogue && !state.catalogues.has(language)) {
    state.catalogues.set(language, words.catalogue);
    if (state.engine) giveLanguage(state.engine, language, words.catalogue);
    if (state.worker) state.worker.postMessage({ language: [language, words.catalogue] });
  }
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.replaceChildren(withCode(t(node.dataset.i18n)));
  }
  for (const node of document.querySelectorAll('[data-i18n-block]')) {
    node.replaceChildren(...paragraphs(node.dataset.i18nBlock).map((p) => el('p', {}, withCode(p))));
  }
}

// ---- the engine -------------------------------------------------------------------------

/**
 * Hands a language's catalogue to an engine module. One it refuses (a file of another build)
 * leaves its findings in English, the page's own words still in the language.
 */
function giveLanguage(module, language, text) {
  try {
    module.loadLanguage(language, text);
  } catch {
    // English findings: the engine's fallback.
  }
}

const ENGINE = document.querySelector('script[data-bindings]').dataset;

/** The engine's WebAssembly, compiled from the moment this script runs (off the main thread,
 *  from the preloaded response) rather than once its bindings are imported; every instance,
 *  a fresh one after a trap too, comes from it. */
const compiledEngine = compileEngine(new URL(ENGINE.wasm, document.baseURI));
compiledEngine.catch(() => {});

async function compileEngine(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  // Streaming needs the WebAssembly media type; a host that sends another gets the slow way.
  const type = (response.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
  if (type === 'application/wasm') return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

async function loadEngine(attempt = 0) {
  const url = new URL(ENGINE.bindings, document.baseURI);
  if (attempt) url.searchParams.set('reload', String(attempt));
  const module = await import(url.href);
  await module.default({ module_or_path: await compiledEngine });
  const { index, files, whole } = state.roots;
  if (whole) for (const kind of TRUST_STORES) module.loadTrust(kind, whole[kind]);
  if (index) module.loadRootIndex(index);
  for (const [file, text] of files) module.loadRootFile(file, text);
  for (const [language, text] of state.catalogues) giveLanguage(module, language, text);
  return module;
}

/**
 * Roots for the .pfx worker's engine, in one shape (`{ whole, index, files: [[file, text]] }`,
 * each part optional), which pfx-worker.js loads in the order a fresh module above does.
 */
function postRoots(roots) {
  if (state.worker) state.worker.postMessage({ roots });
}

/** How long a root file or the index may take before the page falls back (a stalled network). */
const ROOTS_TIMEOUT_MS = 10000;

/** The text at `url`, or an error for an HTTP failure or a stall. */
async function fetchText(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(ROOTS_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/**
 * The index of both root programs, fetched as the page starts (a few kilobytes): from then on
 * the engine names the root files a chain needs, which `loadRootFiles` fetches. Until it is
 * there the engine judges the names only and leaves every client verdict pending.
 */
async function loadRootIndex(fetched) {
  try {
    const index = await fetched;
    state.engine.loadRootIndex(index);
    state.roots.index = index;
    postRoots({ index });
    state.trustState = 'ready';
  } catch (error) {
    state.trustState = (await loadWholeStores()) ? 'ready' : 'failed';
  }
}

/** The root files the engine asked for (`response.roots`); true when they are loaded. */
async function loadRootFiles(files) {
  try {
    const texts = await Promise.all(files.map((file) => fetchText(`roots/${file}.txt`)));
    files.forEach((file, i) => {
      state.engine.loadRootFile(file, texts[i]);
      state.roots.files.set(file, texts[i]);
      postRoots({ files: [[file, texts[i]]] });
    });
    state.trustState = 'ready';
    return true;
  } catch (error) {
    // Offline with a file not cached: the whole stores, which the service worker keeps.
    const loaded = await loadWholeStores();
    if (!loaded) state.trustState = 'failed';
    return loaded;
  }
}

/** Both whole root stores (offline, when a root file cannot be fetched); true when loaded. */
async function loadWholeStores() {
  try {
    const texts = await Promise.all(TRUST_STORES.map((kind) => fetchText(`${kind}-roots.txt`)));
    const whole = Object.fromEntries(TRUST_STORES.map((kind, i) => [kind, texts[i]]));
    for (const kind of TRUST_STORES) state.engine.loadTrust(kind, whole[kind]);
    state.roots.whole = whole;
    postRoots({ whole });
    return true;
  } catch (error) {
    return false;
  }
}

/**
 * The second module (PKCS#12, Exchange's settings, certificate requests) runs in a worker,
 * loaded only when the first refuses an input as `unsupported`.
 */
function workerAnalyze(request) {
  if (!state.worker) {
    state.worker = new Worker('pfx-worker.js', { type: 'module' });
    postRoots({ ...state.roots, files: [...state.roots.files] });
    for (const language of state.catalogues) state.worker.postMessage({ language });
    state.worker.onmessage = ({ data }) => {
      const call = state.workerCalls.get(data.id);
      state.workerCalls.delete(data.id);
      if (call) (data.ok ? call.resolve(data.value) : call.reject(data.error));
    };
    state.worker.onerror = (event) => {
      for (const call of state.workerCalls.values()) call.reject({ code: 'CRASHED', message: event.message });
      state.workerCalls.clear();
      state.worker.terminate();
      state.worker = null;
    };
  }
  const id = state.nextCall++;
  return new Promise((resolve, reject) => {
    state.workerCalls.set(id, { resolve, reject });
    state.worker.postMessage({ id, request });
  });
}

/** The analysis, with its signatures verified by WebCrypto (see signatures.js). */
function analyze(request) {
  if (state.verified.size > 512) state.verified.clear();
  return analyzeVerified(analyzeOnce, request, state.verified, state.engine.maxRounds(), loadRootFiles);
}

async function analyzeOnce(request) {
  try {
    return state.engine.analyze(request);
  } catch (error) {
    // What this module lacks the code for (a .pfx, Exchange's settings, a request): the worker's.
    if (error && error.unsupported) return workerAnalyze(request);
    if (error && error.code) throw error;
    // A trap leaves the module's memory in an unknown state: load a fresh instance.
    state.engine = await loadEngine(state.nextCall++).catch(() => state.engine);
    throw { code: 'CRASHED', message: String((error && error.message) || error) };
  }
}

// ---- inputs -----------------------------------------------------------------------------

function buildRequest() {
  const inputs = [];
  const encoder = new TextEncoder();
  const paste = $('paste').value;
  if (paste.trim()) inputs.push({ name: state.language === 'it' ? 'testo incollato' : 'pasted text', bytes: encoder.encode(paste) });
  for (const file of state.files) inputs.push({ name: file.name, bytes: file.bytes, ...(file.fetchedFrom ? { fetchedFrom: file.fetchedFrom } : {}) });
  const password = $('password').value;
  if (password) for (const input of inputs) input.password = password;
  const trusted = $('trusted').value;
  if (trusted.trim()) inputs.push({ name: t('trustedTag'), bytes: encoder.encode(trusted), trusted: true });
  return {
    inputs,
    principal: $('msstd').value || null,
    host: $('host').value || null,
    nowMs: Date.now(),
    language: state.language,
    revocation: state.revocation,
  };
}

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(run, 60);
}

async function run() {
  const generation = ++state.generation;
  const request = buildRequest();
  updateUnderstood();
  const hasCertificate = request.inputs.some((input) => !input.trusted);
  if (!hasCertificate) {
    showEmpty();
    return;
  }
  $('results').dataset.state = 'busy';
  if (state.files.some((f) => PFX_NAME.test(f.name))) $('verdict-text').textContent = t('pfxLoading');
  try {
    const response = await analyze(request);
    if (generation !== state.generation) return;
    showPasswordNote(null);
    render(response);
  } catch (error) {
    if (generation !== state.generation) return;
    showError(error);
  }
}

async function addFiles(list) {
  let unreadable = null;
  for (const file of list) {
    try {
      state.files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (error) {
      // A file larger than the browser will hold in memory, or one removed from the disk since.
      unreadable = { code: 'FILE_UNREADABLE', message: say('unreadable', { name: file.name }) + ((error && error.message) || String(error)) };
    }
  }
  renderFiles();
  if (!unreadable) {
    // A drop or a file choice is complete at once: no typing delay.
    clearTimeout(state.timer);
    run();
    return;
  }
  // The error stays until the next change: no analysis scheduled or running may replace it.
  clearTimeout(state.timer);
  state.generation++;
  showError(unreadable);
}

function renderFiles() {
  const list = $('file-list');
  list.replaceChildren(
    ...state.files.map((file, index) => {
      const remove = el('button', { text: t('remove'), attrs: { type: 'button', 'aria-label': `${t('remove')} ${file.name}` } });
      remove.addEventListener('click', () => {
        state.files.splice(index, 1);
        renderFiles();
        schedule();
      });
      return el('li', {}, el('span', { text: `${file.name} (${file.bytes.length} B)` }), remove);
    }),
  );
  $('password-field').hidden = !state.files.some((f) => PFX_NAME.test(f.name)) && !$('password').value;
}

function updateUnderstood() {
  const out = $('msstd-understood');
  const text = $('msstd').value;
  const parsed = state.engine && text.trim() ? state.engine.parsePrincipal(text, state.language) : null;
  out.textContent = parsed ? parsed.summary : '';
  out.classList.toggle('defect', Boolean(parsed && parsed.principal.defects.length));
}

// ---- live fetch through msstd-relay ------------------------------------------------------

/** Where the relay's API is: the page's own origin unless the deployer named another. */
function relayBase() {
  const configured = document.querySelector('meta[name="msstd-relay"]')?.content.trim();
  return new URL('api/v1/', configured ? new URL(configured, document.baseURI) : document.baseURI);
}

/**
 * Shows the fetch controls only when a relay answers; a static host simply has none.
 * `body[data-relay]` says what the probe found (`present` or `absent`) once it is over.
 */
async function probeRelay() {
  let present = false;
  // Offline (the service worker answering) there is nobody to ask: no request, no console error.
  // A static host answers with its own copy of api/v1/health ({"service":"none"}), so the probe
  // never meets a 404 there either.
  if (/^https?:$/.test(location.protocol) && navigator.onLine !== false) {
    try {
      const response = await fetch(new URL('health', relayBase()), { cache: 'no-store', signal: AbortSignal.timeout(3000) });
      const health = response.ok ? await response.json() : null;
      present = Boolean(health && health.service === 'msstd-relay');
    } catch {
      // No relay: the page works without it.
    }
  }
  $('live').hidden = !present;
  $('domain-check').hidden = !present;
  document.body.dataset.relay = present ? 'present' : 'absent';
}

function pemOf(chain) {
  return chain.map((b64) => `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`).join('');
}

async function fetchLive() {
  const status = $('live-status');
  const target = ($('live-target').value || $('host').value).trim();
  if (!target) {
    status.textContent = t('liveNoTarget');
    return;
  }
  const query = new URLSearchParams({ host: target });
  if ($('live-starttls').value) query.set('starttls', $('live-starttls').value);
  status.textContent = t('liveFetching');
  $('live-fetch').disabled = true;
  try {
    const response = await fetch(new URL(`chain?${query}`, relayBase()), { cache: 'no-store', signal: AbortSignal.timeout(30000) });
    const body = await response.json();
    if (!response.ok) throw body.error || { message: `HTTP ${response.status}` };
    const c = body.connection;
    // One input, in the order presented, so the engine judges that order; a new fetch replaces it.
    state.files = state.files.filter((f) => !f.fetched);
    state.files.push({ name: `${c.host}:${c.port}`, bytes: new TextEncoder().encode(pemOf(body.chain)), fetched: true });
    // What the certificates' OCSP responders and CRLs said, verified by the relay (the page
    // itself sends no request to them).
    state.revocation = (body.revocation || []).map((r) => ({
      certificate: r.certificate,
      source: r.source,
      url: r.url,
      status: r.status,
      ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.detail != null ? { detail: r.detail } : {}),
    }));
    // Issuers the server does not send, which the relay downloaded from their AIA address.
    for (const issuer of body.fetched || []) {
      const bytes = Uint8Array.from(atob(issuer.bytes), (ch) => ch.charCodeAt(0));
      state.files.push({ name: issuer.url, bytes, fetched: true, fetchedFrom: issuer.url });
    }
    status.textContent = say('liveFetched', {
      target: `${c.host}:${c.port}`,
      address: c.address,
      version: c.tls_version,
      suite: c.cipher_suite,
      count: body.chain.length,
      ms: Math.round(c.timings_ms.total),
    });
    if (!$('host').value && !/^[\d.:[\]]+$/.test(c.host)) $('host').value = c.host;
    renderFiles();
    schedule();
  } catch (error) {
    status.textContent = t('liveFailed') + (error.message || String(error)) + (error.code ? ` (${error.code})` : '');
  } finally {
    $('live-fetch').disabled = false;
  }
}

// ---- the domain check through msstd-relay ---------------------------------------------------

const DOMAIN_CLASS = { found: 'ok', 'found-after-prompt': 'warn', 'not-found': 'bad' };
const ENDPOINT_MARK = { autodiscover: '\u2714', alert: '\u26A0', redirect: '\u21AA' };

/** The relay probes and the engine (in the relay) judges; the page only words and shows it. */
async function checkDomain() {
  const status = $('domain-status');
  const domain = $('domain').value.trim().replace(/^.*@/, '');
  if (!domain) {
    status.textContent = t('domainNoDomain');
    return;
  }
  const started = performance.now();
  status.textContent = t('domainChecking');
  $('domain-go').disabled = true;
  try {
    const query = new URLSearchParams({ domain, lang: state.language });
    const response = await fetch(new URL(`domain?${query}`, relayBase()), { cache: 'no-store', signal: AbortSignal.timeout(90000) });
    const body = await response.json();
    if (!response.ok) throw body.error || { message: `HTTP ${response.status}` };
    renderDomain(body);
    status.textContent = say('domainDone', { ms: Math.round(performance.now() - started) });
    // Then the Outlook Anywhere host, with the msstd verdict, through the live fetch.
    if ($('host').value.trim()) {
      $('live-target').value = $('host').value.trim();
      await fetchLive();
    }
  } catch (error) {
    status.textContent = t('domainFailed') + (error.message || String(error)) + (error.code ? ` (${error.code})` : '');
  } finally {
    $('domain-go').disabled = false;
  }
}

function renderDomain(report) {
  const box = $('domain-result');
  box.dataset.outcome = report.outcome;
  box.className = `answer domain-result ${DOMAIN_CLASS[report.outcome] || 'none'}`;
  $('domain-answer').textContent = report.answer;
  $('domain-endpoints').replaceChildren(
    ...report.endpoints.map((endpoint, i) =>
      el(
        'li',
        {
          className: `endpoint ${endpoint.outcome}${endpoint.reached ? '' : ' unreached'}${i === report.used ? ' used' : ''}`,
          attrs: { 'data-method': endpoint.method, 'data-outcome': endpoint.outcome, 'data-reached': String(endpoint.reached) },
        },
        el('span', { text: ENDPOINT_MARK[endpoint.outcome] || '\u2013', className: 'mark', attrs: { 'aria-hidden': 'true' } }),
        el('code', { text: endpoint.url }),
        el('p', { text: endpoint.summary }),
      ),
    ),
  );
  $('domain-findings').replaceChildren(...report.findings.map((finding) => findingItem(finding)));
  box.hidden = false;
}

// ---- results ----------------------------------------------------------------------------

const VERDICT_CLASS = {
  MSSTD_MATCH: 'ok',
  MSSTD_SAN_ONLY: 'warn',
  MSSTD_WILDCARD: 'warn',
  MSSTD_MISMATCH: 'bad',
  MSSTD_SYNTAX: 'bad',
};
const VERDICT_MARK = { ok: '\u2714', warn: '\u26a0', bad: '\u2716', none: '\u2139' };

function setVerdict(code, text) {
  const box = $('verdict');
  const kind = VERDICT_CLASS[code] || 'none';
  box.dataset.verdict = code || '';
  box.className = `verdict ${kind}`;
  $('verdict-text').replaceChildren(el('span', { text: VERDICT_MARK[kind], className: 'mark', attrs: { 'aria-hidden': 'true' } }), ` ${text}`);
}

function clearResults() {
  $('error').hidden = true;
  $('answer').hidden = true;
  $('answer').dataset.outcome = '';
  for (const id of ['outcomes', 'fix', 'exports', 'findings-title', 'chain-title', 'connectors-title']) $(id).hidden = true;
  $('findings').replaceChildren();
  $('connectors').replaceChildren();
  $('chain').replaceChildren();
  state.response = null;
}

function showEmpty() {
  clearResults();
  setVerdict('', t('verdictEmpty'));
  $('results').dataset.state = 'idle';
}

function showPasswordNote(code) {
  const note = $('password-note');
  note.textContent = code === 'INPUT_PASSWORD_REQUIRED' ? t('passwordRequired') : code === 'INPUT_WRONG_PASSWORD' ? t('passwordWrong') : '';
  if (code) $('password-field').hidden = false;
}

function showError(error) {
  clearResults();
  const code = (error && error.code) || 'CRASHED';
  showPasswordNote(code);
  setVerdict('', code === 'CRASHED' ? t('crashed') + (error.message || '') : error.message || String(error));
  const box = $('error');
  box.textContent = code;
  box.hidden = false;
  $('results').dataset.state = 'error';
}

function render(response) {
  clearResults();
  state.response = response;
  const report = response.report;
  const msstd = report.msstd;
  // Connectors alone: nothing was given that Outlook connects to.
  const settingsOnly = report.inputs.every((input) => input.format === 'exchange-settings');
  if (!settingsOnly) renderAnswer(response);
  setVerdict(report.summary.verdict, msstd ? response.headline : t(settingsOnly ? 'verdictConnectors' : 'verdictNoPrincipal'));
  if (report.build && report.build.stores.length) {
    state.stores = report.build.stores;
    renderVersion();
  }

  if (msstd && msstd.legacy_windows !== 'not-checked') {
    const outcomes = $('outcomes');
    outcomes.replaceChildren(
      msstd.code === 'MSSTD_SYNTAX' ? el('p', { text: t('onceCorrected') }) : '',
      el('p', { text: `${t('label-name-check')}:` }),
      el('p', { className: `outcome ${msstd.modern_windows}` }, el('strong', { text: `${t('label-modern-windows')}: ` }), response.modern_windows),
      el('p', { className: `outcome ${msstd.legacy_windows}` }, el('strong', { text: `${t('label-legacy-windows')}: ` }), response.legacy_windows),
    );
    outcomes.hidden = false;
  }
  renderFix(msstd && msstd.fix, report);
  const inSections = renderExchange(report);
  renderFindings(report.findings.filter((f) => !inSections.has(f)));
  renderChain(report, msstd && msstd.matched ? msstd.matched.name.toLowerCase() : null);
  $('exports').hidden = false;
  $('export-pem').hidden = !report.chain.pem;
  $('share-note').textContent = '';
  $('results').dataset.state = 'done';
}

const ANSWER_CLASS = { connects: 'ok', partial: 'warn', fails: 'bad', uncertain: 'warn', pending: 'none' };
const CLIENT_MARK = { yes: '\u2714', no: '\u2716', uncertain: '?', pending: '\u2026' };

/**
 * "Will Outlook Anywhere connect?": the banner, from the engine's verdict per family of clients,
 * each with what decides it (what stops it, or the conditions it connects under).
 */
function renderAnswer(response) {
  const report = response.report;
  const outcome = report.summary.outcome;
  const box = $('answer');
  box.dataset.outcome = outcome;
  box.className = `answer ${ANSWER_CLASS[outcome] || 'none'}`;
  const failed = outcome === 'pending' && state.trustState === 'failed';
  $('answer-text').textContent = failed ? t('trustUnavailable') : response.answer;
  $('clients').replaceChildren(
    ...report.clients.map((verdict, i) => {
      // What stops a family or leaves it uncertain, in full; the conditions of one that connects
      // are in its outcome.
      const reasons = verdict.outcome === 'no' || verdict.outcome === 'uncertain' ? verdict.findings.map((index) => report.findings[index]).filter(Boolean) : [];
      return el(
        'li',
        { className: `client ${verdict.outcome}`, attrs: { 'data-client': verdict.client, 'data-outcome': verdict.outcome } },
        el('span', { text: CLIENT_MARK[verdict.outcome], className: 'mark', attrs: { 'aria-hidden': 'true' } }),
        el('strong', { text: `${response.clients[i].name}: ` }),
        response.clients[i].outcome,
        reasons.length ? el('ul', { className: 'reasons' }, ...reasons.map((f) => el('li', { attrs: { 'data-code': f.code } }, el('code', { text: f.code }), ` ${f.message}`))) : null,
      );
    }),
  );
  box.hidden = false;
}

/** The fix box: the msstd values to type, then each fix, the one that unblocks the most clients first. */
function renderFix(fix, report) {
  // The msstd values have their own copy boxes below.
  const steps = report.summary.fix_order
    .map((index) => report.findings[index])
    .filter((f) => f && f.fix && !(fix && f.code.startsWith('MSSTD_')));
  $('fix-steps').replaceChildren(...steps.map((f) => el('li', { attrs: { 'data-code': f.code } }, f.fix)));
  $('fix-steps').hidden = steps.length === 0;
  $('fix-cmdlet').parentElement.hidden = true;
  $('fix-outlook').parentElement.hidden = true;
  $('fix-reissue').textContent = '';
  $('fix').hidden = !fix && steps.length === 0;
  if (!fix) return;
  const cmdlet = fix.set_outlook_provider.join('\n');
  $('fix-cmdlet').textContent = cmdlet;
  $('fix-cmdlet').parentElement.hidden = !cmdlet;
  $('fix-outlook').textContent = fix.outlook_setting || '';
  $('fix-outlook').parentElement.hidden = !fix.outlook_setting;
  const notes = [];
  if (fix.reissue_common_name) notes.push(t('fixReissue') + fix.reissue_common_name);
  if (!fix.works_on_all_windows) notes.push(t('fixNoCn'));
  $('fix-reissue').textContent = notes.join(' ');
  $('fix').hidden = false;
}

/** One finding as a list item: severity, code, sentence, fix, and where the rule comes from. */
function findingItem(finding) {
  return el(
    'li',
    { className: `finding ${finding.severity}`, attrs: { 'data-code': finding.code, 'data-severity': finding.severity } },
    el('span', { text: t(finding.severity), className: 'badge' }),
    el('code', { text: finding.code, className: 'code' }),
    el('p', { text: finding.message }),
    finding.fix ? el('p', { text: finding.fix, className: 'finding-fix' }) : null,
    el('p', { text: finding.reference, className: 'reference' }),
  );
}

/** A copy box for a command the engine wrote. */
function copyBox(command) {
  const button = el('button', { text: t('copy'), attrs: { type: 'button' } });
  button.addEventListener('click', () => copy(command, button));
  return el('div', { className: 'copyable' }, el('span', { text: t('fixShell'), className: 'what' }), el('pre', { text: command }), button);
}

/** One section of Exchange's settings: its title, its lines, its findings and its commands. */
function settingSection(kind, title, lines, findings, commands) {
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
  return el(
    'li',
    { className: `setting ${worst}`, attrs: { 'data-kind': kind, 'data-severity': worst } },
    el('h4', { text: title }),
    ...lines.map(([name, value]) => el('p', {}, el('code', { text: name }), ' ', el('code', { text: value, className: 'setting-value' }))),
    el('ul', { className: 'findings' }, ...findings.map((finding) => findingItem(finding))),
    ...commands.map(copyBox),
  );
}

/**
 * Exchange's settings, a section each: every connector (its TlsCertificateName), the Auth
 * certificate, every virtual directory's URLs; each with the findings the engine made of it
 * (told by their `connector` and `kind`, `AUTH_` code, or `directory` and `identity`) and the
 * commands that fix it. Returns the findings shown, which the findings list leaves out.
 */
function renderExchange(report) {
  const exchange = report.exchange || { connectors: [], auth: null, directories: [] };
  const shown = new Set();
  const take = (test) => report.findings.filter((f) => test(f) && shown.add(f));
  const sections = [
    ...exchange.connectors.map((c) =>
      settingSection(c.kind, `${t(`connector-${c.kind}`)}: ${c.identity}`, [['TlsCertificateName', c.tls_certificate_name || t('connectorNotSet')]],
        take((f) => f.params.connector === c.identity && f.params.kind === c.kind), c.cmdlet ? [c.cmdlet] : [])),
    ...(exchange.auth ? [settingSection('auth', t('authTitle'), [['CurrentCertificateThumbprint', exchange.auth.current || t('connectorNotSet')]],
      take((f) => f.code.startsWith('AUTH_')), exchange.auth.cmdlet ? [exchange.auth.cmdlet] : [])] : []),
    ...exchange.directories.map((d) =>
      settingSection(d.kind, d.identity ? `${t(`directory-${d.kind}`)}: ${d.identity}` : t(`directory-${d.kind}`), d.urls.map((u) => [u.property, u.value]),
        take((f) => f.code.startsWith('URL_') && f.params.directory === d.kind && (f.params.identity ?? null) === d.identity), d.cmdlets)),
  ];
  $('connectors-title').hidden = sections.length === 0;
  $('connectors').replaceChildren(...sections);
  return shown;
}

function renderFindings(findings) {
  $('findings-title').hidden = findings.length === 0;
  $('findings').replaceChildren(...findings.map((finding) => findingItem(finding)));
}

function names(label, values, matched) {
  const list = el('dd');
  if (!values.length) list.textContent = t('none');
  values.forEach((value, i) => {
    if (i) list.append(', ');
    list.append(value.toLowerCase() === matched ? el('mark', { text: value, attrs: { title: t('matched') } }) : value);
  });
  return [el('dt', { text: label }), list];
}

function renderChain(report, matched) {
  const chain = $('chain');
  const items = report.chain.path.map((index, depth) => {
    const c = report.certificates[index];
    const days = c.days_remaining >= 0 ? `${c.days_remaining} ${t('daysLeft')}` : `${t('expiredAgo')}: ${-c.days_remaining}`;
    const key = [c.key.parameter_set || c.key.algorithm, c.key.curve, c.key.bits ? `${c.key.bits} bit` : null].filter(Boolean).join(' ');
    const details = el(
      'dl',
      {},
      el('dt', { text: t('subject') }), el('dd', { text: c.subject || t('none') }),
      el('dt', { text: t('issuer') }), el('dd', { text: c.issuer || t('none') }),
      ...names(t('commonNames'), c.common_names, depth === 0 ? matched : null),
      ...names(t('dnsNames'), c.dns_names, depth === 0 ? matched : null),
      ...(c.ip_addresses.length ? names(t('ipAddresses'), c.ip_addresses, null) : []),
      el('dt', { text: t('validity') }), el('dd', { text: `${t('from')} ${c.not_before} ${t('to')} ${c.not_after} (${days})` }),
      el('dt', { text: t('key') }), el('dd', { text: key }),
      el('dt', { text: t('signature') }), el('dd', { text: c.signature_algorithm }),
      el('dt', { text: t('thumbprint') }), el('dd', { text: c.sha1_thumbprint, className: 'hex' }),
      el('dt', { text: t('sha256') }), el('dd', { text: c.sha256_fingerprint, className: 'hex' }),
      el('dt', { text: t('serial') }), el('dd', { text: c.serial, className: 'hex' }),
      ...(c.extended_key_usage ? [el('dt', { text: t('eku') }), el('dd', { text: c.extended_key_usage.join(', ') || t('none') })] : []),
      ...(c.ca_issuers.length ? [el('dt', { text: t('caIssuers') }), el('dd', { text: c.ca_issuers.join(', ') })] : []),
    );
    const title = c.common_names[0] || c.dns_names[0] || c.subject || t('none');
    return el('li', { attrs: { 'data-index': String(index) } }, el('details', depth === 0 ? { attrs: { open: '' } } : {}, el('summary', { text: title }), details));
  });
  // A certificate named, not given: what the pasted text says about it.
  const named = report.names;
  if (named && !report.certificates.length) {
    const rows = [
      ['subject', named.subject], ['dnsNames', named.dns_names.join(', ')], ['thumbprint', named.thumbprint],
      ['issuer', named.issuer], ['validity', [named.not_before, named.not_after].filter(Boolean).join(' \u2013 ')],
      ['services', named.services], ['host', named.host],
    ].filter(([, value]) => value);
    items.push(el('li', { className: 'named' }, el('details', { attrs: { open: '' } },
      el('summary', { text: t('namedCertificate') }),
      el('dl', {}, ...rows.flatMap(([key, value]) => [el('dt', { text: t(key) }), el('dd', { text: value })])))));
  }
  // An anchor that was given is already the path's last certificate.
  const anchor = report.chain.anchor;
  if (anchor && anchor.certificate === null) items.push(el('li', { className: 'anchor', text: `${t('anchor')}: ${anchor.subject}` }));
  chain.replaceChildren(...items);
  $('chain-title').textContent = `${t('chainTitle')} (${state.response.chain_status})`;
  $('chain-title').hidden = false;
}

// ---- exports and the shareable link -----------------------------------------------------

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el('a', { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function base64url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64url(text) {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** A shared link unpacked: far above what the page's own links hold (a chain is a few KB), far
 *  below what a crafted one could inflate to (deflate reaches about 1,000 to 1). */
const LINK_MAX_BYTES = 16 * 1024 * 1024;

class TooLarge extends Error {}

/** Bytes through a (de)compression stream, written to it directly (a `Blob` in between made a
 *  fresh page wait on the browser process: about 25 ms of a shared link's start, measured),
 *  read until `max` bytes at most. */
async function transform(bytes, stream, max = Infinity) {
  const writer = stream.writable.getWriter();
  // Corrupt input rejects these and the read alike: the read says it, in the stream's words.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > max) {
      reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The inputs, compressed into the URL fragment: browsers never send the fragment to a server. */
async function shareLink() {
  const files = state.files.filter((f) => !PFX_NAME.test(f.name));
  const payload = {
    paste: $('paste').value,
    msstd: $('msstd').value,
    host: $('host').value,
    files: files.map((f) => ({ name: f.name, data: base64url(f.bytes), ...(f.fetchedFrom ? { from: f.fetchedFrom } : {}) })),
  };
  const packed = await transform(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('deflate-raw'));
  const link = new URL(location.href);
  link.hash = `v1=${base64url(packed)}`;
  return { link: link.href, droppedPfx: files.length !== state.files.length };
}

/** Fills the inputs from a shared link's fragment. A link it cannot read (cut short when it was
 *  pasted, say) comes back as `{ key, detail }`, for boot() to word once the words are in. */
async function restoreFromLink() {
  const match = /^#v1=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (!match) return null;
  try {
    const json = await transform(fromBase64url(match[1]), new DecompressionStream('deflate-raw'), LINK_MAX_BYTES);
    const payload = JSON.parse(new TextDecoder().decode(json));
    $('paste').value = String(payload.paste || '');
    $('msstd').value = String(payload.msstd || '');
    $('host').value = String(payload.host || '');
    state.files = (payload.files || []).map((f) => ({
      name: String(f.name),
      bytes: fromBase64url(String(f.data)),
      ...(f.from ? { fetchedFrom: String(f.from) } : {}),
    }));
    renderFiles();
    return null;
  } catch (error) {
    if (error instanceof TooLarge) return { key: 'badLinkLarge', detail: '' };
    return { key: 'badLink', detail: String((error && error.message) || error) };
  }
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = el('textarea', { text });
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  if (button) {
    button.textContent = t('copied');
    setTimeout(() => (button.textContent = t('copy')), 1500);
  }
}

// ---- wiring -----------------------------------------------------------------------------

function wire() {
  for (const id of ['paste', 'host', 'password', 'trusted']) $(id).addEventListener('input', schedule);
  $('msstd').addEventListener('input', () => {
    updateUnderstood();
    schedule();
  });
  $('files').addEventListener('change', (event) => {
    addFiles([...event.target.files]);
    event.target.value = '';
  });
  $('language').addEventListener('change', async (event) => {
    state.language = event.target.value;
    await applyLanguage().catch(() => {});
    renderVersion();
    renderFiles();
    schedule();
  });
  $('remember-trusted').addEventListener('change', rememberTrusted);
  $('live-fetch').addEventListener('click', fetchLive);
  $('domain-go').addEventListener('click', checkDomain);
  $('domain').addEventListener('keydown', (event) => event.key === 'Enter' && checkDomain());
  $('live-target').addEventListener('keydown', (event) => event.key === 'Enter' && fetchLive());
  $('trusted').addEventListener('input', rememberTrusted);
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', () => copy($(button.dataset.copy).textContent, button));
  }
  $('export-json').addEventListener('click', () => state.response && download('msstd-check-report.json', 'application/json', JSON.stringify(state.response.report, null, 2)));
  $('export-text').addEventListener('click', async () => {
    if (!state.response) return;
    // The text form is made only when asked for: the analysis reruns with it, in a few ms.
    const response = await analyze({ ...buildRequest(), withText: true }).catch(() => null);
    if (response) download('msstd-check-report.txt', 'text/plain', response.text);
  });
  $('export-pem').addEventListener('click', () => state.response && download('corrected-chain.pem', 'application/x-pem-file', state.response.report.chain.pem));
  $('share').addEventListener('click', async () => {
    const { link, droppedPfx } = await shareLink();
    history.replaceState(null, '', link);
    await copy(link);
    $('share-note').textContent = droppedPfx ? t('shareNoPfx') : t('shareCopied');
  });

  let depth = 0;
  const overlay = $('drop-overlay');
  document.addEventListener('dragenter', (event) => {
    if (![...event.dataTransfer.types].includes('Files')) return;
    depth++;
    overlay.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    if (event.dataTransfer.files.length) addFiles([...event.dataTransfer.files]);
  });
}

const STORE_NAMES = { microsoft: 'Microsoft', mozilla: 'Mozilla' };

/** The footer: this build, then each root-store release the latest report was judged with. */
function renderVersion() {
  if (!state.engine) return;
  // Each part kept whole where it fits, its date never broken at a hyphen and the separator
  // after it never alone on a line (style.css).
  const sep = (i) => (i < state.stores.length ? ' \u00b7' : '');
  const parts = [el('span', { text: say('versionLine', { version: state.engine.version(), commit: state.engine.commit() }) + sep(0) })];
  state.stores.forEach((store, i) => {
    const release = say('storeLine', { program: STORE_NAMES[store.program] || store.program, release: store.version });
    parts.push(' ', el('span', {}, `${release} `, el('span', { text: `(${store.published.slice(0, 10)})${sep(i + 1)}`, className: 'date' })));
  });
  $('version').replaceChildren(...parts);
}

function rememberTrusted() {
  if ($('remember-trusted').checked && $('trusted').value.trim()) localStorage.setItem(REMEMBERED_ROOT, $('trusted').value);
  else localStorage.removeItem(REMEMBERED_ROOT);
}

async function boot() {
  // The engine (its module is preloaded) and a shared link's inputs are decoded at the same
  // time as the page sets itself up: neither waits for the other.
  const engine = loadEngine();
  // The root index too, beside the module: the first answer needs it.
  const index = fetchText('roots/index.txt');
  index.catch(() => {});
  const restored = restoreFromLink();
  const worded = applyLanguage();
  const remembered = localStorage.getItem(REMEMBERED_ROOT);
  if (remembered) {
    $('trusted').value = remembered;
    $('remember-trusted').checked = true;
    $('trusted-details').open = true;
  }
  try {
    state.engine = await engine;
    await worded;
    // The language's catalogue, should its words have come before the engine was assigned.
    for (const [language, text] of state.catalogues) giveLanguage(state.engine, language, text);
  } catch (error) {
    // Without the engine or the page's words, index.html's English says it.
    showError({ code: 'LOAD_FAILED', message: $('load-failed').textContent + String(error.message || error) });
    return;
  }
  renderVersion();
  wire();
  const unreadableLink = await restored;
  probeRelay();
  updateUnderstood();
  // The first answer is the whole one: the index is small, and the root files a chain needs
  // are fetched within the analysis. Should it be slow, the names are judged meanwhile.
  const roots = loadRootIndex(index);
  const slow = await Promise.race([roots.then(() => false), new Promise((resolve) => setTimeout(resolve, INDEX_PATIENCE_MS, true))]);
  if (unreadableLink === null) await run();
  else showError({ code: 'BAD_LINK', message: say(unreadableLink.key, { limit: `${LINK_MAX_BYTES >> 20} MiB` }) + unreadableLink.detail });
  document.body.dataset.ready = 'true';
  // After the first answer: the service worker's copy of everything (the whole stores among
  // it, for offline use) never competes with it.
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
  if (slow) {
    await roots;
    if (state.response) await run();
  }
  // For automation: the verdicts are final from here on.
  document.body.dataset.trust = state.trustState;
}

boot();
