<#
.SYNOPSIS
Draws the README's figures with the built module: ./build.ps1 -Task Figures (or run it with -ModulePath).

.DESCRIPTION
Each figure is the article's example drawn by the cmdlets themselves, so the pictures in the README are
exactly what a user gets. A Pester test (tests/Show-Neuron.Tests.ps1) checks that the committed files
are what the current module draws; rerun this script after changing how figures are drawn.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/NeuronTools'),
    [string] $OutputFolder = $PSScriptRoot
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

# The article's neuron, on the article's kind of input.
$neuron = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -Name article
Show-Neuron $neuron 5, 3, 1 -OutFile (Join-Path $OutputFolder 'neuron-article.svg')

# The README's network, on the same input.
$hidden = New-NeuronLayer -Weight @(0.5, -1, 2), @(1, 0, -1) -Bias 0.5, 0 -Name hidden
$output = New-NeuronLayer -Weight @(1, -2), @(-1, 1) -Bias 0.25, 0 -Activation Sigmoid -Name output
$network = New-NeuronNetwork -Layer $hidden, $output -Name demo
Show-NeuronNetwork $network 5, 3, 1 -OutFile (Join-Path $OutputFolder 'network-demo.svg')

Get-ChildItem -LiteralPath $OutputFolder -Filter '*.svg'
