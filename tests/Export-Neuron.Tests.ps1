BeforeAll {
    . $PSScriptRoot/Common.ps1
    $neuron = New-Neuron -Weight 0.1, -1, 2.5e-300 -Bias 0.5 -Name article -InputName a, b, c -Activation 'LeakyReLU(negative_slope=0.2)'

    function Get-Bits([double[]] $Value) { $Value | ForEach-Object { [BitConverter]::DoubleToInt64Bits($_) } }
}

Describe 'Export-Neuron' {
    Context 'saving and loading' {
        It 'saves a <Kind> that Import-Neuron reads back with bit-identical weights and the same outputs' -TestCases @(
            @{ Kind = 'Neuron'; Make = { New-Neuron -InputCount 4 -Initialization HeNormal -Seed 3 -Activation Tanh -Bias 0.3 } }
            @{ Kind = 'NeuronLayer'; Make = { New-NeuronLayer -InputCount 4 -NeuronCount 3 -Seed 4 -Activation Softmax } }
            @{ Kind = 'NeuronNetwork'; Make = { New-NeuronNetwork -Shape 4, 5, 2 -Activation ReLU, Sigmoid -Seed 5 -InputName p, q, r, s } }
        ) {
            param($Kind, $Make)
            $model = & $Make
            $path = Join-Path $TestDrive "$Kind.json"

            Export-Neuron $model -Path $path
            $back = Import-Neuron $path

            $back.GetType().Name | Should -BeExactly $Kind
            $input = 0.3, -1.7, 2.25, 0.1
            switch ($Kind) {
                'Neuron' {
                    Get-Bits $back.Weight | Should -Be (Get-Bits $model.Weight)
                    [BitConverter]::DoubleToInt64Bits((Invoke-Neuron $back $input).Output) | Should -Be ([BitConverter]::DoubleToInt64Bits((Invoke-Neuron $model $input).Output))
                }
                'NeuronLayer' {
                    foreach ($j in 0..2) { Get-Bits $back.Weight[$j] | Should -Be (Get-Bits $model.Weight[$j]) }
                    $back.Activation.Name | Should -BeExactly 'Softmax'
                }
                'NeuronNetwork' {
                    foreach ($l in 0..1) { foreach ($j in 0..($model.Layers[$l].NeuronCount - 1)) { Get-Bits $back.Layers[$l].Weight[$j] | Should -Be (Get-Bits $model.Layers[$l].Weight[$j]) } }
                    $back.InputName | Should -Be @('p', 'q', 'r', 's')
                    Get-Bits (Invoke-NeuronNetwork $back $input).Output | Should -Be (Get-Bits (Invoke-NeuronNetwork $model $input).Output)
                }
            }
        }

        It 'keeps the training history of a trained model' {
            $rows = @(0, 0), @(0, 1), @(1, 0), @(1, 1)
            $start = New-NeuronNetwork -Shape 2, 3, 1 -Activation Tanh, Sigmoid -Initialization XavierUniform -Seed 1
            $trained = $rows | Invoke-NeuronTraining $start -Target 0, 1, 1, 0 -Loss BinaryCrossEntropy -LearningRate 0.1 -Epoch 20 -BatchSize 4 -Seed 1
            $path = Join-Path $TestDrive 'trained.json'

            Export-Neuron $trained -Path $path
            $back = Import-Neuron $path

            $back.TrainingHistory.EpochCount | Should -Be 20
            $back.TrainingHistory.Loss | Should -Be 'BinaryCrossEntropy'
            $back.TrainingHistory.Seed | Should -Be $trained.TrainingHistory.Seed
            $back.TrainingHistory.Epoch.Loss | Should -Be $trained.TrainingHistory.Epoch.Loss
            (Invoke-NeuronNetwork $back 1, 0).Output | Should -Be (Invoke-NeuronNetwork $trained 1, 0).Output
        }

        It 'keeps the name, input names, bias and activation parameters' {
            $path = Join-Path $TestDrive 'article.json'
            Export-Neuron $neuron -Path $path -Force
            $back = Import-Neuron $path

            $back.Name | Should -BeExactly 'article'
            $back.InputName | Should -Be @('a', 'b', 'c')
            $back.Bias | Should -Be 0.5
            $back.Activation.Specification | Should -BeExactly 'LeakyReLU(negative_slope=0.2)'
            Get-Bits $back.Weight | Should -Be (Get-Bits $neuron.Weight)
        }

        It 'writes the documented JSON with dots for decimals, whatever the culture' {
            $path = Join-Path $TestDrive 'culture.json'
            Invoke-InCulture 'de-DE' { Export-Neuron $neuron -Path $path -Force }
            $text = Get-Content -LiteralPath $path -Raw

            $text | Should -Match '"format": "NeuronTools.Model"'
            $text | Should -Match '"schemaVersion": 1'
            $text | Should -Match '"weight": \[0\.1, -1, 2\.5E-300\]'
            $text | Should -Match '"negative_slope": 0\.2'
        }

        It 'writes the text of ConvertTo-NeuronJson followed by one line feed' {
            $path = Join-Path $TestDrive 'newline.json'
            Export-Neuron $neuron -Path $path

            [System.IO.File]::ReadAllText($path) | Should -BeExactly (($neuron | ConvertTo-NeuronJson) + "`n")
        }

        It 'takes the model from the pipeline' {
            $path = Join-Path $TestDrive 'piped.json'
            $neuron | Export-Neuron -Path $path -Force

            (Import-Neuron $path).Name | Should -BeExactly 'article'
        }

        It 'returns the file with -PassThru and nothing without it' {
            $path = Join-Path $TestDrive 'passthru.json'

            Export-Neuron $neuron -Path $path -Force | Should -BeNullOrEmpty
            $file = Export-Neuron $neuron -Path $path -Force -PassThru
            $file | Should -BeOfType System.IO.FileInfo
            $file.FullName | Should -Be (Get-Item $path).FullName
        }
    }

    Context 'paths' {
        It 'resolves a relative path from the current PowerShell location, not the process directory' {
            $folder = Join-Path $TestDrive 'here'
            $null = New-Item -ItemType Directory $folder
            Push-Location $folder
            try {
                [Environment]::CurrentDirectory | Should -Not -Be (Get-Location).ProviderPath
                Export-Neuron $neuron -Path relative.json
                Test-Path (Join-Path $folder 'relative.json') | Should -BeTrue
                (Import-Neuron ./relative.json).Name | Should -BeExactly 'article'
            }
            finally { Pop-Location }
        }

        It 'writes through a PowerShell drive' {
            $null = New-PSDrive -Name NtModels -PSProvider FileSystem -Root $TestDrive
            try {
                Export-Neuron $neuron -Path NtModels:\drive.json -Force
                Test-Path (Join-Path $TestDrive 'drive.json') | Should -BeTrue
                (Import-Neuron NtModels:\drive.json).Name | Should -BeExactly 'article'
            }
            finally { Remove-PSDrive NtModels }
        }

        It 'writes a name with wildcard characters with -LiteralPath' {
            $path = Join-Path $TestDrive 'model[1].json'
            Export-Neuron $neuron -LiteralPath $path

            Test-Path -LiteralPath $path | Should -BeTrue
            (Import-Neuron -LiteralPath $path).Name | Should -BeExactly 'article'
        }

        It 'replaces the one existing file a -Path pattern matches' {
            $path = Join-Path $TestDrive 'unique-match.json'
            Set-Content -LiteralPath $path -Value 'old'
            Export-Neuron $neuron -Path (Join-Path $TestDrive 'unique-mat?h.json') -Force

            (Import-Neuron -LiteralPath $path).Name | Should -BeExactly 'article'
        }

        It 'refuses a pattern that matches several files with AmbiguousPath' {
            Set-Content (Join-Path $TestDrive 'twin1.json') 'a'
            Set-Content (Join-Path $TestDrive 'twin2.json') 'b'

            { Export-Neuron $neuron -Path (Join-Path $TestDrive 'twin*.json') -Force } | Should -Throw -ErrorId 'AmbiguousPath,NeuronTools.Commands.ExportNeuronCommand'
        }

        It 'refuses a path on another provider with NotFileSystemPath' {
            { Export-Neuron $neuron -Path Env:\NeuronModel } | Should -Throw -ErrorId 'NotFileSystemPath,NeuronTools.Commands.ExportNeuronCommand'
        }

        It 'refuses a folder that does not exist with DirectoryNotFound' {
            Export-Neuron $neuron -Path (Join-Path $TestDrive 'missing/model.json') -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'DirectoryNotFound,NeuronTools.Commands.ExportNeuronCommand'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'refuses a folder as the target with PathIsDirectory' {
            Export-Neuron $neuron -Path $TestDrive -Force -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'PathIsDirectory,NeuronTools.Commands.ExportNeuronCommand'
        }
    }

    Context 'existing files' {
        BeforeEach {
            $path = Join-Path $TestDrive 'existing.json'
            Set-Content -LiteralPath $path -Value 'the old file' -NoNewline
        }

        It 'leaves an existing file alone without -Force, with FileExists' {
            { Export-Neuron $neuron -Path $path } | Should -Throw -ErrorId 'FileExists,NeuronTools.Commands.ExportNeuronCommand'
            Get-Content -LiteralPath $path -Raw | Should -BeExactly 'the old file'
        }

        It 'replaces an existing file with -Force' {
            Export-Neuron $neuron -Path $path -Force

            (Import-Neuron $path).Name | Should -BeExactly 'article'
        }

        It 'never replaces a file with -NoClobber, even with -Force' {
            $err = { Export-Neuron $neuron -Path $path -Force -NoClobber } | Should -Throw -ErrorId 'FileExists,NeuronTools.Commands.ExportNeuronCommand' -PassThru

            $err.CategoryInfo.Category | Should -Be 'ResourceExists'
            Get-Content -LiteralPath $path -Raw | Should -BeExactly 'the old file'
        }

        It 'writes nothing with -WhatIf' {
            Export-Neuron $neuron -Path $path -Force -WhatIf
            Export-Neuron $neuron -Path (Join-Path $TestDrive 'whatif-new.json') -WhatIf

            Get-Content -LiteralPath $path -Raw | Should -BeExactly 'the old file'
            Test-Path (Join-Path $TestDrive 'whatif-new.json') | Should -BeFalse
        }

        It 'leaves the old file byte-identical when the write fails, with ModelWriteFailed' {
            # A real failure, without a test switch in the module: a file name of 245 characters is valid, but the
            # temporary file written beside it ('.<name>.<12 hex>.tmp', 263 characters) exceeds the 255 allowed.
            # The failure halfway through a write (after the temporary file holds the content) is tested in xUnit.
            $path = Join-Path $TestDrive (('m' * 240) + '.json')
            Set-Content -LiteralPath $path -Value 'the old file' -NoNewline
            $before = [System.IO.File]::ReadAllBytes($path)

            Export-Neuron $neuron -Path $path -Force -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'ModelWriteFailed,NeuronTools.Commands.ExportNeuronCommand'
            $err[0].CategoryInfo.Category | Should -Be 'WriteError'
            $err[0].Exception.Message | Should -Match 'unchanged'
            [System.IO.File]::ReadAllBytes($path) | Should -Be $before
            @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp' -Force) | Should -HaveCount 0
        }
    }

    Context 'ONNX' {
        It 'writes an ONNX model for -Format Onnx' {
            $path = Join-Path $TestDrive 'model.bin'
            Export-Neuron (New-NeuronNetwork -Shape 3, 4, 2 -Activation ReLU, Softmax -Seed 1) -Path $path -Format Onnx
            $bytes = [System.IO.File]::ReadAllBytes($path)

            $bytes[0] | Should -Be 0x08 # ModelProto field 1 (ir_version), a varint
            [System.Text.Encoding]::ASCII.GetString($bytes) | Should -Match 'Gemm'
            [System.Text.Encoding]::ASCII.GetString($bytes) | Should -Match 'Softmax'
        }

        It 'writes ONNX for a path ending in .onnx without -Format' {
            $path = Join-Path $TestDrive 'model.onnx'
            Export-Neuron $neuron -Path $path

            [System.IO.File]::ReadAllBytes($path)[0] | Should -Be 0x08
        }

        It 'refuses an activation ONNX cannot express, naming it, with UnsupportedOnnxActivation' {
            $path = Join-Path $TestDrive 'sparse.onnx'
            New-Neuron 1, 2 -Activation SparsePlus | Export-Neuron -Path $path -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'UnsupportedOnnxActivation,NeuronTools.Commands.ExportNeuronCommand'
            $err[0].Exception.Message | Should -Match 'SparsePlus'
            Test-Path $path | Should -BeFalse
        }
    }

    Context 'bad input' {
        It 'refuses an object that is not a model with UnsupportedModelType' {
            Get-Date | Export-Neuron -Path (Join-Path $TestDrive 'date.json') -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'UnsupportedModelType,NeuronTools.Commands.ExportNeuronCommand'
            Test-Path (Join-Path $TestDrive 'date.json') | Should -BeFalse
        }

        It 'writes the first of several piped models and refuses the rest with FileAlreadyWritten' {
            $path = Join-Path $TestDrive 'several.json'
            (New-Neuron 1 -Name first), (New-Neuron 2 -Name second) | Export-Neuron -Path $path -ErrorAction SilentlyContinue -ErrorVariable err

            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'FileAlreadyWritten,NeuronTools.Commands.ExportNeuronCommand'
            (Import-Neuron $path).Name | Should -BeExactly 'first'
        }
    }
}
