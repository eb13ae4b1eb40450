//! The catalogues: every sentence of every language, as data. Each language is one Fluent file,
//! `locales/<tag>.ftl` (<https://projectfluent.org/fluent/guide/>), read by the build script
//! with `fluent-syntax` and compiled into the static tables below, so the module carries no
//! parser and a missing message or argument fails the build instead of a user's report.
//!
//! What the files may use: messages, terms, attributes, `{ $variable }`, `{ message }` (which sees
//! the same arguments), `{ -term }` (which sees none), `{ "literal" }` and selectors on a variable.
//! How a value meets a variant key ([`Arg`]): a number matches its own number, and `one` when it
//! is 1 (the plural rule of English and Italian); a text or a list matches a number key by its
//! count of items (empty text: 0, other text: 1) and a name key when it is that one item.
//! Anything else takes the `*` default. A variable not given is an optional parameter left out:
//! it reads as empty text (which names it may use is checked by the tests, per finding code).

/// One language's messages, sorted by id (the build script sorts them).
pub(crate) struct Catalogue {
    pub(crate) messages: &'static [Message],
}

/// A message (`id = ...`) or a term (`-id = ...`, its id with the dash).
pub(crate) struct Message {
    pub(crate) id: &'static str,
    pub(crate) value: Option<Pattern>,
    pub(crate) attributes: &'static [(&'static str, Pattern)],
}

/// A pattern, encoded as text: what is not text sits between control characters (tables of
/// pieces cost the page's module three times the bytes). `\u{1}name\u{2}` a variable,
/// `\u{3}id\u{2}` or `\u{3}id.attribute\u{2}` a message (formatted with the same arguments),
/// `\u{4}-id\u{2}` a term (with none), and `\u{5}variable\u{2}` a selector followed by its
/// variants, each `\u{6}key\u{2}pattern` (`*key` the default), up to `\u{7}`.
pub(crate) type Pattern = &'static str;

const VARIABLE: char = '\u{1}';
const END: char = '\u{2}';
const MESSAGE: char = '\u{3}';
const TERM: char = '\u{4}';
const SELECT: char = '\u{5}';
const VARIANT: char = '\u{6}';
const SELECT_END: char = '\u{7}';

/// A key of a variant.
enum Key<'k> {
    Name(&'k str),
    Number(i64),
}

/// An argument's value: typed, so a number can choose a plural and a list is joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Arg<'a> {
    Text(&'a str),
    Owned(String),
    Number(i64),
    List(Vec<&'a str>),
}

/// A message's named arguments.
#[derive(Clone, Debug, Default)]
pub(crate) struct Args<'a> {
    entries: Vec<(&'a str, Arg<'a>)>,
}

impl<'a> Args<'a> {
    /// The same arguments and `name`, replacing an earlier value of that name.
    #[must_use]
    pub(crate) fn with(mut self, name: &'a str, value: Arg<'a>) -> Self {
        self.set(name, value);
        self
    }

    pub(crate) fn set(&mut self, name: &'a str, value: Arg<'a>) {
        match self.entries.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 = value,
            None => self.entries.push((name, value)),
        }
    }

    pub(crate) fn get(&self, name: &str) -> Option<&Arg<'a>> {
        self.entries.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// Between two messages of a catalogue's text ([`Catalogue::encode`]); patterns hold only the
/// control characters 1 to 7, so these two never occur inside one.
const MESSAGE_END: char = '\u{1e}';
/// Between the fields of a message: its id, `=` and its value (or nothing), then each
/// attribute's name and pattern.
const FIELD_END: char = '\u{1f}';

impl Catalogue {
    /// The catalogue as one text, which [`Catalogue::decode`] reads back: how the page carries
    /// a language its module does not build in.
    pub(crate) fn encode(&self) -> String {
        let mut text = String::new();
        for message in self.messages {
            text.push_str(message.id);
            text.push(FIELD_END);
            if let Some(value) = message.value {
                text.push('=');
                text.push_str(value);
            }
            for (name, pattern) in message.attributes {
                text.push(FIELD_END);
                text.push_str(name);
                text.push(FIELD_END);
                text.push_str(pattern);
            }
            text.push(MESSAGE_END);
        }
        text
    }

