//! The files for Exchange Online: a script that connects, creates the outbound connector to
//! MailRoute and validates it, and one that removes it again.
//!
//! Facts: facts/exchange.md §4 (New-OutboundConnector's parameters, Validate-OutboundConnector,
//! the 64-character name) and MailRoute's Microsoft 365 article: TLS names `*.mailroute.net`,
//! and `test@mailroute.net` as the only validation address.

use crate::domain::files::powershell::quote;
use crate::domain::files::zip::Stamp;
use crate::domain::files::{archive_name, lines, zipped, File, Kind, Offer, Readme};
use crate::domain::platform::Platform;
use crate::domain::settings::{Field, Settings};
use crate::domain::valid::OutboundConnectorPlan;

pub const CREATE: &str = "create-mailroute-outbound-connector.ps1";
pub const ROLLBACK: &str = "rollback-remove-outbound-connector.ps1";

/// The certificate names MailRoute's servers present (MailRoute's Microsoft 365 article).
pub const TLS_DOMAIN: &str = "*.mailroute.net";
/// The one address MailRoute accepts for the connector's validation test.
pub const VALIDATION_RECIPIENT: &str = "test@mailroute.net";

pub fn offers(settings: &Settings) -> Vec<Offer> {
    let plan = OutboundConnectorPlan::new(settings);
    let run = |file: &str| Some(format!("pwsh -File .\\{file}"));
    vec![
        Offer::new(
            CREATE,
            "Create and validate the outbound connector (PowerShell)",
            "Connects to Exchange Online, creates the connector to MailRoute, validates it with MailRoute's test address and shows the result.",
            run(CREATE),
            plan.clone().map(|plan| create(&plan)),
        ),
        Offer::new(
            ROLLBACK,
            "Roll back (PowerShell)",
            "Removes the outbound connector, so that mail leaves Microsoft 365 directly again.",
            run(ROLLBACK),
            plan.map(|plan| rollback(&plan)),
        ),
    ]
}

pub fn archive_offer(settings: &Settings, stamp: Stamp) -> Result<(String, Vec<u8>), Vec<Field>> {
    let plan = OutboundConnectorPlan::new(settings)?;
    let offers = offers(settings);
    Ok((archive_name(Platform::ExchangeOnline), zipped(readme(&plan).file(&offers), offers, stamp)))
}

pub fn shell(settings: &Settings) -> Result<String, Vec<Field>> {
    OutboundConnectorPlan::new(settings).map(|plan| command(&plan))
}

/// A partner connector for the recipient domains, through the smart hosts with MX lookup off
/// (which needs the smart hosts on the same line), requiring a certificate for MailRoute's
/// names (facts/exchange.md §4).
fn command(plan: &OutboundConnectorPlan) -> String {
    let hosts: Vec<String> = plan.smart_hosts.entries().map(quote).collect();
    format!(
        "New-OutboundConnector -Name {} -ConnectorType Partner -RecipientDomains {} -SmartHosts {} -UseMXRecord $false -TlsSettings DomainValidation -TlsDomain {} -Enabled $true",
        quote(&plan.name),
        quote(&plan.recipient_domains),
        hosts.join(","),
        quote(TLS_DOMAIN),
    )
}

fn header(file: &str, plan: &OutboundConnectorPlan, what: &str) -> Vec<String> {
    let mut text = vec![format!("# {file}"), format!("# {what}")];
    text.extend(lines(&[
        "# Made by the MailRoute smarthost assistant for Exchange Online (Microsoft 365).",
        "#",
        "# PowerShell 7 or Windows PowerShell 5.1, with the ExchangeOnlineManagement module",
        "# (Install-Module ExchangeOnlineManagement). It signs you in to Exchange Online:",
    ]));
    text.push(format!("#   pwsh -File .\\{file}"));
    text.extend(lines(&["", "$ErrorActionPreference = 'Stop'"]));
    text.push(format!("$ConnectorName = {}", quote(&plan.name)));
    text.extend(lines(&[
        "",
        "if (-not (Get-Module -ListAvailable -Name ExchangeOnlineManagement)) {",
        "    Write-Host 'The ExchangeOnlineManagement module is missing: run Install-Module ExchangeOnlineManagement first.' -ForegroundColor Red",
        "    exit 1",
        "}",
        "",
        "try {",
        "    Connect-ExchangeOnline -ShowBanner:$false",
        "    $connector = Get-OutboundConnector | Where-Object { $_.Name -eq $ConnectorName }",
    ]));
    text
}

fn footer(text: &mut Vec<String>) {
    text.extend(lines(&[
        "} catch {",
        "    Write-Host \"Stopped: $($_.Exception.Message)\" -ForegroundColor Red",
        "    exit 1",
        "}",
    ]));
}

fn create(plan: &OutboundConnectorPlan) -> File {
    let mut text = header(CREATE, plan, "Creates an outbound connector that sends all mail through MailRoute.");
    text.extend(lines(&[
        "    if ($connector) {",
        "        Write-Host \"An outbound connector named $ConnectorName exists already. Nothing was changed.\" -ForegroundColor Red",
        "        exit 1",
        "    }",
    ]));
    text.push(format!("    {} | Out-Null", command(plan)));
    text.extend(lines(&[
        "    Write-Host \"Created the outbound connector $ConnectorName.\" -ForegroundColor Green",
        "    Get-OutboundConnector -Identity $ConnectorName | Format-List Name,Enabled,ConnectorType,RecipientDomains,SmartHosts,UseMXRecord,TlsSettings,TlsDomain | Out-Host",
        "",
        "    # MailRoute relays the validation message to this one address only.",
        "    Write-Host 'Validating: a test connection to each smart host and a message to MailRoute...'",
    ]));
    text.push(format!(
        "    Validate-OutboundConnector -Identity $ConnectorName -Recipients {} | Format-List | Out-Host",
        quote(VALIDATION_RECIPIENT)
    ));
    text.push("    Write-Host 'Check the validation above, then send a message to an outside address.'".to_string());
    footer(&mut text);
    File::from_lines(CREATE, Kind::PowerShell, &text)
}

fn rollback(plan: &OutboundConnectorPlan) -> File {
    let mut text = header(ROLLBACK, plan, "Removes the outbound connector to MailRoute.");
    text.extend(lines(&[
        "    if (-not $connector) {",
        "        Write-Host \"There is no outbound connector named $ConnectorName, so there is nothing to remove.\" -ForegroundColor Yellow",
        "        exit 0",
        "    }",
        "    Remove-OutboundConnector -Identity $ConnectorName -Confirm:$false",
        "    Write-Host \"Removed the outbound connector $ConnectorName.\" -ForegroundColor Green",
    ]));
    footer(&mut text);
    File::from_lines(ROLLBACK, Kind::PowerShell, &text)
}

fn readme(plan: &OutboundConnectorPlan) -> Readme<'static> {
    Readme {
        title: "Routing outgoing mail through MailRoute: Exchange Online (Microsoft 365)",
        values: vec![
            ("Connector name", plan.name.clone()),
            ("Smart hosts", plan.smart_hosts.entries().collect::<Vec<_>>().join(", ")),
            ("Recipient domains", plan.recipient_domains.clone()),
            ("TLS certificate names", TLS_DOMAIN.to_string()),
        ],
        before: &[
            "MailRoute recognises Microsoft 365 by itself: no outbound server to register.",
            "Before you start, add include:spf.mailroute.net to your domain's SPF record.",
        ],
        after: &["To undo the change, run the rollback script."],
    }
}
