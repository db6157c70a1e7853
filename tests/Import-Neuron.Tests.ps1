BeforeAll {
    . $PSScriptRoot/Common.ps1
    $header = '"format": "NeuronTools.Model", "schemaVersion": 1, '
    $validNeuron = '{' + $header + '"type": "Neuron", "inputCount": 2, "weight": [0.5, -1], "bias": 0.25, "activation": {"name": "ReLU"}}'

    function New-ModelFile([string] $Name, [string] $Text) {
        $path = Join-Path $TestDrive $Name
        [System.IO.File]::WriteAllText($path, $Text)
        $path
    }
}

BeforeDiscovery {
    # Hostile shapes that once took gigabytes: each repeats Unit to 32 MB between Start and End.
    $hostileFiles = @(
        @{ Shape = '[{},{},...] under an unknown key'; Start = '"type": "Neuron", "junk": ['; Unit = '{},'; End = '{}], "inputCount": 1, "weight": [1], "bias": 0, "activation": {"name": "ReLU"}}' }
        @{ Shape = '[{},{},...] as the layers'; Start = '"type": "NeuronNetwork", "inputCount": 1, "layers": ['; Unit = '{},'; End = '{}]}' }
        @{ Shape = '[[],[],...] as the weight rows'; Start = '"type": "NeuronLayer", "inputCount": 1, "neuronCount": 1, "weight": ['; Unit = '[],'; End = '[]], "bias": [0], "activation": {"name": "ReLU"}}' }
        @{ Shape = '["a","a",...] as the input names'; Start = '"type": "Neuron", "inputCount": 1, "inputName": ['; Unit = '"a",'; End = '"a"], "weight": [1], "bias": 0, "activation": {"name": "ReLU"}}' }
        @{ Shape = '[null,null,...] as a history column'; Start = '"type": "Neuron", "inputCount": 1, "weight": [1], "bias": 0, "activation": {"name": "ReLU"}, "trainingHistory": {"loss": "MeanSquaredError", "optimizer": "Adam", "learningRate": 0.1, "batchSize": 1, "seed": 1, "trainingRowCount": 1, "validationRowCount": 0, "epochs": {"epoch": [1], "loss": ['; Unit = 'null,'; End = 'null]}}}' }
        @{ Shape = '[[[],[],...]] nested arrays'; Start = '"type": "Neuron", "inputCount": 1, "weight": [['; Unit = '[[]],'; End = '[]]], "bias": 0, "activation": {"name": "ReLU"}}' }
        @{ Shape = '{"0":0,"1":0,...} keys'; Start = '"type": "Neuron", "inputCount": 1, "weight": [1], "bias": 0, "activation": {"name": "ReLU", "parameters": {'; Unit = $null; End = '"x": 0}}}' }
    )
}

