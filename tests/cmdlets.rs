#![cfg(not(target_arch = "wasm32"))]
//! Every command the product gives an admin (the copyable commands in the steps and around
//! them, each step's shell command, the files' Run lines and the scripts themselves), on
//! every platform and for both connector answers, read by the tree-sitter-powershell
//! grammar: every cmdlet gets the parameters Microsoft's reference marks as required, and
//! every Exchange cmdlet stops on an error.

use smarthost_assistant::domain::checklist::guide::{before, finish, undo};
use smarthost_assistant::domain::checklist::{steps, Block, Inline};
use smarthost_assistant::domain::files::{offers, shell, Command, Kind};
use smarthost_assistant::domain::guard::Confirmed;
use smarthost_assistant::domain::platform::{Platform, Release2007};
use smarthost_assistant::domain::settings::{Connector, Field, Settings};

/// One cmdlet call as the grammar reads it.
#[derive(Debug)]
struct Call {
    name: String,
    /// Each `-Name` given, with its value's text where one follows it.
    parameters: Vec<(String, Option<String>)>,
    /// Arguments that follow no parameter name, in order.
    positional: usize,
    /// Whether an earlier command of the same pipeline feeds it.
    piped: bool,
    /// The command's text, for messages.
    text: String,
}

impl Call {
    fn value(&self, parameter: &str) -> Option<Option<&str>> {
        self.parameters.iter().find(|(name, _)| name.eq_ignore_ascii_case(parameter)).map(|(_, value)| value.as_deref())
    }
}

fn calls(source: &str) -> Vec<Call> {
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&tree_sitter_powershell::LANGUAGE.into()).unwrap();
    let tree = parser.parse(source, None).unwrap();
    assert!(!tree.root_node().has_error(), "does not parse:\n{source}");
    let mut found = Vec::new();
    let mut stack = vec![tree.root_node()];
    while let Some(node) = stack.pop() {
        if node.kind() == "command" {
            found.push(call(node, source));
        }
        let mut cursor = node.walk();
        stack.extend(node.children(&mut cursor));
    }
    found
}

/// The switch parameters the product's commands use, which take no value after them
/// (marked `[-Name]` with no type in the cmdlets' syntax).
const SWITCHES: &[&str] = &[
    "Parent",
    "Force",
    "AutoSize",
    "NoEnumerate",
    "Confirm",
    "WhatIf",
    "Internet",
    "Custom",
    "Partner",
    "Internal",
    "ShowBanner",
];

fn call(node: tree_sitter::Node, source: &str) -> Call {
    let text = |node: tree_sitter::Node| source[node.byte_range()].to_string();
    let name = node.child_by_field_name("command_name").map(text).unwrap_or_default();
    let piped = node.prev_named_sibling().is_some_and(|sibling| sibling.kind() == "command");
    let mut parameters: Vec<(String, Option<String>)> = Vec::new();
    let mut positional = 0;
    let mut expecting = false;
    if let Some(elements) = node.child_by_field_name("command_elements") {
        let mut cursor = elements.walk();
        for element in elements.named_children(&mut cursor) {
            match element.kind() {
                // The grammar reads `-Name:value` as the parameter, a `:` separator, the value.
                "command_argument_sep" => expecting |= text(element) == ":",
                "command_parameter" => {
                    let name = text(element);
                    // A switch takes no value unless one follows a colon.
                    expecting =
                        !SWITCHES.iter().any(|switch| name.trim_start_matches('-').eq_ignore_ascii_case(switch));
                    parameters.push((name.trim_start_matches('-').to_string(), None));
                }
                _ if expecting => {
                    parameters.last_mut().unwrap().1 = Some(text(element));
                    expecting = false;
                }
                _ => positional += 1,
            }
        }
    }
    Call { name, parameters, positional, piped, text: text(node) }
}

/// A cmdlet's required parameters as Microsoft's reference gives them: `sets` are the
/// parameter sets the product may use, any one of which must be complete; `positions` name
/// the parameters that unnamed arguments bind to, in order; `piped` those that pipeline
/// input binds to. `source` is the reference page and its syntax line, where a parameter
/// without brackets around it is required: Exchange's pages in MicrosoftDocs/
/// office-docs-powershell (exchange/exchange-ps/ExchangePowerShell/), Windows PowerShell's
/// in MicrosoftDocs/PowerShell-Docs (reference/5.1/).
struct Required {
    cmdlet: &'static str,
    sets: &'static [&'static [&'static str]],
    positions: &'static [&'static str],
    piped: &'static [&'static str],
    source: &'static str,
}

