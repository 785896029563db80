# restart-services-and-test.ps1
# Restarts the Exchange 2003 routing and SMTP services so that a changed connector
# takes effect, checks that both run again, and opens a connection to each smart host
# on port 25. Made by the MailRoute smarthost assistant.
#
# Windows PowerShell 2.0 or later, as an administrator on the Exchange server:
#   powershell.exe -ExecutionPolicy Bypass -File .\restart-services-and-test.ps1

$ErrorActionPreference = 'Stop'
$SmartHosts = @('outbound.mailroute.net')
$Port = 25
$Wait = [TimeSpan]::FromSeconds(120)
$failed = $false

$runningBefore = @(Get-Service | Where-Object { $_.Status -eq 'Running' } | ForEach-Object { $_.Name })
try {
    Write-Host 'Stopping Simple Mail Transfer Protocol (SMTP) and Microsoft Exchange Routing Engine...'
    foreach ($name in @('SMTPSVC', 'RESvc')) {
        Stop-Service -Name $name -Force
        (Get-Service -Name $name).WaitForStatus('Stopped', $Wait)
    }
    Write-Host 'Starting them again...'
    foreach ($name in @('RESvc', 'SMTPSVC')) {
        Start-Service -Name $name
        (Get-Service -Name $name).WaitForStatus('Running', $Wait)
    }
    foreach ($name in $runningBefore) {
        if ((Get-Service -Name $name).Status -ne 'Running') {
            Write-Host "Starting $name again, which was stopped with them..."
            Start-Service -Name $name
        }
    }
} catch {
    Write-Host "The restart did not finish: $($_.Exception.Message)" -ForegroundColor Red
    $failed = $true
}

foreach ($name in @('RESvc', 'SMTPSVC')) {
    $status = (Get-Service -Name $name).Status
    if ($status -eq 'Running') {
        Write-Host "$name is running." -ForegroundColor Green
    } else {
        Write-Host "$name is $status." -ForegroundColor Red
        $failed = $true
    }
}

foreach ($smartHost in $SmartHosts) {
    $client = New-Object System.Net.Sockets.TcpClient
    try {
        $attempt = $client.BeginConnect($smartHost, $Port, $null, $null)
        if (-not $attempt.AsyncWaitHandle.WaitOne(15000, $false)) {
            throw 'no answer within 15 seconds; check that the firewall lets this server out on port 25'
        }
        $client.EndConnect($attempt)
        $stream = $client.GetStream()
        $stream.ReadTimeout = 15000
        $banner = (New-Object System.IO.StreamReader($stream)).ReadLine()
        if ($banner -like '220*') {
            Write-Host "${smartHost}:$Port answers: $banner" -ForegroundColor Green
        } else {
            Write-Host "${smartHost}:$Port answers, but not with 220: $banner" -ForegroundColor Yellow
            Write-Host 'Check that this server''s public IP address is registered with MailRoute.'
            $failed = $true
        }
    } catch {
        Write-Host "${smartHost}:$Port cannot be reached: $($_.Exception.Message)" -ForegroundColor Red
        $failed = $true
    } finally {
        $client.Close()
    }
}

if ($failed) {
    Write-Host 'Something needs attention: see the messages above.' -ForegroundColor Red
    exit 1
}
Write-Host 'Done. Send a test message to an outside address to check the whole route.' -ForegroundColor Green
