//! The time axis of both trend charts (`rungs trend --format svg` and the HTML report): commits
//! sit at their commit time, ticks fall on calendar boundaries (days, Mondays, months, years, in
//! UTC), and tick labels are thinned by their estimated width so no two overlap.

use crate::date::{civil_from_days, days_from_civil};

const DAY: i64 = 86_400;

/// Width of a label in pixels. Labels are dates (digits and `-`); 0.65 em is at least the
/// advance of those characters in common sans-serif fonts (DejaVu Sans digits are 0.636 em),
/// so the estimate errs wide and estimated boxes that do not overlap never overlap on screen.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * 0.65 * font_size
}

/// Space kept between two tick labels.
pub const GAP: f64 = 8.0;

/// Maps commit times onto `[left, right]`.
pub struct TimeAxis {
    t0: i64,
    t1: i64,
    left: f64,
    right: f64,
}

/// Commit times made non-decreasing: a commit dated before the one it follows (a rebase, a
/// skewed clock) is drawn at its predecessor's time, so lines never run backwards.
pub fn monotone(times: &[i64]) -> Vec<i64> {
    let mut latest = i64::MIN;
    times
        .iter()
        .map(|&t| {
            latest = latest.max(t);
            latest
        })
        .collect()
}

impl TimeAxis {
    /// An axis over the span of `times` (non-decreasing); a span of zero (one commit) is
    /// widened to a day centred on it.
    pub fn new(times: &[i64], left: f64, right: f64) -> TimeAxis {
        let (t0, t1) = match (times.first(), times.last()) {
            (Some(&a), Some(&b)) if b > a => (a, b),
            (Some(&a), _) => (a - DAY / 2, a + DAY / 2),
            _ => (0, DAY),
        };
        TimeAxis {
            t0,
            t1,
            left,
            right,
        }
    }

    pub fn x(&self, t: i64) -> f64 {
        self.left + (self.right - self.left) * (t - self.t0) as f64 / (self.t1 - self.t0) as f64
    }

    /// Tick positions and labels for `font_size` text: the finest calendar step whose labels
    /// fit side by side, then only labels inside `[min_x, max_x]`, dropping any that would
    /// still touch the previous one.
    pub fn ticks(&self, font_size: f64, min_x: f64, max_x: f64) -> Vec<(f64, String)> {
        let per_second = (self.right - self.left) / (self.t1 - self.t0) as f64;
        let mut ticks = Vec::new();
        for step in STEPS {
            let needed = text_width(step.sample(), font_size) + GAP;
            if step.shortest() as f64 * per_second < needed && step != STEPS[STEPS.len() - 1] {
                continue;
            }
            ticks = step
                .times(self.t0, self.t1)
                .into_iter()
                .map(|(t, label)| (self.x(t), label))
                .collect();
            break;
        }
        let mut kept: Vec<(f64, String)> = Vec::new();
        let mut right_edge = f64::NEG_INFINITY;
        for (x, label) in ticks {
            let half = text_width(&label, font_size) / 2.0;
            if x - half < min_x || x + half > max_x || x - half < right_edge + GAP {
                continue;
            }
            right_edge = x + half;
            kept.push((x, label));
        }
        if kept.is_empty() {
            // No boundary inside the span (or none with room): name the middle's day there.
            let middle = self.t0 + (self.t1 - self.t0) / 2;
            let (y, m, d) = civil_from_days(middle.div_euclid(DAY));
            kept.push((self.x(middle), format!("{y:04}-{m:02}-{d:02}")));
        }
        kept
    }
}

/// A calendar step between ticks.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Days(i64),
    /// Every n-th Monday.
    Weeks(i64),
    Months(i64),
    Years(i64),
}

const STEPS: [Step; 14] = [
    Step::Days(1),
    Step::Days(2),
    Step::Weeks(1),
    Step::Weeks(2),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(50),
    Step::Years(100),
];

impl Step {
    /// The shortest time between two ticks, in seconds.
    fn shortest(self) -> i64 {
        match self {
            Step::Days(n) => n * DAY,
            Step::Weeks(n) => n * 7 * DAY,
            Step::Months(n) => n * 28 * DAY,
            Step::Years(n) => n * 365 * DAY,
        }
    }

