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

        It 'takes the neuron from the pipeline and the input from the first position' {
            $PSStyle.OutputRendering = 'PlainText'

            $lines = $neuron | Show-Neuron 5, 3, 1

            $lines | Should -Be (Get-Expected 'neuron-article-steps-ascii')
        }

        It 'takes the neuron from the pipeline and -InputObject by name' {
            $PSStyle.OutputRendering = 'PlainText'

            $neuron | Show-Neuron -InputObject 5, 3, 1 | Should -Be (Get-Expected 'neuron-article-steps-ascii')
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

    Context 'with named inputs' {
        BeforeAll {
            $named = New-Neuron -Weight 0.5, -1, 2 -Bias 0.5 -Name article -InputName cpu, memory, errors
        }

        It 'explains <Case> bound by input name as the vector in input order' -TestCases @(
            @{ Case = 'a CSV row'; Row = ('host,Errors,CPU,memory', 'web1,1,5,3' | ConvertFrom-Csv) }
            @{ Case = 'a [pscustomobject]'; Row = [pscustomobject]@{ memory = 3; host = 'web1'; cpu = 5; errors = 1 } }
            @{ Case = 'a hashtable'; Row = @{ MEMORY = 3; Cpu = 5; errors = 1; host = 'web1' } }
        ) {
            param($Row)
            $PSStyle.OutputRendering = 'PlainText'

            $Row | Show-Neuron $named | Should -Be (Show-Neuron $named 5, 3, 1)
            $Row | Show-Neuron $named | Should -Contain 'z = relu(a) = relu(2) = 2'
        }

        It 'explains every good row and reports every bad row, in input order' {
            $PSStyle.OutputRendering = 'PlainText'
            $stream = New-MixedInputRow | Show-Neuron $named -ErrorAction Continue 2>&1
            $ends = @($stream | Where-Object { $_ -like 'z = *' -or $_ -is [System.Management.Automation.ErrorRecord] })

            $ends.Count | Should -Be 6
            $ends[0] | Should -BeExactly 'z = relu(a) = relu(2) = 2'
            $ends[1].FullyQualifiedErrorId | Should -BeExactly 'MissingInput,NeuronTools.Commands.ShowNeuronCommand'
            $ends[1].Exception.Message | Should -Match "'memory', 'errors'"
            $ends[2] | Should -BeExactly 'z = relu(a) = relu(-3) = 0'
            $ends[3].FullyQualifiedErrorId | Should -BeExactly 'InvalidInputValue,NeuronTools.Commands.ShowNeuronCommand'
            $ends[3].Exception.Message | Should -Match "'cpu' has the value 'x'"
            $ends[4] | Should -BeExactly 'z = relu(a) = relu(0.5) = 0.5'
            $ends[5] | Should -BeExactly 'z = relu(a) = relu(1.5) = 1.5'
        }

        It 'refuses a named row for a neuron without input names, with InputNameRequired' {
            $null = @{ cpu = 5; memory = 3; errors = 1 } | Show-Neuron $neuron -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputNameRequired,NeuronTools.Commands.ShowNeuronCommand'
        }

        It 'hints at the unary comma when lone numbers arrive' {
            $null = 5, 3, 1 | Show-Neuron $neuron -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 3
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.ShowNeuronCommand'
            $err[0].Exception.Message | Should -BeLike '*,(1,2,3) | Show-Neuron*'
        }
    }

    Context 'the figure as an SVG file' {
        It 'draws the article''s figure with -OutFile and writes nothing to the pipeline' {
            $file = Join-Path $TestDrive 'article.svg'

            $result = Show-Neuron $neuron 5, 3, 1 -OutFile $file

            $result | Should -BeNullOrEmpty
            [xml] $svg = Get-Content -LiteralPath $file -Raw
            $svg.svg.title | Should -BeExactly "Neuron 'article': 3 inputs, activation ReLU"
            $texts = @($svg.SelectNodes('//*[local-name()="text"]') | ForEach-Object InnerText)
            $texts | Should -Contain 'w2 = -1'
            $texts | Should -Contain 'w1·x1 = 2.5'
            $texts | Should -Contain 'a = 2'
            $point = $svg.SelectSingleNode('//*[@class="point"]')
            $point.'data-a' | Should -Be '2'
            $point.'data-z' | Should -Be '2'
            @($svg.SelectNodes('//*[@class="pipe"]')).Count | Should -Be 3
        }

        It 'draws the neuron alone when there is no input, and from the pipeline' {
            $file = Join-Path $TestDrive 'alone.svg'

            $neuron | Show-Neuron -OutFile $file

            [xml] $svg = Get-Content -LiteralPath $file -Raw
            $svg.SelectSingleNode('//*[@class="point"]') | Should -BeNullOrEmpty
            @($svg.SelectNodes('//*[@class="pipe"]')).Count | Should -Be 3
        }

        It 'draws the first of several inputs and reports each later one as OneFigurePerFile' {
            $file = Join-Path $TestDrive 'several.svg'

            @(5, 3, 1), @(1, 4, 0), @(0, 0, 0) | Show-Neuron $neuron -OutFile $file -ErrorAction SilentlyContinue -ErrorVariable err

            ([xml](Get-Content -LiteralPath $file -Raw)).SelectSingleNode('//*[@class="point"]').'data-a' | Should -Be '2'
            $err.Count | Should -Be 2
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'OneFigurePerFile,NeuronTools.Commands.ShowNeuronCommand'
            $err[1].TargetObject | Should -Be @(0, 0, 0)
        }

        It 'replaces an existing file, keeps it with -NoClobber, and writes nothing with -WhatIf' {
            $file = Join-Path $TestDrive 'replace.svg'
            Set-Content -LiteralPath $file -Value 'old'

            Show-Neuron $neuron 5, 3, 1 -OutFile $file -WhatIf
            Get-Content -LiteralPath $file -Raw | Should -Match '^old'
            { Show-Neuron $neuron -OutFile $file -NoClobber } | Should -Throw -ErrorId 'FileExists,NeuronTools.Commands.ShowNeuronCommand'
            Show-Neuron $neuron -OutFile $file
            Get-Content -LiteralPath $file -Raw | Should -Match '^<\?xml'
        }

        It 'refuses a file name that does not end in .svg as UnsupportedChartFormat, naming a figure' {
            $err = { Show-Neuron $neuron -OutFile (Join-Path $TestDrive 'neuron.png') } | Should -Throw -ErrorId 'UnsupportedChartFormat,NeuronTools.Commands.ShowNeuronCommand' -PassThru
            $err.Exception.Message | Should -BeLike 'Show-Neuron writes figures as SVG*'
        }

        It 'reports a bad input as in Invoke-Neuron and writes no file' {
            $file = Join-Path $TestDrive 'bad.svg'

            ,@(1, 2) | Show-Neuron $neuron -OutFile $file -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.ShowNeuronCommand'
            $file | Should -Not -Exist
        }
    }

    Context 'the README''s figures' {
        It 'commits <Name>, exactly what .docs/figures/New-Figure.ps1 draws with the current module' -TestCases @(
            @{ Name = 'neuron-article.svg' }
            @{ Name = 'network-demo.svg' }
        ) {
            param($Name)
            $folder = Join-Path $TestDrive 'figures'
            $null = New-Item -ItemType Directory -Path $folder -Force
            $null = & (Join-Path $PSScriptRoot '../.docs/figures/New-Figure.ps1') -ModulePath $modulePath -OutputFolder $folder

            Get-Content -LiteralPath (Join-Path $folder $Name) -Raw | Should -BeExactly (Get-Content -LiteralPath (Join-Path $PSScriptRoot "../.docs/figures/$Name") -Raw) -Because 'the README shows the committed file: run ./build.ps1 -Task Figures'
        }
    }
}
