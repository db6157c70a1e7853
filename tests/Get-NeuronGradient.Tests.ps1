BeforeAll {
    . $PSScriptRoot/Common.ps1
    $neuron = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5
    $network = New-NeuronNetwork -Shape 3, 4, 2 -Activation Tanh, Sigmoid -Initialization XavierUniform -Seed 7
}

Describe 'Get-NeuronGradient' {
    Context 'with a neuron' {
        It 'gives the article''s gradients: dz/dx = f''(a)·w, dz/dw = f''(a)·x, dz/db = f''(a)' {
            $gradient = Get-NeuronGradient $neuron 5, 3, 1

            $gradient | Should -BeOfType NeuronTools.NeuronGradient
            $gradient.PreActivation | Should -Be 2
            $gradient.Output | Should -Be 2
            $gradient.Derivative | Should -Be 1
            $gradient.InputGradient | Should -Be @(0.5, -1, 2)
            $gradient.WeightGradient | Should -Be @(5, 3, 1)
            $gradient.BiasGradient | Should -Be 1
        }

        It 'scales by the sigmoid''s derivative for a sigmoid neuron' {
            $sigmoid = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -Activation Sigmoid
            $gradient = Get-NeuronGradient $sigmoid 5, 3, 1
            $d = (Get-ActivationValue Sigmoid 2).Derivative

            $gradient.Derivative | Should -Be $d
            $gradient.InputGradient | Should -Be @((0.5 * $d), (-1 * $d), (2 * $d))
        }

        It 'gives zero gradients, never -0, at the ReLU kink a = <A>' -TestCases @(
            @{ A = 0; Vector = @(1, 0.5, -0.25) }
            @{ A = -3; Vector = @(1, 4, 0) }
        ) {
            param($A, $Vector)
            $gradient = Get-NeuronGradient $neuron $Vector

            $gradient.PreActivation | Should -Be $A
            foreach ($value in @($gradient.InputGradient) + @($gradient.WeightGradient) + $gradient.BiasGradient) {
                [double]::IsPositiveInfinity(1 / $value) | Should -BeTrue -Because 'the gradient should be +0'
            }
        }

        It 'gives one result per row of an array of rows from the pipeline, in order' {
            $results = @(5, 3, 1), @(1, 4, 0), @(0, 0, 0) | Get-NeuronGradient $neuron

            $results.Count | Should -Be 3
            $results.Derivative | Should -Be @(1, 0, 1)
            $results[2].InputObject | Should -Be @(0, 0, 0)
        }

        It 'binds object rows by the neuron''s input names, in any property order' {
            $named = New-Neuron -Weight 0.8, 0.3 -Bias -0.5 -Activation Identity -InputName cpu, memory
            $gradient = [pscustomobject]@{ memory = 0.4; cpu = 0.9 } | Get-NeuronGradient $named

            $gradient.Input | Should -Be @(0.9, 0.4)
            $gradient.WeightGradient | Should -Be @(0.9, 0.4)
            $gradient.InputName | Should -Be @('cpu', 'memory')
        }

        It 'reads numeric strings the same under <Culture>' -TestCases @(
            @{ Culture = 'de-DE' }
            @{ Culture = 'fr-FR' }
        ) {
            param($Culture)
            $gradient = Invoke-InCulture $Culture { , @('5', '3.0', '1e0') | Get-NeuronGradient $neuron }

            $gradient.WeightGradient | Should -Be @(5, 3, 1)
        }

        It 'shows a table of x, z and the gradients' {
            $text = Get-NeuronGradient $neuron 5, 3, 1 | Out-String

            $text | Should -Match 'dz/dx'
            $text | Should -Match 'dz/dw'
            $text | Should -Match '0\.5, -1, 2'
        }
    }

    Context 'with a network' {
        It 'agrees with central finite differences of Invoke-NeuronNetwork for output <OutputIndex>' -TestCases @(
            @{ OutputIndex = 0 }
            @{ OutputIndex = 1 }
        ) {
            param($OutputIndex)
            $x = @(1, 0.5, -1)
            $gradient = Get-NeuronGradient $network $x -OutputIndex $OutputIndex
            $h = 1e-6

            $gradient | Should -BeOfType NeuronTools.NetworkGradient
            $gradient.OutputIndex | Should -Be $OutputIndex
            $gradient.Output | Should -Be (Invoke-NeuronNetwork $network $x).Output[$OutputIndex]
            for ($i = 0; $i -lt 3; $i++) {
                $up = [double[]]$x; $up[$i] += $h
                $down = [double[]]$x; $down[$i] -= $h
                $numeric = ((Invoke-NeuronNetwork $network $up).Output[$OutputIndex] - (Invoke-NeuronNetwork $network $down).Output[$OutputIndex]) / (2 * $h)
                [math]::Abs($numeric - $gradient.InputGradient[$i]) | Should -BeLessThan 1e-8
            }
        }

        It 'indexes weight gradients like the layers: [layer][neuron][input]' {
            $gradient = Get-NeuronGradient $network 1, 0.5, -1 -OutputIndex 1

            $gradient.WeightGradient.Count | Should -Be 2
            $gradient.WeightGradient[0].Count | Should -Be 4
            $gradient.WeightGradient[0][0].Count | Should -Be 3
            $gradient.WeightGradient[1].Count | Should -Be 2
            $gradient.BiasGradient[1].Count | Should -Be 2
            # Output 1 does not depend on the output layer's neuron 0.
            $gradient.WeightGradient[1][0] | Should -Be @(0, 0, 0, 0)
            $gradient.BiasGradient[1][0] | Should -Be 0
        }
    }

    Context 'with a layer' {
        It 'differentiates a layer as the network of that one layer' {
            $layer = New-NeuronLayer -Weight @(0.5, -1, 2), @(1, 0, -1) -Bias 0.5, 0 -Activation Tanh

            $gradient = Get-NeuronGradient $layer 5, 3, 1 -OutputIndex 1
            $expected = Get-NeuronGradient (New-NeuronNetwork -Layer $layer) 5, 3, 1 -OutputIndex 1

            $gradient | Should -BeOfType NeuronTools.NetworkGradient
            $gradient.InputGradient | Should -Be $expected.InputGradient
            $gradient.WeightGradient[0][1] | Should -Be $expected.WeightGradient[0][1]
        }
    }

    Context 'with bad input' {
        It 'refuses a model that is neither a neuron nor a network as UnsupportedModel' {
            { Get-NeuronGradient 'not a model' 1, 2 } | Should -Throw -ErrorId 'UnsupportedModel,NeuronTools.Commands.GetNeuronGradientCommand'
        }

        It 'hints at the unary comma, in this command''s own words, when lone numbers arrive' {
            $null = 5, 3, 1 | Get-NeuronGradient $neuron -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 3
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.GetNeuronGradientCommand'
            $err[0].Exception.Message | Should -BeLike '*,(1,2,3) | Get-NeuronGradient $model, or Get-NeuronGradient $model 1,2,3.'
        }

        It 'refuses an output index the model does not have as InvalidOutputIndex' {
            { Get-NeuronGradient $network 1, 2, 3 -OutputIndex 2 } | Should -Throw -ErrorId 'InvalidOutputIndex,NeuronTools.Commands.GetNeuronGradientCommand'
            { Get-NeuronGradient $neuron 1, 2, 3 -OutputIndex 1 } | Should -Throw -ErrorId 'InvalidOutputIndex,NeuronTools.Commands.GetNeuronGradientCommand'
        }

        It 'reports a row of the wrong length as InputCountMismatch and goes on with the others' {
            $results = @(5, 3, 1), @(1, 2), @(0, 0, 0) | Get-NeuronGradient $neuron -ErrorAction SilentlyContinue -ErrorVariable err

            $results.Count | Should -Be 2
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.GetNeuronGradientCommand'
            $err[0].TargetObject | Should -Be @(1, 2)
        }

        It 'reports an object row without a named input as MissingInput' {
            $named = New-Neuron -Weight 1, 1 -InputName cpu, memory
            $null = [pscustomobject]@{ cpu = 1 } | Get-NeuronGradient $named -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'MissingInput,NeuronTools.Commands.GetNeuronGradientCommand'
            $err[0].Exception.Message | Should -Match 'memory'
        }

        It 'reports an object row for a model without input names as InputNameRequired' {
            $null = [pscustomobject]@{ a = 1; b = 2; c = 3 } | Get-NeuronGradient $neuron -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputNameRequired,NeuronTools.Commands.GetNeuronGradientCommand'
        }
    }

    Context 'with named inputs' {
        BeforeAll {
            $namedNeuron = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -InputName cpu, memory, errors
            $namedNetwork = New-NeuronNetwork -Shape 3, 4, 2 -Activation Tanh, Sigmoid -Initialization XavierUniform -Seed 7 -InputName cpu, memory, errors
        }

        It 'binds <Case> by input name as the vector in input order would' -TestCases @(
            @{ Case = 'a CSV row'; Row = ('host,Errors,CPU,memory', 'web1,-1,1,0.5' | ConvertFrom-Csv) }
            @{ Case = 'a [pscustomobject]'; Row = [pscustomobject]@{ memory = 0.5; host = 'web1'; cpu = 1; errors = -1 } }
            @{ Case = 'a hashtable'; Row = @{ MEMORY = 0.5; Cpu = 1; errors = -1; host = 'web1' } }
        ) {
            param($Row)
            $byName = $Row | Get-NeuronGradient $namedNetwork -OutputIndex 1
            $byPosition = Get-NeuronGradient $network 1, 0.5, -1 -OutputIndex 1

            $byName.Input | Should -Be @(1, 0.5, -1)
            $byName.InputGradient | Should -Be $byPosition.InputGradient
            $neuronGradient = $Row | Get-NeuronGradient $namedNeuron
            $neuronGradient.Input | Should -Be @(1, 0.5, -1)
            $neuronGradient.PreActivation | Should -Be -1.5
        }

        It 'gives every good row its gradients and every bad row its error, in input order' {
            $stream = New-MixedInputRow | Get-NeuronGradient $namedNeuron -ErrorAction Continue 2>&1

            $stream.Count | Should -Be 6
            $stream[0].WeightGradient | Should -Be @(5, 3, 1)
            $stream[1].FullyQualifiedErrorId | Should -BeExactly 'MissingInput,NeuronTools.Commands.GetNeuronGradientCommand'
            $stream[1].Exception.Message | Should -Match "'memory'"
            # a = 0.5 - 4 + 0 + 0.5 = -3: ReLU is flat there, so every gradient is 0.
            $stream[2].BiasGradient | Should -Be 0
            $stream[3].FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.GetNeuronGradientCommand'
            $stream[3].TargetObject.id | Should -Be 3
            $stream[4].Output | Should -Be 0.5
            $stream[5].WeightGradient | Should -Be @(2, 0, 0)
        }
    }

    Context 'with a model that stores preprocessing' {
        It 'refuses it with one error instead of giving gradients with respect to the scaled features' {
            $rows = 1..8 | ForEach-Object { [pscustomobject]@{ size = $_ * 100; weight = $_ % 3; y = 2 * $_ } }
            $model = $rows | Invoke-NeuronTraining -Target y -HiddenLayer 0 -Scaling Standard -Epoch 2 -Seed 1
            $model.Preprocessing | Should -Not -BeNullOrEmpty
            { Get-NeuronGradient $model ([pscustomobject]@{ size = 100; weight = 1 }) } |
                Should -Throw -ErrorId 'PreprocessingNotSupported,NeuronTools.Commands.GetNeuronGradientCommand'
        }
    }

    Context 'with a whole number given as text' {
        It 'reads -OutputIndex ''1'' under <Culture> as output 1' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            $gradient = Invoke-InCulture $Culture { Get-NeuronGradient $network 0.5, -1, 2 -OutputIndex '1' }

            $gradient.OutputIndex | Should -Be 1
        }

        It 'refuses -OutputIndex <Text> under <Culture> with ParameterArgumentTransformationError' -TestCases @(
            @{ Text = '1,0'; Culture = 'en-US' }
            @{ Text = '0x1'; Culture = 'de-DE' }
        ) {
            param($Text, $Culture)
            { Invoke-InCulture $Culture { Get-NeuronGradient $network 0.5, -1, 2 -OutputIndex $Text } } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.GetNeuronGradientCommand'
        }
    }
}
