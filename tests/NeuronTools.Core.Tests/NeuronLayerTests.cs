using System;
using System.Linq;
using CsCheck;
using Xunit;

namespace NeuronTools.Tests;

public class NeuronLayerTests
{
    private static readonly double[][] TwoByThree = { new[] { 0.5, -1.0, 2.0 }, new[] { 1.0, 0.0, -1.0 } };

    private static NeuronLayer Layer(string activation = "ReLU") =>
        new(TwoByThree, new[] { 0.5, 0.0 }, ActivationCatalog.Create(activation), "hidden");

    [Fact]
    public void EachNeuronComputesItsWeightedSumPlusBiasThenTheActivation()
    {
        var output = Layer().Evaluate(new[] { 5.0, 3.0, 1.0 });

        Assert.Equal(new[] { 2.0, 4.0 }, output.PreActivation);
        Assert.Equal(new[] { 2.0, 4.0 }, output.Output);
        Assert.Equal(new[] { 1.0, 1.0 }, output.Derivative!);
        Assert.Equal(new[] { 5.0, 3.0, 1.0 }, output.Input);

        var negative = Layer().Evaluate(new[] { 0.0, 2.0, 0.5 });
        Assert.Equal(new[] { -0.5, -0.5 }, negative.PreActivation);
        Assert.Equal(new[] { 0.0, 0.0 }, negative.Output);
        Assert.Equal(new[] { 0.0, 0.0 }, negative.Derivative!);
    }

    [Fact]
    public void ItDescribesItsShape()
    {
        var layer = Layer("Tanh");

        Assert.Equal(3, layer.InputCount);
        Assert.Equal(2, layer.NeuronCount);
        Assert.Equal(8, layer.ParameterCount);
        Assert.Equal("hidden", layer.Name);
        Assert.Equal("Tanh", layer.Activation.Specification);
        Assert.Equal("NeuronLayer(3 → 2, Tanh)", layer.ToString());
    }

    [Fact]
    public void BiasesDefaultToZeroAndTheActivationToRelu()
    {
        var layer = new NeuronLayer(TwoByThree);

        Assert.Equal(new[] { 0.0, 0.0 }, layer.Bias);
        Assert.Equal("ReLU", layer.Activation.Name);
    }

    [Fact]
    public void PreActivationsSumInTheDocumentedOrderThenAddTheBiasAsANeuronDoes()
    {
        var layer = new NeuronLayer(new[] { new[] { 1.0, 1.0, 1.0 } }, new[] { 0.0 }, ActivationCatalog.Create("Identity"));

        // DotProduct's order: (1e16 + -1e16) + 1 = 1; left to right would give 0.
        Assert.Equal(1.0, layer.Evaluate(new[] { 1e16, 1.0, -1e16 }).PreActivation[0]);
    }

    [Fact]
    public void ALayerBuiltFromNeuronsGivesEachNeuronsResultToTheBit()
    {
        var activations = new[] { "ReLU", "Identity", "Sigmoid", "Tanh", "LeakyReLU(negative_slope=0.2)", "BinaryStep" };
        var gen =
            from inputCount in Gen.Int[1, 7]
            from neuronCount in Gen.Int[1, 5]
            from weights in Gen.Double[-1e3, 1e3].Array[inputCount * neuronCount]
            from biases in Gen.Double[-1e3, 1e3].Array[neuronCount]
            from input in Gen.Double[-1e3, 1e3].Array[inputCount]
            from activation in Gen.OneOf(activations)
            select (inputCount, weights, biases, input, activation);

        gen.Sample((inputCount, weights, biases, input, activation) =>
        {
            var neurons = biases
                .Select((b, j) => new Neuron(weights.Skip(j * inputCount).Take(inputCount), b, ActivationCatalog.CreateScalar(activation)))
                .ToArray();
            var result = NeuronLayer.FromNeurons(neurons).Evaluate(input);

            for (int j = 0; j < neurons.Length; j++)
            {
                var expected = neurons[j].Evaluate(input);
                Assert.Equal(Bits(expected.PreActivation), Bits(result.PreActivation[j]));
                Assert.Equal(Bits(expected.Output), Bits(result.Output[j]));
                Assert.Equal(Bits(expected.Derivative), Bits(result.Derivative![j]));
            }
        });
    }

