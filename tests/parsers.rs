#![cfg(not(target_arch = "wasm32"))]
//! Every generated file, on every platform, is read back by a parser we did not write:
//! PowerShell by the tree-sitter-powershell grammar, LDIF by OpenLDAP's `ldapmodify -n -v`.
//! Hostile values in every field either are refused by validation or come back out exactly
//! as typed.

mod sets;

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine;
use proptest::prelude::*;
use smarthost_assistant::domain::files::Command as ShellCommand;
use smarthost_assistant::domain::files::{ldif, offers, powershell, shell, File, Kind};
use smarthost_assistant::domain::guard::Confirmed;
use smarthost_assistant::domain::platform::{Family, Platform, Release2007};
use smarthost_assistant::domain::settings::{Connector, Field, Scope, Settings};
use smarthost_assistant::domain::validate::{check, entries, usable, Severity};

// ---------- PowerShell ----------

const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

fn parse_powershell(source: &str) -> tree_sitter::Tree {
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&tree_sitter_powershell::LANGUAGE.into()).unwrap();
    parser.parse(source, None).unwrap()
}

/// The verbatim (single-quoted) string tokens, in order.
fn verbatim_strings(tree: &tree_sitter::Tree, source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![tree.root_node()];
    while let Some(node) = stack.pop() {
        if node.kind() == "verbatim_string_characters" {
            found.push((node.start_byte(), source[node.byte_range()].to_string()));
        }
        let mut cursor = node.walk();
        stack.extend(node.children(&mut cursor));
    }
    found.sort();
    found.into_iter().map(|(_, token)| token).collect()
}

/// The value PowerShell reads from a single-quoted token. The grammar ends strings at the
/// ASCII apostrophe only; PowerShell ends them at any of the five single quotes, and reads
/// two in a row as one. A lone quote before the token's end would end the string early.
fn powershell_value(token: &str) -> Result<String, String> {
    let chars: Vec<char> = token.chars().collect();
    if chars.len() < 2 || !SINGLE_QUOTES.contains(&chars[0]) || !SINGLE_QUOTES.contains(&chars[chars.len() - 1]) {
        return Err(format!("not a single-quoted string: {token}"));
    }
    let mut value = String::new();
    let mut i = 1;
    while i < chars.len() - 1 {
        if SINGLE_QUOTES.contains(&chars[i]) {
            if i + 1 < chars.len() - 1 && SINGLE_QUOTES.contains(&chars[i + 1]) {
                value.push(chars[i + 1]);
                i += 2;
                continue;
            }
            return Err(format!("PowerShell would end {token:?} at character {i}"));
        }
        value.push(chars[i]);
        i += 1;
    }
    Ok(value)
}

fn assert_parses(file: &File) -> tree_sitter::Tree {
    let source = String::from_utf8(file.bytes()[3..].to_vec()).unwrap();
    let tree = parse_powershell(&source);
    assert!(!tree.root_node().has_error(), "{} has ERROR or MISSING nodes:\n{source}", file.name);
    tree
}

// ---------- LDIF ----------

/// What `ldapmodify -n -v` read: each `(change, attribute, value)`, and the entries' DNs.
struct Ldapmodify {
    changes: Vec<(String, String)>,
    values: Vec<(String, String, String)>,
    entries: Vec<String>,
}

fn ldapmodify(file: &File) -> Ldapmodify {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let run = RUN.fetch_add(1, Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("smarthost-{}-{run}-{}", std::process::id(), file.name));
    std::fs::write(&path, file.bytes()).unwrap();
    let output = Command::new("ldapmodify")
        .args(["-n", "-v", "-f"])
        .arg(&path)
        .output()
        .expect("ldapmodify (ldap-utils) is installed");
    std::fs::remove_file(&path).unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "ldapmodify rejected {}:\n{}\n{}",
        file.name,
        String::from_utf8_lossy(&output.stderr),
        file.text
    );
    let mut read = Ldapmodify { changes: Vec::new(), values: Vec::new(), entries: Vec::new() };
    let mut current: Option<(String, String)> = None;
    for line in stdout.lines() {
        if let Some(value) = line.strip_prefix('\t') {
            let (change, attribute) = current.clone().expect("a value follows its attribute");
            read.values.push((change, attribute, value.to_string()));
        } else if let Some(entry) = line.strip_prefix('!') {
            let dn = entry.split_once('"').and_then(|(_, rest)| rest.strip_suffix('"')).unwrap();
            read.entries.push(dn.to_string());
        } else if let Some((change, attribute)) = line.strip_suffix(':').and_then(|rest| rest.split_once(' ')) {
            current = Some((change.to_string(), attribute.to_string()));
            read.changes.push((change.to_string(), attribute.to_string()));
        }
    }
    read
}

