# rollback-mailroute-send-connector.ps1
# Puts the send connector back as configure-mailroute-send-connector.ps1 found it.
# Made by the MailRoute smarthost assistant for Exchange Server 2010.
#
# Run it in the Exchange Management Shell, as an Exchange administrator, from the
# folder that holds it:
#   Set-ExecutionPolicy -Scope Process -ExecutionPolicy Bypass -Force; .\rollback-mailroute-send-connector.ps1

$ErrorActionPreference = 'Stop'
trap {
    Write-Host "Stopped: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}

$ConnectorName = 'Internet'
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
if (-not $before) {
    Write-Host "The backup holds no connector named $ConnectorName, so nothing was changed." -ForegroundColor Red
    exit 1
}
# The backup holds the settings as text; the cmdlet takes them back in that form.
# Not confirmed by any public source: compare the connector shown at the end with
# the backup.
$addressSpaces = @($before.AddressSpaces | ForEach-Object { $_.ToString() })
$smartHosts = @($before.SmartHosts | ForEach-Object { $_.ToString() })
$mechanism = [string]$before.SmartHostAuthMechanism
if ($mechanism -like 'BasicAuth*') {
    Write-Host 'The connector used basic authentication, whose password is not in the backup: it is set to None. Enter the credentials again in the console.' -ForegroundColor Yellow
    $mechanism = 'None'
}
if ($before.DNSRoutingEnabled) {
    Set-SendConnector -Identity $connector.Identity -DNSRoutingEnabled $true -SmartHosts $null -AddressSpaces $addressSpaces -ErrorAction Stop
} else {
    Set-SendConnector -Identity $connector.Identity -DNSRoutingEnabled $false -SmartHosts $smartHosts -SmartHostAuthMechanism $mechanism -AddressSpaces $addressSpaces -ErrorAction Stop
}
Set-SendConnector -Identity $connector.Identity -IsScopedConnector $before.IsScopedConnector -ErrorAction Stop
$TlsAuthLevel = $null
if ($before.TlsAuthLevel) { $TlsAuthLevel = "$($before.TlsAuthLevel)" }
$TlsDomain = $null
if ($before.TlsDomain) { $TlsDomain = "$($before.TlsDomain)" }
Set-SendConnector -Identity $connector.Identity -Port $before.Port -RequireTLS ([bool]$before.RequireTLS) -TlsAuthLevel $TlsAuthLevel -TlsDomain $TlsDomain -ErrorAction Stop
$after = Get-SendConnector -ErrorAction Stop | Where-Object { $_.Name -eq $ConnectorName }
$after | Format-List Name,AddressSpaces,SmartHosts,DNSRoutingEnabled,SmartHostAuthMechanism,SourceTransportServers,Port,RequireTLS | Out-Host
if ([bool]$after.DNSRoutingEnabled -ne [bool]$before.DNSRoutingEnabled -or $after.Port -ne $before.Port -or [bool]$after.RequireTLS -ne [bool]$before.RequireTLS) {
    Write-Host "The send connector $ConnectorName does not route as the backup has it: compare it with $BackupFile." -ForegroundColor Red
    exit 1
}
Write-Host "Put back the send connector $ConnectorName as the backup has it." -ForegroundColor Green