const fn none(cmdlet: &'static str, source: &'static str) -> Required {
    Required { cmdlet, sets: &[&[]], positions: &[], piped: &[], source }
}

const fn identity(cmdlet: &'static str, source: &'static str) -> Required {
    Required { cmdlet, sets: &[&["Identity"]], positions: &["Identity"], piped: &["Identity"], source }
}

const fn path(cmdlet: &'static str, source: &'static str) -> Required {
    Required { cmdlet, sets: &[&["Path"], &["LiteralPath"]], positions: &["Path"], piped: &["Path"], source }
}

/// Every cmdlet the product uses. A cmdlet not in this table fails the test, so that a new
/// one comes with its reference.
const REQUIRED: &[Required] = &[
    none("Connect-ExchangeOnline", "Connect-ExchangeOnline.md: every parameter in brackets"),
    none("Get-OutboundConnector", "Get-OutboundConnector.md: Get-OutboundConnector [[-Identity] <OutboundConnectorIdParameter>]"),
    none("Get-Queue", "Get-Queue.md: Get-Queue [[-Identity] <QueueIdentity>], Get-Queue [-Server <ServerIdParameter>]"),
    none("Get-SendConnector", "Get-SendConnector.md: Get-SendConnector [[-Identity] <SendConnectorIdParameter>]"),
    Required {
        cmdlet: "New-SendConnector",
        sets: &[&["Name", "AddressSpaces"]],
        positions: &["Name"],
        piped: &[],
        source: "New-SendConnector.md, set AddressSpaces: New-SendConnector -Name <String> -AddressSpaces <MultiValuedProperty>",
    },
    identity("Set-SendConnector", "Set-SendConnector.md: Set-SendConnector [-Identity] <SendConnectorIdParameter>"),
    identity("Remove-SendConnector", "Remove-SendConnector.md: Remove-SendConnector [-Identity] <SendConnectorIdParameter>"),
    Required {
        cmdlet: "New-OutboundConnector",
        sets: &[&["Name"]],
        positions: &["Name"],
        piped: &[],
        source: "New-OutboundConnector.md: New-OutboundConnector [-Name] <String>",
    },
    identity("Set-OutboundConnector", "Set-OutboundConnector.md: Set-OutboundConnector [-Identity] <OutboundConnectorIdParameter>"),
    identity("Remove-OutboundConnector", "Remove-OutboundConnector.md: Remove-OutboundConnector [-Identity] <OutboundConnectorIdParameter>"),
    Required {
        cmdlet: "Validate-OutboundConnector",
        sets: &[&["Identity", "Recipients"]],
        positions: &[],
        piped: &[],
        source: "Validate-OutboundConnector.md: Validate-OutboundConnector -Identity <OutboundConnectorIdParameter> -Recipients <MultiValuedProperty>",
    },
    Required {
        cmdlet: "Export-Clixml",
        sets: &[&["Path", "InputObject"], &["LiteralPath", "InputObject"]],
        positions: &["Path"],
        piped: &["InputObject"],
        source: "Microsoft.PowerShell.Utility/Export-Clixml.md: Export-Clixml [-Path] <String> -InputObject <PSObject>",
    },
    path("Import-Clixml", "Microsoft.PowerShell.Utility/Import-Clixml.md: Import-Clixml [-Path] <String[]>"),
    path("Split-Path", "Microsoft.PowerShell.Management/Split-Path.md: Split-Path [-Path] <String[]> [-Parent]"),
    path("Test-Path", "Microsoft.PowerShell.Management/Test-Path.md: Test-Path [-Path] <String[]>"),
    path("Unblock-File", "Microsoft.PowerShell.Utility/Unblock-File.md: Unblock-File [-Path] <String[]>"),
    Required {
        cmdlet: "ForEach-Object",
        sets: &[&["Process"], &["MemberName"]],
        positions: &["Process"],
        piped: &[],
        source: "Microsoft.PowerShell.Core/ForEach-Object.md: ForEach-Object [-Process] <ScriptBlock[]>",
    },
    Required {
        cmdlet: "Where-Object",
        sets: &[&["FilterScript"]],
        positions: &["FilterScript"],
        piped: &[],
        source: "Microsoft.PowerShell.Core/Where-Object.md: Where-Object [-FilterScript] <ScriptBlock>",
    },
    Required {
        cmdlet: "Join-Path",
        sets: &[&["Path", "ChildPath"]],
        positions: &["Path", "ChildPath"],
        piped: &["Path"],
        source: "Microsoft.PowerShell.Management/Join-Path.md: Join-Path [-Path] <String[]> [-ChildPath] <String>",
    },
    Required {
        cmdlet: "Set-ExecutionPolicy",
        sets: &[&["ExecutionPolicy"]],
        positions: &["ExecutionPolicy", "Scope"],
        piped: &["ExecutionPolicy"],
        source: "Microsoft.PowerShell.Security/Set-ExecutionPolicy.md: Set-ExecutionPolicy [-ExecutionPolicy] <ExecutionPolicy> [[-Scope] <ExecutionPolicyScope>]",
    },
    Required {
        cmdlet: "New-Object",
        sets: &[&["TypeName"], &["ComObject"]],
        positions: &["TypeName", "ArgumentList"],
        piped: &[],
        source: "Microsoft.PowerShell.Utility/New-Object.md: New-Object [-TypeName] <String> [[-ArgumentList] <Object[]>]",
    },
    Required {
        cmdlet: "Start-Service",
        sets: &[&["InputObject"], &["Name"], &["DisplayName"]],
        positions: &["Name"],
        piped: &["InputObject", "Name"],
        source: "Microsoft.PowerShell.Management/Start-Service.md: Start-Service [-InputObject] <ServiceController[]>; Start-Service [-Name] <String[]>",
    },
    Required {
        cmdlet: "Stop-Service",
        sets: &[&["InputObject"], &["Name"], &["DisplayName"]],
        positions: &["Name"],
        piped: &["InputObject", "Name"],
        source: "Microsoft.PowerShell.Management/Stop-Service.md: Stop-Service [-InputObject] <ServiceController[]>; Stop-Service [-Name] <String[]>",
    },
    none("Get-Command", "Microsoft.PowerShell.Core/Get-Command.md: every parameter in brackets"),
    none("Get-Date", "Microsoft.PowerShell.Utility/Get-Date.md: every parameter in brackets"),
    none("Get-Module", "Microsoft.PowerShell.Core/Get-Module.md: every parameter in brackets"),
    none("Get-Service", "Microsoft.PowerShell.Management/Get-Service.md: Get-Service [[-Name] <String[]>]"),
    none("Format-List", "Microsoft.PowerShell.Utility/Format-List.md: every parameter in brackets"),
    none("Format-Table", "Microsoft.PowerShell.Utility/Format-Table.md: every parameter in brackets"),
    none("Out-Host", "Microsoft.PowerShell.Core/Out-Host.md: every parameter in brackets"),
    none("Out-Null", "Microsoft.PowerShell.Core/Out-Null.md: every parameter in brackets"),
    none("Write-Host", "Microsoft.PowerShell.Utility/Write-Host.md: every parameter in brackets"),
];

