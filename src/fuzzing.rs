//! What the fuzz harnesses share: the stable property-based runner (tests/fuzz.rs) and the
//! libFuzzer targets (fuzz/), which cannot depend on a test file. Not part of the public API.

use crate::diagnostics::Diagnostic;
use crate::discover::{terraform_syntax, Discovery, SourceFile};
use crate::load::terraform;
use crate::source::Source;
use std::collections::BTreeMap;

/// Files by path relative to the scan root, served as a scanned directory would be.
pub struct Memory(pub BTreeMap<String, Vec<u8>>);

impl Source for Memory {
    fn describe(&self) -> String {
        "memory".into()
    }

    fn discover(&self, _: &globset::GlobSet) -> Discovery {
        Discovery {
            files: self
                .0
                .keys()
                .filter(|rel| !rel.starts_with(".terraform/"))
                .filter_map(|rel| {
                    terraform_syntax(rel).map(|syntax| SourceFile {
                        rel: rel.clone(),
                        syntax,
                    })
                })
                .collect(),
            data_files: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    fn read(&self, rel: &str) -> std::io::Result<Vec<u8>> {
        self.0
            .get(rel)
            .cloned()
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, rel.to_string()))
    }

    fn list(&self, dir: &str) -> Option<Vec<String>> {
        let prefix = if dir == "." {
            String::new()
        } else {
            format!("{dir}/")
        };
        let names: Vec<String> = self
            .0
            .keys()
            .filter_map(|rel| rel.strip_prefix(&prefix))
            .filter(|rest| !rest.contains('/'))
            .map(str::to_string)
            .collect();
        (!names.is_empty() || dir == ".").then_some(names)
    }
}

/// Lines as YAML counts them: a lone carriage return, NEL, LS and PS break a line too (found by
/// the libFuzzer `rungs_yaml` target: `\r\r0n` is three lines to the YAML parser).
pub fn line_count(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let mut chars = text.chars().peekable();
    let mut lines = 1;
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => lines += 1,
            _ => {}
        }
    }
    lines
}

/// Why a diagnostic about an input file does not point at a line the file has (one past the end
/// is allowed, for an error at the end of the input); `None` when it does, or names no line.
pub fn misplaced<'a>(d: &Diagnostic, file: impl Fn(&str) -> Option<&'a [u8]>) -> Option<String> {
    let location = d.location.as_ref()?;
    let (bytes, line) = (file(&location.file)?, location.line?);
    let lines = line_count(bytes);
    (!(1..=lines + 1).contains(&line)).then(|| format!("{d}: line {line} of a {lines}-line file"))
}

/// Loads the files with the whole Terraform loader (parse, evaluate, modules); the first
/// diagnostic that points outside its file is the error.
pub fn load(files: &[(&str, &[u8])]) -> Result<(), String> {
    let memory = Memory(
        files
            .iter()
            .map(|(rel, bytes)| (rel.to_string(), bytes.to_vec()))
            .collect(),
    );
    let discovery = memory.discover(&globset::GlobSet::empty());
    let (_, diagnostics) =
        terraform::load_from(&memory, &discovery, &terraform::Options::default());
    match diagnostics
        .iter()
        .find_map(|d| misplaced(d, |f| memory.0.get(f).map(Vec::as_slice)))
    {
        Some(why) => Err(why),
        None => Ok(()),
    }
}
