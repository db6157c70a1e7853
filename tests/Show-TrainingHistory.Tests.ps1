BeforeAll {
    . $PSScriptRoot/Common.ps1
    $savedRendering = $PSStyle.OutputRendering
    $svgNamespace = @{ svg = 'http://www.w3.org/2000/svg' }

    function New-TestHistory {
        # The made-up history of the core's TrainingChartTests, epoch for epoch, so the charts match its committed output.
        param([int] $EpochCount = 40, [switch] $Accuracy, [NeuronTools.LossFunction] $Loss = 'MeanSquaredError')
        $epochs = foreach ($e in 1..$EpochCount) {
            $value = (1.2 * [math]::Exp(-$e / 6.0)) + 0.08 + (0.01 * [math]::Sin($e))
            $training = if ($Accuracy) { 1 - (0.5 * [math]::Exp(-$e / 5.0)) } else { $null }
            $validation = if ($Accuracy) { 0.95 - (0.5 * [math]::Exp(-$e / 5.0)) } else { $null }
            [NeuronTools.TrainingEpoch]::new($e, $value, $value + 0.05 + (0.004 * $e), $training, $validation)
        }
        [NeuronTools.TrainingHistory]::new($Loss, 'Adam', 0.01, 8, 1, 80, 20, [NeuronTools.TrainingEpoch[]]$epochs, $false)
    }

    $rows = @(0, 0), @(0, 1), @(1, 0), @(1, 1)
    $start = New-NeuronNetwork -Shape 2, 4, 1 -Activation Tanh, Sigmoid -Initialization XavierUniform -Seed 1 -Name xor
    $xor = $rows | Invoke-NeuronTraining $start -Target 0, 1, 1, 0 -Loss BinaryCrossEntropy -LearningRate 0.1 -Epoch 60 -BatchSize 4 -Seed 1
}

AfterAll {
    $PSStyle.OutputRendering = $savedRendering
}

