//! The files for Exchange 2003: a backup, the LDIF change, service restart and test
//! scripts, the rollback, and an archive of them all with a README.
//!
//! Facts: docs/facts.md §1 (the connector in Active Directory, ldifde), §2 (services),
//! §5 (MailRoute). What the facts file marks not confirmed is said in each file and next to it.

use crate::domain::files::ldif::{cn, dn, Ldif};
use crate::domain::files::zip::Stamp;
use crate::domain::files::{archive_name, batch, lines, powershell, zipped, File, Kind, Listing, Offer, Readme};
use crate::domain::platform::Platform;
use crate::domain::settings::{Connector, Field, Scope, Settings};
use crate::domain::valid::{AdDomain, ConnectorPlan, Directory, SmartHosts, Valid};

pub const BACKUP: &str = "backup-smtp-connectors.cmd";
pub const CREATE: &str = "create-mailroute-connector.ldf";
pub const UPDATE: &str = "update-connector-smart-host.ldf";
pub const RESTART_PS1: &str = "restart-services-and-test.ps1";
pub const RESTART_CMD: &str = "restart-services.cmd";
pub const ROLLBACK_DELETE: &str = "rollback-delete-connector.ldf";
pub const ROLLBACK_RESTORE: &str = "rollback-restore-smart-host.ldf";

const DELETE_FIRST: &str = "Not confirmed by any public source: whether removing the object from the directory is all that Exchange System Manager does when it deletes a connector. Deleting it there (right-click, Delete) is the supported way.";
const DNS_WHEN_EMPTY: &str = "Not confirmed by any public source for Exchange 2003: that a connector without a smart host value routes by DNS, which this file relies on (it is so in Exchange 2007's object model). Try it in a lab first; the console steps are the supported way.";
const LAB_FIRST: &str = "Not confirmed by any public source: the full set of attributes Exchange System Manager writes, and how it stores the relay option. Try this file in a lab first; the console steps are the supported way.";

/// Every file, in the order an admin uses them: the backup, the change, one of the two
/// restarts, the rollback.
pub fn listing(settings: &Settings) -> [Listing; 5] {
    let new = settings.connector != Connector::Existing;
    [
        Listing {
            name: BACKUP,
            title: "Back up the SMTP connectors",
            purpose: "Exports every SMTP connector to a dated LDIF file before anything changes.",
            // It exports every connector, whichever the answer; its step comes first.
            before_the_answer: true,
        },
        if new {
            Listing {
                name: CREATE,
                title: "Create the connector (LDIF)",
                purpose: "Adds the SMTP connector to Active Directory: an approximation of what the console steps write.",
                before_the_answer: false,
            }
        } else {
            Listing {
                name: UPDATE,
                title: "Point the connector at MailRoute (LDIF)",
                purpose: "Replaces the existing connector's smart host in Active Directory.",
                before_the_answer: false,
            }
        },
        Listing {
            name: RESTART_PS1,
            title: "Restart the services and test MailRoute (PowerShell)",
            purpose: "Either this or the next file, not both: restarts the routing and SMTP services, checks that both run again, and opens a connection to each smart host on port 25.",
            before_the_answer: false,
        },
        Listing {
            name: RESTART_CMD,
            title: "Restart the services (command prompt)",
            purpose: "Either this or the file before, not both: the same restart with net stop and net start, for servers without PowerShell.",
            before_the_answer: false,
        },
        Listing {
            name: if new { ROLLBACK_DELETE } else { ROLLBACK_RESTORE },
            title: "Roll back",
            purpose: match (new, settings.replace_address_space) {
                (true, _) => "Deletes the connector this assistant created, if mail must go back the way it went before.",
                (false, false) => "Puts back the smart host the connector had before the change.",
                (false, true) => "Puts back the smart host the connector had before the change; not the address spaces it replaced, which come back from the backup by hand.",
            },
            before_the_answer: false,
        },
    ]
}

