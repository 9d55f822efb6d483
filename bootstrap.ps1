#!/usr/bin/env pwsh
# Thin wrapper over `natsgh bootstrap` for PowerShell (Windows PowerShell 5.1 and pwsh 7):
#   .\bootstrap.ps1 --mode kubernetes --nats-type self_hosted_cluster
# Every argument is passed through. Runs `npm ci` first only when node_modules is missing.
# NATSGH_BIN names another natsgh executable to run instead of this checkout's.
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path

if ($env:NATSGH_BIN) {
  & $env:NATSGH_BIN bootstrap @args
  exit $LASTEXITCODE
}

if (-not (Get-Command node -ErrorAction SilentlyContinue)) {
  Write-Error 'bootstrap.ps1: Node.js >= 20.19 is needed (https://nodejs.org/en/download)'
  exit 2
}

Push-Location $here
try {
  if (-not (Test-Path (Join-Path $here 'node_modules'))) {
    [Console]::Error.WriteLine('bootstrap.ps1: installing dependencies (npm ci)')
    # Progress goes to stderr so that `bootstrap.ps1 --json` prints only JSON on stdout.
    & npm ci --no-audit --no-fund 2>&1 | ForEach-Object { [Console]::Error.WriteLine($_) }
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
  }
  if (-not (Test-Path (Join-Path $here 'dist/cli/version.js'))) {
    [Console]::Error.WriteLine('bootstrap.ps1: building natsgh (npm run build)')
    & npm run build 2>&1 | ForEach-Object { [Console]::Error.WriteLine($_) }
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
  }
} finally {
  Pop-Location
}

& node (Join-Path $here 'bin/run.js') bootstrap @args
exit $LASTEXITCODE
