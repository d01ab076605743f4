//! Inline SVG charts for the HTML report: horizontal level bars and a level trend line. Plain
//! markup with fixed sizes, no script, no external resources.

use super::markup::escape;
use crate::model::MAX_LEVEL;
use std::fmt::Write;

/// One bar: a label and a level (`None`: no evidence, drawn as `n/a`).
pub struct Bar {
    pub label: String,
    pub level: Option<u8>,
    /// Heading rows (program, domains) are bold and darker.
    pub heading: bool,
}

const WIDTH: f64 = 720.0;
const LABEL: f64 = 300.0;
const ROW: f64 = 24.0;

fn x_of(level: f64) -> f64 {
    LABEL + (WIDTH - LABEL - 40.0) * level / f64::from(MAX_LEVEL)
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
        match bar.level {
            Some(level) => {
                let width = (x_of(f64::from(level)) - LABEL).max(3.0);
                let _ = write!(
                    out,
                    r#"<rect class="bar l{level}{}" x="{LABEL}" y="{:.1}" width="{width:.1}" height="{:.1}" rx="3"><title>{}: level {level}</title></rect>"#,
                    if bar.heading { " heading" } else { "" },
                    y + 4.0,
                    ROW - 8.0,
                    escape(&bar.label)
                );
            }
            None => {
                let _ = write!(
                    out,
                    r#"<text class="na" x="{:.1}" y="{:.1}">n/a</text>"#,
                    LABEL + 6.0,
                    y + 16.0
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

/// One point of a trend: an x label, the program level and score when known.
pub struct Point {
    pub label: String,
    pub level: Option<u8>,
    pub score: Option<f64>,
}

pub fn trend(id: &str, points: &[Point]) -> String {
    let (width, height, left, top, bottom) = (WIDTH, 260.0, 40.0, 12.0, 200.0);
    let step = if points.len() > 1 {
        (width - left - 30.0) / (points.len() - 1) as f64
    } else {
        0.0
    };
    let x = |i: usize| left + 10.0 + step * i as f64;
    let y = |v: f64| bottom - (bottom - top) * v / f64::from(MAX_LEVEL);
    let mut out = format!(
        r#"<svg id="{id}" class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>Program level over time</title>"#
    );
    for l in 0..=MAX_LEVEL {
        let v = y(f64::from(l));
        let _ = write!(
            out,
            r#"<line class="grid" x1="{left}" y1="{v:.1}" x2="{:.1}" y2="{v:.1}"/><text class="axis" x="{:.1}" y="{:.1}" text-anchor="end">{l}</text>"#,
            width - 10.0,
            left - 6.0,
            v + 4.0
        );
    }
    let line = |values: Vec<(usize, f64)>, class: &str| {
        let d: Vec<String> = values
            .iter()
            .map(|(i, v)| format!("{:.1},{:.1}", x(*i), y(*v)))
            .collect();
        format!(r#"<polyline class="{class}" points="{}"/>"#, d.join(" "))
    };
    let scores = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.score.map(|m| (i, m)))
        .collect();
    out.push_str(&line(scores, "score"));
    let levels = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.level.map(|l| (i, f64::from(l))))
        .collect();
    out.push_str(&line(levels, "level"));
    // Label at most about twelve points so the axis stays readable.
    let every = points.len().div_ceil(12).max(1);
    for (i, p) in points.iter().enumerate() {
        if let Some(level) = p.level {
            let score = p.score.map_or(String::new(), |m| format!(", score {m:.1}"));
            let _ = write!(
                out,
                r#"<circle class="point" cx="{:.1}" cy="{:.1}" r="4"><title>{}: level {level}{score}</title></circle>"#,
                x(i),
                y(f64::from(level)),
                escape(&p.label)
            );
        }
        if i % every == 0 || i + 1 == points.len() {
            let _ = write!(
                out,
                r#"<text class="axis" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                x(i),
                bottom + 18.0,
                escape(&p.label)
            );
        }
    }
    let _ = write!(
        out,
        r#"<text class="legend level" x="{left}" y="{:.1}">— program level</text><text class="legend score" x="{:.1}" y="{:.1}">- - score of categories</text></svg>"#,
        height - 12.0,
        left + 160.0,
        height - 12.0
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_draw_one_rect_per_assessed_level_and_na_otherwise() {
        let svg = bars(
            "c",
            "t",
            &[
                Bar {
                    label: "A & B".into(),
                    level: Some(5),
                    heading: true,
                },
                Bar {
                    label: "C".into(),
                    level: None,
                    heading: false,
                },
            ],
        );
        assert_eq!(svg.matches("<rect").count(), 1);
        assert!(svg.contains(r#"width="380.0""#), "{svg}");
        assert!(svg.contains(">A &amp; B</text>"), "{svg}");
        assert!(svg.contains(">n/a</text>"), "{svg}");
    }

    #[test]
    fn trend_plots_points_with_levels() {
        let svg = trend(
            "t",
            &[
                Point {
                    label: "a".into(),
                    level: Some(0),
                    score: Some(0.5),
                },
                Point {
                    label: "b".into(),
                    level: None,
                    score: None,
                },
                Point {
                    label: "c".into(),
                    level: Some(5),
                    score: Some(5.0),
                },
            ],
        );
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains(r#"points="50.0,200.0 700.0,12.0""#), "{svg}");
    }
}