/// Every file the page offers, made from the admin's values, or why it must wait.
pub fn offers(settings: &Settings) -> Vec<Offer> {
    let valid = Valid::new(settings);
    let new = settings.connector != Connector::Existing;
    let [backup_file, change, restart_ps1_file, restart_cmd_file, rollback] = listing(settings);
    vec![
        Offer::new(
            backup_file,
            vec![BACKUP.to_string()],
            AdDomain::new(settings).and_then(|domain| backup(&domain).ok_or(vec![Field::AdDomain])),
        ),
        Offer::new(change, vec![import_command(change.name)], valid.clone().map(|valid| change_ldif(&valid)))
            .caution(Some(if new { LAB_FIRST } else { DNS_WHEN_EMPTY })),
        Offer::new(
            restart_ps1_file,
            vec![format!("powershell.exe -ExecutionPolicy Bypass -File .\\{RESTART_PS1}")],
            SmartHosts::new(settings).map(|hosts| restart_ps1(&hosts)),
        ),
        Offer::new(restart_cmd_file, vec![RESTART_CMD.to_string()], Ok(restart_cmd())),
        Offer::new(rollback, vec![import_command(rollback.name)], valid.map(|valid| rollback_ldif(&valid)))
            .caution(Some(if new { DELETE_FIRST } else { DNS_WHEN_EMPTY })),
    ]
}

/// Every file and a README in one archive, once all of them can be made.
pub fn archive_offer(settings: &Settings, stamp: Stamp) -> Result<(String, Vec<u8>), Vec<Field>> {
    // Every file needs a subset of what `Valid` checks, so once it passes all of them are made.
    let valid = Valid::new(settings)?;
    let offers = offers(settings);
    let readme = readme(&valid).file(&offers);
    Ok((archive_name(Platform::Exchange2003), zipped(settings, readme, offers, stamp)))
}

/// ldifde's import switches: -i import, -f file (docs/facts.md §1.5). Without -s it
/// writes to a domain controller of its own choosing; Exchange reads its configuration from
/// its own, so the README says to name that one or wait for replication (review m4).
fn import_command(file: &str) -> String {
    format!("ldifde -i -f {file}")
}

/// Where Exchange keeps its configuration (docs/facts.md §1.1).
fn exchange_dn(domain: &AdDomain) -> String {
    format!("CN=Microsoft Exchange,CN=Services,CN=Configuration,{}", domain.dn())
}

fn admin_group_dn(directory: &Directory, group: &str) -> String {
    dn([cn(group), "CN=Administrative Groups".to_string(), cn(&directory.organization), exchange_dn(&directory.domain)])
}

/// The connector's DN: under the routing group's Connections container (docs/facts.md §1.1).
fn connector_dn(directory: &Directory, plan: &ConnectorPlan) -> String {
    dn([
        cn(&plan.name),
        "CN=Connections".to_string(),
        cn(&directory.routing_group),
        "CN=Routing Groups".to_string(),
        admin_group_dn(directory, &directory.admin_group),
    ])
}

/// The bridgehead's SMTP virtual server, whose CN is its instance number (docs/facts.md §1.1).
fn virtual_server_dn(directory: &Directory) -> String {
    dn([
        cn(&directory.virtual_server.to_string()),
        "CN=SMTP,CN=Protocols".to_string(),
        cn(&directory.server),
        "CN=Servers".to_string(),
        admin_group_dn(directory, &directory.server_admin_group),
    ])
}

/// `TYPE:space;cost`, with a `Local:` prefix for a routing-group scope (docs/facts.md §1.2).
fn routing_list(plan: &ConnectorPlan) -> String {
    let scope = match plan.scope {
        Scope::Organization => "",
        Scope::Local => "Local:",
    };
    format!("{scope}SMTP:{};{}", plan.address_space, plan.cost)
}

