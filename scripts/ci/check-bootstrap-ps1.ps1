# Checks bootstrap.ps1 under the PowerShell running this script (the Windows CI
# job runs it with Windows PowerShell 5.1 and with pwsh 7), against stand-ins:
#   1. an argument holding commas reaches natsgh as one argument;
#   2. npm warnings on stderr do not abort the install (5.1 with 2>&1 under 'Stop');
#   3. without Node.js it exits 2, as documented.
# Exits 1 naming the first failed check. 'Continue': Windows PowerShell 5.1 would
# otherwise throw on the stand-ins' stderr even when it is redirected to $null.
$ErrorActionPreference = 'Continue'
$repo = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
$shell = (Get-Process -Id $PID).Path
$work = Join-Path ([System.IO.Path]::GetTempPath()) ("natsgh-ps1-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $work | Out-Null

function Fail([string]$what) {
  [Console]::Error.WriteLine("check-bootstrap-ps1 ($shell): $what")
  exit 1
}

# A stand-in natsgh / bin/run.js: prints its arguments as JSON.
$echoJs = Join-Path $work 'echo-args.js'
Set-Content -Path $echoJs -Encoding ASCII -Value 'process.stdout.write(JSON.stringify(process.argv.slice(2)))'
$standIn = Join-Path $work 'natsgh.cmd'
Set-Content -Path $standIn -Encoding ASCII -Value "@node `"$echoJs`" %*"

# 1. commas
$env:NATSGH_BIN = $standIn
$out = & $shell -NoProfile -ExecutionPolicy Bypass -File (Join-Path $repo 'bootstrap.ps1') --tf-var 'region=eu,zones=a,b' --json
if ($LASTEXITCODE -ne 0) { Fail "NATSGH_BIN run exited $LASTEXITCODE" }
$got = ($out | Out-String).Trim() | ConvertFrom-Json
$want = @('bootstrap', '--tf-var', 'region=eu,zones=a,b', '--json')
if (($got -join '|') -ne ($want -join '|')) { Fail "arguments arrived as $($got -join '|'), not $($want -join '|')" }
$out = & $shell -NoProfile -ExecutionPolicy Bypass -Command "& '$(Join-Path $repo 'bootstrap.ps1')' --tf-var a=1,b=2"
$got = ($out | Out-String).Trim() | ConvertFrom-Json
if (($got -join '|') -ne 'bootstrap|--tf-var|a=1,b=2') { Fail "unquoted a=1,b=2 arrived as $($got -join '|')" }
Remove-Item Env:\NATSGH_BIN

# 2. npm warnings: a checkout without node_modules and dist, npm a stand-in that warns on stderr.
$checkout = Join-Path $work 'checkout'
New-Item -ItemType Directory -Path (Join-Path $checkout 'bin') | Out-Null
Copy-Item (Join-Path $repo 'bootstrap.ps1') $checkout
Copy-Item $echoJs (Join-Path $checkout 'bin/run.js')
$fakeBin = Join-Path $work 'fake-bin'
New-Item -ItemType Directory -Path $fakeBin | Out-Null
$npmJs = Join-Path $work 'npm.js'
Set-Content -Path $npmJs -Encoding ASCII -Value @'
const fs = require('fs');
process.stderr.write('npm warn deprecated inflight@1.0.6: This module is not supported\n');
if (process.argv[2] === 'ci') fs.mkdirSync('node_modules');
if (process.argv[2] === 'run') { fs.mkdirSync('dist/cli', { recursive: true }); fs.writeFileSync('dist/cli/version.js', ''); }
'@
Set-Content -Path (Join-Path $fakeBin 'npm.cmd') -Encoding ASCII -Value "@node `"$npmJs`" %*"
$savedPath = $env:PATH
$env:PATH = "$fakeBin;$savedPath"
$out = & $shell -NoProfile -ExecutionPolicy Bypass -File (Join-Path $checkout 'bootstrap.ps1') --json 2>$null
$code = $LASTEXITCODE
$env:PATH = $savedPath
if ($code -ne 0) { Fail "an npm warning made it exit $code" }
if (-not (Test-Path (Join-Path $checkout 'dist/cli/version.js'))) { Fail 'the build step did not run after npm ci warned' }
if ((($out | Out-String).Trim()) -ne '["bootstrap","--json"]') { Fail "stdout was not only natsgh's output: $out" }

# 3. no Node.js: exit 2
$env:PATH = Join-Path $env:SystemRoot 'System32'
& $shell -NoProfile -ExecutionPolicy Bypass -File (Join-Path $checkout 'bootstrap.ps1') --json 2>$null
$code = $LASTEXITCODE
$env:PATH = $savedPath
if ($code -ne 2) { Fail "without Node.js it exited $code, not 2" }

Remove-Item -Recurse -Force $work
Write-Output "check-bootstrap-ps1 ($shell): commas kept, npm warnings tolerated, exit 2 without Node.js"
