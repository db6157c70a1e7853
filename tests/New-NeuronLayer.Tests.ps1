BeforeAll { . $PSScriptRoot/Common.ps1 }

Describe 'New-NeuronLayer' {
    Context 'with a weight matrix' {
        It 'builds a layer with one row per neuron, its biases, activation and name' {
            $layer = New-NeuronLayer -Weight @(0.5, -1, 2), @(1, 0, -1) -Bias 0.5, 0 -Activation Tanh -Name hidden

            $layer | Should -BeOfType NeuronTools.NeuronLayer
            $layer.Weight.Count | Should -Be 2
            $layer.Weight[0] | Should -Be @(0.5, -1, 2)
            $layer.Weight[1] | Should -Be @(1, 0, -1)
            $layer.Bias | Should -Be @(0.5, 0)
            $layer.Activation.Specification | Should -BeExactly 'Tanh'
            $layer.InputCount | Should -Be 3
            $layer.NeuronCount | Should -Be 2
            $layer.ParameterCount | Should -Be 8
            $layer.Name | Should -BeExactly 'hidden'
        }

        It 'defaults the biases to 0 and the activation to ReLU' {
            $layer = New-NeuronLayer @(1, 2), @(3, 4)

            $layer.Bias | Should -Be @(0, 0)
            $layer.Activation.Specification | Should -BeExactly 'ReLU'
        }

        It 'takes a single row with the unary comma' {
            (New-NeuronLayer -Weight (, (1, 2, 3))).NeuronCount | Should -Be 1
        }

        It 'takes activation parameters in brackets' {
            (New-NeuronLayer @(1, 2) -Activation 'LeakyReLU(negative_slope=0.2)').Activation.Specification | Should -BeExactly 'LeakyReLU(negative_slope=0.2)'
        }

        It 'cannot be changed after it is made' {
            $layer = New-NeuronLayer @(1, 2), @(3, 4) -Bias 5, 6
            { $layer.Weight[0][0] = 9 } | Should -Throw
            { $layer.Bias[0] = 9 } | Should -Throw
            $layer.Weight[0][0] | Should -Be 1
            $layer.Bias[0] | Should -Be 5
        }
    }

    Context 'with drawn starting weights' {
        It 'draws InputCount x NeuronCount weights and zero biases' {
            $layer = New-NeuronLayer -InputCount 3 -NeuronCount 4 -Seed 1

            $layer.InputCount | Should -Be 3
            $layer.NeuronCount | Should -Be 4
            @($layer.Weight | ForEach-Object { $_.Count }) | Should -Be @(3, 3, 3, 3)
            $layer.Bias | Should -Be @(0, 0, 0, 0)
        }

        It 'gives the same weights for the same seed, and others for another seed' {
            $first = New-NeuronLayer -InputCount 3 -NeuronCount 2 -Initialization HeNormal -Seed 42
            $again = New-NeuronLayer -InputCount 3 -NeuronCount 2 -Initialization HeNormal -Seed 42
            $other = New-NeuronLayer -InputCount 3 -NeuronCount 2 -Initialization HeNormal -Seed 43

            ($first.Weight | ForEach-Object { $_ }) | Should -Be ($again.Weight | ForEach-Object { $_ })
            ($first.Weight | ForEach-Object { $_ }) | Should -Not -Be ($other.Weight | ForEach-Object { $_ })
        }

        It 'draws for a one-neuron layer what New-Neuron draws for the same seed' {
            $layer = New-NeuronLayer -InputCount 4 -NeuronCount 1 -Initialization XavierUniform -Seed 5
            $neuron = New-Neuron -InputCount 4 -Initialization XavierUniform -Seed 5

            $layer.Weight[0] | Should -Be $neuron.Weight
        }

        It 'draws <Initialization> weights within its bound for fan-in 4 and fan-out 6' -TestCases @(
            @{ Initialization = 'Uniform'; Bound = 1 / [math]::Sqrt(4) }
            @{ Initialization = 'XavierUniform'; Bound = [math]::Sqrt(6 / 10) }
            @{ Initialization = 'HeUniform'; Bound = [math]::Sqrt(6 / 4) }
        ) {
            param($Initialization, $Bound)
            $layer = New-NeuronLayer -InputCount 4 -NeuronCount 6 -Initialization $Initialization -Seed 1
            $layer.Weight | ForEach-Object { $_ } | ForEach-Object { [math]::Abs($_) | Should -BeLessOrEqual $Bound }
        }
    }

    Context 'with neurons' {
        BeforeAll {
            $first = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5
            $second = New-Neuron -Weight 1, 0, -1
        }

        It 'makes each neuron a row, from the parameter or the pipeline' {
            $fromParameter = New-NeuronLayer -Neuron $first, $second
            $fromPipeline = $first, $second | New-NeuronLayer -Name pair

            foreach ($layer in $fromParameter, $fromPipeline) {
                $layer.Weight[0] | Should -Be @(0.5, -1, 2)
                $layer.Weight[1] | Should -Be @(1, 0, -1)
                $layer.Bias | Should -Be @(0.5, 0)
                $layer.Activation.Specification | Should -BeExactly 'ReLU'
            }
            $fromPipeline.Name | Should -BeExactly 'pair'
        }

        It 'gives, run in a network, the bits Invoke-Neuron gives for each neuron' {
            $a = New-Neuron -Weight 0.1, 0.2, 0.3 -Bias 0.7 -Activation Sigmoid
            $b = New-Neuron -Weight -1.7, 0.25, 1e-3 -Bias -0.1 -Activation Sigmoid
            $network = New-NeuronNetwork (New-NeuronLayer -Neuron $a, $b)
            $x = 0.3, (1 / 3), -2.9

            $result = Invoke-NeuronNetwork $network $x
            $expected = @((Invoke-Neuron $a $x).Output, (Invoke-Neuron $b $x).Output)

            @($result.Output | ForEach-Object { [BitConverter]::DoubleToInt64Bits($_) }) | Should -Be @($expected | ForEach-Object { [BitConverter]::DoubleToInt64Bits($_) })
        }

        It 'lets -Activation choose the activation of neurons that differ' {
            $tanh = New-Neuron -Weight 1, 1, 1 -Activation Tanh

            (New-NeuronLayer -Neuron $first, $tanh -Activation Sigmoid).Activation.Specification | Should -BeExactly 'Sigmoid'
        }
    }

    Context 'with a vector activation' {
        It 'takes Softmax as a layer activation, whose outputs sum to 1' {
            $layer = New-NeuronLayer @(1, 0), @(0, 1), @(1, 1) -Activation Softmax
            $result = Invoke-NeuronNetwork (New-NeuronNetwork $layer) 1, 2

            $layer.Activation.IsVector | Should -BeTrue
            ($result.Output | Measure-Object -Sum).Sum | Should -BeGreaterThan 0.999999999999
            $result.PredictedIndex | Should -Be 2
            $result.Layer[0].Derivative | Should -BeNullOrEmpty
        }
    }

    Context 'views' {
        It 'shows a table with the name, input count, neuron count, activation and parameter count' {
            $text = New-NeuronLayer @(0.5, -1, 2), @(1, 0, -1) -Name hidden | Out-String

            $text | Should -Match 'Name\s+Inputs\s+Neurons\s+Activation\s+Parameters'
            $text | Should -Match 'hidden\s+3\s+2\s+ReLU\s+8'
        }

        It 'shows the weight rows and biases, round-trip exact, with Format-List' {
            $text = New-NeuronLayer @(0.1, -1, 2), @(1, 0, (1 / 3)) -Bias 0.5, 0 | Format-List | Out-String

            $text | Should -Match 'Weight\s+: 0\.1, -1, 2'
            $text | Should -Match '1, 0, 0\.3333333333333333'
            $text | Should -Match 'Bias\s+: 0\.5, 0'
        }
    }

    Context 'with a flat list of weights' {
        It 'takes <Case> as one neuron with two weights' -TestCases @(
            @{ Case = '-Weight 1, 2'; Make = { New-NeuronLayer -Weight 1, 2 } }
            @{ Case = '-Weight @(1, 2)'; Make = { New-NeuronLayer -Weight @(1, 2) } }
            @{ Case = 'a [double[]]'; Make = { New-NeuronLayer -Weight ([double[]](1, 2)) } }
            @{ Case = 'numbers in text'; Make = { New-NeuronLayer -Weight '1', '2' } }
            @{ Case = 'the unary comma'; Make = { New-NeuronLayer -Weight (, (1, 2)) } }
        ) {
            param($Make)
            $layer = & $Make

            $layer.NeuronCount | Should -Be 1
            $layer.InputCount | Should -Be 2
            $layer.Weight[0] | Should -Be @(1, 2)
        }

        It 'keeps rows given as arrays as one neuron each' {
            $layer = New-NeuronLayer -Weight @(1, 2), @(3, 4)

            $layer.NeuronCount | Should -Be 2
            $layer.Weight[1] | Should -Be @(3, 4)
        }

        It 'makes one neuron per weight only when each row is an array' {
            $layer = New-NeuronLayer -Weight @(1), @(2)

            $layer.NeuronCount | Should -Be 2
            $layer.InputCount | Should -Be 1
        }

        It 'takes a lone number as one neuron of one weight' {
            $layer = New-NeuronLayer -Weight 3

            $layer.NeuronCount | Should -Be 1
            $layer.Weight[0] | Should -Be @(3)
        }

        It 'gives the same outputs as the neuron with those weights' {
            $layer = New-NeuronLayer -Weight 0.5, -1, 2 -Bias 0.5
            $neuron = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5

            (Invoke-NeuronNetwork (New-NeuronNetwork $layer) 5, 3, 1).Output | Should -Be (Invoke-Neuron $neuron 5, 3, 1).Output
        }
    }

    Context 'with bad arguments' {
        It 'refuses <Case> with <ErrorId>' -TestCases @(
            @{ Case = 'ragged rows'; ErrorId = 'RaggedWeight'; Arguments = @{ Weight = @(@(1, 2), @(3)) } }
            @{ Case = 'too few biases'; ErrorId = 'BiasCountMismatch'; Arguments = @{ Weight = @(@(1, 2), @(3, 4)); Bias = @(1) } }
            @{ Case = 'too many biases'; ErrorId = 'BiasCountMismatch'; Arguments = @{ Weight = @(@(1, 2), @(3, 4)); Bias = @(1, 2, 3) } }
            @{ Case = 'a NaN weight'; ErrorId = 'NonFiniteWeight'; Arguments = @{ Weight = @(, @(1, [double]::NaN)) } }
            @{ Case = 'an infinite bias'; ErrorId = 'NonFiniteBias'; Arguments = @{ Weight = @(, @(1, 2)); Bias = @([double]::PositiveInfinity) } }
            @{ Case = 'an empty row'; ErrorId = 'EmptyWeight'; Arguments = @{ Weight = @(@(1, 2), [double[]]@()) } }
            @{ Case = 'an unknown activation'; ErrorId = 'UnknownActivation'; Arguments = @{ Weight = @(, @(1, 2)); Activation = 'Relu7' } }
        ) {
            param($ErrorId, $Arguments)
            { New-NeuronLayer @Arguments } | Should -Throw -ErrorId "$ErrorId,NeuronTools.Commands.NewNeuronLayerCommand"
        }

        It 'refuses a mix of numbers and rows as RaggedWeight' {
            { New-NeuronLayer -Weight 1, @(2, 3) } | Should -Throw -ErrorId 'RaggedWeight,NeuronTools.Commands.NewNeuronLayerCommand'
        }

        It 'targets the offending value with <ErrorId> (<Case>)' -TestCases @(
            @{ Case = 'a NaN weight'; ErrorId = 'NonFiniteWeight'; Arguments = @{ Weight = @(@(1, 2), @(3, [double]::NaN)) }; Target = 'Weight' }
            @{ Case = 'ragged rows'; ErrorId = 'RaggedWeight'; Arguments = @{ Weight = @(@(1, 2), @(3)) }; Target = 'Weight' }
            @{ Case = 'too few biases'; ErrorId = 'BiasCountMismatch'; Arguments = @{ Weight = @(@(1, 2), @(3, 4)); Bias = @(1) }; Target = 'Bias' }
            @{ Case = 'an infinite bias'; ErrorId = 'NonFiniteBias'; Arguments = @{ Weight = @(, @(1, 2)); Bias = @([double]::PositiveInfinity) }; Target = 'Bias' }
            @{ Case = 'an unknown activation'; ErrorId = 'UnknownActivation'; Arguments = @{ Weight = @(, @(1, 2)); Activation = 'Relu7' }; Target = 'Activation' }
        ) {
            param($ErrorId, $Arguments, $Target)
            $err = { New-NeuronLayer @Arguments } | Should -Throw -ErrorId "$ErrorId,NeuronTools.Commands.NewNeuronLayerCommand" -PassThru

            switch ($Target) {
                'Weight' { ($err.TargetObject | ForEach-Object { $_ -join ',' }) | Should -Be ($Arguments.Weight | ForEach-Object { $_ -join ',' }) }
                'Bias' { "$($err.TargetObject)" | Should -Be "$($Arguments.Bias)" }
                'Activation' { $err.TargetObject | Should -BeExactly $Arguments.Activation }
            }
        }

        It 'targets the neurons when they do not fit together' {
            $neurons = (New-Neuron 1, 2), (New-Neuron 1)
            $err = { New-NeuronLayer -Neuron $neurons } | Should -Throw -ErrorId 'NeuronInputCountMismatch,NeuronTools.Commands.NewNeuronLayerCommand' -PassThru

            $err.TargetObject.Count | Should -Be 2
            $err.TargetObject[1] | Should -Be $neurons[1]
        }

        It 'says which rows differ for ragged rows' {
            $err = { New-NeuronLayer @(1, 2), @(1, 2), @(3) } | Should -Throw -ErrorId 'RaggedWeight,NeuronTools.Commands.NewNeuronLayerCommand' -PassThru

            $err.Exception.Message | Should -Match 'row 0 has 2 weights but row 2 has 1'
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'refuses neurons with different input counts with NeuronInputCountMismatch' {
            { New-NeuronLayer -Neuron (New-Neuron 1, 2), (New-Neuron 1) } | Should -Throw -ErrorId 'NeuronInputCountMismatch,NeuronTools.Commands.NewNeuronLayerCommand'
        }

        It 'refuses neurons with different activations without -Activation' {
            { New-NeuronLayer -Neuron (New-Neuron 1), (New-Neuron 1 -Activation Tanh) } | Should -Throw -ErrorId 'NeuronActivationMismatch,NeuronTools.Commands.NewNeuronLayerCommand'
        }

        It 'refuses a neuron count of 0' {
            { New-NeuronLayer -InputCount 3 -NeuronCount 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,NeuronTools.Commands.NewNeuronLayerCommand'
        }
    }

    Context 'tab completion' {
        It 'completes -Activation with the catalogue''s names' {
            $line = 'New-NeuronLayer -InputCount 2 -NeuronCount 2 -Activation Sig'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'Sigmoid'
        }
    }

    Context 'with numbers given as text' {
        It 'reads ''0.5'' weights and biases under <Culture>' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            $layer = Invoke-InCulture $Culture { New-NeuronLayer -Weight @('1', '0.5'), @(2, '-2.5') -Bias '0.5', 1 }

            $layer.Weight[0] | Should -Be @(1, 0.5)
            $layer.Weight[1] | Should -Be @(2, -2.5)
            $layer.Bias | Should -Be @(0.5, 1)
        }

        It 'refuses -<Parameter> with <Text> under <Culture> with ParameterArgumentTransformationError' -TestCases @(
            @{ Parameter = 'Weight'; Text = '0,5'; Culture = 'en-US' }
            @{ Parameter = 'Weight'; Text = '0,5'; Culture = 'de-DE' }
            @{ Parameter = 'Bias'; Text = '0,5'; Culture = 'en-US' }
            @{ Parameter = 'Bias'; Text = '0,5'; Culture = 'de-DE' }
        ) {
            param($Parameter, $Text, $Culture)
            $arguments = @{ Weight = @(, @(1, 2)); Bias = @(0) }
            if ($Parameter -eq 'Weight') { $arguments.Weight = @(, @(1, $Text)) } else { $arguments.Bias = @($Text) }
            $err = { Invoke-InCulture $Culture { New-NeuronLayer @arguments } } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.NewNeuronLayerCommand' -PassThru

            $err.Exception.Message | Should -Match "'$Parameter'.*'$Text'"
        }
    }
}