/// The value of `attribute` as ldapmodify read it. ASCII values it prints as they are; for
/// others it prints only their length, so the base64 in the file is decoded with the
/// `base64` crate, and its length checked against what ldapmodify counted.
fn read_value(file: &File, read: &Ldapmodify, attribute: &str) -> String {
    let printed: Vec<&String> = read.values.iter().filter(|(_, a, _)| a == attribute).map(|(_, _, v)| v).collect();
    assert_eq!(printed.len(), 1, "{attribute} in {}", file.name);
    let Some(length) = printed[0].strip_prefix("NOT ASCII (").and_then(|rest| rest.strip_suffix(" bytes)")) else {
        return printed[0].clone();
    };
    let unfolded = file.text.replace("\r\n ", "");
    let encoded = unfolded.lines().find_map(|line| line.strip_prefix(&format!("{attribute}:: "))).unwrap();
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded).unwrap();
    assert_eq!(decoded.len().to_string(), length, "{attribute} in {}", file.name);
    String::from_utf8(decoded).unwrap()
}

/// The attribute values of a DN's RDNs, unescaped per RFC 4514 §3.
fn rdn_values(dn: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut value = String::new();
    let mut in_value = false;
    let mut bytes = dn.bytes().peekable();
    let mut raw = Vec::new();
    while let Some(byte) = bytes.next() {
        match byte {
            b'\\' => {
                let next = bytes.next().unwrap();
                if next.is_ascii_hexdigit() && bytes.peek().is_some_and(u8::is_ascii_hexdigit) {
                    let pair = [next, bytes.next().unwrap()];
                    raw.push(u8::from_str_radix(std::str::from_utf8(&pair).unwrap(), 16).unwrap());
                } else {
                    raw.push(next);
                }
            }
            b'=' if !in_value => in_value = true,
            b',' => {
                value.push_str(&String::from_utf8(std::mem::take(&mut raw)).unwrap());
                values.push(std::mem::take(&mut value));
                in_value = false;
            }
            _ if in_value => raw.push(byte),
            _ => {}
        }
    }
    value.push_str(&String::from_utf8(raw).unwrap());
    values.push(value);
    values
}

// ---------- the files ----------

fn base_settings(connector: Connector) -> Settings {
    let mut settings = Settings::default()
        .with(Field::Bridgehead, "EXCH01")
        .with(Field::AdDomain, "corp.example.com")
        .with(Field::Organization, "Contoso")
        .with(Field::PreviousSmartHosts, "relay.example.net")
        .with(Field::SourceServers, "EX01, EX02");
    settings.connector = connector;
    settings
}

/// The values of these settings that a PowerShell file carries, each a run of string
/// literals in the script, exactly as typed (smart host brackets aside on 2003).
fn typed_in_powershell(settings: &Settings, file: &File) -> Vec<Vec<String>> {
    let list = |field: Field| entries(settings.get(field)).into_iter().map(str::to_string).collect::<Vec<_>>();
    let hosts: Vec<String> = list(Field::SmartHosts)
        .iter()
        .map(|host| host.trim_start_matches('[').trim_end_matches(']').to_string())
        .collect();
    let name = vec![settings.get(Field::ConnectorName).to_string()];
    match settings.platform.family() {
        Family::Exchange2003 => vec![hosts],
        Family::ExchangeOnline if file.name.starts_with("rollback") => vec![name],
        Family::ExchangeOnline => vec![name, vec![settings.get(Field::AddressSpace).to_string()], hosts],
        Family::SendConnector => {
            let mut typed = vec![name];
            if file.name.starts_with("configure") {
                typed.push(hosts);
                // Blank means none: an existing connector keeps its own (valid.rs).
                if !settings.get(Field::SourceServers).trim().is_empty() {
                    typed.push(list(Field::SourceServers));
                }
            }
            typed
        }
    }
}