/// None only for a directory path a batch argument cannot hold, which the domain's
/// validation already rules out.
fn backup(domain: &AdDomain) -> Option<File> {
    let base = batch::quote(&exchange_dn(domain))?;
    // The filter and subtree scope follow docs/facts.md §1.1 and §1.5.
    let command =
        format!("ldifde -f \"%BACKUP%\" -d {base} -r \"(objectClass=msExchRoutingSMTPConnector)\" -p subtree");
    let mut text = lines(&[
        "@echo off",
        "rem Exports every Exchange 2003 SMTP connector to a dated LDIF file, before any",
        "rem change. Run it on the Exchange server or a domain controller, as an Exchange",
        "rem administrator. Keep the file: the rollback uses the values in it.",
        "setlocal DisableDelayedExpansion",
        "rem wmic gives the date in one format whatever the regional settings.",
        "for /f \"tokens=2 delims==\" %%I in ('wmic os get localdatetime /value ^| find \"=\"') do set STAMP=%%I",
        "set BACKUP=smtp-connectors-backup-%STAMP:~0,8%-%STAMP:~8,6%.ldf",
    ]);
    text.push(command);
    text.extend(lines(&[
        "if errorlevel 1 goto failed",
        "echo The SMTP connectors are saved in %BACKUP%",
        "exit /b 0",
        ":failed",
        "echo ldifde could not export the connectors. Nothing was changed.",
        "exit /b 1",
    ]));
    Some(File::from_lines(BACKUP, Kind::Batch, &text))
}

/// Whether a file makes the change or undoes it: a change wants a backup first.
#[derive(Clone, Copy, PartialEq)]
enum Purpose {
    Change,
    Rollback,
}

fn ldif_header(ldif: &mut Ldif, file: &str, what: &[&str], purpose: Purpose, lab_first: bool) {
    ldif.comment(file);
    for line in what {
        ldif.comment(line);
    }
    ldif.comment("Made by the MailRoute smarthost assistant.");
    ldif.comment("");
    if purpose == Purpose::Change {
        ldif.comment("Take the backup first (backup-smtp-connectors.cmd).");
    }
    ldif.comment("Import it on the Exchange server or a domain controller, as an Exchange");
    ldif.comment("administrator:");
    ldif.comment(&format!("  {}", import_command(file)));
    ldif.comment("then restart the services (restart-services-and-test.ps1).");
    if lab_first {
        ldif.comment("");
        ldif.comment("TRY THIS IN A LAB FIRST. No public source lists every attribute that");
        ldif.comment("Exchange System Manager writes on a new connector, so these are the");
        ldif.comment("known ones only; not confirmed: the objectClass chain, deliveryMechanism");
        ldif.comment("2, and how ESM stores 'Allow messages to be relayed to these domains'");
        ldif.comment("(left unset here, which should mean not selected). The console steps");
        ldif.comment("are the supported way.");
    }
    ldif.blank();
}

fn change_ldif(valid: &Valid) -> File {
    let Valid { directory, plan } = valid;
    let mut body = Ldif::default();
    if plan.connector != Connector::Existing {
        ldif_header(
            &mut body,
            CREATE,
            &["Adds an SMTP connector that forwards all outgoing mail", "to MailRoute's smarthost."],
            Purpose::Change,
            true,
        );
        body.attr("dn", &connector_dn(directory, plan));
        body.syntax("changetype: add");
        // The class chain and attributes of docs/facts.md §1.1 and §1.2.
        for class in ["top", "mailGateway", "msExchRoutingSMTPConnector"] {
            body.attr("objectClass", class);
        }
        body.attr("cn", &plan.name);
        body.attr("routingList", &routing_list(plan));
        body.attr("msExchSmtpSmartHost", &plan.smart_hosts.joined());
        body.attr("msExchSourceBridgeheadServersDN", &virtual_server_dn(directory));
        body.attr("deliveryMechanism", "2");
        return File { name: CREATE.to_string(), kind: Kind::Ldif, text: body.finish() };
    }
    ldif_header(
        &mut body,
        UPDATE,
        &["Points an existing SMTP connector at MailRoute's smarthost."],
        Purpose::Change,
        false,
    );
    body.attr("dn", &connector_dn(directory, plan));
    body.syntax("changetype: modify");
    body.syntax("replace: msExchSmtpSmartHost");
    body.attr("msExchSmtpSmartHost", &plan.smart_hosts.joined());
    body.syntax("-");
    if plan.replace_address_space {
        body.syntax("replace: routingList");
        body.attr("routingList", &routing_list(plan));
        body.syntax("-");
    }
    File { name: UPDATE.to_string(), kind: Kind::Ldif, text: body.finish() }
}

