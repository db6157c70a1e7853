<#
.SYNOPSIS
Builds, tests and demonstrates the NeuronTools module.

.DESCRIPTION
Build  puts an importable module at out/NeuronTools (manifest, DLLs, formats, help).
Test   builds, runs the xUnit tests, then the Pester tests in a fresh pwsh against out/NeuronTools,
       and ends with one line 'N passed, N failed' for both suites together.
Demo   builds and walks through the neuron of the article with the real cmdlets.
Package builds and writes out/NeuronTools.<version>.nupkg with PSResourceGet's Compress-PSResource,
       ready for Publish-PSResource or a local folder repository and Install-PSResource.
Figures builds, then redraws the README's figures in .docs/figures with the built module.
Bench  builds, then runs the benchmarks in tests/Benchmarks (several minutes; not part of Test) and
       prints medians and ratios against the performance goals. -Quick cuts the sizes tenfold.

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Bench', 'Figures')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Bench only: smaller sizes and fewer repetitions, for development.
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'NeuronTools'
$resultsDir = Join-Path $out 'TestResults'
$frameworks = 'netstandard2.0', 'net8.0'

function Invoke-Native {
    # Runs a native command and stops the build when it fails. (A simple function, so that
    # arguments such as -c and -o reach the command instead of PowerShell's parameter binder.)
    $FilePath, $ArgumentList = $args
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-PwshCommand {
    # The pwsh running this script, so that child sessions use the same PowerShell: under
    # 'dotnet pwsh' that is dotnet plus pwsh.dll.
    $process = (Get-Process -Id $PID).Path
    $entry = [Environment]::GetCommandLineArgs()[0]
    if ($entry -like '*.dll') { return @($process, $entry) }
    @($process)
}

function Invoke-Pwsh {
    # Runs a script in a fresh 'pwsh -NoProfile' and returns its exit code.
    param([string] $Script, [string[]] $ArgumentList = @())
    $pwsh = @(Get-PwshCommand)
    $extra = @($pwsh | Select-Object -Skip 1)
    & $pwsh[0] @extra -NoProfile -NonInteractive -File $Script @ArgumentList | Out-Host
    $LASTEXITCODE
}

function Invoke-Build {
    Write-Host "Building NeuronTools ($Configuration)" -ForegroundColor Cyan
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $moduleOut
    # Two builds of the same source: netstandard2.0 for Windows PowerShell 5.1, net8.0 for PowerShell 7.4+.
    # module/NeuronTools.psm1 imports the one that fits the running PowerShell.
    foreach ($framework in $frameworks) {
        $publish = Join-Path $out "publish/$Configuration/$framework"
        Invoke-Native dotnet publish (Join-Path $root 'src/NeuronTools/NeuronTools.csproj') -c $Configuration -f $framework -o $publish --nologo -v quiet
        $bin = New-Item -ItemType Directory -Path (Join-Path $moduleOut "bin/$framework")
        foreach ($file in 'NeuronTools.dll', 'NeuronTools.Core.dll', 'NeuronTools.pdb', 'NeuronTools.Core.pdb') {
            Copy-Item (Join-Path $publish $file) $bin
        }
    }
    Copy-Item (Join-Path $root 'NeuronTools.psd1') $moduleOut
    Copy-Item (Join-Path $root 'module/NeuronTools.psm1'), (Join-Path $root 'module/NeuronTools.Format.ps1xml') $moduleOut
    $aboutTopics = Join-Path $root 'module/en-US'
    if (Test-Path $aboutTopics) { Copy-Item $aboutTopics $moduleOut -Recurse }

    $helpFile = Join-Path $moduleOut 'en-US/NeuronTools.dll-Help.xml'
    $code = Invoke-Pwsh (Join-Path $root '.build/New-MamlHelp.ps1') @('-ModulePath', $moduleOut, '-MarkdownPath', (Join-Path $root 'module/help'), '-OutFile', $helpFile)
    if ($code -ne 0) { throw 'Generating the help failed.' }
    Write-Host "Module ready: $moduleOut" -ForegroundColor Green
}

function Invoke-Package {
    # Compress-PSResource packs the module folder into a .nupkg without any repository, so building
    # a package never touches the user's registered PSResourceGet repositories.
    Invoke-Build
    Get-ChildItem -LiteralPath $out -Filter 'NeuronTools.*.nupkg' | Remove-Item -Force
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    Compress-PSResource -Path $moduleOut -DestinationPath $out
    $package = Get-ChildItem -LiteralPath $out -Filter 'NeuronTools.*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "Compress-PSResource wrote no NeuronTools .nupkg to $out." }
    Write-Host "Package ready: $($package.FullName)" -ForegroundColor Green
}

function Get-XunitCount([string] $TrxFile) {
    [xml] $trx = Get-Content -LiteralPath $TrxFile -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted }
}

