<#
.SYNOPSIS
Times Invoke-NeuronTraining against the same training written with numpy, side by side in one run.

.DESCRIPTION
Trains a 4-16-3 network (ReLU hidden layer, Identity output read as logits, CrossEntropy) for -Epoch
epochs on -RowCount synthetic rows of 4 inputs and 3 classes, with each -Optimizer and -BatchSize, and
times the same training written with numpy (train_numpy.py, run by Debian's /usr/bin/python3 with
OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for that command only). Reports the median of -Repeat runs
as rows·epochs per second and NeuronTools' speed as a multiple of numpy's.

NeuronTools is timed through the cmdlet, end to end: reading the 10,000 vectors from the parameter,
training, and building the returned network. numpy is timed around its training loop only (after
loading the CSV), which favours numpy.

.EXAMPLE
dotnet pwsh ./build.ps1 -Task Build; dotnet pwsh -NoProfile ./tests/Benchmarks/Training/Measure-Training.ps1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../out/NeuronTools'),
    [int] $RowCount = 10000,
    [int] $Epoch = 100,
    [int] $Repeat = 3,
    [int[]] $BatchSize = @(32, 256),
    [ValidateSet('SGD', 'Adam')]
    [string[]] $Optimizer = @('SGD', 'Adam'),
    [string] $Python = '/usr/bin/python3'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $ModulePath -Force

# Synthetic, reproducible data: 4 inputs in [-1, 1], the class is the largest of three linear scores.
$random = [System.Random]::new(1)
$rows = [double[][]]::new($RowCount)
$classes = [int[]]::new($RowCount)
$lines = [System.Collections.Generic.List[string]]::new($RowCount + 1)
$lines.Add('x1,x2,x3,x4,class')
for ($r = 0; $r -lt $RowCount; $r++) {
    $x = [double[]]::new(4)
    for ($i = 0; $i -lt 4; $i++) { $x[$i] = [math]::Round($random.NextDouble() * 2 - 1, 6) }
    $scores = @(($x[0] + $x[1]), ($x[2] - $x[0]), (0.5 * $x[3] - 0.25 * $x[1]))
    $class = [array]::IndexOf($scores, ($scores | Measure-Object -Maximum).Maximum)
    $rows[$r] = $x
    $classes[$r] = $class
    $lines.Add((($x | ForEach-Object { $_.ToString('R', [cultureinfo]::InvariantCulture) }) -join ',') + ",$class")
}
$dataFile = Join-Path ([System.IO.Path]::GetTempPath()) "neurontools-training-bench-$RowCount.csv"
[System.IO.File]::WriteAllLines($dataFile, $lines)

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

$work = [double]$RowCount * $Epoch
$numpyAvailable = (Test-Path $Python) -and (Get-Command env -ErrorAction SilentlyContinue)
foreach ($name in $Optimizer) {
    $rate = if ($name -eq 'SGD') { 0.1 } else { 0.01 }
    foreach ($batch in $BatchSize) {
        $start = New-NeuronNetwork -Shape 4, 16, 3 -Activation ReLU, Identity -Initialization HeUniform -Seed 1
        $seconds = foreach ($run in 1..$Repeat) {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $model = Invoke-NeuronTraining $start -InputObject $rows -Target $classes -Loss CrossEntropy -Optimizer $name -LearningRate $rate -Epoch $Epoch -BatchSize $batch -Seed 1
            $watch.Elapsed.TotalSeconds
        }
        $ours = Get-Median $seconds

        $numpy = $null
        if ($numpyAvailable) {
            $json = & env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $Python (Join-Path $PSScriptRoot 'train_numpy.py') $dataFile $Epoch $batch $name $rate $Repeat
            if ($LASTEXITCODE -ne 0) { throw "train_numpy.py failed with exit code $LASTEXITCODE." }
            $numpy = $json | ConvertFrom-Json
        }
        $numpySeconds = if ($numpy) { Get-Median $numpy.seconds } else { [double]::NaN }

        [pscustomobject]@{
            Optimizer             = $name
            BatchSize             = $batch
            'NeuronTools s'       = [math]::Round($ours, 3)
            'NeuronTools rows·epochs/s' = [math]::Round($work / $ours)
            'numpy s'             = [math]::Round($numpySeconds, 3)
            'numpy rows·epochs/s' = if ($numpy) { [math]::Round($work / $numpySeconds) } else { $null }
            'NeuronTools ÷ numpy' = if ($numpy) { [math]::Round($numpySeconds / $ours, 2) } else { $null }
            'NeuronTools loss'    = [math]::Round($model.TrainingHistory.FinalLoss, 4)
            'numpy loss'          = if ($numpy) { [math]::Round([double]$numpy.loss, 4) } else { $null }
        }
    }
}
