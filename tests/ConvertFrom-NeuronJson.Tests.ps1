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
            ConvertFrom-NeuronJson '{"format": "NeuronTools.Model", "schemaVersion": 2}' -ErrorAction SilentlyContinue -ErrorVariable err

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

        It 'goes on to the next document after a bad one' {
            $good = New-Neuron 1 -Name good | ConvertTo-NeuronJson -Compress
            $models = $good, '{"format": "NeuronTools.Model"}', $good | ConvertFrom-NeuronJson -ErrorAction SilentlyContinue -ErrorVariable err

            $models | Should -HaveCount 2
            $err | Should -HaveCount 1
        }
    }
}
