BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
    $scalarNames = @((Get-Activation | Where-Object Kind -EQ 'Scalar').ForEach({ @{ Name = if ($_.Name -eq 'Threshold') { 'Threshold(threshold=0, value=-1)' } else { $_.Name } } }))
}

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

    Context 'with the complete catalogue' {
        It 'evaluates <Name> from -3 to 3 with finite values and derivatives' -TestCases $scalarNames {
            param($Name)
            $values = -3..3 | Get-ActivationValue $Name

            $values | Should -HaveCount 7
            $values.ForEach({ [double]::IsNaN($_.Output) -or [double]::IsNaN($_.Derivative) }) | Should -Not -Contain $true
        }

        It 'reads parameters in the name: <Specification> at <X>' -TestCases @(
            @{ Specification = 'Softplus(beta=2, threshold=10)'; X = 1; Output = [math]::Log(1 + [math]::Exp(2)) / 2; Activation = 'Softplus(beta=2, threshold=10)' }
            @{ Specification = 'ELU(0.5)'; X = -1; Output = 0.5 * ([math]::Exp(-1) - 1); Activation = 'ELU(alpha=0.5)' }
            @{ Specification = 'leakyrelu(NegativeSlope=0.2)'; X = -2; Output = -0.4; Activation = 'LeakyReLU(negative_slope=0.2)' }
            @{ Specification = 'Hardtanh(min_val=-2, max_val=2)'; X = 5; Output = 2; Activation = 'Hardtanh(min_val=-2, max_val=2)' }
            @{ Specification = 'Threshold(threshold=1, value=-5)'; X = 0.5; Output = -5; Activation = 'Threshold(threshold=1, value=-5)' }
        ) {
            param($Specification, $X, $Output, $Activation)
            $value = Get-ActivationValue $Specification -Value $X

            $value.Output | Should -BeLessOrEqual ($Output + 1e-15)
            $value.Output | Should -BeGreaterOrEqual ($Output - 1e-15)
            $value.Activation | Should -BeExactly $Activation
        }

        It 'gives GELU''s tanh approximation with approximate=tanh' {
            $exact = Get-ActivationValue GELU -Value 1
            $approximate = Get-ActivationValue 'GELU(approximate=tanh)' -Value 1

            [math]::Abs($exact.Output - 0.8413447460685429) | Should -BeLessOrEqual 4e-16
            [math]::Abs($approximate.Output - 0.8411919906082767) | Should -BeLessOrEqual 4e-16
            $approximate.Activation | Should -BeExactly 'GELU(approximate=tanh)'
        }

        It 'gives the derivative at the kink by PyTorch''s convention: <Name> at <X>' -TestCases @(
            @{ Name = 'ELU(alpha=2)'; X = 0; Derivative = 2 }
            @{ Name = 'SELU'; X = 0; Derivative = 1.7580993408473768 }
            @{ Name = 'Hardtanh'; X = 1; Derivative = 0 }
            @{ Name = 'Softshrink'; X = -0.5; Derivative = 0 }
            @{ Name = 'Hardswish'; X = -3; Derivative = 0 }
            @{ Name = 'Hardswish'; X = 3; Derivative = 1 }
            @{ Name = 'Threshold(threshold=1, value=0)'; X = 1; Derivative = 0 }
        ) {
            param($Name, $X, $Derivative)
            (Get-ActivationValue $Name -Value $X).Derivative | Should -Be $Derivative
        }

        It 'keeps the tails exact: <Name> at <X>' -TestCases @(
            @{ Name = 'LogSigmoid'; X = -800; Output = -800 }
            @{ Name = 'Softplus'; X = -745; Output = 5e-324 }
            @{ Name = 'GELU'; X = -10; Output = -7.619853024160526e-23 }
            @{ Name = 'Tanhshrink'; X = 1e-6; Output = 3.3333333333319997e-19 }
        ) {
            param($Name, $X, $Output)
            $value = (Get-ActivationValue $Name -Value $X).Output

            [math]::Abs($value - $Output) | Should -BeLessOrEqual ([math]::Abs($Output) * 1e-15)
        }
    }

    Context 'with a vector function' {
        It 'collects the whole pipeline before giving Softmax' {
            $values = 1000, 1000 | Get-ActivationValue Softmax

            $values.Output | Should -Be @(0.5, 0.5)
            $values.Derivative | Should -Be @(0.25, 0.25)
            $values.Input | Should -Be @(1000, 1000)
        }

        It 'gives <Name> of 1, 2, 3 from -Value' -TestCases @(
            @{ Name = 'Softmax'; Output = @(0.09003057317038046, 0.24472847105479764, 0.6652409557748219) }
            @{ Name = 'LogSoftmax'; Output = @(-2.40760596444438, -1.4076059644443804, -0.4076059644443803) }
            @{ Name = 'Softmin'; Output = @(0.6652409557748219, 0.24472847105479764, 0.09003057317038046) }
        ) {
            param($Name, $Output)
            $values = Get-ActivationValue $Name -Value 1, 2, 3

            for ($i = 0; $i -lt 3; $i++) {
                [math]::Abs($values[$i].Output - $Output[$i]) | Should -BeLessOrEqual (2e-16 * [math]::Abs($Output[$i]) * 4)
            }
        }

        It 'gives nothing for no input' {
            @() | Get-ActivationValue Softmax | Should -BeNullOrEmpty
        }

        It 'reports NaN in the vector as NaNInput and gives no output' {
            $values = 1, [double]::NaN, 2 | Get-ActivationValue Softmax -ErrorAction SilentlyContinue -ErrorVariable err

            $values | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NaNInput,NeuronTools.Commands.GetActivationValueCommand'
            $err[0].Exception.Message | Should -Match 'position 1'
        }
    }

    Context 'with a bad specification' {
        It 'stops with <ErrorId> for <Specification>, naming <Mentioned>' -TestCases @(
            @{ Specification = 'Softplus(gamma=2)'; ErrorId = 'UnknownActivationParameter'; Mentioned = 'beta=1' }
            @{ Specification = 'ReLU(1)'; ErrorId = 'UnknownActivationParameter'; Mentioned = 'no parameters' }
            @{ Specification = 'Threshold'; ErrorId = 'MissingActivationParameter'; Mentioned = 'threshold' }
            @{ Specification = 'Threshold(threshold=1)'; ErrorId = 'MissingActivationParameter'; Mentioned = "'value'" }
            @{ Specification = 'Softplus(beta=0)'; ErrorId = 'InvalidActivationParameter'; Mentioned = "'beta'.*> 0" }
            @{ Specification = 'Softplus(beta=-2)'; ErrorId = 'InvalidActivationParameter'; Mentioned = "'beta'.*> 0" }
            @{ Specification = 'Hardtanh(min_val=1, max_val=-1)'; ErrorId = 'InvalidActivationParameter'; Mentioned = 'min_val.*max_val' }
            @{ Specification = 'Hardtanh(min_val=1, max_val=1)'; ErrorId = 'InvalidActivationParameter'; Mentioned = 'min_val.*max_val' }
            @{ Specification = 'RReLU(lower=0.5, upper=0.2)'; ErrorId = 'InvalidActivationParameter'; Mentioned = 'lower.*upper' }
            @{ Specification = 'GELU(approximate=foo)'; ErrorId = 'InvalidActivationParameter'; Mentioned = 'approximate.*one of none, tanh' }
            @{ Specification = 'Softshrink(lambd=-1)'; ErrorId = 'InvalidActivationParameter'; Mentioned = 'lambd' }
            @{ Specification = 'Softplus(beta=2'; ErrorId = 'InvalidActivationSpecification'; Mentioned = 'position' }
            @{ Specification = 'Softplus(beta==2)'; ErrorId = 'InvalidActivationSpecification'; Mentioned = 'position' }
        ) {
            param($Specification, $ErrorId, $Mentioned)
            $err = { 1 | Get-ActivationValue $Specification } | Should -Throw -ErrorId "$ErrorId,NeuronTools.Commands.GetActivationValueCommand" -PassThru

            $err.Exception.Message | Should -Match $Mentioned
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'reports NaN as NaNInput for <Name> and goes on' -TestCases @(
            @{ Name = 'GELU(approximate=tanh)' }
            @{ Name = 'Softplus(beta=2, threshold=10)' }
            @{ Name = 'Mish' }
        ) {
            param($Name)
            $values = 1, [double]::NaN, 2 | Get-ActivationValue $Name -ErrorAction SilentlyContinue -ErrorVariable err

            $values | Should -HaveCount 2
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NaNInput,NeuronTools.Commands.GetActivationValueCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        }
    }

    Context 'with numbers given as text' {
        It 'reads ''2.5'' from -Value and from the pipeline under <Culture>' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            $values = Invoke-InCulture $Culture { Get-ActivationValue Identity -Value '2.5', '-1e-3'; ' 7.25 ' | Get-ActivationValue Identity }

            $values.Input | Should -Be @(2.5, -0.001, 7.25)
        }

        It 'refuses <Text> in -Value under <Culture> with ParameterArgumentTransformationError' -TestCases @(
            @{ Text = '2,5'; Culture = 'en-US' }
            @{ Text = '2,5'; Culture = 'de-DE' }
            @{ Text = '1,234.5'; Culture = 'en-US' }
            @{ Text = '0x10'; Culture = 'de-DE' }
            @{ Text = ''; Culture = 'en-US' }
        ) {
            param($Text, $Culture)
            $err = { Invoke-InCulture $Culture { Get-ActivationValue ReLU -Value 1, $Text } } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.GetActivationValueCommand' -PassThru

            $err.Exception.Message | Should -Match ([regex]::Escape("'$Text'") + '|An empty string')
            $err.Exception.Message | Should -Match 'Write 2\.5, not 2,5'
        }

        It 'reports each unreadable value from the pipeline under <Culture> and goes on with the others' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            # 2>&1: the errors come back beside the values, in order, from the culture's script block.
            $results = Invoke-InCulture $Culture { '2,5', 1, '0x10', '2.5' | Get-ActivationValue ReLU -ErrorAction Continue 2>&1 }
            $err = @($results | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })

            @($results | Where-Object { $_ -is [NeuronTools.ActivationValue] }).Input | Should -Be @(1, 2.5)
            $err.Count | Should -Be 2
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentTransformationError,NeuronTools.Commands.GetActivationValueCommand'
            $err[0].Exception.Message | Should -Match "'2,5'"
            $err[1].Exception.Message | Should -Match "'0x10'"
        }

        It 'takes numbers as they are: <Case>' -TestCases @(
            @{ Case = 'a double'; Value = 0.1; Expected = 0.1 }
            @{ Case = 'an int'; Value = 3; Expected = 3.0 }
            @{ Case = 'a decimal'; Value = [decimal] '0.1'; Expected = [double] [decimal] '0.1' }
            @{ Case = 'the smallest subnormal'; Value = [double]::Epsilon; Expected = [double]::Epsilon }
        ) {
            param($Value, $Expected)
            $input_ = (Get-ActivationValue Identity -Value $Value).Input

            [BitConverter]::DoubleToInt64Bits($input_) | Should -Be ([BitConverter]::DoubleToInt64Bits($Expected))
        }
    }
}
