BeforeDiscovery {
    . $PSScriptRoot/Common.ps1
    # Every table view of the shipped format file, with its column labels and widths.
    [xml] $format = Get-Content -Raw -LiteralPath (Join-Path (Get-Module NeuronTools).ModuleBase 'NeuronTools.Format.ps1xml')
    $tableViews = @(foreach ($view in $format.Configuration.ViewDefinitions.View) {
            if ($view.TableControl) {
                $headers = @($view.TableControl.TableHeaders.TableColumnHeader)
                @{
                    TypeName = [string] $view.ViewSelectedBy.TypeName
                    Labels = @($headers.Label)
                    Widths = @($headers | ForEach-Object { [int] $_.Width })
                }
            }
        })
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSStyle.OutputRendering = 'PlainText'

    # One representative object per type with a table view, with numbers that show the culture (a decimal
    # point) and long values that a narrow column could cut, and the invariant text its table must show.
    $neuron = New-Neuron -Weight 0.5, -1.25, 2 -Bias ([math]::PI) -InputName cpu, memory, errors -Name score
    $network = New-NeuronNetwork -Layer (New-NeuronLayer -Weight @(0.5, -1.25), @(2, 1) -Bias 0.25, 0 -Name hidden), (New-NeuronLayer -Weight (, @(1, 1)) -Activation Identity)
    $truthTable = @(0, 0), @(0, 1), @(1, 0), @(1, 1)
    $trained = $truthTable | Invoke-NeuronTraining (New-Neuron -InputCount 2 -Activation Sigmoid -Seed 3) -Target 0, 0, 0, 1 -Loss BinaryCrossEntropy -LearningRate 0.1 -Epoch 3 -Seed 1 -ValidationFraction 0.25
    $representative = @{
        'NeuronTools.Neuron' = @{ Object = @($neuron, (New-Neuron -Weight 1 -Bias -123456.75)); Text = '0.5, -1.25, 2', '3.14159', '-123457', 'cpu, memory, errors' }
        'NeuronTools.NeuronOutput' = @{ Object = Invoke-Neuron $neuron -InputObject 1.5, 2, 3; Text = '1.5, 2, 3', '7.39159' }
        'NeuronTools.ActivationValue' = @{ Object = Get-ActivationValue Sigmoid -Value 0.5, -1234567.5; Text = '0.5', '0.622459', '0.235004', '-1234567.5' }
        'NeuronTools.ActivationDefinition' = @{ Object = Get-Activation RReLU, LeakyReLU; Text = 'lower=0.125, upper=0.333333', 'negative_slope=0.01' }
        'NeuronTools.NeuronLayer' = @{ Object = New-NeuronLayer -Weight @(1.5, 2), @(3, 4) -Bias 0.1, 0.2 -Name hidden -Activation 'LeakyReLU(negative_slope=0.5)'; Text = 'LeakyReLU(negative_slope=0.5)' }
        'NeuronTools.NeuronNetwork' = @{ Object = $network; Text = '2-2-1', 'ReLU, Identity' }
        'NeuronTools.NetworkOutput' = @{ Object = Invoke-NeuronNetwork $network -InputObject 1.5, 2; Text = '1.5, 2' }
        'NeuronTools.LayerOutput' = @{ Object = (Invoke-NeuronNetwork $network -InputObject 1.5, 2).Layer; Text = '-1.5, 5', '0, 5' }
        'NeuronTools.NeuronGradient' = @{ Object = Get-NeuronGradient $neuron -InputObject 1.5, 2, 3; Text = '1.5, 2, 3', '7.39159', '0.5, -1.25, 2' }
        'NeuronTools.NetworkGradient' = @{ Object = Get-NeuronGradient $network -InputObject 1.5, 2; Text = '1.5, 2', '2, 1' }
        'NeuronTools.TrainingHistory' = @{ Object = $trained.TrainingHistory; Text = 'BinaryCrossEntropy', ' 0.1 ', '3+1', 'False' }
        'NeuronTools.TrainingEpoch' = @{ Object = $trained.TrainingHistory.Epoch; Text = ($trained.TrainingHistory.Epoch[0].Loss.ToString('G6', [cultureinfo]::InvariantCulture)) }
        'NeuronTools.ClassMetric' = @{ Object = ($truthTable | Test-NeuronModel $trained -Target 0, 0, 0, 1 -Loss BinaryCrossEntropy).ClassMetric; Text = '0.857143', '0.75' }
        'NeuronTools.ModelEvaluation' = @{ Object = $truthTable | Test-NeuronModel $trained -Target 0, 0, 0, 1 -Loss BinaryCrossEntropy; Text = 'BinaryCrossEntropy', '75.0 %' }
    }
}

