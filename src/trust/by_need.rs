//! Roots by need: the page judges a chain without downloading two whole programs. An index
//! names, for each subject a program holds roots under, the file their data is in; the engine
//! says which files a chain's names need ([`TrustStore::missing_file`], the completion's
//! `Need::RootFile`), the page fetches those and loads them ([`TrustStore::load_file`]). Files
//! are named by the hash of their content, so a cache may keep them for ever.
//!
//! The index (`roots/index.txt`): `#@ program mozilla|microsoft` opens a program's section of
//! `#@ version` and `#@ published` directives (as in a trust-data file); `#@ roots` is followed
//! by a line per subject: the subject's name hash, the file, and the programs that hold roots
//! under it (`1` Mozilla, `2` Microsoft, `3` both). A file (`roots/<file>.txt`) holds, per
//! program, `#@ program <name>` and that program's trust-data lines for the subject (its
//! `#@ pilot` directives first). The name hash is the first 6 bytes of the SHA-256 of the
//! subject's DER, in hexadecimal (two subjects that share one only cost a file more); the file
//! name the first 8 bytes of its content's SHA-256.
//!
//! [`split`] writes both from the trust-data files; the command line and the relay keep the
//! whole stores built in.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sha2::{Digest as _, Sha256};

use super::{data, AnchorSource, TrustStore};
use crate::hex::hex_upper;
use crate::{base64, Error, UnixTime};

/// One subject of the index: its name hash and the file its roots are in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    pub name: u64,
    pub file: String,
}

/// The index and the files, as [`split`] writes them.
#[derive(Clone, Debug)]
pub struct RootFiles {
    /// `roots/index.txt`.
    pub index: String,
    /// Each file's name (without `.txt`) and content.
    pub files: Vec<(String, String)>,
}

/// Bytes of SHA-256 kept for a name hash and for a file name.
const NAME_BYTES: usize = 6;
const FILE_BYTES: usize = 8;

/// The name hash of a subject or issuer Name, whole DER.
pub(super) fn name_hash(name_der: &[u8]) -> u64 {
    let digest = Sha256::digest(name_der);
    digest[..NAME_BYTES].iter().fold(0, |hash, &b| hash << 8 | u64::from(b))
}

/// The file name of `content`.
fn file_name(content: &str) -> String {
    hex_upper(&Sha256::digest(content.as_bytes())[..FILE_BYTES]).to_ascii_lowercase()
}

fn program(source: AnchorSource) -> &'static str {
    match source {
        AnchorSource::Microsoft => "microsoft",
        AnchorSource::Mozilla | AnchorSource::Supplied => "mozilla",
    }
}

fn bit(source: AnchorSource) -> u8 {
    match source {
        AnchorSource::Microsoft => 2,
        AnchorSource::Mozilla | AnchorSource::Supplied => 1,
    }
}

/// The index and the files of both programs' trust-data files.
///
/// # Errors
/// [`Error::MalformedTrustData`] when either file does not read.
pub fn split(mozilla: &str, microsoft: &str) -> Result<RootFiles, Error> {
    // By subject name hash: each program's lines for it, its pilot directives first.
    let mut subjects: BTreeMap<u64, BTreeMap<&'static str, Vec<String>>> = BTreeMap::new();
    let mut headers = String::new();
    for (text, source) in [(mozilla, AnchorSource::Mozilla), (microsoft, AnchorSource::Microsoft)] {
        // Read whole first: a file that does not read is refused here, not half split.
        let store = data::parse(text, source)?;
        let _ = writeln!(headers, "#@ program {}", program(source));
        if let Some(version) = store.version() {
            let _ = writeln!(headers, "#@ version {}", version.version);
            let _ = writeln!(headers, "#@ published {}", version.published);
        }
        let pilots: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("#@ pilot ")).collect();
        for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let fields: Vec<&str> = line.split(' ').collect();
            let (Some(thumbprint), Some(subject)) = (fields.first(), fields.get(3)) else {
                continue;
            };
            let der = base64::decode(subject).map_err(|e| Error::MalformedTrustData {
                line: 0,
                reason: e.to_string(),
            })?;
            let lines = subjects
                .entry(name_hash(&der))
                .or_default()
                .entry(program(source))
                .or_default();
            if let Some(pilot) = pilots.iter().find(|p| p.eq_ignore_ascii_case(thumbprint)) {
                lines.insert(0, format!("#@ pilot {pilot}"));
            }
            lines.push(line.to_owned());
        }
    }
    let mut index = String::from(
        "# msstd-check's roots by need: a subject a line, the file its roots are in, the programs\n\
         # (1 Mozilla, 2 Microsoft, 3 both). Format: src/trust/by_need.rs.\n",
    );
    index.push_str(&headers);
    index.push_str("#@ roots\n");
    let mut files = Vec::new();
    for (name, programs) in subjects {
        let mut content = String::new();
        let mut bits = 0;
        for (program, lines) in &programs {
            let _ = writeln!(content, "#@ program {program}");
            for line in lines {
                let _ = writeln!(content, "{line}");
            }
            bits |= if *program == "microsoft" { 2 } else { 1 };
        }
        let file = file_name(&content);
        let _ = writeln!(index, "{name:0width$x} {file} {bits}", width = NAME_BYTES * 2);
        files.push((file, content));
    }
    Ok(RootFiles { index, files })
}