    /// A catalogue from [`Catalogue::encode`]'s text, if it holds exactly the messages and
    /// attributes of `model` (the built-in English: a language file of another build, or a cut
    /// download, is refused rather than worded with gaps), and beside them only messages of
    /// `left_out` (those this build never words, see build/catalogue.rs), which are skipped.
    /// Its text then lives as long as the program, as a built-in catalogue's does (the page
    /// loads each language once); a refused text is not kept.
    pub(crate) fn decode(text: &str, model: &Catalogue, left_out: &[&str]) -> Result<Catalogue, &'static str> {
        read(text, model, left_out)?;
        let text: &'static str = Box::leak(text.into());
        let messages: Vec<Message> = read(text, model, left_out)?
            .into_iter()
            .map(|(id, value, attributes)| Message {
                id,
                value,
                attributes: Box::leak(attributes.into_boxed_slice()),
            })
            .collect();
        Ok(Catalogue {
            messages: Box::leak(messages.into_boxed_slice()),
        })
    }
}

/// A message read from a catalogue's text: its id, its value, its attributes.
type Read<'t> = (&'t str, Option<&'t str>, Vec<(&'t str, &'t str)>);

/// The messages of a catalogue's text, checked against `model` ([`Catalogue::decode`]).
fn read<'t>(text: &'t str, model: &Catalogue, left_out: &[&str]) -> Result<Vec<Read<'t>>, &'static str> {
    const OTHER: &str = "the language's messages are not this build's";
    let mut messages: Vec<Read<'t>> = Vec::new();
    let mut records = text.split(MESSAGE_END);
    if records.next_back() != Some("") {
        return Err("the language's text is cut short");
    }
    for record in records {
        let mut fields = record.split(FIELD_END);
        let id = fields.next().unwrap_or_default();
        let value = match fields.next() {
            Some("") => None,
            Some(value) => Some(value.strip_prefix('=').ok_or(OTHER)?),
            None => return Err(OTHER),
        };
        let mut attributes = Vec::new();
        while let Some(name) = fields.next() {
            attributes.push((name, fields.next().ok_or(OTHER)?));
        }
        let Some(expected) = model.message(id) else {
            if left_out.contains(&id) {
                continue;
            }
            return Err(OTHER);
        };
        let same_attributes = expected.attributes.len() == attributes.len()
            && expected
                .attributes
                .iter()
                .zip(&attributes)
                .all(|((a, _), (b, _))| a == b);
        let in_order = messages.last().is_none_or(|(last, _, _)| *last < id);
        if expected.value.is_some() != value.is_some() || !same_attributes || !in_order {
            return Err(OTHER);
        }
        messages.push((id, value, attributes));
    }
    if messages.len() != model.messages.len() {
        return Err(OTHER);
    }
    Ok(messages)
}

/// How deep message references may nest: the build script refuses cycles, this is the guard
/// for the module.
const MAX_DEPTH: u8 = 8;

