using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class StackTrainerTests
{
    private static readonly double[][] s_truthTable = { new[] { 0.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 }, new[] { 1.0, 1.0 } };

    public static IEnumerable<object[]> OptimizerCases() =>
        TrainingReference.Read("training_optimizers.tsv")
            .Select(row => new object[] { row["case"] });

    [Theory]
    [MemberData(nameof(OptimizerCases))]
    public void FullBatchStepsMatchTorchOptim(string name)
    {
        var row = TrainingReference.Read("training_optimizers.tsv").Single(r => r["case"] == name);
        var stack = TrainingReference.Stack(row["sizes"], row["activations"], row["weight"], row["bias"]);
        int steps = int.Parse(row["steps"], CultureInfo.InvariantCulture);
        var input = Rows(TrainingReference.Numbers(row["input"]), stack.InputCount);
        var target = Rows(TrainingReference.Numbers(row["target"]), 1);
        var options = new TrainingOptions
        {
            Loss = (LossFunction)Enum.Parse(typeof(LossFunction), row["loss"]),
            Optimizer = (Optimizer)Enum.Parse(typeof(Optimizer), row["optimizer"]),
            LearningRate = double.Parse(row["learning_rate"], CultureInfo.InvariantCulture),
            EpochCount = steps,
            BatchSize = input.Count,
            Seed = 1,
        };

        var run = StackTrainer.Train(stack, input, target, options);

        // The batch is shuffled, which reorders the sums of the gradient: equal to within rounding, not to the bit.
        TrainingReference.Close(TrainingReference.Numbers(row["step_loss"]), run.History.Epoch.Select(e => e.Loss).ToArray(), 1e-12, "loss");
        TrainingReference.Close(TrainingReference.Numbers(row["final_weight"]), run.Model.Layers.SelectMany(l => l.Weight).ToArray(), 1e-12, "weight");
        TrainingReference.Close(TrainingReference.Numbers(row["final_bias"]), run.Model.Layers.SelectMany(l => l.Bias).ToArray(), 1e-12, "bias");
    }

    [Fact]
    public void TheOptimizerTableCoversEveryOptimizer()
    {
        Assert.Equal(9, OptimizerCases().Count());
    }

    [Theory]
    [InlineData("AND", new[] { 0.0, 0.0, 0.0, 1.0 })]
    [InlineData("OR", new[] { 0.0, 1.0, 1.0, 1.0 })]
    public void ABinaryStepNeuronLearnsWithThePerceptronRule(string gate, double[] truth)
    {
        var start = new Neuron(new[] { 0.0, 0.0 }, 0.0, ActivationCatalog.CreateScalar("BinaryStep"), gate);
        var options = new TrainingOptions { Optimizer = Optimizer.SGD, LearningRate = 1.0, BatchSize = 1, EpochCount = 20, Seed = 42 };

        var trained = ModelTrainer.Train(start, s_truthTable, Targets(truth), options);

        Assert.Equal(truth, s_truthTable.Select(x => trained.Evaluate(x).Output).ToArray());
        Assert.Equal(1.0, trained.TrainingHistory!.Epoch[^1].Accuracy);
        Assert.Equal(0.0, trained.TrainingHistory.FinalLoss);
        Assert.Equal(gate, trained.Name);
    }

    [Fact]
    public void ThePerceptronRuleIsTheClassicUpdate()
    {
        // One row, one epoch, lr 1: w ← w + (t − ŷ)·x, b ← b + (t − ŷ). ŷ = step(0) = 1, t = 0.
        var start = new Neuron(new[] { 0.0, 0.0 }, 0.0, ActivationCatalog.CreateScalar("BinaryStep"));
        var options = new TrainingOptions { Optimizer = Optimizer.SGD, LearningRate = 1.0, BatchSize = 1, EpochCount = 1, Seed = 1 };

        var trained = ModelTrainer.Train(start, new[] { new[] { 2.0, 3.0 } }, Targets(0.0), options);

        Assert.Equal(new[] { -2.0, -3.0 }, trained.Weight);
        Assert.Equal(-1.0, trained.Bias);
    }

    [Theory]
    [InlineData("AND", new[] { 0.0, 0.0, 0.0, 1.0 })]
    [InlineData("OR", new[] { 0.0, 1.0, 1.0, 1.0 })]
    public void ASigmoidNeuronLearnsWithBinaryCrossEntropy(string gate, double[] truth)
    {
        var start = new Neuron(WeightInitializer.Draw(Initialization.XavierUniform, 2, 1, 2, 3), 0.0, ActivationCatalog.CreateScalar("Sigmoid"), gate);
        var options = new TrainingOptions { Loss = LossFunction.BinaryCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.1, BatchSize = 4, EpochCount = 300, Seed = 42 };

        var trained = ModelTrainer.Train(start, s_truthTable, Targets(truth), options);

        Assert.Equal(truth, s_truthTable.Select(x => trained.Evaluate(x).Output >= 0.5 ? 1.0 : 0.0).ToArray());
        Assert.True(trained.TrainingHistory!.FinalLoss < 0.1, "final loss " + trained.TrainingHistory.FinalLoss);
        Assert.True(trained.TrainingHistory.FinalLoss < trained.TrainingHistory.Epoch[0].Loss);
    }

    [Fact]
    public void A221NetworkLearnsXorFromAFixedSeed()
    {
        var stack = Network(2, 2, 1, "Tanh", "Sigmoid", seed: 1);
        var options = new TrainingOptions { Loss = LossFunction.BinaryCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.1, BatchSize = 4, EpochCount = 300, Seed = 7 };

        var run = StackTrainer.Train(stack, s_truthTable, Targets(0, 1, 1, 0), options);

        var outputs = s_truthTable.Select(x => GradientCalculator.ComputeStack(run.Model, x, 0).LayerOutput[^1][0]).ToArray();
        Assert.Equal(new[] { 0.0, 1.0, 1.0, 0.0 }, outputs.Select(z => z >= 0.5 ? 1.0 : 0.0).ToArray());
        Assert.Equal(1.0, run.History.Epoch[^1].Accuracy);
    }

    [Fact]
    public void ALinearNeuronRecoversTheWeightsAndBiasOfNoiselessData()
    {
        double[] weight = { 1.5, -2.0, 0.25 };
        const double Bias = 0.75;
        var random = new DeterministicRandom(11);
        var input = Enumerable.Range(0, 50).Select(_ => new[] { random.NextUniform(-1, 1), random.NextUniform(-1, 1), random.NextUniform(-1, 1) }).ToArray();
        var target = input.Select(x => new[] { (weight[0] * x[0]) + (weight[1] * x[1]) + (weight[2] * x[2]) + Bias }).ToArray();
        var start = new Neuron(new double[3], 0.0, ActivationCatalog.CreateScalar("Identity"));
        var options = new TrainingOptions { Optimizer = Optimizer.SGD, LearningRate = 0.1, BatchSize = 10, EpochCount = 400, Seed = 3 };

        var trained = ModelTrainer.Train(start, input, target, options);

        for (int i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(trained.Weight[i] - weight[i]) < 1e-6, FormattableString.Invariant($"w{i} = {trained.Weight[i]:R}"));
        }

        Assert.True(Math.Abs(trained.Bias - Bias) < 1e-6, FormattableString.Invariant($"b = {trained.Bias:R}"));
    }

    [Fact]
    public void ASmallNetworkClassifiesIrisWithHighAccuracy()
    {
        var (input, target) = Iris();
        var stack = Network(4, 8, 3, "Tanh", "Identity", seed: 1);
        var options = new TrainingOptions { Loss = LossFunction.CrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.02, BatchSize = 16, EpochCount = 200, Seed = 2, ValidationFraction = 0.3 };

        var run = StackTrainer.Train(stack, input, target.Select(t => TargetEncoder.Encode(t, LossFunction.CrossEntropy, 3, false)).ToArray(), options);

        var last = run.History.Epoch[^1];
        Assert.Equal(45, run.History.ValidationRowCount);
        Assert.Equal(105, run.History.TrainingRowCount);
        Assert.True(last.ValidationAccuracy >= 0.93, "validation accuracy " + last.ValidationAccuracy);
        Assert.True(last.Accuracy >= 0.95, "training accuracy " + last.Accuracy);
    }

    [Fact]
    public void TheSameSeedGivesTheSameModelToTheBitAndAnotherSeedAnother()
    {
        var (input, target) = Iris();
        var encoded = target.Select(t => TargetEncoder.Encode(t, LossFunction.CrossEntropy, 3, false)).ToArray();
        TrainingOptions Options(int seed) => new() { Loss = LossFunction.CrossEntropy, LearningRate = 0.01, BatchSize = 8, EpochCount = 3, Seed = seed, ValidationFraction = 0.2 };

        var first = StackTrainer.Train(Network(4, 5, 3, "ReLU", "Identity", 1), input, encoded, Options(9));
        var again = StackTrainer.Train(Network(4, 5, 3, "ReLU", "Identity", 1), input, encoded, Options(9));
        var other = StackTrainer.Train(Network(4, 5, 3, "ReLU", "Identity", 1), input, encoded, Options(10));

        Assert.Equal(first.Model.Layers.SelectMany(l => l.Weight), again.Model.Layers.SelectMany(l => l.Weight));
        Assert.Equal(first.History.Epoch.Select(e => e.ValidationLoss), again.History.Epoch.Select(e => e.ValidationLoss));
        Assert.NotEqual(first.Model.Layers.SelectMany(l => l.Weight), other.Model.Layers.SelectMany(l => l.Weight));
        Assert.Equal(9, first.History.Seed);
    }

    [Fact]
    public void TrainingLeavesTheGivenModelUntouchedAndRecordsItsHistory()
    {
        var start = new Neuron(new[] { 0.1, 0.2 }, 0.3, ActivationCatalog.CreateScalar("Sigmoid"), "gate", new[] { "a", "b" });
        var options = new TrainingOptions { Loss = LossFunction.BinaryCrossEntropy, Optimizer = Optimizer.Momentum, EpochCount = 5, BatchSize = 2, Seed = 4 };

        var trained = ModelTrainer.Train(start, s_truthTable, Targets(0, 0, 0, 1), options);

        Assert.Equal(new[] { 0.1, 0.2 }, start.Weight);
        Assert.Equal(0.3, start.Bias);
        Assert.Null(start.TrainingHistory);
        Assert.NotEqual(start.Weight, trained.Weight);
        Assert.Equal(new[] { "a", "b" }, trained.InputName);
        var history = trained.TrainingHistory!;
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, history.Epoch.Select(e => e.Epoch));
        Assert.Equal(Optimizer.Momentum, history.Optimizer);
        Assert.Equal(0.01, history.LearningRate);
        Assert.Equal(4, history.TrainingRowCount);
        Assert.False(history.Stopped);
        Assert.All(history.Epoch, e => Assert.Null(e.ValidationLoss));
    }

    [Fact]
    public void AStopRequestEndsTrainingAndReturnsTheEpochsCompletedSoFar()
    {
        int epochs = 0;
        var options = new TrainingOptions { EpochCount = 1000, BatchSize = 1, Seed = 1 };
        var start = new Neuron(new[] { 0.5 }, 0.0, ActivationCatalog.CreateScalar("Identity"));

        var trained = ModelTrainer.Train(start, s_truthTable.Select(x => new[] { x[0] }).ToArray(), Targets(0, 0, 1, 1), options, () => epochs >= 3, _ => epochs++);

        Assert.True(trained.TrainingHistory!.Stopped);
        Assert.Equal(3, trained.TrainingHistory.EpochCount);
        Assert.NotEqual(0.5, trained.Weight[0]);
    }

    [Fact]
    public void ATooLargeLearningRateIsTrainingDiverged()
    {
        var start = new Neuron(new[] { 1.0 }, 0.0, ActivationCatalog.CreateScalar("Identity"));
        var options = new TrainingOptions { Optimizer = Optimizer.SGD, LearningRate = 1e6, EpochCount = 200, BatchSize = 1, Seed = 1 };

        var error = Assert.Throws<NeuronToolsException>(() => ModelTrainer.Train(start, new[] { new[] { 100.0 }, new[] { -50.0 } }, Targets(1, 2), options));

        Assert.Equal("TrainingDiverged", error.ErrorId);
        Assert.Contains("-LearningRate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, 2, 2)]
    [InlineData(0.1, 1, 3)]
    [InlineData(0.3, 1, 3)]
    public void TheValidationFractionHoldsOutRowsRoundedButAtLeastOne(double fraction, int validation, int training)
    {
        var options = new TrainingOptions { EpochCount = 1, ValidationFraction = fraction, Seed = 1 };

        var trained = ModelTrainer.Train(new Neuron(new[] { 0.5, 0.5 }), s_truthTable, Targets(0, 1, 1, 0), options);

        Assert.Equal(validation, trained.TrainingHistory!.ValidationRowCount);
        Assert.Equal(training, trained.TrainingHistory.TrainingRowCount);
        Assert.NotNull(trained.TrainingHistory.Epoch[0].ValidationLoss);
    }

    [Theory]
    [InlineData(0, 32, 0.0, "InvalidTrainingOption")]
    [InlineData(1, 0, 0.0, "InvalidTrainingOption")]
    [InlineData(1, 1, 1.0, "InvalidTrainingOption")]
    [InlineData(1, 1, 0.9, "TooFewTrainingRows")]
    public void BadOptionsAreRefusedBeforeTraining(int epochs, int batchSize, double fraction, string errorId)
    {
        var options = new TrainingOptions { EpochCount = epochs, BatchSize = batchSize, ValidationFraction = fraction };

        var error = Assert.Throws<NeuronToolsException>(() => ModelTrainer.Train(new Neuron(new[] { 0.5 }), new[] { new[] { 1.0 }, new[] { 2.0 } }, Targets(1, 2), options));

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void ANetworkWithABinaryStepLayerIsUntrainableActivation()
    {
        var stack = Network(2, 2, 1, "BinaryStep", "Sigmoid", seed: 1);

        var error = Assert.Throws<NeuronToolsException>(() => StackTrainer.Train(stack, s_truthTable, Targets(0, 1, 1, 0), new TrainingOptions()));

        Assert.Equal("UntrainableActivation", error.ErrorId);
    }

    [Fact]
    public void EvaluationGivesLossAccuracyAndAConfusionMatrix()
    {
        // A BinaryStep AND gate that is wrong on one row: 0,1 → 1.
        var neuron = new Neuron(new[] { 1.0, 2.0 }, -1.5, ActivationCatalog.CreateScalar("BinaryStep"));

        var evaluation = ModelTrainer.Evaluate(neuron, s_truthTable, Targets(0, 0, 0, 1), LossFunction.MeanSquaredError);

        Assert.Equal(0.25, evaluation.Loss);
        Assert.Equal(0.75, evaluation.Accuracy);
        Assert.Equal(4, evaluation.RowCount);
        var matrix = evaluation.ConfusionMatrix!;
        Assert.Equal(new[] { "0", "1" }, matrix.ClassLabel);
        Assert.Equal(2, matrix[0, 0]);
        Assert.Equal(1, matrix[0, 1]);
        Assert.Equal(0, matrix[1, 0]);
        Assert.Equal(1, matrix[1, 1]);
        Assert.Contains("actual \\ predicted", matrix.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RegressionEvaluationHasNoAccuracyOrConfusionMatrix()
    {
        var neuron = new Neuron(new[] { 2.0 }, 1.0, ActivationCatalog.CreateScalar("Identity"));

        var evaluation = ModelTrainer.Evaluate(neuron, new[] { new[] { 1.0 }, new[] { 2.0 } }, Targets(3, 4), LossFunction.MeanAbsoluteError);

        Assert.Equal(0.5, evaluation.Loss);
        Assert.Null(evaluation.Accuracy);
        Assert.Null(evaluation.ConfusionMatrix);
    }

    internal static DenseStack Network(int inputs, int hidden, int outputs, string hiddenActivation, string outputActivation, int seed) =>
        new(new[]
        {
            new DenseLayer(WeightInitializer.Draw(Initialization.XavierUniform, inputs, hidden, inputs * hidden, seed), WeightInitializer.Draw(Initialization.Uniform, inputs, 1, hidden, seed + 100), inputs, ActivationCatalog.Create(hiddenActivation)),
            new DenseLayer(WeightInitializer.Draw(Initialization.XavierUniform, hidden, outputs, hidden * outputs, seed + 1), WeightInitializer.Draw(Initialization.Uniform, hidden, 1, outputs, seed + 101), hidden, ActivationCatalog.Create(outputActivation)),
        });

    internal static (double[][] Input, double[][] Target) Iris()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "iris.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        return (
            lines.Select(p => p.Take(4).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray(),
            lines.Select(p => new[] { double.Parse(p[4], CultureInfo.InvariantCulture) }).ToArray());
    }

    private static double[][] Targets(params double[] values) => values.Select(v => new[] { v }).ToArray();

    private static List<double[]> Rows(double[] flat, int width) =>
        Enumerable.Range(0, flat.Length / width).Select(r => flat.Skip(r * width).Take(width).ToArray()).ToList();
}
