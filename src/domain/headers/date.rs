//! The date at the end of a `Received:` field (RFC 5322 §3.3, with the obsolete forms of
//! §4.3: two- and three-digit years, zone names, spaces and comments around the colons), as
//! seconds since 1970 in UTC. Fractions of a second, which some servers write (SendGrid's
//! `02:54:16.987`), are read and dropped.

use crate::domain::calendar::{civil, days_from_civil};
use crate::domain::headers::fields::uncommented;

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Seconds since 1970-01-01 00:00:00 UTC, or None when `text` holds no date.
pub fn parse(text: &str) -> Option<i64> {
    // §4.3 allows folding white space around the colons of the time: `10 : 00`.
    let plain = uncommented(text);
    let plain = plain.split(':').map(str::trim).collect::<Vec<_>>().join(":");
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

/// Where a date that ends `text` starts: a day, a month's name, a year and a time in a row
/// (a day of the week before them is taken too), with nothing after them but a zone.
pub fn start(text: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = text
        .char_indices()
        .filter(|&(at, c)| !c.is_whitespace() && (at == 0 || text[..at].ends_with(char::is_whitespace)))
        .map(|(at, _)| (at, text[at..].split_whitespace().next().unwrap_or("")))
        .collect();
    let is_month = |word: &str| MONTHS.iter().any(|name| word.eq_ignore_ascii_case(name));
    let digits = |word: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&word.len()) && word.bytes().all(|byte| byte.is_ascii_digit())
    };
    let month = words.iter().rposition(|(_, word)| is_month(word))?;
    let (day, year, time) = (words.get(month.checked_sub(1)?)?, words.get(month + 1)?, words.get(month + 2)?);
    // After the time: a zone, and a comment after it, or nothing.
    let after_zone = words.get(month + 4).map_or("", |(at, _)| text[*at..].trim());
    let ends = after_zone.is_empty() || (after_zone.starts_with('(') && after_zone.ends_with(')'));
    if !digits(day.1, 1..=2) || !digits(year.1, 2..=4) || clock(time.1).is_none() || !ends {
        return None;
    }
    let weekday = month.checked_sub(2).map(|at| words[at]).filter(|(_, word)| {
        let word = word.trim_end_matches(',');
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().any(|name| word.eq_ignore_ascii_case(name))
    });
    Some(weekday.unwrap_or(*day).0)
}

/// `hh:mm` or `hh:mm:ss` as seconds into the day.
fn clock(word: &str) -> Option<i64> {
    let mut parts = word.split(':');
    let hour: i64 = parts.next()?.parse().ok()?;
    let minute: i64 = parts.next()?.parse().ok()?;
    let second: i64 = match parts.next() {
        None => 0,
        Some(part) => {
            let (whole, fraction) = part.split_once('.').unwrap_or((part, "0"));
            if fraction.is_empty() || !fraction.bytes().all(|byte| byte.is_ascii_digit()) {
                return None;
            }
            whole.parse().ok()?
        }
    };
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