/// The Exchange cmdlets: proxy functions from 2010 on and in Exchange Online, which do not
/// see a script's own error preference (review M1).
const EXCHANGE_CMDLETS: &[&str] = &[
    "Connect-ExchangeOnline",
    "Get-OutboundConnector",
    "Get-Queue",
    "Get-SendConnector",
    "New-OutboundConnector",
    "New-SendConnector",
    "Remove-OutboundConnector",
    "Remove-SendConnector",
    "Set-OutboundConnector",
    "Set-SendConnector",
    "Validate-OutboundConnector",
];

fn reference(name: &str) -> Option<&'static Required> {
    REQUIRED.iter().find(|entry| entry.cmdlet.eq_ignore_ascii_case(name))
}

/// The required parameters `call` leaves out, in the set it comes closest to; None when
/// some set is complete.
fn left_out(call: &Call, required: &Required) -> Option<Vec<&'static str>> {
    let given = |parameter: &str| {
        call.value(parameter).is_some()
            || required.positions.iter().position(|p| *p == parameter).is_some_and(|at| call.positional > at)
            || (call.piped && required.piped.contains(&parameter))
    };
    let missing: Vec<Vec<&'static str>> =
        required.sets.iter().map(|set| set.iter().copied().filter(|parameter| !given(parameter)).collect()).collect();
    if missing.iter().any(Vec::is_empty) {
        None
    } else {
        missing.into_iter().min_by_key(Vec::len)
    }
}

