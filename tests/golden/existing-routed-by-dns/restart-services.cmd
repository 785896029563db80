@echo off
rem Restarts the Exchange 2003 routing and SMTP services so that a changed
rem connector takes effect. Run it as an administrator on the Exchange server.
rem Made by the MailRoute smarthost assistant.
setlocal DisableDelayedExpansion
rem net stop /y also stops the services that depend on these two; the list taken
rem here lets the script start those again afterwards.
net start > "%TEMP%\services-before-restart.txt"
net stop SMTPSVC /y
net stop RESvc /y
net start RESvc
net start SMTPSVC
rem skip=2 passes over the list's heading and the blank line under it. Not confirmed:
rem that for /f counts that blank line. If it does not, the first service listed is
rem not started again here: check it in the Services console.
for /f "usebackq skip=2 tokens=*" %%S in ("%TEMP%\services-before-restart.txt") do net start "%%S" >nul 2>&1
set FAILED=
for %%S in (RESvc SMTPSVC) do (
    sc query %%S | find "RUNNING" >nul || (echo %%S is not running. & set FAILED=1)
)
if defined FAILED exit /b 1
echo Both services are running again.
