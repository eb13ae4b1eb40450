//! Writes the page's words, `messages-TAG.json` for every language, into the folder given
//! (`scripts/build-page.sh` runs it on `dist/`): an object from message id to text, `{name}`
//! where the page fills in a value, and under `catalogue` the engine's catalogue of that
//! language (`render::catalogue_text`), which the page's module, built with English only, loads
//! when the language is chosen (English, built in, has none). The page fetches only its own
//! language's file.

use std::collections::BTreeMap;
use std::process::ExitCode;

use msstd_check::render::{catalogue_text, page_messages, Language};

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: page_messages DIR");
        return ExitCode::from(2);
    };
    for &language in Language::ALL {
        let mut messages: BTreeMap<String, String> = page_messages(language).into_iter().collect();
        if language != Language::En {
            let Some(catalogue) = catalogue_text(language) else {
                eprintln!("page_messages: {} is not built in", language.tag());
                return ExitCode::FAILURE;
            };
            messages.insert("catalogue".to_owned(), catalogue);
        }
        let path = std::path::Path::new(&dir).join(format!("messages-{}.json", language.tag()));
        let json = match serde_json::to_string(&messages) {
            Ok(json) => json,
            Err(error) => {
                eprintln!("page_messages: {error}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(error) = std::fs::write(&path, json) {
            eprintln!("page_messages: {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
