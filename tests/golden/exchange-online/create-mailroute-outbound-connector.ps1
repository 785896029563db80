# create-mailroute-outbound-connector.ps1
# Creates an outbound connector that sends all mail through MailRoute.
# Made by the MailRoute smarthost assistant for Exchange Online (Microsoft 365).
#
# PowerShell 7 or Windows PowerShell 5.1, with the ExchangeOnlineManagement module
# (Install-Module ExchangeOnlineManagement). It signs you in to Exchange Online:
#   pwsh -File .\create-mailroute-outbound-connector.ps1

$ErrorActionPreference = 'Stop'
$ConnectorName = 'MailRoute Outbound'

if (-not (Get-Module -ListAvailable -Name ExchangeOnlineManagement)) {
    Write-Host 'The ExchangeOnlineManagement module is missing: run Install-Module ExchangeOnlineManagement first.' -ForegroundColor Red
    exit 1
}

try {
    Connect-ExchangeOnline -ShowBanner:$false
    $connector = Get-OutboundConnector | Where-Object { $_.Name -eq $ConnectorName }
    if ($connector) {
        Write-Host "An outbound connector named $ConnectorName exists already. Nothing was changed." -ForegroundColor Red
        exit 1
    }
    New-OutboundConnector -Name 'MailRoute Outbound' -ConnectorType Partner -RecipientDomains '*' -SmartHosts 'outbound.mailroute.net' -UseMXRecord $false -TlsSettings DomainValidation -TlsDomain '*.mailroute.net' -Enabled $true | Out-Null
    Write-Host "Created the outbound connector $ConnectorName." -ForegroundColor Green
    Get-OutboundConnector -Identity $ConnectorName | Format-List Name,Enabled,ConnectorType,RecipientDomains,SmartHosts,UseMXRecord,TlsSettings,TlsDomain | Out-Host

    # MailRoute relays the validation message to this one address only.
    Write-Host 'Validating: a test connection to each smart host and a message to MailRoute...'
    Validate-OutboundConnector -Identity $ConnectorName -Recipients 'test@mailroute.net' | Format-List | Out-Host
    Write-Host 'Check the validation above, then send a message to an outside address.'
} catch {
    Write-Host "Stopped: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}