/// These settings with every typed value replaced by a plain one of the same shape.
fn plain(settings: &Settings) -> Settings {
    let count = |field: Field| entries(settings.get(field)).len();
    // MailRoute's own host stays: any other makes every file open with a warning (guard.rs).
    let hosts: Vec<&str> = entries(settings.get(Field::SmartHosts))
        .into_iter()
        .map(|host| if host.eq_ignore_ascii_case("outbound.mailroute.net") { host } else { "x.example" })
        .collect();
    let mut plain = settings.clone().with(Field::SmartHosts, hosts.join(","));
    plain.set(Field::ConnectorName, "Name");
    if !settings.get(Field::SourceServers).trim().is_empty() {
        plain.set(Field::SourceServers, vec!["S"; count(Field::SourceServers)].join(","));
    }
    plain
}

/// Checks every file for these settings against the parsers, and that each typed value
/// comes back out exactly; returns how many files it checked. A file that waits for values
/// must wait only for values that have an error, so none is passed over unseen.
fn check_files(settings: &Settings) -> usize {
    let typed = |field: Field| settings.get(field).to_string();
    let mut checked = 0;
    for offer in offers(settings, Confirmed::ALL) {
        let file = match offer.file {
            Ok(file) => file,
            Err(fields) => {
                for field in fields {
                    assert!(usable(settings, field).is_err(), "{} waits for {field:?}, which is usable", offer.name);
                }
                continue;
            }
        };
        checked += 1;
        match file.kind {
            Kind::PowerShell => {
                let source = String::from_utf8(file.bytes()[3..].to_vec()).unwrap();
                let tree = assert_parses(&file);
                let strings: Result<Vec<String>, String> =
                    verbatim_strings(&tree, &source).iter().map(|token| powershell_value(token)).collect();
                let strings = strings.unwrap();
                for values in typed_in_powershell(settings, &file) {
                    assert!(
                        strings.windows(values.len()).any(|window| window == values.as_slice()),
                        "{}: {values:?} in {strings:?}",
                        file.name
                    );
                }
                // The structure is the one the script has with plain values: no value
                // became code.
                let plain_file = offers(&plain(settings), Confirmed::ALL)
                    .into_iter()
                    .find_map(|offer| offer.file.ok().filter(|f| f.name == file.name))
                    .unwrap();
                let plain_source = String::from_utf8(plain_file.bytes()[3..].to_vec()).unwrap();
                assert_eq!(
                    tree.root_node().to_sexp(),
                    parse_powershell(&plain_source).root_node().to_sexp(),
                    "{}",
                    file.name
                );
            }
            Kind::Ldif => {
                let read = ldapmodify(&file);
                assert_eq!(read.entries.len(), 1, "{}", file.name);
                let rdns = rdn_values(&read.entries[0]);
                assert_eq!(rdns[0], typed(Field::ConnectorName), "{}", read.entries[0]);
                assert_eq!(rdns[2], typed(Field::RoutingGroup));
                assert_eq!(rdns[4], typed(Field::AdminGroup));
                assert_eq!(rdns[6], typed(Field::Organization));
                let hosts: Vec<String> =
                    typed(Field::SmartHosts).split([',', ';']).map(|h| h.trim().to_string()).collect();
                if file.name.starts_with("create") || file.name.starts_with("update") {
                    assert_eq!(read_value(&file, &read, "msExchSmtpSmartHost"), hosts.join(","), "{}", file.name);
                }
                let replaces_routing = file.name.starts_with("create")
                    || (file.name.starts_with("update") && settings.replace_address_space);
                if replaces_routing {
                    let scope = if settings.scope == Scope::Local { "Local:" } else { "" };
                    let routing =
                        format!("{scope}SMTP:{};{}", typed(Field::AddressSpace).trim(), typed(Field::Cost).trim());
                    assert_eq!(read_value(&file, &read, "routingList"), routing, "{}", file.name);
                } else {
                    assert!(!read.changes.iter().any(|(_, attribute)| attribute == "routingList"), "{}", file.name);
                }
                if file.name.starts_with("create") {
                    assert_eq!(read_value(&file, &read, "cn"), typed(Field::ConnectorName));
                    let bridgehead = rdn_values(&read_value(&file, &read, "msExchSourceBridgeheadServersDN"));
                    assert_eq!(bridgehead[3], typed(Field::Bridgehead).split('.').next().unwrap());
                    // The server's own administrative group; empty means the routing group's.
                    let server_group = match typed(Field::ServerAdminGroup) {
                        group if group.trim().is_empty() => typed(Field::AdminGroup),
                        group => group,
                    };
                    assert_eq!(bridgehead[5], server_group);
                    assert_eq!(bridgehead[7], typed(Field::Organization));
                }
                if file.name.starts_with("rollback-restore") {
                    let previous = typed(Field::PreviousSmartHosts);
                    if previous.is_empty() {
                        // No smart host before: the rollback removes it, back to DNS routing.
                        let delete = ("delete".to_string(), "msExchSmtpSmartHost".to_string());
                        assert_eq!(read.changes, [delete]);
                    } else {
                        assert_eq!(read_value(&file, &read, "msExchSmtpSmartHost"), previous);
                    }
                }
            }
            // No parser for cmd.exe exists that we did not write: the typed AD domain is read
            // back from ldifde's `-d` argument by batch.rs's own rules, undone.
            Kind::Batch => {
                if let Some(dn) = batch_argument(&file.text, "-d") {
                    let domain: Vec<String> = rdn_values(&dn).into_iter().skip(3).collect();
                    assert_eq!(domain.join("."), typed(Field::AdDomain).trim().trim_end_matches('.'), "{}", file.name);
                }
            }
            Kind::Text => unreachable!("the README comes only in the archive"),
        }
    }
    checked + check_readme(settings) + check_shell(settings)
}

