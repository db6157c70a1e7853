BeforeAll {
    . $PSScriptRoot/Common.ps1
    $neuron = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5
}

Describe 'Invoke-Neuron' {
    Context 'with good input' {
        It 'computes the article''s steps for one vector given as a parameter' {
            $result = Invoke-Neuron $neuron 5, 3, 1

            $result | Should -BeOfType NeuronTools.NeuronOutput
            $result.Input | Should -Be @(5, 3, 1)
            $result.WeightedInput | Should -Be @(2.5, -3, 2)
            $result.PreActivation | Should -Be 2
            $result.Output | Should -Be 2
            $result.Derivative | Should -Be 1
            $result.Activation | Should -BeExactly 'ReLU'
        }

        It 'gives outputs whose input and weighted inputs cannot be changed afterwards' {
            $result = Invoke-Neuron $neuron 5, 3, 1

            { $result.Input[0] = 1000 } | Should -Throw
            { $result.WeightedInput[0] = 1000 } | Should -Throw
            $result.Input | Should -Be @(5, 3, 1)
            $result.WeightedInput | Should -Be @(2.5, -3, 2)
        }

        It 'takes one vector from the pipeline with the unary comma' {
            (, (5, 3, 1) | Invoke-Neuron $neuron).Output | Should -Be 2
        }

        It 'gives one output per vector of an array of vectors from the pipeline, in order' {
            $rows = @(5, 3, 1), @(1, 4, 0), @(0, 0, 0)
            $results = $rows | Invoke-Neuron $neuron

            $results.PreActivation | Should -Be @(2, -3, 0.5)
            $results.Output | Should -Be @(2, 0, 0.5)
        }

        It 'gives one output per vector when an array of vectors is the parameter' {
            (Invoke-Neuron $neuron -InputObject @(@(5, 3, 1), @(1, 4, 0))).Output | Should -Be @(2, 0)
        }

        It 'reads <Case> as a vector' -TestCases @(
            @{ Case = 'a double[]'; Vector = [double[]](5, 3, 1) }
            @{ Case = 'an int[]'; Vector = [int[]](5, 3, 1) }
            @{ Case = 'numeric strings'; Vector = @('5', '3.0', '1e0') }
            @{ Case = 'a mix of types'; Vector = @([long]5, [decimal]3, [float]1) }
        ) {
            param($Vector)
            (Invoke-Neuron $neuron $Vector).PreActivation | Should -Be 2
        }

        It 'keeps what arrived in InputObject' {
            $row = @(5, 3, 1)
            (Invoke-Neuron $neuron $row).InputObject | Should -Be $row
        }

        It 'takes a lone number for a one-input neuron' {
            (3 | Invoke-Neuron (New-Neuron 2 -Bias 1)).Output | Should -Be 7
        }

        It 'shows a table of the input, a and z' {
            $text = Invoke-Neuron $neuron 5, 3, 1 | Out-String

            $text | Should -Match 'Input \(x\)'
            $text | Should -Match 'PreActivation \(a\)'
            $text | Should -Match 'Output \(z\)'
            $text | Should -Match '5, 3, 1'
        }

        It 'gives the same results under <Culture>' -TestCases @(
            @{ Culture = 'de-DE' }
            @{ Culture = 'fr-FR' }
            @{ Culture = 'en-US' }
        ) {
            param($Culture)
            $results = Invoke-InCulture $Culture { @('2.5', '0.5', '1') , @('1e-1', '-3', '4') | Invoke-Neuron $neuron }

            $results.PreActivation | Should -Be @(3.25, 11.55)
        }
    }

    Context 'with bad input' {
        It 'reports an input of the wrong length as InputCountMismatch with both counts and the input as target' {
            $results = Invoke-Neuron $neuron 1, 2 -ErrorAction SilentlyContinue -ErrorVariable err

            $results | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.InvokeNeuronCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err[0].Exception.Message | Should -Match '3 weights'
            $err[0].Exception.Message | Should -Match '2 values'
            $err[0].TargetObject | Should -Be @(1, 2)
        }

        It 'hints at the unary comma when lone numbers arrive' {
            $null = 5, 3, 1 | Invoke-Neuron $neuron -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 3
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.InvokeNeuronCommand'
            $err[0].Exception.Message | Should -BeLike '*,(1,2,3) | Invoke-Neuron*'
            $err[0].Exception.Message | Should -Match 'the input has 1 value\.'
        }

        It 'gives four outputs and one error for five vectors with one bad, in order' {
            $rows = @(5, 3, 1), @(1, 4, 0), @(1, 2), @(0, 0, 0), @(2, 0, 0)
            $results = $rows | Invoke-Neuron $neuron -ErrorAction SilentlyContinue -ErrorVariable err

            $results.Count | Should -Be 4
            $results.Output | Should -Be @(2, 0, 0.5, 1.5)
            $err.Count | Should -Be 1
            $err[0].TargetObject | Should -Be @(1, 2)
        }

        It 'reports <Case> as InvalidInputValue naming its position' -TestCases @(
            @{ Case = 'a non-numeric string'; Vector = @(1, 'abc', 3); Position = 1 }
            @{ Case = 'a null'; Vector = @(1, 2, $null); Position = 2 }
            @{ Case = 'a hashtable'; Vector = @(@{ a = 1 }, 2, 3); Position = 0 }
            @{ Case = 'an empty string'; Vector = @(1, '', 3); Position = 1 }
            @{ Case = 'a comma decimal'; Vector = @(1, '2,5', 3); Position = 1 }
        ) {
            param($Vector, $Position)
            $null = Invoke-Neuron $neuron $Vector -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.InvokeNeuronCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].Exception.Message | Should -Match "position $Position"
        }

        It 'reports a two-dimensional array as InvalidInputValue pointing to -InputMatrix, and goes on' {
            $matrix = [double[,]]::new(2, 3)
            $results = $matrix, @(5, 3, 1) | ForEach-Object { , $_ } | Invoke-Neuron $neuron -ErrorAction SilentlyContinue -ErrorVariable err

            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.InvokeNeuronCommand'
            $err[0].Exception.Message | Should -Match 'InputMatrix'
            $results.Output | Should -Be @(2)
        }

        It 'reports <Case> in an input as NonFiniteInput' -TestCases @(
            @{ Case = 'NaN'; Value = [double]::NaN }
            @{ Case = '+infinity'; Value = [double]::PositiveInfinity }
            @{ Case = '-infinity'; Value = [double]::NegativeInfinity }
            @{ Case = 'the string NaN'; Value = 'NaN' }
        ) {
            param($Value)
            $results = Invoke-Neuron $neuron 1, $Value, 3 -ErrorAction SilentlyContinue -ErrorVariable err

            $results | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NonFiniteInput,NeuronTools.Commands.InvokeNeuronCommand'
        }

        It 'reports finite inputs whose sum overflows as NonFiniteResult' {
            $big = New-Neuron 1, 1 -Activation Identity
            $results = Invoke-Neuron $big ([double]::MaxValue), ([double]::MaxValue) -ErrorAction SilentlyContinue -ErrorVariable err

            $results | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NonFiniteResult,NeuronTools.Commands.InvokeNeuronCommand'
        }

        It 'stops on a bad row with -ErrorAction Stop, so scripts can catch it' {
            { Invoke-Neuron $neuron 1, 2 -ErrorAction Stop } | Should -Throw -ErrorId 'InputCountMismatch,NeuronTools.Commands.InvokeNeuronCommand'
        }
    }
    Context 'with named inputs' {
        BeforeAll {
            $named = New-Neuron -Weight ([ordered]@{ cpu = 0.5; memory = -1; errors = 2 }) -Bias 0.5
            $csvPath = Join-Path $TestDrive 'metrics.csv'
            @(
                'host,CPU,region,Memory,errors,extra'
                'web1,5,eu,3,1,x'
                'web2,1,us,4,0,y'
                'web3,0,eu,0,0,z'
            ) | Set-Content -LiteralPath $csvPath
        }

        It 'binds the columns of Import-Csv rows by name, whatever their case and order, ignoring extra columns' {
            $results = Import-Csv $csvPath | Invoke-Neuron $named

            $results.PreActivation | Should -Be @(2, -3, 0.5)
            $results.Output | Should -Be @(2, 0, 0.5)
            $results[0].Input | Should -Be @(5, 3, 1)
        }

        It 'binds <Case> the same way' -TestCases @(
            @{ Case = 'a [pscustomobject]'; Row = [pscustomobject]@{ errors = 1; memory = 3; cpu = 5; note = 'ignored' } }
            @{ Case = 'a hashtable'; Row = @{ ERRORS = 1; Memory = 3; cpu = 5 } }
            @{ Case = 'an ordered dictionary'; Row = [ordered]@{ cpu = '5'; memory = '3'; errors = '1' } }
            @{ Case = 'a case-sensitive Dictionary'; Row = [System.Collections.Generic.Dictionary[string, double]]::new() }
            @{ Case = 'a positional vector'; Row = (, @(5, 3, 1)) }
        ) {
            param($Case, $Row)
            if ($Row -is [System.Collections.Generic.Dictionary[string, double]]) { $Row['CPU'] = 5; $Row['Memory'] = 3; $Row['errors'] = 1 }
            $Row | Invoke-Neuron $named | ForEach-Object PreActivation | Should -Be 2
        }

        It 'binds the properties of objects from other cmdlets' {
            $object = New-Object -TypeName psobject -Property @{ cpu = 5; memory = 3 } | Add-Member -NotePropertyName errors -NotePropertyValue 1 -PassThru
            (Invoke-Neuron $named $object).PreActivation | Should -Be 2
            $file = Get-Item -LiteralPath $csvPath
            $lengthNeuron = New-Neuron -Weight 1 -InputName Length -Activation Identity
            (Invoke-Neuron $lengthNeuron $file).Output | Should -Be $file.Length
        }

        It 'keeps the original row in InputObject, so results join back to their rows' {
            $results = Import-Csv $csvPath | Invoke-Neuron $named

            $results.InputObject.host | Should -Be @('web1', 'web2', 'web3')
        }

        It 'gives one output per row when an array of rows is the parameter' {
            (Invoke-Neuron $named -InputObject (Import-Csv $csvPath)).Output | Should -Be @(2, 0, 0.5)
        }

        It 'reads CSV numbers with the invariant culture under <Culture>' -TestCases @(
            @{ Culture = 'de-DE' }
            @{ Culture = 'fr-FR' }
        ) {
            param($Culture)
            $rows = '"cpu","memory","errors"', '"2.5","0.5","1e-1"' | ConvertFrom-Csv
            $result = Invoke-InCulture $Culture { $rows | Invoke-Neuron $named }

            $result.PreActivation | Should -Be 1.45
        }

        It 'shows the input names in the neuron''s table view' {
            $named | Out-String | Should -Match 'cpu, memory, errors'
        }
    }

    Context 'with named inputs and bad rows' {
        BeforeAll {
            $named = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -InputName cpu, memory, errors
        }

        It 'reports a row missing inputs as MissingInput naming every missing name, with the row as target' {
            $row = [pscustomobject]@{ cpu = 1; mem = 2 }
            $results = $row | Invoke-Neuron $named -ErrorAction SilentlyContinue -ErrorVariable err

            $results | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'MissingInput,NeuronTools.Commands.InvokeNeuronCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].Exception.Message | Should -Match "'memory', 'errors'"
            $err[0].Exception.Message | Should -Match 'cpu, mem\.'
            $err[0].TargetObject | Should -Be $row
        }

        It 'reports a hashtable missing an input as MissingInput' {
            $null = @{ cpu = 1; memory = 2 } | Invoke-Neuron $named -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'MissingInput,NeuronTools.Commands.InvokeNeuronCommand'
            $err[0].Exception.Message | Should -Match "'errors'"
        }

        It 'reports <Case> as InvalidInputValue naming the property and the value' -TestCases @(
            @{ Case = 'an empty cell'; Value = ''; Expected = "'memory' is empty" }
            @{ Case = 'a blank cell'; Value = '  '; Expected = "'memory' is empty" }
            @{ Case = 'a word'; Value = 'high'; Expected = "'memory' has the value 'high'" }
            @{ Case = 'a comma decimal'; Value = '2,5'; Expected = "'memory' has the value '2,5'" }
            @{ Case = 'a null'; Value = $null; Expected = "'memory' is \`$null" }
            @{ Case = 'a date'; Value = [datetime]::new(2020, 1, 1); Expected = "'memory' has a value of type DateTime" }
        ) {
            param($Value, $Expected)
            $null = [pscustomobject]@{ cpu = 1; memory = $Value; errors = 0 } | Invoke-Neuron $named -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.InvokeNeuronCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].Exception.Message | Should -Match $Expected
        }

        It 'reports NaN in a named input as NonFiniteInput naming it' {
            $null = [pscustomobject]@{ cpu = 'NaN'; memory = 1; errors = 0 } | Invoke-Neuron $named -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NonFiniteInput,NeuronTools.Commands.InvokeNeuronCommand'
            $err[0].Exception.Message | Should -Match "'cpu'"
        }

        It 'refuses a named row for a neuron without input names, with InputNameRequired' {
            $null = @{ a = 1; b = 2; c = 3 } | Invoke-Neuron $neuron -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputNameRequired,NeuronTools.Commands.InvokeNeuronCommand'
            $err[0].Exception.Message | Should -Match '-InputName'
        }

        It 'gives every good row its output and every bad row its error, in input order' {
            $rows = New-MixedInputRow
            # Merging the error stream into the output keeps the order in which rows were answered.
            $stream = $rows | Invoke-Neuron $named -AsProperty Score -ErrorAction Continue 2>&1

            $stream.Count | Should -Be 6
            $stream[0].Score | Should -Be 2
            $stream[1] | Should -BeOfType System.Management.Automation.ErrorRecord
            $stream[1].FullyQualifiedErrorId | Should -BeExactly 'MissingInput,NeuronTools.Commands.InvokeNeuronCommand'
            $stream[2]['Score'] | Should -Be 0
            $stream[3].FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.InvokeNeuronCommand'
            $stream[4].Score | Should -Be 0.5
            $stream[5].Score | Should -Be 1.5
        }
    }

    Context 'with -AsProperty' {
        BeforeAll {
            $named = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -InputName cpu, memory, errors
            $inPath = Join-Path $TestDrive 'in.csv'
            $outPath = Join-Path $TestDrive 'out.csv'
            @(
                'host,cpu,memory,errors'
                'web1,5,3,1'
                'web2,1,4,0'
                'web3,0,0,0'
            ) | Set-Content -LiteralPath $inPath
        }

        It 'writes each CSV row back with every column and one added Score column' {
            Import-Csv $inPath | Invoke-Neuron $named -AsProperty Score | Export-Csv $outPath -NoTypeInformation -UseQuotes Never
            $scored = Import-Csv $outPath

            (Get-Content -LiteralPath $outPath -TotalCount 1) | Should -BeExactly 'host,cpu,memory,errors,Score'
            $scored.host | Should -Be @('web1', 'web2', 'web3')
            $scored.Score | Should -Be @('2', '0', '0.5')
        }

        It 'emits the original object with the output as a double property' {
            $row = [pscustomobject]@{ cpu = 5; memory = 3; errors = 1 }
            $result = $row | Invoke-Neuron $named -AsProperty Score

            [object]::ReferenceEquals($result, $row) | Should -BeTrue
            $result.Score | Should -BeOfType double
            $result.Score | Should -Be 2
        }

        It 'replaces the value of an existing note property of the same name' {
            $row = [pscustomobject]@{ cpu = 5; memory = 3; errors = 1; Score = 'old' }
            ($row | Invoke-Neuron $named -AsProperty Score).Score | Should -Be 2
        }

        It 'adds the output as a key of a hashtable row' {
            $row = @{ cpu = 5; memory = 3; errors = 1 }
            $result = $row | Invoke-Neuron $named -AsProperty Score

            $result | Should -BeOfType hashtable
            $result['Score'] | Should -Be 2
            $row.Score | Should -Be 2
        }

        It 'adds the output to a positional vector' {
            $result = , @(5, 3, 1) | Invoke-Neuron $named -AsProperty Score

            $result.Score | Should -Be 2
            @($result) | Should -Be @(5, 3, 1)
        }

        It 'refuses a name that a row has as a property of its own with AsPropertyConflict' {
            $null = , @(5, 3, 1) | Invoke-Neuron $named -AsProperty Length -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'AsPropertyConflict,NeuronTools.Commands.InvokeNeuronCommand'
        }

        It 'stops with AsPropertyConflict before any row when the name is one of the inputs (<Name>)' -TestCases @(
            @{ Name = 'cpu' }
            @{ Name = 'MEMORY' }
        ) {
            param($Name)
            $row = [pscustomobject]@{ cpu = 5; memory = 3; errors = 1 }
            $err = { $row | Invoke-Neuron $named -AsProperty $Name } | Should -Throw -ErrorId 'AsPropertyConflict,NeuronTools.Commands.InvokeNeuronCommand' -PassThru

            $err.TargetObject | Should -BeExactly $Name
            $err.Exception.Message | Should -Match 'cpu, memory, errors'
            $row.cpu | Should -Be 5
            $row.memory | Should -Be 3
        }
    }

    Context 'with -InputMatrix' {
        It 'evaluates a <Case> in one call and writes one double[]' -TestCases @(
            @{ Case = 'double[][]'; Matrix = [double[][]] @(@(5, 3, 1), @(1, 4, 0), @(0, 0, 0), @(-4, 1, 2), @(1, 0.5, -0.5)) }
            @{ Case = 'PowerShell array of arrays'; Matrix = @(@(5, 3, 1), @(1, 4, 0), @(0, '0', 0), @(-4, 1, 2), @(1, 0.5, -0.5)) }
            @{ Case = 'list of hashtables'; Matrix = @(@{ cpu = 5; memory = 3; errors = 1 }, @{ cpu = 1; memory = 4; errors = 0 }, @{ cpu = 0; memory = 0; errors = 0 }, @{ cpu = -4; memory = 1; errors = 2 }, @{ cpu = 1; memory = 0.5; errors = -0.5 }) }
        ) {
            param($Matrix)
            $named = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -InputName cpu, memory, errors
            $results = @(Invoke-Neuron $named -InputMatrix $Matrix)

            $results.Count | Should -Be 1
            $results[0] | Should -BeOfType double
            $results[0].GetType() | Should -Be ([double[]])
            $results[0] | Should -Be @(2, 0, 0.5, 1.5, 0)
        }

        It 'evaluates a double[,] matrix' {
            $matrix = [double[,]]::new(3, 3)
            $matrix[0, 0] = 5; $matrix[0, 1] = 3; $matrix[0, 2] = 1; $matrix[1, 1] = 4

            (Invoke-Neuron $neuron -InputMatrix $matrix) | Should -Be @(2, 0, 0.5)
        }

        It 'gives bit for bit what Invoke-Neuron gives row by row' {
            $random = [random]::new(7)
            $rows = [double[][]] @(foreach ($i in 1..37) { , [double[]] @(foreach ($j in 1..5) { ($random.NextDouble() - 0.5) * [math]::Pow(10, $random.Next(-8, 9)) }) })
            $wide = New-Neuron -Weight 0.1, -2.7, 3.3, 1e-3, 7 -Bias 0.3 -Activation Tanh
            $batch = Invoke-Neuron $wide -InputMatrix $rows
            $single = $rows | Invoke-Neuron $wide | ForEach-Object Output

            [BitConverter]::ToString(([double[]] $batch).ForEach({ [BitConverter]::GetBytes($_) })) |
                Should -BeExactly ([BitConverter]::ToString(([double[]] $single).ForEach({ [BitConverter]::GetBytes($_) })))
        }

        It 'stops with <ErrorId> naming the first bad row (<BadRow>) and writes nothing' -TestCases @(
            @{ ErrorId = 'InputCountMismatch'; BadRow = 2; Matrix = @(@(1, 2, 3), @(1, 2, 3), @(1, 2), @(1, 'x', 3)) }
            @{ ErrorId = 'InvalidInputValue'; BadRow = 1; Matrix = @(@(1, 2, 3), @(1, 'x', 3), @(1, 2)) }
            @{ ErrorId = 'NonFiniteInput'; BadRow = 5; Matrix = [double[][]] @(@(1, 2, 3), @(1, 2, 3), @(1, 2, 3), @(1, 2, 3), @(1, 2, 3), @(1, [double]::NaN, 3), @(1, 2)) }
            @{ ErrorId = 'NonFiniteResult'; BadRow = 0; Matrix = @(@([double]::MaxValue, -1, [double]::MaxValue), @(1, 'x', 3)) }
        ) {
            param($ErrorId, $BadRow, $Matrix)
            $results = $null
            $err = { $script:results = Invoke-Neuron $neuron -InputMatrix $Matrix } | Should -Throw -ErrorId "$ErrorId,NeuronTools.Commands.InvokeNeuronCommand" -PassThru

            $script:results | Should -BeNullOrEmpty
            $err.Exception.Message | Should -BeLike "Row $BadRow (counting from 0) is bad*"
            $err.Exception.Data['RowIndex'] | Should -Be $BadRow
        }

        It 'refuses something that is not a matrix with InvalidInputMatrix' {
            { Invoke-Neuron $neuron -InputMatrix 'abc' } | Should -Throw -ErrorId 'InvalidInputMatrix,NeuronTools.Commands.InvokeNeuronCommand'
        }
    }

    Context 'shared between threads' {
        It 'gives the same results in ForEach-Object -Parallel as in a sequential run' {
            $shared = New-Neuron -Weight 0.25, -1.5, 3, 1e-3 -Bias 0.125 -Activation Sigmoid -InputName a, b, c, d
            $random = [random]::new(11)
            $rows = foreach ($i in 0..399) { [pscustomobject]@{ id = $i; a = $random.NextDouble(); b = $random.NextDouble() * 10; c = -$random.NextDouble(); d = $random.Next(1000) } }
            $sequential = $rows | Invoke-Neuron $shared | ForEach-Object Output
            $modulePath = (Get-Module NeuronTools).ModuleBase

            $parallel = $rows | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:modulePath
                $result = Invoke-Neuron $using:shared $_
                [pscustomobject]@{ Id = $_.id; Output = $result.Output }
            } | Sort-Object Id

            $parallel.Count | Should -Be 400
            $parallel.Output | Should -Be $sequential
        }
    }

    Context 'with CSV files that Export-Csv wrote' {
        BeforeAll {
            $scorer = New-Neuron -Weight 2, 1.5, 0.8 -Bias -2.5 -Activation Sigmoid -InputName cpu, memory, errors
            # Reads a Score column back as the input of a neuron that passes it through unchanged.
            $reader = New-Neuron -Weight 1 -Activation Identity -InputName Score
            $inPath = Join-Path $TestDrive 'metrics.csv'
            @(
                'host,cpu,memory,errors'
                'web1,0.52,0.61,0'
                'web2,0.97,0.88,4'
                'db1,0.35,0.92,1'
            ) | Set-Content -LiteralPath $inPath
        }

        It 'reads back under en-US exactly the scores it wrote' {
            $outPath = Join-Path $TestDrive 'scored-en.csv'
            $written = Invoke-InCulture 'en-US' {
                $rows = @(Import-Csv $inPath | Invoke-Neuron $scorer -AsProperty Score)
                $rows | Export-Csv $outPath -NoTypeInformation
                $rows.Score
            }
            $read = Invoke-InCulture 'en-US' { Import-Csv $outPath | Invoke-Neuron $reader }

            $read.Output | Should -HaveCount 3
            for ($i = 0; $i -lt 3; $i++) {
                [BitConverter]::DoubleToInt64Bits($read[$i].Output) | Should -Be ([BitConverter]::DoubleToInt64Bits($written[$i]))
            }
        }

        It 'refuses under de-DE the decimal commas that Export-Csv writes there, with InvalidInputValue' {
            $outPath = Join-Path $TestDrive 'scored-de.csv'
            $results = Invoke-InCulture 'de-DE' {
                Import-Csv $inPath | Invoke-Neuron $scorer -AsProperty Score | Export-Csv $outPath -NoTypeInformation
                Import-Csv $outPath | Invoke-Neuron $reader -ErrorAction Continue 2>&1
            }

            (Get-Content -LiteralPath $outPath)[1] | Should -Match '"0,367'
            @($results).Count | Should -Be 3
            $results | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.InvokeNeuronCommand' }
        }

        It 'reads back under de-DE exactly what the documented ToString(''R'') recipe wrote' {
            $outPath = Join-Path $TestDrive 'scored-r.csv'
            $written = Invoke-InCulture 'de-DE' {
                $rows = @(Import-Csv $inPath | Invoke-Neuron $scorer -AsProperty Score)
                $scores = $rows.Score
                $rows | ForEach-Object { $_.Score = $_.Score.ToString('R', [cultureinfo]::InvariantCulture); $_ } | Export-Csv $outPath -NoTypeInformation
                $scores
            }
            $read = Invoke-InCulture 'de-DE' { Import-Csv $outPath | Invoke-Neuron $reader }

            (Get-Content -LiteralPath $outPath)[1] | Should -Match '"0\.367'
            for ($i = 0; $i -lt 3; $i++) {
                [BitConverter]::DoubleToInt64Bits($read[$i].Output) | Should -Be ([BitConverter]::DoubleToInt64Bits($written[$i]))
            }
        }
    }
}
