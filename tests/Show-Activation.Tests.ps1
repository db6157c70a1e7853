BeforeAll {
    . $PSScriptRoot/Common.ps1
    $savedRendering = $PSStyle.OutputRendering
    $svgNamespace = @{ svg = 'http://www.w3.org/2000/svg' }
}

AfterAll {
    $PSStyle.OutputRendering = $savedRendering
}

Describe 'Show-Activation' {
    Context 'in the terminal' {
        It 'draws <Expected> at <Width> x <Height> when OutputRendering is <Rendering>' -TestCases @(
            @{ Rendering = 'PlainText'; Name = @('ReLU'); Derivative = $false; Width = 60; Height = 16; Expected = 'chart-relu-ascii' }
            @{ Rendering = 'Ansi'; Name = @('ReLU'); Derivative = $true; Width = 72; Height = 18; Expected = 'chart-relu-derivative-colour' }
            @{ Rendering = 'PlainText'; Name = @('BinaryStep', 'LeakyReLU(negative_slope=0.2)'); Derivative = $false; Width = 64; Height = 16; Expected = 'chart-binarystep-leakyrelu-ascii' }
        ) {
            param($Rendering, $Name, $Derivative, $Width, $Height, $Expected)
            $PSStyle.OutputRendering = $Rendering

            $lines = Show-Activation $Name -Derivative:$Derivative -Width $Width -Height $Height

            $lines | Should -Be (Get-Expected $Expected)
        }

        It 'writes exactly -Height strings, none wider than -Width' {
            $PSStyle.OutputRendering = 'PlainText'

            $lines = Show-Activation Sigmoid, Tanh -Derivative -Width 50 -Height 15

            $lines | Should -BeOfType [string]
            $lines.Count | Should -Be 15
            ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 50
            $lines | ForEach-Object { $_.ToCharArray() | Where-Object { [int]$_ -gt 127 } } | Should -BeNullOrEmpty
        }

        It 'takes names from Get-Activation on the pipeline' {
            $PSStyle.OutputRendering = 'PlainText'

            $lines = Get-Activation ReLU, Tanh | Show-Activation -Width 60 -Height 16

            $lines[0] | Should -BeExactly 'ReLU, Tanh on [-5, 5]'
            $lines[-1] | Should -Match '-- ReLU +\*\* Tanh'
        }

        It 'plots <What> with its parameters, from the pipeline and from -Name' -TestCases @(
            @{ What = 'an activation'; Model = { (New-Neuron -Weight 1 -Activation 'LeakyReLU(negative_slope=0.5)' -Name article).Activation } }
            @{ What = 'the activation of a neuron'; Model = { New-Neuron -Weight 1 -Activation 'LeakyReLU(negative_slope=0.5)' -Name article } }
            @{ What = 'the activation of a layer'; Model = { New-NeuronLayer -Weight (, @(1, 2)) -Activation 'LeakyReLU(negative_slope=0.5)' -Name hidden } }
        ) {
            param($What, $Model)
            $PSStyle.OutputRendering = 'PlainText'
            $object = & $Model
            $expected = Show-Activation 'LeakyReLU(negative_slope=0.5)' -Width 60 -Height 16

            $piped = $object | Show-Activation -Width 60 -Height 16
            $named = Show-Activation -Name $object -Width 60 -Height 16

            $piped[0] | Should -BeExactly 'LeakyReLU(negative_slope=0.5) on [-5, 5]'
            $piped | Should -Be $expected
            $named | Should -Be $expected
            $piped | Should -Not -Be (Show-Activation LeakyReLU -Width 60 -Height 16)
        }

        It 'plots activations and names given together' {
            $PSStyle.OutputRendering = 'PlainText'
            $sigmoid = (New-Neuron -Weight 1 -Activation Sigmoid).Activation

            $lines = Show-Activation $sigmoid, 'Tanh' -Width 60 -Height 16

            $lines | Should -Be (Show-Activation Sigmoid, Tanh -Width 60 -Height 16)
        }

        It 'plots the range from -Minimum to -Maximum' {
            $PSStyle.OutputRendering = 'PlainText'

            $lines = Show-Activation Sigmoid -Minimum -8 -Maximum 2 -Width 60 -Height 12

            $lines[0] | Should -BeExactly 'Sigmoid on [-8, 2]'
            $lines[-2] | Should -Match '^\s+-8 .* 2'
        }
    }

    Context 'to an SVG file' {
        It 'writes a standalone SVG whose curve is the function' {
            $file = Join-Path $TestDrive 'sigmoid.svg'

            $output = Show-Activation Sigmoid -Derivative -OutFile $file

            $output | Should -BeNullOrEmpty
            [xml] $svg = Get-Content -LiteralPath $file -Raw -Encoding utf8
            $svg.DocumentElement.LocalName | Should -BeExactly 'svg'
            $svg.DocumentElement.width | Should -Be '800'
            $svg.DocumentElement.height | Should -Be '400'
            $area = (Select-Xml -Xml $svg -XPath '//svg:rect[@class="plot-area"]' -Namespace $svgNamespace).Node
            $series = @(Select-Xml -Xml $svg -XPath '//svg:g[@class="series"]' -Namespace $svgNamespace | ForEach-Object Node)
            $series.'data-name' | Should -Be @('Sigmoid', 'Sigmoid′')
            $points = @($series[0].polyline.points -split ' ' | ForEach-Object { , [double[]]($_ -split ',') })
            $points.Count | Should -BeGreaterOrEqual 1001
            foreach ($point in $points | Select-Object -First 1000 | Where-Object { $points.IndexOf($_) % 50 -eq 0 }) {
                $x = [double]$area.'data-x-min' + ($point[0] - [double]$area.x) / [double]$area.width * ([double]$area.'data-x-max' - [double]$area.'data-x-min')
                $y = 1 / (1 + [math]::Exp(-$x))
                $expected = [double]$area.y + ([double]$area.'data-y-max' - $y) / ([double]$area.'data-y-max' - [double]$area.'data-y-min') * [double]$area.height
                $point[1] | Should -BeGreaterOrEqual ($expected - 0.02)
                $point[1] | Should -BeLessOrEqual ($expected + 0.02)
            }
        }

        It 'resolves a relative -OutFile against the current PowerShell location' {
            Push-Location $TestDrive
            try {
                Show-Activation ReLU -OutFile 'relative.svg'
            }
            finally {
                Pop-Location
            }

            Join-Path $TestDrive 'relative.svg' | Should -Exist
        }

        It 'writes nothing with -WhatIf' {
            $file = Join-Path $TestDrive 'whatif.svg'

            Show-Activation ReLU -OutFile $file -WhatIf

            $file | Should -Not -Exist
        }

        It 'refuses a file name that does not end in .svg as UnsupportedChartFormat' {
            { Show-Activation ReLU -OutFile (Join-Path $TestDrive 'relu.png') } | Should -Throw -ErrorId 'UnsupportedChartFormat,NeuronTools.Commands.ShowActivationCommand'
            Join-Path $TestDrive 'relu.png' | Should -Not -Exist
        }

        It 'reports a folder that does not exist as OutFileNotWritable' {
            { Show-Activation ReLU -OutFile (Join-Path $TestDrive 'missing/relu.svg') } | Should -Throw -ErrorId 'OutFileNotWritable,NeuronTools.Commands.ShowActivationCommand'
        }
    }

    Context 'where -OutFile goes' {
        It 'refuses <OutFile> with NotFileSystemPath when the location is <Location>, writing nothing' -TestCases @(
            @{ Location = 'Env:'; OutFile = 'envrel.svg' }
            @{ Location = 'Variable:'; OutFile = 'varrel.svg' }
            @{ Location = 'the test drive'; OutFile = 'variable:foo.svg' }
            @{ Location = 'the test drive'; OutFile = 'env:foo.svg' }
        ) {
            param($Location, $OutFile)
            $processFolder = [Environment]::CurrentDirectory
            Push-Location $(if ($Location -eq 'the test drive') { $TestDrive } else { $Location })
            try {
                $err = { Show-Activation ReLU -OutFile $OutFile } | Should -Throw -ErrorId 'NotFileSystemPath,NeuronTools.Commands.ShowActivationCommand' -PassThru
            }
            finally {
                Pop-Location
            }

            $err.TargetObject | Should -BeExactly $OutFile
            $err.Exception.Message | Should -Match 'file-system drive'
            Join-Path $processFolder (Split-Path -Leaf $OutFile) | Should -Not -Exist
            Get-ChildItem -LiteralPath $TestDrive -Filter '*rel.svg' | Should -BeNullOrEmpty
        }

        It 'writes to a TestDrive: path' {
            Show-Activation ReLU -OutFile 'TestDrive:/drive.svg'

            Join-Path $TestDrive 'drive.svg' | Should -Exist
        }

        It 'resolves a relative path after Set-Location to a PowerShell drive' {
            $null = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'charts')
            Push-Location
            try {
                Set-Location 'TestDrive:/charts'
                Show-Activation ReLU -OutFile '../up.svg'
                Show-Activation ReLU -OutFile 'here.svg'
            }
            finally {
                Pop-Location
            }

            Join-Path $TestDrive 'up.svg' | Should -Exist
            Join-Path $TestDrive 'charts/here.svg' | Should -Exist
        }

        It 'takes -OutFile literally, so [ and ] are part of the name' {
            Show-Activation ReLU -OutFile (Join-Path $TestDrive 'relu[1].svg')

            Test-Path -LiteralPath (Join-Path $TestDrive 'relu[1].svg') | Should -BeTrue
        }

        It 'refuses a folder named like an SVG file with PathIsDirectory' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'folder.svg')

            { Show-Activation ReLU -OutFile $folder.FullName } | Should -Throw -ErrorId 'PathIsDirectory,NeuronTools.Commands.ShowActivationCommand'
        }
    }

    Context 'an existing -OutFile' {
        BeforeEach {
            $file = Join-Path $TestDrive 'existing.svg'
            Set-Content -LiteralPath $file -Value 'the old chart' -NoNewline
        }

        AfterEach {
            Set-ItemProperty -LiteralPath $file -Name IsReadOnly -Value $false
        }

        It 'is replaced without -Force, as Out-File does, leaving no temporary file' {
            Show-Activation ReLU -OutFile $file

            ([xml](Get-Content -LiteralPath $file -Raw)).DocumentElement.LocalName | Should -BeExactly 'svg'
            @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp' -Force) | Should -HaveCount 0
        }

        It 'is kept with -NoClobber<Also>, with FileExists' -TestCases @(
            @{ Also = ''; Force = $false }
            @{ Also = ' even with -Force'; Force = $true }
        ) {
            param($Also, $Force)
            $err = { Show-Activation ReLU -OutFile $file -NoClobber -Force:$Force } | Should -Throw -ErrorId 'FileExists,NeuronTools.Commands.ShowActivationCommand' -PassThru

            $err.CategoryInfo.Category | Should -Be 'ResourceExists'
            $err.Exception.Message | Should -Match 'Remove -NoClobber'
            Get-Content -LiteralPath $file -Raw | Should -BeExactly 'the old chart'
        }

        It 'is kept when read-only, with FileReadOnly, and replaced with -Force' {
            Set-ItemProperty -LiteralPath $file -Name IsReadOnly -Value $true

            $err = { Show-Activation ReLU -OutFile $file } | Should -Throw -ErrorId 'FileReadOnly,NeuronTools.Commands.ShowActivationCommand' -PassThru
            $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
            Get-Content -LiteralPath $file -Raw | Should -BeExactly 'the old chart'

            Show-Activation ReLU -OutFile $file -Force
            ([xml](Get-Content -LiteralPath $file -Raw)).DocumentElement.LocalName | Should -BeExactly 'svg'
        }

        It 'is left alone with -WhatIf' {
            Show-Activation ReLU -OutFile $file -WhatIf

            Get-Content -LiteralPath $file -Raw | Should -BeExactly 'the old chart'
        }
    }

    Context 'with bad names or ranges' {
        It 'reports an unknown name as UnknownActivation and plots the others' {
            $PSStyle.OutputRendering = 'PlainText'

            $lines = Show-Activation ReLU, Relux -Width 60 -Height 16 -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'UnknownActivation,NeuronTools.Commands.ShowActivationCommand'
            $err[0].TargetObject | Should -BeExactly 'Relux'
            $lines | Should -Be (Get-Expected 'chart-relu-ascii')
        }

        It 'reports a vector activation as VectorActivationNotPlottable and still plots the others' {
            $lines = Show-Activation ReLU, Softmax -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'VectorActivationNotPlottable,NeuronTools.Commands.ShowActivationCommand'
            $lines | Should -Not -BeNullOrEmpty
        }

        It 'stops on a range of <Minimum> to <Maximum> with InvalidPlotRange' -TestCases @(
            @{ Minimum = 1; Maximum = 1 }
            @{ Minimum = 3; Maximum = -3 }
            @{ Minimum = [double]::NegativeInfinity; Maximum = 0 }
        ) {
            param($Minimum, $Maximum)
            { Show-Activation ReLU -Minimum $Minimum -Maximum $Maximum } | Should -Throw -ErrorId 'InvalidPlotRange,NeuronTools.Commands.ShowActivationCommand'
        }

        It 'says a range of finite ends whose width overflows is too wide, not that it is infinite' {
            $err = { Show-Activation ReLU -Minimum -1e308 -Maximum 1e308 } | Should -Throw -ErrorId 'InvalidPlotRange,NeuronTools.Commands.ShowActivationCommand' -PassThru

            $err.Exception.Message | Should -Match 'is too wide'
            $err.Exception.Message | Should -Not -Match 'not a finite'
        }

        It 'refuses a chart narrower than 30 columns' {
            { Show-Activation ReLU -Width 20 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,NeuronTools.Commands.ShowActivationCommand'
        }
    }

    Context 'with numbers given as text' {
        It 'reads -Minimum ''-2.5'' and -Maximum ''2.5'' under <Culture>' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            $text = Invoke-InCulture $Culture { Show-Activation Identity -Minimum '-2.5' -Maximum '2.5' -Width 60 -Height 16 }

            $text | Should -Be (Show-Activation Identity -Minimum -2.5 -Maximum 2.5 -Width 60 -Height 16)
        }

        It 'refuses -<Parameter> <Text> under <Culture> with ParameterArgumentTransformationError' -TestCases @(
            @{ Parameter = 'Minimum'; Text = '-1,5'; Culture = 'en-US' }
            @{ Parameter = 'Maximum'; Text = '1,5'; Culture = 'de-DE' }
        ) {
            param($Parameter, $Text, $Culture)
            $arguments = @{ Name = 'ReLU' }
            $arguments[$Parameter] = $Text
            { Invoke-InCulture $Culture { Show-Activation @arguments } } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.ShowActivationCommand'
        }
    }

    Context 'with whole numbers given as text' {
        It 'reads -Width ''60'' and -Height ''16'' under <Culture>' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            $text = Invoke-InCulture $Culture { Show-Activation Identity -Width '60' -Height '16' }

            $text | Should -Be (Show-Activation Identity -Width 60 -Height 16)
        }

        It 'refuses -<Parameter> <Text> under <Culture> with ParameterArgumentTransformationError' -TestCases @(
            @{ Parameter = 'Width'; Text = '6,0'; Culture = 'de-DE' }
            @{ Parameter = 'Height'; Text = '1,6'; Culture = 'en-US' }
        ) {
            param($Parameter, $Text, $Culture)
            $arguments = @{ Name = 'ReLU' }
            $arguments[$Parameter] = $Text
            { Invoke-InCulture $Culture { Show-Activation @arguments } } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.ShowActivationCommand'
        }
    }
}
