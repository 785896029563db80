//! The files for Exchange 2007 to Subscription Edition: one Exchange Management Shell script
//! that backs up the send connectors, makes the change and shows the result, and one that
//! rolls it back from that backup.
//!
//! Facts: docs/facts.md §3.1–§3.4 (cmdlets, parameters, version differences,
//! verification), §5 (MailRoute: smart host authentication None).
//!
//! Exchange 2007's shell runs on Windows PowerShell 1.0, so the scripts use no later syntax:
//! `trap` rather than try/catch, and no splatting.

use crate::domain::files::powershell::{array, list, missing_smart_hosts, quote};
use crate::domain::files::zip::Stamp;
use crate::domain::files::{archive_name, lines, zipped, File, Kind, Listing, Offer, Readme};
use crate::domain::platform::{Platform, Release2007};
use crate::domain::settings::{Connector, Field, Scope, Settings, MAILROUTE_PORT};
use crate::domain::valid::SendConnectorPlan;
use crate::domain::validate::usable;

pub const CONFIGURE: &str = "configure-mailroute-send-connector.ps1";
pub const ROLLBACK: &str = "rollback-mailroute-send-connector.ps1";
/// Written by the configure script beside itself, unless a backup is there already (the
/// backup step's command writes the same name); the rollback reads it.
pub const BACKUP: &str = "send-connectors-before-mailroute.xml";

const RESTORE_UNTESTED: &str = "Not confirmed by any public source: that Set-SendConnector takes the saved smart hosts, address spaces, source servers and TLS settings back in the text form Export-Clixml keeps them in, and that -SmartHosts $null clears them when the connector routed by DNS. The script shows the connector afterwards: compare it with the backup.";

const CLEAR_UNTESTED: &str = "Not confirmed by any public source: that Set-SendConnector clears a TLS setting given $null. The script reads each one back and stops if one is left.";

/// The TLS settings of an existing connector that the change clears, beside RequireTLS,
/// which every version has: TlsAuthLevel and TlsDomain came with Exchange 2010, and
/// TlsCertificateName with 2013 (docs/facts.md §3.2). A connector set up for another relay
/// can require TLS checked against that relay's name; cleared, it is as a new connector,
/// which still uses TLS whenever MailRoute offers it.
fn cleared_tls(platform: Platform) -> &'static [&'static str] {
    match platform {
        Platform::Exchange2007 => &[],
        Platform::Exchange2010 => &["TlsAuthLevel", "TlsDomain"],
        _ => &["TlsAuthLevel", "TlsDomain", "TlsCertificateName"],
    }
}

/// The port and TLS settings the change sets on an existing connector, by name.
fn port_and_tls(platform: Platform) -> Vec<&'static str> {
    let mut names = vec!["Port", "RequireTLS"];
    names.extend(cleared_tls(platform));
    names
}

/// How to run a script that arrived as a download in the Exchange Management Shell: its
/// default execution policy, RemoteSigned, refuses it until the file is unblocked
/// (Unblock-File's and about_Execution_Policies' documentation). Windows PowerShell 1.0
/// (Exchange 2007) has no Unblock-File and no -Scope; 2.0 (Exchange 2010) has -Scope
/// Process; 3.0 and later have Unblock-File.
fn run(platform: Platform, file: &str) -> String {
    match platform {
        Platform::Exchange2007 => {
            format!(
                ".\\{file}   # unblock it first: the file's Properties, Unblock (PowerShell 1.0 has no Unblock-File)"
            )
        }
        Platform::Exchange2010 => {
            format!("Set-ExecutionPolicy -Scope Process -ExecutionPolicy Bypass -Force; .\\{file}")
        }
        _ => format!("Unblock-File -Path .\\{file}; .\\{file}"),
    }
}

