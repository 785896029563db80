//! The files for Exchange Online: a script that connects, creates the outbound connector to
//! MailRoute and validates it, and one that removes it again.
//!
//! Facts: docs/facts.md §4 (New-OutboundConnector's parameters, Validate-OutboundConnector,
//! the 64-character name) and MailRoute's Microsoft 365 article: TLS names `*.mailroute.net`,
//! and `test@mailroute.net` as the only validation address.

use crate::domain::files::powershell::{list, missing_smart_hosts, quote};
use crate::domain::files::zip::Stamp;
use crate::domain::files::{archive_name, lines, zipped, File, Kind, Listing, Offer, Readme};
use crate::domain::platform::Platform;
use crate::domain::settings::{Field, Settings};
use crate::domain::valid::OutboundConnectorPlan;

pub const CREATE: &str = "create-mailroute-outbound-connector.ps1";
pub const ROLLBACK: &str = "rollback-remove-outbound-connector.ps1";

/// The certificate names MailRoute's servers present (MailRoute's Microsoft 365 article).
pub const TLS_DOMAIN: &str = "*.mailroute.net";
/// The one address MailRoute accepts for the connector's validation test.
pub const VALIDATION_RECIPIENT: &str = "test@mailroute.net";

/// What the script and the README say about reading the validation's result.
const VALIDATION_UNCONFIRMED: &str = "Microsoft does not document what Validate-OutboundConnector returns; public scripts read one result for each test, with IsTaskSuccessful True or False. The connector is turned on only if there is a result and every one has IsTaskSuccessful True and no value that reads as a failure. Anything else leaves it off: read the result the script shows, and if every test succeeded, turn the connector on in the Exchange admin center.";

/// Ways past the execution policy for a script that arrived as a download: a one-off
/// `-ExecutionPolicy Bypass`, for PowerShell 7 and for Windows PowerShell 5.1, whose
/// default on a Windows client is Restricted (about_Execution_Policies).
fn run(file: &str) -> Vec<String> {
    vec![
        format!("pwsh -ExecutionPolicy Bypass -File .\\{file}"),
        format!("powershell.exe -ExecutionPolicy Bypass -File .\\{file}"),
    ]
}

/// The two scripts: the connector, and its removal.
pub fn listing() -> [Listing; 2] {
    [
        Listing {
            name: CREATE,
            title: "Create, validate and turn on the outbound connector (PowerShell)",
            purpose: "Connects to Exchange Online, creates the connector to MailRoute turned off, validates it with MailRoute's test address, and turns it on only when the validation succeeds.",
            before_the_answer: false,
        },
        Listing {
            name: ROLLBACK,
            title: "Roll back (PowerShell)",
            purpose: "Removes the outbound connector, so that mail leaves Microsoft 365 directly again.",
            before_the_answer: false,
        },
    ]
}

pub fn offers(settings: &Settings) -> Vec<Offer> {
    let plan = OutboundConnectorPlan::new(settings);
    let [create_file, rollback_file] = listing();
    vec![
        Offer::new(create_file, run(CREATE), plan.clone().map(|plan| create(&plan)))
            .caution(Some(VALIDATION_UNCONFIRMED)),
        Offer::new(rollback_file, run(ROLLBACK), plan.map(|plan| rollback(&plan))),
    ]
}

pub fn archive_offer(settings: &Settings, stamp: Stamp) -> Result<(String, Vec<u8>), Vec<Field>> {
    let plan = OutboundConnectorPlan::new(settings)?;
    let offers = offers(settings);
    Ok((archive_name(Platform::ExchangeOnline), zipped(settings, readme(&plan).file(&offers), offers, stamp)))
}

