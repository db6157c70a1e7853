BeforeAll {
    . $PSScriptRoot/Common.ps1
    $truthTable = @(0, 0), @(0, 1), @(1, 0), @(1, 1)
    $irisPath = Join-Path $PSScriptRoot 'Data/iris.csv'
    $irisInputs = 'sepal_length', 'sepal_width', 'petal_length', 'petal_width'
}

Describe 'Invoke-NeuronTraining' {
    Context 'a single neuron' {
        It 'learns <Gate> with the perceptron rule as a BinaryStep neuron' -TestCases @(
            @{ Gate = 'AND'; Truth = @(0, 0, 0, 1) }
            @{ Gate = 'OR'; Truth = @(0, 1, 1, 1) }
        ) {
            param($Gate, $Truth)
            $start = New-Neuron -Weight 0, 0 -Activation BinaryStep -Name $Gate
            $trained = $truthTable | Invoke-NeuronTraining $start -Target $Truth -Optimizer SGD -LearningRate 1 -BatchSize 1 -Epoch 20 -Seed 1

            ($truthTable | Invoke-Neuron $trained).Output | Should -Be $Truth
            $trained.Name | Should -BeExactly $Gate
            $trained.TrainingHistory.Epoch[-1].Accuracy | Should -Be 1
        }

        It 'learns <Gate> as a Sigmoid neuron with BinaryCrossEntropy' -TestCases @(
            @{ Gate = 'AND'; Truth = @(0, 0, 0, 1) }
            @{ Gate = 'OR'; Truth = @(0, 1, 1, 1) }
        ) {
            param($Gate, $Truth)
            $start = New-Neuron -InputCount 2 -Activation Sigmoid -Seed 3
            $trained = $truthTable | Invoke-NeuronTraining $start -Target $Truth -Loss BinaryCrossEntropy -LearningRate 0.1 -Epoch 300 -Seed 1

            ($truthTable | Invoke-Neuron $trained).Output | ForEach-Object { [int]($_ -ge 0.5) } | Should -Be $Truth
            $trained.TrainingHistory.FinalLoss | Should -BeLessThan 0.1
        }

        It 'recovers the weights and bias of noiseless linear data from Import-Csv-like rows within 1e-6' {
            $random = [System.Random]::new(5)
            $rows = 1..40 | ForEach-Object {
                $a = $random.NextDouble() * 2 - 1; $b = $random.NextDouble() * 2 - 1
                [pscustomobject]@{ a = "$a"; b = "$b"; y = "$(1.5 * $a - 2 * $b + 0.75)" }
            }
            $start = New-Neuron -Weight 0, 0 -Activation Identity -InputName a, b
            $trained = $rows | Invoke-NeuronTraining $start -Target y -Optimizer SGD -LearningRate 0.2 -BatchSize 8 -Epoch 400 -Seed 2

            [math]::Abs($trained.Weight[0] - 1.5) | Should -BeLessThan 1e-6
            [math]::Abs($trained.Weight[1] + 2) | Should -BeLessThan 1e-6
            [math]::Abs($trained.Bias - 0.75) | Should -BeLessThan 1e-6
        }
    }

    Context 'a network' {
        It 'learns XOR as a 2-2-1 network from a fixed seed' {
            $start = New-NeuronNetwork -Shape 2, 2, 1 -Activation Tanh, Sigmoid -Initialization XavierUniform -Seed 1
            $trained = $truthTable | Invoke-NeuronTraining $start -Target 0, 1, 1, 0 -Loss BinaryCrossEntropy -LearningRate 0.1 -Epoch 300 -BatchSize 4 -Seed 1

            $trained | Should -BeOfType NeuronTools.NeuronNetwork
            ($truthTable | Invoke-NeuronNetwork $trained) | ForEach-Object { [int]($_.Output[0] -ge 0.5) } | Should -Be @(0, 1, 1, 0)
        }

        It 'classifies the Iris data set from Import-Csv with high accuracy on held-out rows' {
            $start = New-NeuronNetwork -Shape 4, 8, 3 -Activation Tanh, Identity -Initialization XavierUniform -Seed 1 -InputName $irisInputs
            $model = Import-Csv $irisPath | Invoke-NeuronTraining $start -Target species -Loss CrossEntropy -LearningRate 0.02 -Epoch 150 -BatchSize 16 -ValidationFraction 0.3 -Seed 2
            $history = $model.TrainingHistory

            $history.TrainingRowCount | Should -Be 105
            $history.ValidationRowCount | Should -Be 45
            $history.Epoch[-1].ValidationAccuracy | Should -BeGreaterOrEqual 0.93
            (Import-Csv $irisPath | Test-NeuronModel $model -Target species).Accuracy | Should -BeGreaterOrEqual 0.95
        }

        It 'takes one-hot vectors as a parallel -Target array' {
            $start = New-NeuronNetwork -Shape 2, 3 -Activation Identity -Seed 1
            $targets = @(, @(1, 0, 0)) + @(, @(0, 1, 0)) + @(, @(0, 0, 1)) + @(, @(0, 1, 0))
            $trained = $truthTable | Invoke-NeuronTraining $start -Target $targets -Loss CrossEntropy -LearningRate 0.1 -Epoch 5 -Seed 1

            $trained.TrainingHistory.TrainingRowCount | Should -Be 4
        }

        It 'trains a layer as the network of that one layer, and returns the network' {
            $layer = New-NeuronLayer -Weight (, (0.5, -0.5)) -Activation Sigmoid
            $fromLayer = $truthTable | Invoke-NeuronTraining $layer -Target 0, 1, 1, 1 -Epoch 5 -Seed 1
            $fromNetwork = $truthTable | Invoke-NeuronTraining (New-NeuronNetwork -Layer $layer) -Target 0, 1, 1, 1 -Epoch 5 -Seed 1

            $fromLayer | Should -BeOfType NeuronTools.NeuronNetwork
            $fromLayer.Layers[0].Weight[0] | Should -Be $fromNetwork.Layers[0].Weight[0]
            $fromLayer.Layers[0].Weight[0] | Should -Not -Be $layer.Weight[0]
        }
    }

    Context 'history and reproducibility' {
        It 'returns a new model and leaves the one given untouched' {
            $start = New-Neuron -Weight 0.1, 0.2 -Bias 0.3 -Activation Sigmoid
            $trained = $truthTable | Invoke-NeuronTraining $start -Target 0, 0, 0, 1 -Loss BinaryCrossEntropy -Epoch 5 -Seed 1

            $start.Weight | Should -Be @(0.1, 0.2)
            $start.Bias | Should -Be 0.3
            $start.TrainingHistory | Should -BeNullOrEmpty
            [object]::ReferenceEquals($start, $trained) | Should -BeFalse
            $trained.Weight | Should -Not -Be @(0.1, 0.2)
        }

        It 'records every epoch, the settings and the seed in TrainingHistory' {
            $trained = $truthTable | Invoke-NeuronTraining (New-Neuron -Weight 0, 0 -Activation Sigmoid) -Target 0, 1, 1, 1 -Loss BinaryCrossEntropy -Optimizer Momentum -Epoch 7 -BatchSize 2 -ValidationFraction 0.25 -Seed 11
            $history = $trained.TrainingHistory

            $history | Should -BeOfType NeuronTools.TrainingHistory
            $history.Epoch.Epoch | Should -Be (1..7)
            $history.Loss | Should -Be 'BinaryCrossEntropy'
            $history.Optimizer | Should -Be 'Momentum'
            $history.LearningRate | Should -Be 0.01
            $history.BatchSize | Should -Be 2
            $history.Seed | Should -Be 11
            $history.TrainingRowCount | Should -Be 3
            $history.ValidationRowCount | Should -Be 1
            $history.Epoch | ForEach-Object { $_.ValidationLoss | Should -Not -BeNullOrEmpty }
            $history.Stopped | Should -BeFalse
        }

        It 'gives the same model for the same seed, and another for another seed' {
            $start = New-NeuronNetwork -Shape 4, 5, 3 -Activation ReLU, Identity -Seed 1 -InputName $irisInputs
            $rows = Import-Csv $irisPath
            $train = { param($seed) $rows | Invoke-NeuronTraining $start -Target species -Loss CrossEntropy -LearningRate 0.01 -Epoch 3 -BatchSize 8 -ValidationFraction 0.2 -Seed $seed }

            $first = & $train 9
            $again = & $train 9
            $other = & $train 10

            $first.Layers[0].Weight[0] | Should -Be $again.Layers[0].Weight[0]
            $first.TrainingHistory.Epoch.ValidationLoss | Should -Be $again.TrainingHistory.Epoch.ValidationLoss
            $first.Layers[0].Weight[0] | Should -Not -Be $other.Layers[0].Weight[0]
        }

        It 'records a drawn seed when none is given, which repeats the run' {
            $start = New-Neuron -Weight 0, 0 -Activation Sigmoid
            $first = $truthTable | Invoke-NeuronTraining $start -Target 0, 1, 1, 1 -Loss BinaryCrossEntropy -Epoch 3 -BatchSize 1
            $again = $truthTable | Invoke-NeuronTraining $start -Target 0, 1, 1, 1 -Loss BinaryCrossEntropy -Epoch 3 -BatchSize 1 -Seed $first.TrainingHistory.Seed

            $again.Weight | Should -Be $first.Weight
        }

        It 'gives the same model under <Culture>' -TestCases @(
            @{ Culture = 'de-DE' }
            @{ Culture = 'fr-FR' }
        ) {
            param($Culture)
            $rows = @([pscustomobject]@{ x = '0.5'; y = '1.5' }, [pscustomobject]@{ x = '-1.25'; y = '-2' })
            $start = New-Neuron -Weight 0 -Activation Identity -InputName x
            $expected = $rows | Invoke-NeuronTraining $start -Target y -Epoch 3 -Seed 1
            $actual = Invoke-InCulture $Culture { $rows | Invoke-NeuronTraining $start -Target y -Epoch 3 -Seed 1 }

            $actual.Weight | Should -Be $expected.Weight
        }

        It 'logs each epoch with -Verbose' {
            $verbose = $truthTable | Invoke-NeuronTraining (New-Neuron -Weight 0, 0) -Target 0, 1, 1, 1 -Epoch 4 -Seed 1 -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            $verbose.Count | Should -Be 4
            $verbose[0].Message | Should -Match '^Epoch 1: loss '
        }
    }

    Context 'with bad rows' {
        It 'reports a row with a <Case> target as InvalidTarget and trains on the rest' -TestCases @(
            @{ Case = 'non-numeric'; Bad = 'abc' }
            @{ Case = 'empty'; Bad = '' }
        ) {
            param($Bad)
            $rows = @(
                [pscustomobject]@{ x = 1; y = 2 }
                [pscustomobject]@{ x = 2; y = $Bad }
                [pscustomobject]@{ x = 3; y = 6 }
            )
            $start = New-Neuron -Weight 0 -Activation Identity -InputName x
            $trained = $rows | Invoke-NeuronTraining $start -Target y -Epoch 2 -Seed 1 -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidTarget,NeuronTools.Commands.InvokeNeuronTrainingCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].TargetObject.x | Should -Be 2
            $trained.TrainingHistory.TrainingRowCount | Should -Be 2
        }

        It 'reports a row without the target property as InvalidTarget' {
            $rows = @([pscustomobject]@{ x = 1; y = 2 }, [pscustomobject]@{ x = 2 })
            $trained = $rows | Invoke-NeuronTraining (New-Neuron -Weight 0 -InputName x) -Target y -Epoch 1 -Seed 1 -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidTarget,NeuronTools.Commands.InvokeNeuronTrainingCommand'
            $err[0].Exception.Message | Should -Match "'y'"
            $trained.TrainingHistory.TrainingRowCount | Should -Be 1
        }

        It 'reports a class index outside the outputs as InvalidTarget' {
            $start = New-NeuronNetwork -Shape 2, 3 -Activation Identity -Seed 1
            $trained = $truthTable | Invoke-NeuronTraining $start -Target 0, 1, 3, 2 -Loss CrossEntropy -Epoch 1 -Seed 1 -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidTarget,NeuronTools.Commands.InvokeNeuronTrainingCommand'
            $err[0].Exception.Message | Should -Match '0 to 2'
            $trained.TrainingHistory.TrainingRowCount | Should -Be 3
        }

        It 'stops with <ErrorId> when <Case>' -TestCases @(
            @{ Case = 'the model is not a model'; ErrorId = 'UnsupportedModel'; Script = { $truthTable | Invoke-NeuronTraining 'model' -Target 0, 1, 1, 1 } }
            @{ Case = '-Target has fewer values than rows'; ErrorId = 'TargetCountMismatch'; Script = { $truthTable | Invoke-NeuronTraining (New-Neuron -Weight 0, 0) -Target 0, 1, 1 } }
            @{ Case = '-Target names a property of vector rows'; ErrorId = 'TargetPropertyNeedsObjectRows'; Script = { $truthTable | Invoke-NeuronTraining (New-Neuron -Weight 0, 0) -Target label } }
            @{ Case = 'CrossEntropy is asked of one output'; ErrorId = 'LossNotApplicable'; Script = { $truthTable | Invoke-NeuronTraining (New-Neuron -Weight 0, 0) -Target 0, 1, 1, 1 -Loss CrossEntropy } }
            @{ Case = 'the learning rate makes training diverge'; ErrorId = 'TrainingDiverged'; Script = { @(, @(100)) + @(, @(-50)) | Invoke-NeuronTraining (New-Neuron -Weight 1 -Activation Identity) -Target 1, 2 -Optimizer SGD -LearningRate 1e6 -Epoch 200 -BatchSize 1 } }
            @{ Case = 'no row is usable'; ErrorId = 'NoTrainingData'; Script = { @(, @(1, 2, 3)) | Invoke-NeuronTraining (New-Neuron -Weight 0, 0) -Target 1 -ErrorAction SilentlyContinue } }
        ) {
            param($Script, $ErrorId)
            $Script | Should -Throw -ErrorId "$ErrorId,NeuronTools.Commands.InvokeNeuronTrainingCommand"
        }

        It 'reports a short -Target once, as one terminating TargetCountMismatch that counts the rows' {
            $err = $null
            try {
                $truthTable | Invoke-NeuronTraining (New-Neuron -Weight 0, 0) -Target 0, 1, 1 -Epoch 1 -ErrorVariable err -ErrorAction Stop
            }
            catch {
                $stopped = $_
            }

            $stopped.FullyQualifiedErrorId | Should -BeExactly 'TargetCountMismatch,NeuronTools.Commands.InvokeNeuronTrainingCommand'
            $stopped.Exception.Message | Should -Match '^4 rows arrived but -Target has 3 values\.'
            @($err).Count | Should -Be 1
        }

        It 'says "1 row" in the singular' {
            $err = { , @(0, 0) | Invoke-NeuronTraining (New-Neuron -Weight 0, 0) -Target 0, 1 -Epoch 1 } | Should -Throw -ErrorId 'TargetCountMismatch,NeuronTools.Commands.InvokeNeuronTrainingCommand' -PassThru

            $err.Exception.Message | Should -Match '^1 row arrived but -Target has 2 values\.'
        }
    }

    Context 'when stopped' {
        It 'ends training promptly when the pipeline is stopped' {
            $modulePath = (Get-Module NeuronTools).ModuleBase
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript("Import-Module '$modulePath'; 1..200 | ForEach-Object { ,@(`$_, 1) } | Invoke-NeuronTraining (New-Neuron -Weight 0, 0 -Activation Identity) -Target (1..200) -Epoch 100000000 -BatchSize 1 -Optimizer SGD -LearningRate 1e-6")
                $async = $shell.BeginInvoke()
                Start-Sleep -Seconds 2
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $shell.Stop()
                $watch.Stop()

                $async.IsCompleted | Should -BeTrue
                $shell.InvocationStateInfo.State | Should -Be 'Stopped'
                $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            }
            finally {
                $shell.Dispose()
            }
        }
    }

    Context 'with named inputs' {
        BeforeAll {
            $linear = 1..12 | ForEach-Object { $a = $_ / 4; $b = (13 - $_) / 5; [ordered]@{ a = $a; b = $b; y = 1.5 * $a - 2 * $b + 0.75 } }
            $start = New-Neuron -Weight 0, 0 -Activation Identity -InputName a, b
            $train = { param($Rows) $Rows | Invoke-NeuronTraining $start -Target y -Optimizer SGD -LearningRate 0.05 -BatchSize 4 -Epoch 20 -Seed 3 }
        }

        It 'trains on <Case> as on the same rows as [pscustomobject]s' -TestCases @(
            @{ Case = 'CSV rows with the columns in another order and case'; Shape = { param($r) "Y,B,host,A`n$($r.y.ToString('R', [cultureinfo]::InvariantCulture)),$($r.b.ToString('R', [cultureinfo]::InvariantCulture)),web,$($r.a.ToString('R', [cultureinfo]::InvariantCulture))" | ConvertFrom-Csv } }
            @{ Case = 'hashtables'; Shape = { param($r) @{ A = $r.a; B = $r.b; y = $r.y } } }
        ) {
            param($Shape)
            $objects = & $train ($linear | ForEach-Object { [pscustomobject]$_ })
            $shaped = & $train ($linear | ForEach-Object { & $Shape $_ })

            $shaped.Weight | Should -Be $objects.Weight
            $shaped.Bias | Should -Be $objects.Bias
            $shaped.TrainingHistory.TrainingRowCount | Should -Be 12
        }

        It 'trains a named network on CSV rows' {
            $network = New-NeuronNetwork -Shape 2, 1 -Activation Identity -Seed 1 -InputName a, b
            $csv = $linear | ForEach-Object { [pscustomobject]$_ } | ConvertTo-Csv | ConvertFrom-Csv
            $trained = $csv | Invoke-NeuronTraining $network -Target y -Epoch 3 -Seed 1

            $trained.TrainingHistory.TrainingRowCount | Should -Be 12
        }

        It 'reports a row with <Case> as <ErrorId> and trains on the rest' -TestCases @(
            @{ Case = 'a missing input'; ErrorId = 'MissingInput'; Bad = [pscustomobject]@{ a = 1; y = 2 } }
            @{ Case = 'a non-numeric input'; ErrorId = 'InvalidInputValue'; Bad = @{ a = 1; b = 'n/a'; y = 2 } }
            @{ Case = 'a vector of the wrong length'; ErrorId = 'InputCountMismatch'; Bad = @(1, 2, 3) }
        ) {
            param($ErrorId, $Bad)
            $rows = @([pscustomobject]$linear[0]) + @(, $Bad) + @([pscustomobject]$linear[1])
            $trained = $rows | Invoke-NeuronTraining $start -Target y -Epoch 1 -Seed 1 -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId,NeuronTools.Commands.InvokeNeuronTrainingCommand"
            $err[0].TargetObject | Should -Be $Bad
            $trained.TrainingHistory.TrainingRowCount | Should -Be 2
        }

        It 'hints at the unary comma when lone numbers arrive' {
            # Every row is bad, so the cmdlet then stops with NoTrainingData.
            try { $null = 1, 2, 3 | Invoke-NeuronTraining (New-Neuron -Weight 0, 0) -Target 0, 1, 1 -ErrorAction SilentlyContinue -ErrorVariable err } catch { }

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InputCountMismatch,NeuronTools.Commands.InvokeNeuronTrainingCommand'
            $err[0].Exception.Message | Should -BeLike '*,(1,2,3) | Invoke-NeuronTraining $model -Target 1*'
        }
    }

    Context 'with numbers given as text' {
        It 'reads -LearningRate ''0.5'' and -ValidationFraction ''0.25'' under <Culture>' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            $start = New-Neuron -Weight 0, 0 -Activation Identity
            $trained = Invoke-InCulture $Culture { $truthTable | Invoke-NeuronTraining $start -Target 0, 1, 1, 2 -Optimizer SGD -LearningRate '0.5' -ValidationFraction '0.25' -Epoch 2 -Seed 1 }

            $trained.TrainingHistory.LearningRate | Should -Be 0.5
            $trained.TrainingHistory.ValidationRowCount | Should -Be 1
        }

        It 'reads -Epoch ''2'', -BatchSize ''3'' and -Seed ''-7'' under <Culture> as the numbers 2, 3 and -7' -TestCases @(
            @{ Culture = 'en-US' }
            @{ Culture = 'de-DE' }
        ) {
            param($Culture)
            $start = New-Neuron -Weight 0, 0 -Activation Identity
            $trained = Invoke-InCulture $Culture { $truthTable | Invoke-NeuronTraining $start -Target 0, 1, 1, 2 -Epoch '2' -BatchSize '3' -Seed '-7' }
            $expected = $truthTable | Invoke-NeuronTraining $start -Target 0, 1, 1, 2 -Epoch 2 -BatchSize 3 -Seed -7

            $trained.TrainingHistory.EpochCount | Should -Be 2
            $trained.TrainingHistory.BatchSize | Should -Be 3
            $trained.TrainingHistory.Seed | Should -Be -7
            $trained.Weight | Should -Be $expected.Weight
        }

        It 'refuses -<Parameter> <Text> under <Culture> with ParameterArgumentTransformationError' -TestCases @(
            @{ Parameter = 'LearningRate'; Text = '0,5'; Culture = 'en-US'; Kind = 'a number' }
            @{ Parameter = 'LearningRate'; Text = '0,5'; Culture = 'de-DE'; Kind = 'a number' }
            @{ Parameter = 'ValidationFraction'; Text = '0,25'; Culture = 'de-DE'; Kind = 'a number' }
            @{ Parameter = 'Epoch'; Text = '1,0'; Culture = 'en-US'; Kind = 'a whole number' }
            @{ Parameter = 'Epoch'; Text = '1,0'; Culture = 'de-DE'; Kind = 'a whole number' }
            @{ Parameter = 'BatchSize'; Text = '0x10'; Culture = 'en-US'; Kind = 'a whole number' }
            @{ Parameter = 'BatchSize'; Text = '1,000'; Culture = 'de-DE'; Kind = 'a whole number' }
            @{ Parameter = 'Seed'; Text = '2.5'; Culture = 'de-DE'; Kind = 'a whole number' }
            @{ Parameter = 'Seed'; Text = '2,5'; Culture = 'en-US'; Kind = 'a whole number' }
        ) {
            param($Parameter, $Text, $Culture, $Kind)
            $start = New-Neuron -Weight 0, 0 -Activation Identity
            $arguments = @{ Model = $start; Target = @(0, 1, 1, 2); Epoch = 1 }
            $arguments[$Parameter] = $Text
            $err = { Invoke-InCulture $Culture { $truthTable | Invoke-NeuronTraining @arguments } } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,NeuronTools.Commands.InvokeNeuronTrainingCommand' -PassThru

            $err.Exception.Message | Should -Match "'$Parameter'.*'$([regex]::Escape($Text))' is not $Kind"
        }
    }
}
