//! Inline SVG charts for the HTML report: horizontal level and score bars, and the program's
//! level and score over time. Plain markup with fixed sizes, no script, no external resources.

use super::markup::escape;
use crate::model::MAX_LEVEL;
use crate::trend::axis::{self, TimeAxis};
use std::fmt::Write;

/// One bar: a label, a level and score (`None`: no evidence, drawn as `n/a` or the note).
pub struct Bar {
    pub label: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
    /// Said after the numbers ("needs 2 attestations"), or instead of `n/a` ("out of scope").
    pub note: Option<String>,
    /// Heading rows (program, domains) are bold and darker.
    pub heading: bool,
}

const WIDTH: f64 = 920.0;
const LABEL: f64 = 300.0;
const ROW: f64 = 24.0;
/// Font size of `svg .axis` in report.css, which tick labels are measured with.
const AXIS_FONT: f64 = 11.0;

fn x_of(level: f64) -> f64 {
    // Room after a full bar for its numbers and note.
    LABEL + (WIDTH - LABEL - 240.0) * level / f64::from(MAX_LEVEL)
}

/// Vertical grid lines and level numbers 0..=5 over a plot of the given height.
fn grid(out: &mut String, top: f64, bottom: f64) {
    for l in 0..=MAX_LEVEL {
        let x = x_of(f64::from(l));
        let _ = write!(
            out,
            r#"<line class="grid" x1="{x:.1}" y1="{top:.1}" x2="{x:.1}" y2="{bottom:.1}"/><text class="axis" x="{x:.1}" y="{:.1}" text-anchor="middle">{l}</text>"#,
            bottom + 14.0
        );
    }
}

/// `L1 · 1.45`, the numbers written beside a bar.
pub fn numbers(level: u8, score: Option<f64>) -> String {
    match score {
        Some(s) => format!("L{level} · {s:.2}"),
        None => format!("L{level}"),
    }
}

