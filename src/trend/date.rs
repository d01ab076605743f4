//! Calendar dates for commit times, without a date library: the proleptic Gregorian calendar
//! in UTC plus the committer's fixed offset, which is all git records.

use crate::date::{civil_from_days, days_from_civil};

/// `2026-11-27T14:03:00+01:00`: the local time of the committer.
pub fn iso8601(time: i64, offset_minutes: i32) -> String {
    let local = time + i64::from(offset_minutes) * 60;
    let (y, m, d) = civil_from_days(local.div_euclid(86400));
    let secs = local.rem_euclid(86400);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.unsigned_abs();
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
        off / 60,
        off % 60
    )
}

/// Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM`.
pub fn parse(text: &str) -> Result<i64, String> {
    let bad = || format!("invalid date {text:?}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    let num = |s: &str| s.parse::<i64>().map_err(|_| bad());
    let (day, rest) = match text.split_once('T') {
        Some((d, r)) => (d, Some(r)),
        None => (text, None),
    };
    let parts: Vec<&str> = day.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let (y, m, d) = (num(y)?, num(m)?, num(d)?);
    if !(1..=12).contains(&m)
        || !(1..=31).contains(&d)
        || civil_from_days(days_from_civil(y, m, d)) != (y, m, d)
    {
        return Err(bad());
    }
    let mut seconds = days_from_civil(y, m, d) * 86400;
    if let Some(rest) = rest {
        let (clock, offset) = if let Some(c) = rest.strip_suffix('Z') {
            (c, 0)
        } else if let Some(i) = rest.rfind(['+', '-']) {
            let (c, o) = rest.split_at(i);
            let (h, mi) = o[1..].split_once(':').ok_or_else(bad)?;
            let minutes = num(h)? * 60 + num(mi)?;
            (
                c,
                if o.starts_with('-') {
                    -minutes
                } else {
                    minutes
                },
            )
        } else {
            return Err(bad());
        };
        let hms: Vec<&str> = clock.split(':').collect();
        let [h, mi, s] = hms.as_slice() else {
            return Err(bad());
        };
        let (h, mi, s) = (num(h)?, num(mi)?, num(s)?);
        if h > 23 || mi > 59 || s > 60 {
            return Err(bad());
        }
        seconds += h * 3600 + mi * 60 + s - offset * 60;
    }
    Ok(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_offset() {
        assert_eq!(iso8601(0, 0), "1970-01-01T00:00:00+00:00");
        // 2024-02-29 12:30:00 UTC shown in UTC-05:30.
        let t = parse("2024-02-29T12:30:00Z").unwrap();
        assert_eq!(t, 1_709_209_800);
        assert_eq!(iso8601(t, -330), "2024-02-29T07:00:00-05:30");
        assert_eq!(iso8601(t, 60), "2024-02-29T13:30:00+01:00");
    }

    #[test]
    fn parses_days_and_times() {
        assert_eq!(parse("1970-01-02"), Ok(86400));
        assert_eq!(parse("2024-02-29T12:30:00+01:00"), Ok(1_709_206_200));
        assert!(parse("2023-02-29").is_err());
        assert!(parse("2024-13-01").is_err());
        assert!(parse("yesterday").is_err());
        assert!(parse("2024-01-01T10:00").is_err());
    }
}