/// A cmdlet's name: Verb-Noun, where a program (ldifde, net, powershell.exe) is not one.
fn is_cmdlet(name: &str) -> bool {
    let Some((verb, noun)) = name.split_once('-') else { return false };
    !verb.is_empty()
        && !noun.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !name.contains('.')
}

/// Every command text the product shows or writes for these settings.
fn commands(settings: &Settings) -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut inline = |where_: &str, part: &Inline| match part {
        // A fixed value to copy is a command when it starts with a cmdlet's name.
        Inline::Literal(text) if text.split_whitespace().next().is_some_and(is_cmdlet) => {
            texts.push((where_.to_string(), text.to_string()))
        }
        _ => {}
    };
    let sections = [before(settings.platform), finish(settings.platform), undo(settings)];
    let blocks: Vec<(&str, Block)> = steps(settings)
        .into_iter()
        .flat_map(|step| step.body.iter().map(move |block| (step.id, *block)))
        .chain(sections.iter().flat_map(|section| section.body.iter().map(|block| (section.id, *block))))
        .collect();
    let mut made = Vec::new();
    for (where_, block) in blocks {
        match block {
            Block::Para(parts) | Block::Note(parts) | Block::NoteFor(_, parts) => {
                parts.iter().for_each(|part| inline(where_, part))
            }
            Block::Items(items) => items.iter().flat_map(|parts| parts.iter()).for_each(|part| inline(where_, part)),
            Block::Settings(rows) => rows.iter().for_each(|(_, part)| inline(where_, part)),
            // The commands made from the admin's values, as the page shows them.
            Block::Shell(command) => {
                if let Some(Ok(text)) = shell(settings, command, Confirmed::ALL) {
                    made.push((where_.to_string(), text));
                }
            }
            _ => {}
        }
    }
    texts.extend(made);
    for offer in offers(settings, Confirmed::ALL) {
        for run in &offer.run {
            texts.push((format!("{} (Run)", offer.name), run.clone()));
        }
        if let Some(file) = offer.file.ok().filter(|file| file.kind == Kind::PowerShell) {
            texts.push((offer.name.clone(), file.text));
        }
    }
    texts
}

fn every_settings() -> Vec<Settings> {
    let mut all = Vec::new();
    for platform in Platform::ALL {
        for connector in [Connector::New, Connector::Existing] {
            for release in [Release2007::Rtm, Release2007::ServicePack] {
                let mut settings = Settings::default()
                    .with(Field::Bridgehead, "EXCH01")
                    .with(Field::AdDomain, "corp.example.com")
                    .with(Field::Organization, "Contoso")
                    .with(Field::SourceServers, "EX01, EX02");
                (settings.platform, settings.connector, settings.release_2007) = (platform, connector, release);
                all.push(settings);
            }
        }
    }
    all
}

fn calls_in(text: &str) -> Vec<Call> {
    calls(text.trim_start_matches('\u{feff}')).into_iter().filter(|call| is_cmdlet(&call.name)).collect()
}