/// Each bar is solid up to the level and pale from there to the score, with the numbers
/// written after it.
pub fn bars(id: &str, title: &str, bars: &[Bar]) -> String {
    let height = ROW * bars.len() as f64 + 30.0;
    let mut out = format!(
        r#"<svg id="{id}" class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{}</title>"#,
        escape(title)
    );
    grid(&mut out, 0.0, height - 30.0);
    for (i, bar) in bars.iter().enumerate() {
        let y = ROW * i as f64;
        let class = if bar.heading {
            "label heading"
        } else {
            "label"
        };
        let _ = write!(
            out,
            r#"<text class="{class}" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            LABEL - 8.0,
            y + 16.0,
            escape(&bar.label)
        );
        let note = bar
            .note
            .as_ref()
            .map_or(String::new(), |n| format!(" · {}", escape(n)));
        match bar.level {
            Some(level) => {
                let width = (x_of(f64::from(level)) - LABEL).max(3.0);
                let text = numbers(level, bar.score);
                let _ = write!(
                    out,
                    r#"<rect class="bar l{level}{}" x="{LABEL}" y="{:.1}" width="{width:.1}" height="{:.1}" rx="3"><title>{}: {text}</title></rect>"#,
                    if bar.heading { " heading" } else { "" },
                    y + 4.0,
                    ROW - 8.0,
                    escape(&bar.label)
                );
                let end = bar
                    .score
                    .map_or(LABEL + width, |s| x_of(s).max(LABEL + width));
                if end > LABEL + width {
                    let _ = write!(
                        out,
                        r#"<rect class="progress" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/>"#,
                        LABEL + width,
                        y + 4.0,
                        end - LABEL - width,
                        ROW - 8.0
                    );
                }
                let _ = write!(
                    out,
                    r#"<text class="value" x="{:.1}" y="{:.1}">{text}{note}</text>"#,
                    end + 6.0,
                    y + 16.0
                );
            }
            None => {
                let text = match &bar.note {
                    Some(n) => escape(n),
                    None => "n/a".into(),
                };
                let _ = write!(
                    out,
                    r#"<text class="na" x="{:.1}" y="{:.1}">{text}</text>"#,
                    LABEL + 6.0,
                    y + 16.0
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

/// One commit of a trend: its time, what hovering it says, the program level and score.
pub struct Point {
    pub time: i64,
    pub label: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
}

/// The program level (steps held from a commit to the next) and score (a continuous line)
/// over time, with a dot per commit; the x-axis is the commit date, as in `rungs trend
/// --format svg`.
pub fn trend(id: &str, points: &[Point]) -> String {
    let (width, height, left, top, bottom) = (WIDTH, 260.0, 40.0, 12.0, 200.0);
    let edge = width - 10.0;
    let times = axis::monotone(&points.iter().map(|p| p.time).collect::<Vec<_>>());
    let time_axis = TimeAxis::new(&times, left + 10.0, edge - 10.0);
    let xs: Vec<f64> = times.iter().map(|&t| time_axis.x(t)).collect();
    let y = |v: f64| bottom - (bottom - top) * v / f64::from(MAX_LEVEL);
    let mut out = format!(
        r#"<svg id="{id}" class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>Program level and score over time</title>"#
    );
    for l in 0..=MAX_LEVEL {
        let v = y(f64::from(l));
        let _ = write!(
            out,
            r#"<line class="grid" x1="{left}" y1="{v:.1}" x2="{edge:.1}" y2="{v:.1}"/><text class="axis" x="{:.1}" y="{:.1}" text-anchor="end">{l}</text>"#,
            left - 6.0,
            v + 4.0
        );
    }
    if !points.is_empty() {
        for (x, label) in time_axis.ticks(AXIS_FONT, 0.0, width) {
            let _ = write!(
                out,
                r#"<line class="tick" x1="{x:.1}" y1="{bottom:.1}" x2="{x:.1}" y2="{:.1}"/><text class="axis x" x="{x:.1}" y="{:.1}" text-anchor="middle">{label}</text>"#,
                bottom + 5.0,
                bottom + 18.0
            );
        }
    }
    // The score: a continuous line through the commits, broken where there is none.
    let mut d = String::new();
    let mut drawing = false;
    for (i, p) in points.iter().enumerate() {
        match p.score {
            Some(s) => {
                let _ = write!(
                    d,
                    "{}{:.1} {:.1}",
                    if drawing { "L" } else { "M" },
                    xs[i],
                    y(s)
                );
                drawing = true;
            }
            None => drawing = false,
        }
    }
    if !d.is_empty() {
        let _ = write!(out, r#"<path class="score" d="{d}"/>"#);
    }
    // The level: each commit's holds until the next.
    let mut d = String::new();
    let mut previous = None;
    for (i, p) in points.iter().enumerate() {
        let Some(level) = p.level else {
            previous = None;
            continue;
        };
        let v = y(f64::from(level));
        match previous {
            None => {
                let _ = write!(d, "M{:.1} {v:.1}", xs[i]);
            }
            Some(prev) if prev != level => {
                let _ = write!(d, "V{v:.1}");
            }
            Some(_) => {}
        }
        let _ = write!(d, "H{:.1}", xs.get(i + 1).copied().unwrap_or(edge));
        previous = Some(level);
    }
    if !d.is_empty() {
        let _ = write!(out, r#"<path class="level" d="{d}"/>"#);
    }
    for (i, p) in points.iter().enumerate() {
        let Some(level) = p.level else { continue };
        let _ = write!(
            out,
            r#"<circle class="point" cx="{:.1}" cy="{:.1}" r="3"><title>{}: {}</title></circle>"#,
            xs[i],
            y(p.score.unwrap_or(f64::from(level))),
            escape(&p.label),
            numbers(level, p.score)
        );
    }
    let _ = write!(
        out,
        r#"<text class="legend level" x="{left}" y="{:.1}">— program level</text><text class="legend score" x="{:.1}" y="{:.1}">- - program score</text><text class="legend" x="{:.1}" y="{:.1}">x: commit date (UTC)</text></svg>"#,
        height - 12.0,
        left + 160.0,
        height - 12.0,
        left + 320.0,
        height - 12.0
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, level: Option<u8>, score: Option<f64>, note: Option<&str>) -> Bar {
        Bar {
            label: label.into(),
            level,
            score,
            note: note.map(str::to_string),
            heading: false,
        }
    }

    #[test]
    fn bars_show_level_solid_progress_pale_and_the_numbers() {
        let svg = bars(
            "c",
            "t",
            &[
                bar("A & B", Some(5), Some(5.0), None),
                bar("C", Some(1), Some(1.45), Some("2 attestations pending")),
                bar("D", None, None, Some("out of scope")),
                bar("E", None, None, None),
            ],
        );
        // Two level bars, 76 px a level from x 300; progress only where the score passes the
        // level.
        assert_eq!(svg.matches("<rect class=\"bar").count(), 2);
        assert!(svg.contains(r#"<rect class="bar l5" x="300" y="4.0" width="380.0""#));
        assert!(svg.contains(r#"<rect class="bar l1" x="300" y="28.0" width="76.0""#));
        assert_eq!(svg.matches("<rect class=\"progress\"").count(), 1);
        assert!(svg
            .contains(r#"<rect class="progress" x="376.0" y="28.0" width="34.2" height="16.0"/>"#));
        assert!(svg.contains(r#"<text class="value" x="686.0" y="16.0">L5 · 5.00</text>"#));
        assert!(svg.contains(
            r#"<text class="value" x="416.2" y="40.0">L1 · 1.45 · 2 attestations pending</text>"#
        ));
        assert!(svg.contains(r#"<text class="na" x="306.0" y="64.0">out of scope</text>"#));
        assert!(svg.contains(r#"<text class="na" x="306.0" y="88.0">n/a</text>"#));
        assert!(svg.contains(">A &amp; B</text>"), "{svg}");
    }

    fn point(time: i64, level: Option<u8>, score: Option<f64>) -> Point {
        Point {
            time,
            label: format!("<{time}>"),
            level,
            score,
        }
    }

    /// (x, label) of every x-axis label.
    fn ticks(svg: &str) -> Vec<(f64, String)> {
        svg.split(r#"<text class="axis x" x=""#)
            .skip(1)
            .map(|rest| {
                let (x, rest) = rest.split_once('"').unwrap();
                let label = rest.split_once('>').unwrap().1.split_once('<').unwrap().0;
                (x.parse().unwrap(), label.to_string())
            })
            .collect()
    }

    #[test]
    fn trend_steps_levels_and_draws_scores_by_time() {
        // 2024-01-01 00:00, a day later, then three days later; the middle commit has no
        // evidence.
        let t = 1_704_067_200;
        let svg = trend(
            "t",
            &[
                point(t, Some(0), Some(0.5)),
                point(t + 86_400, None, None),
                point(t + 4 * 86_400, Some(2), Some(2.25)),
            ],
        );
        // Commits from x 50 to 900 (212.5 px a day); levels 37.6 px apart from y 200. The
        // midnight at the last commit has no label: it would run past the chart's edge at 920.
        assert!(
            svg.contains(r#"<path class="level" d="M50.0 200.0H262.5M900.0 124.8H910.0"/>"#),
            "{svg}"
        );
        assert!(
            svg.contains(r#"<path class="score" d="M50.0 181.2M900.0 115.4"/>"#),
            "{svg}"
        );
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains(r#"<circle class="point" cx="900.0" cy="115.4" r="3"><title>&lt;1704412800&gt;: L2 · 2.25</title></circle>"#), "{svg}");
        assert_eq!(
            ticks(&svg),
            [
                (50.0, "2024-01-01".to_string()),
                (262.5, "2024-01-02".to_string()),
                (475.0, "2024-01-03".to_string()),
                (687.5, "2024-01-04".to_string())
            ]
        );
    }

    #[test]
    fn trend_labels_never_overlap_over_200_commits() {
        for span in [
            3_600,
            5 * 86_400,
            90 * 86_400,
            3 * 365 * 86_400,
            60 * 365 * 86_400,
        ] {
            let points: Vec<Point> = (0..200)
                .map(|i| point(1_500_000_000 + span * i / 199, Some(1), Some(1.5)))
                .collect();
            let svg = trend("t", &points);
            assert_eq!(svg.matches("<circle").count(), 200);
            let ticks = ticks(&svg);
            assert!(!ticks.is_empty(), "{span}");
            let boxes: Vec<(f64, f64)> = ticks
                .iter()
                .map(|(x, label)| {
                    let half = axis::text_width(label, AXIS_FONT) / 2.0;
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
