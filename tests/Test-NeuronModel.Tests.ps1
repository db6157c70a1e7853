BeforeAll {
    . $PSScriptRoot/Common.ps1
    $truthTable = @(0, 0), @(0, 1), @(1, 0), @(1, 1)
}

Describe 'Test-NeuronModel' {
    Context 'classification' {
        It 'gives the loss, the accuracy and the confusion matrix of a BinaryStep gate' {
            $gate = New-Neuron -Weight 1, 2 -Bias -1.5 -Activation BinaryStep
            $evaluation = $truthTable | Test-NeuronModel $gate -Target 0, 0, 0, 1

            $evaluation | Should -BeOfType NeuronTools.ModelEvaluation
            $evaluation.LossFunction | Should -Be 'MeanSquaredError'
            $evaluation.Loss | Should -Be 0.25
            $evaluation.Accuracy | Should -Be 0.75
            $evaluation.RowCount | Should -Be 4
            $evaluation.ConfusionMatrix.ClassLabel | Should -Be @('0', '1')
            $evaluation.ConfusionMatrix.Count[0] | Should -Be @(2, 1)
            $evaluation.ConfusionMatrix.Count[1] | Should -Be @(0, 1)
        }

        It 'counts classes by the largest output for a network, rows true and columns predicted' {
            # Output j is input j: the row 0,1,0 predicts class 1 whatever the target.
            $identity = New-NeuronLayer -Weight @(1, 0, 0), @(0, 1, 0), @(0, 0, 1) -Activation Identity
            $network = New-NeuronNetwork -Layer $identity
            $rows = @(1, 0, 0), @(0, 1, 0), @(0, 0, 1), @(0, 1, 0)
            $evaluation = $rows | Test-NeuronModel $network -Target 0, 1, 2, 2 -Loss CrossEntropy

            $evaluation.Accuracy | Should -Be 0.75
            $evaluation.ConfusionMatrix.Count[2] | Should -Be @(0, 1, 1)
            $evaluation.ConfusionMatrix.Count[0] | Should -Be @(1, 0, 0)
        }

        It 'takes the loss from the training history when -Loss is not given' {
            $trained = $truthTable | Invoke-NeuronTraining (New-Neuron -Weight 0, 0 -Activation Sigmoid) -Target 0, 1, 1, 1 -Loss BinaryCrossEntropy -Epoch 2 -Seed 1

            ($truthTable | Test-NeuronModel $trained -Target 0, 1, 1, 1).LossFunction | Should -Be 'BinaryCrossEntropy'
        }

        It 'shows the confusion matrix as a grid in Format-List' {
            $gate = New-Neuron -Weight 1, 2 -Bias -1.5 -Activation BinaryStep
            $text = $truthTable | Test-NeuronModel $gate -Target 0, 0, 0, 1 | Format-List | Out-String

            $text | Should -Match 'actual \\ predicted'
        }
    }

    Context 'regression' {
        It 'gives the mean absolute error and no accuracy or confusion matrix' {
            $neuron = New-Neuron -Weight 2 -Bias 1 -Activation Identity
            $evaluation = @(, @(1)) + @(, @(2)) + @(, @(3)) | Test-NeuronModel $neuron -Target 3, 5.5, 7 -Loss MeanAbsoluteError

            $evaluation.Loss | Should -Be (0.5 / 3)
            $evaluation.Accuracy | Should -BeNullOrEmpty
            $evaluation.ConfusionMatrix | Should -BeNullOrEmpty
        }

        It 'binds object rows by input name and reads the target property' {
            $neuron = New-Neuron -Weight 2 -Bias 1 -Activation Identity -InputName x
            $rows = [pscustomobject]@{ x = '1'; y = '3' }, [pscustomobject]@{ x = '2'; y = '6' }

            ($rows | Test-NeuronModel $neuron -Target y).Loss | Should -Be 0.5
        }
    }

    Context 'with bad rows' {
        It 'reports a non-numeric target as InvalidTarget and scores the other rows' {
            $neuron = New-Neuron -Weight 2 -Bias 1 -Activation Identity -InputName x
            $rows = [pscustomobject]@{ x = 1; y = 3 }, [pscustomobject]@{ x = 2; y = 'n/a' }
            $evaluation = $rows | Test-NeuronModel $neuron -Target y -ErrorAction SilentlyContinue -ErrorVariable err

            $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidTarget,NeuronTools.Commands.TestNeuronModelCommand'
            $evaluation.RowCount | Should -Be 1
            $evaluation.Loss | Should -Be 0
        }

        It 'reports a short -Target once, as one terminating TargetCountMismatch, and scores nothing' {
            $err = $null
            $evaluation = $null
            try {
                $evaluation = $truthTable | Test-NeuronModel (New-Neuron -Weight 1, 1) -Target 0, 1 -ErrorVariable err -ErrorAction Stop
            }
            catch {
                $stopped = $_
            }

            $stopped.FullyQualifiedErrorId | Should -BeExactly 'TargetCountMismatch,NeuronTools.Commands.TestNeuronModelCommand'
            @($err).Count | Should -Be 1
            $evaluation | Should -BeNullOrEmpty
        }

        It 'refuses a model that is neither a neuron nor a network as UnsupportedModel' {
            { $truthTable | Test-NeuronModel 42 -Target 0, 1, 1, 1 } | Should -Throw -ErrorId 'UnsupportedModel,NeuronTools.Commands.TestNeuronModelCommand'
        }
    }

    Context 'with named inputs' {
        BeforeAll {
            $hidden = New-NeuronLayer -Weight @(1, 0), @(0, 1) -Activation Identity
            $output = New-NeuronLayer -Weight (, (2, -1)) -Bias 1 -Activation Identity
            $named = New-NeuronNetwork $hidden, $output -InputName x1, x2
        }

        It 'scores <Case> bound by input name' -TestCases @(
            @{ Case = 'CSV rows'; Rows = ("host,X2,y,X1`nweb,1,3,1`ndb,2,5,3" | ConvertFrom-Csv) }
            @{ Case = '[pscustomobject]s'; Rows = @([pscustomobject]@{ x1 = 1; x2 = 1; y = 3 }, [pscustomobject]@{ x1 = 3; x2 = 2; y = 5 }) }
            @{ Case = 'hashtables'; Rows = @(@{ X1 = 1; x2 = 1; y = 3 }, @{ x1 = 3; X2 = 2; y = 5 }) }
        ) {
            param($Rows)
            # 2*1 - 1 + 1 = 2 (error 1) and 2*3 - 2 + 1 = 5 (error 0): MSE 0.5.
            $evaluation = $Rows | Test-NeuronModel $named -Target y

            $evaluation.RowCount | Should -Be 2
            $evaluation.Loss | Should -Be 0.5
        }

        It 'reports a row with <Case> as <ErrorId> and scores the rest' -TestCases @(
            @{ Case = 'a missing input'; ErrorId = 'MissingInput'; HasNames = $true; Bad = [pscustomobject]@{ x1 = 1; y = 2 } }
            @{ Case = 'an empty input'; ErrorId = 'InvalidInputValue'; HasNames = $true; Bad = @{ x1 = ''; x2 = 1; y = 2 } }
            @{ Case = 'a named row for a model without names'; ErrorId = 'InputNameRequired'; HasNames = $false; Bad = @{ x1 = 1; x2 = 1; y = 3 } }
        ) {
            param($ErrorId, $HasNames, $Bad)
            $model = if ($HasNames) { $named } else { New-NeuronNetwork $hidden, $output }
            $rows = @(, @(1, 1)) + @(, $Bad) + @(, @(3, 2))
            $evaluation = $rows | Test-NeuronModel $model -Target 3, 0, 5 -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId,NeuronTools.Commands.TestNeuronModelCommand"
            $err[0].TargetObject | Should -Be $Bad
            $evaluation.RowCount | Should -Be 2
            $evaluation.Loss | Should -Be 0.5
        }
    }

    Context 'a model trained from rows with class labels' {
        BeforeAll {
            $irisPath = Join-Path $PSScriptRoot 'Data/iris.csv'
            $iris = Import-Csv $irisPath | Select-Object * -ExcludeProperty species
            $model = $iris | Invoke-NeuronTraining -Target species_name -HiddenLayer 8 -Scaling Standard -Epoch 40 -LearningRate 0.01 -Seed 1
        }

        It 'names the confusion matrix by class and gives per-class precision, recall and F1 and their macro averages' {
            $score = $iris | Test-NeuronModel $model -Target species_name
            $predicted = ($iris | Invoke-NeuronNetwork $model).PredictedLabel

            $score.LossFunction | Should -Be 'CrossEntropy'
            $score.ConfusionMatrix.ClassLabel | Should -Be @('setosa', 'versicolor', 'virginica')
            $score.ClassMetric.Class | Should -Be @('setosa', 'versicolor', 'virginica')
            $score.ClassMetric.Support | Should -Be @(50, 50, 50)
            foreach ($m in $score.ClassMetric) {
                $hits = @(for ($i = 0; $i -lt 150; $i++) { if ($predicted[$i] -eq $m.Class -and $iris[$i].species_name -eq $m.Class) { 1 } }).Count
                $m.Recall | Should -Be ($hits / 50)
                $m.Precision | Should -Be ($hits / @($predicted | Where-Object { $_ -eq $m.Class }).Count)
            }

            $score.MacroF1 | Should -Be (($score.ClassMetric.F1 | Measure-Object -Sum).Sum / 3)
            $score.Accuracy | Should -Be (@(for ($i = 0; $i -lt 150; $i++) { if ($predicted[$i] -eq $iris[$i].species_name) { 1 } }).Count / 150)
        }

        It 'reports a label the model does not know as UnknownClassLabel for that row and scores the rest' {
            $rows = @($iris[0], [pscustomobject]@{ sepal_length = 5; sepal_width = 3; petal_length = 1.5; petal_width = 0.2; species_name = 'rose' }, $iris[100])
            $score = $rows | Test-NeuronModel $model -Target species_name -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'UnknownClassLabel,NeuronTools.Commands.TestNeuronModelCommand'
            $score.RowCount | Should -Be 2
        }

        It 'stops once with MissingTargetColumn for a misspelt -Target' {
            { $iris | Test-NeuronModel $model -Target speciesname } | Should -Throw -ErrorId 'MissingTargetColumn,NeuronTools.Commands.TestNeuronModelCommand'
        }
    }
}