    /// A label as wide as this step's labels.
    fn sample(self) -> &'static str {
        match self {
            Step::Days(_) | Step::Weeks(_) => "2000-01-01",
            Step::Months(_) => "2000-01",
            Step::Years(_) => "2000",
        }
    }

    fn label(self, day: i64) -> String {
        let (y, m, d) = civil_from_days(day);
        match self {
            Step::Days(_) | Step::Weeks(_) => format!("{y:04}-{m:02}-{d:02}"),
            Step::Months(_) => format!("{y:04}-{m:02}"),
            Step::Years(_) => format!("{y:04}"),
        }
    }

    /// Every tick in `[t0, t1]`, aligned to the calendar (days since the epoch, Mondays, months
    /// counted from January, years divisible by the step).
    fn times(self, t0: i64, t1: i64) -> Vec<(i64, String)> {
        let first = t0.div_euclid(DAY) + i64::from(t0.rem_euclid(DAY) != 0);
        let last = t1.div_euclid(DAY);
        let mut out = Vec::new();
        let mut push = |day: i64| out.push((day * DAY, self.label(day)));
        match self {
            Step::Days(n) => {
                let mut day = first + (n - first.rem_euclid(n)) % n;
                while day <= last {
                    push(day);
                    day += n;
                }
            }
            Step::Weeks(n) => {
                // 1970-01-05, day 4, was a Monday.
                let mut day = first + (4 - first).rem_euclid(7);
                while day <= last {
                    if (day - 4).div_euclid(7) % n == 0 {
                        push(day);
                    }
                    day += 7;
                }
            }
            Step::Months(n) => {
                let (y, m, _) = civil_from_days(first);
                let (mut y, mut m) = (y, m);
                loop {
                    let day = days_from_civil(y, m, 1);
                    if day > last {
                        break;
                    }
                    if day >= first && (m - 1) % n == 0 {
                        push(day);
                    }
                    (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                }
            }
            Step::Years(n) => {
                let (mut y, _, _) = civil_from_days(first);
                loop {
                    let day = days_from_civil(y, 1, 1);
                    if day > last {
                        break;
                    }
                    if day >= first && y.rem_euclid(n) == 0 {
                        push(day);
                    }
                    y += 1;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str) -> i64 {
        crate::trend::date::parse(date).unwrap()
    }

    fn labels(ticks: &[(f64, String)]) -> Vec<&str> {
        ticks.iter().map(|(_, l)| l.as_str()).collect()
    }

    #[test]
    fn monotone_holds_back_dates() {
        assert_eq!(monotone(&[5, 3, 8, 8, 1]), vec![5, 5, 8, 8, 8]);
    }

    #[test]
    fn twelve_weekly_commits_get_a_tick_every_second_monday() {
        // 2026-01-05 is a Monday; one commit a week at 10:00 for twelve weeks.
        let times: Vec<i64> = (0..12)
            .map(|w| at("2026-01-05T10:00:00Z") + w * 7 * DAY)
            .collect();
        let axis = TimeAxis::new(&times, 100.0, 700.0);
        let ticks = axis.ticks(12.0, 0.0, 800.0);
        // 600 px over 77 days: a day is 7.8 px and a label with its gap 86 px, so days and
        // weeks (55 px) are too close and every second Monday (109 px) is not; the first
        // Monday of the cycle, 2026-01-05, is before the first commit.
        assert_eq!(
            labels(&ticks),
            [
                "2026-01-19",
                "2026-02-02",
                "2026-02-16",
                "2026-03-02",
                "2026-03-16"
            ]
        );
        let x = axis.x(at("2026-01-19"));
        assert_eq!(ticks[0].0, x);
        assert!((x - (100.0 + 600.0 * (14.0 * 24.0 - 10.0) / (77.0 * 24.0))).abs() < 1e-9);
    }

    #[test]
    fn long_spans_tick_months_then_years() {
        let axis = TimeAxis::new(&[at("2024-01-15"), at("2024-12-20")], 0.0, 700.0);
        assert_eq!(
            labels(&axis.ticks(12.0, 0.0, 700.0)),
            // A month (58 px) is narrower than a label and its gap (63 px): every second one.
            ["2024-03", "2024-05", "2024-07", "2024-09", "2024-11"]
        );
        let axis = TimeAxis::new(&[at("1990-06-01"), at("2031-01-01")], 0.0, 700.0);
        assert_eq!(
            labels(&axis.ticks(12.0, 0.0, 700.0)),
            ["1995", "2000", "2005", "2010", "2015", "2020", "2025", "2030"]
        );
    }

    #[test]
    fn one_commit_or_one_day_names_the_day() {
        let t = at("2024-03-01T10:00:00Z");
        let axis = TimeAxis::new(&[t], 0.0, 400.0);
        assert_eq!(axis.x(t), 200.0);
        // The widened span holds midnight, but too near the edge for its label.
        assert_eq!(axis.ticks(12.0, 0.0, 400.0), [(200.0, "2024-03-01".into())]);
        let axis = TimeAxis::new(&[t, t + 3600], 0.0, 400.0);
        assert_eq!(axis.ticks(12.0, 0.0, 400.0), [(200.0, "2024-03-01".into())]);
    }
}