impl TrustStore {
    /// A store of `source`'s program that holds no root yet, only the index of where they are
    /// (`roots/index.txt`): [`TrustStore::load_file`] adds the files a chain needs.
    ///
    /// # Errors
    /// [`Error::MalformedTrustData`] naming the first line that does not read.
    pub fn from_index(text: &str, source: AnchorSource) -> Result<Self, Error> {
        let mut index = Vec::new();
        let (mut section, mut roots) = (None, false);
        let (mut version, mut published) = (None, None);
        for (number, line) in text.lines().enumerate() {
            let malformed = |reason: &str| Error::MalformedTrustData {
                line: number + 1,
                reason: reason.to_owned(),
            };
            if let Some(name) = line.strip_prefix("#@ program ") {
                section = Some(name.trim() == program(source));
                continue;
            }
            if line == "#@ roots" {
                roots = true;
                continue;
            }
            if line.is_empty() || line.starts_with('#') && !line.starts_with("#@ ") {
                continue;
            }
            if !roots {
                let mine = section == Some(true);
                match line.strip_prefix("#@ ").and_then(|d| d.split_once(' ')) {
                    Some(("version", release)) if mine => version = Some(release.to_owned()),
                    Some(("published", instant)) if mine => {
                        published = Some(
                            UnixTime::parse_rfc3339(instant)
                                .ok_or_else(|| malformed(&format!("\"{instant}\" is not a date")))?,
                        );
                    }
                    Some(("version" | "published", _)) => {}
                    _ => return Err(malformed(&format!("unknown line \"{line}\""))),
                }
                continue;
            }
            let mut fields = line.split(' ');
            let (Some(name), Some(file), Some(bits), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(malformed("an index line is a name hash, a file and the programs"));
            };
            let name = u64::from_str_radix(name, 16)
                .ok()
                .filter(|_| name.len() == NAME_BYTES * 2)
                .ok_or_else(|| malformed("the name hash is not 12 hexadecimal digits"))?;
            let bits: u8 = bits.parse().map_err(|_| malformed("the programs are 1, 2 or 3"))?;
            if file.len() != FILE_BYTES * 2 || !file.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(malformed("the file is not 16 hexadecimal digits"));
            }
            if bits & bit(source) != 0 {
                index.push(Entry {
                    name,
                    file: file.to_owned(),
                });
            }
        }
        let version = data::release(text, index.is_empty(), version.zip(published), source)?;
        Ok(Self {
            index: index.into(),
            index_program: Some(source),
            ..Self::of(Vec::new(), version)
        })
    }

    /// Adds the roots of `file` (its content `text`, fetched for [`TrustStore::missing_file`])
    /// of this store's program. Returns how many were added; a file loaded already adds none.
    ///
    /// # Errors
    /// [`Error::MalformedTrustData`] when the content is not the file's (its hash differs) or
    /// does not read.
    pub fn load_file(&mut self, file: &str, text: &str) -> Result<usize, Error> {
        let malformed = |reason: &str| Error::MalformedTrustData {
            line: 0,
            reason: reason.to_owned(),
        };
        if file_name(text) != file {
            return Err(malformed("the file's content is not what its name says"));
        }
        let Some(source) = self.index_program else {
            return Ok(0);
        };
        if !self.index.iter().any(|e| e.file == file) || self.loaded.iter().any(|f| f == file) {
            return Ok(0);
        }
        let mut added = 0;
        let mut sections = text.split("#@ program ");
        sections.next();
        for section in sections {
            let (name, lines) = section.split_once('\n').unwrap_or((section, ""));
            if name.trim() != program(source) {
                continue;
            }
            for anchor in data::parse(lines, source)?.anchors() {
                self.added.push(anchor.clone());
                added += 1;
            }
        }
        self.loaded.push(file.to_owned());
        Ok(added)
    }

    /// The file that holds this store's roots named `name_der` (a Name, whole DER), when the
    /// index says there are some and they are not loaded yet: until they are, the store cannot
    /// judge a chain that names them.
    pub fn missing_file(&self, name_der: &[u8]) -> Option<&str> {
        if self.index.is_empty() {
            return None;
        }
        let name = name_hash(name_der);
        self.index
            .iter()
            .find(|e| e.name == name && !self.loaded.contains(&e.file))
            .map(|e| e.file.as_str())
    }
}

