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

function New-MixedInputRow {
    # Six rows for a model with the inputs cpu, memory, errors, in the forms and faults users send:
    # 0 an object (5, 3, 1); 1 an object missing memory and errors (MissingInput); 2 a hashtable (1, 4, 0);
    # 3 an object whose cpu is 'x' (InvalidInputValue); 4 the vector (0, 0, 0); 5 an object (2, 0, 0).
    @(
        [pscustomobject]@{ id = 0; cpu = 5; memory = 3; errors = 1 }
        [pscustomobject]@{ id = 1; cpu = 5 }
        @{ id = 2; cpu = 1; memory = 4; errors = 0 }
        [pscustomobject]@{ id = 3; cpu = 'x'; memory = 0; errors = 0 }
        , @(0, 0, 0)
        [pscustomobject]@{ id = 5; cpu = 2; memory = 0; errors = 0 }
    )
}

function Get-Expected {
    # A committed output of the core's tests (tests/NeuronTools.Core.Tests/Expected), as lines: the cmdlet
    # must write exactly what the core renders.
    param([string] $Name)
    $file = Join-Path $PSScriptRoot "NeuronTools.Core.Tests/Expected/$Name.txt"
    @((Get-Content -LiteralPath $file -Encoding utf8 -Raw).TrimEnd("`n") -split "`n")
}
