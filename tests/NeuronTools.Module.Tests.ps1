BeforeDiscovery {
    $modulePath = if ($env:NEURONTOOLS_MODULE_PATH) { $env:NEURONTOOLS_MODULE_PATH } else { Join-Path $PSScriptRoot '../out/NeuronTools' }
    Import-Module $modulePath -Force
    $cmdlets = @((Get-Module NeuronTools).ExportedCmdlets.Values | ForEach-Object { @{ Name = $_.Name } })
    $examples = foreach ($cmdlet in $cmdlets) {
        $index = 0
        foreach ($example in (Get-Help $cmdlet.Name -Full).examples.example) {
            $index++
            @{ Name = $cmdlet.Name; Index = $index; Code = $example.code }
        }
    }
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    $manifestPath = Join-Path (Get-Module NeuronTools).ModuleBase 'NeuronTools.psd1'
}

Describe 'The NeuronTools module' {
    Context 'manifest' {
        It 'passes Test-ModuleManifest on the built copy' {
            $manifest = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop

            $manifest.Name | Should -BeExactly 'NeuronTools'
            $manifest.PowerShellVersion | Should -Be '5.1'
            $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        }

        It 'exports exactly the cmdlets it lists, and nothing else' {
            $data = Import-PowerShellDataFile $manifestPath
            $module = Get-Module NeuronTools

            @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($data.CmdletsToExport | Sort-Object)
            $module.ExportedFunctions.Count | Should -Be 0
            $module.ExportedAliases.Count | Should -Be 0
        }

        It 'imports in a fresh pwsh -NoProfile' {
            $output = Invoke-FreshPwsh "Import-Module '$((Get-Module NeuronTools).ModuleBase)'; (Invoke-Neuron (New-Neuron 0.5,-1,2 -Bias 0.5) 5,3,1).Output"

            $LASTEXITCODE | Should -Be 0
            $output | Should -Be '2'
        }
    }

    Context 'error ids' {
        It 'names every error id it reports in one place, each constant spelt as its value' {
            $constants = @([NeuronTools.NeuronModel].Assembly.GetType('NeuronTools.ErrorIds', $true).GetFields([System.Reflection.BindingFlags]'NonPublic, Static') | Where-Object IsLiteral)

            $constants.Count | Should -BeGreaterThan 80
            $constants | Where-Object { $_.GetRawConstantValue() -cne $_.Name } | Should -BeNullOrEmpty
        }

        It 'reports no id that the tests assert and ErrorIds lacks, besides PowerShell''s own binding errors' {
            $constants = @([NeuronTools.NeuronModel].Assembly.GetType('NeuronTools.ErrorIds', $true).GetFields([System.Reflection.BindingFlags]'NonPublic, Static') | Where-Object IsLiteral).Name
            $powerShellOwn = 'CannotConvertArgumentNoMessage', 'ParameterArgumentTransformationError', 'ParameterArgumentValidationError'
            $asserted = Get-ChildItem $PSScriptRoot -Filter *.Tests.ps1 |
                Select-String -Pattern "'(\w+),NeuronTools\.Commands\.\w+'" -AllMatches |
                ForEach-Object { $_.Matches } | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique

            $asserted.Count | Should -BeGreaterThan 50
            $asserted | Where-Object { $_ -cnotin $constants -and $_ -notin $powerShellOwn } | Should -BeNullOrEmpty
        }
    }

    Context 'two builds, one behaviour' {
        BeforeAll {
            $moduleBase = (Get-Module NeuronTools).ModuleBase
            # One script, run in a fresh pwsh per build: which Core assembly loaded, which dot-product path runs,
            # and the bits (as hex) of a 64-input batch both ways, per-row results and a seeded training run.
            $probe = @"
Import-Module '$moduleBase'
`$core = [NeuronTools.Neuron].Assembly
`$path = `$core.GetType('NeuronTools.DotProduct').GetProperty('PathName', [Reflection.BindingFlags]'Static, NonPublic').GetValue(`$null)
`$random = [System.Random]::new(4)
`$weight = [double[]]::new(64)
for (`$c = 0; `$c -lt 64; `$c++) { `$weight[`$c] = `$random.NextDouble() - 0.5 }
# 1,001 rows of 64, not a multiple of the four rows a batch takes at a time (the xUnit tests cover the split across processors).
`$rows = [double[][]]::new(1001)
`$matrix = [double[,]]::new(`$rows.Count, 64)
for (`$r = 0; `$r -lt `$rows.Count; `$r++) {
    `$row = [double[]]::new(64)
    for (`$c = 0; `$c -lt 64; `$c++) { `$row[`$c] = `$random.NextDouble() * 4 - 2; `$matrix[`$r, `$c] = `$row[`$c] }
    `$rows[`$r] = `$row
}
`$neuron = New-Neuron -Weight `$weight -Bias 0.125 -Activation Identity
`$bits = { param(`$values) (`$values | ForEach-Object { [BitConverter]::DoubleToInt64Bits(`$_).ToString('x16') }) -join ',' }
`$jagged = & `$bits (Invoke-Neuron `$neuron -InputMatrix `$rows)
`$rectangular = & `$bits (Invoke-Neuron `$neuron -InputMatrix `$matrix)
`$perRow = & `$bits (`$rows | Select-Object -First 300 | ForEach-Object { (Invoke-Neuron `$neuron -InputObject (,`$_)).Output })
`$start = New-NeuronNetwork -Shape 64, 40, 3 -Activation ReLU, Identity -Initialization HeUniform -Seed 2
`$trained = Invoke-NeuronTraining `$start -InputObject (`$rows | Select-Object -First 600) -Target (0..599 | ForEach-Object { `$_ % 3 }) -Loss CrossEntropy -Epoch 2 -BatchSize 64 -Seed 3
`$weights = & `$bits (`$trained.Layers | ForEach-Object { `$_.WeightRows | ForEach-Object { `$_ } ; `$_.BiasValues })
[pscustomobject]@{ Framework = Split-Path -Leaf (Split-Path -Parent `$core.Location); Path = `$path; Jagged = `$jagged; Rectangular = `$rectangular; PerRow = `$perRow; Trained = `$weights } | ConvertTo-Json -Compress
"@
            function Invoke-Probe([hashtable] $Environment) {
                $saved = @{}
                foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
                try { Invoke-FreshPwsh $probe | Select-Object -Last 1 | ConvertFrom-Json }
                finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
            }
            $simd = Invoke-Probe @{ NEURONTOOLS_FRAMEWORK = $null; NEURONTOOLS_SIMD = $null }
            $scalar = Invoke-Probe @{ NEURONTOOLS_FRAMEWORK = $null; NEURONTOOLS_SIMD = '0' }
            $netstandard = Invoke-Probe @{ NEURONTOOLS_FRAMEWORK = 'netstandard2.0'; NEURONTOOLS_SIMD = $null }
        }

        It 'loads the net8.0 build on PowerShell 7, with SIMD unless NEURONTOOLS_SIMD is 0' {
            $simd.Framework | Should -BeExactly 'net8.0'
            $simd.Path | Should -BeIn @('Vector128', 'Vector256')
            $scalar.Framework | Should -BeExactly 'net8.0'
            $scalar.Path | Should -BeExactly 'Scalar'
        }

        It 'loads the netstandard2.0 build of Windows PowerShell 5.1 when NEURONTOOLS_FRAMEWORK is netstandard2.0' {
            $netstandard.Framework | Should -BeExactly 'netstandard2.0'
            $netstandard.Path | Should -BeExactly 'Scalar'
        }

        It 'gives a batch the bits of row-by-row evaluation, jagged and rectangular alike' {
            $simd.Jagged | Should -BeExactly $simd.Rectangular
            $simd.Jagged.StartsWith($simd.PerRow + ',') | Should -BeTrue
        }

        It 'gives the same bits on the SIMD path, the scalar path and the netstandard2.0 build' {
            foreach ($other in $scalar, $netstandard) {
                $other.Jagged | Should -BeExactly $simd.Jagged
                $other.Rectangular | Should -BeExactly $simd.Rectangular
                $other.PerRow | Should -BeExactly $simd.PerRow
                $other.Trained | Should -BeExactly $simd.Trained
            }
        }
    }

    Context 'cmdlet <Name>' -ForEach $cmdlets {
        BeforeAll {
            $command = Get-Command $Name
            $help = Get-Help $Name -Full
        }

        It 'uses an approved verb' {
            (Get-Verb).Verb | Should -Contain $command.Verb
        }

        It 'declares its output type' {
            $command.OutputType | Should -Not -BeNullOrEmpty
        }

        It 'has a synopsis and a description' {
            $help.Synopsis | Should -Not -BeNullOrEmpty
            $help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + ' \[')
            ($help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
        }

        It 'describes every parameter' {
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
            foreach ($parameter in ($command.Parameters.Keys | Where-Object { $_ -notin $common })) {
                $described = $help.parameters.parameter | Where-Object Name -EQ $parameter
                ($described.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
            }
        }

        It 'has at least two examples' {
            @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        }

        It 'has a view for its output type' {
            # Strings (Show-* lines, JSON text) print as they are; the module's own types need a view.
            foreach ($type in $command.OutputType.Type | Where-Object { $_.Namespace -like 'NeuronTools*' }) {
                Get-FormatData -TypeName $type.FullName | Should -Not -BeNullOrEmpty -Because "$($type.FullName) needs a view"
            }
        }
    }

    Context 'about_NeuronTools' {
        BeforeAll {
            $aboutPath = Join-Path (Get-Module NeuronTools).ModuleBase 'en-US/about_NeuronTools.help.txt'
            $aboutText = Get-Content -LiteralPath $aboutPath
        }

        It 'names every exported cmdlet' {
            $text = $aboutText -join "`n"
            foreach ($name in (Get-Module NeuronTools).ExportedCmdlets.Keys) {
                $text | Should -Match "\b$name\b" -Because "about_NeuronTools should cover $name"
            }
        }

        It 'runs its worked examples, in order, without an error' {
            # Every 'PS>' command with its '>>' continuation lines, outside INSTALLING (which builds and installs).
            $commands = [System.Collections.Generic.List[string]]::new()
            $section = ''
            foreach ($line in $aboutText) {
                if ($line -cmatch '^[A-Z][A-Z ,]+$') { $section = $line; continue }
                if ($section -eq 'INSTALLING') { continue }
                if ($line -match '^\s+PS> (.*)$') { $commands.Add($Matches[1]) }
                elseif ($line -match '^\s+>> (.*)$' -and $commands.Count -gt 0) { $commands[$commands.Count - 1] += "`n" + $Matches[1] }
            }

            $commands.Count | Should -BeGreaterThan 20
            Push-Location $TestDrive
            try {
                $Error.Clear()
                $output = & ([scriptblock]::Create($commands -join "`n")) 2>&1 | Out-String
                # The one error the topic shows on purpose: the bad row it catches with -ErrorVariable.
                @($Error | Where-Object { "$($_.FullyQualifiedErrorId)" -ne 'InputCountMismatch,NeuronTools.Commands.InvokeNeuronCommand' }) | Should -BeNullOrEmpty -Because $output
                @($Error).Count | Should -Be 1
                $output | Should -Match 'InputCountMismatch,NeuronTools.Commands.InvokeNeuronCommand'
                $output | Should -Match 'True'
                Test-Path -LiteralPath (Join-Path $TestDrive 'network.onnx') | Should -BeTrue
            }
            finally {
                Pop-Location
            }
        }
    }

    Context 'help defaults' {
        It 'shows <Parameter> of <Name> defaulting to <Default>' -TestCases @(
            @{ Name = 'New-Neuron'; Parameter = 'Activation'; Default = 'ReLU' }
            @{ Name = 'New-Neuron'; Parameter = 'Bias'; Default = '0' }
            @{ Name = 'New-Neuron'; Parameter = 'Weight'; Default = 'None' }
            @{ Name = 'Show-Activation'; Parameter = 'Height'; Default = '20' }
            @{ Name = 'Show-Activation'; Parameter = 'Width'; Default = "the window's width less one, at most 80" }
            @{ Name = 'Invoke-NeuronTraining'; Parameter = 'LearningRate'; Default = '0.001 for Adam, 0.01 for SGD and Momentum' }
        ) {
            param($Name, $Parameter, $Default)
            $help = Get-Help $Name -Parameter $Parameter

            $help.defaultValue | Should -BeExactly $Default
            ($help.description.Text -join ' ') | Should -Not -Match '^Default: '
        }
    }

    Context 'help examples' {
        It 'runs example <Index> of <Name> without an error' -ForEach $examples {
            $Error.Clear()
            $output = & ([scriptblock]::Create($Code)) 2>&1 | Out-String

            $Error | Should -BeNullOrEmpty -Because $output
            $output | Should -Not -BeNullOrEmpty
        }
    }
}