/// The change as commands to paste into a session connected to Exchange Online, in the
/// script's order: create turned off, validate, and turn on only if the validation passed.
pub fn shell(settings: &Settings) -> Result<String, Vec<Field>> {
    OutboundConnectorPlan::new(settings).map(|plan| {
        let name = quote(&plan.name);
        [
            create_command(&plan, &name),
            format!("$validation = @({})", validate_command(&name)),
            "$validation | Format-List".to_string(),
            format!(
                "if ({}) {{ 'Validation failed: the connector stays turned off.' }} else {{ {} }}",
                VALIDATION_FAILED,
                enable_command(&name)
            ),
        ]
        .join("\n")
    })
}

/// A partner connector for the recipient domains, through the smart hosts with MX lookup off
/// (which needs the smart hosts on the same line), requiring a certificate for MailRoute's
/// names (docs/facts.md §4). Turned off until validated: Microsoft asks for connectors
/// to be validated before they are turned on ("Validate connectors").
/// `name` is the name as the command gives it: quoted, or the script's variable.
fn create_command(plan: &OutboundConnectorPlan, name: &str) -> String {
    format!(
        "New-OutboundConnector -Name {name} -ConnectorType Partner -RecipientDomains {} -SmartHosts {} -UseMXRecord $false -TlsSettings DomainValidation -TlsDomain {} -Enabled $false -ErrorAction Stop",
        quote(&plan.recipient_domains),
        list(plan.smart_hosts.entries()),
        quote(TLS_DOMAIN),
    )
}

/// MailRoute relays the validation message to this one address only.
fn validate_command(name: &str) -> String {
    format!("Validate-OutboundConnector -Identity {name} -Recipients {} -ErrorAction Stop", quote(VALIDATION_RECIPIENT))
}

/// Validate-OutboundConnector does not record the validation on the connector; this does,
/// and turns it on (Validate-OutboundConnector's own documentation).
fn enable_command(name: &str) -> String {
    format!(
        "Set-OutboundConnector -Identity {name} -Enabled $true -IsValidated $true -LastValidationTimestamp (Get-Date).ToUniversalTime() -ValidationRecipients {} -ErrorAction Stop",
        quote(VALIDATION_RECIPIENT)
    )
}

/// True unless `$validation` holds at least one result and each has `IsTaskSuccessful`, a
/// boolean, true: a missing property, a string or any other value fails, as does any value
/// that reads as a failure (review N1; the shape is not documented: docs/facts.md §4).
const VALIDATION_FAILED: &str = "$validation.Count -eq 0 -or @($validation | Where-Object { $_.IsTaskSuccessful -isnot [bool] -or -not $_.IsTaskSuccessful }).Count -gt 0 -or @($validation | ForEach-Object { $_.PSObject.Properties } | Where-Object { \"$($_.Value)\" -match 'fail' }).Count -gt 0";

