//! The files for Exchange 2007 to Subscription Edition: one Exchange Management Shell script
//! that backs up the send connectors, makes the change and shows the result, and one that
//! rolls it back from that backup.
//!
//! Facts: facts/exchange.md §3.1–§3.4 (cmdlets, parameters, version differences,
//! verification), §5 (MailRoute: smart host authentication None).
//!
//! Exchange 2007's shell runs on Windows PowerShell 1.0, so the scripts use no later syntax:
//! `trap` rather than try/catch, and no splatting.

use crate::domain::files::powershell::quote;
use crate::domain::files::zip::Stamp;
use crate::domain::files::{archive_name, lines, zipped, File, Kind, Offer, Readme};
use crate::domain::platform::{Platform, Release2007};
use crate::domain::settings::{Connector, Field, Scope, Settings};
use crate::domain::valid::SendConnectorPlan;

pub const CONFIGURE: &str = "configure-mailroute-send-connector.ps1";
pub const ROLLBACK: &str = "rollback-mailroute-send-connector.ps1";
/// Written by the configure script beside itself; the rollback reads it.
const BACKUP: &str = "send-connectors-before-mailroute.xml";

const RESTORE_UNTESTED: &str = "Not confirmed by any public source: that Set-SendConnector takes the saved smart hosts and address spaces back in the text form Export-Clixml keeps them in, and that -SmartHosts $null clears them when the connector routed by DNS. The script shows the connector afterwards: compare it with the backup.";

pub fn offers(settings: &Settings) -> Vec<Offer> {
    let plan = SendConnectorPlan::new(settings);
    let new = settings.connector == Connector::New;
    let run = |file: &str| Some(format!(".\\{file}"));
    vec![
        Offer::new(
            CONFIGURE,
            if new { "Create the send connector (PowerShell)" } else { "Point the send connector at MailRoute (PowerShell)" },
            "Saves the send connectors as they are, makes the change in the Exchange Management Shell, and shows the connector and the queues afterwards.",
            run(CONFIGURE),
            plan.clone().map(|plan| configure(&plan)),
        ),
        Offer::new(
            ROLLBACK,
            "Roll back (PowerShell)",
            if new {
                "Removes the send connector the first script created."
            } else {
                "Puts back the connector's smart hosts, routing and address spaces from the first script's backup."
            },
            run(ROLLBACK),
            plan.map(|plan| rollback(&plan)),
        )
        .caution((!new).then_some(RESTORE_UNTESTED)),
    ]
}

pub fn archive_offer(settings: &Settings, stamp: Stamp) -> Result<(String, Vec<u8>), Vec<Field>> {
    let plan = SendConnectorPlan::new(settings)?;
    let offers = offers(settings);
    Ok((archive_name(plan.platform), zipped(readme(&plan).file(&offers), offers, stamp)))
}

/// The change as one command, for the admin who would rather type it.
pub fn shell(settings: &Settings) -> Result<String, Vec<Field>> {
    SendConnectorPlan::new(settings).map(|plan| command(&plan))
}

fn array(values: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    values.into_iter().map(|value| quote(value.as_ref())).collect::<Vec<_>>().join(",")
}

/// `-IsScopedConnector` came with Exchange 2007 Service Pack 1 (facts/exchange.md §3.3).
fn has_scope_parameter(plan: &SendConnectorPlan) -> bool {
    !plan.scope_by_prefix()
}

/// New-SendConnector or Set-SendConnector with MailRoute's settings: smart hosts with DNS
/// routing off (they must be on the same command line), smart host authentication None,
/// and a custom usage (facts/exchange.md §3.1, §3.2).
fn command(plan: &SendConnectorPlan) -> String {
    let name = quote(&plan.name);
    let hosts = array(plan.smart_hosts.entries());
    let mut parts = match plan.connector {
        Connector::New => vec![format!("New-SendConnector -Name {name} -Usage Custom")],
        Connector::Existing => vec![format!("Set-SendConnector -Identity {name}")],
    };
    parts.push(format!("-DNSRoutingEnabled $false -SmartHosts {hosts} -SmartHostAuthMechanism None"));
    if plan.connector == Connector::New || plan.replace_address_space {
        parts.push(format!("-AddressSpaces {}", quote(&plan.address_space_value())));
        if has_scope_parameter(plan) {
            parts.push(format!("-IsScopedConnector ${}", plan.scope == Scope::Local));
        }
    }
    if !plan.source_servers.is_empty() {
        parts.push(format!("-SourceTransportServers {}", array(&plan.source_servers)));
    }
    parts.join(" ")
}

