# configure-mailroute-send-connector.ps1
# Points an existing send connector at MailRoute's smarthost.
# Made by the MailRoute smarthost assistant for Exchange Server 2019.
#
# Run it in the Exchange Management Shell, as an Exchange administrator, from the
# folder that holds it:
#   Unblock-File -Path .\configure-mailroute-send-connector.ps1; .\configure-mailroute-send-connector.ps1

$ErrorActionPreference = 'Stop'
trap {
    Write-Host "Stopped: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}

$ConnectorName = 'Internet ''Outbound'' $(Get-Date) ‘‘quoted’’'
$BackupFile = Join-Path (Split-Path -Parent $MyInvocation.MyCommand.Path) 'send-connectors-before-mailroute.xml'

if (-not (Get-Command Get-SendConnector -ErrorAction SilentlyContinue)) {
    Write-Host 'Get-SendConnector is missing: run this in the Exchange Management Shell.' -ForegroundColor Red
    exit 1
}
$connector = Get-SendConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }

if (-not $connector) {
    Write-Host "There is no send connector named $ConnectorName. Nothing was changed: check the name (Get-SendConnector lists them)." -ForegroundColor Red
    exit 1
}

# The backup is what the rollback puts back, so a second run keeps the first one's.
if (Test-Path -LiteralPath $BackupFile) {
    Write-Host "Keeping the backup from an earlier run: $BackupFile"
} else {
    Get-SendConnector -ErrorAction Stop | Export-Clixml -Path $BackupFile
    Write-Host "Saved the send connectors as they are to $BackupFile"
}

Set-SendConnector -Identity 'Internet ''Outbound'' $(Get-Date) ‘‘quoted’’' -DNSRoutingEnabled $false -SmartHosts 'outbound.mailroute.net' -SmartHostAuthMechanism None -Port 25 -RequireTLS $false -TlsAuthLevel $null -TlsDomain $null -TlsCertificateName $null -AddressSpaces 'SMTP:*;1' -IsScopedConnector $true -ErrorAction Stop | Out-Null

$after = Get-SendConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }
$after | Format-List Name,Enabled,AddressSpaces,SmartHosts,DNSRoutingEnabled,SmartHostAuthMechanism,SourceTransportServers,IsScopedConnector | Out-Host
$hosts = @($after.SmartHosts | ForEach-Object { "$_" -replace '[\[\]]', '' })
$missing = @('outbound.mailroute.net' | Where-Object { $hosts -notcontains $_ })
if (-not $after -or $after.DNSRoutingEnabled -or $missing.Count -gt 0) {
    Write-Host "The send connector $ConnectorName does not route through the smart hosts it should: check it with Get-SendConnector." -ForegroundColor Red
    exit 1
}
Write-Host 'Port and TLS settings, before and after:'
foreach ($setting in @('Port','RequireTLS','TlsAuthLevel','TlsDomain','TlsCertificateName')) {
    Write-Host ("  {0}: {1} -> {2}" -f $setting, $connector.$setting, $after.$setting)
}
if ($after.Port -ne 25 -or $after.RequireTLS -or $after.TlsAuthLevel -or $after.TlsDomain -or $after.TlsCertificateName) {
    Write-Host "The send connector $ConnectorName keeps a port or TLS setting of its old relay: check it with Get-SendConnector." -ForegroundColor Red
    exit 1
}
if ($connector.RequireTLS) {
    Write-Host 'The connector required TLS before; it now uses TLS whenever MailRoute offers it. To require it for MailRoute, see the README.' -ForegroundColor Yellow
}
Write-Host "Changed the send connector $ConnectorName: it routes through the smart hosts above." -ForegroundColor Green
Write-Host 'Queues with messages waiting (none is good news):'
foreach ($server in @($env:COMPUTERNAME)) {
    $queues = Get-Queue -Server $server -ErrorAction SilentlyContinue -ErrorVariable queueError | Where-Object { $_.MessageCount -gt 0 }
    if ($queueError) {
        Write-Host "Could not read the queues on ${server}: $queueError" -ForegroundColor Yellow
    } else {
        $queues | Format-Table Identity,Status,MessageCount,NextHopDomain -AutoSize | Out-Host
    }
}

Write-Host 'Next: send a message to an outside address and check its Received headers for MailRoute.'
Write-Host 'Exchange normally uses the change within a few minutes, once Active Directory has replicated it. If mail still leaves directly, restart the Microsoft Exchange Transport service on the source servers.'
