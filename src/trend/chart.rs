//! A self-contained SVG line chart of levels over commits: no script, no external font, image
//! or link, so it renders the same in a browser, a README or an artifact viewer.
//!
//! One step line per domain plus the program (or, with a category, that category and its
//! domain), commits evenly spaced from oldest to newest. Lines that share a level are drawn a
//! few pixels apart so none hides another; a gap is a commit without evidence. Commits whose
//! scan met errors get a red mark under the axis. Hovering a commit shows its details.

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
    points: Vec<Option<u8>>,
    width: f64,
}

/// The series drawn: the program and each domain, or one category and its domain.
fn series(rows: &[Row], category: Option<&str>) -> Vec<Series> {
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    match category {
        Some(id) => {
            let domain = first
                .categories
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.domain.clone())
                .unwrap_or_default();
            vec![
                Series {
                    name: format!("category {id}"),
                    points: rows
                        .iter()
                        .map(|r| {
                            r.categories
                                .iter()
                                .find(|c| c.id == id)
                                .and_then(|c| c.level)
                        })
                        .collect(),
                    width: 3.0,
                },
                Series {
                    name: format!("domain {domain}"),
                    points: rows
                        .iter()
                        .map(|r| {
                            r.domains
                                .iter()
                                .find(|d| d.id == domain)
                                .and_then(|d| d.level)
                        })
                        .collect(),
                    width: 1.5,
                },
            ]
        }
        None => {
            let mut out = vec![Series {
                name: "program".into(),
                points: rows.iter().map(|r| r.level).collect(),
                width: 3.0,
            }];
            for (i, d) in first.domains.iter().enumerate() {
                out.push(Series {
                    name: d.id.clone(),
                    points: rows
                        .iter()
                        .map(|r| r.domains.get(i).and_then(|x| x.level))
                        .collect(),
                    width: 1.75,
                });
            }
            out
        }
    }
}

pub fn svg(rows: &[Row], category: Option<&str>) -> String {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let n = rows.len();
    let x = |i: usize| {
        LEFT + if n > 1 {
            i as f64 * plot_w / (n - 1) as f64
        } else {
            plot_w / 2.0
        }
    };
    let y = |l: f64| TOP + (MAX_LEVEL - l) * plot_h / MAX_LEVEL;
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
    // Level grid.
    for l in 0..=5 {
        let yy = y(f64::from(l));
        let _ = writeln!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"#dddddd\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555555\">L{l}</text>",
            LEFT + plot_w,
            LEFT - 8.0,
            yy + 4.0
        );
    }
    // Date ticks: at most seven, evenly spread, the first and last included.
    let ticks = n.min(7);
    for t in 0..ticks {
        let i = if ticks > 1 {
            t * (n - 1) / (ticks - 1)
        } else {
            0
        };
        let xx = x(i);
        let _ = writeln!(
            s,
            "<line x1=\"{xx:.1}\" y1=\"{:.1}\" x2=\"{xx:.1}\" y2=\"{:.1}\" stroke=\"#999999\"/>\n<text x=\"{xx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555555\">{}</text>",
            TOP + plot_h,
            TOP + plot_h + 5.0,
            TOP + plot_h + 20.0,
            &rows[i].date[..10]
        );
    }
    let all = series(rows, category);
    let k = all.len();
    for (j, series) in all.iter().enumerate() {
        let colour = COLOURS[j % COLOURS.len()];
        let offset = (j as f64 - (k as f64 - 1.0) / 2.0) * 2.5;
        let mut d = String::new();
        let mut previous: Option<f64> = None;
        for (i, point) in series.points.iter().enumerate() {
            match point {
                Some(l) => {
                    let yy = y(f64::from(*l)) + offset;
                    match previous {
                        None => {
                            let _ = write!(d, "M{:.1} {yy:.1}", x(i));
                        }
                        Some(py) => {
                            let _ = write!(d, "H{:.1}", x(i));
                            if (py - yy).abs() > f64::EPSILON {
                                let _ = write!(d, "V{yy:.1}");
                            }
                        }
                    }
                    previous = Some(yy);
                }
                None => previous = None,
            }
        }
        if n == 1 || series.points.iter().filter(|p| p.is_some()).count() == 1 {
            // A single point has no length: mark it.
            for (i, point) in series.points.iter().enumerate() {
                if let Some(l) = point {
                    let _ = writeln!(
                        s,
                        r#"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="{colour}"/>"#,
                        x(i),
                        y(f64::from(*l)) + offset
                    );
                }
            }
        }
        if !d.is_empty() {
            let _ = writeln!(
                s,
                r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="{}" stroke-linejoin="round"><title>{}</title></path>"#,
                series.width,
                escape(&series.name)
            );
        }
        let ly = TOP + 8.0 + j as f64 * 20.0;
        let lx = WIDTH - RIGHT + 20.0;
        let _ = writeln!(
            s,
            r#"<line x1="{lx:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="{}"/><text x="{:.1}" y="{:.1}">{}</text>"#,
            lx + 22.0,
            series.width,
            lx + 30.0,
            ly + 4.0,
            escape(&series.name)
        );
    }
    // Per commit: a red mark when the scan met errors, and a hover area with the details.
    let column = if n > 1 {
        plot_w / (n - 1) as f64
    } else {
        plot_w
    };
    for (i, row) in rows.iter().enumerate() {
        let mut tip = format!(
            "{} {} {}\nprogram {}",
            row.short(),
            &row.date[..10],
            row.subject,
            row.level.map_or("n/a".to_string(), |l| l.to_string())
        );
        for d in &row.domains {
            let _ = write!(
                tip,
                " · {} {}",
                d.id,
                d.level.map_or("n/a".to_string(), |l| l.to_string())
            );
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
            let _ = writeln!(
                s,
                r##"<path d="M{:.1} {:.1}l-4 8h8z" fill="#d00000"/>"##,
                x(i),
                TOP + plot_h + 28.0
            );
        }
        let _ = writeln!(
            s,
            r#"<rect x="{:.1}" y="{TOP}" width="{:.1}" height="{plot_h:.1}" fill="transparent"><title>{}</title></rect>"#,
            x(i) - column / 2.0,
            column,
            escape(&tip)
        );
    }
    if rows.iter().any(|r| r.status != "ok") {
        let _ = writeln!(
            s,
            r##"<path d="M{LEFT} {:.1}l-4 8h8z" fill="#d00000"/><text x="{:.1}" y="{:.1}" fill="#555555">scan errors at this commit (files that did not parse count for nothing)</text>"##,
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
