BeforeAll {
    . $PSScriptRoot/Common.ps1
    $neuron = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -Name article
    $savedRendering = $PSStyle.OutputRendering
}

AfterAll {
    $PSStyle.OutputRendering = $savedRendering
}

Describe 'Show-Neuron' {
    Context 'without an input' {
        It 'draws the article''s figure as <Expected> when OutputRendering is <Rendering>' -TestCases @(
            @{ Rendering = 'PlainText'; Expected = 'neuron-article-ascii' }
            @{ Rendering = 'Ansi'; Expected = 'neuron-article-unicode' }
        ) {
            param($Rendering, $Expected)
            $PSStyle.OutputRendering = $Rendering

            $lines = Show-Neuron $neuron

            $lines | Should -Be (Get-Expected $Expected)
        }

        It 'takes the neuron from the pipeline' {
            $PSStyle.OutputRendering = 'PlainText'

            $neuron | Show-Neuron | Should -Be (Get-Expected 'neuron-article-ascii')
        }

        It 'writes <As> for a notebook or a document' -TestCases @(
            @{ As = 'Markdown'; Expected = 'neuron-article-markdown' }
            @{ As = 'LaTeX'; Expected = 'neuron-article-latex' }
        ) {
            param($As, $Expected)
            $PSStyle.OutputRendering = 'Ansi'

            Show-Neuron $neuron -As $As | Should -Be (Get-Expected $Expected)
        }
    }

    Context 'with an input' {
        It 'shows every step of the calculation as <Expected> when OutputRendering is <Rendering>' -TestCases @(
            @{ Rendering = 'PlainText'; Expected = 'neuron-article-steps-ascii' }
            @{ Rendering = 'Ansi'; Expected = 'neuron-article-steps-unicode' }
        ) {
            param($Rendering, $Expected)
            $PSStyle.OutputRendering = $Rendering

            Show-Neuron $neuron 5, 3, 1 | Should -Be (Get-Expected $Expected)
        }

        It 'writes the steps as <As>' -TestCases @(
            @{ As = 'Markdown'; Expected = 'neuron-article-steps-markdown' }
            @{ As = 'LaTeX'; Expected = 'neuron-article-steps-latex' }
        ) {
            param($As, $Expected)
            $PSStyle.OutputRendering = 'Ansi'

            , (5, 3, 1) | Show-Neuron $neuron -As $As | Should -Be (Get-Expected $Expected)
        }

        It 'writes one string per line, each at most 80 columns' {
            $PSStyle.OutputRendering = 'Ansi'
            $wide = New-Neuron -Weight (1..20 | ForEach-Object { $_ / 7 }) -Bias (1 / 3) -Activation Sigmoid

            $lines = Show-Neuron $wide (1..20 | ForEach-Object { - $_ / 3 })

            $lines | Should -BeOfType [string]
            ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
            $lines | Should -Contain 'w_out20 = x20·w20 = (-6.666666666666667)·2.857142857142857 = -19.047619047619047'
        }

        It 'separates the explanations of several inputs with an empty line' {
            $PSStyle.OutputRendering = 'PlainText'

            $lines = @(5, 3, 1), @(1, 4, 0) | Show-Neuron $neuron

            @($lines | Where-Object { $_ -like 'z = *' }) | Should -Be @('z = relu(a) = relu(2) = 2', 'z = relu(a) = relu(-3) = 0')
            $single = @(Show-Neuron $neuron 5, 3, 1)
            $lines[$single.Count] | Should -BeExactly ''
            $lines.Count | Should -Be (2 * $single.Count + 1)
        }

        It 'gives the same text under <Culture>' -TestCases @(
            @{ Culture = 'de-DE' }
            @{ Culture = 'fr-FR' }
        ) {
            param($Culture)
            $PSStyle.OutputRendering = 'PlainText'
            $invariant = Show-Neuron $neuron '2.5', '0.1', '-1e-3'

            Invoke-InCulture $Culture { Show-Neuron $neuron '2.5', '0.1', '-1e-3' } | Should -Be $invariant
            $invariant | Should -Contain 'w_out2 = x2 * w2 = 0.1 * (-1) = -0.1'
        }
    }

    Context 'with bad input' {
        It 'reports an input of the wrong length as InputCountMismatch and goes on with the next' {
            $PSStyle.OutputRendering = 'PlainText'

            $lines = @(1, 2), @(5, 3, 1) | Show-Neuron $neuron -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.ShowNeuronCommand'
            $err[0].TargetObject | Should -Be @(1, 2)
            $lines | Should -Contain 'z = relu(a) = relu(2) = 2'
        }

        It 'reports <Case> as <ErrorId>' -TestCases @(
            @{ Case = 'a word'; Vector = @(1, 'abc', 3); ErrorId = 'InvalidInputValue' }
            @{ Case = 'NaN'; Vector = @(1, [double]::NaN, 3); ErrorId = 'NonFiniteInput' }
        ) {
            param($Vector, $ErrorId)
            $lines = Show-Neuron $neuron $Vector -ErrorAction SilentlyContinue -ErrorVariable err

            $lines | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId,NeuronTools.Commands.ShowNeuronCommand"
        }
    }
}
