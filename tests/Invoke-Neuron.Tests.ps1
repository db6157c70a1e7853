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
}
