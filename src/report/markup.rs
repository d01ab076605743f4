//! Small helpers shared by the XML, HTML and SARIF renderers: escaping, URIs, locations.

use crate::check::Check;
use crate::scan::Scan;
use std::collections::BTreeMap;

/// Escapes text for XML and HTML content and attributes. Control characters (XML 1.0 forbids
/// most) and bidirectional overrides become visible `\u{1b}` text, as in [`visible`].
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if hidden(c) || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// Text for a terminal or a Markdown page with every control character (ESC, BEL, CR, DEL, C1)
/// and bidirectional override shown as a visible `\u{1b}` escape, so input (resource names,
/// messages, paths, labels) cannot move the cursor, recolour or rewrite what is shown. Newlines
/// and tabs are kept: the renderers lay out with them. The text and Markdown reports of every
/// command pass through here once, whole.
pub fn visible(text: String) -> String {
    if !text.chars().any(hidden) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters shown as escapes: controls other than newline and tab, and bidi overrides.
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Percent-encodes a relative path for a URI reference, keeping `/` and unreserved characters.
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `file:line`, `file`, or `None` for scan-wide results.
pub fn location(check: &Check) -> Option<String> {
    match (&check.file, check.line) {
        (Some(f), Some(l)) => Some(format!("{f}:{l}")),
        (Some(f), None) => Some(f.clone()),
        _ => None,
    }
}

/// The resource as people read it: `root › address` when the resource sits in a module shared
/// by several roots, the address alone otherwise.
pub fn resource(check: &Check) -> String {
    let inside_root = check.root == "."
        || check.root.is_empty()
        || check
            .file
            .as_deref()
            .is_some_and(|f| f.starts_with(&format!("{}/", check.root)));
    if inside_root {
        check.resource.clone()
    } else {
        format!("{} › {}", check.root, check.resource)
    }
}

/// Category ids of each policy, through the objectives that cite it, in model order.
pub fn policy_categories(scan: &Scan) -> BTreeMap<&str, Vec<&str>> {
    let mut out: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for category in scan.scorecard.categories() {
        for objective in &category.objectives {
            for policy in &objective.policies {
                let ids = out.entry(policy.as_str()).or_default();
                if !ids.contains(&category.id.as_str()) {
                    ids.push(&category.id);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_shows_control_characters() {
        assert_eq!(
            escape("a<b>&\"c\"'\u{1}\u{1b}[2J\n"),
            "a&lt;b&gt;&amp;&quot;c&quot;&#39;\\u{1}\\u{1b}[2J\n"
        );
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(
            visible("a\u{1b}[31mred\r\u{7}\u{9b}\u{202e}\tb\n".into()),
            "a\\u{1b}[31mred\\u{d}\\u{7}\\u{9b}\\u{202e}\tb\n"
        );
        assert_eq!(visible("plain › text\n".into()), "plain › text\n");
    }

    #[test]
    fn encodes_uri_paths() {
        assert_eq!(
            uri_path("envs/prod/my file#1.tf"),
            "envs/prod/my%20file%231.tf"
        );
        assert_eq!(uri_path("é.tf"), "%C3%A9.tf");
    }
}