/// The two scripts: the change, and its rollback.
pub fn listing(settings: &Settings) -> [Listing; 2] {
    let new = settings.connector != Connector::Existing;
    [
        Listing {
            name: CONFIGURE,
            title: if new { "Create the send connector (PowerShell)" } else { "Point the send connector at MailRoute (PowerShell)" },
            purpose: "Saves the send connectors as they are, makes the change in the Exchange Management Shell, and shows the connector and the queues afterwards.",
            before_the_answer: false,
        },
        Listing {
            name: ROLLBACK,
            title: "Roll back (PowerShell)",
            purpose: if new {
                "Removes the send connector the first script created."
            } else {
                "Puts back the connector's smart hosts, routing and address spaces from the first script's backup."
            },
            before_the_answer: false,
        },
    ]
}

pub fn offers(settings: &Settings) -> Vec<Offer> {
    let plan = SendConnectorPlan::new(settings);
    let new = settings.connector != Connector::Existing;
    let run = |file: &str| vec![run(settings.platform, file)];
    let [configure_file, rollback_file] = listing(settings);
    vec![
        Offer::new(configure_file, run(CONFIGURE), plan.clone().map(|plan| configure(&plan)))
            .caution((!new && !cleared_tls(settings.platform).is_empty()).then_some(CLEAR_UNTESTED)),
        Offer::new(rollback_file, run(ROLLBACK), plan.map(|plan| rollback(&plan)))
            .caution((!new).then_some(RESTORE_UNTESTED)),
    ]
}

pub fn archive_offer(settings: &Settings, stamp: Stamp) -> Result<(String, Vec<u8>), Vec<Field>> {
    let plan = SendConnectorPlan::new(settings)?;
    let offers = offers(settings);
    Ok((archive_name(plan.platform), zipped(settings, readme(&plan).file(&offers), offers, stamp)))
}

/// The change as one command, for the admin who would rather type it.
pub fn shell(settings: &Settings) -> Result<String, Vec<Field>> {
    SendConnectorPlan::new(settings).map(|plan| command(&plan))
}

/// The way back for a new connector: turn it off by its name. Set-SendConnector requires
/// `-Identity` (Microsoft's cmdlet reference; tests/cmdlets.rs), so the command names the
/// connector, or waits until its name has no error.
pub fn disable(settings: &Settings) -> Result<String, Vec<Field>> {
    usable(settings, Field::ConnectorName)
        .map(|name| format!("Set-SendConnector -Identity {} -Enabled $false", quote(&name)))
        .map_err(|_| vec![Field::ConnectorName])
}

/// `-IsScopedConnector` came with Exchange 2007 Service Pack 1 (docs/facts.md §3.3).
fn has_scope_parameter(plan: &SendConnectorPlan) -> bool {
    !plan.scope_by_prefix()
}

