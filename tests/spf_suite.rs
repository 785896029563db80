#![cfg(not(target_arch = "wasm32"))]
//! The SPF helper against the openspf.org test suite for RFC 7208 (tests/samples/spf/,
//! BSD licence beside it). A case counts when the pasted record decides its outcome: the
//! domain checked has its SPF record in the suite's DNS, and either the result is not a
//! permanent error (so the record's syntax is valid, §4.6: any syntax error ends the check
//! with permerror) or the permanent error comes from the record itself, not from what DNS
//! holds elsewhere (the cases in `FROM_DNS`).

use std::collections::BTreeMap;

use serde::Deserialize;
use smarthost_assistant::domain::report::{Level, Report};
use smarthost_assistant::domain::spf::check;

#[derive(Deserialize)]
struct Section {
    description: String,
    tests: BTreeMap<String, Case>,
    #[serde(default)]
    zonedata: BTreeMap<String, Vec<serde_yaml::Value>>,
}

#[derive(Deserialize)]
struct Case {
    #[serde(default)]
    mailfrom: String,
    #[serde(default)]
    helo: String,
    result: serde_yaml::Value,
}

/// Permanent errors that DNS decides, not the record: an include or redirect whose target
/// has no record or a broken one, too many lookups or void lookups through other records,
/// an exp= text that is broken, more than one record. The helper sees only the pasted
/// record, so these are out of its reach.
const FROM_DNS: &[(&str, &str)] = &[
    ("include-none", "the included domain has no SPF record"),
    ("include-permerror", "the included domain's record is broken"),
    ("redirect-none", "the redirect's target has no SPF record"),
    ("include-loop", "the included records include each other"),
    ("redirect-loop", "the redirected records redirect to each other"),
    ("include-over-limit", "the included record's own lookups pass the limit"),
    ("mx-limit", "the domain has more than 10 MX hosts"),
    ("void-over-limit", "more than two of the names looked up do not exist"),
];

fn sections() -> Vec<Section> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/samples/spf/rfc7208-tests.yml")).unwrap();
    serde_yaml::Deserializer::from_str(&text).map(|document| Section::deserialize(document).unwrap()).collect()
}

/// The TXT strings of `domain` that start an SPF record, each record's strings joined.
fn records(section: &Section, domain: &str) -> Vec<String> {
    let Some((_, entries)) = section.zonedata.iter().find(|(name, _)| name.eq_ignore_ascii_case(domain)) else {
        return Vec::new();
    };
    // The suite's drivers copy SPF-type records to TXT for a name that has no TXT record of
    // its own (its header, and pyspf's test driver).
    let kind = if entries.iter().any(|entry| entry.get("TXT").is_some()) { "TXT" } else { "SPF" };
    entries
        .iter()
        .filter_map(|entry| entry.get(kind))
        .map(|txt| match txt {
            serde_yaml::Value::String(text) => text.clone(),
            serde_yaml::Value::Sequence(parts) => parts.iter().map(|part| part.as_str().unwrap().to_string()).collect(),
            other => panic!("a TXT record of {domain} is {other:?}"),
        })
        .filter(|text| {
            text.get(..6).is_some_and(|version| version.eq_ignore_ascii_case("v=spf1"))
                && matches!(text.as_bytes().get(6), None | Some(b' '))
        })
        .collect()
}

/// The record as `dig` prints it: in quotes, with `"` and `\` escaped and every byte that is
/// not printable ASCII as `\DDD` (RFC 1035 §5.1).
fn as_dig_prints(record: &str) -> String {
    let mut out = String::from("\"");
    for byte in record.bytes() {
        match byte {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(byte as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\{byte:03}")),
        }
    }
    out.push('"');
    out
}

fn results(value: &serde_yaml::Value) -> Vec<String> {
    match value {
        serde_yaml::Value::String(result) => vec![result.clone()],
        serde_yaml::Value::Sequence(results) => {
            results.iter().map(|result| result.as_str().unwrap().to_string()).collect()
        }
        other => panic!("a result is {other:?}"),
    }
}

/// The errors that refuse the record. That MailRoute's include would take a valid record
/// past the lookup limit is said as an error too, but it judges the change, not the record.
fn refusals(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|finding| finding.level == Level::Error && !finding.message.starts_with("With MailRoute's include"))
        .map(|finding| finding.message.clone())
        .collect()
}

#[test]
fn the_helper_agrees_with_rfc_7208s_test_suite() {
    let mut agreed = 0;
    let mut disagreed = Vec::new();
    for section in sections() {
        for (name, case) in &section.tests {
            let domain = match case.mailfrom.rsplit_once('@') {
                Some((_, domain)) if !domain.is_empty() => domain.to_string(),
                _ => case.helo.clone(),
            };
            let found = records(&section, &domain);
            if found.is_empty() || FROM_DNS.iter().any(|(case, _)| case == name) {
                continue;
            }
            let pasted: Vec<String> = found.iter().map(|record| as_dig_prints(record)).collect();
            let report = check(&pasted.join("\n"), false);
            let errors = refusals(&report);
            let expected = results(&case.result);
            let must_refuse = expected.iter().all(|result| result == "permerror");
            let must_accept = !expected.iter().any(|result| result == "permerror");
            let right = (must_refuse && !errors.is_empty() && report.record.is_none())
                || (must_accept && errors.is_empty())
                || (!must_refuse && !must_accept);
            if right {
                agreed += 1;
            } else {
                disagreed.push(format!(
                    "{} / {name}: expected {expected:?} for {pasted:?}; said {errors:?}",
                    section.description
                ));
            }
        }
    }
    println!("{agreed} agree");
    // 192 cases whose domain has a record, less the 8 that DNS decides.
    assert!(agreed + disagreed.len() >= 184, "only {} cases were read", agreed + disagreed.len());
    assert!(
        disagreed.is_empty(),
        "{} of {} disagree:\n{}",
        disagreed.len(),
        agreed + disagreed.len(),
        disagreed.join("\n")
    );
}
