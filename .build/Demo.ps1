<#
.SYNOPSIS
A walk through the neuron of the article, step by step, with the real cmdlets of the built module.
#>
[CmdletBinding()]
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Write-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

# Negative numbers in brackets inside sums and products, as the article writes them: 3 * (-1).
function Format-Term([double] $Value) { if ($Value -lt 0) { "($Value)" } else { "$Value" } }

Write-Step 'A neuron: weights w1..w3 (the pipes), a bias b, and the activation ReLU'
$neuron = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -Activation ReLU -Name article
$neuron | Format-Table | Out-Host

Write-Step 'Inputs x1..x3 = 5, 3, 1 flow through the weights'
$result = Invoke-Neuron $neuron 5, 3, 1
for ($i = 0; $i -lt $neuron.InputCount; $i++) {
    Write-Host ("  w_out{0} = x{0} * w{0} = {1} * {2} = {3}" -f ($i + 1), (Format-Term $result.Input[$i]), (Format-Term $neuron.Weight[$i]), $result.WeightedInput[$i])
}

Write-Step 'Inside the neuron: a = w_out1 + w_out2 + w_out3 + b, then z = relu(a)'
Write-Host ("  a = {0} + {1} = {2}" -f (($result.WeightedInput | ForEach-Object { Format-Term $_ }) -join ' + '), (Format-Term $neuron.Bias), $result.PreActivation)
Write-Host ("  z = relu({0}) = max(0, {0}) = {1}" -f $result.PreActivation, $result.Output)
Write-Host ("  relu'({0}) = {1}" -f $result.PreActivation, $result.Derivative)

Write-Step 'Several inputs through the same neuron (one row each)'
@(5, 3, 1), @(1, 4, 0), @(0, 0, 0), @(2, 0.5, -1) | Invoke-Neuron $neuron | Format-Table | Out-Host

Write-Step 'ReLU itself: identity for positive values, zero for negative ones, relu''(0) = 0'
-2..2 | Get-ActivationValue ReLU | Format-Table | Out-Host

Write-Step 'A neuron''s output can feed the next neuron (as in multi-layer networks)'
$next = New-Neuron -Weight 1.5 -Bias -1 -Activation Sigmoid -Name next
$z1 = (Invoke-Neuron $neuron 5, 3, 1).Output
Invoke-Neuron $next $z1 | Format-Table | Out-Host

Write-Step 'Show-Neuron draws the article''s figure and writes out every step with the real numbers'
Show-Neuron $neuron 5, 3, 1 | Out-Host

Write-Step 'ReLU beside two other activations (Show-Activation; -OutFile chart.svg writes an SVG)'
Show-Activation ReLU, Sigmoid, Tanh -Minimum -3 -Maximum 3 -Width 70 -Height 14 | Out-Host

Write-Step 'Every activation function (Get-Activation NAME | Format-List shows formula, derivative and conventions)'
Get-Activation | Format-Wide Name -Column 5 | Out-Host