    [Fact]
    public void NeuronsBecomeTheRowsOfTheLayerInOrder()
    {
        var layer = NeuronLayer.FromNeurons(new[] { new Neuron(new[] { 0.5, -1.0, 2.0 }, 0.5), new Neuron(new[] { 1.0, 0.0, -1.0 }) }, name: "pair");

        Assert.Equal(TwoByThree, layer.Weight.Select(row => row.ToArray()).ToArray());
        Assert.Equal(new[] { 0.5, 0.0 }, layer.Bias);
        Assert.Equal("ReLU", layer.Activation.Specification);
        Assert.Equal("pair", layer.Name);
    }

    [Fact]
    public void NeuronsWithDifferentInputCountsAreRefused()
    {
        var error = Assert.Throws<NeuronToolsException>(() => NeuronLayer.FromNeurons(new[] { new Neuron(new[] { 1.0, 2.0 }), new Neuron(new[] { 1.0 }) }));

        Assert.Equal("NeuronInputCountMismatch", error.ErrorId);
        Assert.Contains("position 1 has 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeuronsWithDifferentActivationsNeedTheLayersActivation()
    {
        var neurons = new[] { new Neuron(new[] { 1.0 }), new Neuron(new[] { 2.0 }, 0, ActivationCatalog.CreateScalar("Tanh")) };

        var error = Assert.Throws<NeuronToolsException>(() => NeuronLayer.FromNeurons(neurons));
        Assert.Equal("NeuronActivationMismatch", error.ErrorId);
        Assert.Contains("Tanh", error.Message, StringComparison.Ordinal);

        Assert.Equal("Sigmoid", NeuronLayer.FromNeurons(neurons, ActivationCatalog.Create("Sigmoid")).Activation.Name);
    }

    [Fact]
    public void NoNeuronsIsAnEmptyLayer()
    {
        Assert.Equal("EmptyLayer", Assert.Throws<NeuronToolsException>(() => NeuronLayer.FromNeurons(Array.Empty<Neuron>())).ErrorId);
    }

    [Theory]
    [InlineData("no rows", "EmptyWeight")]
    [InlineData("an empty row", "EmptyWeight")]
    [InlineData("a null row", "EmptyWeight")]
    [InlineData("ragged rows", "RaggedWeight")]
    [InlineData("a NaN weight", "NonFiniteWeight")]
    [InlineData("an infinite weight", "NonFiniteWeight")]
    [InlineData("too few biases", "BiasCountMismatch")]
    [InlineData("too many biases", "BiasCountMismatch")]
    [InlineData("an infinite bias", "NonFiniteBias")]
    public void ABadWeightMatrixOrBiasIsRefusedWithItsErrorId(string scenario, string errorId)
    {
        double[][] weight = scenario switch
        {
            "no rows" => Array.Empty<double[]>(),
            "an empty row" => new[] { new[] { 1.0 }, Array.Empty<double>() },
            "a null row" => new[] { new[] { 1.0 }, null! },
            "ragged rows" => new[] { new[] { 1.0, 2.0 }, new[] { 1.0, 2.0 }, new[] { 3.0 } },
            "a NaN weight" => new[] { new[] { 1.0, 2.0 }, new[] { 1.0, double.NaN } },
            "an infinite weight" => new[] { new[] { double.NegativeInfinity, 2.0 } },
            _ => new[] { new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 } },
        };
        double[]? bias = scenario switch
        {
            "too few biases" => new[] { 1.0 },
            "too many biases" => new[] { 1.0, 2.0, 3.0 },
            "an infinite bias" => new[] { 0.0, double.PositiveInfinity },
            _ => null,
        };

        Assert.Equal(errorId, Assert.Throws<NeuronToolsException>(() => new NeuronLayer(weight, bias)).ErrorId);
    }

    [Fact]
    public void TheErrorsSayWhereTheProblemIs()
    {
        var ragged = Assert.Throws<NeuronToolsException>(() => new NeuronLayer(new[] { new[] { 1.0, 2.0 }, new[] { 3.0 } }));
        Assert.Contains("row 0 has 2 weights but row 1 has 1", ragged.Message, StringComparison.Ordinal);

        var bias = Assert.Throws<NeuronToolsException>(() => new NeuronLayer(TwoByThree, new[] { 1.0 }));
        Assert.Contains("2 neurons (weight rows) but 1 bias.", bias.Message, StringComparison.Ordinal);

        var nan = Assert.Throws<NeuronToolsException>(() => new NeuronLayer(new[] { new[] { 1.0, 2.0 }, new[] { 1.0, double.NaN } }));
        Assert.Contains("row 1, position 1 is NaN", nan.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void AnInputOfTheWrongLengthIsInputCountMismatch(int length)
    {
        var error = Assert.Throws<NeuronToolsException>(() => Layer().Evaluate(new double[length]));

        Assert.Equal("InputCountMismatch", error.ErrorId);
        Assert.Contains("3 inputs", error.Message, StringComparison.Ordinal);
        Assert.Contains(length + " values", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ANonFiniteInputIsRefused(double bad)
    {
        var error = Assert.Throws<NeuronToolsException>(() => Layer().Evaluate(new[] { 1.0, 2.0, bad }));

        Assert.Equal("NonFiniteInput", error.ErrorId);
        Assert.Contains("position 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverflowingSumIsNonFiniteResult()
    {
        var layer = new NeuronLayer(new[] { new[] { 1.0, 1.0 } }, activation: ActivationCatalog.Create("Identity"));

        Assert.Equal("NonFiniteResult", Assert.Throws<NeuronToolsException>(() => layer.Evaluate(new[] { double.MaxValue, double.MaxValue })).ErrorId);
    }

    [Fact]
    public void TheLayerKeepsItsOwnCopyAndCannotBeChanged()
    {
        var rows = new[] { new[] { 1.0, 2.0 } };
        var bias = new[] { 3.0 };
        var layer = new NeuronLayer(rows, bias);
        rows[0][0] = 99;
        bias[0] = 99;

        Assert.Equal(1.0, layer.Weight[0][0]);
        Assert.Equal(3.0, layer.Bias[0]);
        Assert.Throws<NotSupportedException>(() => ((System.Collections.Generic.IList<double>)layer.Weight[0])[0] = 5);
        Assert.Throws<NotSupportedException>(() => ((System.Collections.Generic.IList<double>)layer.Bias)[0] = 5);
    }

    [Fact]
    public void EvaluateCopiesItsInput()
    {
        var input = new[] { 5.0, 3.0, 1.0 };
        var output = Layer().Evaluate(input);
        input[0] = 100;

        Assert.Equal(5.0, output.Input[0]);
    }

    [Fact]
    public void WithParametersMakesANewLayerWithTheSameActivationAndName()
    {
        var layer = Layer("Tanh");
        var updated = layer.WithParameters(new[] { new[] { 1.0, 1.0, 1.0 }, new[] { 2.0, 2.0, 2.0 } }, new[] { 0.25, 0.5 });

        Assert.Equal(new[] { 2.0, 2.0, 2.0 }, updated.Weight[1]);
        Assert.Equal(new[] { 0.25, 0.5 }, updated.Bias);
        Assert.Same(layer.Activation, updated.Activation);
        Assert.Equal("hidden", updated.Name);
        Assert.Equal(new[] { 0.5, -1.0, 2.0 }, layer.Weight[0]);
        Assert.Equal("LayerShapeMismatch", Assert.Throws<NeuronToolsException>(() => layer.WithParameters(new[] { new[] { 1.0, 1.0 } }, new[] { 0.0 })).ErrorId);
    }

    [Fact]
    public void FromOwnedUsesTheArraysItIsHandedWithoutCopying()
    {
        var rows = new[] { new[] { 1.0, 2.0 } };
        var bias = new[] { 3.0 };
        var layer = NeuronLayer.FromOwned(rows, bias, ActivationCatalog.Create("ReLU"), null);

        Assert.Same(rows, layer.WeightRows);
        Assert.Same(bias, layer.BiasValues);
        Assert.Equal("NonFiniteWeight", Assert.Throws<NeuronToolsException>(() => NeuronLayer.FromOwned(new[] { new[] { double.NaN } }, new[] { 0.0 }, ActivationCatalog.Create("ReLU"), null)).ErrorId);
    }

    [Fact]
    public void CreateDrawsOneRowPerNeuronAndZeroBiases()
    {
        var layer = NeuronLayer.Create(3, 4, ActivationCatalog.Create("Tanh"), Initialization.XavierUniform, seed: 42, name: "h");

        Assert.Equal(3, layer.InputCount);
        Assert.Equal(4, layer.NeuronCount);
        Assert.Equal(16, layer.ParameterCount);
        Assert.All(layer.Bias, b => Assert.Equal(0.0, b));
        Assert.Equal(WeightInitializer.Draw(Initialization.XavierUniform, 3, 4, 12, 42), layer.Weight.SelectMany(row => row).ToArray());
    }

    [Theory]
    [InlineData(Initialization.Uniform)]
    [InlineData(Initialization.XavierNormal)]
    [InlineData(Initialization.HeUniform)]
    public void AOneNeuronLayerDrawsWhatANewNeuronDrawsForTheSameSeed(Initialization initialization)
    {
        // New-Neuron -InputCount 5 -Seed 9 draws WeightInitializer.Draw(initialization, 5, 1, 5, 9).
        var layer = NeuronLayer.Create(5, 1, null, initialization, seed: 9);

        Assert.Equal(WeightInitializer.Draw(initialization, 5, 1, 5, 9), layer.Weight[0]);
    }

    [Theory]
    [InlineData(Initialization.Uniform, 30, 20)]
    [InlineData(Initialization.XavierUniform, 30, 20)]
    [InlineData(Initialization.HeUniform, 30, 20)]
    public void UniformLayersStayWithinPyTorchsBoundForTheirFanInAndFanOut(Initialization initialization, int inputCount, int neuronCount)
    {
        double bound = initialization switch
        {
            Initialization.Uniform => 1.0 / Math.Sqrt(inputCount),
            Initialization.XavierUniform => Math.Sqrt(6.0 / (inputCount + neuronCount)),
            _ => Math.Sqrt(6.0 / inputCount),
        };
        var weights = NeuronLayer.Create(inputCount, neuronCount, null, initialization, seed: 3).Weight.SelectMany(r => r).ToArray();

        Assert.All(weights, w => Assert.InRange(w, -bound, bound));
        Assert.True(weights.Max() > bound * 0.95 && weights.Min() < -bound * 0.95, "the draws should reach close to both bounds");
    }

    [Theory]
    [InlineData(Initialization.XavierNormal, 300, 200)]
    [InlineData(Initialization.HeNormal, 300, 200)]
    public void NormalLayersHavePyTorchsDeviationForTheirFanInAndFanOut(Initialization initialization, int inputCount, int neuronCount)
    {
        double deviation = initialization == Initialization.XavierNormal
            ? Math.Sqrt(2.0 / (inputCount + neuronCount))
            : Math.Sqrt(2.0 / inputCount);
        var weights = NeuronLayer.Create(inputCount, neuronCount, null, initialization, seed: 11).Weight.SelectMany(r => r).ToArray();
        double mean = weights.Average();
        double sd = Math.Sqrt(weights.Select(w => (w - mean) * (w - mean)).Sum() / (weights.Length - 1));

        Assert.InRange(mean, -0.02 * deviation, 0.02 * deviation);
        Assert.InRange(sd / deviation, 0.99, 1.01);
    }

    [Fact]
    public void TheDrawIsPinnedSoEveryMachineGetsTheSameLayer()
    {
        // xoshiro256** and the IEEE-only logarithm: a change here changes every seeded layer.
        var weights = NeuronLayer.Create(2, 2, null, Initialization.XavierNormal, seed: 42).Weight.SelectMany(r => r);

        Assert.Equal(PinnedXavierNormal2x2Seed42, weights.Select(BitConverter.DoubleToInt64Bits).ToArray());
    }

    [Theory]
    [InlineData(0, 3, "InvalidInputCount")]
    [InlineData(3, 0, "InvalidNeuronCount")]
    [InlineData(100_000, 100_000, "LayerTooLarge")]
    public void CreateRefusesImpossibleSizes(int inputCount, int neuronCount, string errorId)
    {
        Assert.Equal(errorId, Assert.Throws<NeuronToolsException>(() => NeuronLayer.Create(inputCount, neuronCount)).ErrorId);
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static readonly long[] PinnedXavierNormal2x2Seed42 = { -4620571490092441214, -4628823520223050173, 4594814126041259989, 4600330739702409052 };
}