Describe 'NeuronTools.Format.ps1xml' {
    Context 'the table view of <TypeName>' -ForEach $tableViews {
        BeforeAll {
            $case = $representative[$TypeName]
        }

        It 'has a representative object in this test' {
            $case | Should -Not -BeNull
            @($case.Object)[0].PSObject.TypeNames[0] | Should -BeExactly $TypeName
        }

        It 'declares columns that fit in 80 characters' {
            $total = ($Widths | Measure-Object -Sum).Sum + $Widths.Count - 1

            $total | Should -BeLessOrEqual 80
        }

        It 'shows every column at a width of 80' {
            $lines = @(($case.Object | Format-Table | Out-String -Width 80) -split '\r?\n' | ForEach-Object TrimEnd)
            $headerLine = $lines | Where-Object { $_ -match '\S' } | Select-Object -First 1

            foreach ($label in $Labels) {
                $headerLine | Should -Match ([regex]::Escape($label))
            }
            $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        }

        It 'writes the same invariant text under de-DE as under en-US' {
            $english = Invoke-InCulture 'en-US' { $case.Object | Out-String -Width 80 }
            $german = Invoke-InCulture 'de-DE' { $case.Object | Out-String -Width 80 }

            $german | Should -BeExactly $english
            foreach ($text in $case.Text) {
                $german | Should -Match ([regex]::Escape($text))
            }
        }
    }
}

Describe 'ViewFormat' {
    Context 'one number' {
        It 'shows <Value> as <Expected> under <Culture>' -TestCases @(
            @{ Value = [math]::PI; Expected = '3.14159'; Culture = 'de-DE' }
            @{ Value = -123456.75; Expected = '-123457'; Culture = 'de-DE' }
            @{ Value = 1234567; Expected = '1234567'; Culture = 'en-US' }
            @{ Value = 123456789.125; Expected = '1.23457E+08'; Culture = 'de-DE' }
            @{ Value = 0.1 + 0.2; Expected = '0.3'; Culture = 'fr-FR' }
            @{ Value = 1e-7; Expected = '1E-07'; Culture = 'de-DE' }
            @{ Value = [BitConverter]::Int64BitsToDouble([long]::MinValue); Expected = '0'; Culture = 'en-US' }
            @{ Value = [double]::NaN; Expected = 'NaN'; Culture = 'de-DE' }
        ) {
            param($Value, $Expected, $Culture)
            Invoke-InCulture $Culture { [NeuronTools.Commands.ViewFormat]::Number($Value) } | Should -BeExactly $Expected
        }

        It 'joins a list with a comma and a space under de-DE' {
            Invoke-InCulture 'de-DE' { [NeuronTools.Commands.ViewFormat]::Numbers([double[]] (0.5, -1.25, [math]::E)) } | Should -BeExactly '0.5, -1.25, 2.71828'
        }

        It 'gives an empty text for no list' {
            [NeuronTools.Commands.ViewFormat]::Numbers($null) | Should -BeExactly ''
        }
    }
}

