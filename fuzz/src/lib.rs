//! What the fuzz targets share: Terraform files in memory, loaded with the whole loader.

use rungs::discover::{terraform_syntax, Discovery, SourceFile};
use rungs::load::terraform;
use rungs::source::Source;
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

/// Lines as YAML counts them: a lone carriage return, NEL, LS and PS break a line too.
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

/// Loads the files with the whole Terraform loader (parse, evaluate, modules) and checks that
/// every diagnostic about an input file points at a line it has.
pub fn load(files: &[(&str, &[u8])]) {
    let memory = Memory(
        files
            .iter()
            .map(|(rel, bytes)| (rel.to_string(), bytes.to_vec()))
            .collect(),
    );
    let discovery = memory.discover(&globset::GlobSet::empty());
    let (_, diagnostics) =
        terraform::load_from(&memory, &discovery, &terraform::Options::default());
    for d in &diagnostics {
        let Some(location) = &d.location else {
            continue;
        };
        let (Some(bytes), Some(line)) = (memory.0.get(&location.file), location.line) else {
            continue;
        };
        let lines = line_count(bytes);
        assert!(
            (1..=lines + 1).contains(&line),
            "{d}: line {line} of {lines}"
        );
    }
}
