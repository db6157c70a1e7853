BeforeAll {
    . $PSScriptRoot/Common.ps1
    $hidden = New-NeuronLayer -Weight @(0.5, -1, 2), @(1, 0, -1) -Bias 0.5, 0 -Name hidden
    $output = New-NeuronLayer -Weight (, (1, -2)) -Bias 0.25 -Activation Identity -Name output
    $network = New-NeuronNetwork $hidden, $output
}

Describe 'Invoke-NeuronNetwork' {
    Context 'with good input' {
        It 'runs one vector through every layer and keeps each layer''s values' {
            $result = Invoke-NeuronNetwork $network 5, 3, 1

            $result | Should -BeOfType NeuronTools.NetworkOutput
            $result.Input | Should -Be @(5, 3, 1)
            $result.Layer.Count | Should -Be 2
            $result.Layer[0].Input | Should -Be @(5, 3, 1)
            $result.Layer[0].PreActivation | Should -Be @(2, 4)
            $result.Layer[0].Output | Should -Be @(2, 4)
            $result.Layer[0].Derivative | Should -Be @(1, 1)
            $result.Layer[1].Input | Should -Be @(2, 4)
            $result.Layer[1].PreActivation | Should -Be @(-5.75)
            $result.Output | Should -Be @(-5.75)
            $result.PredictedIndex | Should -Be 0
            $result.Layer[1].Name | Should -BeExactly 'output'
        }

        It 'takes one vector from the pipeline with the unary comma' {
            (, (5, 3, 1) | Invoke-NeuronNetwork $network).Output | Should -Be @(-5.75)
        }

        It 'gives one output per vector of an array of vectors, in order, from the pipeline or the parameter' {
            $rows = @(5, 3, 1), @(1, 4, 0), @(0, 0, 0)
            # Layer 0: (2, 4), (-3 -> 0, 1), (0.5, 0); layer 1: 2 - 8 + 0.25, 0 - 2 + 0.25, 0.5 + 0.25.
            ($rows | Invoke-NeuronNetwork $network).Output | Should -Be @(-5.75, -1.75, 0.75)
            (Invoke-NeuronNetwork $network -InputObject $rows).Output | Should -Be @(-5.75, -1.75, 0.75)
        }

        It 'reads <Case> as a vector' -TestCases @(
            @{ Case = 'a double[]'; Vector = [double[]](5, 3, 1) }
            @{ Case = 'an int[]'; Vector = [int[]](5, 3, 1) }
            @{ Case = 'numeric strings'; Vector = @('5', '3.0', '1e0') }
            @{ Case = 'a mix of types'; Vector = @([long]5, [decimal]3, [float]1) }
        ) {
            param($Vector)
            (Invoke-NeuronNetwork $network $Vector).Output | Should -Be @(-5.75)
        }

        It 'keeps what arrived in InputObject' {
            $row = @(5, 3, 1)
            (Invoke-NeuronNetwork $network $row).InputObject | Should -Be $row
        }

        It 'takes a lone number for a one-input network' {
            $one = New-NeuronNetwork (New-NeuronLayer (, @(2)) -Bias 1 -Activation Identity)
            (3 | Invoke-NeuronNetwork $one).Output | Should -Be @(7)
        }

        It 'predicts the index of the largest output' {
            $classifier = New-NeuronNetwork (New-NeuronLayer @(1, 0), @(0, 1), @(1, 1) -Bias 0, 0, -1.5 -Activation Identity)

            (@(3, 1), @(1, 3), @(2, 2) | Invoke-NeuronNetwork $classifier).PredictedIndex | Should -Be @(0, 1, 2)
        }

        It 'shows a table of the input and the output' {
            $text = Invoke-NeuronNetwork $network 5, 3, 1 | Out-String

            $text | Should -Match 'Input\s+Output'
            $text | Should -Match '5, 3, 1\s+-5\.75'
        }

        It 'shows one row per layer with its pre-activations and outputs' {
            $text = (Invoke-NeuronNetwork $network 5, 3, 1).Layer | Out-String

            $text | Should -Match 'Layer\s+Name\s+Activation\s+PreActivation \(a\)\s+Output \(z\)'
            $text | Should -Match '0\s+hidden\s+ReLU\s+2, 4\s+2, 4'
            $text | Should -Match '1\s+output\s+Identity\s+-5\.75\s+-5\.75'
        }

        It 'gives the same results under <Culture>' -TestCases @(
            @{ Culture = 'de-DE' }
            @{ Culture = 'fr-FR' }
        ) {
            param($Culture)
            $results = Invoke-InCulture $Culture { @('2.5', '0.5', '1'), @('1e-1', '-3', '4') | Invoke-NeuronNetwork $network }

            $results | ForEach-Object { $_.Layer[0].PreActivation } | Should -Be @(3.25, 1.5, 11.55, -3.9)
        }
    }

    Context 'with bad input' {
        It 'reports an input of the wrong length as InputCountMismatch with both counts and the input as target' {
            $results = Invoke-NeuronNetwork $network 1, 2 -ErrorAction SilentlyContinue -ErrorVariable err

            $results | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.InvokeNeuronNetworkCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err[0].Exception.Message | Should -Match '3 inputs'
            $err[0].Exception.Message | Should -Match '2 values'
            $err[0].TargetObject | Should -Be @(1, 2)
        }

        It 'hints at the unary comma when lone numbers arrive' {
            $null = 5, 3, 1 | Invoke-NeuronNetwork $network -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 3
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.InvokeNeuronNetworkCommand'
            $err[0].Exception.Message | Should -BeLike '*,(1,2,3) | Invoke-NeuronNetwork*'
        }

        It 'gives four outputs and one error for five vectors with one bad, in order' {
            $rows = @(5, 3, 1), @(1, 4, 0), @(1, 2), @(0, 0, 0), @(2, 0, 0)
            $results = $rows | Invoke-NeuronNetwork $network -ErrorAction SilentlyContinue -ErrorVariable err

            $results.Count | Should -Be 4
            $results.Output | Should -Be @(-5.75, -1.75, 0.75, -2.25)
            $err.Count | Should -Be 1
            $err[0].TargetObject | Should -Be @(1, 2)
        }

        It 'reports <Case> as InvalidInputValue naming its position' -TestCases @(
            @{ Case = 'a non-numeric string'; Vector = @(1, 'abc', 3); Position = 1 }
            @{ Case = 'a null'; Vector = @(1, 2, $null); Position = 2 }
            @{ Case = 'a comma decimal'; Vector = @(1, '2,5', 3); Position = 1 }
        ) {
            param($Vector, $Position)
            $null = Invoke-NeuronNetwork $network $Vector -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.InvokeNeuronNetworkCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].Exception.Message | Should -Match "position $Position"
        }

        It 'reports <Case> in an input as NonFiniteInput' -TestCases @(
            @{ Case = 'NaN'; Value = [double]::NaN }
            @{ Case = '-infinity'; Value = [double]::NegativeInfinity }
            @{ Case = 'the string Infinity'; Value = 'Infinity' }
        ) {
            param($Value)
            $results = Invoke-NeuronNetwork $network 1, $Value, 3 -ErrorAction SilentlyContinue -ErrorVariable err

            $results | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NonFiniteInput,NeuronTools.Commands.InvokeNeuronNetworkCommand'
        }

        It 'reports an overflow in a layer as NonFiniteResult naming the layer' {
            $big = New-NeuronNetwork (New-NeuronLayer (, (1, 1)) -Activation Identity -Name first), (New-NeuronLayer (, @(1e300)) -Activation Identity -Name second)
            $results = Invoke-NeuronNetwork $big 1e10, 1 -ErrorAction SilentlyContinue -ErrorVariable err

            $results | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NonFiniteResult,NeuronTools.Commands.InvokeNeuronNetworkCommand'
            $err[0].Exception.Message | Should -Match "Layers\[1\] \('second'\)"
        }

        It 'stops on a bad row with -ErrorAction Stop, so scripts can catch it' {
            { Invoke-NeuronNetwork $network 1, 2 -ErrorAction Stop } | Should -Throw -ErrorId 'InputCountMismatch,NeuronTools.Commands.InvokeNeuronNetworkCommand'
        }
    }

    Context 'with named inputs' {
        BeforeAll {
            $named = New-NeuronNetwork $hidden, $output -InputName cpu, memory, errors
        }

        It 'binds <Case> by input name, whatever the order and case, ignoring extra properties' -TestCases @(
            @{ Case = 'a CSV row'; Row = ('host,Errors,CPU,memory', 'web1,1,5,3' | ConvertFrom-Csv) }
            @{ Case = 'a [pscustomobject]'; Row = [pscustomobject]@{ memory = 3; host = 'web1'; cpu = 5; errors = 1 } }
            @{ Case = 'a hashtable'; Row = @{ MEMORY = 3; Cpu = 5; errors = 1; host = 'web1' } }
        ) {
            param($Row)
            $result = $Row | Invoke-NeuronNetwork $named

            $result.Input | Should -Be @(5, 3, 1)
            $result.Output | Should -Be @(-5.75)
            $result.InputObject | Should -Be $Row
        }

        It 'gives every good row its output and every bad row its error, in input order' {
            # Merging the error stream into the output keeps the order in which rows were answered.
            $stream = New-MixedInputRow | Invoke-NeuronNetwork $named -ErrorAction Continue 2>&1

            $stream.Count | Should -Be 6
            $stream[0].Output | Should -Be @(-5.75)
            $stream[1].FullyQualifiedErrorId | Should -BeExactly 'MissingInput,NeuronTools.Commands.InvokeNeuronNetworkCommand'
            $stream[1].TargetObject.id | Should -Be 1
            $stream[2].Output | Should -Be @(-1.75)
            $stream[3].FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.InvokeNeuronNetworkCommand'
            $stream[3].TargetObject.id | Should -Be 3
            $stream[4].Output | Should -Be @(0.75)
            $stream[5].Output | Should -Be @(-2.25)
        }

        It 'stops once with MissingInputColumn when the first row lacks inputs, naming them, the row''s columns and the closest match' {
            $err = $null
            try { [pscustomobject]@{ cpu = 1; mem = 2 } | Invoke-NeuronNetwork $named } catch { $err = $_ }

            $err.FullyQualifiedErrorId | Should -BeExactly 'MissingInputColumn,NeuronTools.Commands.InvokeNeuronNetworkCommand'
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err.Exception.Message | Should -Match "'memory' \(did you mean 'mem'\?\), 'errors'"
            $err.Exception.Message | Should -Match 'Its columns are: cpu, mem\.'
        }

        It 'reads no row past the first when a scheduled job''s file misspells a column: one error, not one per row' {
            $path = Join-Path $TestDrive 'nightly.csv'
            $script = Join-Path $TestDrive 'nightly.ps1'
            $model = Join-Path $TestDrive 'model.json'
            $named | Export-Neuron -Path $model
            'cpu,memroy,errors' | Set-Content $path
            1..10260 | ForEach-Object { "$_,3,1" } | Add-Content $path
            @"
Import-Module '$((Get-Module NeuronTools).Path)'
`$script:pulled = 0
`$m = Import-Neuron -Path '$model'
try { Import-Csv '$path' | ForEach-Object { `$script:pulled++; `$_ } | Invoke-NeuronNetwork `$m | Out-Null }
catch { "error: `$(`$_.FullyQualifiedErrorId)" }
"rows read: `$script:pulled"
"@ | Set-Content $script
            $lines = Invoke-FreshPwsh "& '$script'" 2>&1

            @($lines | Where-Object { "$_" -like 'error: *' }) | Should -Be @('error: MissingInputColumn,NeuronTools.Commands.InvokeNeuronNetworkCommand')
            $lines | Should -Contain 'rows read: 1'
        }

        It 'reports a later row missing inputs as MissingInput and goes on' {
            $rows = [pscustomobject]@{ cpu = 1; memory = 2; errors = 0 }, [pscustomobject]@{ cpu = 1; mem = 2 }, [pscustomobject]@{ cpu = 1; memory = 2; errors = 1 }
            $results = $rows | Invoke-NeuronNetwork $named -ErrorAction SilentlyContinue -ErrorVariable err

            @($results).Count | Should -Be 2
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'MissingInput,NeuronTools.Commands.InvokeNeuronNetworkCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].Exception.Message | Should -Match "'memory', 'errors'"
        }

        It 'reports <Case> as InvalidInputValue naming the property' -TestCases @(
            @{ Case = 'an empty cell'; Value = ''; Expected = "'memory' is empty" }
            @{ Case = 'a comma decimal'; Value = '2,5'; Expected = "'memory' has the value '2,5'" }
        ) {
            param($Value, $Expected)
            $null = @{ cpu = 1; memory = $Value; errors = 0 } | Invoke-NeuronNetwork $named -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.InvokeNeuronNetworkCommand'
            $err[0].Exception.Message | Should -Match $Expected
        }

        It 'refuses a named row for a network without input names, with InputNameRequired' {
            $null = [pscustomobject]@{ cpu = 5; memory = 3; errors = 1 } | Invoke-NeuronNetwork $network -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputNameRequired,NeuronTools.Commands.InvokeNeuronNetworkCommand'
        }
    }

    Context 'with -AsProperty' {
        BeforeAll {
            $named = New-NeuronNetwork $hidden, $output -InputName cpu, memory, errors
        }

        It 'adds the output as a column to CSV rows, keeping the others, in order' {
            $inPath = Join-Path $TestDrive 'in.csv'
            $outPath = Join-Path $TestDrive 'out.csv'
            Set-Content -LiteralPath $inPath -Value 'host,cpu,memory,errors', 'web1,5,3,1', 'web2,1,4,0', 'db1,0,0,0'

            Import-Csv $inPath | Invoke-NeuronNetwork $named -AsProperty Score | Export-Csv $outPath -NoTypeInformation -UseQuotes Never

            Get-Content -LiteralPath $outPath | Should -Be @('host,cpu,memory,errors,Score', 'web1,5,3,1,-5.75', 'web2,1,4,0,-1.75', 'db1,0,0,0,0.75')
        }

        It 'adds a key to a hashtable row' {
            $row = @{ cpu = 5; memory = 3; errors = 1 }
            $result = $row | Invoke-NeuronNetwork $named -AsProperty Score

            $result['Score'] | Should -Be -5.75
            $row['Score'] | Should -Be -5.75
        }

        It 'adds one Score_<n> column per output of a network with several outputs, never an array' {
            $twoOutputs = New-NeuronNetwork -Layer (New-NeuronLayer @(1, 0), @(0, 2) -Bias 0, 1 -Activation Identity) -InputName a, b
            $result = [pscustomobject]@{ a = 3; b = 4 } | Invoke-NeuronNetwork $twoOutputs -AsProperty Score

            $result.Score_1 | Should -Be 3
            $result.Score_2 | Should -Be 9
            $result.PSObject.Properties.Name | Should -Not -Contain 'Score'
            $result | ConvertTo-Csv | Should -Not -Match 'System\.Double'
        }

        It 'refuses a name that a row has as a property of its own with AsPropertyConflict' {
            $null = , @(5, 3, 1) | Invoke-NeuronNetwork $named -AsProperty Length -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'AsPropertyConflict,NeuronTools.Commands.InvokeNeuronNetworkCommand'
        }

        It 'stops with AsPropertyConflict before any row when the name is one of the inputs (<Name>)' -TestCases @(
            @{ Name = 'cpu' }
            @{ Name = 'MEMORY' }
        ) {
            param($Name)
            $row = [pscustomobject]@{ cpu = 5; memory = 3; errors = 1 }
            $err = { $row | Invoke-NeuronNetwork $named -AsProperty $Name } | Should -Throw -ErrorId 'AsPropertyConflict,NeuronTools.Commands.InvokeNeuronNetworkCommand' -PassThru

            $err.TargetObject | Should -BeExactly $Name
            $err.Exception.Message | Should -Match 'cpu, memory, errors'
            $row.cpu | Should -Be 5
            $row.memory | Should -Be 3
        }
    }

    Context 'a layer' {
        It 'runs a NeuronLayer, <Case>, as a network of that one layer' -TestCases @(
            @{ Case = 'built by New-NeuronLayer'; Layer = { New-NeuronLayer -Weight @(0.5, -1, 2), @(1, 0, -1) -Bias 0.5, 0 -Activation Sigmoid -Name hidden } }
            @{ Case = 'read back by ConvertFrom-NeuronJson'; Layer = { New-NeuronLayer -Weight @(0.5, -1, 2), @(1, 0, -1) -Bias 0.5, 0 -Activation Sigmoid -Name hidden | ConvertTo-NeuronJson | ConvertFrom-NeuronJson } }
        ) {
            param($Case, $Layer)
            $model = & $Layer
            $expected = (, (5, 3, 1) | Invoke-NeuronNetwork (New-NeuronNetwork -Layer $model)).Output

            $results = @(5, 3, 1), @(1, 4, 0) | Invoke-NeuronNetwork $model

            $results | Should -HaveCount 2
            $results[0].Output | Should -Be $expected
            $results[0].Output | Should -Be @((1 / (1 + [math]::Exp(-2))), (1 / (1 + [math]::Exp(-4))))
            $results[0].Layer | Should -HaveCount 1
            (Invoke-NeuronNetwork -Network $model -InputObject 1, 4, 0).Output | Should -Be $results[1].Output
        }

        It 'still refuses a neuron as -Network' {
            { Invoke-NeuronNetwork -Network (New-Neuron 1, 2) -InputObject 1, 2 } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,NeuronTools.Commands.InvokeNeuronNetworkCommand'
        }
    }

    Context 'with a model trained from rows' {
        BeforeAll {
            $irisPath = Join-Path $PSScriptRoot 'Data/iris.csv'
            $iris = Import-Csv $irisPath | Select-Object * -ExcludeProperty species
            $model = $iris | Invoke-NeuronTraining -Target species_name -HiddenLayer 8 -Scaling Standard -Epoch 40 -LearningRate 0.01 -Seed 1
        }

        It 'applies the stored scaling to raw rows: the first layer reads the scaled values' {
            $row = $iris[0]
            $result = $row | Invoke-NeuronNetwork $model
            $expected = foreach ($c in $model.Preprocessing.Column) { ([double]$row.($c.Name) - $c.Offset) * $c.Scale }

            $result.Input | Should -Be $expected
            $result.PredictedLabel | Should -BeExactly $model.ClassLabel[$result.PredictedIndex]
            $result.Probability | Should -Be $result.Output[$result.PredictedIndex]
        }

        It 'adds Predicted and one Predicted_<class> column per class with -AsProperty, never an array, for Export-Csv' {
            $path = Join-Path $TestDrive 'scored.csv'
            Import-Csv $irisPath | Select-Object -First 5 | Invoke-NeuronNetwork $model -AsProperty Predicted | Export-Csv $path
            $scored = Import-Csv $path

            $scored[0].PSObject.Properties.Name | Should -Be @('sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species', 'species_name', 'Predicted', 'Predicted_setosa', 'Predicted_versicolor', 'Predicted_virginica')
            $scored[0].Predicted | Should -BeIn $model.ClassLabel
            $sum = [double]$scored[0].Predicted_setosa + [double]$scored[0].Predicted_versicolor + [double]$scored[0].Predicted_virginica
            [math]::Abs($sum - 1) | Should -BeLessThan 1e-12
            Get-Content $path -Raw | Should -Not -Match 'System\.Double'
        }
    }
}