/// The shell commands the page shows (review W11): each parses, and the connector's name
/// comes back out exactly. How many were checked.
fn check_shell(settings: &Settings) -> usize {
    let mut checked = 0;
    for which in [ShellCommand::Change, ShellCommand::DisableSendConnector] {
        let Some(Ok(command)) = shell(settings, which, Confirmed::ALL) else { continue };
        let tree = parse_powershell(&command);
        assert!(!tree.root_node().has_error(), "the shell command has ERROR or MISSING nodes:\n{command}");
        let strings: Vec<String> =
            verbatim_strings(&tree, &command).iter().map(|token| powershell_value(token).unwrap()).collect();
        assert!(strings.contains(&settings.get(Field::ConnectorName).to_string()), "{command}");
        checked += 1;
    }
    checked
}

/// The value of a batch file's `flag "value"` argument, unquoted as cmd.exe reads it.
fn batch_argument(text: &str, flag: &str) -> Option<String> {
    let start = text.find(&format!(" {flag} \""))? + flag.len() + 3;
    let end = start + text[start..].find('"')?;
    Some(text[start..end].replace("%%", "%"))
}

/// The archive's README holds each typed name exactly as typed, on its own line. 1 when it
/// was checked.
fn check_readme(settings: &Settings) -> usize {
    let Some(bytes) = sets::readme_of(settings) else { return 0 };
    let readme = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut names = vec![Field::ConnectorName];
    match settings.platform.family() {
        Family::Exchange2003 => names.extend([
            Field::Bridgehead,
            Field::AdDomain,
            Field::Organization,
            Field::AdminGroup,
            Field::RoutingGroup,
        ]),
        Family::SendConnector if !settings.get(Field::SourceServers).trim().is_empty() => {
            names.push(Field::SourceServers)
        }
        _ => {}
    }
    for field in names {
        // The bridgehead is named in the directory by its computer name, the first label.
        let value = match field {
            Field::Bridgehead => settings.get(field).split('.').next().unwrap(),
            _ => settings.get(field),
        };
        let line = format!("\r\n  {}: {value}\r\n", field.label());
        assert!(readme.contains(&line), "{field:?} {line:?} in\n{readme}");
    }
    1
}

