using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class NeuronModelTests
{
    private static readonly double[][] s_truthTable = { new[] { 0.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 }, new[] { 1.0, 1.0 } };

    public static IEnumerable<object[]> Models()
    {
        var hidden = new NeuronLayer(new[] { new[] { 0.5, -1.0 }, new[] { 1.5, 0.25 } }, new[] { 0.1, -0.2 }, ActivationCatalog.Create("Tanh"), "hidden");
        var output = new NeuronLayer(new[] { new[] { 1.0, -2.0 } }, new[] { 0.5 }, ActivationCatalog.Create("Sigmoid"));
        yield return new object[] { "neuron", new Neuron(new[] { 0.5, -1.0 }, 0.25, ActivationCatalog.CreateScalar("Sigmoid"), "n", new[] { "a", "b" }), 2, 1 };
        yield return new object[] { "layer", hidden, 2, 2 };
        yield return new object[] { "network", new NeuronNetwork(new[] { hidden, output }, "net", new[] { "a", "b" }), 2, 1 };
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryKindCountsItsInputsAndOutputs(string kind, NeuronModel model, int inputs, int outputs)
    {
        Assert.Equal(kind, model.Noun);
        Assert.Equal(inputs, model.InputCount);
        Assert.Equal(outputs, model.OutputCount);
        Assert.Equal(outputs, model.ToStack().OutputCount);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void TheStackIsACopyThatDoesNotChangeTheModel(string kind, NeuronModel model, int inputs, int outputs)
    {
        var stack = model.ToStack();
        double before = model.DenseLayers[0].Weight[0][0];
        stack.Layers[0].Weight[0] = 42.0;

        Assert.Equal(before, model.DenseLayers[0].Weight[0][0]);
        Assert.True(inputs > 0 && outputs > 0, kind);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RebuildingFromItsOwnStackGivesTheSameKindNamesAndParameters(string kind, NeuronModel model, int inputs, int outputs)
    {
        var history = new TrainingHistory(LossFunction.MeanSquaredError, Optimizer.SGD, 0.1, 4, 1, 4, 0, new[] { new TrainingEpoch(1, 0.5, null, null, null) }, false);
        var rebuilt = model.WithParameters(model.ToStack(), history);

        Assert.IsType(model.GetType(), rebuilt);
        Assert.Equal(model.Name, rebuilt.Name);
        Assert.Equal(model.InputName, rebuilt.InputName);
        Assert.Same(history, rebuilt.TrainingHistory);
        Assert.Equal(ModelSerializer.ToJsonText(model, compress: true), ModelSerializer.ToJsonText(rebuilt.WithParameters(rebuilt.ToStack(), null), compress: true));
        Assert.Equal(inputs, rebuilt.InputCount);
        Assert.Equal(outputs, rebuilt.OutputCount);
        Assert.NotNull(kind);
    }

    [Fact]
    public void TheTrainerReturnsTheKindItWasGiven()
    {
        var layer = new NeuronLayer(new[] { new[] { 0.5, 0.5 } }, null, ActivationCatalog.Create("Sigmoid"), "or");
        var options = new TrainingOptions { Loss = LossFunction.BinaryCrossEntropy, Optimizer = Optimizer.SGD, LearningRate = 1.0, EpochCount = 200, BatchSize = 4, Seed = 1 };
        var targets = new[] { 0.0, 1.0, 1.0, 1.0 }.Select(t => (IReadOnlyList<double>)new[] { t }).ToArray();

        NeuronLayer trained = ModelTrainer.Train(layer, s_truthTable, targets, options);
        var asNetwork = ModelTrainer.Train(NeuronNetwork.FromLayer(layer), s_truthTable, targets, options);

        Assert.Equal("or", trained.Name);
        Assert.Equal(200, trained.TrainingHistory!.EpochCount);
        Assert.Equal(asNetwork.Layers[0].Weight.SelectMany(r => r), trained.Weight.SelectMany(r => r));
        Assert.Equal(asNetwork.Layers[0].Bias, trained.Bias);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void GradientsOfAnyKindAreTheGradientsOfItsOwnKind(string kind, NeuronModel model, int inputs, int outputs)
    {
        double[] x = { 0.75, -0.5 };
        object gradient = GradientCalculator.Compute(model, x, outputs - 1);

        switch (model)
        {
            case Neuron neuron:
                Assert.Equal(GradientCalculator.Compute(neuron, x).InputGradient, ((NeuronGradient)gradient).InputGradient);
                break;
            case NeuronLayer layer:
                Assert.Equal(GradientCalculator.Compute(NeuronNetwork.FromLayer(layer), x, outputs - 1).InputGradient, ((NetworkGradient)gradient).InputGradient);
                break;
            default:
                Assert.Equal(GradientCalculator.Compute((NeuronNetwork)model, x, outputs - 1).InputGradient, ((NetworkGradient)gradient).InputGradient);
                break;
        }

        Assert.Equal("InvalidOutputIndex", Assert.Throws<NeuronToolsException>(() => GradientCalculator.Compute(model, x, outputs)).ErrorId);
        Assert.Equal(inputs, x.Length);
        Assert.NotNull(kind);
    }

    [Fact]
    public void SomethingThatIsNotAModelIsRefusedWithTheIdOfWhatWasAsked()
    {
        var notAModel = new NotAModel(42, 42);

        Assert.Equal(ErrorIds.UnsupportedModel, Assert.Throws<NeuronToolsException>(() => ModelTrainer.Evaluate(notAModel, s_truthTable, s_truthTable, LossFunction.MeanSquaredError)).ErrorId);
        Assert.Equal(ErrorIds.UnsupportedModel, Assert.Throws<NeuronToolsException>(() => GradientCalculator.Compute(notAModel, new[] { 1.0 })).ErrorId);
        Assert.Equal(ErrorIds.UnsupportedModelType, Assert.Throws<NeuronToolsException>(() => ModelSerializer.ToJsonText(notAModel, compress: true)).ErrorId);
        Assert.Equal(ErrorIds.UnsupportedModelType, Assert.Throws<NeuronToolsException>(() => OnnxExporter.Export(notAModel)).ErrorId);
        Assert.Contains("a System.Int32", Assert.Throws<NeuronToolsException>(() => notAModel.InputCount).Message, System.StringComparison.Ordinal);
        Assert.False(ModelSerializer.IsModel(notAModel));
    }
}
