BeforeAll {
    . $PSScriptRoot/Common.ps1
    $header = '"format": "NeuronTools.Model", "schemaVersion": 1, '
}

Describe 'ConvertFrom-NeuronJson' {
    Context 'valid JSON' {
        It 'reads back what ConvertTo-NeuronJson writes, bit for bit' {
            $network = New-NeuronNetwork -Shape 3, 4, 2 -Activation 'LeakyReLU(0.1)', Softmax -Initialization XavierNormal -Seed 11 -Name net
            $back = $network | ConvertTo-NeuronJson | ConvertFrom-NeuronJson

            $back | Should -BeOfType NeuronTools.NeuronNetwork
            foreach ($l in 0..1) {
                foreach ($j in 0..($network.Layers[$l].NeuronCount - 1)) {
                    $expected = $network.Layers[$l].Weight[$j] | ForEach-Object { [BitConverter]::DoubleToInt64Bits($_) }
                    $back.Layers[$l].Weight[$j] | ForEach-Object { [BitConverter]::DoubleToInt64Bits($_) } | Should -Be $expected
                }
            }
            (Invoke-NeuronNetwork $back 1, 2, 3).Output | Should -Be (Invoke-NeuronNetwork $network 1, 2, 3).Output
        }

        It 'reads the same model under <Culture>' -TestCases @(@{ Culture = 'de-DE' }, @{ Culture = 'fr-FR' }) {
            param($Culture)
            $neuron = Invoke-InCulture $Culture { ConvertFrom-NeuronJson ('{' + $header + '"type": "Neuron", "inputCount": 2, "weight": [0.5, 1.25e-1], "bias": -2.5, "activation": {"name": "ReLU"}}') }

            $neuron.Weight | Should -Be @(0.5, 0.125)
            $neuron.Bias | Should -Be -2.5
        }

        It 'joins lines piped one by one, as from Get-Content' {
            $lines = (New-Neuron 1, 2 -Name lines | ConvertTo-NeuronJson) -split "`n"
            $neuron = $lines | ConvertFrom-NeuronJson

            $neuron.Name | Should -BeExactly 'lines'
        }

        It 'reads the lines of two files piped line by line as two models' {
            $a = Join-Path $TestDrive 'a.json'
            $b = Join-Path $TestDrive 'b.json'
            New-Neuron 1, 2 -Name a | ConvertTo-NeuronJson | Set-Content -LiteralPath $a
            New-NeuronLayer -InputCount 2 -NeuronCount 2 -Seed 3 -Name b | ConvertTo-NeuronJson | Set-Content -LiteralPath $b

            $models = Get-Content -LiteralPath $a, $b | ConvertFrom-NeuronJson

            $models.Name | Should -Be @('a', 'b')
            $models[1] | Should -BeOfType NeuronTools.NeuronLayer
        }

        It 'reads a file of one compressed model per line (JSON Lines) as one model per line' {
            $path = Join-Path $TestDrive 'models.jsonl'
            1..3 | ForEach-Object { New-Neuron $_ -Name "n$_" | ConvertTo-NeuronJson -Compress } | Set-Content -LiteralPath $path

            (Get-Content -LiteralPath $path | ConvertFrom-NeuronJson).Name | Should -Be @('n1', 'n2', 'n3')
        }

        It 'reads each string as a document when each is whole' {
            $models = (New-Neuron 1 -Name a | ConvertTo-NeuronJson -Compress), (New-Neuron 2 -Name b | ConvertTo-NeuronJson -Compress) | ConvertFrom-NeuronJson

            $models.Name | Should -Be @('a', 'b')
        }
    }

    Context 'invalid JSON' {
        It 'refuses malformed JSON with JsonSyntaxError, giving the line and position' {
            ConvertFrom-NeuronJson "{`n  `"weight`": [1, 2,]`n}" -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'JsonSyntaxError,NeuronTools.Commands.ConvertFromNeuronJsonCommand'
            $err[0].Exception.Message | Should -Match 'line 2, position 19'
        }

        It 'refuses a model of the wrong shape with InvalidModelFile naming the field' {
            ConvertFrom-NeuronJson ('{' + $header + '"type": "NeuronLayer", "inputCount": 2, "neuronCount": 1, "weight": [[1, 2, 3]], "bias": [0], "activation": {"name": "ReLU"}}') -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidModelFile,NeuronTools.Commands.ConvertFromNeuronJsonCommand'
            $err[0].Exception.Message | Should -Match "'weight\[0\]' \(line 1, position \d+\) has 3 values, but inputCount is 2"
        }

        It 'refuses a newer schema version with UnsupportedSchemaVersion' {
            ConvertFrom-NeuronJson '{"format": "NeuronTools.Model", "schemaVersion": 3}' -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'UnsupportedSchemaVersion,NeuronTools.Commands.ConvertFromNeuronJsonCommand'
        }

        It 'refuses text longer than -MaximumSize with ModelFileTooLarge' {
            ConvertFrom-NeuronJson ('{' + (' ' * 200) + '}') -MaximumSize 100 -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'ModelFileTooLarge,NeuronTools.Commands.ConvertFromNeuronJsonCommand'
        }

        It 'refuses nesting deeper than -MaximumDepth with JsonTooDeep' {
            ConvertFrom-NeuronJson ('{"a": [[[[1]]]]}') -MaximumDepth 4 -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'JsonTooDeep,NeuronTools.Commands.ConvertFromNeuronJsonCommand'
        }

        It 'reads both good files after a bad one (<Scenario>), each read with -Raw, in order' -TestCases @(
            @{ Scenario = 'broken syntax'; Bad = "{`n  `"format`": `"NeuronTools.Model`",,`n}`n" }
            @{ Scenario = 'cut off, several lines'; Bad = "{`n  `"format`": `"NeuronTools.Model`",`n  `"schemaVersion`": 1,`n" }
            @{ Scenario = 'cut off, one line without a line break'; Bad = '{"format": "NeuronTools.Model", "schema' }
            @{ Scenario = 'not JSON'; Bad = "this is not a model`n" }
        ) {
            param($Scenario, $Bad)
            $bad = Join-Path $TestDrive 'bad2.json'
            $good = Join-Path $TestDrive 'good.json'
            $other = Join-Path $TestDrive 'other.json'
            [System.IO.File]::WriteAllText($bad, $Bad)
            New-Neuron 0.5, -1, 2 -Name good | ConvertTo-NeuronJson | Set-Content -LiteralPath $good
            New-Neuron 3 -Name other | ConvertTo-NeuronJson | Set-Content -LiteralPath $other

            $models = Get-Content -Raw -LiteralPath $bad, $good, $other | ConvertFrom-NeuronJson -ErrorAction SilentlyContinue -ErrorVariable err

            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'JsonSyntaxError,NeuronTools.Commands.ConvertFromNeuronJsonCommand'
            $models.Name | Should -Be @('good', 'other')
        }

        It 'reads both good files after a file cut off part-way, all sent line by line by Get-Content' {
            $bad = Join-Path $TestDrive 'cut.json'
            $good = Join-Path $TestDrive 'good.json'
            New-Neuron 0.5, -1, 2 -Name good | ConvertTo-NeuronJson | Set-Content -LiteralPath $good
            (Get-Content -Raw -LiteralPath $good).Substring(0, 60) | Set-Content -LiteralPath $bad

            $models = Get-Content -LiteralPath $bad, $good, $good | ConvertFrom-NeuronJson -ErrorAction SilentlyContinue -ErrorVariable err

            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'JsonSyntaxError,NeuronTools.Commands.ConvertFromNeuronJsonCommand'
            $models.Name | Should -Be @('good', 'good')
        }

        It 'reports a bad document in the middle, and reads the models before and after it' {
            $good = New-Neuron 1 -Name before | ConvertTo-NeuronJson
            $after = New-Neuron 2 -Name after | ConvertTo-NeuronJson
            $models = $good, "{`n  `"weight`": [1, 2,]`n}", $after | ConvertFrom-NeuronJson -ErrorAction SilentlyContinue -ErrorVariable err

            $err | Should -HaveCount 1
            $err[0].Exception.Message | Should -Match 'line 2, position 19'
            $models.Name | Should -Be @('before', 'after')
        }

        It 'goes on to the next document after a bad one' {
            $good = New-Neuron 1 -Name good | ConvertTo-NeuronJson -Compress
            $models = $good, '{"format": "NeuronTools.Model"}', $good | ConvertFrom-NeuronJson -ErrorAction SilentlyContinue -ErrorVariable err

            $models | Should -HaveCount 2
            $err | Should -HaveCount 1
        }
    }
}