/// New-SendConnector or Set-SendConnector with MailRoute's settings: smart hosts with DNS
/// routing off (they must be on the same command line), smart host authentication None,
/// and a custom usage (docs/facts.md §3.1, §3.2). An existing connector also gets port 25,
/// the only one MailRoute documents (§5), and the TLS settings of a new one.
fn command(plan: &SendConnectorPlan) -> String {
    let name = quote(&plan.name);
    let hosts = list(plan.smart_hosts.entries());
    let mut parts = match plan.connector {
        Connector::Existing => vec![format!("Set-SendConnector -Identity {name}")],
        Connector::New | Connector::Unanswered => vec![format!("New-SendConnector -Name {name} -Usage Custom")],
    };
    parts.push(format!("-DNSRoutingEnabled $false -SmartHosts {hosts} -SmartHostAuthMechanism None"));
    if plan.connector == Connector::Existing {
        parts.push(format!("-Port {MAILROUTE_PORT} -RequireTLS $false"));
        parts.extend(cleared_tls(plan.platform).iter().map(|setting| format!("-{setting} $null")));
    }
    if plan.connector != Connector::Existing || plan.replace_address_space {
        parts.push(format!("-AddressSpaces {}", quote(&plan.address_space_value())));
        if has_scope_parameter(plan) {
            parts.push(format!("-IsScopedConnector ${}", plan.scope == Scope::Local));
        }
    }
    if !plan.source_servers.is_empty() {
        parts.push(format!("-SourceTransportServers {}", list(plan.source_servers.iter().map(String::as_str))));
    }
    parts.push("-ErrorAction Stop".to_string());
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
    text.push(format!("#   {}", run(plan.platform, file)));
    // From 2010 on, the shell's cmdlets are proxy functions that do not see this script's
    // preference, so each Exchange cmdlet also carries -ErrorAction Stop (PowerShell-Docs
    // issue 1583); on 2007 the trap below catches it either way.
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
        "$connector = Get-SendConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }",
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
    let new = plan.connector != Connector::Existing;
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
        text.extend(rivals(plan));
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
        "    Get-SendConnector -ErrorAction Stop | Export-Clixml -Path $BackupFile",
        "    Write-Host \"Saved the send connectors as they are to $BackupFile\"",
        "}",
        "",
    ]));
    text.push(format!("{} | Out-Null", command(plan)));
    // What docs/facts.md §3.4 lists to check: the connector's routing, then the queues.
    // Success is what the directory now holds, read back.
    text.extend(lines(&[
        "",
        "$after = Get-SendConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }",
        "$after | Format-List Name,Enabled,AddressSpaces,SmartHosts,DNSRoutingEnabled,SmartHostAuthMechanism,SourceTransportServers,IsScopedConnector | Out-Host",
    ]));
    text.extend(missing_smart_hosts("", plan.smart_hosts.entries()));
    text.extend(lines(&[
        "if (-not $after -or $after.DNSRoutingEnabled -or $missing.Count -gt 0) {",
        "    Write-Host \"The send connector $ConnectorName does not route through the smart hosts it should: check it with Get-SendConnector.\" -ForegroundColor Red",
        "    exit 1",
        "}",
    ]));
    if !new {
        text.extend(port_and_tls_read_back(plan.platform));
    }
    text.push(format!(
        "Write-Host \"{} $ConnectorName: it routes through the smart hosts above.\" -ForegroundColor Green",
        if new { "Created the send connector" } else { "Changed the send connector" }
    ));
    // Get-Queue asks one server; without -Server it asks the one the shell is on, which
    // need not be a transport server. A failure here only warns: the change is made.
    text.push("Write-Host 'Queues with messages waiting (none is good news):'".to_string());
    text.push(format!("foreach ($server in @({})) {{", queue_servers(plan)));
    text.extend(lines(&[
        "    $queues = Get-Queue -Server $server -ErrorAction SilentlyContinue -ErrorVariable queueError | Where-Object { $_.MessageCount -gt 0 }",
        "    if ($queueError) {",
        "        Write-Host \"Could not read the queues on ${server}: $queueError\" -ForegroundColor Yellow",
        "    } else {",
        "        $queues | Format-Table Identity,Status,MessageCount,NextHopDomain -AutoSize | Out-Host",
        "    }",
        "}",
        "",
        "Write-Host 'Next: send a message to an outside address and check its Received headers for MailRoute.'",
    ]));
    text.push(format!("Write-Host '{}'", pickup(plan.platform)));
    File::from_lines(CONFIGURE, Kind::PowerShell, &text)
}

/// A new connector stops before any change while another enabled connector takes the same
/// address space at the same or a lower cost. Exchange takes the most specific address
/// space, then the lowest cost; at equal cost Exchange 2003 shares the mail between them and
/// later versions do not document which wins (docs/facts.md §2, §3.2). No cost is lower
/// than 1, so the script cannot always outbid the other: the admin decides.
fn rivals(plan: &SendConnectorPlan) -> Vec<String> {
    let mut text = lines(&[
        "# Another enabled connector for the same address space at the same or a lower cost",
        "# would keep taking some or all of the mail beside the new one.",
    ]);
    text.push(format!("$space = {}", quote(&plan.address_space)));
    text.push(format!("$cost = {}", plan.cost));
    text.extend(lines(&[
        "$rivals = @(Get-SendConnector -ErrorAction Stop | Where-Object { $_.Enabled -and ($_.AddressSpaces | Where-Object { \"$_\" -match '^(Local:)?SMTP:(.+);(\\d+)$' -and $Matches[2] -eq $space -and [int]$Matches[3] -le $cost }) })",
        "if ($rivals.Count -gt 0) {",
        "    Write-Host \"These send connectors take mail for $space at a cost of $cost or less, and would keep taking some or all of it beside the new one. Nothing was changed.\" -ForegroundColor Red",
        "    $rivals | Format-Table Name,AddressSpaces,Enabled -AutoSize | Out-Host",
        "    Write-Host \"Disable them, or raise their cost above $cost, or have the assistant change one of them instead of creating a connector; then run this again.\" -ForegroundColor Red",
        "    exit 1",
        "}",
    ]));
    text
}

