BeforeAll {
    . $PSScriptRoot/Common.ps1
    $hidden = New-NeuronLayer -Weight @(0.5, -1, 2), @(1, 0, -1) -Bias 0.5, 0 -Name hidden
    $output = New-NeuronLayer -Weight (, (1, -2)) -Bias 0.25 -Activation Sigmoid -Name output
}

Describe 'New-NeuronNetwork' {
    Context 'with layers' {
        It 'joins the layers in order, from the parameter or the pipeline' {
            $fromParameter = New-NeuronNetwork -Layer $hidden, $output -Name demo
            $fromPipeline = $hidden, $output | New-NeuronNetwork

            foreach ($network in $fromParameter, $fromPipeline) {
                $network | Should -BeOfType NeuronTools.NeuronNetwork
                $network.Layers.Count | Should -Be 2
                $network.Layers[0].Name | Should -BeExactly 'hidden'
                $network.Layers[1].Name | Should -BeExactly 'output'
                $network.Shape | Should -Be @(3, 2, 1)
                $network.InputCount | Should -Be 3
                $network.OutputCount | Should -Be 1
                $network.ParameterCount | Should -Be 11
            }
            $fromParameter.Name | Should -BeExactly 'demo'
        }

        It 'names its inputs' {
            (New-NeuronNetwork $hidden, $output -InputName cpu, memory, errors).InputName | Should -Be @('cpu', 'memory', 'errors')
        }

        It 'shares its layers with other networks without copying them' {
            $first = New-NeuronNetwork $hidden, $output
            $second = New-NeuronNetwork $hidden

            [object]::ReferenceEquals($first.Layers[0], $second.Layers[0]) | Should -BeTrue
        }
    }

    Context 'with a shape' {
        It 'makes a layer for each count after the first' {
            $network = New-NeuronNetwork -Shape 3, 4, 2 -Activation ReLU, Sigmoid -Seed 7

            $network.Shape | Should -Be @(3, 4, 2)
            $network.Layers[0].InputCount | Should -Be 3
            $network.Layers[0].NeuronCount | Should -Be 4
            $network.Layers[1].InputCount | Should -Be 4
            $network.Layers[1].NeuronCount | Should -Be 2
            @($network.Layers | ForEach-Object { $_.Activation.Specification }) | Should -Be @('ReLU', 'Sigmoid')
            $network.ParameterCount | Should -Be 26
        }

        It 'uses one activation for all layers, ReLU by default' {
            @((New-NeuronNetwork -Shape 2, 3, 3, 1 -Activation Tanh).Layers | ForEach-Object { $_.Activation.Specification }) | Should -Be @('Tanh', 'Tanh', 'Tanh')
            @((New-NeuronNetwork -Shape 2, 3, 1).Layers | ForEach-Object { $_.Activation.Specification }) | Should -Be @('ReLU', 'ReLU')
        }

        It 'gives the same network for the same seed, and each layer its own derived seed' {
            $first = New-NeuronNetwork -Shape 3, 3, 3 -Initialization XavierNormal -Seed 42
            $again = New-NeuronNetwork -Shape 3, 3, 3 -Initialization XavierNormal -Seed 42
            $layer1 = New-NeuronLayer -InputCount 3 -NeuronCount 3 -Initialization XavierNormal -Seed ([NeuronTools.NeuronNetwork]::LayerSeed(42, 1))

            ($first.Layers | ForEach-Object { $_.Weight } | ForEach-Object { $_ }) | Should -Be ($again.Layers | ForEach-Object { $_.Weight } | ForEach-Object { $_ })
            ($first.Layers[1].Weight | ForEach-Object { $_ }) | Should -Be ($layer1.Weight | ForEach-Object { $_ })
            ($first.Layers[0].Weight | ForEach-Object { $_ }) | Should -Not -Be ($first.Layers[1].Weight | ForEach-Object { $_ })
        }
    }

    Context 'views' {
        It 'shows a table with the name, shape, activations and parameter count' {
            $text = New-NeuronNetwork $hidden, $output -Name demo | Out-String

            $text | Should -Match 'Name\s+Shape\s+Activation\s+Parameters'
            $text | Should -Match 'demo\s+3-2-1\s+ReLU, Sigmoid\s+11'
        }

        It 'shows every layer''s weights and biases with Format-List' {
            $text = New-NeuronNetwork $hidden, $output | Format-List | Out-String

            $text | Should -Match '\[0\] hidden 3 -> 2, ReLU'
            $text | Should -Match 'w: 0\.5, -1, 2'
            $text | Should -Match 'w: 1, 0, -1'
            $text | Should -Match 'b: 0\.5, 0'
            $text | Should -Match '\[1\] output 2 -> 1, Sigmoid'
            $text | Should -Match 'w: 1, -2'
        }
    }

    Context 'with bad arguments' {
        It 'refuses layers that do not fit with LayerShapeMismatch, naming both layers and both counts' {
            $first = New-NeuronLayer -InputCount 3 -NeuronCount 4 -Seed 1 -Name hidden
            $second = New-NeuronLayer -InputCount 5 -NeuronCount 2 -Seed 2 -Name output

            $err = { New-NeuronNetwork $first, $second } | Should -Throw -ErrorId 'LayerShapeMismatch,NeuronTools.Commands.NewNeuronNetworkCommand' -PassThru

            $err.Exception.Message | Should -Match "Layers\[0\] \('hidden'\) has 4 neurons"
            $err.Exception.Message | Should -Match "Layers\[1\] \('output'\) takes 5 inputs"
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'refuses <Case> with <ErrorId>' -TestCases @(
            @{ Case = 'a shape without a layer'; ErrorId = 'InvalidShape'; Arguments = @{ Shape = @(3) } }
            @{ Case = 'a count of 0'; ErrorId = 'InvalidShape'; Arguments = @{ Shape = @(3, 0, 2) } }
            @{ Case = 'too many activations'; ErrorId = 'ActivationCountMismatch'; Arguments = @{ Shape = @(3, 4, 2); Activation = @('ReLU', 'Tanh', 'Sigmoid') } }
            @{ Case = 'an unknown activation'; ErrorId = 'UnknownActivation'; Arguments = @{ Shape = @(3, 2); Activation = @('Sigmod') } }
            @{ Case = 'the wrong number of input names'; ErrorId = 'InputNameCountMismatch'; Arguments = @{ Shape = @(3, 2); InputName = @('a', 'b') } }
            @{ Case = 'duplicate input names'; ErrorId = 'DuplicateInputName'; Arguments = @{ Shape = @(2, 2); InputName = @('a', 'A') } }
        ) {
            param($ErrorId, $Arguments)
            { New-NeuronNetwork @Arguments } | Should -Throw -ErrorId "$ErrorId,NeuronTools.Commands.NewNeuronNetworkCommand"
        }

        It 'targets the offending value with <ErrorId> (<Case>)' -TestCases @(
            @{ Case = 'names for the wrong number of inputs'; ErrorId = 'InputNameCountMismatch'; Arguments = @{ Shape = @(3, 4, 2); InputName = @('a', 'b') }; Target = 'a b' }
            @{ Case = 'duplicate input names'; ErrorId = 'DuplicateInputName'; Arguments = @{ Shape = @(2, 2); InputName = @('a', 'A') }; Target = 'a A' }
            @{ Case = 'a count of 0'; ErrorId = 'InvalidShape'; Arguments = @{ Shape = @(3, 0, 2) }; Target = '3 0 2' }
            @{ Case = 'too many activations'; ErrorId = 'ActivationCountMismatch'; Arguments = @{ Shape = @(3, 4, 2); Activation = @('ReLU', 'Tanh', 'Sigmoid') }; Target = 'ReLU Tanh Sigmoid' }
            @{ Case = 'an unknown activation'; ErrorId = 'UnknownActivation'; Arguments = @{ Shape = @(3, 4, 2); Activation = @('ReLU', 'Sigmod') }; Target = 'Sigmod' }
        ) {
            param($ErrorId, $Arguments, $Target)
            $err = { New-NeuronNetwork @Arguments } | Should -Throw -ErrorId "$ErrorId,NeuronTools.Commands.NewNeuronNetworkCommand" -PassThru

            "$($err.TargetObject)" | Should -BeExactly $Target
        }

        It 'targets the input names, not the layers, when the names do not fit the layers' {
            $layer = New-NeuronLayer -InputCount 3 -NeuronCount 1 -Seed 1
            $err = { New-NeuronNetwork $layer -InputName a, b } | Should -Throw -ErrorId 'InputNameCountMismatch,NeuronTools.Commands.NewNeuronNetworkCommand' -PassThru

            $err.TargetObject | Should -Be @('a', 'b')
            $err.Exception.Message | Should -Match 'has 3 inputs but 2 input names'
        }

        It 'targets the layers when they do not fit together' {
            $first = New-NeuronLayer -InputCount 3 -NeuronCount 1 -Seed 1
            $second = New-NeuronLayer -InputCount 2 -NeuronCount 1 -Seed 1
            $err = { New-NeuronNetwork $first, $second } | Should -Throw -ErrorId 'LayerShapeMismatch,NeuronTools.Commands.NewNeuronNetworkCommand' -PassThru

            $err.TargetObject.Count | Should -Be 2
            $err.Exception.Message | Should -Match 'Layers\[0\] has 1 neuron, so it gives 1 output,'
        }
    }

    Context 'with whole numbers given as text' {
        It 'reads -Shape ''3'', ''4'', 2 and -Seed ''7'' under <Culture> as the numbers' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            $network = Invoke-InCulture $Culture { New-NeuronNetwork -Shape '3', '4', 2 -Seed '7' }
            $expected = New-NeuronNetwork -Shape 3, 4, 2 -Seed 7

            $network.Shape | Should -Be 3, 4, 2
            $network.Layers[0].Weight[0] | Should -Be $expected.Layers[0].Weight[0]
        }

        It 'refuses -<Parameter> <Text> under <Culture> with ParameterArgumentTransformationError' -TestCases @(
            @{ Parameter = 'Shape'; Text = '3,4,2'; Culture = 'en-US' }
            @{ Parameter = 'Shape'; Text = '3,4,2'; Culture = 'de-DE' }
            @{ Parameter = 'Seed'; Text = '0x10'; Culture = 'de-DE' }
        ) {
            param($Parameter, $Text, $Culture)
            $arguments = @{ Shape = @(2, 1) }
            $arguments[$Parameter] = $Text
            $err = { Invoke-InCulture $Culture { New-NeuronNetwork @arguments } } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.NewNeuronNetworkCommand' -PassThru

            $err.Exception.Message | Should -Match "'$Parameter'.*'$([regex]::Escape($Text))' is not a whole number"
        }
    }
}