#[test]
fn the_golden_settings_pass_both_parsers_on_every_platform() {
    for platform in Platform::ALL {
        for connector in [Connector::New, Connector::Existing] {
            for scope in [Scope::Organization, Scope::Local] {
                for release in [Release2007::Rtm, Release2007::ServicePack] {
                    let mut settings = base_settings(connector);
                    (settings.platform, settings.scope, settings.release_2007) = (platform, scope, release);
                    settings.replace_address_space = true;
                    if platform != Platform::Exchange2003 {
                        settings.set(Field::SmartHosts, "outbound.mailroute.net, 203.0.113.9");
                    }
                    assert!(check_files(&settings) > 1, "{settings:?}");
                    // Blank source servers: a new send connector's files and change wait for
                    // them (checked inside), and only its way back is made; every other case
                    // makes its files.
                    let waits = platform.family() == Family::SendConnector && connector == Connector::New;
                    let made = check_files(&settings.clone().with(Field::SourceServers, ""));
                    assert!(if waits { made == 1 } else { made > 1 }, "{made} checked for {settings:?}");
                }
            }
        }
    }
}

#[test]
fn awkward_but_valid_names_come_back_exactly() {
    let mut settings = base_settings(Connector::New)
        .with(Field::ConnectorName, "#1 über \"MailRoute\", a+b=c; <x> \\ ‘’‚‛“”„ `$(whoami)` | & ;")
        .with(Field::Organization, " leading space refused")
        .with(Field::AdminGroup, "Ä, Ö = Ü");
    assert!(check(Platform::Exchange2003, Field::Organization, settings.get(Field::Organization)).is_some());
    settings.set(Field::Organization, "Org #\\ trailing\\");
    assert!(check_files(&settings) > 1);
    settings.connector = Connector::Existing;
    settings.set(Field::PreviousSmartHosts, ": <starts with a colon, ends with a space ");
    assert!(check(Platform::Exchange2003, Field::PreviousSmartHosts, settings.get(Field::PreviousSmartHosts)).is_some());
    settings.set(Field::PreviousSmartHosts, ":<relay>, über; 'x'");
    assert!(check_files(&settings) > 1);
    for platform in [Platform::Exchange2010, Platform::ExchangeSe, Platform::ExchangeOnline] {
        settings.platform = platform;
        assert!(check_files(&settings.clone().with(Field::SourceServers, "EX-01, mail.example.com")) > 1);
    }
}

/// RFC 4514 §2.4: a leading space or `#`, a trailing space, and the eight specials are
/// escaped with a backslash, NUL as `\00`; a space or `#` inside the value is not. ldapmodify
/// does not read the DN's syntax, so the escaping is checked against the RFC here.
#[test]
fn names_in_a_dn_are_escaped_as_rfc_4514_says() {
    for (value, escaped) in [
        (" lead", "CN=\\ lead"),
        ("trail ", "CN=trail\\ "),
        (" ", "CN=\\ "),
        ("#1 hash", "CN=\\#1 hash"),
        ("in # side", "CN=in # side"),
        ("a\"b+c,d;e<f>g\\h=i", "CN=a\\\"b\\+c\\,d\\;e\\<f\\>g\\\\h\\=i"),
        ("nul\0", "CN=nul\\00"),
        ("über", "CN=über"),
    ] {
        assert_eq!(ldif::cn(value), escaped, "{value:?}");
        assert_eq!(rdn_values(&ldif::cn(value)), [value], "{value:?} reads back");
    }
}

/// The reviewed sets of the golden files, names that need DN escaping and base64 among them.
#[test]
fn the_reviewed_sets_pass_both_parsers() {
    for (set, settings) in sets::sets() {
        assert!(check_files(&settings) > 1, "{set}");
    }
}