fn rollback_ldif(valid: &Valid) -> File {
    let Valid { directory, plan } = valid;
    let mut ldif = Ldif::default();
    if plan.connector != Connector::Existing {
        ldif_header(
            &mut ldif,
            ROLLBACK_DELETE,
            &["Deletes the connector that create-mailroute-connector.ldf added."],
            Purpose::Rollback,
            false,
        );
        ldif.attr("dn", &connector_dn(directory, plan));
        ldif.syntax("changetype: delete");
        return File { name: ROLLBACK_DELETE.to_string(), kind: Kind::Ldif, text: ldif.finish() };
    }
    let mut what = vec!["Puts back the smart host the connector had before the change."];
    if plan.replace_address_space {
        what.extend([
            "It does not put back the address spaces the change replaced: restore them from",
            "the backup by hand (Exchange System Manager, the connector's Address Space tab).",
        ]);
    }
    ldif_header(&mut ldif, ROLLBACK_RESTORE, &what, Purpose::Rollback, false);
    ldif.attr("dn", &connector_dn(directory, plan));
    ldif.syntax("changetype: modify");
    if plan.previous_smart_hosts.is_empty() {
        // No smart host means the connector routes by DNS (docs/facts.md §1.2).
        ldif.syntax("delete: msExchSmtpSmartHost");
    } else {
        ldif.syntax("replace: msExchSmtpSmartHost");
        ldif.attr("msExchSmtpSmartHost", &plan.previous_smart_hosts);
    }
    ldif.syntax("-");
    File { name: ROLLBACK_RESTORE.to_string(), kind: Kind::Ldif, text: ldif.finish() }
}

