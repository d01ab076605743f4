//! A self-contained SVG line chart of levels over commits: no script, no external font, image
//! or link, so it renders the same in a browser, a README or an artifact viewer.
//!
//! Commits take equal columns from oldest to newest. One solid step line per domain plus the
//! program (or, with a category, that category and its domain) gives the level; a dashed line
//! of the same colour gives the score of the category levels beneath, which moves before the
//! level does. Lines that share a value are drawn a few pixels apart so none hides another; a
//! gap is a commit without evidence. Commits whose scan met errors get a red mark under the
//! axis. Hovering a commit shows its details.

use super::Row;
use std::fmt::Write;

const WIDTH: f64 = 900.0;
const HEIGHT: f64 = 380.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 190.0;
const TOP: f64 = 44.0;
const BOTTOM: f64 = 64.0;
const MAX_LEVEL: f64 = 5.0;
/// Colour-blind-safe palette (Okabe-Ito), program first in black.
const COLOURS: &[&str] = &[
    "#000000", "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#F0E442",
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

struct Series {
    name: String,
    levels: Vec<Option<f64>>,
    /// Means of the categories beneath; `None` for a category series.
    scores: Option<Vec<Option<f64>>>,
    width: f64,
}

fn level_of(l: Option<u8>) -> Option<f64> {
    l.map(f64::from)
}

/// The series drawn: the program and each domain, or one category and its domain.
fn series(rows: &[Row], category: Option<&str>) -> Vec<Series> {
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    let domain = |id: &str, name: String, width: f64| Series {
        name,
        levels: rows
            .iter()
            .map(|r| level_of(r.domains.iter().find(|d| d.id == id).and_then(|d| d.level)))
            .collect(),
        scores: Some(
            rows.iter()
                .map(|r| r.domains.iter().find(|d| d.id == id).and_then(|d| d.score))
                .collect(),
        ),
        width,
    };
    match category {
        Some(id) => {
            let parent = first
                .categories
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.domain.clone())
                .unwrap_or_default();
            vec![
                Series {
                    name: format!("category {id}"),
                    levels: rows
                        .iter()
                        .map(|r| {
                            level_of(
                                r.categories
                                    .iter()
                                    .find(|c| c.id == id)
                                    .and_then(|c| c.level),
                            )
                        })
                        .collect(),
                    scores: None,
                    width: 3.0,
                },
                domain(&parent, format!("domain {parent}"), 1.5),
            ]
        }
        None => {
            let mut out = vec![Series {
                name: "program".into(),
                levels: rows.iter().map(|r| level_of(r.level)).collect(),
                scores: Some(rows.iter().map(|r| r.score).collect()),
                width: 3.0,
            }];
            out.extend(
                first
                    .domains
                    .iter()
                    .map(|d| domain(&d.id, d.id.clone(), 1.75)),
            );
            out
        }
    }
}

/// A step path: each commit's value holds across its column; `None` breaks the line.
fn steps(
    values: &[Option<f64>],
    x0: impl Fn(usize) -> f64,
    column: f64,
    y: impl Fn(f64) -> f64,
) -> String {
    let mut d = String::new();
    let mut previous: Option<f64> = None;
    for (i, value) in values.iter().enumerate() {
        let Some(v) = value else {
            previous = None;
            continue;
        };
        let yy = y(*v);
        match previous {
            None => {
                let _ = write!(d, "M{:.1} {yy:.1}", x0(i));
            }
            Some(py) if (py - yy).abs() > 0.05 => {
                let _ = write!(d, "V{yy:.1}");
            }
            Some(_) => {}
        }
        let _ = write!(d, "H{:.1}", x0(i) + column);
        previous = Some(yy);
    }
    d
}

fn level_text(l: Option<u8>) -> String {
    l.map_or_else(|| "n/a".to_string(), |l| l.to_string())
}

/// What hovering a commit shows.
fn tooltip(row: &Row) -> String {
    let mut tip = format!(
        "{} {} {}\nprogram {}",
        row.short(),
        &row.date[..10],
        row.subject,
        level_text(row.level)
    );
    for d in &row.domains {
        let _ = write!(tip, " · {} {}", d.id, level_text(d.level));
    }
    let _ = write!(
        tip,
        "\n{} passed, {} failed, {} errors",
        row.passed, row.failed, row.errors
    );
    if row.status != "ok" {
        let _ = write!(tip, "\n{} error(s) in the scan", row.error_count);
        if !row.unparsed.is_empty() {
            let _ = write!(tip, "; unparsed: {}", row.unparsed.join(", "));
        }
    }
    tip
}

