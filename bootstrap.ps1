#!/usr/bin/env pwsh
# Thin wrapper over `natsgh bootstrap` for PowerShell (Windows PowerShell 5.1 and pwsh 7):
#   .\bootstrap.ps1 --mode kubernetes --nats-type self_hosted_cluster
# Every argument is passed through as given (a,b stays one argument "a,b").
# Runs `npm ci` first only when node_modules is missing.
# NATSGH_BIN names another natsgh executable to run instead of this checkout's.
# Exit codes are natsgh's; 2 when Node.js is missing (a usage/setup problem).
$ErrorActionPreference = 'Stop'
# pwsh 7.3+: a native command's non-zero exit is handled here (exit codes), never thrown.
$PSNativeCommandUseErrorActionPreference = $false
$here = Split-Path -Parent $MyInvocation.MyCommand.Path

# Unquoted a,b is parsed by PowerShell as an array, which a native command would
# receive as "a b": join such arguments back with commas.
$passed = @()
foreach ($arg in $args) {
  if ($arg -is [System.Array]) { $passed += ($arg -join ',') } else { $passed += [string]$arg }
}

# Runs npm with its output on stderr (so `--json` prints only JSON on stdout).
# Windows PowerShell 5.1 turns every stderr line of a redirected native command
# into an error record, which 'Stop' would make fatal on npm's first warning:
# 'Continue' for the call, and each line printed as text.
function Invoke-Npm([string[]]$npmArgs) {
  $saved = $ErrorActionPreference
  $ErrorActionPreference = 'Continue'
  try {
    & npm @npmArgs 2>&1 | ForEach-Object { [Console]::Error.WriteLine([string]$_) }
    return $LASTEXITCODE
  } finally {
    $ErrorActionPreference = $saved
  }
}

if ($env:NATSGH_BIN) {
  & $env:NATSGH_BIN bootstrap @passed
  exit $LASTEXITCODE
}

if (-not (Get-Command node -ErrorAction SilentlyContinue)) {
  # Not Write-Error: under 'Stop' it throws, and the script would exit 1.
  [Console]::Error.WriteLine('bootstrap.ps1: Node.js >= 20.19 is needed (https://nodejs.org/en/download)')
  exit 2
}

Push-Location $here
try {
  if (-not (Test-Path (Join-Path $here 'node_modules'))) {
    [Console]::Error.WriteLine('bootstrap.ps1: installing dependencies (npm ci)')
    $code = Invoke-Npm @('ci', '--no-audit', '--no-fund')
    if ($code -ne 0) { exit $code }
  }
  if (-not (Test-Path (Join-Path $here 'dist/cli/version.js'))) {
    [Console]::Error.WriteLine('bootstrap.ps1: building natsgh (npm run build)')
    $code = Invoke-Npm @('run', 'build')
    if ($code -ne 0) { exit $code }
  }
} finally {
  Pop-Location
}

& node (Join-Path $here 'bin/run.js') bootstrap @passed
exit $LASTEXITCODE
