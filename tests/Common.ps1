# Dot-sourced by every Pester file: imports the *built* module, never the source tree.
$modulePath = if ($env:NEURONTOOLS_MODULE_PATH) { $env:NEURONTOOLS_MODULE_PATH } else { Join-Path $PSScriptRoot '../out/NeuronTools' }
Import-Module $modulePath -Force -ErrorAction Stop

function Invoke-InCulture {
    # Runs a script block with the current culture set, then puts the culture back.
    param([string] $Culture, [scriptblock] $ScriptBlock)
    $saved = [cultureinfo]::CurrentCulture
    try {
        [cultureinfo]::CurrentCulture = $Culture
        & $ScriptBlock
    }
    finally {
        [cultureinfo]::CurrentCulture = $saved
    }
}

function Invoke-FreshPwsh {
    # Runs a command in a new 'pwsh -NoProfile' (under 'dotnet pwsh': dotnet plus pwsh.dll) and returns its output.
    param([string] $Command)
    $host_ = (Get-Process -Id $PID).Path
    $entry = [Environment]::GetCommandLineArgs()[0]
    $arguments = [System.Collections.Generic.List[string]]::new()
    if ($entry -like '*.dll') { $arguments.Add($entry) }
    $arguments.AddRange([string[]]@('-NoProfile', '-NonInteractive', '-Command', $Command))
    & $host_ $arguments
}

function Get-Expected {
    # A committed output of the core's tests (tests/NeuronTools.Core.Tests/Expected), as lines: the cmdlet
    # must write exactly what the core renders.
    param([string] $Name)
    $file = Join-Path $PSScriptRoot "NeuronTools.Core.Tests/Expected/$Name.txt"
    @((Get-Content -LiteralPath $file -Encoding utf8 -Raw).TrimEnd("`n") -split "`n")
}
