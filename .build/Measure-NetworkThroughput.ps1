<#
.SYNOPSIS
Measures Invoke-NeuronNetwork against Invoke-Neuron side by side in one run (medians of 5, and ratios).

.EXAMPLE
dotnet pwsh ./build.ps1 -Task Build; dotnet pwsh -NoProfile -File ./.build/Measure-NetworkThroughput.ps1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/NeuronTools'),
    [int] $RowCount = 20000,
    [int] $Repeat = 5
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

$neuron = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5
$small = New-NeuronNetwork -Shape 3, 4, 2 -Activation ReLU, Sigmoid -Seed 1
$wide = New-NeuronNetwork -Shape 3, 64, 64, 2 -Activation ReLU, Tanh, Sigmoid -Seed 1
$list = [System.Collections.Generic.List[object]]::new()
foreach ($i in 1..$RowCount) { $list.Add([double[]]@((($i % 7) - 3), (($i % 5) * 0.5), (($i % 3) - 1))) }
$rows = $list.ToArray()
$x = [double[]](1, 0.5, -1)

$times = [ordered]@{ Neuron = @(); Small = @(); Wide = @(); Core = @() }
foreach ($run in 1..$Repeat) {
    # Interleaved, so that machine noise falls on every variant alike.
    $times.Neuron += (Measure-Command { $rows | Invoke-Neuron $neuron | Out-Null }).TotalMilliseconds
    $times.Small += (Measure-Command { $rows | Invoke-NeuronNetwork $small | Out-Null }).TotalMilliseconds
    $times.Wide += (Measure-Command { $rows | Invoke-NeuronNetwork $wide | Out-Null }).TotalMilliseconds
    $times.Core += (Measure-Command { foreach ($row in $rows) { $null = $wide.Evaluate($row) } }).TotalMilliseconds
}

function Get-Median([double[]] $Values) { ($Values | Sort-Object)[[int][math]::Floor($Values.Count / 2)] }
$baseline = Get-Median $times.Neuron
$labels = [ordered]@{
    Neuron = 'Invoke-Neuron, 3 inputs'
    Small  = 'Invoke-NeuronNetwork, 3-4-2'
    Wide   = 'Invoke-NeuronNetwork, 3-64-64-2'
    Core   = 'NeuronNetwork.Evaluate, 3-64-64-2 (foreach)'
}
foreach ($key in $labels.Keys) {
    $median = Get-Median $times[$key]
    [pscustomobject]@{
        Case        = $labels[$key]
        MedianMs    = [math]::Round($median, 1)
        MicrosPerRow = [math]::Round($median * 1000 / $RowCount, 2)
        VsNeuron    = [math]::Round($median / $baseline, 2)
    }
}
