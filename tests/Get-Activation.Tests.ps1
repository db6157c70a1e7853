BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
    $activationNames = @((Get-Activation).ForEach({ @{ Name = $_.Name } }))
}

BeforeAll { . $PSScriptRoot/Common.ps1 }

Describe 'Get-Activation' {
    It 'lists the catalogue with formulas, derivatives, parameters and ranges' {
        $all = Get-Activation

        $all.Name | Should -Contain 'ReLU'
        $all.Name | Should -Contain 'Identity'
        $all.Name | Should -Contain 'BinaryStep'
        $all.Name | Should -Contain 'LeakyReLU'
        $all.Name | Should -Contain 'Sigmoid'
        $all.Name | Should -Contain 'Tanh'
        $all[0] | Should -BeOfType NeuronTools.ActivationDefinition
        $relu = $all | Where-Object Name -EQ 'ReLU'
        $relu.Formula | Should -BeExactly 'max(0, x)'
        $relu.Range | Should -BeExactly '[0, ∞)'
        $relu.KinkConvention | Should -Match 'ReLU′\(0\) = 0'
    }

    It 'filters with wildcards, case-insensitively' {
        $names = (Get-Activation *RELU*).Name

        $names | Should -Contain 'ReLU'
        $names | Should -Contain 'LeakyReLU'
        $names | Should -Not -Contain 'Sigmoid'
    }

    It 'finds an activation by alias' {
        (Get-Activation Logistic).Name | Should -BeExactly 'Sigmoid'
    }

    It 'lists parameters with their defaults' {
        (Get-Activation LeakyReLU).Parameters[0].ToString() | Should -BeExactly 'negative_slope=0.01'
        (Get-Activation LeakyReLU).Parameters[0].Default | Should -Be 0.01
    }

    It 'reports a name that matches nothing as UnknownActivation, like every other cmdlet, suggesting close names' {
        $found = Get-Activation ReLu7 -ErrorAction SilentlyContinue -ErrorVariable err

        $found | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'UnknownActivation,NeuronTools.Commands.GetActivationCommand'
        $err[0].Exception.Message | Should -Match 'ReLU'
    }

    It 'reports nothing for a wildcard that matches nothing' {
        Get-Activation 'zzz*' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'takes names from the pipeline' {
        ('ReLU', 'Tanh' | Get-Activation).Name | Should -Be @('ReLU', 'Tanh')
    }

    Context 'the complete catalogue' {
        BeforeAll {
            $all = Get-Activation
        }

        It 'lists every activation of PyTorch and Keras, in order' {
            $all.Name | Should -Be @(
                'Identity', 'BinaryStep', 'ReLU', 'LeakyReLU', 'PReLU', 'RReLU', 'ELU', 'SELU', 'CELU', 'GELU', 'SiLU', 'Mish',
                'Sigmoid', 'LogSigmoid', 'Tanh', 'Hardtanh', 'ReLU6', 'Hardsigmoid', 'Hardswish', 'Softplus', 'Softsign',
                'Softshrink', 'Hardshrink', 'Tanhshrink', 'Threshold', 'Exponential', 'SparsePlus', 'SparseSigmoid', 'Squareplus',
                'Softmax', 'LogSoftmax', 'Softmin')
        }

        It 'describes <Name> with a formula, a derivative, a range and its convention at kinks' -TestCases $activationNames {
            param($Name)
            $definition = Get-Activation $Name

            $definition.Formula | Should -Not -BeNullOrEmpty
            $definition.DerivativeFormula | Should -Not -BeNullOrEmpty
            $definition.Range | Should -Not -BeNullOrEmpty
            $definition.KinkConvention | Should -Not -BeNullOrEmpty
        }

        It 'gives <Name> the parameters <Expected>' -TestCases @(
            @{ Name = 'LeakyReLU'; Expected = 'negative_slope=0.01' }
            @{ Name = 'PReLU'; Expected = 'init=0.25' }
            @{ Name = 'RReLU'; Expected = 'lower=0.125, upper=0.3333333333333333' }
            @{ Name = 'ELU'; Expected = 'alpha=1' }
            @{ Name = 'GELU'; Expected = 'approximate=none' }
            @{ Name = 'Hardtanh'; Expected = 'min_val=-1, max_val=1' }
            @{ Name = 'Softplus'; Expected = 'beta=1, threshold=20' }
            @{ Name = 'Softshrink'; Expected = 'lambd=0.5' }
            @{ Name = 'Threshold'; Expected = 'threshold (required), value (required)' }
            @{ Name = 'Squareplus'; Expected = 'b=4' }
        ) {
            param($Name, $Expected)
            (Get-Activation $Name).Parameters -join ', ' | Should -BeExactly $Expected
        }

        It 'filters *relu* to the ReLU family' {
            (Get-Activation *relu*).Name | Should -Be @('ReLU', 'LeakyReLU', 'PReLU', 'RReLU', 'ReLU6')
        }

        It 'finds <Alias> as <Name>' -TestCases @(
            @{ Alias = 'Swish'; Name = 'SiLU' }
            @{ Alias = 'HardSiLU'; Name = 'Hardswish' }
            @{ Alias = 'Heaviside'; Name = 'BinaryStep' }
            @{ Alias = 'linear'; Name = 'Identity' }
        ) {
            param($Alias, $Name)
            (Get-Activation $Alias).Name | Should -BeExactly $Name
        }

        It 'says which Hardswish derivative it uses at -3 and 3, and what older PyTorch did' {
            $convention = (Get-Activation Hardswish).KinkConvention

            $convention | Should -Match 'Hardswish′\(−3\) = 0'
            $convention | Should -Match 'Hardswish′\(3\) = 1'
            $convention | Should -Match '2\.6 and earlier'
        }

        It 'shows one line per activation within 120 columns' {
            $lines = (Get-Activation | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() }

            $lines.Count | Should -Be (2 + $all.Count)
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
            $lines | Where-Object { $_ -match '^RReLU\s' } | Should -Match 'lower=0\.125, upper=0\.3333'
        }

        It 'shows the table the same way under de-DE' {
            $text = Invoke-InCulture 'de-DE' { Get-Activation RReLU | Out-String -Width 120 }

            $text | Should -Match 'upper=0\.3333'
        }
    }

    Context 'tab completion' {
        It 'offers every name and alias for <Command> -<Parameter>' -TestCases @(
            @{ Command = 'Get-Activation'; Parameter = 'Name' }
            @{ Command = 'Get-ActivationValue'; Parameter = 'Activation' }
            @{ Command = 'New-Neuron'; Parameter = 'Activation' }
        ) {
            param($Command, $Parameter)
            $line = "$Command -$Parameter "
            $offered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $expected = (Get-Activation).ForEach({ $_.Name; $_.Aliases })

            $expected.Count | Should -Be 37
            foreach ($name in $expected) {
                $offered | Should -Contain $name
            }
        }
    }
}
