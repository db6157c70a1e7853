using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class LabelledDataTests
{
    private static readonly double[][] s_truthTable = { new[] { 0.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 }, new[] { 1.0, 1.0 } };

    private static NeuronNetwork Classifier() =>
        NeuronNetwork.Create(new[] { 2, 3 }, new[] { ActivationCatalog.Create("Identity") }, Initialization.XavierUniform, seed: 1);

    [Fact]
    public void ATargetIsEncodedOnceAsItIsAdded()
    {
        var data = new LabelledData(Classifier(), LossFunction.CrossEntropy);

        data.Add(new[] { 1.0, 2.0 }, new[] { 2.0 });
        data.Add(new[] { 3.0, 4.0 }, new[] { 0.0, 1.0, 0.0 });

        Assert.Equal(2, data.Count);
        Assert.Equal(new[] { 0.0, 0.0, 1.0, 0.0, 1.0, 0.0 }, data.FlatTarget());
        Assert.Equal(new[] { 1.0, 2.0, 3.0, 4.0 }, data.FlatInput());
    }

    [Fact]
    public void TheRowsAreCopiedSoTheCallerMayReuseItsArrays()
    {
        var data = new LabelledData(new Neuron(new[] { 1.0, 1.0 }), LossFunction.MeanSquaredError);
        var input = new[] { 1.0, 2.0 };
        var target = new[] { 3.0 };

        data.Add(input, target);
        input[0] = 99.0;
        target[0] = 99.0;

        Assert.Equal(new[] { 1.0, 2.0 }, data.FlatInput());
        Assert.Equal(new[] { 3.0 }, data.FlatTarget());
    }

    [Theory]
    [InlineData("a row with too few inputs", new[] { 1.0 }, new[] { 0.0 }, "InputCountMismatch")]
    [InlineData("a row with a NaN input", new[] { double.NaN, 1.0 }, new[] { 0.0 }, "NonFiniteInput")]
    [InlineData("a class index the model does not have", new[] { 1.0, 1.0 }, new[] { 3.0 }, "InvalidTarget")]
    [InlineData("a target of the wrong length", new[] { 1.0, 1.0 }, new[] { 0.0, 1.0 }, "TargetCountMismatch")]
    [InlineData("an infinite target", new[] { 1.0, 1.0 }, new[] { double.PositiveInfinity }, "InvalidTarget")]
    public void ABadRowThrowsForItselfAndIsNotAdded(string scenario, double[] input, double[] target, string errorId)
    {
        var data = new LabelledData(Classifier(), LossFunction.CrossEntropy);
        data.Add(new[] { 1.0, 2.0 }, new[] { 1.0 });

        var error = Assert.Throws<NeuronToolsException>(() => data.Add(input, target));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(1, data.Count);
        Assert.NotNull(scenario);
    }

    [Theory]
    [InlineData("CrossEntropy on one output", LossFunction.CrossEntropy, false, "LossNotApplicable")]
    [InlineData("BinaryStep inside a network, for training", LossFunction.MeanSquaredError, true, "UntrainableActivation")]
    public void AModelAndLossThatDoNotFitAreRefusedBeforeAnyRow(string scenario, LossFunction loss, bool forTraining, string errorId)
    {
        var step = ActivationCatalog.Create("BinaryStep");
        NeuronModel model = forTraining
            ? new NeuronNetwork(new[] { new NeuronLayer(new[] { new[] { 1.0 } }, null, step), new NeuronLayer(new[] { new[] { 1.0 } }, null, step) })
            : new Neuron(new[] { 1.0 });

        var error = Assert.Throws<NeuronToolsException>(() => forTraining ? LabelledData.ForTraining(model, loss) : new LabelledData(model, loss));

        Assert.Equal(errorId, error.ErrorId);
        Assert.NotNull(scenario);
    }

    [Fact]
    public void AScoreFromTheDataIsTheScoreFromTheListsOfRows()
    {
        var neuron = new Neuron(new[] { 1.0, 1.0 }, -1.5, ActivationCatalog.CreateScalar("BinaryStep"));
        var targets = new[] { 0.0, 0.0, 0.0, 1.0 };
        var data = new LabelledData(neuron, LossFunction.MeanSquaredError);
        for (int r = 0; r < s_truthTable.Length; r++)
        {
            data.Add(s_truthTable[r], new[] { targets[r] });
        }

        var fromData = ModelTrainer.Evaluate(data);
        var fromLists = ModelTrainer.Evaluate(neuron, s_truthTable, targets.Select(t => (IReadOnlyList<double>)new[] { t }).ToArray(), LossFunction.MeanSquaredError);

        Assert.Equal(fromLists.Loss, fromData.Loss);
        Assert.Equal(fromLists.Accuracy, fromData.Accuracy);
        Assert.Equal(1.0, fromData.Accuracy);
    }

    [Fact]
    public void TrainingFromTheDataIsTrainingFromTheListsOfRows()
    {
        var start = new Neuron(new[] { 0.0, 0.0 }, 0.0, ActivationCatalog.CreateScalar("Sigmoid"));
        var options = new TrainingOptions { Loss = LossFunction.BinaryCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.1, EpochCount = 30, BatchSize = 2, Seed = 3 };
        var targets = new[] { 0.0, 1.0, 1.0, 1.0 };
        var data = LabelledData.ForTraining(start, options.Loss);
        for (int r = 0; r < s_truthTable.Length; r++)
        {
            data.Add(s_truthTable[r], new[] { targets[r] });
        }

        var fromData = (Neuron)ModelTrainer.Train(data, options);
        var fromLists = ModelTrainer.Train(start, s_truthTable, targets.Select(t => (IReadOnlyList<double>)new[] { t }).ToArray(), options);

        Assert.Equal(fromLists.Weight, fromData.Weight);
        Assert.Equal(fromLists.Bias, fromData.Bias);
        Assert.Equal(fromLists.TrainingHistory!.FinalLoss, fromData.TrainingHistory!.FinalLoss);
    }

    [Fact]
    public void TrainingNeedsDataMadeForTrainingWithTheSameLoss()
    {
        var start = new Neuron(new[] { 0.5 });
        var scoring = new LabelledData(start, LossFunction.MeanSquaredError);
        scoring.Add(new[] { 1.0 }, new[] { 1.0 });
        var training = LabelledData.ForTraining(start, LossFunction.MeanAbsoluteError);
        training.Add(new[] { 1.0 }, new[] { 1.0 });

        Assert.Throws<System.ArgumentException>(() => ModelTrainer.Train(scoring, new TrainingOptions { Loss = LossFunction.MeanSquaredError }));
        Assert.Throws<System.ArgumentException>(() => ModelTrainer.Train(training, new TrainingOptions { Loss = LossFunction.MeanSquaredError }));
    }

    [Fact]
    public void TheListApiNamesTheFirstBadRow()
    {
        var rows = new[] { new[] { 1.0 }, new[] { 2.0, 3.0 } };
        var error = Assert.Throws<NeuronToolsException>(() => ModelTrainer.Evaluate(new Neuron(new[] { 1.0 }), rows, new[] { new[] { 1.0 }, new[] { 2.0 } }, LossFunction.MeanSquaredError));

        Assert.Equal("InputCountMismatch", error.ErrorId);
        Assert.Equal(1, error.Data["RowIndex"]);
    }

    [Theory]
    [InlineData(LossFunction.CrossEntropy, 3, 2, new[] { 0.0, 0.0, 1.0 })]
    [InlineData(LossFunction.BinaryCrossEntropy, 1, 1, new[] { 1.0 })]
    [InlineData(LossFunction.Hinge, 1, 0, new[] { -1.0 })]
    [InlineData(LossFunction.Hinge, 1, 1, new[] { 1.0 })]
    public void AClassIndexEncodesAsTheSameTargetWhicheverWayItComesIn(LossFunction loss, int outputs, int classIndex, double[] expected)
    {
        var encoder = new TargetEncoder(loss, outputs, isStep: false);

        Assert.Equal(expected, encoder.EncodeClass(classIndex));
        Assert.Equal(expected, encoder.Encode(new[] { (double)classIndex }));
    }
}
