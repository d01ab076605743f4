//! A self-contained SVG line chart of levels over commits: no script, no external font, image
//! or link, so it renders the same in a browser, a README or an artifact viewer.
//!
//! The x-axis is time: each commit sits at its commit date ([`axis`]), with calendar ticks
//! thinned so their labels never overlap. One solid step line per domain plus the program (or,
//! with a category, that category and its domain) gives the level, held from a commit to the
//! next; a dashed continuous line of the same colour gives the score (the level plus progress
//! toward the next), which moves before the level does. Lines that share a value are drawn a
//! few pixels apart so none hides another; a gap is a commit without evidence. Commits whose
//! scan met errors get a red mark under the axis. Hovering a commit shows its details.

use super::axis::{self, TimeAxis};
use super::Row;
use std::fmt::Write;

const WIDTH: f64 = 900.0;
const HEIGHT: f64 = 380.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 190.0;
const TOP: f64 = 44.0;
const BOTTOM: f64 = 64.0;
const MAX_LEVEL: f64 = 5.0;
/// Room between the plot's edges and the first and last commit.
const PAD: f64 = 10.0;
/// The chart's font size, which tick labels are measured with.
const FONT_SIZE: f64 = 12.0;
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
    scores: Vec<Option<f64>>,
    width: f64,
}

/// A level and its score.
type LevelScore = (Option<u8>, Option<f64>);

/// The series drawn: the program and each domain, or one category and its domain.
fn series(rows: &[Row], category: Option<&str>) -> Vec<Series> {
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    // One (level, score) per commit.
    let make = |name: String, width: f64, at: &dyn Fn(&Row) -> LevelScore| {
        let (levels, scores) = rows
            .iter()
            .map(|r| {
                let (level, score) = at(r);
                (level.map(f64::from), score)
            })
            .unzip();
        Series {
            name,
            levels,
            scores,
            width,
        }
    };
    let domain = |id: &str, name: String, width: f64| {
        make(name, width, &|r: &Row| {
            r.domains
                .iter()
                .find(|d| d.id == id)
                .map_or((None, None), |d| (d.level, d.score))
        })
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
                make(format!("category {id}"), 3.0, &|r: &Row| {
                    r.categories
                        .iter()
                        .find(|c| c.id == id)
                        .map_or((None, None), |c| (c.level, c.score))
                }),
                domain(&parent, format!("domain {parent}"), 1.5),
            ]
        }
        None => {
            let mut out = vec![make("program".into(), 3.0, &|r: &Row| (r.level, r.score))];
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

/// A level as steps: each commit's value holds until the next commit (the last one's until
/// `edge`); `None` breaks the line.
fn steps(values: &[Option<f64>], xs: &[f64], edge: f64, y: impl Fn(f64) -> f64) -> String {
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
                let _ = write!(d, "M{:.1} {yy:.1}", xs[i]);
            }
            Some(py) if (py - yy).abs() > 0.05 => {
                let _ = write!(d, "V{yy:.1}");
            }
            Some(_) => {}
        }
        let _ = write!(d, "H{:.1}", xs.get(i + 1).copied().unwrap_or(edge));
        previous = Some(yy);
    }
    d
}

/// A score as a continuous line through the commits, held flat after the last one until
/// `edge`; `None` breaks the line.
fn line(values: &[Option<f64>], xs: &[f64], edge: f64, y: impl Fn(f64) -> f64) -> String {
    let mut d = String::new();
    let mut drawing = false;
    for (i, value) in values.iter().enumerate() {
        let Some(v) = value else {
            drawing = false;
            continue;
        };
        let _ = write!(
            d,
            "{}{:.1} {:.1}",
            if drawing { "L" } else { "M" },
            xs[i],
            y(*v)
        );
        drawing = true;
    }
    if drawing {
        let _ = write!(d, "H{edge:.1}");
    }
    d
}

fn level_score(l: Option<u8>, score: Option<f64>) -> String {
    match (l, score) {
        (Some(l), Some(s)) => format!("{l} ({s:.2})"),
        (Some(l), None) => l.to_string(),
        _ => "n/a".to_string(),
    }
}