fn header(file: &str, plan: &SendConnectorPlan, what: &[&str]) -> Vec<String> {
    let mut text = vec![format!("# {file}")];
    text.extend(what.iter().map(|line| format!("# {line}")));
    text.push(format!("# Made by the MailRoute smarthost assistant for {}.", version(plan)));
    text.extend(lines(&[
        "#",
        "# Run it in the Exchange Management Shell, as an Exchange administrator, from the",
        "# folder that holds it:",
    ]));
    text.push(format!("#   .\\{file}"));
    text.extend(lines(&[
        "",
        "$ErrorActionPreference = 'Stop'",
        "trap {",
        "    Write-Host \"Stopped: $($_.Exception.Message)\" -ForegroundColor Red",
        "    exit 1",
        "}",
        "",
    ]));
    text.push(format!("$ConnectorName = {}", quote(&plan.name)));
    text.push(format!("$BackupFile = Join-Path (Split-Path -Parent $MyInvocation.MyCommand.Path) '{BACKUP}'"));
    text.extend(lines(&[
        "",
        "if (-not (Get-Command Get-SendConnector -ErrorAction SilentlyContinue)) {",
        "    Write-Host 'Get-SendConnector is missing: run this in the Exchange Management Shell.' -ForegroundColor Red",
        "    exit 1",
        "}",
        "$connector = Get-SendConnector | Where-Object { $_.Name -eq $ConnectorName }",
        "",
    ]));
    text
}

fn version(plan: &SendConnectorPlan) -> String {
    match (plan.platform, plan.release_2007) {
        (Platform::Exchange2007, Release2007::Rtm) => "Exchange Server 2007 (before Service Pack 1)".to_string(),
        (Platform::Exchange2007, Release2007::ServicePack) => {
            "Exchange Server 2007 (Service Pack 1 or later)".to_string()
        }
        (platform, _) => platform.label().to_string(),
    }
}

fn configure(plan: &SendConnectorPlan) -> File {
    let new = plan.connector == Connector::New;
    let what: &[&str] = if new {
        &["Creates a send connector that routes outgoing mail through MailRoute's smarthost."]
    } else {
        &["Points an existing send connector at MailRoute's smarthost."]
    };
    let mut text = header(CONFIGURE, plan, what);
    if new {
        text.extend(lines(&[
            "if ($connector) {",
            "    Write-Host \"A send connector named $ConnectorName exists already. Nothing was changed: choose another name, or have the assistant change that connector.\" -ForegroundColor Red",
            "    exit 1",
            "}",
        ]));
    } else {
        text.extend(lines(&[
            "if (-not $connector) {",
            "    Write-Host \"There is no send connector named $ConnectorName. Nothing was changed: check the name (Get-SendConnector lists them).\" -ForegroundColor Red",
            "    exit 1",
            "}",
        ]));
    }
    text.extend(lines(&[
        "",
        "# The backup is what the rollback puts back, so a second run keeps the first one's.",
        "if (Test-Path -LiteralPath $BackupFile) {",
        "    Write-Host \"Keeping the backup from an earlier run: $BackupFile\"",
        "} else {",
        "    Get-SendConnector | Export-Clixml -Path $BackupFile",
        "    Write-Host \"Saved the send connectors as they are to $BackupFile\"",
        "}",
        "",
    ]));
    text.push(format!("{} | Out-Null", command(plan)));
    text.push(format!(
        "Write-Host \"{} $ConnectorName.\" -ForegroundColor Green",
        if new { "Created the send connector" } else { "Changed the send connector" }
    ));
    // What facts/exchange.md §3.4 lists to check: the connector's routing, then the queues.
    text.extend(lines(&[
        "",
        "Get-SendConnector | Where-Object { $_.Name -eq $ConnectorName } | Format-List Name,Enabled,AddressSpaces,SmartHosts,DNSRoutingEnabled,SmartHostAuthMechanism,SourceTransportServers,IsScopedConnector | Out-Host",
        "Write-Host 'Queues with messages waiting (none is good news):'",
        "Get-Queue | Where-Object { $_.MessageCount -gt 0 } | Format-Table Identity,Status,MessageCount,NextHopDomain -AutoSize | Out-Host",
        "",
        "Write-Host 'Next: send a message to an outside address and check its Received headers for MailRoute.'",
        "Write-Host 'Exchange uses the connector at once; no service needs restarting.'",
    ]));
    File::from_lines(CONFIGURE, Kind::PowerShell, &text)
}

