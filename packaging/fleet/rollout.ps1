# Fleet roll-out of bedrock-setup on Windows (Intune platform script, SCCM; runs as SYSTEM): writes the managed
# settings from a team preset, then records `bedrock-setup verify --json`. The twin of rollout.sh; see
# docs/administrators.md ("Device-management scripts").
#
#   rollout.ps1 -Preset URL-OR-FILE [-Output FILE] [-VerifyOnly | -NoVerify] [-InitArgs @('--skip-probe')]
#
# The command run is $env:BEDROCK_SETUP (e.g. "java -jar C:\Program Files\bedrock-setup\bedrock-setup.jar"), else
# bedrock-setup on PATH. Exit codes are bedrock-setup's: 0 set up and verified; 1 verify found a problem (the JSON
# says which); 2 the preset or flags are wrong, or it changed since it was pinned (fix it, do not retry); 3 a local
# problem, or -Output not writable (retry later); 4 AWS or network, e.g. the preset URL did not answer (retry later).
# Only verify's JSON goes to the output; init's messages go to stderr, into the tool's log.
[CmdletBinding()]
param(
    [string] $Preset,
    [string] $Output,
    [switch] $VerifyOnly,
    [switch] $NoVerify,
    [string[]] $InitArgs = @()
)

function Stop-Rollout([int] $Code, [string] $Message) {
    [Console]::Error.WriteLine("rollout.ps1: $Message")
    exit $Code
}

if ($VerifyOnly -and $NoVerify) { Stop-Rollout 2 '-VerifyOnly and -NoVerify leave nothing to do' }
if (-not $VerifyOnly -and [string]::IsNullOrEmpty($Preset)) {
    Stop-Rollout 2 '-Preset is required (a file or an https:// URL)'
}

# "java -jar C:\...\bedrock-setup.jar": the program, then its own arguments; a quoted path stays whole
$command = if ($env:BEDROCK_SETUP) { $env:BEDROCK_SETUP } else { 'bedrock-setup' }
# @(...): one word must stay an array, or $words[0] would be its first character
$words = @([regex]::Matches($command, '"[^"]*"|\S+') | ForEach-Object { $_.Value.Trim('"') })
$program = $words[0]
$programArgs = @($words | Select-Object -Skip 1)

$temp = $null
if (-not $NoVerify -and $Output) {
    # before anything is changed: the report must have somewhere to go
    $temp = "$Output.tmp.$PID"
    try {
        [System.IO.File]::WriteAllText($temp, '')
    } catch {
        Stop-Rollout 3 "cannot write $Output (its folder must exist and be writable); nothing done"
    }
}

if (-not $VerifyOnly) {
    # init's stdout (a --dry-run diff) joins the log on stderr: stdout is for the JSON
    & $program @programArgs init --yes --scope managed --preset $Preset @InitArgs | ForEach-Object {
        [Console]::Error.WriteLine($_)
    }
    $status = $LASTEXITCODE
    if ($status -ne 0) {
        if ($temp) { Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue }
        Stop-Rollout $status "bedrock-setup init exited $status; nothing verified"
    }
}
if ($NoVerify) { exit 0 }

if (-not $Output) {
    & $program @programArgs verify --json
    exit $LASTEXITCODE
}
$json = & $program @programArgs verify --json
$status = $LASTEXITCODE
if ($status -eq 0 -or $status -eq 1) {
    try {
        # UTF-8 without a byte-order mark, as the JSON came; then one rename, so a collector never sees half of it
        [System.IO.File]::WriteAllText($temp, (($json -join "`n") + "`n"), (New-Object System.Text.UTF8Encoding $false))
        Move-Item -LiteralPath $temp -Destination $Output -Force
    } catch {
        Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue
        Stop-Rollout 3 "cannot write $Output"
    }
    exit $status
}
Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue
Stop-Rollout $status "bedrock-setup verify exited $status; no JSON written to $Output"
