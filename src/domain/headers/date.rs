//! The date at the end of a `Received:` field (RFC 5322 §3.3, with the obsolete forms of
//! §4.3: two-digit years and zone names), as seconds since 1970 in UTC.

use crate::domain::calendar::{civil, days_from_civil};
use crate::domain::headers::fields::uncommented;

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Seconds since 1970-01-01 00:00:00 UTC, or None when `text` holds no date.
pub fn parse(text: &str) -> Option<i64> {
    let plain = uncommented(text);
    let mut day = None;
    let mut month = None;
    let mut year = None;
    let mut time = None;
    let mut zone = None;
    for word in plain.split(|c: char| c.is_whitespace() || c == ',').filter(|word| !word.is_empty()) {
        let lower = word.to_ascii_lowercase();
        if time.is_none() && word.contains(':') {
            time = clock(word);
        } else if let Some(index) = MONTHS.iter().position(|name| lower.starts_with(name)) {
            month.get_or_insert(index as i64 + 1);
        } else if word.bytes().all(|byte| byte.is_ascii_digit()) && word.len() <= 4 {
            let number: i64 = word.parse().ok()?;
            if day.is_none() && word.len() <= 2 {
                day = Some(number);
            } else if year.is_none() {
                // Two-digit years: 00–49 are 2000s, 50–99 the 1900s; three digits add 1900 (§4.3).
                year = Some(match word.len() {
                    1 | 2 if number < 50 => 2000 + number,
                    1..=3 => 1900 + number,
                    _ => number,
                });
            }
        } else if time.is_some() && zone.is_none() {
            zone = offset(&lower);
        }
    }
    let (day, month, year, seconds) = (day?, month?, year?, time?);
    if !(1..=31).contains(&day) {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + seconds - zone.unwrap_or(0))
}

/// `hh:mm` or `hh:mm:ss` as seconds into the day.
fn clock(word: &str) -> Option<i64> {
    let mut parts = word.split(':');
    let hour: i64 = parts.next()?.parse().ok()?;
    let minute: i64 = parts.next()?.parse().ok()?;
    let second: i64 = parts.next().map_or(Some(0), |part| part.parse().ok())?;
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some(hour * 3600 + minute * 60 + second)
}

/// The zone's offset from UTC in seconds: `+hhmm`, `-hhmm`, or a name of §4.3.
fn offset(zone: &str) -> Option<i64> {
    if let Some(digits) = zone.strip_prefix(['+', '-']) {
        let negative = zone.starts_with('-');
        if digits.len() != 4 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        let minutes = digits[..2].parse::<i64>().ok()? * 60 + digits[2..].parse::<i64>().ok()?;
        return Some(if negative { -minutes * 60 } else { minutes * 60 });
    }
    let hours = match zone {
        "ut" | "utc" | "gmt" | "z" => 0,
        "edt" => -4,
        "est" | "cdt" => -5,
        "cst" | "mdt" => -6,
        "mst" | "pdt" => -7,
        "pst" => -8,
        _ => return None,
    };
    Some(hours * 3600)
}

/// The date and time of `seconds` since 1970 in UTC, as `2026-11-28 09:14:03 UTC`.
pub fn format(seconds: i64) -> String {
    let (year, month, day, hour, minute, second) = civil(seconds);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02} UTC")
}