Describe 'NeuronTools.Format.ps1xml list views' {
    BeforeAll {
        function ConvertTo-Exact([double] $Value) { $Value.ToString('R', [cultureinfo]::InvariantCulture) }
    }

    # Format-List shows every number with all its bits and the same text under every culture, where PowerShell's
    # own list would write {2,5, -3,75, 2} under de-DE: five numbers to the eye, three in fact.
    Context 'Format-List of <TypeName>' -ForEach @(
        @{ TypeName = 'NeuronTools.Neuron'; Object = { $neuron }; Text = { 'Weight          : 0.5, -1.25, 2', 'Bias            : 3.141592653589793', 'cpu, memory, errors' } }
        @{ TypeName = 'NeuronTools.NeuronOutput'; Object = { Invoke-Neuron $neuron 5, 3, 1 }; Text = { 'WeightedInput : 2.5, -3.75, 2', 'Input         : 5, 3, 1', 'PreActivation : 3.891592653589793', 'Derivative    : 1', 'Activation    : ReLU', 'InputObject   : {5, 3, 1}' } }
        @{ TypeName = 'NeuronTools.NeuronOutput'; Object = { Invoke-Neuron $neuron -InputObject ([pscustomobject] @{ cpu = 1.5; memory = 2; errors = 3 }) }; Text = { 'WeightedInput : 0.75, -2.5, 6', 'InputObject   : @{cpu=1.5; memory=2; errors=3}' } }
        @{ TypeName = 'NeuronTools.ActivationValue'; Object = { Get-ActivationValue Sigmoid -Value 0.5 }; Text = { 'Output     : 0.6224593312018546', 'Derivative : 0.2350037122015945' } }
        @{ TypeName = 'NeuronTools.NetworkOutput'; Object = { Invoke-NeuronNetwork $network -InputObject 1.5, 2 }; Text = { 'Input          : 1.5, 2', '[0] hidden ReLU: a = -1.5, 5; z = 0, 5', 'InputObject    : {1.5, 2}' } }
        @{ TypeName = 'NeuronTools.LayerOutput'; Object = { (Invoke-NeuronNetwork $network -InputObject 1.5, 2).Layer[0] }; Text = { 'Input         : 1.5, 2', 'PreActivation : -1.5, 5' } }
        @{ TypeName = 'NeuronTools.NeuronGradient'; Object = { Get-NeuronGradient $neuron -InputObject 1.5, 2, 3 }; Text = { 'Input          : 1.5, 2, 3', 'InputGradient  : 0.5, -1.25, 2', 'Output         : 7.391592653589793' } }
        @{ TypeName = 'NeuronTools.NetworkGradient'; Object = { Get-NeuronGradient $network -InputObject 1.5, 2 }; Text = { 'Input          : 1.5, 2', 'InputGradient  : 2, 1', 'WeightGradient : [0] 0, 0; 1.5, 2' } }
        @{ TypeName = 'NeuronTools.TrainingHistory'; Object = { $trained.TrainingHistory }; Text = { 'LearningRate        : 0.1', "FinalLoss           : $(ConvertTo-Exact $trained.TrainingHistory.FinalLoss)", 'ValidationRowCount  : 1' } }
        @{ TypeName = 'NeuronTools.TrainingEpoch'; Object = { $trained.TrainingHistory.Epoch[0] }; Text = { "Loss               : $(ConvertTo-Exact $trained.TrainingHistory.Epoch[0].Loss)", 'Accuracy           : 0.3333333333333333' } }
        @{ TypeName = 'NeuronTools.ModelEvaluation'; Object = { $truthTable | Test-NeuronModel $trained -Target 0, 0, 0, 1 -Loss BinaryCrossEntropy }; Text = { $evaluation = $truthTable | Test-NeuronModel $trained -Target 0, 0, 0, 1 -Loss BinaryCrossEntropy; "Loss                 : $(ConvertTo-Exact $evaluation.Loss)", 'Accuracy             : 0.75', 'MacroRecall          : 0.5' } }
    ) {
        BeforeAll {
            $value = & $Object
            $expected = @(& $Text)
        }

        It 'is an object of that type' {
            $value.PSObject.TypeNames[0] | Should -BeExactly $TypeName
        }

        It 'writes the same exact invariant text under de-DE as under en-US' {
            $english = Invoke-InCulture 'en-US' { $value | Format-List | Out-String -Width 120 }
            $german = Invoke-InCulture 'de-DE' { $value | Format-List | Out-String -Width 120 }

            $german | Should -BeExactly $english
            foreach ($line in $expected) {
                $german | Should -Match ([regex]::Escape($line))
            }
        }
    }
}

Describe 'ViewFormat exact text' {
    It 'shows <Value> with every bit under de-DE as <Expected>' -TestCases @(
        @{ Value = [math]::PI; Expected = '3.141592653589793' }
        @{ Value = 0.1 + 0.2; Expected = '0.30000000000000004' }
        @{ Value = -123456.75; Expected = '-123456.75' }
        @{ Value = 1e-300; Expected = '1E-300' }
    ) {
        param($Value, $Expected)
        Invoke-InCulture 'de-DE' { [NeuronTools.Commands.ViewFormat]::Exact($Value) } | Should -BeExactly $Expected
    }

    It 'joins an exact list with a comma and a space under de-DE' {
        Invoke-InCulture 'de-DE' { [NeuronTools.Commands.ViewFormat]::ExactList([double[]] (2.5, -3.75, 2)) } | Should -BeExactly '2.5, -3.75, 2'
    }

    It 'gives an empty text for no list' {
        [NeuronTools.Commands.ViewFormat]::ExactList($null) | Should -BeExactly ''
    }

    It 'shows an input object <Case> invariantly under de-DE' -TestCases @(
        @{ Case = 'list'; InputObject = @(1.5, 2); Expected = '{1.5, 2}' }
        @{ Case = 'row'; InputObject = [pscustomobject] @{ cpu = 0.25; name = 'web' }; Expected = '@{cpu=0.25; name=web}' }
        @{ Case = 'decimal'; InputObject = [decimal] 2.5; Expected = '2.5' }
        @{ Case = 'text'; InputObject = '2,5'; Expected = '2,5' }
    ) {
        param($InputObject, $Expected)
        Invoke-InCulture 'de-DE' { [NeuronTools.Commands.ViewFormat]::Value($InputObject) } | Should -BeExactly $Expected
    }
}