fn rollback(plan: &SendConnectorPlan) -> File {
    let new = plan.connector == Connector::New;
    let what: &[&str] = if new {
        &["Removes the send connector that configure-mailroute-send-connector.ps1 created."]
    } else {
        &["Puts the send connector back as configure-mailroute-send-connector.ps1 found it."]
    };
    let mut text = header(ROLLBACK, plan, what);
    text.extend(lines(&[
        "if (-not (Test-Path -LiteralPath $BackupFile)) {",
        "    Write-Host \"There is no backup at $BackupFile, so nothing was changed. Run this from the folder where the first script ran.\" -ForegroundColor Red",
        "    exit 1",
        "}",
        "$before = Import-Clixml -Path $BackupFile | Where-Object { $_.Name -eq $ConnectorName }",
        "if (-not $connector) {",
        "    Write-Host \"There is no send connector named $ConnectorName, so there is nothing to roll back.\" -ForegroundColor Yellow",
        "    exit 0",
        "}",
    ]));
    if new {
        text.extend(lines(&[
            "if ($before) {",
            "    Write-Host \"The connector $ConnectorName existed before the change, so it is not removed. Put back its settings from $BackupFile in the console instead.\" -ForegroundColor Red",
            "    exit 1",
            "}",
            "Remove-SendConnector -Identity $connector.Identity -Confirm:$false",
            "Write-Host \"Removed the send connector $ConnectorName. Mail leaves by the connectors there were before.\" -ForegroundColor Green",
        ]));
        return File::from_lines(ROLLBACK, Kind::PowerShell, &text);
    }
    text.extend(lines(&[
        "if (-not $before) {",
        "    Write-Host \"The backup holds no connector named $ConnectorName, so nothing was changed.\" -ForegroundColor Red",
        "    exit 1",
        "}",
        "# The backup holds the settings as text; the cmdlet takes them back in that form.",
        "# Not confirmed by any public source: compare the connector shown at the end with",
        "# the backup.",
        "$addressSpaces = @($before.AddressSpaces | ForEach-Object { $_.ToString() })",
        "$smartHosts = @($before.SmartHosts | ForEach-Object { $_.ToString() })",
        "$mechanism = [string]$before.SmartHostAuthMechanism",
        "if ($mechanism -like 'BasicAuth*') {",
        "    Write-Host 'The connector used basic authentication, whose password is not in the backup: it is set to None. Enter the credentials again in the console.' -ForegroundColor Yellow",
        "    $mechanism = 'None'",
        "}",
        "if ($before.DNSRoutingEnabled) {",
        "    Set-SendConnector -Identity $connector.Identity -DNSRoutingEnabled $true -SmartHosts $null -AddressSpaces $addressSpaces",
        "} else {",
        "    Set-SendConnector -Identity $connector.Identity -DNSRoutingEnabled $false -SmartHosts $smartHosts -SmartHostAuthMechanism $mechanism -AddressSpaces $addressSpaces",
        "}",
    ]));
    if has_scope_parameter(plan) {
        text.push(
            "Set-SendConnector -Identity $connector.Identity -IsScopedConnector $before.IsScopedConnector".to_string(),
        );
    }
    text.extend(lines(&[
        "Write-Host \"Put back the send connector $ConnectorName as the backup has it.\" -ForegroundColor Green",
        "Get-SendConnector | Where-Object { $_.Name -eq $ConnectorName } | Format-List Name,AddressSpaces,SmartHosts,DNSRoutingEnabled,SmartHostAuthMechanism | Out-Host",
    ]));
    File::from_lines(ROLLBACK, Kind::PowerShell, &text)
}

fn readme(plan: &SendConnectorPlan) -> Readme<'static> {
    let mut values = vec![
        ("Connector name", plan.name.clone()),
        ("Smart hosts", plan.smart_hosts.entries().collect::<Vec<_>>().join(", ")),
        ("Address space", plan.address_space_value()),
        ("Scope", plan.scope.label(plan.platform).to_string()),
    ];
    let servers = plan.source_servers.join(", ");
    values.push((
        "Source servers",
        if servers.is_empty() { "the server the script runs on".to_string() } else { servers },
    ));
    Readme {
        title: match plan.platform {
            Platform::Exchange2007 => "Routing outgoing mail through MailRoute: Exchange Server 2007",
            Platform::Exchange2010 => "Routing outgoing mail through MailRoute: Exchange Server 2010",
            Platform::Exchange2013 => "Routing outgoing mail through MailRoute: Exchange Server 2013",
            Platform::Exchange2016 => "Routing outgoing mail through MailRoute: Exchange Server 2016",
            Platform::Exchange2019 => "Routing outgoing mail through MailRoute: Exchange Server 2019",
            _ => "Routing outgoing mail through MailRoute: Exchange Server Subscription Edition",
        },
        values,
        before: &[
            "Before you start, register each sending server's public IP address in MailRoute's",
            "control panel under Delivery > Outbound Servers, and add include:spf.mailroute.net",
            "to your domain's SPF record.",
        ],
        after: &[
            "Keep send-connectors-before-mailroute.xml, which the first script writes beside",
            "itself: the rollback reads it.",
        ],
    }
}