Describe 'Show-TrainingHistory' {
    Context 'in the terminal' {
        It 'draws <Expected> at <Width> x <Height> when OutputRendering is <Rendering>' -TestCases @(
            @{ Rendering = 'PlainText'; Width = 60; Height = 16; Expected = 'training-loss-ascii' }
            @{ Rendering = 'Ansi'; Width = 72; Height = 18; Expected = 'training-loss-colour' }
        ) {
            param($Rendering, $Width, $Height, $Expected)
            $PSStyle.OutputRendering = $Rendering

            Show-TrainingHistory (New-TestHistory) -Width $Width -Height $Height | Should -Be (Get-Expected $Expected)
        }

        It 'plots the accuracy with -Metric Accuracy' {
            $PSStyle.OutputRendering = 'PlainText'

            Show-TrainingHistory (New-TestHistory -EpochCount 30 -Accuracy -Loss CrossEntropy) -Metric Accuracy -Width 60 -Height 14 | Should -Be (Get-Expected 'training-accuracy-ascii')
        }

        It 'plots a model from Invoke-NeuronTraining in exactly -Height lines of at most -Width columns' {
            $PSStyle.OutputRendering = 'PlainText'

            $lines = $xor | Show-TrainingHistory -Width 50 -Height 15

            $lines | Should -BeOfType [string]
            $lines.Count | Should -Be 15
            ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 50
            $lines[0] | Should -BeExactly "loss   Training 'xor': BinaryCrossEntropy, Adam..."
            $lines[-1].Trim() | Should -BeExactly '-- loss'
            $lines[-2] | Should -Match '^\s+10\s+20\s+30\s+40\s+50\s+60$'
        }

        It 'takes the TrainingHistory itself, and a neuron''s' {
            $PSStyle.OutputRendering = 'PlainText'
            $and = @(0, 0), @(0, 1), @(1, 0), @(1, 1) | Invoke-NeuronTraining (New-Neuron -Weight 0, 0 -Activation Sigmoid) -Target 0, 0, 0, 1 -Loss BinaryCrossEntropy -Epoch 20 -Seed 1

            $fromHistory = Show-TrainingHistory $xor.TrainingHistory -Width 72 -Height 12
            $fromNeuron = Show-TrainingHistory $and -Width 72 -Height 12

            $fromHistory[0] | Should -BeExactly 'loss   Training: BinaryCrossEntropy, Adam at 0.1, 60 epochs'
            $fromNeuron[0] | Should -BeExactly 'loss   Training: BinaryCrossEntropy, Adam at 0.001, 20 epochs'
        }

        It 'plots several trainings on one chart, each named after its model' {
            $PSStyle.OutputRendering = 'PlainText'
            $slow = $rows | Invoke-NeuronTraining (New-NeuronNetwork -Shape 2, 4, 1 -Activation Tanh, Sigmoid -Seed 1 -Name slow) -Target 0, 1, 1, 0 -Loss BinaryCrossEntropy -LearningRate 0.01 -Epoch 60 -BatchSize 4 -Seed 1

            $lines = $xor, $slow | Show-TrainingHistory -Width 72 -Height 16

            $lines[0] | Should -BeExactly 'loss   Loss per epoch of 2 trainings'
            $lines[-1] | Should -Match '-- loss \(xor\) +\*\* loss \(slow\)'
        }
    }

    Context 'to an SVG file' {
        It 'writes an SVG whose curve points are the loss of each epoch' {
            $file = Join-Path $TestDrive 'xor.svg'

            $output = Show-TrainingHistory $xor -OutFile $file

            $output | Should -BeNullOrEmpty
            [xml] $svg = Get-Content -LiteralPath $file -Raw -Encoding utf8
            $svg.DocumentElement.width | Should -Be '800'
            $area = (Select-Xml -Xml $svg -XPath '//svg:rect[@class="plot-area"]' -Namespace $svgNamespace).Node
            $series = @(Select-Xml -Xml $svg -XPath '//svg:g[@class="series"]' -Namespace $svgNamespace | ForEach-Object Node)
            $series.'data-name' | Should -Be @('loss')
            $points = @($series[0].polyline.points -split ' ' | ForEach-Object { , [double[]]($_ -split ',') })
            $points.Count | Should -Be 60
            for ($i = 0; $i -lt 60; $i++) {
                $epoch = $xor.TrainingHistory.Epoch[$i]
                $x = [double]$area.'data-x-min' + ($points[$i][0] - [double]$area.x) / [double]$area.width * ([double]$area.'data-x-max' - [double]$area.'data-x-min')
                $y = [double]$area.'data-y-max' - ($points[$i][1] - [double]$area.y) / [double]$area.height * ([double]$area.'data-y-max' - [double]$area.'data-y-min')
                $x | Should -BeGreaterOrEqual ($epoch.Epoch - 0.05)
                $x | Should -BeLessOrEqual ($epoch.Epoch + 0.05)
                $y | Should -BeGreaterOrEqual ($epoch.Loss - 0.005)
                $y | Should -BeLessOrEqual ($epoch.Loss + 0.005)
            }
        }

        It 'draws the validation curve when rows were held out' {
            $file = Join-Path $TestDrive 'validation.svg'

            Show-TrainingHistory (New-TestHistory) -OutFile $file

            [xml] $svg = Get-Content -LiteralPath $file -Raw -Encoding utf8
            (Select-Xml -Xml $svg -XPath '//svg:g[@class="legend"]/svg:text' -Namespace $svgNamespace).Node.'#text' | Should -Be @('loss', 'validation loss')
        }

        It 'writes nothing with -WhatIf' {
            $file = Join-Path $TestDrive 'whatif.svg'

            Show-TrainingHistory $xor -OutFile $file -WhatIf

            $file | Should -Not -Exist
        }

        It 'refuses a file name that does not end in .svg as UnsupportedChartFormat' {
            { Show-TrainingHistory $xor -OutFile (Join-Path $TestDrive 'xor.png') } | Should -Throw -ErrorId 'UnsupportedChartFormat,NeuronTools.Commands.ShowTrainingHistoryCommand'
        }

        It 'reports a folder that does not exist as OutFileNotWritable' {
            { Show-TrainingHistory $xor -OutFile (Join-Path $TestDrive 'missing/xor.svg') } | Should -Throw -ErrorId 'OutFileNotWritable,NeuronTools.Commands.ShowTrainingHistoryCommand'
        }

        It 'refuses <OutFile> with NotFileSystemPath when the location is <Location>, writing nothing' -TestCases @(
            @{ Location = 'Env:'; OutFile = 'envrel.svg' }
            @{ Location = 'the test drive'; OutFile = 'variable:foo.svg' }
        ) {
            param($Location, $OutFile)
            $processFolder = [Environment]::CurrentDirectory
            Push-Location $(if ($Location -eq 'the test drive') { $TestDrive } else { $Location })
            try {
                { Show-TrainingHistory $xor -OutFile $OutFile } | Should -Throw -ErrorId 'NotFileSystemPath,NeuronTools.Commands.ShowTrainingHistoryCommand'
            }
            finally {
                Pop-Location
            }

            Join-Path $processFolder (Split-Path -Leaf $OutFile) | Should -Not -Exist
        }

        It 'resolves a relative path against the current PowerShell location' {
            Push-Location 'TestDrive:/'
            try {
                Show-TrainingHistory $xor -OutFile 'relative.svg'
            }
            finally {
                Pop-Location
            }

            Join-Path $TestDrive 'relative.svg' | Should -Exist
        }

        It 'replaces an existing file, keeps it with -NoClobber (FileExists), and a read-only one without -Force (FileReadOnly)' {
            $file = Join-Path $TestDrive 'existing.svg'
            Set-Content -LiteralPath $file -Value 'the old chart' -NoNewline
            { Show-TrainingHistory $xor -OutFile $file -NoClobber } | Should -Throw -ErrorId 'FileExists,NeuronTools.Commands.ShowTrainingHistoryCommand'
            Get-Content -LiteralPath $file -Raw | Should -BeExactly 'the old chart'

            Set-ItemProperty -LiteralPath $file -Name IsReadOnly -Value $true
            { Show-TrainingHistory $xor -OutFile $file } | Should -Throw -ErrorId 'FileReadOnly,NeuronTools.Commands.ShowTrainingHistoryCommand'
            Get-Content -LiteralPath $file -Raw | Should -BeExactly 'the old chart'

            Set-ItemProperty -LiteralPath $file -Name IsReadOnly -Value $false
            Show-TrainingHistory $xor -OutFile $file
            ([xml](Get-Content -LiteralPath $file -Raw)).DocumentElement.LocalName | Should -BeExactly 'svg'
        }
    }

    Context 'with something it cannot plot' {
        It 'reports an untrained <What> as NoTrainingHistory and still plots the others' -TestCases @(
            @{ What = 'neuron'; Model = { New-Neuron -Weight 1, 2 -Name fresh } }
            @{ What = 'network'; Model = { New-NeuronNetwork -Shape 2, 1 } }
        ) {
            param($What, $Model)
            $PSStyle.OutputRendering = 'PlainText'
            $untrained = & $Model

            $lines = $untrained, $xor | Show-TrainingHistory -Width 60 -Height 12 -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NoTrainingHistory,NeuronTools.Commands.ShowTrainingHistoryCommand'
            $err[0].TargetObject | Should -Be $untrained
            $err[0].Exception.Message | Should -BeLike "The $What*Invoke-NeuronTraining*"
            $lines[0] | Should -BeLike "loss   Training 'xor'*"
        }

        It 'reports an object that is not a model as NotATrainingHistory' {
            $lines = Show-TrainingHistory 'loss.csv' -ErrorAction SilentlyContinue -ErrorVariable err

            $lines | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NotATrainingHistory,NeuronTools.Commands.ShowTrainingHistoryCommand'
        }

        It 'reports the accuracy of a regression as NoAccuracy' {
            $lines = Show-TrainingHistory (New-TestHistory) -Metric Accuracy -ErrorAction SilentlyContinue -ErrorVariable err

            $lines | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NoAccuracy,NeuronTools.Commands.ShowTrainingHistoryCommand'
        }

        It 'reports a history without an epoch as EmptyTrainingHistory' {
            $empty = [NeuronTools.TrainingHistory]::new('MeanSquaredError', 'Adam', 0.01, 8, 1, 4, 0, [NeuronTools.TrainingEpoch[]]@(), $true)

            Show-TrainingHistory $empty -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'EmptyTrainingHistory,NeuronTools.Commands.ShowTrainingHistoryCommand'
        }

        It 'refuses a chart narrower than 30 columns' {
            { Show-TrainingHistory $xor -Width 20 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,NeuronTools.Commands.ShowTrainingHistoryCommand'
        }
    }
}
