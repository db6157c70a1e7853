BeforeAll { . $PSScriptRoot/Common.ps1 }

Describe 'New-Neuron' {
    Context 'with weights' {
        It 'builds the neuron of the article with its weights, bias, activation and name' {
            $neuron = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -Activation ReLU -Name article

            $neuron | Should -BeOfType NeuronTools.Neuron
            $neuron.Weight | Should -Be @(0.5, -1, 2)
            $neuron.Bias | Should -Be 0.5
            $neuron.Activation.Name | Should -BeExactly 'ReLU'
            $neuron.InputCount | Should -Be 3
            $neuron.Name | Should -BeExactly 'article'
        }

        It 'defaults the bias to 0 and the activation to ReLU' {
            $neuron = New-Neuron 1, 2

            $neuron.Bias | Should -Be 0
            $neuron.Activation.Specification | Should -BeExactly 'ReLU'
        }

        It 'reads activation names whatever their case, and aliases' {
            (New-Neuron 1 -Activation sIgMoId).Activation.Name | Should -BeExactly 'Sigmoid'
            (New-Neuron 1 -Activation logistic).Activation.Name | Should -BeExactly 'Sigmoid'
        }

        It 'takes activation parameters in brackets' {
            (New-Neuron 1 -Activation 'LeakyReLU(negative_slope=0.2)').Activation.Specification | Should -BeExactly 'LeakyReLU(negative_slope=0.2)'
        }

        It 'names its inputs' {
            (New-Neuron 0.6, 0.3 -InputName cpu, memory).InputName | Should -Be @('cpu', 'memory')
        }

        It 'cannot be changed after it is made' {
            $neuron = New-Neuron 1, 2
            { $neuron.Weight[0] = 5 } | Should -Throw
            $neuron.Weight[0] | Should -Be 1
        }

        It 'shows a table with the weights, bias and activation' {
            $text = New-Neuron 0.5, -1, 2 -Bias 0.5 -Name article | Out-String

            $text | Should -Match 'Weight'
            $text | Should -Match '0\.5, -1, 2'
            $text | Should -Match 'article'
        }
    }

    Context 'with a dictionary of weights' {
        It 'takes the input names and weights from an ordered dictionary, in its order' {
            $neuron = New-Neuron -Weight ([ordered]@{ cpu = 0.6; memory = 0.3; errors = 2 }) -Bias -1

            $neuron.Weight | Should -Be @(0.6, 0.3, 2)
            $neuron.InputName | Should -Be @('cpu', 'memory', 'errors')
            $neuron.Bias | Should -Be -1
        }

        It 'takes a hashtable in the order its keys enumerate' {
            $table = @{ cpu = 0.6; memory = 0.3; errors = 2 }
            $neuron = New-Neuron -Weight $table

            $neuron.InputName | Should -Be @($table.Keys)
            $neuron.Weight | Should -Be @($table.Values)
        }

        It 'reads numeric strings in a dictionary with the invariant culture' {
            $neuron = Invoke-InCulture 'de-DE' { New-Neuron -Weight ([ordered]@{ a = '2.5'; b = 1 }) }
            $neuron.Weight | Should -Be @(2.5, 1)
        }

        It 'still takes plain numbers, and completes and documents -Weight as a double[]' {
            (New-Neuron -Weight 1, 2, 3).InputName | Should -BeNullOrEmpty
            (Get-Command New-Neuron).Parameters['Weight'].ParameterType | Should -Be ([double[]])
        }

        It 'shows the names in the table view' {
            New-Neuron -Weight ([ordered]@{ cpu = 0.6; memory = 0.3 }) | Out-String | Should -Match 'cpu, memory'
        }

        It 'refuses names given both as keys and with -InputName, with InputNameConflict' {
            { New-Neuron -Weight ([ordered]@{ a = 1; b = 2 }) -InputName x, y } | Should -Throw -ErrorId 'InputNameConflict,NeuronTools.Commands.NewNeuronCommand'
        }

        It 'refuses duplicate keys that differ only in case, with DuplicateInputName' {
            $weights = [System.Collections.Generic.Dictionary[string, double]]::new()
            $weights['cpu'] = 1; $weights['CPU'] = 2
            { New-Neuron -Weight $weights } | Should -Throw -ErrorId 'DuplicateInputName,NeuronTools.Commands.NewNeuronCommand'
        }

        It 'refuses a weight that is not a number, naming its input' {
            $err = { New-Neuron -Weight ([ordered]@{ cpu = 'high' }) } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.NewNeuronCommand' -PassThru
            $err.Exception.Message | Should -Match "'cpu'"
        }
    }

    Context 'with drawn starting weights' {
        It 'gives the same weights for the same seed, and others for another seed' {
            $first = New-Neuron -InputCount 5 -Initialization HeNormal -Seed 42
            $again = New-Neuron -InputCount 5 -Initialization HeNormal -Seed 42
            $other = New-Neuron -InputCount 5 -Initialization HeNormal -Seed 43

            $first.Weight | Should -Be $again.Weight
            $first.Weight | Should -Not -Be $other.Weight
            $first.InputCount | Should -Be 5
        }

        It 'draws <Initialization> weights within its bound' -TestCases @(
            @{ Initialization = 'Uniform'; Bound = 1 / [math]::Sqrt(4) }
            @{ Initialization = 'XavierUniform'; Bound = [math]::Sqrt(6 / 5) }
            @{ Initialization = 'HeUniform'; Bound = [math]::Sqrt(6 / 4) }
        ) {
            param($Initialization, $Bound)
            $neuron = New-Neuron -InputCount 4 -Initialization $Initialization -Seed 1
            $neuron.Weight | ForEach-Object { [math]::Abs($_) | Should -BeLessOrEqual $Bound }
        }

        It 'makes zero weights with Zeros' {
            (New-Neuron -InputCount 3 -Initialization Zeros).Weight | Should -Be @(0, 0, 0)
        }
    }

    Context 'with bad arguments' {
        It 'refuses a <Case> weight with NonFiniteWeight' -TestCases @(
            @{ Case = 'NaN'; Value = [double]::NaN }
            @{ Case = 'infinite'; Value = [double]::PositiveInfinity }
        ) {
            param($Value)
            { New-Neuron 1, $Value -ErrorAction Stop } | Should -Throw -ErrorId 'NonFiniteWeight,NeuronTools.Commands.NewNeuronCommand'
        }

        It 'refuses an infinite bias with NonFiniteBias' {
            { New-Neuron 1 -Bias ([double]::NegativeInfinity) } | Should -Throw -ErrorId 'NonFiniteBias,NeuronTools.Commands.NewNeuronCommand'
        }

        It 'refuses an unknown activation, naming the closest names and Get-Activation' {
            $err = { New-Neuron 1 -Activation Relu7 } | Should -Throw -ErrorId 'UnknownActivation,NeuronTools.Commands.NewNeuronCommand' -PassThru

            $err.Exception.Message | Should -Match "'ReLU'"
            $err.Exception.Message | Should -Match 'Get-Activation'
            $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'refuses a bad activation parameter, naming it' {
            $err = { New-Neuron 1 -Activation 'LeakyReLU(slope=1)' } | Should -Throw -ErrorId 'UnknownActivationParameter,NeuronTools.Commands.NewNeuronCommand' -PassThru
            $err.Exception.Message | Should -Match 'negative_slope'
        }

        It 'refuses an -InputCount beyond the weight cap with TooManyWeights before allocating anything' {
            $err = { New-Neuron -InputCount 2000000000 -Seed 1 } | Should -Throw -ErrorId 'TooManyWeights,NeuronTools.Commands.NewNeuronCommand' -PassThru

            $err.Exception.Message | Should -Match '100000000'
            $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        }

        It 'quotes at most the start of a huge unknown activation name, quickly' {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $err = { New-Neuron 1 -Activation ('y' * 2000000) } | Should -Throw -ErrorId 'UnknownActivation,NeuronTools.Commands.NewNeuronCommand' -PassThru
            $watch.Stop()

            $err.Exception.Message.Length | Should -BeLessThan 400
            $err.Exception.Message | Should -Match '2000000 characters in all'
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1 -Because 'a name longer than any known one is not compared with them'
        }

        It 'refuses duplicate input names' {
            { New-Neuron 1, 2 -InputName a, A } | Should -Throw -ErrorId 'DuplicateInputName,NeuronTools.Commands.NewNeuronCommand'
        }

        It 'targets the offending value with <ErrorId> (<Case>)' -TestCases @(
            @{ Case = 'a NaN weight'; ErrorId = 'NonFiniteWeight'; Arguments = @{ Weight = @(1, [double]::NaN) }; Target = @(1, [double]::NaN) }
            @{ Case = 'an infinite bias'; ErrorId = 'NonFiniteBias'; Arguments = @{ Weight = @(1); Bias = [double]::PositiveInfinity }; Target = [double]::PositiveInfinity }
            @{ Case = 'too few input names'; ErrorId = 'InputNameCountMismatch'; Arguments = @{ Weight = @(1, 2); InputName = @('cpu') }; Target = @('cpu') }
            @{ Case = 'duplicate input names'; ErrorId = 'DuplicateInputName'; Arguments = @{ Weight = @(1, 2); InputName = @('cpu', 'CPU') }; Target = @('cpu', 'CPU') }
            @{ Case = 'an unknown activation'; ErrorId = 'UnknownActivation'; Arguments = @{ Weight = @(1); Activation = 'Relu7' }; Target = 'Relu7' }
            @{ Case = 'names given twice'; ErrorId = 'InputNameConflict'; Arguments = @{ Weight = [ordered]@{ cpu = 1 }; InputName = @('memory') }; Target = @('memory') }
        ) {
            param($ErrorId, $Arguments, $Target)
            $err = { New-Neuron @Arguments } | Should -Throw -ErrorId "$ErrorId,NeuronTools.Commands.NewNeuronCommand" -PassThru

            # Compared as text, element by element, so that NaN matches NaN.
            @($err.TargetObject | ForEach-Object { "$_" }) | Should -Be @($Target | ForEach-Object { "$_" })
        }
    }

    Context 'tab completion' {
        It 'completes -Activation with every matching name and alias' {
            $line = 'New-Neuron 1 -Activation Le'
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

            $completions | Should -Contain 'LeakyReLU'
        }

        It 'completes aliases too' {
            $line = 'New-Neuron 1 -Activation log'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'Logistic'
        }
    }

    Context 'with every parameterised activation family' {
        It 'builds and runs a neuron with <Specification>' -TestCases @(
            @{ Specification = 'LeakyReLU(negative_slope=0.2)' }
            @{ Specification = 'PReLU(init=0.1)' }
            @{ Specification = 'RReLU(lower=0.1, upper=0.3)' }
            @{ Specification = 'ELU(alpha=0.5)' }
            @{ Specification = 'CELU(alpha=2)' }
            @{ Specification = 'GELU(approximate=tanh)' }
            @{ Specification = 'Hardtanh(min_val=-2, max_val=3)' }
            @{ Specification = 'Softplus(beta=2, threshold=10)' }
            @{ Specification = 'Softshrink(lambd=1)' }
            @{ Specification = 'Hardshrink(lambd=2)' }
            @{ Specification = 'Threshold(threshold=1, value=5)' }
            @{ Specification = 'Squareplus(b=1)' }
        ) {
            param($Specification)
            $neuron = New-Neuron -Weight 1, 2 -Bias -0.5 -Activation $Specification

            $neuron.Activation.Specification | Should -BeExactly $Specification
            foreach ($row in @(-2, 1), @(0.25, 0), @(3, 1)) {
                $result = Invoke-Neuron $neuron $row
                $expected = Get-ActivationValue $Specification -Value $result.PreActivation
                $result.Output | Should -Be $expected.Output
                $result.Derivative | Should -Be $expected.Derivative
            }
        }

        It 'takes a single unnamed value as the first parameter' {
            (New-Neuron 1 -Activation 'ELU(0.5)').Activation.Specification | Should -BeExactly 'ELU(alpha=0.5)'
        }

        It 'refuses <Name>, which needs a whole layer, with VectorActivationNotAllowed' -TestCases @(
            @{ Name = 'Softmax' }
            @{ Name = 'LogSoftmax' }
            @{ Name = 'softmin' }
        ) {
            param($Name)
            { New-Neuron 1, 2 -Activation $Name } | Should -Throw -ErrorId 'VectorActivationNotAllowed,NeuronTools.Commands.NewNeuronCommand'
        }

        It 'refuses a parameter out of its domain with InvalidActivationParameter' {
            $err = { New-Neuron 1 -Activation 'Softplus(beta=0)' } | Should -Throw -ErrorId 'InvalidActivationParameter,NeuronTools.Commands.NewNeuronCommand' -PassThru
            $err.Exception.Message | Should -Match 'beta'
        }

        It 'refuses Threshold without its parameters with MissingActivationParameter' {
            { New-Neuron 1 -Activation Threshold } | Should -Throw -ErrorId 'MissingActivationParameter,NeuronTools.Commands.NewNeuronCommand'
        }
    }

    Context 'with numbers given as text' {
        It 'reads ''0.5'' weights and a ''2.5'' bias under <Culture>' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            $neuron = Invoke-InCulture $Culture { New-Neuron -Weight '0.5', 1, '-1e-3' -Bias '2.5' }

            $neuron.Weight | Should -Be @(0.5, 1, -0.001)
            $neuron.Bias | Should -Be 2.5
        }

        It 'refuses -<Parameter> <Text> under <Culture> with ParameterArgumentTransformationError' -TestCases @(
            @{ Parameter = 'Weight'; Text = '1,5'; Culture = 'en-US' }
            @{ Parameter = 'Weight'; Text = '1,5'; Culture = 'de-DE' }
            @{ Parameter = 'Bias'; Text = '2,5'; Culture = 'en-US' }
            @{ Parameter = 'Bias'; Text = '2,5'; Culture = 'de-DE' }
            @{ Parameter = 'Bias'; Text = '0x10'; Culture = 'en-US' }
        ) {
            param($Parameter, $Text, $Culture)
            $arguments = @{ Weight = 1 }
            $arguments[$Parameter] = $Text
            $err = { Invoke-InCulture $Culture { New-Neuron @arguments } } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.NewNeuronCommand' -PassThru

            $err.Exception.Message | Should -Match "'$Parameter'.*'$Text'.*Write 2\.5, not 2,5"
        }

        It 'refuses ''1,5'' as the weight of a named input under <Culture>' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            $err = { Invoke-InCulture $Culture { New-Neuron -Weight ([ordered]@{ cpu = '1,5'; memory = '0.5' }) } } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.NewNeuronCommand' -PassThru

            $err.Exception.Message | Should -Match "'cpu'.*'1,5'.*write 2\.5, not 2,5"
        }
    }

    Context 'with a whole number given as text' {
        It 'refuses -InputCount <Text> under <Culture> with ParameterArgumentTransformationError' -TestCases @(
            @{ Text = '2,5'; Culture = 'en-US' }
            @{ Text = '2.5'; Culture = 'de-DE' }
        ) {
            param($Text, $Culture)
            { Invoke-InCulture $Culture { New-Neuron -InputCount $Text } } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.NewNeuronCommand'
        }

        It 'reads -InputCount ''3'' as 3 inputs' {
            (New-Neuron -InputCount '3' -Seed 1).InputCount | Should -Be 3
        }
    }
}
