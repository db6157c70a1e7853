BeforeAll {
    . $PSScriptRoot/Common.ps1
    $hidden = New-NeuronLayer -Weight @(0.5, -1, 2), @(1, 0, -1) -Bias 0.5, 0 -Name hidden
    $outputLayer = New-NeuronLayer -Weight @(1, -2), @(-1, 1) -Bias 0.25, 0 -Activation Sigmoid -Name output
    $network = New-NeuronNetwork -Layer $hidden, $outputLayer -Name demo
    $savedRendering = $PSStyle.OutputRendering
}

AfterAll {
    $PSStyle.OutputRendering = $savedRendering
}

Describe 'Show-NeuronNetwork' {
    Context 'without an input' {
        It 'draws the layers and writes their sums as <Expected> when OutputRendering is <Rendering>' -TestCases @(
            @{ Rendering = 'PlainText'; Expected = 'network-demo-ascii' }
            @{ Rendering = 'Ansi'; Expected = 'network-demo-unicode' }
        ) {
            param($Rendering, $Expected)
            $PSStyle.OutputRendering = $Rendering

            Show-NeuronNetwork $network | Should -Be (Get-Expected $Expected)
        }

        It 'takes the network from the pipeline' {
            $PSStyle.OutputRendering = 'PlainText'

            $network | Show-NeuronNetwork | Should -Be (Get-Expected 'network-demo-ascii')
        }

        It 'writes the formulas as LaTeX' {
            $PSStyle.OutputRendering = 'Ansi'

            Show-NeuronNetwork $network -As LaTeX | Should -Be (Get-Expected 'network-demo-latex')
        }
    }

    Context 'with an input' {
        It 'shows the forward pass layer by layer as <Expected> when OutputRendering is <Rendering>' -TestCases @(
            @{ Rendering = 'PlainText'; Expected = 'network-demo-steps-ascii' }
            @{ Rendering = 'Ansi'; Expected = 'network-demo-steps-unicode' }
        ) {
            param($Rendering, $Expected)
            $PSStyle.OutputRendering = $Rendering

            Show-NeuronNetwork $network 5, 3, 1 | Should -Be (Get-Expected $Expected)
        }

        It 'takes the network from the pipeline and the input from the first position' {
            $PSStyle.OutputRendering = 'PlainText'

            $network | Show-NeuronNetwork 5, 3, 1 | Should -Be (Get-Expected 'network-demo-steps-ascii')
        }

        It 'writes the steps as <As>' -TestCases @(
            @{ As = 'Markdown'; Expected = 'network-demo-steps-markdown' }
            @{ As = 'LaTeX'; Expected = 'network-demo-steps-latex' }
        ) {
            param($As, $Expected)
            $PSStyle.OutputRendering = 'Ansi'

            , (5, 3, 1) | Show-NeuronNetwork $network -As $As | Should -Be (Get-Expected $Expected)
        }

        It 'summarises a wide layer as vectors, every line at most 80 columns' {
            $PSStyle.OutputRendering = 'Ansi'
            $wide = New-NeuronNetwork -Shape 10, 16, 3 -Activation Tanh, Softmax -Initialization XavierUniform -Seed 7 -Name wide

            $lines = Show-NeuronNetwork $wide (1..10 | ForEach-Object { $_ / 7 })

            $lines | Should -Be (Get-Expected 'network-wide-steps-unicode')
            $lines | Should -BeOfType [string]
            ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        }

        It 'ends with the same output and PredictedIndex as Invoke-NeuronNetwork' {
            $PSStyle.OutputRendering = 'PlainText'
            $result = Invoke-NeuronNetwork $network 1, 4, 0
            $z = ($result.Output | ForEach-Object { $_.ToString('R', [cultureinfo]::InvariantCulture) }) -join ', '

            $lines = Show-NeuronNetwork $network 1, 4, 0

            $lines | Should -Contain "z = z^(2) = ($z)"
            $lines | Should -Contain ("PredictedIndex = {0}: z{1} = {2} is the largest output" -f $result.PredictedIndex, ($result.PredictedIndex + 1), $result.Output[$result.PredictedIndex].ToString('R', [cultureinfo]::InvariantCulture))
        }

        It 'separates the explanations of several inputs with an empty line' {
            $PSStyle.OutputRendering = 'PlainText'

            $lines = @(5, 3, 1), @(1, 4, 0) | Show-NeuronNetwork $network

            @($lines | Where-Object { $_ -like 'z^(1) = *' }) | Should -Be @('z^(1) = relu(a^(1)) = (relu(2), relu(4)) = (2, 4)', 'z^(1) = relu(a^(1)) = (relu(-3), relu(1)) = (0, 1)')
            $single = @(Show-NeuronNetwork $network 5, 3, 1)
            $lines[$single.Count] | Should -BeExactly ''
            $lines.Count | Should -Be (2 * $single.Count + 1)
        }

        It 'gives the same text under <Culture>' -TestCases @(
            @{ Culture = 'de-DE' }
            @{ Culture = 'fr-FR' }
        ) {
            param($Culture)
            $PSStyle.OutputRendering = 'PlainText'
            $invariant = Show-NeuronNetwork $network '2.5', '0.1', '-1e-3'

            Invoke-InCulture $Culture { Show-NeuronNetwork $network '2.5', '0.1', '-1e-3' } | Should -Be $invariant
            $invariant | Should -Contain 'x = z^(0) = (2.5, 0.1, -0.001)'
        }
    }

    Context 'with bad input' {
        It 'reports an input of the wrong length as InputCountMismatch and goes on with the next' {
            $PSStyle.OutputRendering = 'PlainText'

            $lines = @(1, 2), @(5, 3, 1) | Show-NeuronNetwork $network -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.ShowNeuronNetworkCommand'
            $err[0].TargetObject | Should -Be @(1, 2)
            $lines | Should -Contain 'z^(1) = relu(a^(1)) = (relu(2), relu(4)) = (2, 4)'
        }

        It 'reports <Case> as <ErrorId>' -TestCases @(
            @{ Case = 'a word'; Vector = @(1, 'abc', 3); ErrorId = 'InvalidInputValue' }
            @{ Case = 'NaN'; Vector = @(1, [double]::NaN, 3); ErrorId = 'NonFiniteInput' }
        ) {
            param($Vector, $ErrorId)
            $lines = Show-NeuronNetwork $network $Vector -ErrorAction SilentlyContinue -ErrorVariable err

            $lines | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId,NeuronTools.Commands.ShowNeuronNetworkCommand"
        }
    }

    Context 'with named inputs' {
        BeforeAll {
            $named = New-NeuronNetwork -Layer $hidden, $outputLayer -Name demo -InputName cpu, memory, errors
        }

        It 'explains <Case> bound by input name as the vector in input order' -TestCases @(
            @{ Case = 'a CSV row'; Row = ('host,Errors,CPU,memory', 'web1,0,1,4' | ConvertFrom-Csv) }
            @{ Case = 'a [pscustomobject]'; Row = [pscustomobject]@{ memory = 4; host = 'web1'; cpu = 1; errors = 0 } }
            @{ Case = 'a hashtable'; Row = @{ MEMORY = 4; Cpu = 1; errors = 0; host = 'web1' } }
        ) {
            param($Row)
            $PSStyle.OutputRendering = 'PlainText'

            $Row | Show-NeuronNetwork $named | Should -Be (Show-NeuronNetwork $named 1, 4, 0)
        }

        It 'explains every good row and reports every bad row, in input order' {
            $PSStyle.OutputRendering = 'PlainText'
            $stream = New-MixedInputRow | Show-NeuronNetwork $named -ErrorAction Continue 2>&1
            $errors = @($stream | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $ends = @($stream | Where-Object { $_ -like 'PredictedIndex = *' -or $_ -is [System.Management.Automation.ErrorRecord] })

            $errors.Count | Should -Be 2
            $errors[0].FullyQualifiedErrorId | Should -BeExactly 'MissingInput,NeuronTools.Commands.ShowNeuronNetworkCommand'
            $errors[0].TargetObject.id | Should -Be 1
            $errors[1].FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.ShowNeuronNetworkCommand'
            $errors[1].TargetObject.id | Should -Be 3
            $ends.Count | Should -Be 6
            $ends[1] | Should -Be $errors[0]
            $ends[3] | Should -Be $errors[1]
            $ends[2] | Should -BeLike 'PredictedIndex = *'
        }

        It 'refuses a named row for a network without input names, with InputNameRequired' {
            $null = @{ cpu = 5; memory = 3; errors = 1 } | Show-NeuronNetwork $network -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputNameRequired,NeuronTools.Commands.ShowNeuronNetworkCommand'
        }
    }

    Context 'a layer' {
        It 'explains a NeuronLayer as a network of that one layer, <Case>' -TestCases @(
            @{ Case = 'given by position'; Explain = { param($layer) Show-NeuronNetwork $layer 5, 3, 1 } }
            @{ Case = 'from the pipeline, the input by position'; Explain = { param($layer) $layer | Show-NeuronNetwork 5, 3, 1 } }
            @{ Case = 'with the input from the pipeline'; Explain = { param($layer) , (5, 3, 1) | Show-NeuronNetwork $layer } }
        ) {
            param($Case, $Explain)
            $PSStyle.OutputRendering = 'PlainText'
            $imported = $hidden | ConvertTo-NeuronJson | ConvertFrom-NeuronJson
            $oneLayer = New-NeuronNetwork -Layer $hidden -Name hidden

            $lines = & $Explain $imported

            $lines | Should -Be (Show-NeuronNetwork $oneLayer 5, 3, 1)
            $lines | Should -Contain "Network 'hidden': 3 inputs -> 2 outputs, 1 layer, 8 parameters"
        }

        It 'explains a piped layer itself, not as its own input' {
            $PSStyle.OutputRendering = 'PlainText'

            $hidden | Show-NeuronNetwork | Should -Be (Show-NeuronNetwork (New-NeuronNetwork -Layer $hidden -Name hidden))
        }
    }

    Context 'the network as an SVG file' {
        It 'draws a node per neuron and an edge per weight, coloured by sign' {
            $file = Join-Path $TestDrive 'demo.svg'

            $result = Show-NeuronNetwork $network 5, 3, 1 -OutFile $file

            $result | Should -BeNullOrEmpty
            [xml] $svg = Get-Content -LiteralPath $file -Raw
            $nodes = @($svg.SelectNodes('//*[contains(concat(" ", @class, " "), " node ")]'))
            $nodes.Count | Should -Be 7
            $edges = @($svg.SelectNodes('//*[@class="edge"]'))
            $edges.Count | Should -Be 10
            foreach ($edge in $edges) {
                $weight = $network.Layers[[int]$edge.'data-layer' - 1].Weight[[int]$edge.'data-neuron' - 1][[int]$edge.'data-input' - 1]
                [double]$edge.'data-weight' | Should -Be $weight
                $expected = if ($weight -gt 0) { '#1f77b4' } elseif ($weight -lt 0) { '#f28e2b' } else { '#b0b0b0' }
                $edge.stroke | Should -BeExactly $expected
                $edge.title | Should -BeLike '*w = *'
            }
        }

        It 'takes a layer from the pipeline, and refuses a second input with OneFigurePerFile' {
            $file = Join-Path $TestDrive 'layer.svg'

            $hidden | Show-NeuronNetwork -OutFile $file
            @(1, 2, 3), @(4, 5, 6) | Show-NeuronNetwork $network -OutFile $file -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'OneFigurePerFile,NeuronTools.Commands.ShowNeuronNetworkCommand'
            @(([xml](Get-Content -LiteralPath $file -Raw)).SelectNodes('//*[@class="edge"]')).Count | Should -Be 10
        }

        It 'writes nothing with -WhatIf' {
            $file = Join-Path $TestDrive 'whatif.svg'

            Show-NeuronNetwork $network -OutFile $file -WhatIf

            $file | Should -Not -Exist
        }
    }
}
