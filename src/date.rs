//! Calendar dates (`YYYY-MM-DD`) for expiry checks on suppressions and attestations.
//!
//! Dates are whole UTC days, compared as plain calendar dates; a date-time crate would add a
//! dependency for nothing more than parsing, validating and ordering three numbers.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month, day) of a count of days since 1970-01-01 (Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Overrides today's date (`YYYY-MM-DD`) for tests and reproducible runs.
pub const TODAY_VAR: &str = "RUNGS_TODAY";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// Parses a strict `YYYY-MM-DD` date that exists in the calendar.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("expected a date as YYYY-MM-DD, got {text:?}");
        let b = text.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(bad());
        }
        let year: u16 = text[0..4].parse().map_err(|_| bad())?;
        let month: u8 = text[5..7].parse().map_err(|_| bad())?;
        let day: u8 = text[8..10].parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(format!("{text} is not a calendar date"));
        }
        Ok(Date { year, month, day })
    }

    /// Whole days from `earlier` to this date (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        let days =
            |d: Date| days_from_civil(i64::from(d.year), i64::from(d.month), i64::from(d.day));
        days(self) - days(earlier)
    }

    /// The UTC date of a count of days since 1970-01-01.
    fn from_unix_days(days: i64) -> Date {
        let (year, month, day) = civil_from_days(days);
        Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Today's UTC date from the system clock.
    pub fn system_today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_unix_days((secs / 86_400) as i64)
    }

    /// Today: `RUNGS_TODAY` when set (the one place it is read), otherwise the system clock.
    pub fn today() -> Result<Date, String> {
        match std::env::var(TODAY_VAR) {
            Ok(text) => Date::parse(&text).map_err(|e| format!("{TODAY_VAR}: {e}")),
            Err(_) => Ok(Date::system_today()),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders_dates() {
        let a = Date::parse("2024-02-29").unwrap();
        let b = Date::parse("2024-03-01").unwrap();
        assert!(a < b);
        assert_eq!(a.to_string(), "2024-02-29");
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "2024-00-10",
            "2024-01-00",
        ] {
            assert_eq!(
                Date::parse(bad).unwrap_err(),
                format!("{bad} is not a calendar date")
            );
        }
        for bad in [
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "2024-01-01T00",
            "",
            "２０２４-01-01",
        ] {
            assert_eq!(
                Date::parse(bad).unwrap_err(),
                format!("expected a date as YYYY-MM-DD, got {bad:?}")
            );
        }
    }

    #[test]
    fn century_leap_years() {
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
    }

    #[test]
    fn unix_days_to_civil_dates() {
        assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_days(11_016).to_string(), "2000-02-29");
        assert_eq!(Date::from_unix_days(19_783).to_string(), "2024-03-01");
        assert_eq!(Date::from_unix_days(20_453).to_string(), "2025-12-31");
    }
}