#[cfg(all(test, feature = "mozilla-roots", feature = "microsoft-roots"))]
mod tests {
    use super::*;

    const MOZILLA: &str = include_str!("../../data/mozilla-roots.txt");
    const MICROSOFT: &str = include_str!("../../data/microsoft-roots.txt");

    /// Loaded file by file, each program's index store holds exactly its whole store's roots,
    /// and asks for a file until it has it.
    #[test]
    fn the_files_make_up_both_stores_exactly() {
        let split = split(MOZILLA, MICROSOFT).unwrap();
        for (whole, source) in [
            (TrustStore::mozilla(), AnchorSource::Mozilla),
            (TrustStore::microsoft(), AnchorSource::Microsoft),
        ] {
            let mut store = TrustStore::from_index(&split.index, source).unwrap();
            assert_eq!(store.len(), 0);
            assert_eq!(store.version(), whole.version());
            for anchor in whole.anchors() {
                let (subject, _) = anchor.subject_and_key();
                let file = store.missing_file(&subject).map(str::to_owned);
                if let Some(file) = file {
                    let (_, text) = split.files.iter().find(|(f, _)| *f == file).unwrap();
                    assert!(store.load_file(&file, text).unwrap() > 0);
                    assert_eq!(store.load_file(&file, text).unwrap(), 0, "loaded once");
                }
                assert_eq!(store.missing_file(&subject), None);
                // The same root, with the program's properties (a program may list one subject
                // and key twice, under other dates).
                let same = |a: &&super::super::Anchor| {
                    (&a.subject, &a.spki, a.source, a.pilot, a.limits, &a.name_constraints)
                        == (
                            &anchor.subject,
                            &anchor.spki,
                            anchor.source,
                            anchor.pilot,
                            anchor.limits,
                            &anchor.name_constraints,
                        )
                };
                assert!(store.anchors().any(|a| same(&a)), "{}", anchor.name());
            }
            assert_eq!(store.len(), whole.len());
        }
        // Pilots travel with their root.
        assert!(TrustStore::microsoft().anchors().any(|a| a.pilot));
        // A file whose content changed is refused.
        let (file, text) = &split.files[0];
        let mut store = TrustStore::from_index(&split.index, AnchorSource::Microsoft).unwrap();
        let error = store.load_file(file, &text.replace('A', "B")).unwrap_err();
        assert_eq!(error.code(), "TRUST_DATA_MALFORMED");
    }

    #[test]
    fn the_index_is_small_and_refuses_garbage() {
        let split = split(MOZILLA, MICROSOFT).unwrap();
        assert!(split.index.len() < 40_000, "{}", split.index.len());
        for (text, reason) in [
            ("", "no root"),
            ("#@ roots\nzz 00 1\n", "12 hexadecimal"),
            ("#@ roots\n00b787c451f4 short 1\n", "16 hexadecimal"),
            ("#@ roots\n00b787c451f400 8c401a5b1bf1ef8e 1\n", "12 hexadecimal"),
            ("#@ what\n", "unknown line"),
        ] {
            let error = TrustStore::from_index(text, AnchorSource::Mozilla).unwrap_err();
            assert!(error.to_string().contains(reason), "{text:?}: {error}");
        }
    }
}
