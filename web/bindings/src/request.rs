//! The page's request, read field by field from the JavaScript object. Not serde: its
//! deserializer words errors with float and debug formatting that would add 20 KB to a module
//! whose every byte is downloaded, for a shape only our own page writes.

use std::cell::RefCell;

use js_sys::{Array, JsString, Reflect, Uint8Array};
use msstd_check::input::{check_input_count, check_input_size};
use msstd_check::limits::MAX_INPUT_BYTES;
use msstd_check::revocation::{self, Evidence, Failure, Source, Status};
use msstd_check::{Error, UnixTime};
use wasm_bindgen::{JsCast, JsValue};

/// One input as the page sends it.
pub(crate) struct RequestInput {
    pub name: String,
    pub bytes: Vec<u8>,
    pub password: Option<String>,
    pub trusted: bool,
    /// The AIA URL the relay downloaded this issuer from (`fetchedFrom`).
    pub fetched_from: Option<String>,
}

/// The outcome of one pending check, as the page reports it.
pub(crate) struct Answer {
    /// The check's `id`.
    pub id: String,
    /// `valid`, `invalid` or `unsupported` (WebCrypto lacks the algorithm, or refused the key).
    pub outcome: String,
}

/// What the page asks for.
pub(crate) struct Request {
    pub inputs: Vec<RequestInput>,
    pub principal: Option<String>,
    pub host: Option<String>,
    /// `Date.now()`: the engine never reads the clock (the standard library's clock traps in
    /// a browser).
    pub now_ms: f64,
    pub language: Option<String>,
    /// Whether to include the whole report as text (for "download as text"; not worth making
    /// on every keystroke).
    pub with_text: bool,
    /// Outcomes of the checks earlier responses had `pending`.
    pub signatures: Vec<Answer>,
    /// Revocation answers the relay asked for and verified (`revocation` of its chain API).
    pub revocation: Vec<Evidence>,
}

/// Why a request was refused.
pub(crate) enum Refusal {
    /// Not the shape the page sends: the field and what it should have been.
    Shape(String),
    /// An input the engine refuses, refused before its bytes are copied into the module (a
    /// copy of a few gigabytes would exhaust the module's memory, a trap).
    Input(Error),
}

impl From<String> for Refusal {
    fn from(reason: String) -> Self {
        Self::Shape(reason)
    }
}

impl From<&str> for Refusal {
    fn from(reason: &str) -> Self {
        Self::Shape(reason.to_owned())
    }
}

/// Most revocation answers read from one request: three sources for each certificate the
/// engine takes.
const MAX_REVOCATION: usize = 3 * msstd_check::limits::MAX_CERTIFICATES;

/// Most signature outcomes read from one request: well above what the page can hold (its cache
/// of 512, plus one analysis of the most certificates the engine takes, each checked against
/// every other: 4,032, and against every anchor bearing its issuer's name).
const MAX_ANSWERS: usize = 16_384;

/// Longest principal paste copied into the module, in UTF-16 units: the same cap as an input's
/// bytes (a whole Autodiscover response is a few kilobytes).
pub(crate) const MAX_PASTE: usize = MAX_INPUT_BYTES;

/// Longest host name, input name or password copied into the module, in UTF-16 units.
const MAX_FIELD: usize = 4096;

/// Longest language tag, check id or outcome copied into the module, in UTF-16 units.
pub(crate) const MAX_TOKEN: usize = 128;

/// Reads a property. The names are made into JavaScript strings once per module instance:
/// each one made anew costs a trip through `TextDecoder`, for every field of every request.
fn field(object: &JsValue, name: &'static str) -> JsValue {
    thread_local! {
        static NAMES: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
    }
    // The key leaves the borrow before the read: a getter on the request may call back in.
    let key = NAMES.with_borrow_mut(|names| match names.iter().find(|(known, _)| *known == name) {
        Some((_, key)) => key.clone(),
        None => {
            let key = JsValue::from_str(name);
            names.push((name, key.clone()));
            key
        }
    });
    Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED)
}

/// `value` as text, when it is a string of at most `max` UTF-16 units; copied into the module
/// only then. Every text has a cap, so that the request as a whole has one.
pub(crate) fn text(value: &JsValue, max: usize) -> Option<String> {
    value
        .dyn_ref::<JsString>()
        .filter(|text| text.length() as usize <= max)
        .map(String::from)
}

/// `array` copied into the module, when it is within the engine's input cap; otherwise the
/// engine's error for the input named `name` at `position`, and nothing copied.
fn copy_input(array: &Uint8Array, name: &str, position: usize) -> Result<Vec<u8>, Error> {
    check_input_size(name, position, array.length() as usize)?;
    Ok(array.to_vec())
}

/// `value` as bytes, when it is a `Uint8Array` of at most [`MAX_INPUT_BYTES`]; copied into the
/// module only then. Otherwise the error code: `BAD_REQUEST` or the engine's `INPUT_TOO_LARGE`.
pub(crate) fn bytes(value: &JsValue) -> Result<Vec<u8>, &'static str> {
    let array = value.dyn_ref::<Uint8Array>().ok_or("BAD_REQUEST")?;
    copy_input(array, "", 0).map_err(|e| e.code())
}