/// For Windows PowerShell 2.0 (the newest for Windows Server 2003, docs/facts.md §2):
/// no cmdlet or syntax from a later version.
fn restart_ps1(hosts: &SmartHosts) -> File {
    let mut text = lines(&[
        "# restart-services-and-test.ps1",
        "# Restarts the Exchange 2003 routing and SMTP services so that a changed connector",
        "# takes effect, checks that both run again, and opens a connection to each smart host",
        "# on port 25. Made by the MailRoute smarthost assistant.",
        "#",
        "# Windows PowerShell 2.0 or later, as an administrator on the Exchange server:",
        "#   powershell.exe -ExecutionPolicy Bypass -File .\\restart-services-and-test.ps1",
        "",
        "$ErrorActionPreference = 'Stop'",
    ]);
    text.push(format!("$SmartHosts = {}", powershell::array(hosts.targets())));
    text.extend(lines(&[
        // Service names from docs/facts.md §2; the safe order is not documented, so the
        // script stops the SMTP service first and starts the routing engine first, then
        // starts again every service that was running before (dependents stopped by -Force).
        "$Port = 25",
        "$Wait = [TimeSpan]::FromSeconds(120)",
        "$failed = $false",
        "",
        "$runningBefore = @(Get-Service | Where-Object { $_.Status -eq 'Running' } | ForEach-Object { $_.Name })",
        "try {",
        "    Write-Host 'Stopping Simple Mail Transfer Protocol (SMTP) and Microsoft Exchange Routing Engine...'",
        "    foreach ($name in @('SMTPSVC', 'RESvc')) {",
        "        Stop-Service -Name $name -Force",
        "        (Get-Service -Name $name).WaitForStatus('Stopped', $Wait)",
        "    }",
        "    Write-Host 'Starting them again...'",
        "    foreach ($name in @('RESvc', 'SMTPSVC')) {",
        "        Start-Service -Name $name",
        "        (Get-Service -Name $name).WaitForStatus('Running', $Wait)",
        "    }",
        "    foreach ($name in $runningBefore) {",
        "        if ((Get-Service -Name $name).Status -ne 'Running') {",
        "            Write-Host \"Starting $name again, which was stopped with them...\"",
        "            Start-Service -Name $name",
        "        }",
        "    }",
        "} catch {",
        "    Write-Host \"The restart did not finish: $($_.Exception.Message)\" -ForegroundColor Red",
        "    $failed = $true",
        "}",
        "",
        "foreach ($name in @('RESvc', 'SMTPSVC')) {",
        "    $status = (Get-Service -Name $name).Status",
        "    if ($status -eq 'Running') {",
        "        Write-Host \"$name is running.\" -ForegroundColor Green",
        "    } else {",
        "        Write-Host \"$name is $status.\" -ForegroundColor Red",
        "        $failed = $true",
        "    }",
        "}",
        "",
        "foreach ($smartHost in $SmartHosts) {",
        "    $client = New-Object System.Net.Sockets.TcpClient",
        "    try {",
        "        $attempt = $client.BeginConnect($smartHost, $Port, $null, $null)",
        "        if (-not $attempt.AsyncWaitHandle.WaitOne(15000, $false)) {",
        "            throw 'no answer within 15 seconds; check that the firewall lets this server out on port 25'",
        "        }",
        "        $client.EndConnect($attempt)",
        "        $stream = $client.GetStream()",
        "        $stream.ReadTimeout = 15000",
        "        $banner = (New-Object System.IO.StreamReader($stream)).ReadLine()",
        "        if ($banner -like '220*') {",
        "            Write-Host \"${smartHost}:$Port answers: $banner\" -ForegroundColor Green",
        "        } else {",
        "            Write-Host \"${smartHost}:$Port answers, but not with 220: $banner\" -ForegroundColor Yellow",
        "            Write-Host 'Check that this server''s public IP address is registered with MailRoute.'",
        "            $failed = $true",
        "        }",
        "    } catch {",
        "        Write-Host \"${smartHost}:$Port cannot be reached: $($_.Exception.Message)\" -ForegroundColor Red",
        "        $failed = $true",
        "    } finally {",
        "        $client.Close()",
        "    }",
        "}",
        "",
        "if ($failed) {",
        "    Write-Host 'Something needs attention: see the messages above.' -ForegroundColor Red",
        "    exit 1",
        "}",
        "Write-Host 'Done. Send a test message to an outside address to check the whole route.' -ForegroundColor Green",
    ]));
    File::from_lines(RESTART_PS1, Kind::PowerShell, &text)
}

fn restart_cmd() -> File {
    let text = lines(&[
        "@echo off",
        "rem Restarts the Exchange 2003 routing and SMTP services so that a changed",
        "rem connector takes effect. Run it as an administrator on the Exchange server.",
        "rem Made by the MailRoute smarthost assistant.",
        "setlocal DisableDelayedExpansion",
        "rem net stop /y also stops the services that depend on these two; the list taken",
        "rem here lets the script start those again afterwards.",
        "net start > \"%TEMP%\\services-before-restart.txt\"",
        "net stop SMTPSVC /y",
        "net stop RESvc /y",
        "net start RESvc",
        "net start SMTPSVC",
        "rem skip=2 passes over the list's heading and the blank line under it. Not confirmed:",
        "rem that for /f counts that blank line. If it does not, the first service listed is",
        "rem not started again here: check it in the Services console.",
        "for /f \"usebackq skip=2 tokens=*\" %%S in (\"%TEMP%\\services-before-restart.txt\") do net start \"%%S\" >nul 2>&1",
        "set FAILED=",
        "for %%S in (RESvc SMTPSVC) do (",
        "    sc query %%S | find \"RUNNING\" >nul || (echo %%S is not running. & set FAILED=1)",
        ")",
        "if defined FAILED exit /b 1",
        "echo Both services are running again.",
    ]);
    File::from_lines(RESTART_CMD, Kind::Batch, &text)
}

