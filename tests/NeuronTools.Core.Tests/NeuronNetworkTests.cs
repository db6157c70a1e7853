using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class NeuronNetworkTests
{
    private static readonly Lazy<ReferenceRow[]> Table = new(ReferenceRow.ReadAll);

    /// <summary>Every row of networks.tsv; an activation the catalogue lacks fails with UnknownActivation.</summary>
    public static TheoryData<string, int> AllRows() => Rows(_ => true);

    [Theory]
    [MemberData(nameof(AllRows))]
    public void TheForwardPassMatchesPyTorchInFloat64(string network, int row) => AssertMatchesPyTorch(network, row);

    [Fact]
    public void ANetworkFromOneLayerGivesTheLayersOutputsAndName()
    {
        var layer = new NeuronLayer(new[] { new[] { 0.5, -1.0, 2.0 }, new[] { 1.0, 0.0, -1.0 } }, new[] { 0.5, 0.0 }, ActivationCatalog.Create("Sigmoid"), "hidden");

        var network = NeuronNetwork.FromLayer(layer);
        var output = network.Evaluate(new[] { 5.0, 3.0, 1.0 });

        Assert.Same(layer, Assert.Single(network.Layers));
        Assert.Equal("hidden", network.Name);
        Assert.Equal(new[] { 3, 2 }, network.Shape);
        Assert.Equal(layer.Evaluate(new[] { 5.0, 3.0, 1.0 }).Output, output.Output);
        Assert.Equal(1.0 / (1.0 + Math.Exp(-2.0)), output.Output[0]);
    }

    [Fact]
    public void AVectorActivationLayerActsOnTheWholeVectorAndHasNoPerNeuronDerivative()
    {
        var softmax = ActivationCatalog.Create("Softmax");
        var network = new NeuronNetwork(new[]
        {
            new NeuronLayer(new[] { new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 1.0, 1.0 } }, new[] { 0.0, 0.0, -1.0 }, ActivationCatalog.Create("Identity")),
            new NeuronLayer(new[] { new[] { 1.0, 0.0, 0.0 }, new[] { 0.0, 1.0, 0.0 }, new[] { 0.0, 0.0, 1.0 } }, null, softmax, "probabilities"),
        });

        var result = network.Evaluate(new[] { 2.0, 1.0 });
        var expected = new double[3];
        softmax.Apply(new[] { 2.0, 1.0, 2.0 }, expected, new double[3]);

        Assert.True(softmax.IsVector);
        Assert.Equal(expected, result.Output);
        Assert.Equal(1.0, result.Output.Sum(), 15);
        Assert.Equal(0, result.PredictedIndex);
        Assert.Null(result.Layer[1].Derivative);
        Assert.NotNull(result.Layer[0].Derivative);
        Assert.Equal("NeuronNetwork(2-3-3: Identity, Softmax)", network.ToString());
    }

    [Fact]
    public void TheReferenceTableCoversEveryKindOfLayerActivation()
    {
        var activations = Table.Value.SelectMany(r => r.Activation).Distinct().ToArray();

        Assert.Superset(new HashSet<string> { "Identity", "ReLU", "Sigmoid", "Tanh", "ELU", "GELU", "Softmax", "LogSoftmax", "Softmin" }, activations.ToHashSet());
    }

    [Fact]
    public void ANetworkOfTwoLayersFeedsTheFirstLayersOutputsToTheSecond()
    {
        var result = ArticleNetwork().Evaluate(new[] { 5.0, 3.0, 1.0 });

        Assert.Equal(2, result.Layer.Count);
        Assert.Equal(new[] { 2.0, 4.0 }, result.Layer[0].PreActivation);
        Assert.Equal(result.Layer[0].Output, result.Layer[1].Input);
        Assert.Equal(new[] { 1 * 2.0 + -2 * 4.0 + 0.25 }, result.Layer[1].PreActivation);
        Assert.Equal(result.Layer[1].Output, result.Output);
        Assert.Equal(new[] { 5.0, 3.0, 1.0 }, result.Input);
        Assert.Equal(new[] { 0, 1 }, result.Layer.Select(l => l.Index));
        Assert.Equal(new[] { "hidden", "output" }, result.Layer.Select(l => l.Name));
        Assert.Equal(new[] { "ReLU", "Sigmoid" }, result.Layer.Select(l => l.Activation));
    }

    [Fact]
    public void EachLayersValuesAreWhatTheLayerAloneGivesToTheBit()
    {
        var network = NeuronNetwork.Create(new[] { 4, 6, 5, 3 }, new[] { ActivationCatalog.Create("Tanh"), ActivationCatalog.Create("Sigmoid"), ActivationCatalog.Create("LeakyReLU(negative_slope=0.2)") }, Initialization.XavierNormal, seed: 5);
        var result = network.Evaluate(new[] { 0.3, -1.2, 2.5, 0.0 });

        for (int k = 0; k < network.Layers.Count; k++)
        {
            var alone = network.Layers[k].Evaluate(result.Layer[k].Input);
            Assert.Equal(Bits(alone.PreActivation), Bits(result.Layer[k].PreActivation));
            Assert.Equal(Bits(alone.Output), Bits(result.Layer[k].Output));
            Assert.Equal(Bits(alone.Derivative!), Bits(result.Layer[k].Derivative!));
        }
    }

    [Fact]
    public void ANetworkOfLayersBuiltFromNeuronsGivesEachNeuronsResultToTheBit()
    {
        var neurons = new[]
        {
            new Neuron(new[] { 0.1, 0.2, 0.3 }, 0.7, ActivationCatalog.CreateScalar("Sigmoid")),
            new Neuron(new[] { -1.7, 0.25, 1e-3 }, -0.1, ActivationCatalog.CreateScalar("Sigmoid")),
        };
        var network = new NeuronNetwork(new[] { NeuronLayer.FromNeurons(neurons) });
        var input = new[] { 0.3, 1.0 / 3.0, -2.9 };

        var result = network.Evaluate(input);

        Assert.Equal(neurons.Select(n => Bits(n.Evaluate(input).Output)), Bits(result.Output));
        Assert.Equal(neurons.Select(n => Bits(n.Evaluate(input).PreActivation)), Bits(result.Layer[0].PreActivation));
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.7, 0.2 }, 1)]
    [InlineData(new[] { 0.5, 0.1, 0.5 }, 0)]
    [InlineData(new[] { -3.0, -2.0, -1.0 }, 2)]
    [InlineData(new[] { 4.0 }, 0)]
    public void PredictedIndexIsThePositionOfTheLargestOutputTheFirstOnATie(double[] bias, int expected)
    {
        // Zero weights, identity activation: the output is the bias.
        var layer = new NeuronLayer(bias.Select(_ => new[] { 0.0 }), bias, ActivationCatalog.Create("Identity"));

        var result = new NeuronNetwork(new[] { layer }).Evaluate(new[] { 1.0 });

        Assert.Equal(bias, result.Output);
        Assert.Equal(expected, result.PredictedIndex);
    }

    [Fact]
    public void ItDescribesItsShape()
    {
        var network = ArticleNetwork();

        Assert.Equal(new[] { 3, 2, 1 }, network.Shape);
        Assert.Equal(3, network.InputCount);
        Assert.Equal(1, network.OutputCount);
        Assert.Equal(8 + 3, network.ParameterCount);
        Assert.Equal("article", network.Name);
        Assert.Equal("NeuronNetwork(3-2-1: ReLU, Sigmoid)", network.ToString());
    }

    [Fact]
    public void ALayerWhoseNeuronCountIsNotTheNextLayersInputCountIsLayerShapeMismatchNamingBoth()
    {
        var first = NeuronLayer.Create(3, 4, name: "hidden");
        var second = NeuronLayer.Create(5, 2, name: "output");

        var error = Assert.Throws<NeuronToolsException>(() => new NeuronNetwork(new[] { first, second }));

        Assert.Equal("LayerShapeMismatch", error.ErrorId);
        Assert.Contains("Layers[0] ('hidden') has 4 neurons", error.Message, StringComparison.Ordinal);
        Assert.Contains("Layers[1] ('output') takes 5 inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMismatchFurtherDownNamesTheRightLayers()
    {
        var layers = new[] { NeuronLayer.Create(2, 3), NeuronLayer.Create(3, 3), NeuronLayer.Create(4, 1) };

        var error = Assert.Throws<NeuronToolsException>(() => new NeuronNetwork(layers));

        Assert.Contains("Layers[1] has 3 neurons", error.Message, StringComparison.Ordinal);
        Assert.Contains("Layers[2] takes 4 inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANetworkWithoutLayersIsRefused()
    {
        Assert.Equal("EmptyNetwork", Assert.Throws<NeuronToolsException>(() => new NeuronNetwork(Array.Empty<NeuronLayer>())).ErrorId);
    }

    [Fact]
    public void CreateMakesOneLayerPerCountAfterTheFirstWithOneActivationForAll()
    {
        var network = NeuronNetwork.Create(new[] { 3, 4, 2 }, new[] { ActivationCatalog.Create("Tanh") }, seed: 1);

        Assert.Equal(new[] { (3, 4), (4, 2) }, network.Layers.Select(l => (l.InputCount, l.NeuronCount)));
        Assert.Equal(new[] { "Tanh", "Tanh" }, network.Layers.Select(l => l.Activation.Specification));
        Assert.Equal(26, network.ParameterCount);
    }

    [Fact]
    public void CreateTakesOneActivationPerLayerInOrder()
    {
        var network = NeuronNetwork.Create(new[] { 3, 4, 2 }, new[] { ActivationCatalog.Create("ReLU"), ActivationCatalog.Create("Sigmoid") });

        Assert.Equal(new[] { "ReLU", "Sigmoid" }, network.Layers.Select(l => l.Activation.Specification));
    }

    [Theory]
    [InlineData(new[] { 3 }, 1, "InvalidShape")]
    [InlineData(new[] { 3, 0, 2 }, 1, "InvalidShape")]
    [InlineData(new[] { -1, 2 }, 1, "InvalidShape")]
    [InlineData(new[] { 3, 4, 2 }, 3, "ActivationCountMismatch")]
    [InlineData(new[] { 3, 4, 4, 2 }, 2, "ActivationCountMismatch")]
    [InlineData(new[] { 10_000, 10_000, 10_000 }, 1, "NetworkTooLarge")]
    public void CreateRefusesABadShapeOrActivationCount(int[] shape, int activationCount, string errorId)
    {
        var activations = Enumerable.Repeat(ActivationCatalog.Create("ReLU"), activationCount).ToArray();

        Assert.Equal(errorId, Assert.Throws<NeuronToolsException>(() => NeuronNetwork.Create(shape, activations)).ErrorId);
    }

    [Fact]
    public void EachLayerOfASeededNetworkDrawsWithItsOwnDerivedSeed()
    {
        var relu = new[] { ActivationCatalog.Create("ReLU") };
        var network = NeuronNetwork.Create(new[] { 3, 3, 3 }, relu, Initialization.HeNormal, seed: 42);
        var again = NeuronNetwork.Create(new[] { 3, 3, 3 }, relu, Initialization.HeNormal, seed: 42);
        var other = NeuronNetwork.Create(new[] { 3, 3, 3 }, relu, Initialization.HeNormal, seed: 43);

        Assert.Equal(Weights(network), Weights(again));
        Assert.NotEqual(Weights(network), Weights(other));
        Assert.NotEqual(network.Layers[0].Weight.SelectMany(r => r), network.Layers[1].Weight.SelectMany(r => r));
        for (int k = 0; k < 2; k++)
        {
            var alone = NeuronLayer.Create(3, 3, null, Initialization.HeNormal, NeuronNetwork.LayerSeed(42, k));
            Assert.Equal(alone.Weight.SelectMany(r => r), network.Layers[k].Weight.SelectMany(r => r));
        }
    }

    [Fact]
    public void LayerSeedsAreDistinctAndPinned()
    {
        var seeds = Enumerable.Range(0, 1000).Select(k => NeuronNetwork.LayerSeed(7, k)).ToArray();

        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.DoesNotContain(7, seeds.Take(10));
        Assert.NotEqual(NeuronNetwork.LayerSeed(7, 0), NeuronNetwork.LayerSeed(8, 0));
        // SplitMix64 on (seed << 32 | index): a change here changes every seeded network.
        Assert.Equal(new[] { PinnedLayerSeed42Index0, PinnedLayerSeed42Index1 }, new[] { NeuronNetwork.LayerSeed(42, 0), NeuronNetwork.LayerSeed(42, 1) });
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void AnInputOfTheWrongLengthIsInputCountMismatch(int length)
    {
        var error = Assert.Throws<NeuronToolsException>(() => ArticleNetwork().Evaluate(new double[length]));

        Assert.Equal("InputCountMismatch", error.ErrorId);
        Assert.Contains("network has 3 inputs", error.Message, StringComparison.Ordinal);
        Assert.Contains(length + " values", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ANonFiniteInputIsRefused(double bad)
    {
        var error = Assert.Throws<NeuronToolsException>(() => ArticleNetwork().Evaluate(new[] { 1.0, bad, 1.0 }));

        Assert.Equal("NonFiniteInput", error.ErrorId);
        Assert.Contains("position 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverflowInAHiddenLayerIsNonFiniteResultNamingTheLayer()
    {
        var identity = ActivationCatalog.Create("Identity");
        var network = new NeuronNetwork(new[]
        {
            new NeuronLayer(new[] { new[] { 1.0 } }, activation: identity, name: "first"),
            new NeuronLayer(new[] { new[] { 1e300 } }, activation: identity, name: "second"),
        });

        var error = Assert.Throws<NeuronToolsException>(() => network.Evaluate(new[] { 1e10 }));

        Assert.Equal("NonFiniteResult", error.ErrorId);
        Assert.Contains("Layers[1] ('second')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateCopiesItsInputAndTheOutputsCannotBeChanged()
    {
        var input = new[] { 5.0, 3.0, 1.0 };
        var result = ArticleNetwork().Evaluate(input);
        input[0] = 100;

        Assert.Equal(5.0, result.Input[0]);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)result.Output)[0] = 1);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)result.Layer[0].Output)[0] = 1);
    }

    [Fact]
    public void TheForwardPassIntoReusedBuffersGivesWhatEvaluateGives()
    {
        var network = NeuronNetwork.Create(new[] { 3, 5, 2 }, new[] { ActivationCatalog.Create("Tanh") }, Initialization.XavierUniform, seed: 8);
        var buffers = new ForwardBuffers(network);
        var inputs = new[] { new[] { 1.0, 2.0, 3.0 }, new[] { -0.5, 0.25, 9.0 } };

        foreach (var input in inputs)
        {
            network.Forward(input, buffers);
            var expected = network.Evaluate(input);
            for (int k = 0; k < network.Layers.Count; k++)
            {
                Assert.Equal(Bits(expected.Layer[k].PreActivation), Bits(buffers.PreActivation[k]));
                Assert.Equal(Bits(expected.Layer[k].Output), Bits(buffers.Output[k]));
                Assert.Equal(Bits(expected.Layer[k].Derivative!), Bits(buffers.Derivative[k]));
            }
        }
    }

    [Fact]
    public void WithLayersKeepsTheNameAndInputNamesAndChecksTheShapes()
    {
        var network = new NeuronNetwork(ArticleNetwork().Layers, "n", new[] { "a", "b", "c" });
        var first = network.Layers[0].WithParameters(new[] { new[] { 1.0, 1.0, 1.0 }, new[] { 0.0, 0.0, 0.0 } }, new[] { 0.0, 0.0 });

        var updated = network.WithLayers(new[] { first, network.Layers[1] });

        Assert.Equal("n", updated.Name);
        Assert.Equal(new[] { "a", "b", "c" }, updated.InputName!);
        Assert.Same(network.Layers[1], updated.Layers[1]);
        Assert.Equal(new[] { 9.0, 0.0 }, updated.Evaluate(new[] { 5.0, 3.0, 1.0 }).Layer[0].Output);
        Assert.Equal("LayerShapeMismatch", Assert.Throws<NeuronToolsException>(() => network.WithLayers(new[] { first, NeuronLayer.Create(3, 1) })).ErrorId);
    }

    [Theory]
    [InlineData(new[] { "a", "A", "b" }, "DuplicateInputName")]
    [InlineData(new[] { "a", "b" }, "InputNameCountMismatch")]
    [InlineData(new[] { "a", "", "b" }, "InvalidInputName")]
    public void InputNamesMustBeOnePerInputAndUnique(string[] names, string errorId)
    {
        Assert.Equal(errorId, Assert.Throws<NeuronToolsException>(() => new NeuronNetwork(ArticleNetwork().Layers, inputName: names)).ErrorId);
    }

    private static NeuronNetwork ArticleNetwork() => new(
        new[]
        {
            new NeuronLayer(new[] { new[] { 0.5, -1.0, 2.0 }, new[] { 1.0, 0.0, -1.0 } }, new[] { 0.5, 0.0 }, ActivationCatalog.Create("ReLU"), "hidden"),
            new NeuronLayer(new[] { new[] { 1.0, -2.0 } }, new[] { 0.25 }, ActivationCatalog.Create("Sigmoid"), "output"),
        },
        "article");

    private static double[] Weights(NeuronNetwork network) => network.Layers.SelectMany(l => l.Weight.SelectMany(r => r)).ToArray();

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static long[] Bits(IEnumerable<double> values) => values.Select(Bits).ToArray();

    private static TheoryData<string, int> Rows(Func<ReferenceRow, bool> keep)
    {
        var data = new TheoryData<string, int>();
        foreach (var row in Table.Value.Where(keep))
        {
            data.Add(row.Case, row.Number);
        }

        return data;
    }

    /// <summary>
    /// Compares every layer with PyTorch. The two sides sum in different orders (nn.Linear calls BLAS), so
    /// each pre-activation may differ by the rounding of an n-term sum, (n + 2)·ε·(Σ|w·x| + |b|), plus the
    /// difference carried in from the previous layer through the weights; each output by the activation's
    /// slope (at most 2 here) times that, plus 8 ulp for the activation itself (and, for a vector activation,
    /// 4ε·max|a| for its internal shift by the largest pre-activation). A transposed matrix, a wrong bias or
    /// a wrong activation is off by far more.
    /// </summary>
    private static void AssertMatchesPyTorch(string network, int number)
    {
        var row = Table.Value.Single(r => r.Case == network && r.Number == number);
        var layers = row.Weight.Select((w, k) => new NeuronLayer(w, row.Bias[k], ActivationCatalog.Create(row.Activation[k]))).ToArray();
        var result = new NeuronNetwork(layers).Evaluate(row.Input);
        const double Epsilon = 2.220446049250313e-16;

        var carried = new double[row.Input.Length];
        for (int k = 0; k < layers.Length; k++)
        {
            var layer = result.Layer[k];
            var preBound = new double[layers[k].NeuronCount];
            for (int j = 0; j < preBound.Length; j++)
            {
                double magnitude = Math.Abs(row.Bias[k][j]);
                double propagated = 0;
                for (int i = 0; i < layer.Input.Count; i++)
                {
                    magnitude += Math.Abs(row.Weight[k][j][i] * layer.Input[i]);
                    propagated += Math.Abs(row.Weight[k][j][i]) * carried[i];
                }

                preBound[j] = ((layer.Input.Count + 2) * Epsilon * magnitude) + propagated;
                Assert.True(
                    Math.Abs(layer.PreActivation[j] - row.Pre[k][j]) <= preBound[j],
                    Invariant($"{network} row {number}: Layers[{k}] a[{j}] = {layer.PreActivation[j]:R}, PyTorch {row.Pre[k][j]:R}, allowed {preBound[j]:R}"));
            }

            bool isVector = layers[k].Activation.IsVector;
            double vectorShift = isVector ? 4 * Epsilon * layer.PreActivation.Max(Math.Abs) : 0;
            carried = new double[preBound.Length];
            for (int j = 0; j < carried.Length; j++)
            {
                double fromInput = 2 * (isVector ? preBound.Max() : preBound[j]);
                carried[j] = fromInput + (8 * Epsilon * Math.Abs(row.Output[k][j])) + vectorShift + double.Epsilon;
                Assert.True(
                    Math.Abs(layer.Output[j] - row.Output[k][j]) <= carried[j],
                    Invariant($"{network} row {number}: Layers[{k}] z[{j}] = {layer.Output[j]:R}, PyTorch {row.Output[k][j]:R}, allowed {carried[j]:R}"));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static readonly int PinnedLayerSeed42Index0 = 1422671178;
    private static readonly int PinnedLayerSeed42Index1 = 163628348;

    /// <summary>One row of tests/Reference/networks.tsv (see generate_networks.py for the columns).</summary>
    private sealed class ReferenceRow
    {
        public string Case { get; private set; } = "";

        public int Number { get; private set; }

        public string[] Activation { get; private set; } = Array.Empty<string>();

        public double[][][] Weight { get; private set; } = Array.Empty<double[][]>();

        public double[][] Bias { get; private set; } = Array.Empty<double[]>();

        public double[] Input { get; private set; } = Array.Empty<double>();

        public double[][] Pre { get; private set; } = Array.Empty<double[]>();

        public double[][] Output { get; private set; } = Array.Empty<double[]>();

        public static ReferenceRow[] ReadAll()
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Reference", "networks.tsv");
            var rows = new List<ReferenceRow>();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
            {
                string[] column = line.Split('\t');
                counts[column[0]] = counts.TryGetValue(column[0], out int n) ? n + 1 : 0;
                rows.Add(new ReferenceRow
                {
                    Case = column[0],
                    Number = counts[column[0]],
                    Activation = column[1].Split('|'),
                    Weight = column[2].Split('|').Select(layer => layer.Split(';').Select(Vector).ToArray()).ToArray(),
                    Bias = column[3].Split('|').Select(Vector).ToArray(),
                    Input = Vector(column[4]),
                    Pre = column[5].Split('|').Select(Vector).ToArray(),
                    Output = column[6].Split('|').Select(Vector).ToArray(),
                });
            }

            return rows.ToArray();
        }

        private static double[] Vector(string text) =>
            text.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
    }
}
