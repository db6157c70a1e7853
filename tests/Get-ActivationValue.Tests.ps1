BeforeAll { . $PSScriptRoot/Common.ps1 }

Describe 'Get-ActivationValue' {
    Context 'with good input' {
        It 'evaluates ReLU and its derivative for each value from the pipeline' {
            $values = -2..2 | Get-ActivationValue ReLU

            $values | Should -HaveCount 5
            $values[0] | Should -BeOfType NeuronTools.ActivationValue
            $values.Input | Should -Be @(-2, -1, 0, 1, 2)
            $values.Output | Should -Be @(0, 0, 0, 1, 2)
            $values.Derivative | Should -Be @(0, 0, 0, 1, 1)
            $values.Activation | Should -Be @('ReLU', 'ReLU', 'ReLU', 'ReLU', 'ReLU')
        }

        It 'takes the values from -Value' {
            (Get-ActivationValue Sigmoid -Value 0).Output | Should -Be 0.5
        }

        It 'gives <Name>''s derivative at 0 by PyTorch''s convention' -TestCases @(
            @{ Name = 'ReLU'; Derivative = 0 }
            @{ Name = 'LeakyReLU(negative_slope=0.1)'; Derivative = 0.1 }
            @{ Name = 'BinaryStep'; Derivative = 0 }
        ) {
            param($Name, $Derivative)
            (Get-ActivationValue $Name -Value 0).Derivative | Should -Be $Derivative
        }

        It 'gives the limits at infinity' {
            $values = Get-ActivationValue Sigmoid -Value ([double]::NegativeInfinity), ([double]::PositiveInfinity)

            $values.Output | Should -Be @(0, 1)
            $values.Derivative | Should -Be @(0, 0)
        }

        It 'keeps its precision far in the tails' {
            (Get-ActivationValue Sigmoid -Value -700).Output | Should -BeGreaterThan 0
            (Get-ActivationValue Sigmoid -Value 800).Derivative | Should -Be 0
        }

        It 'reads numeric strings with the invariant culture under <Culture>' -TestCases @(
            @{ Culture = 'de-DE' }
            @{ Culture = 'fr-FR' }
        ) {
            param($Culture)
            (Invoke-InCulture $Culture { '2.5' | Get-ActivationValue Identity }).Output | Should -Be 2.5
        }

        It 'shows a table with the input, output and derivative' {
            $text = Get-ActivationValue ReLU -Value 1 | Out-String
            $text | Should -Match 'Derivative'
        }
    }

    Context 'with bad input' {
        It 'reports NaN as NaNInput and goes on with the other values' {
            $values = 1, [double]::NaN, 2 | Get-ActivationValue ReLU -ErrorAction SilentlyContinue -ErrorVariable err

            $values.Output | Should -Be @(1, 2)
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NaNInput,NeuronTools.Commands.GetActivationValueCommand'
        }

        It 'stops at once on an unknown activation' {
            { 1 | Get-ActivationValue Sigmod } | Should -Throw -ErrorId 'UnknownActivation,NeuronTools.Commands.GetActivationValueCommand'
        }

        It 'stops at once on a specification it cannot read' {
            { Get-ActivationValue 'LeakyReLU(0.1' -Value 1 } | Should -Throw -ErrorId 'InvalidActivationSpecification,NeuronTools.Commands.GetActivationValueCommand'
        }

        It 'stops at once on a parameter value it cannot read' {
            { Get-ActivationValue 'LeakyReLU(negative_slope=x)' -Value 1 } | Should -Throw -ErrorId 'InvalidActivationParameter,NeuronTools.Commands.GetActivationValueCommand'
        }
    }
}