function Invoke-Test {
    # The package test installs the module from the .nupkg, so Test packages as well as builds.
    Invoke-Package
    if (Test-Path $resultsDir) { Remove-Item $resultsDir -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $resultsDir

    Write-Host 'Running the xUnit tests' -ForegroundColor Cyan
    & dotnet test (Join-Path $root 'tests/NeuronTools.Core.Tests/NeuronTools.Core.Tests.csproj') -c $Configuration --nologo `
        --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $resultsDir
    $xunitExit = $LASTEXITCODE
    $trxFile = Join-Path $resultsDir 'xunit.trx'
    $xunit = if (Test-Path $trxFile) { Get-XunitCount $trxFile } else { [pscustomobject]@{ Passed = 0; Failed = 1 } }
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }

    Write-Host 'Restoring Pester from NuGet into out/tools' -ForegroundColor Cyan
    $tools = Join-Path $out 'tools'
    Invoke-Native dotnet restore (Join-Path $root '.build/Tools.proj') --packages $tools --nologo -v quiet
    $pester = Join-Path $tools 'pester/5.7.1/tools/Pester.psd1'

    Write-Host 'Running the Pester tests against out/NeuronTools' -ForegroundColor Cyan
    $pesterResult = Join-Path $resultsDir 'pester.json'
    $null = Invoke-Pwsh (Join-Path $root '.build/Invoke-PesterTest.ps1') @('-PesterPath', $pester, '-ModulePath', $moduleOut, '-TestPath', (Join-Path $root 'tests'), '-ResultFile', $pesterResult)
    $pesterCount = if (Test-Path $pesterResult) { Get-Content $pesterResult -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1 } }

    $passed = $xunit.Passed + $pesterCount.Passed
    $failed = $xunit.Failed + $pesterCount.Failed
    Write-Host "xUnit: $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pesterCount.Passed) passed, $($pesterCount.Failed) failed"
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $code = Invoke-Pwsh (Join-Path $root '.build/Demo.ps1') @('-ModulePath', $moduleOut)
    if ($code -ne 0) { exit $code }
}

function Invoke-Figures {
    Invoke-Build
    $code = Invoke-Pwsh (Join-Path $root '.docs/figures/New-Figure.ps1') @('-ModulePath', $moduleOut)
    if ($code -ne 0) { exit $code }
}

function Invoke-Bench {
    Invoke-Build
    Write-Host 'Building the benchmark helpers (tests/Benchmarks, not shipped)' -ForegroundColor Cyan
    $benchOut = Join-Path $out 'bench'
    $benchAssembly = Join-Path $benchOut 'NeuronTools.Benchmarks.dll'
    Invoke-Native dotnet build (Join-Path $root 'tests/Benchmarks/NeuronTools.Benchmarks.csproj') -c Release -o $benchOut --nologo -v quiet

    # Each pass in its own pwsh, whose NeuronTools.psm1 loads one build: net8.0 (what PowerShell 7 users get), then
    # netstandard2.0 (the Windows PowerShell 5.1 build, forced with NEURONTOOLS_FRAMEWORK).
    $passes = @(
        @{ Build = 'net8.0'; Benchmark = @('Streaming', 'Csv', 'Batch', 'Memory', 'Startup') }
        @{ Build = 'netstandard2.0'; Benchmark = @('Streaming', 'Csv', 'Batch') }
    )
    $savedFramework = $env:NEURONTOOLS_FRAMEWORK
    try {
        foreach ($pass in $passes) {
            $env:NEURONTOOLS_FRAMEWORK = $pass.Build
            Write-Host "Benchmarks of the $($pass.Build) build" -ForegroundColor Cyan
            $arguments = @('-ModulePath', $moduleOut, '-BenchAssembly', $benchAssembly, '-ResultFile', (Join-Path $benchOut "results-$($pass.Build).json"), '-Benchmark', ($pass.Benchmark -join ','))
            if ($Quick) { $arguments += '-Quick' }
            $code = Invoke-Pwsh (Join-Path $root 'tests/Benchmarks/Invoke-Benchmark.ps1') $arguments
            if ($code -ne 0) { exit $code }

            Write-Host "Training ($($pass.Build) build): three MLP sizes, Adam, CrossEntropy, beside PyTorch" -ForegroundColor Cyan
            $torchArguments = @('-ModulePath', $moduleOut, '-BenchAssembly', $benchAssembly, '-ResultFile', (Join-Path $benchOut "training-torch-$($pass.Build).json"))
            if ($Quick) { $torchArguments += @('-Scale', '0.1', '-Repeat', '1') }
            $code = Invoke-Pwsh (Join-Path $root 'tests/Benchmarks/Training/Measure-TorchTraining.ps1') $torchArguments
            if ($code -ne 0) { exit $code }
        }
    }
    finally {
        $env:NEURONTOOLS_FRAMEWORK = $savedFramework
    }

    Write-Host 'Training: 4-16-3 network, 100 epochs on 10,000 rows, beside numpy' -ForegroundColor Cyan
    $trainingArguments = @('-ModulePath', $moduleOut)
    if ($Quick) { $trainingArguments += @('-RowCount', '1000', '-Epoch', '20', '-Repeat', '1') }
    $code = Invoke-Pwsh (Join-Path $root 'tests/Benchmarks/Training/Measure-Training.ps1') $trainingArguments
    if ($code -ne 0) { exit $code }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
    'Bench' { Invoke-Bench }
    'Figures' { Invoke-Figures }
}