pub fn svg(rows: &[Row], category: Option<&str>) -> String {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let n = rows.len();
    let column = plot_w / n.max(1) as f64;
    // Left edge of a commit's column, and its centre.
    let x0 = |i: usize| LEFT + i as f64 * column;
    let x = |i: usize| x0(i) + column / 2.0;
    let y = |l: f64| TOP + (MAX_LEVEL - l) * plot_h / MAX_LEVEL;
    let grey = "#555555";
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let title = match (rows.first(), rows.last()) {
        (Some(a), Some(b)) => format!(
            "Maturity levels over {n} commit(s), {} to {}{}",
            &a.date[..10],
            &b.date[..10],
            category
                .map(|c| format!(" · category {c}"))
                .unwrap_or_default()
        ),
        _ => "No commits selected".to_string(),
    };
    let _ = writeln!(
        s,
        r#"<text x="{LEFT}" y="24" font-size="15" font-weight="bold">{}</text>"#,
        escape(&title)
    );
    for l in 0..=5 {
        let yy = y(f64::from(l));
        let _ = writeln!(
            s,
            r##"<line x1="{LEFT}" y1="{yy:.1}" x2="{:.1}" y2="{yy:.1}" stroke="#dddddd"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="{grey}">L{l}</text>"##,
            LEFT + plot_w,
            LEFT - 8.0,
            yy + 4.0
        );
    }
    // Date ticks at least 110 pixels apart, from the first commit; the last commit takes the
    // last tick's place when they would crowd.
    let max_ticks = ((plot_w / 110.0) as usize).max(1);
    let step = n.saturating_sub(1).div_ceil(max_ticks).max(1);
    let mut at: Vec<usize> = (0..n).step_by(step).collect();
    if let Some(last) = at.last_mut() {
        if ((n - 1 - *last) as f64) * column < 100.0 {
            *last = n - 1;
        } else if *last != n - 1 {
            at.push(n - 1);
        }
    }
    for i in at {
        let xx = x(i);
        let _ = writeln!(
            s,
            r##"<line x1="{xx:.1}" y1="{:.1}" x2="{xx:.1}" y2="{:.1}" stroke="#999999"/><text x="{xx:.1}" y="{:.1}" text-anchor="middle" fill="{grey}">{}</text>"##,
            TOP + plot_h,
            TOP + plot_h + 5.0,
            TOP + plot_h + 20.0,
            &rows[i].date[..10]
        );
    }
    let all = series(rows, category);
    let k = all.len();
    let legend_x = WIDTH - RIGHT + 20.0;
    for (j, series) in all.iter().enumerate() {
        let colour = COLOURS[j % COLOURS.len()];
        let offset = (j as f64 - (k as f64 - 1.0) / 2.0) * 2.5;
        let at = |v: f64| y(v) + offset;
        let name = escape(&series.name);
        let d = steps(&series.levels, x0, column, at);
        if !d.is_empty() {
            let _ = writeln!(
                s,
                r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="{}"><title>{name} level</title></path>"#,
                series.width
            );
        }
        if let Some(scores) = &series.scores {
            let d = steps(scores, x0, column, at);
            if !d.is_empty() {
                let _ = writeln!(
                    s,
                    r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="1.25" stroke-dasharray="5 3"><title>{name} score</title></path>"#
                );
            }
        }
        let ly = TOP + 8.0 + j as f64 * 20.0;
        let _ = writeln!(
            s,
            r#"<line x1="{legend_x:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="{}"/><text x="{:.1}" y="{:.1}">{name}</text>"#,
            legend_x + 22.0,
            series.width,
            legend_x + 30.0,
            ly + 4.0
        );
    }
    let ly = TOP + 18.0 + k as f64 * 20.0;
    let _ = writeln!(
        s,
        r#"<text x="{legend_x:.1}" y="{ly:.1}" fill="{grey}">solid: level</text><text x="{legend_x:.1}" y="{:.1}" fill="{grey}">dashed: score of categories</text>"#,
        ly + 16.0
    );
    // Per commit: a red mark when the scan met errors, and a hover area with the details.
    for (i, row) in rows.iter().enumerate() {
        if row.status != "ok" {
            let _ = writeln!(
                s,
                r##"<path d="M{:.1} {:.1}l-4 8h8z" fill="#d00000"/>"##,
                x(i),
                TOP + plot_h + 28.0
            );
        }
        let _ = writeln!(
            s,
            r#"<rect x="{:.1}" y="{TOP}" width="{column:.1}" height="{plot_h:.1}" fill="transparent"><title>{}</title></rect>"#,
            x0(i),
            escape(&tooltip(row))
        );
    }
    if rows.iter().any(|r| r.status != "ok") {
        let _ = writeln!(
            s,
            r##"<path d="M{LEFT} {:.1}l-4 8h8z" fill="#d00000"/><text x="{:.1}" y="{:.1}" fill="{grey}">scan errors at this commit (files that did not parse count for nothing)</text>"##,
            HEIGHT - 14.0,
            LEFT + 10.0,
            HEIGHT - 6.0
        );
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;");
    }
}
