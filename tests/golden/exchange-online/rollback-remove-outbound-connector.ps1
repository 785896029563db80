# rollback-remove-outbound-connector.ps1
# Removes the outbound connector to MailRoute.
# Made by the MailRoute smarthost assistant for Exchange Online (Microsoft 365).
#
# PowerShell 7 or Windows PowerShell 5.1, with the ExchangeOnlineManagement module
# (Install-Module ExchangeOnlineManagement). It signs you in to Exchange Online.
# A downloaded script is refused by the default execution policy, so run it with:
#   pwsh -ExecutionPolicy Bypass -File .\rollback-remove-outbound-connector.ps1
#   powershell.exe -ExecutionPolicy Bypass -File .\rollback-remove-outbound-connector.ps1

$ErrorActionPreference = 'Stop'
$ConnectorName = 'MailRoute Outbound'

if (-not (Get-Module -ListAvailable -Name ExchangeOnlineManagement)) {
    Write-Host 'The ExchangeOnlineManagement module is missing: run Install-Module ExchangeOnlineManagement first.' -ForegroundColor Red
    exit 1
}

try {
    Connect-ExchangeOnline -ShowBanner:$false -ErrorAction Stop
    $connector = Get-OutboundConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }
    if (-not $connector) {
        Write-Host "There is no outbound connector named $ConnectorName, so there is nothing to remove." -ForegroundColor Yellow
        exit 0
    }
    Remove-OutboundConnector -Identity $ConnectorName -Confirm:$false -ErrorAction Stop
    if (Get-OutboundConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }) {
        Write-Host "The outbound connector $ConnectorName is still there: remove it in the Exchange admin center." -ForegroundColor Red
        exit 1
    }
    Write-Host "Removed the outbound connector $ConnectorName." -ForegroundColor Green
} catch {
    Write-Host "Stopped: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}