fn readme(valid: &Valid) -> Readme<'static> {
    let Valid { directory, plan } = valid;
    let scope = plan.scope.label(Platform::Exchange2003);
    let mut values = vec![
        ("Connector name", plan.name.clone()),
        ("Smart host", plan.smart_hosts.joined()),
        ("Bridgehead server", directory.server.clone()),
        ("Address space", format!("SMTP {} cost {}, scope {scope}", plan.address_space, plan.cost)),
        ("Active Directory domain", directory.domain.labels().join(".")),
        ("Exchange organization", directory.organization.clone()),
        ("Administrative group", directory.admin_group.clone()),
        ("Server's administrative group", directory.server_admin_group.clone()),
        ("Routing group", directory.routing_group.clone()),
        ("SMTP virtual server", directory.virtual_server.to_string()),
    ];
    if plan.connector == Connector::Existing {
        let previous = if plan.previous_smart_hosts.is_empty() { "none (DNS)" } else { &plan.previous_smart_hosts };
        values.push(("Smart host before the change", previous.to_string()));
    }
    Readme {
        title: "Routing outgoing mail through MailRoute: Exchange Server 2003",
        values,
        before: &[
            "Before you start, register this server's public IP address in MailRoute's control",
            "panel under Delivery > Outbound Servers, add include:spf.mailroute.net to your",
            "domain's SPF record, and add MailRoute's DKIM records.",
            "The scripts need Windows Server 2003 SP2 (WMIC, sc and PowerShell 2.0). On Windows",
            "2000 Server, make the change in Exchange System Manager, and restart the services",
            "with net stop and net start.",
            "The LDIF files follow RFC 2849, with # comment lines; that ldifde reads them as",
            "written is not confirmed by a test. If it reports a syntax error on a comment, remove",
            "the lines that start with #.",
            "ldifde writes to a domain controller of its choosing: add -s and the name of the",
            "domain controller Exchange uses, or wait for Active Directory replication before",
            "restarting the services.",
        ],
        after: if plan.connector == Connector::Existing { AFTER_EXISTING } else { AFTER_NEW },
    }
}

const UNDO: &str = "To undo the change, import the rollback file the same way and restart the services.";
const KEPT: &str = "The backup file keeps every connector as it was.";

/// Equal costs share the mail between connectors on Exchange 2003 (docs/facts.md §2).
const AFTER_NEW: &[&str] = &[
    UNDO,
    KEPT,
    "",
    "Another connector for the same address space at the same or a lower cost keeps taking",
    "mail: at equal cost Exchange 2003 shares it between them. Raise that connector's cost",
    "above this one's, or remove its address space, once this one works.",
];

/// What the LDIF leaves as it is (the connector's Advanced tab is not confirmed in the
/// directory, docs/facts.md §1.2), for the admin to check in Exchange System Manager.
const AFTER_EXISTING: &[&str] = &[
    UNDO,
    KEPT,
    "",
    "The update changes neither the connector's outbound security nor the port. In Exchange",
    "System Manager, on the connector's Advanced tab, Outbound Security... must be Anonymous",
    "access with TLS encryption cleared, and the bridgehead's SMTP virtual server must send",
    "on TCP port 25 (its Delivery tab, Outbound connections...).",
];
