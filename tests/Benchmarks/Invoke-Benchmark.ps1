<#
.SYNOPSIS
Runs the NeuronTools benchmarks and prints a table of medians and ratios against the issue's goals.

.DESCRIPTION
Run by 'build.ps1 -Task Bench' in a fresh pwsh -NoProfile. Every goal is a ratio of variants measured side
by side in this one run: the variants of a benchmark are interleaved (their order rotates each repetition)
and the medians compared, because the machine is small and shared. Child processes (memory, start-up) are
interleaved the same way.

.PARAMETER Quick
Sizes and repetitions cut about tenfold, for development. The recorded figures use the full sizes.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BenchAssembly,
    [string] $ResultFile,
    [switch] $Quick,
    # Which benchmarks run (names, or one comma-separated string, as pwsh -File passes it); the netstandard2.0
    # pass of 'build.ps1 -Task Bench' skips memory and start-up.
    [string[]] $Benchmark = @('Streaming', 'Csv', 'Batch', 'Memory', 'Startup')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Benchmark = @($Benchmark | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
foreach ($name in $Benchmark) {
    if ($name -notin 'Streaming', 'Csv', 'Batch', 'Memory', 'Startup') { throw "Unknown benchmark '$name': give Streaming, Csv, Batch, Memory or Startup." }
}

Import-Module $ModulePath -Force
Import-Module $BenchAssembly -Force
$bench = [NeuronTools.Benchmarks.BenchData]
$scale = if ($Quick) { 10 } else { 1 }
$repeats = if ($Quick) { 3 } else { 5 }

$results = [System.Collections.Generic.List[object]]::new()
$goals = [System.Collections.Generic.List[object]]::new()

function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $middle = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Measure-Interleaved {
    # Times each variant $Repeats times, rotating their order each round, after a warm-up so that JIT
    # compilation is not timed. Returns variant name -> median wall-clock seconds, and fills $script:cpuMedian
    # with the median CPU seconds of the whole process (all threads, so the GC's too): on a shared machine
    # wall-clock time includes waiting for a core, CPU time does not.
    param([string] $Benchmark, [System.Collections.Specialized.OrderedDictionary] $Variants, [int] $Repeats, [scriptblock] $WarmUp)
    if ($WarmUp) { & $WarmUp }
    $names = @($Variants.Keys)
    $times = @{}
    $cpuTimes = @{}
    foreach ($name in $names) { $times[$name] = [System.Collections.Generic.List[double]]::new(); $cpuTimes[$name] = [System.Collections.Generic.List[double]]::new() }
    for ($round = 0; $round -lt $Repeats; $round++) {
        for ($k = 0; $k -lt $names.Count; $k++) {
            $name = $names[($k + $round) % $names.Count]
            [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
            $cpuBefore = [System.Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
            $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
            $null = & $Variants[$name]
            $stopwatch.Stop()
            $cpuAfter = [System.Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
            $times[$name].Add($stopwatch.Elapsed.TotalSeconds)
            $cpuTimes[$name].Add(($cpuAfter - $cpuBefore).TotalSeconds)
        }
        Write-Host ("  {0} round {1}/{2}: {3}" -f $Benchmark, ($round + 1), $Repeats, (($names | ForEach-Object { '{0} {1:N3}s (cpu {2:N3}s)' -f $_, $times[$_][$round], $cpuTimes[$_][$round] }) -join ', '))
    }
    $medians = [ordered]@{}
    $script:cpuMedian = [ordered]@{}
    foreach ($name in $names) {
        $medians[$name] = Get-Median $times[$name].ToArray()
        $script:cpuMedian[$name] = Get-Median $cpuTimes[$name].ToArray()
        $results.Add([pscustomobject]@{
                Benchmark = $Benchmark; Variant = $name; MedianSeconds = $medians[$name]; MedianCpuSeconds = $script:cpuMedian[$name]
                Runs = ($times[$name] | ForEach-Object { [math]::Round($_, 4) }) -join ' '
            })
    }
    $medians
}

function Add-Goal([string] $Goal, [string] $Measured, [double] $Value, [string] $Target, [object] $Met, [object] $CpuValue = $null) {
    # Value (and Met) come from wall-clock medians; CpuValue is the same ratio from CPU-time medians. A $null Met
    # is a figure recorded beside a goal, with no target of its own.
    $goals.Add([pscustomobject]@{
            Goal = $Goal; Measured = $Measured; Value = [math]::Round($Value, 3); Target = $Target; Met = if ($null -eq $Met) { '' } elseif ($Met) { 'yes' } else { 'NO' }
            CpuValue = if ($null -ne $CpuValue) { [math]::Round([double] $CpuValue, 3) } else { '' }
        })
}

function Get-ChildPwsh {
    # The pwsh running this script, so that child sessions use the same PowerShell: under 'dotnet pwsh'
    # that is dotnet plus pwsh.dll.
    $process = (Get-Process -Id $PID).Path
    $entry = [Environment]::GetCommandLineArgs()[0]
    if ($entry -like '*.dll') { return @($process, $entry) }
    @($process)
}

# What a user writes without this module: the same neuron as an advanced function emitting [pscustomobject]s.
function Invoke-PSNeuron {
    [CmdletBinding()]
    param([double[]] $Weight, [double] $Bias, [Parameter(ValueFromPipeline)] $InputObject)
    process {
        $a = 0.0
        for ($i = 0; $i -lt $Weight.Length; $i++) { $a += $Weight[$i] * $InputObject[$i] }
        $a += $Bias
        [pscustomobject]@{ Input = $InputObject; PreActivation = $a; Output = [math]::Max(0.0, $a) }
    }
}

$cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
$machine = [ordered]@{
    Date = (Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture) + ' UTC'
    Cpu = $cpu
    Cores = [Environment]::ProcessorCount
    PowerShell = $PSVersionTable.PSVersion.ToString()
    Runtime = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
    Quick = [bool] $Quick
}
$core = [NeuronTools.Neuron].Assembly
$machine.Build = Split-Path -Leaf (Split-Path -Parent $core.Location)
$machine.DotProduct = $core.GetType('NeuronTools.DotProduct').GetProperty('PathName', [Reflection.BindingFlags]'Static, NonPublic').GetValue($null)
Write-Host ("Machine: {0}, {1} cores, PowerShell {2} on {3}; NeuronTools build {4}, dot-product path {5}" -f $machine.Cpu, $machine.Cores, $machine.PowerShell, $machine.Runtime, $machine.Build, $machine.DotProduct) -ForegroundColor Cyan

# Child processes (memory, start-up) run the same pwsh as this script.
$pwsh = @(Get-ChildPwsh)
$pwshExtra = @($pwsh | Select-Object -Skip 1)

# 1. Streaming --------------------------------------------------------------------------------------------
if ('Streaming' -in $Benchmark) {
    foreach ($shape in @(@{ Rows = 1000000 / $scale; Length = 3 }, @{ Rows = 100000 / $scale; Length = 64 })) {
        $rows = [int] $shape.Rows
        $length = [int] $shape.Length
        $label = 'stream {0:N0} x {1}' -f $rows, $length
        Write-Host "Benchmark: $label" -ForegroundColor Cyan
        $weight = [double[]] (1..$length | ForEach-Object { (($_ % 7) - 3) / 4 })
        $neuron = New-Neuron -Weight $weight -Bias 0.25
        $vectors = $bench::Vectors($rows, $length, 1)
        $warm = $bench::Vectors(2000, $length, 2)
        $variants = [ordered]@{
            'empty cmdlet' = { $vectors | Invoke-EmptyNeuron $neuron | Out-Null }
            'Invoke-Neuron' = { $vectors | Invoke-Neuron $neuron | Out-Null }
            'PowerShell function' = { $vectors | Invoke-PSNeuron -Weight $weight -Bias 0.25 | Out-Null }
        }
        $warmUp = { foreach ($i in 1..3) { $warm | Invoke-EmptyNeuron $neuron | Out-Null; $warm | Invoke-Neuron $neuron | Out-Null; $warm | Invoke-PSNeuron -Weight $weight -Bias 0.25 | Out-Null } }
        $median = Measure-Interleaved -Benchmark $label -Variants $variants -Repeats $repeats -WarmUp $warmUp
        foreach ($name in @($median.Keys)) { Write-Host ('  {0,-20} {1,8:N3} us/row' -f $name, ($median[$name] / $rows * 1e6)) }
        $overEmpty = $median['Invoke-Neuron'] / $median['empty cmdlet']
        $speedUp = $median['PowerShell function'] / $median['Invoke-Neuron']
        Add-Goal "1. $label" 'Invoke-Neuron / empty cmdlet' $overEmpty '<= 1.15' ($overEmpty -le 1.15) ($cpuMedian['Invoke-Neuron'] / $cpuMedian['empty cmdlet'])
        Add-Goal "1. $label" 'PowerShell function / Invoke-Neuron' $speedUp '>= 5' ($speedUp -ge 5) ($cpuMedian['PowerShell function'] / $cpuMedian['Invoke-Neuron'])
        Remove-Variable vectors, warm
    }
}

# 2. CSV rows ---------------------------------------------------------------------------------------------
if ('Csv' -in $Benchmark) {
    $csvRows = 200000 / $scale
    $label = 'Import-Csv {0:N0} rows x 8 columns' -f $csvRows
    Write-Host "Benchmark: $label" -ForegroundColor Cyan
    $columns = 'cpu', 'memory', 'disk', 'network', 'errors', 'latency'
    $csv = Join-Path ([IO.Path]::GetTempPath()) "neurontools-bench-$PID.csv"
    $warmCsv = Join-Path ([IO.Path]::GetTempPath()) "neurontools-bench-warm-$PID.csv"
    try {
        $bench::WriteCsv($csv, $csvRows, [string[]] $columns, 1)
        $bench::WriteCsv($warmCsv, 2000, [string[]] $columns, 2)
        $csvWeight = [ordered]@{}
        foreach ($column in $columns) { $csvWeight[$column] = 0.01 }
        $csvNeuron = New-Neuron -Weight $csvWeight -Bias -1
        $variants = [ordered]@{
            'ForEach-Object { $_ }' = { Import-Csv $csv | ForEach-Object { $_ } | Out-Null }
            'Invoke-Neuron' = { Import-Csv $csv | Invoke-Neuron $csvNeuron | Out-Null }
        }
        $warmUp = { foreach ($i in 1..3) { Import-Csv $warmCsv | ForEach-Object { $_ } | Out-Null; Import-Csv $warmCsv | Invoke-Neuron $csvNeuron | Out-Null } }
        $median = Measure-Interleaved -Benchmark $label -Variants $variants -Repeats $repeats -WarmUp $warmUp
        foreach ($name in @($median.Keys)) { Write-Host ('  {0,-22} {1,8:N3} us/row' -f $name, ($median[$name] / $csvRows * 1e6)) }
        $added = $median['Invoke-Neuron'] / $median['ForEach-Object { $_ }'] - 1
        Add-Goal "2. $label" 'time added to Import-Csv | ForEach-Object { $_ }' $added '<= 0.10' ($added -le 0.10) ($cpuMedian['Invoke-Neuron'] / $cpuMedian['ForEach-Object { $_ }'] - 1)
    }
    finally {
        Remove-Item -LiteralPath $csv, $warmCsv -ErrorAction SilentlyContinue
    }
}

# 3. Batch ------------------------------------------------------------------------------------------------
if ('Batch' -in $Benchmark) {
    $batchRows = 1000000 / $scale
    $label = 'batch {0:N0} x 64' -f $batchRows
    Write-Host "Benchmark: $label" -ForegroundColor Cyan
    $bytes = [double] $batchRows * 64 * 8
    $batchWeight = [double[]] (1..64 | ForEach-Object { (($_ % 7) - 3) / 4 })
    $batchNeuron = New-Neuron -Weight $batchWeight -Bias 0.25
    $jagged = $bench::Jagged($batchRows, 64, 3)
    $rectangular = $bench::Rectangular($jagged)
    $flat = $bench::Flat($jagged)
    $check = Invoke-Neuron $batchNeuron -InputMatrix $rectangular
    $viaJagged = Invoke-Neuron $batchNeuron -InputMatrix $jagged
    if (-not [System.Linq.Enumerable]::SequenceEqual([double[]] $check, [double[]] $viaJagged)) { throw 'The jagged and rectangular batches disagree.' }
    $variants = [ordered]@{
        'read loop (contiguous)' = { $bench::ReadLoop($flat) }
        'read loop (rows)' = { $bench::ReadLoop($jagged) }
        '-InputMatrix double[][]' = { Invoke-Neuron $batchNeuron -InputMatrix $jagged }
        '-InputMatrix double[,]' = { Invoke-Neuron $batchNeuron -InputMatrix $rectangular }
    }
    $median = Measure-Interleaved -Benchmark $label -Variants $variants -Repeats ($repeats + 2) -WarmUp { $null = $bench::ReadLoop($flat) }
    foreach ($name in @($median.Keys)) { Write-Host ('  {0,-24} {1,8:N4} s  {2,6:N2} GB/s' -f $name, $median[$name], ($bytes / $median[$name] / 1e9)) }
    $bandwidth = $bytes / $median['read loop (contiguous)']
    Remove-Variable jagged, rectangular, flat, check, viaJagged
    [GC]::Collect()

    Write-Host 'Benchmark: numpy np.maximum(X @ w + b, 0), float64' -ForegroundColor Cyan
    $python = '/usr/bin/python3'
    $numpy = $null
    if (Test-Path $python) {
        # Unset for this command only: the machine sets them for old OpenBLAS builds, and they slow a current one.
        $json = & env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $python (Join-Path $PSScriptRoot 'numpy_batch.py') $batchRows 64 ($repeats + 2)
        if ($LASTEXITCODE -ne 0) { throw 'The numpy benchmark failed.' }
        $numpy = $json | ConvertFrom-Json
        $numpyMedian = Get-Median ([double[]] $numpy.times)
        $blas = if (@($numpy.blas.threadpools).Count) { ($numpy.blas.threadpools | ForEach-Object { '{0} {1}, {2} threads' -f $_.internal_api, $_.version, $_.num_threads }) -join '; ' } else { 'no threaded BLAS found by threadpoolctl; loaded: ' + ((@($numpy.blas.loaded) | Split-Path -Leaf) -join ', ') }
        Write-Host ('  numpy {0}: {1:N4} s  {2:N2} GB/s  (BLAS: {3})' -f $numpy.numpy, $numpyMedian, ($bytes / $numpyMedian / 1e9), $blas)
        $results.Add([pscustomobject]@{ Benchmark = $label; Variant = "numpy $($numpy.numpy) ($blas)"; MedianSeconds = $numpyMedian; Runs = ($numpy.times | ForEach-Object { [math]::Round($_, 4) }) -join ' ' })
    }
    foreach ($variant in '-InputMatrix double[][]', '-InputMatrix double[,]') {
        $share = $bytes / $median[$variant] / $bandwidth
        Add-Goal "3. $label" "$variant read rate / read loop's" $share '>= 0.5' ($share -ge 0.5) ($cpuMedian['read loop (contiguous)'] / $cpuMedian[$variant])
        if ($numpy) {
            $faster = $numpyMedian / $median[$variant]
            Add-Goal "3. $label" "numpy time / $variant time" $faster '> 1' ($faster -gt 1)
        }
    }
}

# 4. Memory -----------------------------------------------------------------------------------------------
if ('Memory' -in $Benchmark) {
    Write-Host 'Benchmark: peak working set when streaming' -ForegroundColor Cyan
    $small = 100000 / $scale
    $large = 1000000 / $scale
    $peaks = @{ $small = [System.Collections.Generic.List[double]]::new(); $large = [System.Collections.Generic.List[double]]::new() }
    for ($round = 0; $round -lt 3; $round++) {
        foreach ($count in @(@($small, $large), @($large, $small))[$round % 2]) {
            $command = "Import-Module '$ModulePath'; Import-Module '$BenchAssembly'; `$n = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5; Get-BenchVector -Count $count -Length 3 | Invoke-Neuron `$n | Out-Null; [NeuronTools.Benchmarks.BenchData]::PeakWorkingSet()"
            $peak = & $pwsh[0] @pwshExtra -NoProfile -NonInteractive -Command $command
            if ($LASTEXITCODE -ne 0) { throw "The memory benchmark child failed: $peak" }
            $peaks[$count].Add([double] ($peak | Select-Object -Last 1) / 1MB)
        }
    }
    $peakSmall = Get-Median $peaks[$small].ToArray()
    $peakLarge = Get-Median $peaks[$large].ToArray()
    Write-Host ('  {0:N0} rows: {1:N1} MB peak; {2:N0} rows: {3:N1} MB peak' -f $small, $peakSmall, $large, $peakLarge)
    $results.Add([pscustomobject]@{ Benchmark = 'memory'; Variant = "peak MB, $small rows"; MedianSeconds = $peakSmall; Runs = ($peaks[$small] | ForEach-Object { [math]::Round($_, 1) }) -join ' ' })
    $results.Add([pscustomobject]@{ Benchmark = 'memory'; Variant = "peak MB, $large rows"; MedianSeconds = $peakLarge; Runs = ($peaks[$large] | ForEach-Object { [math]::Round($_, 1) }) -join ' ' })
    Add-Goal '4. memory' ('peak working set, {0:N0} minus {1:N0} rows (MB)' -f $large, $small) ($peakLarge - $peakSmall) '<= 50' (($peakLarge - $peakSmall) -le 50)
}

# 5. Start-up ---------------------------------------------------------------------------------------------
if ('Startup' -in $Benchmark) {
    # A fresh pwsh -NoProfile per start, four commands interleaved (order reversed every other round): a bare start, and
    # Import-Module of NeuronTools, of a minimal module (a manifest with RootModule, ModuleVersion, GUID and
    # CmdletsToExport over one compiled DLL: the benchmark helpers' two small cmdlets) and of PSResourceGet (which ships
    # with PowerShell 7.4+). Each module's cost is its median minus the bare start's median.
    Write-Host 'Benchmark: start-up, pwsh -NoProfile -c exit with and without Import-Module' -ForegroundColor Cyan
    $minimalRoot = Join-Path ([IO.Path]::GetTempPath()) "neurontools-bench-modules-$PID"
    $minimalModule = Join-Path $minimalRoot 'MinimalModule'
    $null = New-Item -ItemType Directory -Path $minimalModule -Force
    Copy-Item -LiteralPath $BenchAssembly -Destination $minimalModule
    $manifest = "@{ RootModule = '$(Split-Path -Leaf $BenchAssembly)'; ModuleVersion = '1.0.0'; GUID = 'a3c5e0de-51f6-4d7e-9a1b-2f4c6d8e0b12'; CmdletsToExport = @('Invoke-EmptyNeuron', 'Get-BenchVector') }"
    Set-Content -LiteralPath (Join-Path $minimalModule 'MinimalModule.psd1') -Value $manifest
    $savedModulePath = $env:PSModulePath
    $env:PSModulePath = (Split-Path -Parent $ModulePath) + [IO.Path]::PathSeparator + $minimalRoot + [IO.Path]::PathSeparator + $env:PSModulePath
    try {
        $startup = [ordered]@{
            'exit' = 'exit'
            'Import-Module NeuronTools' = 'Import-Module NeuronTools; exit'
            'Import-Module MinimalModule' = 'Import-Module MinimalModule; exit'
            'Import-Module Microsoft.PowerShell.PSResourceGet' = 'Import-Module Microsoft.PowerShell.PSResourceGet; exit'
        }
        $check = & $pwsh[0] @pwshExtra -NoProfile -NonInteractive -Command "Import-Module NeuronTools; (Get-Module NeuronTools).ModuleBase; Import-Module MinimalModule; (Get-Module MinimalModule).ModuleBase"
        if ($check[0] -ne $ModulePath -or $check[1] -ne $minimalModule) { throw "The child pwsh imported the modules from '$check', not '$ModulePath' and '$minimalModule'." }
        $starts = @{}
        foreach ($name in $startup.Keys) { $starts[$name] = [System.Collections.Generic.List[double]]::new() }
        $startRounds = if ($Quick) { 5 } else { 15 }
        for ($round = 0; $round -lt $startRounds; $round++) {
            $names = @($startup.Keys)
            if ($round % 2) { [array]::Reverse($names) }
            foreach ($name in $names) {
                $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
                & $pwsh[0] @pwshExtra -NoProfile -NonInteractive -Command $startup[$name]
                $stopwatch.Stop()
                $starts[$name].Add($stopwatch.Elapsed.TotalSeconds)
            }
        }
    }
    finally {
        $env:PSModulePath = $savedModulePath
        Remove-Item -LiteralPath $minimalRoot -Recurse -Force -ErrorAction SilentlyContinue
    }
    $bare = Get-Median $starts['exit'].ToArray()
    $added = [ordered]@{}
    foreach ($name in $startup.Keys) {
        $median = Get-Median $starts[$name].ToArray()
        $added[$name] = ($median - $bare) * 1000
        Write-Host ('  {0,-50} {1,6:N0} ms, adds {2,5:N0} ms' -f $name, ($median * 1000), $added[$name])
        $results.Add([pscustomobject]@{ Benchmark = 'start-up'; Variant = "pwsh -NoProfile -c '$($startup[$name])'"; MedianSeconds = $median; Runs = ($starts[$name] | ForEach-Object { [math]::Round($_, 3) }) -join ' ' })
    }
    $overMinimal = $added['Import-Module NeuronTools'] / $added['Import-Module MinimalModule']
    Add-Goal '5. start-up' 'Import-Module NeuronTools adds (ms)' $added['Import-Module NeuronTools'] '' $null
    Add-Goal '5. start-up' 'Import-Module MinimalModule adds (ms)' $added['Import-Module MinimalModule'] '' $null
    Add-Goal '5. start-up' 'Import-Module PSResourceGet adds (ms)' $added['Import-Module Microsoft.PowerShell.PSResourceGet'] '' $null
    Add-Goal '5. start-up' 'NeuronTools import cost / minimal module import cost' $overMinimal '<= 1.2' ($overMinimal -le 1.2)
}

# Report --------------------------------------------------------------------------------------------------
Write-Host ''
Write-Host 'Medians' -ForegroundColor Cyan
$results | Format-Table Benchmark, Variant,
    @{ Name = 'Median'; Expression = { '{0:N4}' -f $_.MedianSeconds }; Alignment = 'Right' },
    @{ Name = 'CPU median'; Expression = { if ($_.PSObject.Properties['MedianCpuSeconds']) { '{0:N4}' -f $_.MedianCpuSeconds } }; Alignment = 'Right' },
    Runs -AutoSize | Out-String -Width 300 | Out-Host
Write-Host 'Goals (Value and Met from wall-clock medians; CpuValue is the same ratio from CPU-time medians)' -ForegroundColor Cyan
$goals | Format-Table -AutoSize | Out-String -Width 300 | Out-Host
if ($ResultFile) {
    [ordered]@{ Machine = $machine; Results = $results; Goals = $goals } | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $ResultFile
    Write-Host "Results written to $ResultFile"
}