fn is_missing(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

fn optional_string(object: &JsValue, name: &'static str, at: &str, max: usize) -> Result<Option<String>, String> {
    let value = field(object, name);
    if is_missing(&value) {
        return Ok(None);
    }
    if !value.is_string() {
        return Err(format!("{at}{name} must be a string"));
    }
    text(&value, max)
        .map(Some)
        .ok_or_else(|| format!("{at}{name} is longer than {max} characters"))
}

fn string(object: &JsValue, name: &'static str, at: &str, max: usize) -> Result<String, String> {
    optional_string(object, name, at, max)?.ok_or_else(|| format!("{at}{name} is missing"))
}

fn flag(object: &JsValue, name: &'static str, at: &str) -> Result<bool, String> {
    let value = field(object, name);
    if is_missing(&value) {
        return Ok(false);
    }
    value
        .as_bool()
        .ok_or_else(|| format!("{at}{name} must be true or false"))
}

fn list(object: &JsValue, name: &'static str, required: bool) -> Result<Array, String> {
    let value = field(object, name);
    if is_missing(&value) && !required {
        return Ok(Array::new());
    }
    value
        .dyn_into::<Array>()
        .map_err(|_| format!("{name} must be an array"))
}

impl Request {
    /// Reads a request object.
    pub(crate) fn read(request: &JsValue) -> Result<Self, Refusal> {
        if !request.is_object() {
            return Err("the request must be an object".into());
        }
        let listed = list(request, "inputs", true)?;
        check_input_count(listed.length() as usize).map_err(Refusal::Input)?;
        let mut inputs = Vec::new();
        for (index, input) in listed.iter().enumerate() {
            let at = format!("inputs[{index}].");
            let bytes = field(&input, "bytes")
                .dyn_into::<Uint8Array>()
                .map_err(|_| format!("{at}bytes must be a Uint8Array"))?;
            let name = string(&input, "name", &at, MAX_FIELD)?;
            let bytes = copy_input(&bytes, &name, index).map_err(Refusal::Input)?;
            inputs.push(RequestInput {
                name,
                bytes,
                password: optional_string(&input, "password", &at, MAX_FIELD)?,
                trusted: flag(&input, "trusted", &at)?,
                fetched_from: optional_string(&input, "fetchedFrom", &at, MAX_FIELD)?,
            });
        }
        let answers = list(request, "signatures", false)?;
        if answers.length() as usize > MAX_ANSWERS {
            return Err(format!("signatures has more than {MAX_ANSWERS} entries").into());
        }
        let mut signatures = Vec::new();
        for (index, answer) in answers.iter().enumerate() {
            let at = format!("signatures[{index}].");
            signatures.push(Answer {
                id: string(&answer, "id", &at, MAX_TOKEN)?,
                outcome: string(&answer, "outcome", &at, MAX_TOKEN)?,
            });
        }
        let answers = list(request, "revocation", false)?;
        if answers.length() as usize > MAX_REVOCATION {
            return Err(format!("revocation has more than {MAX_REVOCATION} entries").into());
        }
        let mut revocation = Vec::new();
        for (index, answer) in answers.iter().enumerate() {
            revocation.extend(evidence(&answer, &format!("revocation[{index}]."))?);
        }
        Ok(Self {
            revocation,
            inputs,
            principal: optional_string(request, "principal", "", MAX_PASTE)?,
            host: optional_string(request, "host", "", MAX_FIELD)?,
            now_ms: field(request, "nowMs")
                .as_f64()
                .filter(|ms| ms.is_finite())
                .ok_or("nowMs must be a number (Date.now())")?,
            language: optional_string(request, "language", "", MAX_TOKEN)?,
            with_text: flag(request, "withText", "")?,
            signatures,
        })
    }
}

/// A whole number of at most 2^53 (what a JavaScript number holds exactly), or nothing.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "a whole, non-negative number below 2^53 converts exactly; formatting the float instead would bring 20 KB of float printing into the module"
)]
fn whole_number(value: &JsValue) -> Result<Option<u64>, ()> {
    if is_missing(value) {
        return Ok(None);
    }
    let number = value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(n))
        .ok_or(())?;
    Ok(Some(number as u64))
}

/// One revocation answer: `certificate` (its SHA-256 fingerprint), `source` (`ocsp`, `crl`,
/// `stapled`), `url`, `status` (`good`, `revoked` with `revokedAt` and the CRLReason `reason`,
/// `failed` with the failure code `reason` and, for the codes that carry one, its `detail`).
/// `None` for a failure whose code this build does not know.
fn evidence(answer: &JsValue, at: &str) -> Result<Option<Evidence>, String> {
    let source = string(answer, "source", at, MAX_TOKEN)?;
    let source = Source::named(&source).ok_or_else(|| format!("{at}source must be ocsp, crl or stapled"))?;
    let reason = optional_string(answer, "reason", at, MAX_FIELD)?;
    let status = match string(answer, "status", at, MAX_TOKEN)?.as_str() {
        "good" => Status::Good,
        "revoked" => {
            let at_time = string(answer, "revokedAt", at, MAX_TOKEN)?;
            Status::Revoked {
                at: UnixTime::parse_rfc3339(&at_time)
                    .ok_or_else(|| format!("{at}revokedAt must be an RFC 3339 time"))?,
                reason: reason.as_deref().and_then(revocation::reason_named),
            }
        }
        "failed" => {
            let detail =
                whole_number(&field(answer, "detail")).map_err(|()| format!("{at}detail must be a whole number"))?;
            // A code this build does not know (a relay of another version) is left out: a failed
            // check decides no verdict, and refusing it would refuse every analysis after it.
            let Some(failure) = Failure::named(&reason.unwrap_or_default(), detail) else {
                return Ok(None);
            };
            Status::Failed(failure)
        }
        _ => return Err(format!("{at}status must be good, revoked or failed")),
    };
    Ok(Some(Evidence {
        certificate: string(answer, "certificate", at, MAX_TOKEN)?,
        source,
        url: optional_string(answer, "url", at, MAX_FIELD)?.unwrap_or_default(),
        status,
    }))
}
