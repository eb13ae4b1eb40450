//! Writes the roots by need into `DIR/roots/` (`scripts/build-page.sh` runs it on `dist/`):
//! `index.txt` and one file per subject, named by its content's hash, from
//! `data/mozilla-roots.txt` and `data/microsoft-roots.txt` (the format:
//! `src/trust/by_need.rs`). The page fetches the index and only the files a chain needs.

use std::process::ExitCode;

const MOZILLA: &str = include_str!("../data/mozilla-roots.txt");
const MICROSOFT: &str = include_str!("../data/microsoft-roots.txt");

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: root_files DIR");
        return ExitCode::from(2);
    };
    let split = match msstd_check::split_by_need(MOZILLA, MICROSOFT) {
        Ok(split) => split,
        Err(error) => {
            eprintln!("root_files: {error}");
            return ExitCode::FAILURE;
        }
    };
    let roots = std::path::Path::new(&dir).join("roots");
    let written = std::fs::create_dir_all(&roots)
        .and_then(|()| std::fs::write(roots.join("index.txt"), &split.index))
        .and_then(|()| {
            split
                .files
                .iter()
                .try_for_each(|(file, text)| std::fs::write(roots.join(format!("{file}.txt")), text))
        });
    if let Err(error) = written {
        eprintln!("root_files: {}: {error}", roots.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
