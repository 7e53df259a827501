@echo off
rem ShadowSwap on the command line: shadowswap plan --set ID, shadowswap recover --set ID --yes, ...
rem ShadowSwap.exe is a windowed program, so cmd.exe would not wait for it and would print its prompt
rem into the output; "start /wait" waits for the command to finish and hands back its exit code.
start "" /b /wait "%~dp0ShadowSwap.exe" %*
exit /b %ERRORLEVEL%