/// Exchange 2003, an existing connector that had no smart host: the rollback deletes the
/// attribute, so the connector routes by DNS again, as it did before (review W2).
#[test]
fn the_2003_rollback_returns_a_connector_that_had_no_smart_host_to_dns() {
    let settings = base_settings(Connector::Existing).with(Field::PreviousSmartHosts, "");
    let file = offers(&settings, Confirmed::ALL)
        .into_iter()
        .find(|offer| offer.name == "rollback-restore-smart-host.ldf")
        .and_then(|offer| offer.file.ok())
        .unwrap();
    let read = ldapmodify(&file);
    assert_eq!(read.changes, [("delete".to_string(), "msExchSmtpSmartHost".to_string())]);
    assert!(read.values.is_empty(), "nothing is written back: {:?}", read.values);
    assert!(check_files(&settings) > 1);
}

/// The inputs that once broke a property here, kept as examples: the regressions file holds
/// seeds, which stop reproducing their case when a strategy changes.
#[test]
fn inputs_that_once_failed() {
    for value in ["", "\u{2018}"] {
        let source = format!("Write-Output {} -NoEnumerate\r\n", powershell::quote(value));
        let tree = parse_powershell(&source);
        assert_eq!(powershell_value(&verbatim_strings(&tree, &source)[0]), Ok(value.to_string()));
    }
    for (field, value) in [(Field::Organization, "é"), (Field::ConnectorName, ",")] {
        assert!(check_files(&base_settings(Connector::New).with(field, value)) > 1, "{field:?}");
    }
}

/// Characters that have broken quoting somewhere: every kind of quote, PowerShell's
/// backtick and subexpression, separators, line breaks, NUL, DN specials, non-ASCII.
/// The number of cases: `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(default)
}

fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "'",
        "\"",
        "‘",
        "’",
        "‚",
        "‛",
        "“",
        "”",
        "„",
        "`",
        "$(",
        ")",
        "${x}",
        ";",
        "|",
        "&",
        "\n",
        "\r",
        "\0",
        "\t",
        " ",
        ",",
        "+",
        "\\",
        "<",
        ">",
        "=",
        "#",
        ":",
        "%",
        "^",
        "!",
        "é",
        "中",
        "🙂",
        "a",
        "Z",
        "0",
        ".",
        "-",
        "[",
        "]",
        "outbound.mailroute.net",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|parts| parts.concat())
}

proptest! {
    // 96 cases by default; scripts/fuzz.sh sets PROPTEST_CASES for a full run.
    #![proptest_config(ProptestConfig { cases: cases(96), ..ProptestConfig::default() })]

    #[test]
    fn any_string_survives_powershell_quoting(value in any::<String>(), extra in hostile()) {
        // tree-sitter reads NUL as the end of input; no field admits control characters.
        for value in [value, extra].map(|value| value.replace('\0', "")) {
            let source = format!("Write-Output {} -NoEnumerate\r\n", powershell::quote(&value));
            let tree = parse_powershell(&source);
            prop_assert!(!tree.root_node().has_error(), "{source:?}");
            prop_assert_eq!(tree.root_node().to_sexp(), parse_powershell("Write-Output 'x' -NoEnumerate\r\n").root_node().to_sexp());
            let strings = verbatim_strings(&tree, &source);
            prop_assert_eq!(strings.len(), 1);
            prop_assert_eq!(powershell_value(&strings[0]), Ok(value));
        }
    }

    #[test]
    fn hostile_values_are_refused_or_come_back_exactly(
        value in hostile(),
        field in prop::sample::select(Field::ALL.to_vec()),
        platform in prop::sample::select(Platform::ALL.to_vec()),
        existing in any::<bool>(),
    ) {
        let mut settings = base_settings(if existing { Connector::Existing } else { Connector::New });
        settings.platform = platform;
        settings.set(field, value.clone());
        match check(platform, field, &value) {
            Some(problem) if problem.severity == Severity::Error => prop_assert!(!problem.message.is_empty()),
            _ => {
                check_files(&settings);
            }
        }
    }
}
