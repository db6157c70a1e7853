<#
.SYNOPSIS
Measures saving and loading a large network (about a million weights) as JSON, on this runtime's fast
path and on the exact algorithms that Windows PowerShell 5.1 (.NET Framework) runs.

.EXAMPLE
dotnet pwsh ./build.ps1 -Task Build; dotnet pwsh -NoProfile -File ./.build/Measure-ModelFile.ps1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/NeuronTools'),
    [int[]] $Shape = @(1000, 1000, 10),
    [int] $Repeat = 3
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$folder = Join-Path ([System.IO.Path]::GetTempPath()) ('neurontools-measure-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $folder
try {
    $network = New-NeuronNetwork -Shape $Shape -Seed 1
    $path = Join-Path $folder 'network.json'
    $exact = [NeuronTools.Neuron].Assembly.GetType('NeuronTools.DoubleText').GetProperty('ForceExactAlgorithms', [System.Reflection.BindingFlags]'NonPublic, Static')

    foreach ($mode in 'fast', 'exact') {
        $exact.SetValue($null, $mode -eq 'exact')
        try {
            $save = foreach ($i in 1..$Repeat) { (Measure-Command { Export-Neuron $network -Path $path -Force }).TotalSeconds }
            $load = foreach ($i in 1..$Repeat) { (Measure-Command { $script:back = Import-Neuron $path }).TotalSeconds }
        }
        finally { $exact.SetValue($null, $false) }

        $identical = $true
        foreach ($l in 0..($network.Layers.Count - 1)) {
            foreach ($j in 0..($network.Layers[$l].NeuronCount - 1)) {
                if (-not [System.Linq.Enumerable]::SequenceEqual([double[]]$back.Layers[$l].Weight[$j], [double[]]$network.Layers[$l].Weight[$j])) { $identical = $false }
            }
        }

        [pscustomobject]@{
            Algorithms     = $mode
            Parameters     = $network.ParameterCount
            FileMB         = [math]::Round((Get-Item $path).Length / 1MB, 1)
            SaveMedianSec  = [math]::Round(($save | Sort-Object)[[int][math]::Floor($Repeat / 2)], 2)
            LoadMedianSec  = [math]::Round(($load | Sort-Object)[[int][math]::Floor($Repeat / 2)], 2)
            BitIdentical   = $identical
        }
    }
}
finally {
    Remove-Item -LiteralPath $folder -Recurse -Force
}