/// What hovering a commit shows.
fn tooltip(row: &Row) -> String {
    let mut tip = format!(
        "{} {} {}\nprogram {}",
        row.short(),
        row.date.get(..10).unwrap_or(&row.date),
        row.subject,
        level_score(row.level, row.score)
    );
    for d in &row.domains {
        let _ = write!(tip, " · {} {}", d.id, level_score(d.level, d.score));
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
    let edge = LEFT + plot_w;
    let times = axis::monotone(&rows.iter().map(|r| r.time).collect::<Vec<_>>());
    let time_axis = TimeAxis::new(&times, LEFT + PAD, edge - PAD);
    let xs: Vec<f64> = times.iter().map(|&t| time_axis.x(t)).collect();
    let y = |l: f64| TOP + (MAX_LEVEL - l) * plot_h / MAX_LEVEL;
    let grey = "#555555";
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="{FONT_SIZE}">"#
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let title = match (rows.first(), rows.last()) {
        (Some(a), Some(b)) => format!(
            "Maturity over {n} commit(s), {} to {}{}",
            a.date.get(..10).unwrap_or(&a.date),
            b.date.get(..10).unwrap_or(&b.date),
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
            r##"<line x1="{LEFT}" y1="{yy:.1}" x2="{edge:.1}" y2="{yy:.1}" stroke="#dddddd"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="{grey}">L{l}</text>"##,
            LEFT - 8.0,
            yy + 4.0
        );
    }
    if n > 0 {
        for (x, label) in time_axis.ticks(FONT_SIZE, 0.0, WIDTH) {
            let _ = writeln!(
                s,
                r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#999999"/><text class="tick" x="{x:.1}" y="{:.1}" text-anchor="middle" fill="{grey}">{label}</text>"##,
                TOP + plot_h,
                TOP + plot_h + 5.0,
                TOP + plot_h + 20.0,
            );
        }
    }
    let all = series(rows, category);
    let k = all.len();
    let legend_x = WIDTH - RIGHT + 20.0;
    for (j, series) in all.iter().enumerate() {
        let colour = COLOURS[j % COLOURS.len()];
        let offset = (j as f64 - (k as f64 - 1.0) / 2.0) * 2.5;
        let at = |v: f64| y(v) + offset;
        let name = escape(&series.name);
        let d = steps(&series.levels, &xs, edge, at);
        if !d.is_empty() {
            let _ = writeln!(
                s,
                r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="{}"><title>{name} level</title></path>"#,
                series.width
            );
        }
        let d = line(&series.scores, &xs, edge, at);
        if !d.is_empty() {
            let _ = writeln!(
                s,
                r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="1.25" stroke-dasharray="5 3"><title>{name} score</title></path>"#
            );
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
        r#"<text x="{legend_x:.1}" y="{ly:.1}" fill="{grey}">solid: level</text><text x="{legend_x:.1}" y="{:.1}" fill="{grey}">dashed: score</text><text x="{legend_x:.1}" y="{:.1}" fill="{grey}">x: commit date (UTC)</text>"#,
        ly + 16.0,
        ly + 32.0
    );
    // Per commit: a red mark when the scan met errors, and a hover area reaching halfway to
    // its neighbours.
    for (i, row) in rows.iter().enumerate() {
        if row.status != "ok" {
            let _ = writeln!(
                s,
                r##"<path d="M{:.1} {:.1}l-4 8h8z" fill="#d00000"/>"##,
                xs[i],
                TOP + plot_h + 28.0
            );
        }
        let from = if i == 0 {
            LEFT
        } else {
            (xs[i - 1] + xs[i]) / 2.0
        };
        let to = xs.get(i + 1).map_or(edge, |next| (xs[i] + next) / 2.0);
        let _ = writeln!(
            s,
            r#"<rect x="{from:.1}" y="{TOP}" width="{:.1}" height="{plot_h:.1}" fill="transparent"><title>{}</title></rect>"#,
            to - from,
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
    use crate::trend::DomainPoint;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;");
    }

    fn row(i: usize, time: i64, level: Option<u8>, score: Option<f64>) -> Row {
        Row {
            commit: format!("{i:040x}"),
            date: crate::trend::date::iso8601(time, 0),
            time,
            subject: format!("commit {i}"),
            level,
            score,
            limiting: None,
            scope: crate::scope::Scope::Workload,
            domains: vec![DomainPoint {
                id: "d".into(),
                level,
                score,
            }],
            categories: Vec::new(),
            roots: 1,
            passed: 1,
            failed: 0,
            errors: 0,
            waived: 0,
            status: "ok",
            unparsed: Vec::new(),
            error_count: 0,
            objectives: Vec::new(),
            rules: (0.9, false),
        }
    }

    /// (x, label) of every tick label.
    fn ticks(svg: &str) -> Vec<(f64, String)> {
        svg.split(r#"<text class="tick" x=""#)
            .skip(1)
            .map(|rest| {
                let (x, rest) = rest.split_once('"').unwrap();
                let label = rest.split_once('>').unwrap().1.split_once('<').unwrap().0;
                (x.parse().unwrap(), label.to_string())
            })
            .collect()
    }

    #[test]
    fn levels_step_and_scores_run_through_commits_placed_by_time() {
        // Day 0, day 1 and day 4: the third commit sits three times as far from the second.
        let day = 86_400;
        let t = 1_704_110_400;
        let rows = [
            row(0, t, Some(0), Some(0.5)),
            row(1, t + day, Some(1), Some(1.25)),
            row(2, t + 4 * day, Some(1), Some(1.75)),
        ];
        let svg = svg(&rows, None);
        // Commits from x 58 to 700 over four days (160.5 px a day), the last level and score
        // held to the plot's edge at 710; levels 54.4 px apart from L0 at y 316, the program
        // drawn 1.25 px above the domain sharing its values.
        let program = r##"<path d="M58.0 314.8H218.5V260.4H700.0H710.0" fill="none" stroke="#000000" stroke-width="3"><title>program level</title></path>"##;
        assert!(svg.contains(program), "{svg}");
        let score = r##"<path d="M58.0 287.6L218.5 246.8L700.0 219.6H710.0" fill="none" stroke="#000000" stroke-width="1.25" stroke-dasharray="5 3"><title>program score</title></path>"##;
        assert!(svg.contains(score), "{svg}");
        // One hover area per commit, from halfway to the previous to halfway to the next.
        assert!(
            svg.contains(r#"<rect x="48.0" y="44" width="90.2""#),
            "{svg}"
        );
        assert!(
            svg.contains(r#"<rect x="138.2" y="44" width="321.0""#),
            "{svg}"
        );
        assert!(
            svg.contains(r#"<rect x="459.2" y="44" width="250.8""#),
            "{svg}"
        );
        assert!(svg.contains("program 1 (1.25) · d 1 (1.25)"), "{svg}");
        // Midnights (UTC) after the first commit at noon.
        assert_eq!(
            ticks(&svg),
            [
                (138.2, "2024-01-02".to_string()),
                (298.8, "2024-01-03".to_string()),
                (459.2, "2024-01-04".to_string()),
                (619.8, "2024-01-05".to_string())
            ]
        );
    }

    #[test]
    fn tick_labels_never_overlap_over_200_commits() {
        // Spans from minutes to decades, with bursts of commits in the same second.
        for span in [600, 86_400, 20 * 86_400, 400 * 86_400, 9_000 * 86_400] {
            let rows: Vec<Row> = (0..200)
                .map(|i| {
                    let t = 1_600_000_000 + span * (i as i64 / 3 * 3) / 200;
                    row(i, t, Some((i % 6) as u8), Some((i % 6) as f64 + 0.5))
                })
                .collect();
            let svg = svg(&rows, None);
            assert_eq!(svg.matches(r#"fill="transparent""#).count(), 200);
            let ticks = ticks(&svg);
            // At least one label, and several once the span holds several days.
            let least = if span >= 20 * 86_400 { 3 } else { 1 };
            assert!(ticks.len() >= least, "{span}: {ticks:?}");
            let boxes: Vec<(f64, f64)> = ticks
                .iter()
                .map(|(x, label)| {
                    let half = axis::text_width(label, FONT_SIZE) / 2.0;
                    (x - half, x + half)
                })
                .collect();
            assert!(boxes[0].0 >= 0.0 && boxes[boxes.len() - 1].1 <= WIDTH);
            for pair in boxes.windows(2) {
                assert!(pair[0].1 <= pair[1].0, "{span}: {ticks:?}");
            }
        }
    }
}
