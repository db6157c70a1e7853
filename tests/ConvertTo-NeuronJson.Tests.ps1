BeforeAll { . $PSScriptRoot/Common.ps1 }

Describe 'ConvertTo-NeuronJson' {
    Context 'models' {
        It 'writes a neuron as the documented JSON' {
            $json = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -Name article | ConvertTo-NeuronJson -Compress

            $json | Should -BeExactly '{"format":"NeuronTools.Model","schemaVersion":1,"type":"Neuron","name":"article","inputCount":3,"weight":[0.5,-1,2],"bias":0.5,"activation":{"name":"ReLU","parameters":{}}}'
        }

        It 'indents by default, with each weight row on one line' {
            $json = New-NeuronLayer -Weight @(1, 2), @(3, 4) -Bias 0.5, -0.5 -Activation Tanh | ConvertTo-NeuronJson

            $json | Should -Match '(?m)^    \[1, 2\],$'
            $json | Should -Match '"type": "NeuronLayer"'
            $json | Should -Match '"neuronCount": 2'
        }

        It 'ends the text with the closing brace, no line break, as ConvertTo-Json does, <Case>' -TestCases @(
            @{ Case = 'indented'; Compress = $false }
            @{ Case = 'compressed'; Compress = $true }
        ) {
            param($Case, $Compress)
            $json = New-Neuron 1, 2 | ConvertTo-NeuronJson -Compress:$Compress

            $json[-1] | Should -BeExactly '}'
            (@{ a = 1 } | ConvertTo-Json)[-1] | Should -BeExactly '}'
        }

        It 'writes every parameter of the activation, defaults too' {
            $json = New-Neuron 1 -Activation 'Softplus(beta=2)' | ConvertTo-NeuronJson -Compress

            $json | Should -Match '"parameters":\{"beta":2,"threshold":20\}'
        }

        It 'writes the shortest text that reads back to the same double, under <Culture>' -TestCases @(
            @{ Culture = 'de-DE' }
            @{ Culture = 'fr-FR' }
            @{ Culture = 'en-US' }
        ) {
            param($Culture)
            $json = Invoke-InCulture $Culture { New-Neuron 0.1, 1e-5, ([double]::Epsilon), -0.0 -Bias (1 / 3) | ConvertTo-NeuronJson -Compress }

            $json | Should -Match '"weight":\[0\.1,1E-05,5E-324,-0\]'
            $json | Should -Match '"bias":0\.3333333333333333,'
        }

        It 'gives one string per piped model' {
            $strings = (New-Neuron 1), (New-NeuronLayer -InputCount 1 -NeuronCount 1 -Seed 1), (New-NeuronNetwork -Shape 1, 1 -Seed 1) | ConvertTo-NeuronJson

            $strings | Should -HaveCount 3
            ($strings | ConvertFrom-NeuronJson | ForEach-Object { $_.GetType().Name }) | Should -Be @('Neuron', 'NeuronLayer', 'NeuronNetwork')
        }
    }

    Context 'bad input' {
        It 'refuses an object that is not a model with UnsupportedModelType, and goes on' {
            $strings = 'text', (New-Neuron 1) | ConvertTo-NeuronJson -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'UnsupportedModelType,NeuronTools.Commands.ConvertToNeuronJsonCommand'
            $err[0].Exception.Message | Should -Match 'System.String'
            $strings | Should -HaveCount 1
        }
    }
}
