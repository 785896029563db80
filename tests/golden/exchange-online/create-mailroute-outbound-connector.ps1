# create-mailroute-outbound-connector.ps1
# Creates an outbound connector that sends all mail through MailRoute, turned on once validated.
# Made by the MailRoute smarthost assistant for Exchange Online (Microsoft 365).
#
# PowerShell 7 or Windows PowerShell 5.1, with the ExchangeOnlineManagement module
# (Install-Module ExchangeOnlineManagement). It signs you in to Exchange Online.
# A downloaded script is refused by the default execution policy, so run it with:
#   pwsh -ExecutionPolicy Bypass -File .\create-mailroute-outbound-connector.ps1
#   powershell.exe -ExecutionPolicy Bypass -File .\create-mailroute-outbound-connector.ps1

$ErrorActionPreference = 'Stop'
$ConnectorName = 'MailRoute Outbound'

if (-not (Get-Module -ListAvailable -Name ExchangeOnlineManagement)) {
    Write-Host 'The ExchangeOnlineManagement module is missing: run Install-Module ExchangeOnlineManagement first.' -ForegroundColor Red
    exit 1
}

try {
    Connect-ExchangeOnline -ShowBanner:$false -ErrorAction Stop
    $connector = Get-OutboundConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }
    if ($connector) {
        Write-Host "An outbound connector named $ConnectorName exists already. Nothing was changed." -ForegroundColor Red
        exit 1
    }
    $others = @(Get-OutboundConnector -ErrorAction Stop | Where-Object { $_.Enabled -and $_.RecipientDomains -contains '*' })
    if ($others.Count -gt 0) {
        Write-Host 'These outbound connectors take mail for all domains (*) already, and which of two such connectors takes a message is not documented. Nothing was changed: turn them off, or limit their recipient domains, and run this again.' -ForegroundColor Red
        $others | Format-Table Name,RecipientDomains,SmartHosts,Enabled -AutoSize | Out-Host
        exit 1
    }
    New-OutboundConnector -Name $ConnectorName -ConnectorType Partner -RecipientDomains '*' -SmartHosts 'outbound.mailroute.net' -UseMXRecord $false -TlsSettings DomainValidation -TlsDomain '*.mailroute.net' -Enabled $false -ErrorAction Stop | Out-Null
    Write-Host "Created the outbound connector $ConnectorName, turned off until it is validated."

    Write-Host 'Validating: a test connection to each smart host and a message to MailRoute...'
    $validation = @(Validate-OutboundConnector -Identity $ConnectorName -Recipients 'test@mailroute.net' -ErrorAction Stop)
    $validation | Format-List | Out-Host
    # What Validate-OutboundConnector returns is not documented. The connector is turned
    # on only if every result reports IsTaskSuccessful as the boolean True.
    if ($validation.Count -eq 0 -or @($validation | Where-Object { $_.IsTaskSuccessful -isnot [bool] -or -not $_.IsTaskSuccessful }).Count -gt 0 -or @($validation | ForEach-Object { $_.PSObject.Properties } | Where-Object { "$($_.Value)" -match 'fail' }).Count -gt 0) {
        Write-Host "The validation did not succeed, so $ConnectorName stays turned off and mail leaves Microsoft 365 as before." -ForegroundColor Red
        Write-Host 'Check that your domain is set up in MailRoute (its inbound server, with server type Office 365), that its MX points to MailRoute, and the result above.' -ForegroundColor Red
        Write-Host 'If the result shows that every test succeeded, turn the connector on in the Exchange admin center.' -ForegroundColor Red
        exit 1
    }
    Set-OutboundConnector -Identity $ConnectorName -Enabled $true -IsValidated $true -LastValidationTimestamp (Get-Date).ToUniversalTime() -ValidationRecipients 'test@mailroute.net' -ErrorAction Stop

    # Read the connector back: success is what Exchange Online now holds.
    $after = Get-OutboundConnector -Identity $ConnectorName -ErrorAction Stop
    $after | Format-List Name,Enabled,IsValidated,ConnectorType,RecipientDomains,SmartHosts,UseMXRecord,TlsSettings,TlsDomain | Out-Host
    $hosts = @($after.SmartHosts | ForEach-Object { "$_" -replace '[\[\]]', '' })
    $missing = @('outbound.mailroute.net' | Where-Object { $hosts -notcontains $_ })
    if (-not $after.Enabled -or $missing.Count -gt 0) {
        Write-Host "The connector $ConnectorName is not turned on with the smart hosts it should have: check it in the Exchange admin center." -ForegroundColor Red
        exit 1
    }
    Write-Host "Validated and turned on the outbound connector $ConnectorName." -ForegroundColor Green
    Write-Host 'Next: send a message to an outside address and check its Received headers for MailRoute.'
} catch {
    Write-Host "Stopped: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}
