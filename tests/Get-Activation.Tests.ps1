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

    It 'reports a name that matches nothing as ActivationNotFound, suggesting close names' {
        $found = Get-Activation ReLu7 -ErrorAction SilentlyContinue -ErrorVariable err

        $found | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ActivationNotFound,NeuronTools.Commands.GetActivationCommand'
        $err[0].Exception.Message | Should -Match 'ReLU'
    }

    It 'reports nothing for a wildcard that matches nothing' {
        Get-Activation 'zzz*' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'takes names from the pipeline' {
        ('ReLU', 'Tanh' | Get-Activation).Name | Should -Be @('ReLU', 'Tanh')
    }
}
