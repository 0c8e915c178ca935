#!/usr/bin/env pwsh
# Publishes the Native AOT single-file binary to dist/agentcore, then measures it:
#   size, median wall time of `agentcore --version` over 20 fresh processes, and of a small `agentcore tokens`
#   call once that verb exists. Writes dist/publish-report.json, appends a line to docs/publish-history.tsv and
#   fails (exit 3) when the size exceeds the budget in size-budget.txt.
# Same behaviour as publish.sh; .ci/run runs both (this one under PowerShell 7 from the tool manifest).
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = $PSScriptRoot
Set-Location $root
$runs = 20
$inv = [System.Globalization.CultureInfo]::InvariantCulture

$arch = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture
if ($IsWindows) { $os = 'win' } elseif ($IsMacOS) { $os = 'osx' } else { $os = 'linux' }
switch ($arch) {
  'X64' { $rid = "$os-x64" }
  'Arm64' { $rid = "$os-arm64" }
  default { Write-Error "publish.ps1: unsupported machine $arch"; exit 1 }
}
$exeName = if ($IsWindows) { 'agentcore.exe' } else { 'agentcore' }

dotnet publish src/AgentCore.Host/AgentCore.Host.csproj -c Release -r $rid -o artifacts/publish -nologo -v:q
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
New-Item -ItemType Directory -Force -Path dist | Out-Null
Copy-Item -Force (Join-Path artifacts/publish $exeName) (Join-Path dist $exeName)
$bin = Join-Path $root (Join-Path dist $exeName)

$size = (Get-Item $bin).Length
$budget = [long]((Get-Content size-budget.txt | Where-Object { $_ -match '^\s*[0-9]+\s*$' } | Select-Object -First 1).Trim())

# Median wall time in ms of N fresh processes; stdin of each run is $InputBytes (may be empty).
function Measure-MedianMs([byte[]]$InputBytes, [string[]]$Arguments) {
  $run = {
    $psi = [System.Diagnostics.ProcessStartInfo]::new($bin)
    foreach ($a in $Arguments) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.UseShellExecute = $false
    $sw = [System.Diagnostics.Stopwatch]::StartNew()
    $p = [System.Diagnostics.Process]::Start($psi)
    $p.StandardInput.BaseStream.Write($InputBytes, 0, $InputBytes.Length)
    $p.StandardInput.Close()
    $null = $p.StandardOutput.ReadToEnd()
    $p.WaitForExit()
    $sw.Stop()
    $sw.Elapsed.TotalMilliseconds
  }
  $null = & $run   # one untimed run: the binary is in the page cache for all measured runs alike
  $times = @(for ($i = 0; $i -lt $runs; $i++) { & $run }) | Sort-Object
  if ($runs % 2) { $m = $times[($runs - 1) / 2] } else { $m = ($times[$runs / 2 - 1] + $times[$runs / 2]) / 2 }
  return [Math]::Round($m, 2).ToString('0.00', $inv)
}

$versionMs = Measure-MedianMs ([byte[]]@()) @('--version')

$tokensMs = 'null'
$sample = [System.Text.Encoding]::UTF8.GetBytes("Hello, world! AgentCore counts tokens exactly as tiktoken does.`n")
& $bin tokens --help *> $null
$hasTokens = ($LASTEXITCODE -eq 0)
if ($hasTokens) { $tokensMs = Measure-MedianMs $sample @('tokens') }

$commit = (git rev-parse --short=12 HEAD 2>$null)
if ($LASTEXITCODE -ne 0 -or -not $commit) { $commit = 'unknown' }
$dateUtc = [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ', $inv)
$report = @"
{
  "date": "$dateUtc",
  "commit": "$commit",
  "rid": "$rid",
  "script": "publish.ps1",
  "sizeBytes": $size,
  "budgetBytes": $budget,
  "runs": $runs,
  "startupVersionMedianMs": $versionMs,
  "startupTokensMedianMs": $tokensMs
}
"@
[System.IO.File]::WriteAllText((Join-Path $root 'dist/publish-report.json'), $report.Replace("`r`n", "`n") + "`n")

$history = Join-Path $root 'docs/publish-history.tsv'
New-Item -ItemType Directory -Force -Path docs | Out-Null
if (-not (Test-Path $history)) {
  [System.IO.File]::WriteAllText($history, "date`tcommit`tscript`tsize_bytes`tversion_median_ms`ttokens_median_ms`n")
}
[System.IO.File]::AppendAllText($history, "$dateUtc`t$commit`tpublish.ps1`t$size`t$versionMs`t$tokensMs`n")

Write-Output "binary:   $bin"
Write-Output ("size:     $size bytes ({0} MiB), budget $budget bytes" -f ($size / 1048576).ToString('0.00', $inv))
Write-Output "startup:  agentcore --version median $versionMs ms over $runs runs"
if ($hasTokens) {
  Write-Output "startup:  agentcore tokens (one line on stdin) median $tokensMs ms over $runs runs"
  $psi = [System.Diagnostics.ProcessStartInfo]::new($bin, 'tokens')
  $psi.RedirectStandardInput = $true; $psi.RedirectStandardOutput = $true; $psi.UseShellExecute = $false
  $p = [System.Diagnostics.Process]::Start($psi)
  $p.StandardInput.BaseStream.Write($sample, 0, $sample.Length); $p.StandardInput.Close()
  Write-Output ("tokens:   " + $p.StandardOutput.ReadToEnd().TrimEnd("`n"))
  $p.WaitForExit()
}
Write-Output "report:   dist/publish-report.json"

if ($size -gt $budget) {
  [Console]::Error.WriteLine("publish.ps1: dist/$exeName is $size bytes, over the budget of $budget bytes in size-budget.txt")
  exit 3
}
exit 0