/// An existing connector's port and TLS settings before and after the change, and a stop
/// when one is still the old relay's (review N2).
fn port_and_tls_read_back(platform: Platform) -> Vec<String> {
    let mut text = vec![
        "Write-Host 'Port and TLS settings, before and after:'".to_string(),
        format!("foreach ($setting in {}) {{", array(port_and_tls(platform))),
    ];
    text.extend(lines(&[
        "    Write-Host (\"  {0}: {1} -> {2}\" -f $setting, $connector.$setting, $after.$setting)",
        "}",
    ]));
    let left: String = cleared_tls(platform).iter().map(|setting| format!(" -or $after.{setting}")).collect();
    text.push(format!("if ($after.Port -ne {MAILROUTE_PORT} -or $after.RequireTLS{left}) {{"));
    text.extend(lines(&[
        "    Write-Host \"The send connector $ConnectorName keeps a port or TLS setting of its old relay: check it with Get-SendConnector.\" -ForegroundColor Red",
        "    exit 1",
        "}",
        "if ($connector.RequireTLS) {",
        "    Write-Host 'The connector required TLS before; it now uses TLS whenever MailRoute offers it. To require it for MailRoute, see the README.' -ForegroundColor Yellow",
        "}",
    ]));
    text
}

/// The rollback's lines that put back the port, the TLS settings and, where the change set
/// them, the source servers, from `$before`.
fn restore_port_and_tls(plan: &SendConnectorPlan) -> Vec<String> {
    let mut text = Vec::new();
    let mut command =
        "Set-SendConnector -Identity $connector.Identity -Port $before.Port -RequireTLS ([bool]$before.RequireTLS)"
            .to_string();
    for setting in cleared_tls(plan.platform) {
        text.push(format!("${setting} = $null"));
        text.push(format!("if ($before.{setting}) {{ ${setting} = \"$($before.{setting})\" }}"));
        command.push_str(&format!(" -{setting} ${setting}"));
    }
    if !plan.source_servers.is_empty() {
        text.push("$sourceServers = @($before.SourceTransportServers | ForEach-Object { \"$_\" })".to_string());
        command.push_str(" -SourceTransportServers $sourceServers");
    }
    command.push_str(" -ErrorAction Stop");
    text.push(command);
    text
}

fn rollback(plan: &SendConnectorPlan) -> File {
    let new = plan.connector != Connector::Existing;
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
            "Remove-SendConnector -Identity $connector.Identity -Confirm:$false -ErrorAction Stop",
            "if (Get-SendConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }) {",
            "    Write-Host \"The send connector $ConnectorName is still there: remove it with Remove-SendConnector.\" -ForegroundColor Red",
            "    exit 1",
            "}",
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
        "    Set-SendConnector -Identity $connector.Identity -DNSRoutingEnabled $true -SmartHosts $null -AddressSpaces $addressSpaces -ErrorAction Stop",
        "} else {",
        "    Set-SendConnector -Identity $connector.Identity -DNSRoutingEnabled $false -SmartHosts $smartHosts -SmartHostAuthMechanism $mechanism -AddressSpaces $addressSpaces -ErrorAction Stop",
        "}",
    ]));
    if has_scope_parameter(plan) {
        text.push(
            "Set-SendConnector -Identity $connector.Identity -IsScopedConnector $before.IsScopedConnector -ErrorAction Stop"
                .to_string(),
        );
    }
    text.extend(restore_port_and_tls(plan));
    text.extend(lines(&[
        "$after = Get-SendConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }",
        "$after | Format-List Name,AddressSpaces,SmartHosts,DNSRoutingEnabled,SmartHostAuthMechanism,SourceTransportServers,Port,RequireTLS | Out-Host",
        "if ([bool]$after.DNSRoutingEnabled -ne [bool]$before.DNSRoutingEnabled -or $after.Port -ne $before.Port -or [bool]$after.RequireTLS -ne [bool]$before.RequireTLS) {",
        "    Write-Host \"The send connector $ConnectorName does not route as the backup has it: compare it with $BackupFile.\" -ForegroundColor Red",
        "    exit 1",
        "}",
        "Write-Host \"Put back the send connector $ConnectorName as the backup has it.\" -ForegroundColor Green",
    ]));
    File::from_lines(ROLLBACK, Kind::PowerShell, &text)
}

