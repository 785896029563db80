# WARNING: 203.0.113.9 is not MailRoute's smarthost, outbound.mailroute.net. The administrator confirmed that MailRoute support asked for it.
# rollback-mailroute-send-connector.ps1
# Removes the send connector that configure-mailroute-send-connector.ps1 created.
# Made by the MailRoute smarthost assistant for Exchange Server 2016.
#
# Run it in the Exchange Management Shell, as an Exchange administrator, from the
# folder that holds it:
#   Unblock-File -Path .\rollback-mailroute-send-connector.ps1; .\rollback-mailroute-send-connector.ps1

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

if (-not (Test-Path -LiteralPath $BackupFile)) {
    Write-Host "There is no backup at $BackupFile, so nothing was changed. Run this from the folder where the first script ran." -ForegroundColor Red
    exit 1
}
$before = Import-Clixml -Path $BackupFile | Where-Object { $_.Name -eq $ConnectorName }
if (-not $connector) {
    Write-Host "There is no send connector named $ConnectorName, so there is nothing to roll back." -ForegroundColor Yellow
    exit 0
}
if ($before) {
    Write-Host "The connector $ConnectorName existed before the change, so it is not removed. Put back its settings from $BackupFile in the console instead." -ForegroundColor Red
    exit 1
}
Remove-SendConnector -Identity $connector.Identity -Confirm:$false -ErrorAction Stop
if (Get-SendConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }) {
    Write-Host "The send connector $ConnectorName is still there: remove it with Remove-SendConnector." -ForegroundColor Red
    exit 1
}
Write-Host "Removed the send connector $ConnectorName. Mail leaves by the connectors there were before." -ForegroundColor Green