impl Catalogue {
    pub(crate) fn message(&self, id: &str) -> Option<&'static Message> {
        self.messages
            .binary_search_by(|m| m.id.cmp(id))
            .ok()
            .and_then(|i| self.messages.get(i))
    }

    /// The message `id` (or its `attribute`) with `args`; `None` when the catalogue has no such
    /// pattern.
    pub(crate) fn format(&self, id: &str, attribute: Option<&str>, args: &Args<'_>) -> Option<String> {
        let pattern = self.pattern(id, attribute)?;
        let mut out = String::new();
        self.write(&mut out, pattern, args, 0);
        Some(out)
    }

    /// The variables a pattern writes itself (not those of the messages it refers to).
    pub(crate) fn variables(&self, id: &str, attribute: Option<&str>) -> Vec<&'static str> {
        let Some(pattern) = self.pattern(id, attribute) else {
            return Vec::new();
        };
        pattern
            .split(VARIABLE)
            .skip(1)
            .filter_map(|rest| rest.split_once(END).map(|(name, _)| name))
            .collect()
    }

    /// The variables a pattern uses, with those of the messages it refers to (not of terms,
    /// which see no arguments).
    #[cfg(test)]
    pub(crate) fn all_variables(&self, id: &str, attribute: Option<&str>) -> std::collections::BTreeSet<&'static str> {
        let mut found: std::collections::BTreeSet<&'static str> = self.variables(id, attribute).into_iter().collect();
        if let Some(pattern) = self.pattern(id, attribute) {
            for reference in pattern
                .split(MESSAGE)
                .skip(1)
                .filter_map(|rest| rest.split_once(END).map(|(r, _)| r))
            {
                let (id, attribute) = match reference.split_once('.') {
                    Some((id, attribute)) => (id, Some(attribute)),
                    None => (reference, None),
                };
                found.extend(self.all_variables(id, attribute));
            }
        }
        found
    }

    fn pattern(&self, id: &str, attribute: Option<&str>) -> Option<Pattern> {
        let message = self.message(id)?;
        match attribute {
            None => message.value,
            Some(name) => message.attributes.iter().find(|(n, _)| *n == name).map(|(_, p)| *p),
        }
    }

    fn write(&self, out: &mut String, pattern: &str, args: &Args<'_>, depth: u8) {
        let mut rest = pattern;
        while let Some(at) = rest.find(|c: char| ('\u{1}'..='\u{7}').contains(&c)) {
            out.push_str(&rest[..at]);
            let marker = rest[at..].chars().next().unwrap_or(END);
            let after = &rest[at + marker.len_utf8()..];
            let (name, tail) = after.split_once(END).unwrap_or((after, ""));
            rest = tail;
            match marker {
                VARIABLE => {
                    if let Some(value) = args.get(name) {
                        write_value(out, value);
                    }
                }
                MESSAGE | TERM => {
                    let (id, attribute) = match name.split_once('.') {
                        Some((id, attribute)) => (id, Some(attribute)),
                        None => (name, None),
                    };
                    let own = Args::default();
                    let args = if marker == TERM { &own } else { args };
                    match self.pattern(id, attribute) {
                        Some(inner) if depth < MAX_DEPTH => self.write(out, inner, args, depth + 1),
                        _ => out.push_str(name),
                    }
                }
                SELECT => {
                    let (variants, tail) = split_select(rest);
                    rest = tail;
                    let value = args.get(name).unwrap_or(&Arg::Text(""));
                    let chosen = variants
                        .iter()
                        .find(|(key, _)| matches(value, &parse_key(key)))
                        .or_else(|| variants.iter().find(|(key, _)| key.starts_with('*')));
                    if let Some((_, inner)) = chosen {
                        self.write(out, inner, args, depth + 1);
                    }
                }
                _ => {}
            }
        }
        out.push_str(rest);
    }
}

/// A selector's variants (key, pattern) and what follows its end.
fn split_select(text: &str) -> (Vec<(&str, &str)>, &str) {
    let mut variants = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    for (i, c) in text.char_indices() {
        match c {
            SELECT => depth += 1,
            SELECT_END if depth == 0 => {
                if let Some(s) = start {
                    variants.push(variant(&text[s..i]));
                }
                return (variants, &text[i + c.len_utf8()..]);
            }
            SELECT_END => depth -= 1,
            VARIANT if depth == 0 => {
                if let Some(s) = start {
                    variants.push(variant(&text[s..i]));
                }
                start = Some(i + c.len_utf8());
            }
            _ => {}
        }
    }
    (variants, "")
}

fn variant(text: &str) -> (&str, &str) {
    text.split_once(END).unwrap_or((text, ""))
}

fn parse_key(key: &str) -> Key<'_> {
    let key = key.strip_prefix('*').unwrap_or(key);
    key.parse().map_or(Key::Name(key), Key::Number)
}

fn write_value(out: &mut String, value: &Arg<'_>) {
    match value {
        Arg::Text(text) => out.push_str(text),
        Arg::Owned(text) => out.push_str(text),
        Arg::Number(n) => out.push_str(&n.to_string()),
        Arg::List(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(item);
            }
        }
    }
}