fn header(file: &str, plan: &OutboundConnectorPlan, what: &str) -> Vec<String> {
    let mut text = vec![format!("# {file}"), format!("# {what}")];
    text.extend(lines(&[
        "# Made by the MailRoute smarthost assistant for Exchange Online (Microsoft 365).",
        "#",
        "# PowerShell 7 or Windows PowerShell 5.1, with the ExchangeOnlineManagement module",
        "# (Install-Module ExchangeOnlineManagement). It signs you in to Exchange Online.",
        "# A downloaded script is refused by the default execution policy, so run it with:",
    ]));
    text.extend(run(file).iter().map(|run| format!("#   {run}")));
    // The module's cmdlets are proxy functions that do not see this script's preference, so
    // each Exchange cmdlet also carries -ErrorAction Stop (PowerShell-Docs issue 1583).
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
        "    Connect-ExchangeOnline -ShowBanner:$false -ErrorAction Stop",
        "    $connector = Get-OutboundConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }",
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
    let name = "$ConnectorName";
    let mut text = header(
        CREATE,
        plan,
        "Creates an outbound connector that sends all mail through MailRoute, turned on once validated.",
    );
    text.extend(lines(&[
        "    if ($connector) {",
        "        Write-Host \"An outbound connector named $ConnectorName exists already. Nothing was changed.\" -ForegroundColor Red",
        "        exit 1",
        "    }",
        // Microsoft does not document which of two connectors for the same domains wins
        // (docs/facts.md §4), so the script does not compete with another one.
        "    $others = @(Get-OutboundConnector -ErrorAction Stop | Where-Object { $_.Enabled -and $_.RecipientDomains -contains '*' })",
        "    if ($others.Count -gt 0) {",
        "        Write-Host 'These outbound connectors take mail for all domains (*) already, and which of two such connectors takes a message is not documented. Nothing was changed: turn them off, or limit their recipient domains, and run this again.' -ForegroundColor Red",
        "        $others | Format-Table Name,RecipientDomains,SmartHosts,Enabled -AutoSize | Out-Host",
        "        exit 1",
        "    }",
    ]));
    text.push(format!("    {} | Out-Null", create_command(plan, name)));
    text.extend(lines(&[
        "    Write-Host \"Created the outbound connector $ConnectorName, turned off until it is validated.\"",
        "",
        "    Write-Host 'Validating: a test connection to each smart host and a message to MailRoute...'",
    ]));
    text.push(format!("    $validation = @({})", validate_command(name)));
    text.push("    $validation | Format-List | Out-Host".to_string());
    text.extend(lines(&[
        "    # What Validate-OutboundConnector returns is not documented. The connector is turned",
        "    # on only if every result reports IsTaskSuccessful as the boolean True.",
    ]));
    text.push(format!("    if ({VALIDATION_FAILED}) {{"));
    text.extend(lines(&[
        "        Write-Host \"The validation did not succeed, so $ConnectorName stays turned off and mail leaves Microsoft 365 as before.\" -ForegroundColor Red",
        "        Write-Host 'Check that your domain is set up in MailRoute (its inbound server, with server type Office 365), that its MX points to MailRoute, and the result above.' -ForegroundColor Red",
        "        Write-Host 'If the result shows that every test succeeded, turn the connector on in the Exchange admin center.' -ForegroundColor Red",
        "        exit 1",
        "    }",
    ]));
    text.push(format!("    {}", enable_command(name)));
    text.extend(lines(&[
        "",
        "    # Read the connector back: success is what Exchange Online now holds.",
        "    $after = Get-OutboundConnector -Identity $ConnectorName -ErrorAction Stop",
        "    $after | Format-List Name,Enabled,IsValidated,ConnectorType,RecipientDomains,SmartHosts,UseMXRecord,TlsSettings,TlsDomain | Out-Host",
    ]));
    text.extend(missing_smart_hosts("    ", plan.smart_hosts.entries()));
    text.extend(lines(&[
        "    if (-not $after.Enabled -or $missing.Count -gt 0) {",
        "        Write-Host \"The connector $ConnectorName is not turned on with the smart hosts it should have: check it in the Exchange admin center.\" -ForegroundColor Red",
        "        exit 1",
        "    }",
        "    Write-Host \"Validated and turned on the outbound connector $ConnectorName.\" -ForegroundColor Green",
        "    Write-Host 'Next: send a message to an outside address and check its Received headers for MailRoute.'",
    ]));
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
        "    Remove-OutboundConnector -Identity $ConnectorName -Confirm:$false -ErrorAction Stop",
        "    if (Get-OutboundConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }) {",
        "        Write-Host \"The outbound connector $ConnectorName is still there: remove it in the Exchange admin center.\" -ForegroundColor Red",
        "        exit 1",
        "    }",
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
            "Before you start: your domain must be set up in MailRoute's control panel with its",
            "inbound server (your *.mail.protection.outlook.com host) and server type Office 365,",
            "and its MX record must point to mail.mailroute.net: MailRoute relays outbound mail",
            "only for domains whose inbound mail it filters. MailRoute then recognises mail from",
            "Microsoft 365 without an outbound server to register. Add include:spf.mailroute.net",
            "to the domain's SPF record, and MailRoute's DKIM records.",
        ],
        after: &["To undo the change, run the rollback script."],
    }
}