Describe 'Import-Neuron' {
    Context 'several files' {
        BeforeAll {
            $folder = Join-Path $TestDrive 'models'
            $null = New-Item -ItemType Directory $folder
            New-Neuron 1, 2 -Name one | Export-Neuron -Path (Join-Path $folder 'one.json')
            New-NeuronLayer -InputCount 2 -NeuronCount 3 -Seed 1 -Name two | Export-Neuron -Path (Join-Path $folder 'two.json')
            New-NeuronNetwork -Shape 2, 2, 1 -Seed 2 -Name three | Export-Neuron -Path (Join-Path $folder 'three.json')
            $null = New-Item -ItemType Directory (Join-Path $folder 'sub.json')
        }

        It 'reads every file a wildcard matches, returning each model''s own type and skipping folders' {
            $models = Import-Neuron (Join-Path $folder '*.json') | Sort-Object Name

            $models.Name | Should -Be @('one', 'three', 'two')
            $models[0] | Should -BeOfType NeuronTools.Neuron
            $models[1] | Should -BeOfType NeuronTools.NeuronNetwork
            $models[2] | Should -BeOfType NeuronTools.NeuronLayer
        }

        It 'reads files piped from Get-ChildItem' {
            (Get-ChildItem $folder -Filter *.json -File | Import-Neuron).Count | Should -Be 3
        }

        It 'reads several paths, going on after one that fails' {
            $bad = New-ModelFile 'bad.json' '{'
            $models = Import-Neuron (Join-Path $folder 'one.json'), $bad, (Join-Path $folder 'two.json') -ErrorAction SilentlyContinue -ErrorVariable err

            $models.Name | Should -Be @('one', 'two')
            $err | Should -HaveCount 1
            $err[0].TargetObject | Should -BeLike '*bad.json'
        }

        It 'reads relative paths from the current PowerShell location' {
            Push-Location $folder
            try { (Import-Neuron one.json).Name | Should -BeExactly 'one' }
            finally { Pop-Location }
        }

        It 'gives nothing, and no error, for a pattern that matches nothing' {
            Import-Neuron (Join-Path $folder 'none*.json') -ErrorVariable err | Should -BeNullOrEmpty
            $err | Should -HaveCount 0
        }
    }

    Context 'files that are not there' {
        It 'reports a missing file with PathNotFound' {
            Import-Neuron (Join-Path $TestDrive 'missing.json') -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'PathNotFound,NeuronTools.Commands.ImportNeuronCommand'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'reports a missing -LiteralPath with PathNotFound' {
            Import-Neuron -LiteralPath (Join-Path $TestDrive 'missing[1].json') -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'PathNotFound,NeuronTools.Commands.ImportNeuronCommand'
        }

        It 'reports a folder with PathIsDirectory' {
            Import-Neuron $TestDrive -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'PathIsDirectory,NeuronTools.Commands.ImportNeuronCommand'
        }

        It 'reports a path on another provider with NotFileSystemPath' {
            Import-Neuron Env:\PATH -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NotFileSystemPath,NeuronTools.Commands.ImportNeuronCommand'
        }

        It 'reports a file it cannot open with ModelReadFailed' {
            $path = New-ModelFile 'locked.json' $validNeuron
            $lock = [System.IO.File]::Open($path, 'Open', 'ReadWrite', 'None')
            try { Import-Neuron $path -ErrorAction SilentlyContinue -ErrorVariable err }
            finally { $lock.Dispose() }

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'ModelReadFailed,NeuronTools.Commands.ImportNeuronCommand'
            $err[0].CategoryInfo.Category | Should -Be 'ReadError'
        }
    }

    Context 'files that are not valid models' {
        It 'refuses malformed JSON with JsonSyntaxError, giving the line and position' {
            $path = New-ModelFile 'syntax.json' "{`n  `"format`": `"NeuronTools.Model`",`n  `"weight`": [1, 2,]`n}"
            Import-Neuron $path -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'JsonSyntaxError,NeuronTools.Commands.ImportNeuronCommand'
            $err[0].Exception.Message | Should -Match 'line 3, position 19'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        }

        It 'refuses bytes that are not UTF-8 text with JsonSyntaxError' {
            $path = Join-Path $TestDrive 'binary.json'
            [System.IO.File]::WriteAllBytes($path, [byte[]](0x7B, 0xFF, 0xFE, 0x00, 0x7D))
            Import-Neuron $path -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'JsonSyntaxError,NeuronTools.Commands.ImportNeuronCommand'
        }

        It 'refuses <Case> with InvalidModelFile naming <Field>' -TestCases @(
            @{ Case = 'a ragged weight row'; Field = 'layers\[1\]\.weight\[1\]'; Body = '"type": "NeuronNetwork", "inputCount": 2, "layers": [{"inputCount": 2, "neuronCount": 2, "weight": [[1, 2], [3, 4]], "bias": [0, 0], "activation": {"name": "ReLU"}}, {"inputCount": 2, "neuronCount": 2, "weight": [[1, 2], [3]], "bias": [0, 0], "activation": {"name": "ReLU"}}]' }
            @{ Case = 'a missing bias'; Field = "'bias'"; Body = '"type": "Neuron", "inputCount": 1, "weight": [1], "activation": {"name": "ReLU"}' }
            @{ Case = 'an unknown activation'; Field = 'activation\.name'; Body = '"type": "Neuron", "inputCount": 1, "weight": [1], "bias": 0, "activation": {"name": "Relu7"}' }
            @{ Case = 'a bad activation parameter'; Field = 'activation\.parameters\.negative_slope'; Body = '"type": "Neuron", "inputCount": 1, "weight": [1], "bias": 0, "activation": {"name": "LeakyReLU", "parameters": {"negative_slope": "steep"}}' }
            @{ Case = 'NaN as a string'; Field = 'weight\[1\]'; Body = '"type": "Neuron", "inputCount": 2, "weight": [1, "NaN"], "bias": 0, "activation": {"name": "ReLU"}' }
            @{ Case = 'infinity as a string'; Field = "'bias'"; Body = '"type": "Neuron", "inputCount": 1, "weight": [1], "bias": "Infinity", "activation": {"name": "ReLU"}' }
            @{ Case = 'a number beyond a double'; Field = 'weight\[0\]'; Body = '"type": "Neuron", "inputCount": 1, "weight": [1e400], "bias": 0, "activation": {"name": "ReLU"}' }
            @{ Case = 'a negative count'; Field = 'neuronCount'; Body = '"type": "NeuronLayer", "inputCount": 1, "neuronCount": -2, "weight": [[1]], "bias": [0], "activation": {"name": "ReLU"}' }
            @{ Case = 'a misspelt field'; Field = 'wieght'; Body = '"type": "Neuron", "inputCount": 1, "wieght": [1], "bias": 0, "activation": {"name": "ReLU"}' }
            @{ Case = 'a type hint'; Field = '\$type'; Body = '"$type": "System.Diagnostics.Process", "type": "Neuron", "inputCount": 1, "weight": [1], "bias": 0, "activation": {"name": "ReLU"}' }
        ) {
            param($Case, $Field, $Body)
            $path = New-ModelFile 'shape.json' ('{' + $header + $Body + '}')
            Import-Neuron $path -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidModelFile,NeuronTools.Commands.ImportNeuronCommand'
            $err[0].Exception.Message | Should -Match $Field
        }

        It 'refuses a newer schema version with UnsupportedSchemaVersion, saying which version it reads' {
            $path = New-ModelFile 'future.json' '{"format": "NeuronTools.Model", "schemaVersion": 7, "type": "Transformer"}'
            Import-Neuron $path -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'UnsupportedSchemaVersion,NeuronTools.Commands.ImportNeuronCommand'
            $err[0].Exception.Message | Should -Match 'schema version 7'
            $err[0].Exception.Message | Should -Match 'reads schema version 1'
        }

        It 'refuses a file larger than -MaximumSize with ModelFileTooLarge, before reading it' {
            $path = New-ModelFile 'large.json' ($validNeuron + (' ' * 5000))
            Import-Neuron $path -MaximumSize 4096 -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'ModelFileTooLarge,NeuronTools.Commands.ImportNeuronCommand'
            $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            Import-Neuron $path -MaximumSize 8192 | Should -BeOfType NeuronTools.Neuron
        }

        It 'refuses a file larger than 256 MiB by default' {
            $path = Join-Path $TestDrive 'sparse-huge.json'
            $stream = [System.IO.File]::Create($path)
            try { $stream.SetLength(256MB + 1) } finally { $stream.Dispose() }
            Import-Neuron $path -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'ModelFileTooLarge,NeuronTools.Commands.ImportNeuronCommand'
            $err[0].Exception.Message | Should -Match '268435457 bytes'
        }

        It 'refuses nesting deeper than -MaximumDepth with JsonTooDeep' {
            $path = New-ModelFile 'deep.json' (('[' * 100000) + (']' * 100000))
            Import-Neuron $path -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'JsonTooDeep,NeuronTools.Commands.ImportNeuronCommand'
        }
    }

    Context 'ONNX files' {
        BeforeAll {
            $onnx = Join-Path $PSScriptRoot 'Data/onnx'
            function Read-Expected([string] $Path) {
                $rows = Import-Csv -Delimiter "`t" -Path ($Path -replace '\.onnx$', '.expected.tsv')
                foreach ($row in $rows) {
                    $names = $row.PSObject.Properties.Name
                    [pscustomobject]@{
                        Input  = [double[]]@($names | Where-Object { $_ -match '^x\d+$' } | ForEach-Object { [double]::Parse($row.$_, [cultureinfo]::InvariantCulture) })
                        Output = [double[]]@($names | Where-Object { $_ -match '^y\d+$' } | ForEach-Object { [double]::Parse($row.$_, [cultureinfo]::InvariantCulture) })
                    }
                }
            }
        }

        It 'reads a PyTorch file as a network that gives PyTorch''s outputs within 1e-12 in double' {
            $path = Join-Path $onnx 'torch/deep_relu_op17_d.onnx'
            $network = Import-Neuron $path

            $network | Should -BeOfType NeuronTools.NeuronNetwork
            $network.Shape | Should -Be @(8, 16, 16, 12, 8, 3)
            foreach ($case in Read-Expected $path) {
                $output = (Invoke-NeuronNetwork $network $case.Input).Output
                for ($j = 0; $j -lt $output.Count; $j++) {
                    [Math]::Abs($output[$j] - $case.Output[$j]) | Should -BeLessOrEqual (1e-12 * [Math]::Max(1, [Math]::Abs($case.Output[$j])))
                }
            }
        }

        It 'reads a one-unit graph as a Neuron' {
            Import-Neuron (Join-Path $onnx 'torch/neuron_sigmoid_op13_f.onnx') | Should -BeOfType NeuronTools.Neuron
        }

        It 'finds the format from the content, whatever the file is called' {
            $path = Join-Path $TestDrive 'model.bin'
            Copy-Item (Join-Path $onnx 'tf2onnx/keras_relu_softmax_f.onnx') $path

            (Import-Neuron $path).Layers[1].Activation.Name | Should -BeExactly 'Softmax'
        }

        It 'reads back an exported network with the same weights, name and input names' {
            $path = Join-Path $TestDrive 'round.onnx'
            $network = New-NeuronNetwork -Shape 3, 4, 2 -Activation 'LeakyReLU(negative_slope=0.2)', Softmax -Seed 5 -Name round -InputName cpu, memory, disk
            Export-Neuron $network -Path $path -OnnxElementType Double

            $imported = Import-Neuron $path -Format Onnx

            $imported.Name | Should -BeExactly 'round'
            $imported.InputName | Should -Be @('cpu', 'memory', 'disk')
            $imported.Layers[0].Activation.Specification | Should -BeExactly 'LeakyReLU(negative_slope=0.2)'
            $imported.Layers[1].Weight[1] | Should -Be $network.Layers[1].Weight[1]
            (Invoke-NeuronNetwork $imported 1, 2, 3).Output | Should -Be (Invoke-NeuronNetwork $network 1, 2, 3).Output
        }

        It 'gives a model every cmdlet takes: explain, gradient, test, retrain, save as JSON' {
            $network = Import-Neuron (Join-Path $onnx 'torch/flatten_dropout_relu_op13_d.onnx')
            $x = [double[]](0.5, -1, 2, 0.25, 1)
            $rows = foreach ($k in 1..6) { , [double[]]($x | ForEach-Object { $_ * $k }) }
            $targets = 0, 1, 2, 0, 1, 2

            Show-NeuronNetwork $network $x | Out-String | Should -Match 'Softmax'
            (Get-NeuronGradient $network $x -OutputIndex 1).InputGradient | Should -HaveCount 5
            ($rows | Test-NeuronModel $network -Target $targets -Loss CrossEntropy).RowCount | Should -Be 6
            $trained = $rows | Invoke-NeuronTraining $network -Target $targets -Loss CrossEntropy -Epoch 2 -Seed 1
            $trained | Should -BeOfType NeuronTools.NeuronNetwork
            $trained.Layers[0].Weight[0] | Should -Not -Be $network.Layers[0].Weight[0]
            $json = Join-Path $TestDrive 'from-onnx.json'
            Export-Neuron $network -Path $json
            (Import-Neuron $json).Layers[0].Weight[0] | Should -Be $network.Layers[0].Weight[0]
        }

        It 'refuses <Case> with <ErrorId>' -TestCases @(
            @{ Case = 'a Keras 2 hard sigmoid'; File = 'tf2onnx/keras_hard_sigmoid_f.onnx'; ErrorId = 'UnsupportedOnnxOperator'; Mentions = 'HardSigmoid' }
            @{ Case = 'one-vs-rest probabilities'; File = 'skl2onnx/logistic_ovr_f.onnx'; ErrorId = 'UnsupportedOnnxOperator'; Mentions = 'Normalizer' }
            @{ Case = 'a scaler in front of the network'; File = 'skl2onnx/standard_scaler_mlp_f.onnx'; ErrorId = 'UnsupportedOnnxGraph'; Mentions = 'scal' }
            @{ Case = 'class labels'; File = 'skl2onnx/mlp_classifier_iris_f.onnx'; ErrorId = 'UnsupportedOnnxGraph'; Mentions = 'class labels' }
        ) {
            param($Case, $File, $ErrorId, $Mentions)
            Import-Neuron (Join-Path $onnx $File) -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId,NeuronTools.Commands.ImportNeuronCommand"
            $err[0].Exception.Message | Should -Match $Mentions
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].TargetObject | Should -BeLike "*$(Split-Path $File -Leaf)"
        }

        It 'refuses a cut-off ONNX file with InvalidModelFile, giving the byte offset, and reads the next file' {
            $bytes = [System.IO.File]::ReadAllBytes((Join-Path $onnx 'torch/relu_op13_f.onnx'))
            $cut = Join-Path $TestDrive 'cut.onnx'
            [System.IO.File]::WriteAllBytes($cut, [byte[]]$bytes[0..($bytes.Length - 40)])

            $models = Import-Neuron $cut, (Join-Path $onnx 'torch/relu_op13_f.onnx') -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidModelFile,NeuronTools.Commands.ImportNeuronCommand'
            $err[0].Exception.Message | Should -Match 'at byte \d+'
            @($models) | Should -HaveCount 1
        }

        It 'refuses a JSON file given as -Format Onnx with InvalidModelFile' {
            $path = New-ModelFile 'json.onnx' $validNeuron
            Import-Neuron $path -Format Onnx -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidModelFile,NeuronTools.Commands.ImportNeuronCommand'
        }

        It 'refuses an ONNX file larger than -MaximumSize with ModelFileTooLarge' {
            Import-Neuron (Join-Path $onnx 'torch/wide_tanh_op13_d.onnx') -MaximumSize 1000 -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'ModelFileTooLarge,NeuronTools.Commands.ImportNeuronCommand'
        }
    }

    Context 'hostile files, in a child process' -ForEach @{ HostileFiles = $hostileFiles } {
        BeforeAll {
            # Peak memory is measured in ONE child process, which reads every file and reports its own peak working
            # set after each (VmHWM on Linux, reset between files through /proc/self/clear_refs; elsewhere the peak
            # so far, which only makes the bound stricter). Memory is not noisy as time is, so the bound holds on a
            # busy 2-core machine. The margin is the child's peak after reading a tiny model, plus 64 MB.
            $folder = Join-Path $TestDrive 'hostile'
            $null = New-Item -ItemType Directory $folder
            $small = New-ModelFile 'small.json' $validNeuron
            $files = [System.Collections.Generic.List[string]]::new()
            foreach ($case in $HostileFiles) {
                $path = Join-Path $folder ('{0}.json' -f $files.Count)
                $writer = [System.IO.StreamWriter]::new($path)
                try {
                    $writer.Write('{' + $header + $case.Start)
                    $block = if ($case.Unit) { $case.Unit * 65536 } else { -join (0..65535 | ForEach-Object { '"k{0}":0,' -f $_ }) }
                    for ($written = 0; $written -lt 32MB; $written += $block.Length) {
                        $writer.Write($(if ($case.Unit) { $block } else { $block.Replace('"k', ('"' + $written + 'k')) }))
                    }
                    $writer.Write($case.End)
                }
                finally { $writer.Dispose() }
                $files.Add($path)
            }

            $script = {
                param([string[]] $Paths)
                foreach ($path in $Paths) {
                    [GC]::Collect()
                    if (Test-Path /proc/self/clear_refs) { try { [System.IO.File]::WriteAllText('/proc/self/clear_refs', '5') } catch { } }
                    $watch = [System.Diagnostics.Stopwatch]::StartNew()
                    $null = Import-Neuron -LiteralPath $path -ErrorAction SilentlyContinue -ErrorVariable err
                    $watch.Stop()
                    [pscustomobject]@{ Path = $path; Seconds = $watch.Elapsed.TotalSeconds; Peak = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64; ErrorId = "$($err[0].FullyQualifiedErrorId)" }
                }
            }
            $quoted = (@($small) + $files | ForEach-Object { "'$_'" }) -join ','
            $json = Invoke-FreshPwsh "Import-Module '$modulePath'; & { $script } $quoted | ConvertTo-Json -Compress"
            $results = @($json | Select-Object -Last 1 | ConvertFrom-Json)
            $baseline = $results[0]
        }

        It 'reads a <Shape> file of 32 MB in under 10 s with a peak working set under 4 times its size plus the margin' -TestCases $hostileFiles {
            param($Shape)
            $index = [array]::IndexOf(@($HostileFiles.Shape), $Shape)
            $result = $results[$index + 1]
            $fileSize = (Get-Item $result.Path).Length

            $result.ErrorId | Should -Match '^(JsonTooComplex|InvalidModelFile),' -Because ($results | ConvertTo-Json -Compress)
            $result.Seconds | Should -BeLessThan 10
            $result.Peak - $baseline.Peak | Should -BeLessThan (4 * $fileSize + 64MB) -Because "the child peaked at $([int]($result.Peak / 1MB)) MB, and at $([int]($baseline.Peak / 1MB)) MB for a tiny model"
        }
    }

    Context 'fuzzing' {
        BeforeAll {
            $allowed = 'JsonSyntaxError', 'InvalidModelFile', 'UnsupportedSchemaVersion', 'ModelFileTooLarge', 'JsonTooDeep', 'JsonTooComplex'
            $seeds = @(
                (New-Neuron -Weight 0.1, -2.5e-300, 3 -Bias 0.5 -Name article -InputName a, b, c -Activation 'LeakyReLU(0.2)' | ConvertTo-NeuronJson)
                (New-NeuronLayer -InputCount 3 -NeuronCount 2 -Seed 4 -Activation Softmax -Name layer | ConvertTo-NeuronJson)
                (New-NeuronNetwork -Shape 2, 3, 1 -Activation 'ELU(alpha=0.5)', Sigmoid -Seed 9 -InputName x, y | ConvertTo-NeuronJson -Compress)
            )

            # Mutations of a valid document: truncations, flipped characters, huge and odd numbers, deletions,
            # duplications and deep nesting, drawn from a fixed seed so that a failure can be replayed.
            $numberPattern = [regex]'-?\d+(\.\d+)?([eE][-+]?\d+)?'
            function New-Mutation([System.Random] $Random, [string] $Text) {
                $position = $Random.Next($Text.Length)
                switch ($Random.Next(9)) {
                    0 { $Text.Substring(0, $position) }
                    1 { $Text.Remove($position, 1).Insert($position, [string][char]$Random.Next(0, 0x3000)) }
                    2 { $Text.Remove($position, 1).Insert($position, [string][char]([int]$Text[$position] -bxor (1 -shl $Random.Next(7)))) }
                    3 { $Text.Insert($position, @('1e999999', '-1e400', '123456789012345678901234567890', '-0', '1e-400', '"NaN"', 'NaN', '-1', '0.5', '1E+308', '99999999999')[$Random.Next(11)]) }
                    4 {
                        $numbers = $numberPattern.Matches($Text)
                        $number = $numbers[$Random.Next($numbers.Count)]
                        $Text.Remove($number.Index, $number.Length).Insert($number.Index, @('-3', '1e999', '2.5', '0', '"1"', 'null', '[]', '{}', '-1e-320')[$Random.Next(9)])
                    }
                    5 { $length = [Math]::Min($Random.Next(1, 40), $Text.Length - $position); $Text.Remove($position, $length) }
                    6 { $length = [Math]::Min($Random.Next(1, 80), $Text.Length - $position); $Text.Insert($position, $Text.Substring($position, $length)) }
                    7 { $Text.Insert($position, ('[' * $Random.Next(50, 3000))) }
                    8 { $Text -replace '"schemaVersion": ?1', ('"schemaVersion": ' + $Random.Next(-2, 4)) }
                }
            }
        }

        It 'gives a valid model or one error with a known id for each of 3000 mutated texts, quickly' {
            $random = [System.Random]::new(1234)
            $slowest = [TimeSpan]::Zero
            $models = 0
            $errors = 0
            $problems = [System.Collections.Generic.List[string]]::new()
            for ($i = 0; $i -lt 3000; $i++) {
                $text = New-Mutation $random $seeds[$i % 3]
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $result = @(ConvertFrom-NeuronJson $text -ErrorAction SilentlyContinue -ErrorVariable err)
                $watch.Stop()
                if ($watch.Elapsed -gt $slowest) { $slowest = $watch.Elapsed }

                # Assertions are collected rather than made one by one: Should costs more than the case itself.
                if ($result.Count + $err.Count -ne 1) { $problems.Add("case $i gave $($result.Count) models and $($err.Count) errors: $text") }
                elseif ($err.Count -and $err[0].FullyQualifiedErrorId.Split(',')[0] -notin $allowed) { $problems.Add("case $i : $($err[0].FullyQualifiedErrorId) $($err[0].Exception.Message)") }
                elseif ($err.Count) { $errors++ }
                elseif ($result[0].GetType().Name -notin 'Neuron', 'NeuronLayer', 'NeuronNetwork') { $problems.Add("case $i gave a $($result[0].GetType())") }
                else { $models++ }
            }

            $problems | Should -BeNullOrEmpty
            $slowest.TotalSeconds | Should -BeLessThan 2 -Because 'no case may hang'
            $errors | Should -BeGreaterThan 1000
            $models | Should -BeGreaterThan 10
        }

        It 'gives a valid model or one error with a known id for each of 400 mutated files with flipped bytes' {
            $random = [System.Random]::new(5678)
            $folder = Join-Path $TestDrive 'fuzz'
            $null = New-Item -ItemType Directory $folder
            for ($i = 0; $i -lt 400; $i++) {
                $bytes = [System.Text.Encoding]::UTF8.GetBytes($seeds[$i % 3])
                switch ($i % 4) {
                    0 { $bytes = $bytes[0..($random.Next($bytes.Length))] }
                    default { for ($k = 0; $k -lt $random.Next(1, 4); $k++) { $bytes[$random.Next($bytes.Length)] = [byte]$random.Next(256) } }
                }
                [System.IO.File]::WriteAllBytes((Join-Path $folder ('{0:D3}.json' -f $i)), [byte[]]$bytes)
            }

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $models = @(Import-Neuron (Join-Path $folder '*.json') -ErrorAction SilentlyContinue -ErrorVariable err)
            $watch.Stop()

            ($models.Count + $err.Count) | Should -Be 400
            foreach ($record in $err) {
                $record.FullyQualifiedErrorId.Split(',')[0] | Should -BeIn $allowed -Because "$($record.TargetObject): $($record.Exception.Message)"
            }
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
        }
    }
}

Describe 'about_NeuronTools_FileFormat' {
    It 'ships with the module and documents the schema' {
        $text = Get-Help about_NeuronTools_FileFormat | Out-String

        $text | Should -Match 'schemaVersion'
        $text | Should -Match 'trainingHistory'
        $text | Should -Match 'UnsupportedOnnxActivation'
    }
}
