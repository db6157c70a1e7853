<#
.SYNOPSIS
Times Invoke-NeuronTraining against the same training in PyTorch, side by side, at the three sizes of issue 14.

.DESCRIPTION
For each size (4-16-3 on 10,000 rows, 64-128-10 on 10,000 rows, 784-256-10 on 5,000 rows) and batch size (32,
256): a ReLU MLP with an Identity output read as logits, CrossEntropy, Adam (learning rate 0.001), trained for
4, 2 and 1 epochs respectively (rows·epochs per second is the figure, so the epoch count only sets how long a run
takes), by NeuronTools (this process, through the cmdlet, end to end: binding the rows, training, building
the returned network) and by PyTorch (train_torch.py in Debian's /usr/bin/python3: CPU, float64,
torch.set_num_threads(-TorchThreads, 2 by default), timed around its training loop only, which favours PyTorch). The two alternate, one run
each per round, for -Repeat rounds; medians of rows·epochs per second are compared. The data are synthetic: inputs
uniform in [-1, 1], the class the largest of c fixed random linear scores (BenchData.TrainingSet), written once
as raw float64 for PyTorch.

Which build runs is whatever NeuronTools.psm1 loaded in this process: set NEURONTOOLS_FRAMEWORK=netstandard2.0
(or NEURONTOOLS_SIMD=0) before starting it for the Windows PowerShell build's figures.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BenchAssembly,
    [int] $Repeat = 3,
    [double] $Scale = 1,
    [string] $Python = '/usr/bin/python3',
    # The issue's comparison is 2 threads; 1 shows how much PyTorch's OpenMP threads lose on a busy 2-core machine.
    [int] $TorchThreads = 2,
    [string] $ResultFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $ModulePath -Force
Import-Module $BenchAssembly -Force
$bench = [NeuronTools.Benchmarks.BenchData]

function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

$core = [NeuronTools.Neuron].Assembly
$framework = Split-Path -Leaf (Split-Path -Parent $core.Location)
$path = $core.GetType('NeuronTools.DotProduct').GetProperty('PathName', [Reflection.BindingFlags]'Static, NonPublic').GetValue($null)
Write-Host "NeuronTools build: $framework, dot-product path: $path" -ForegroundColor Cyan

$sizes = @(
    @{ Shape = 4, 16, 3; Rows = 10000; Epoch = 4 }
    @{ Shape = 64, 128, 10; Rows = 10000; Epoch = 2 }
    @{ Shape = 784, 256, 10; Rows = 5000; Epoch = 1 }
)
$temp = [IO.Path]::GetTempPath()
$results = foreach ($size in $sizes) {
    $shape = [int[]] $size.Shape
    $rowCount = [int] [math]::Max(100, $size.Rows * $Scale)
    $epoch = [int] $size.Epoch
    $set = $bench::TrainingSet($rowCount, $shape[0], $shape[2], 1)
    $xFile = Join-Path $temp "neurontools-torch-x-$PID.bin"
    $yFile = Join-Path $temp "neurontools-torch-y-$PID.bin"
    $bench::WriteTrainingSet($set, $xFile, $yFile)
    $start = New-NeuronNetwork -Shape $shape -Activation ReLU, Identity -Initialization HeUniform -Seed 1
    try {
        foreach ($batch in 32, 256) {
            $label = '{0} on {1:N0} rows, batch {2}' -f ($shape -join '-'), $rowCount, $batch
            $train = { Invoke-NeuronTraining $start -InputObject $set.Input -Target $set.Class -Loss CrossEntropy -Optimizer Adam -LearningRate 0.001 -Epoch $epoch -BatchSize $batch -Seed 1 }
            $null = Invoke-NeuronTraining $start -InputObject $set.Input -Target $set.Class -Loss CrossEntropy -Optimizer Adam -LearningRate 0.001 -Epoch 1 -BatchSize $batch -Seed 1
            $ours = [System.Collections.Generic.List[double]]::new()
            $theirs = [System.Collections.Generic.List[double]]::new()
            $torch = $null
            for ($round = 0; $round -lt $Repeat; $round++) {
                $runOurs = {
                    [GC]::Collect()
                    $watch = [System.Diagnostics.Stopwatch]::StartNew()
                    $script:model = & $train
                    $ours.Add($watch.Elapsed.TotalSeconds)
                }
                $runTorch = {
                    $json = & env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $Python (Join-Path $PSScriptRoot 'train_torch.py') $xFile $yFile ($shape -join ',') $epoch $batch 0.001 1 $TorchThreads
                    if ($LASTEXITCODE -ne 0) { throw "train_torch.py failed with exit code $LASTEXITCODE." }
                    $script:torch = $json | ConvertFrom-Json
                    $theirs.Add([double] $torch.seconds[0])
                }
                if ($round % 2) { & $runTorch; & $runOurs } else { & $runOurs; & $runTorch }
                Write-Host ('  {0} round {1}/{2}: NeuronTools {3:N3} s, PyTorch {4:N3} s' -f $label, ($round + 1), $Repeat, $ours[$round], $theirs[$round])
            }
            $work = [double] $rowCount * $epoch
            $oursMedian = Get-Median $ours.ToArray()
            $theirMedian = Get-Median $theirs.ToArray()
            [pscustomobject]@{
                Size                       = $label
                Build                      = "$framework ($path)"
                'NeuronTools rows·epochs/s' = [math]::Round($work / $oursMedian)
                'PyTorch rows·epochs/s'     = [math]::Round($work / $theirMedian)
                'NeuronTools ÷ PyTorch'     = [math]::Round($theirMedian / $oursMedian, 2)
                'spread (max/min) ours'     = [math]::Round(($ours | Measure-Object -Maximum).Maximum / ($ours | Measure-Object -Minimum).Minimum, 2)
                'spread theirs'             = [math]::Round(($theirs | Measure-Object -Maximum).Maximum / ($theirs | Measure-Object -Minimum).Minimum, 2)
                'NeuronTools loss'          = [math]::Round($model.TrainingHistory.FinalLoss, 4)
                'PyTorch loss'              = [math]::Round([double] $torch.loss, 4)
                Met                        = if ($theirMedian / $oursMedian -ge 1) { 'yes' } else { 'NO' }
                Torch                      = "torch $($torch.torch), $($torch.threads) threads, BLAS: " + ((@($torch.loaded) | Split-Path -Leaf) -join ', ')
            }
        }
    }
    finally {
        Remove-Item -LiteralPath $xFile, $yFile -ErrorAction SilentlyContinue
    }
}
$results | Select-Object -Property * -ExcludeProperty Torch | Format-Table -AutoSize | Out-String -Width 300 | Out-Host
Write-Host ($results | Select-Object -First 1).Torch
if ($ResultFile) { $results | ConvertTo-Json | Set-Content -LiteralPath $ResultFile }