fn matches(value: &Arg<'_>, key: &Key<'_>) -> bool {
    let text = |t: &str, key: &Key<'_>| match key {
        Key::Number(n) => *n == i64::from(!t.is_empty()),
        Key::Name(name) => t == *name,
    };
    match value {
        Arg::Number(n) => match key {
            Key::Number(k) => n == k,
            Key::Name(name) => *name == "one" && *n == 1,
        },
        Arg::Text(t) => text(t, key),
        Arg::Owned(t) => text(t, key),
        Arg::List(items) => match key {
            Key::Number(n) => i64::try_from(items.len()).is_ok_and(|len| len == *n),
            Key::Name(name) => items.as_slice() == [*name],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static TEST: Catalogue = Catalogue {
        messages: &[
            Message {
                id: "-brand",
                value: Some(".\u{1}what\u{2}"),
                attributes: &[],
            },
            Message {
                id: "a",
                value: Some(
                    "The \u{1}what\u{2} has \u{5}n\u{2}\u{6}0\u{2}no names\u{6}one\u{2}one name\u{6}*other\u{2}\u{1}n\u{2} names\u{7}\u{4}-brand\u{2}",
                ),
                attributes: &[("loop", "\u{3}a.loop\u{2}")],
            },
            Message {
                id: "nested",
                value: Some("<\u{5}x\u{2}\u{6}*other\u{2}[\u{5}y\u{2}\u{6}a\u{2}A\u{6}*b\u{2}B\u{7}]\u{6}c\u{2}C\u{7}>"),
                attributes: &[],
            },
        ],
    };

    /// A build that leaves messages out (without `exchange-settings`) reads a language's text
    /// that has them, skipping those, and no other message it lacks.
    #[test]
    fn a_text_with_messages_this_build_left_out_reads_without_them() {
        let text = TEST.encode();
        let smaller = Catalogue {
            messages: &TEST.messages[..2],
        };
        assert!(Catalogue::decode(&text, &smaller, &[]).is_err());
        assert!(Catalogue::decode(&text, &smaller, &["other"]).is_err());
        let read = Catalogue::decode(&text, &smaller, &["nested"]).unwrap();
        let ids: Vec<&str> = read.messages.iter().map(|m| m.id).collect();
        assert_eq!(ids, ["-brand", "a"]);
        // Still every message the build has: one of them missing is refused.
        let first = text.find(MESSAGE_END).unwrap() + MESSAGE_END.len_utf8();
        assert!(Catalogue::decode(&text[first..], &smaller, &["nested"]).is_err());
    }

    #[test]
    fn plurals_variables_terms_and_a_reference_loop() {
        let format = |n| {
            TEST.format(
                "a",
                None,
                &Args::default().with("what", Arg::Text("x")).with("n", Arg::Number(n)),
            )
        };
        // The term does not see the message's arguments.
        assert_eq!(format(0).unwrap(), "The x has no names.");
        assert_eq!(format(1).unwrap(), "The x has one name.");
        assert_eq!(format(7).unwrap(), "The x has 7 names.");
        // Left out: empty, and selecting as empty text.
        assert_eq!(TEST.format("a", None, &Args::default()).unwrap(), "The  has no names.");
        assert!(TEST.format("b", None, &Args::default()).is_none());
        assert!(TEST.format("a", Some("fix"), &Args::default()).is_none());
        assert!(TEST
            .format("a", Some("loop"), &Args::default())
            .unwrap()
            .ends_with("a.loop"));
        let nested = |x, y| {
            let args = Args::default().with("x", Arg::Text(x)).with("y", Arg::Text(y));
            TEST.format("nested", None, &args).unwrap()
        };
        assert_eq!(nested("c", "a"), "<C>");
        assert_eq!(nested("d", "a"), "<[A]>");
        assert_eq!(nested("d", "z"), "<[B]>");
    }

    #[test]
    fn texts_and_lists_select_by_count_and_by_value() {
        assert!(matches(&Arg::Text(""), &Key::Number(0)));
        assert!(matches(&Arg::Text("a"), &Key::Number(1)));
        assert!(matches(&Arg::Text("ca"), &Key::Name("ca")));
        assert!(matches(&Arg::List(vec![]), &Key::Number(0)));
        assert!(matches(&Arg::List(vec!["NOT_FOUND"]), &Key::Name("NOT_FOUND")));
        assert!(!matches(&Arg::List(vec!["NOT_FOUND", "URL"]), &Key::Name("NOT_FOUND")));
        assert!(!matches(&Arg::Number(2), &Key::Name("one")));
    }
}
