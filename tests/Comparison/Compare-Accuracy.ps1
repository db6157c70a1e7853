<#
.SYNOPSIS
NeuronTools' side of the accuracy comparison with scikit-learn (README.md in this folder).

.DESCRIPTION
For each data set the same split as compare_sklearn.py (rows numbered from 0; row mod 4 = 3 is a test row),
written as train and test CSV files; then the real cmdlets, as a user runs them: Import-Csv train.csv |
Invoke-NeuronTraining -Target <class> -Scaling Standard (16 hidden ReLU neurons, and no hidden layer: the
logistic regression), Export-Neuron to JSON, and the test file scored in a NEW pwsh process that imports the
saved model (Import-Neuron | Invoke-NeuronNetwork -AsProperty Predicted). The accuracy is the share of test
rows whose Predicted is the true class; the new process's labels are also compared with this process's.
Writes neurontools-accuracy.tsv and prints the table with scikit-learn's (sklearn-accuracy.tsv).

.EXAMPLE
./build.ps1 -Task Build; pwsh -NoProfile -File tests/Comparison/Compare-Accuracy.ps1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/NeuronTools/NeuronTools.psd1'),
    [int] $Epoch = 300,
    [int] $Seed = 1
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
Import-Module $ModulePath -Force
$work = Join-Path ([IO.Path]::GetTempPath()) ('neurontools-comparison-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
$null = New-Item -ItemType Directory -Path $work
$data = Join-Path $PSScriptRoot '../Data'

$sets = @(
    @{ Name = 'iris'; File = 'iris.csv'; Target = 'species_name'; Exclude = @('species') }
    @{ Name = 'wine'; File = 'wine.csv'; Target = 'cultivar'; Exclude = @() }
    @{ Name = 'breast_cancer'; File = 'breast_cancer.csv'; Target = 'diagnosis'; Exclude = @() }
    @{ Name = 'digits'; File = 'digits.csv'; Target = 'digit'; Exclude = @() }
)
$models = @(
    @{ Name = "Invoke-NeuronTraining -Scaling Standard -HiddenLayer 16"; Hidden = @(16) }
    @{ Name = "Invoke-NeuronTraining -Scaling Standard -HiddenLayer 0"; Hidden = @(0) }
)

$results = foreach ($set in $sets) {
    $rows = @(Import-Csv (Join-Path $data $set.File))
    $trainFile = Join-Path $work "$($set.Name)-train.csv"
    $testFile = Join-Path $work "$($set.Name)-test.csv"
    $columns = @($rows[0].PSObject.Properties.Name | Where-Object { $_ -notin $set.Exclude })
    @(for ($i = 0; $i -lt $rows.Count; $i++) { if ($i % 4 -ne 3) { $rows[$i] } }) | Select-Object $columns | Export-Csv $trainFile
    @(for ($i = 0; $i -lt $rows.Count; $i++) { if ($i % 4 -eq 3) { $rows[$i] } }) | Select-Object $columns | Export-Csv $testFile

    foreach ($model in $models) {
        $trained = Import-Csv $trainFile | Invoke-NeuronTraining -Target $set.Target -HiddenLayer $model.Hidden -Scaling Standard -Epoch $Epoch -Seed $Seed
        $modelFile = Join-Path $work "$($set.Name)-$($model.Hidden[0]).json"
        $trained | Export-Neuron -Path $modelFile -Force
        $here = @(Import-Csv $testFile | Invoke-NeuronNetwork $trained -AsProperty Predicted | ForEach-Object Predicted)

        # The saved model in a new process, on the raw test file: what a scheduled job does.
        $scored = Join-Path $work "$($set.Name)-$($model.Hidden[0])-scored.csv"
        $job = "Import-Module '$ModulePath'; `$m = Import-Neuron -Path '$modelFile'; Import-Csv '$testFile' | Invoke-NeuronNetwork `$m -AsProperty Predicted | Export-Csv '$scored'"
        # Under 'dotnet pwsh' the process is dotnet and pwsh.dll its first argument.
        $entry = [Environment]::GetCommandLineArgs()[0]
        $arguments = @(if ($entry -like '*.dll') { $entry }) + @('-NoProfile', '-NonInteractive', '-Command', $job)
        & (Get-Process -Id $PID).Path $arguments
        if ($LASTEXITCODE -ne 0) { throw "Scoring in a new process failed for $($set.Name)." }
        $there = @(Import-Csv $scored)
        $right = @($there | Where-Object { $_.Predicted -eq $_.($set.Target) }).Count
        $same = ($there.Count -eq $here.Count) -and -not (Compare-Object $here @($there.Predicted) -SyncWindow 0)
        [pscustomobject]@{
            dataset = $set.Name
            train_rows = $rows.Count - $there.Count
            test_rows = $there.Count
            model = $model.Name
            accuracy = '{0:0.0000}' -f ($right / $there.Count)
            same_labels_in_new_process = $same
        }
    }
}

$out = Join-Path $PSScriptRoot 'neurontools-accuracy.tsv'
$results | ConvertTo-Csv -Delimiter "`t" -UseQuotes Never | Set-Content $out
Remove-Item $work -Recurse -Force

$sklearn = Import-Csv (Join-Path $PSScriptRoot 'sklearn-accuracy.tsv') -Delimiter "`t"
foreach ($set in $sets) {
    $best = ($sklearn | Where-Object dataset -eq $set.Name | Measure-Object { [double]$_.accuracy } -Maximum).Maximum
    foreach ($r in @($sklearn | Where-Object dataset -eq $set.Name) + @($results | Where-Object dataset -eq $set.Name)) {
        [pscustomobject]@{ Dataset = $set.Name; Model = $r.model; Accuracy = $r.accuracy; 'Points vs best scikit-learn' = '{0:+0.0;-0.0;0.0}' -f (100 * ([double]$r.accuracy - $best)) }
    }
}