/// The servers whose queues the configure script shows, as a PowerShell list: the source
/// servers, or the one the shell is on when an existing connector keeps its own.
fn queue_servers(plan: &SendConnectorPlan) -> String {
    if plan.source_servers.is_empty() {
        "$env:COMPUTERNAME".to_string()
    } else {
        list(plan.source_servers.iter().map(String::as_str))
    }
}

/// When Exchange uses the change. MailRoute says 2007 and 2010 need no restart; its 2016
/// article says a restart of the transport services may be needed (M4 of the review;
/// shared/reference/mailroute).
fn pickup(platform: Platform) -> &'static str {
    if platform.has_console() {
        "Exchange uses the changed connector without a restart."
    } else {
        "Exchange normally uses the change within a few minutes, once Active Directory has replicated it. If mail still leaves directly, restart the Microsoft Exchange Transport service on the source servers."
    }
}

/// The README lists what the script sets; for an existing connector, only what it changes.
fn readme(plan: &SendConnectorPlan) -> Readme<'static> {
    let mut values = vec![
        ("Connector name", plan.name.clone()),
        ("Smart hosts", plan.smart_hosts.entries().collect::<Vec<_>>().join(", ")),
    ];
    let replaces_address_space = plan.connector != Connector::Existing || plan.replace_address_space;
    if replaces_address_space {
        values.push(("Address space", plan.address_space_value()));
        values.push(("Scope", plan.scope.label(plan.platform).to_string()));
    } else {
        values.push(("Address spaces and scope", "unchanged".to_string()));
    }
    let servers = plan.source_servers.join(", ");
    values.push((
        "Source servers",
        if servers.is_empty() {
            "unchanged (the connector shown at the end of the script lists them)".to_string()
        } else {
            servers
        },
    ));
    if plan.connector == Connector::Existing {
        values.push(("Port", format!("{MAILROUTE_PORT} (the script shows the one before)")));
        values.push(("TLS", tls_change(plan.platform)));
    }
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
        after: if plan.connector == Connector::Existing { AFTER_EXISTING } else { AFTER_NEW },
    }
}

const AFTER_NEW: &[&str] = &[
    "Keep send-connectors-before-mailroute.xml, which the first script writes beside",
    "itself: the rollback reads it.",
];

/// MailRoute's Microsoft 365 article checks outbound.mailroute.net's certificate against
/// *.mailroute.net (docs/facts.md §4), which is how TLS can be required for MailRoute.
const AFTER_EXISTING: &[&str] = &[
    "Keep send-connectors-before-mailroute.xml, which the first script writes beside",
    "itself: the rollback reads it, and puts back the port and TLS settings too.",
    "",
    "If the connector required TLS before, it now uses TLS whenever MailRoute offers it.",
    "To require TLS for MailRoute's certificate names (Exchange 2010 and later):",
    "  Set-SendConnector -Identity <name> -RequireTLS $true -TlsAuthLevel DomainValidation -TlsDomain '*.mailroute.net'",
];

/// What the change does to an existing connector's TLS settings, for the README.
fn tls_change(platform: Platform) -> String {
    let cleared = cleared_tls(platform);
    let mut change = "RequireTLS False".to_string();
    if !cleared.is_empty() {
        change.push_str(&format!("; {} cleared", cleared.join(", ")));
    }
    change + ", as on a new connector (the script shows the settings before)"
}
