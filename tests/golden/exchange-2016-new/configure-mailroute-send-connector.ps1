# WARNING: 203.0.113.9 is not MailRoute's smarthost, outbound.mailroute.net. The administrator confirmed that MailRoute support asked for it.
# configure-mailroute-send-connector.ps1
# Creates a send connector that routes outgoing mail through MailRoute's smarthost.
# Made by the MailRoute smarthost assistant for Exchange Server 2016.
#
# Run it in the Exchange Management Shell, as an Exchange administrator, from the
# folder that holds it:
#   Unblock-File -Path .\configure-mailroute-send-connector.ps1; .\configure-mailroute-send-connector.ps1

$ErrorActionPreference = 'Stop'
trap {
    Write-Host "Stopped: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}

$ConnectorName = 'MailRoute Outbound'
$BackupFile = Join-Path (Split-Path -Parent $MyInvocation.MyCommand.Path) 'send-connectors-before-mailroute.xml'

if (-not (Get-Command Get-SendConnector -ErrorAction SilentlyContinue)) {
    Write-Host 'Get-SendConnector is missing: run this in the Exchange Management Shell.' -ForegroundColor Red
    exit 1
}
$connector = Get-SendConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }

if ($connector) {
    Write-Host "A send connector named $ConnectorName exists already. Nothing was changed: choose another name, or have the assistant change that connector." -ForegroundColor Red
    exit 1
}
# Another enabled connector for the same address space at the same or a lower cost
# would keep taking some or all of the mail beside the new one.
$space = '*'
$cost = 5
$rivals = @(Get-SendConnector -ErrorAction Stop | Where-Object { $_.Enabled -and ($_.AddressSpaces | Where-Object { "$_" -match '^(Local:)?SMTP:(.+);(\d+)$' -and $Matches[2] -eq $space -and [int]$Matches[3] -le $cost }) })
if ($rivals.Count -gt 0) {
    Write-Host "These send connectors take mail for $space at a cost of $cost or less, and would keep taking some or all of it beside the new one. Nothing was changed." -ForegroundColor Red
    $rivals | Format-Table Name,AddressSpaces,Enabled -AutoSize | Out-Host
    Write-Host "Disable them, or raise their cost above $cost, or have the assistant change one of them instead of creating a connector; then run this again." -ForegroundColor Red
    exit 1
}

# The backup is what the rollback puts back, so a second run keeps the first one's.
if (Test-Path -LiteralPath $BackupFile) {
    Write-Host "Keeping the backup from an earlier run: $BackupFile"
} else {
    Get-SendConnector -ErrorAction Stop | Export-Clixml -Path $BackupFile
    Write-Host "Saved the send connectors as they are to $BackupFile"
}

New-SendConnector -Name 'MailRoute Outbound' -Usage Custom -DNSRoutingEnabled $false -SmartHosts 'outbound.mailroute.net','203.0.113.9' -SmartHostAuthMechanism None -AddressSpaces 'SMTP:*;5' -IsScopedConnector $false -SourceTransportServers 'EX01','ex02.corp.example.com' -ErrorAction Stop | Out-Null

$after = Get-SendConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }
$after | Format-List Name,Enabled,AddressSpaces,SmartHosts,DNSRoutingEnabled,SmartHostAuthMechanism,SourceTransportServers,IsScopedConnector | Out-Host
$hosts = @($after.SmartHosts | ForEach-Object { "$_" -replace '[\[\]]', '' })
$missing = @('outbound.mailroute.net','203.0.113.9' | Where-Object { $hosts -notcontains $_ })
if (-not $after -or $after.DNSRoutingEnabled -or $missing.Count -gt 0) {
    Write-Host "The send connector $ConnectorName does not route through the smart hosts it should: check it with Get-SendConnector." -ForegroundColor Red
    exit 1
}
Write-Host "Created the send connector $ConnectorName: it routes through the smart hosts above." -ForegroundColor Green
Write-Host 'Queues with messages waiting (none is good news):'
foreach ($server in @('EX01','ex02.corp.example.com')) {
    $queues = Get-Queue -Server $server -ErrorAction SilentlyContinue -ErrorVariable queueError | Where-Object { $_.MessageCount -gt 0 }
    if ($queueError) {
        Write-Host "Could not read the queues on ${server}: $queueError" -ForegroundColor Yellow
    } else {
        $queues | Format-Table Identity,Status,MessageCount,NextHopDomain -AutoSize | Out-Host
    }
}

Write-Host 'Next: send a message to an outside address and check its Received headers for MailRoute.'
Write-Host 'Exchange normally uses the change within a few minutes, once Active Directory has replicated it. If mail still leaves directly, restart the Microsoft Exchange Transport service on the source servers.'
