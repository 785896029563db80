# configure-mailroute-send-connector.ps1
# Creates a send connector that routes outgoing mail through MailRoute's smarthost.
# Made by the MailRoute smarthost assistant for Exchange Server Subscription Edition.
#
# Run it in the Exchange Management Shell, as an Exchange administrator, from the
# folder that holds it:
#   .\configure-mailroute-send-connector.ps1

$ErrorActionPreference = 'Stop'
trap {
    Write-Host "Stopped: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}

$ConnectorName = 'All Outgoing Email'
$BackupFile = Join-Path (Split-Path -Parent $MyInvocation.MyCommand.Path) 'send-connectors-before-mailroute.xml'

if (-not (Get-Command Get-SendConnector -ErrorAction SilentlyContinue)) {
    Write-Host 'Get-SendConnector is missing: run this in the Exchange Management Shell.' -ForegroundColor Red
    exit 1
}
$connector = Get-SendConnector | Where-Object { $_.Name -eq $ConnectorName }

if ($connector) {
    Write-Host "A send connector named $ConnectorName exists already. Nothing was changed: choose another name, or have the assistant change that connector." -ForegroundColor Red
    exit 1
}

# The backup is what the rollback puts back, so a second run keeps the first one's.
if (Test-Path -LiteralPath $BackupFile) {
    Write-Host "Keeping the backup from an earlier run: $BackupFile"
} else {
    Get-SendConnector | Export-Clixml -Path $BackupFile
    Write-Host "Saved the send connectors as they are to $BackupFile"
}

New-SendConnector -Name 'All Outgoing Email' -Usage Custom -DNSRoutingEnabled $false -SmartHosts 'outbound.mailroute.net' -SmartHostAuthMechanism None -AddressSpaces 'SMTP:*.example.org;10' -IsScopedConnector $false | Out-Null
Write-Host "Created the send connector $ConnectorName." -ForegroundColor Green

Get-SendConnector | Where-Object { $_.Name -eq $ConnectorName } | Format-List Name,Enabled,AddressSpaces,SmartHosts,DNSRoutingEnabled,SmartHostAuthMechanism,SourceTransportServers,IsScopedConnector | Out-Host
Write-Host 'Queues with messages waiting (none is good news):'
Get-Queue | Where-Object { $_.MessageCount -gt 0 } | Format-Table Identity,Status,MessageCount,NextHopDomain -AutoSize | Out-Host

Write-Host 'Next: send a message to an outside address and check its Received headers for MailRoute.'
Write-Host 'Exchange uses the connector at once; no service needs restarting.'
