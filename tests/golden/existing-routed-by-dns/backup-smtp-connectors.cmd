@echo off
rem Exports every Exchange 2003 SMTP connector to a dated LDIF file, before any
rem change. Run it on the Exchange server or a domain controller, as an Exchange
rem administrator. Keep the file: the rollback uses the values in it.
setlocal DisableDelayedExpansion
rem wmic gives the date in one format whatever the regional settings.
for /f "tokens=2 delims==" %%I in ('wmic os get localdatetime /value ^| find "="') do set STAMP=%%I
set BACKUP=smtp-connectors-backup-%STAMP:~0,8%-%STAMP:~8,6%.ldf
ldifde -f "%BACKUP%" -d "CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=corp,DC=example,DC=com" -r "(objectClass=msExchRoutingSMTPConnector)" -p subtree
if errorlevel 1 goto failed
echo The SMTP connectors are saved in %BACKUP%
exit /b 0
:failed
echo ldifde could not export the connectors. Nothing was changed.
exit /b 1
