#![cfg(not(target_arch = "wasm32"))]
//! The facts the code relies on live in the repository (docs/facts.md), and every comment
//! that cites one names a section that is there: a newcomer with a clone can follow each.

use std::path::Path;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn sources(dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push((path.display().to_string(), read(&path)));
        }
    }
}

/// The section numbers docs/facts.md has: `## §3 …` and `### §3.2 …`.
fn sections(facts: &str) -> Vec<String> {
    facts
        .lines()
        .filter(|line| line.starts_with('#'))
        .filter_map(|line| line.trim_start_matches('#').trim().strip_prefix('§'))
        .map(|rest| rest.split_whitespace().next().unwrap().to_string())
        .collect()
}

/// Every `§N` in the text that follows a citation of docs/facts.md, up to the end of its
/// parenthesis or line.
fn cited(text: &str) -> Vec<String> {
    let mut cited = Vec::new();
    for (at, _) in text.match_indices("docs/facts.md") {
        let rest = &text[at..];
        let end = rest.find([')', '\n']).unwrap_or(rest.len());
        for part in rest[..end].split('§').skip(1) {
            let number: String = part.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            cited.push(number.trim_end_matches('.').to_string());
        }
    }
    cited
}

#[test]
fn every_cited_fact_is_a_section_of_the_repositorys_facts_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let have = sections(&read(&root.join("docs/facts.md")));
    assert!(have.len() > 10, "{have:?}");
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut citations = 0;
    for (path, text) in &files {
        assert!(!text.contains("facts/exchange.md"), "{path} cites the team's facts sheet, outside the repository");
        for section in cited(text) {
            citations += 1;
            // §3.1–§3.4 cites a range: each end must exist.
            assert!(have.contains(&section), "{path} cites docs/facts.md §{section}, which it does not have");
        }
    }
    assert!(citations > 50, "{citations} citations found");
}

#[test]
fn the_citation_reader_finds_what_it_should() {
    assert_eq!(cited("x (docs/facts.md §3.2, §3.3) and §9 outside"), ["3.2", "3.3"]);
    assert_eq!(cited("(docs/facts.md §1.1 and §1.2.)"), ["1.1", "1.2"]);
    assert_eq!(sections("# Title\n## §0 The seed\n### §1.2 Its attributes\n## Sources"), ["0", "1.2"]);
}