/// Review N5: the way back for a new send connector names its connector.
#[test]
fn the_way_back_for_a_new_send_connector_names_it() {
    for platform in [Platform::Exchange2007, Platform::Exchange2016, Platform::ExchangeSe] {
        let mut settings = Settings::default().with(Field::ConnectorName, "Mail via 'MailRoute'");
        (settings.platform, settings.connector) = (platform, Connector::New);
        assert!(undo(&settings).body.contains(&Block::Shell(Command::DisableSendConnector)));
        let texts = commands(&settings);
        let (_, disable) = texts.iter().find(|(where_, _)| where_ == "sha-undo").unwrap();
        assert_eq!(disable, "Set-SendConnector -Identity 'Mail via ''MailRoute''' -Enabled $false");
        let call = &calls_in(disable)[0];
        assert_eq!(call.value("Identity"), Some(Some("'Mail via ''MailRoute'''")));
        // Before "Is there a connector already?" is answered, the page reads as for a new
        // connector: its way back is offered, while the change waits for the answer.
        let mut unanswered = settings.clone();
        unanswered.connector = Connector::Unanswered;
        assert_eq!(shell(&unanswered, Command::DisableSendConnector, Confirmed::ALL).unwrap().as_ref(), Ok(disable));
        assert_eq!(shell(&unanswered, Command::Change, Confirmed::ALL), Some(Err(vec![])));
        // With no usable name there is no command, only the field it waits for.
        let unnamed = settings.with(Field::ConnectorName, "");
        assert_eq!(
            shell(&unnamed, Command::DisableSendConnector, Confirmed::ALL),
            Some(Err(vec![Field::ConnectorName]))
        );
    }
}

/// Every command the product shows or writes gives each cmdlet its required parameters.
#[test]
fn every_cmdlet_gets_its_required_parameters() {
    let mut checked = std::collections::BTreeMap::<String, usize>::new();
    for settings in every_settings() {
        for (where_, text) in commands(&settings) {
            for call in calls_in(&text) {
                let required = reference(&call.name)
                    .unwrap_or_else(|| panic!("{where_}: {} is not in the table of required parameters", call.name));
                if let Some(missing) = left_out(&call, required) {
                    panic!(
                        "{:?} {where_}: {} leaves out {missing:?} ({}): {}",
                        settings.platform, call.name, required.source, call.text
                    );
                }
                *checked.entry(format!("{:?}", settings.platform)).or_default() += 1;
            }
        }
    }
    for platform in Platform::ALL {
        assert!(checked.get(&format!("{platform:?}")).copied().unwrap_or(0) > 5, "{checked:?}");
    }
    println!("cmdlet calls checked, per platform: {checked:?}");
}

/// The check itself: a call without a required parameter is caught.
#[test]
fn a_call_without_a_required_parameter_is_caught() {
    for (text, caught) in [
        ("Set-SendConnector -Enabled $false", true),
        ("Set-SendConnector -Confirm:$false", true),
        ("Remove-SendConnector -Identity 'x' -Confirm:$false", false),
        ("Set-SendConnector 'x' -Enabled $false", false),
        ("Get-SendConnector 'x' | Set-SendConnector -Enabled $false", false),
        ("Validate-OutboundConnector -Identity 'x'", true),
        ("New-SendConnector -Name 'x'", true),
        ("Join-Path $here", true),
        ("Join-Path $here 'x.xml'", false),
    ] {
        let call = calls_in(text).pop().unwrap();
        assert_eq!(left_out(&call, reference(&call.name).unwrap()).is_some(), caught, "{text}");
    }
}

/// Review M1 and W9: in the scripts for 2010 to SE and Exchange Online, each call of an
/// Exchange cmdlet carries its own `-ErrorAction Stop`; the queue check alone goes on past
/// an error, on purpose, and keeps the error to report it.
#[test]
fn every_exchange_cmdlet_in_2010_to_se_and_exchange_online_stops_on_an_error() {
    let mut seen = 0;
    let later = |settings: &Settings| !matches!(settings.platform, Platform::Exchange2003 | Platform::Exchange2007);
    for settings in every_settings().into_iter().filter(later) {
        for offer in offers(&settings, Confirmed::ALL) {
            let file = offer.file.unwrap();
            if file.kind != Kind::PowerShell {
                continue;
            }
            for call in calls_in(&file.text).into_iter().filter(|call| EXCHANGE_CMDLETS.contains(&call.name.as_str())) {
                seen += 1;
                let action = call.value("ErrorAction").flatten();
                if call.name == "Get-Queue" {
                    assert_eq!(action, Some("SilentlyContinue"), "{}: {}", offer.name, call.text);
                    assert!(call.value("ErrorVariable").flatten().is_some(), "{}: {}", offer.name, call.text);
                } else {
                    assert_eq!(action, Some("Stop"), "{:?} {}: {}", settings.platform, offer.name, call.text);
                }
            }
        }
    }
    assert!(seen > 100, "{seen}");
}
