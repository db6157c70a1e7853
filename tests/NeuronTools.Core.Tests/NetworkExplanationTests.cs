using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using NeuronTools.Rendering;
using Xunit;

namespace NeuronTools.Tests;

public class NetworkExplanationTests
{
    private static readonly double[] s_input = { 5.0, 3.0, 1.0 };

    /// <summary>The README's network: the article's neuron and another in a hidden layer, then a Sigmoid output layer.</summary>
    private static NeuronNetwork Demo()
    {
        var hidden = new NeuronLayer(new[] { new[] { 0.5, -1.0, 2.0 }, new[] { 1.0, 0.0, -1.0 } }, new[] { 0.5, 0.0 }, ActivationCatalog.Create("ReLU"), "hidden");
        var output = new NeuronLayer(new[] { new[] { 1.0, -2.0 }, new[] { -1.0, 1.0 } }, new[] { 0.25, 0.0 }, ActivationCatalog.Create("Sigmoid"), "output");
        return new NeuronNetwork(new[] { hidden, output }, "demo");
    }

    /// <summary>Ten inputs, a hidden layer of sixteen and a Softmax layer of three: too large to spell out every sum.</summary>
    private static NeuronNetwork Wide() =>
        NeuronNetwork.Create(new[] { 10, 16, 3 }, new[] { ActivationCatalog.Create("Tanh"), ActivationCatalog.Create("Softmax") }, Initialization.XavierUniform, seed: 7, name: "wide");

    private static double[] WideInput() => Enumerable.Range(1, 10).Select(i => i / 7.0).ToArray();

    [Theory]
    [InlineData("network-demo-unicode", true)]
    [InlineData("network-demo-ascii", false)]
    public void WithoutAnInputTheNetworkIsItsDiagramWeightsAndFormulas(string expected, bool unicode)
    {
        ExpectedOutput.Match(expected, NetworkExplanation.Explain(Demo(), null, ExplanationFormat.Text, unicode));
    }

    [Theory]
    [InlineData("network-demo-steps-unicode", true)]
    [InlineData("network-demo-steps-ascii", false)]
    public void WithAnInputEveryLayerShowsItsSteps(string expected, bool unicode)
    {
        ExpectedOutput.Match(expected, NetworkExplanation.Explain(Demo(), s_input, ExplanationFormat.Text, unicode));
    }

    [Theory]
    [InlineData("network-demo-steps-markdown", ExplanationFormat.Markdown, true)]
    [InlineData("network-demo-steps-latex", ExplanationFormat.LaTeX, true)]
    [InlineData("network-demo-latex", ExplanationFormat.LaTeX, false)]
    public void TheStepsPasteIntoMarkdownAndLaTeX(string expected, ExplanationFormat format, bool withInput)
    {
        ExpectedOutput.Match(expected, NetworkExplanation.Explain(Demo(), withInput ? s_input : null, format, unicode: true));
    }

    [Fact]
    public void AWideLayerIsShownAsVectorsWithTheMiddleLeftOut()
    {
        var lines = NetworkExplanation.Explain(Wide(), WideInput(), ExplanationFormat.Text, unicode: true);

        ExpectedOutput.Match("network-wide-steps-unicode", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("a1 = ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(" ╭─ Layer 1 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("● ● ● ⋯ ● ● ●", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAnInputAWideLayerGivesTheShapeOfItsWeights()
    {
        var lines = NetworkExplanation.Explain(Wide(), null, ExplanationFormat.Text, unicode: false);

        ExpectedOutput.Match("network-wide-ascii", lines);
        Assert.Contains("a^(1) = W^(1)*x + b^(1), with W^(1) of 16 rows by 10 columns", lines);
    }

    [Fact]
    public void AVectorActivationHasNoDerivativeLine()
    {
        var lines = NetworkExplanation.Explain(Wide(), WideInput(), ExplanationFormat.Text, unicode: false);

        Assert.Contains(lines, l => l.StartsWith("tanh'(a^(1)) = (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("z^(2) = softmax(a^(2)) = (", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("softmax'(", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { 1, 1 })]
    [InlineData(new[] { 4, 4, 4 })]
    [InlineData(new[] { 5, 4 })]
    [InlineData(new[] { 3, 9, 2 })]
    [InlineData(new[] { 40, 300, 64, 10 })]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 })]
    public void EveryLineFitsEightyColumnsWhateverTheShape(int[] shape)
    {
        var activations = new[] { ActivationCatalog.Create("LeakyReLU(negative_slope=0.30000000000000004)") };
        var network = NeuronNetwork.Create(shape, activations, Initialization.Uniform, seed: 3, name: new string('n', 40))
            .WithLayers(NeuronNetwork.Create(shape, activations, Initialization.Uniform, seed: 3).Layers.Select((l, k) => NeuronLayer.FromOwned(l.WeightRows, l.BiasValues.Select(_ => -1.0 / 3.0).ToArray(), l.Activation, "a-rather-long-layer-name-" + k)));
        var input = Enumerable.Repeat(-1.0 / 3.0, shape[0]).ToArray();

        foreach (bool unicode in new[] { true, false })
        {
            foreach (var lines in new[] { NetworkExplanation.Explain(network, null, ExplanationFormat.Text, unicode), NetworkExplanation.Explain(network, input, ExplanationFormat.Text, unicode) })
            {
                Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
            }
        }
    }

    [Fact]
    public void AsciiTextAndLaTeXHaveNoCharacterAbove127()
    {
        var lines = NetworkExplanation.Explain(Demo(), s_input, ExplanationFormat.Text, unicode: false)
            .Concat(NetworkExplanation.Explain(Demo(), null, ExplanationFormat.Text, unicode: false))
            .Concat(NetworkExplanation.Explain(Wide(), WideInput(), ExplanationFormat.Text, unicode: false))
            .Concat(NetworkExplanation.Explain(Wide(), WideInput(), ExplanationFormat.LaTeX, unicode: true));

        Assert.All(lines, line => Assert.True(line.All(c => c < 128), line));
    }

    [Fact]
    public void TheStepsShowTheSameDoublesAsEvaluateToTheLastBit()
    {
        var hidden = new NeuronLayer(new[] { new[] { 0.1, 0.2 }, new[] { 0.3, -0.7 } }, new[] { 0.3, 0.1 }, ActivationCatalog.Create("Sigmoid"));
        var network = new NeuronNetwork(new[] { hidden, new NeuronLayer(new[] { new[] { 1.1, -0.9 } }, new[] { 0.2 }, ActivationCatalog.Create("Tanh")) });
        var output = network.Evaluate(new[] { 3.0, 7.0 });
        static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        var lines = NetworkExplanation.Explain(network, new[] { 3.0, 7.0 }, ExplanationFormat.Text, unicode: false, width: 1000);

        Assert.Contains("a1 = 3 * 0.1 + 7 * 0.2 + 0.3 = 0.30000000000000004 + 1.4000000000000001 + 0.3 = " + R(output.Layer[0].PreActivation[0]), lines);
        Assert.Contains("z^(1) = sigmoid(a^(1)) = (sigmoid(" + R(output.Layer[0].PreActivation[0]) + "), sigmoid(" + R(output.Layer[0].PreActivation[1]) + ")) = (" + R(output.Layer[0].Output[0]) + ", " + R(output.Layer[0].Output[1]) + ")", lines);
        Assert.Contains("x = z^(1) = (" + R(output.Layer[0].Output[0]) + ", " + R(output.Layer[0].Output[1]) + ")", lines);
        Assert.Contains("z = z^(2) = (" + R(output.Output[0]) + ")", lines);
        Assert.Contains("tanh'(a^(2)) = (tanh'(" + R(output.Layer[1].PreActivation[0]) + ")) = (" + R(output.Layer[1].Derivative![0]) + ")", lines);
    }

    [Fact]
    public void TheExplanationEndsWithTheOutputAndThePredictedIndex()
    {
        var lines = NetworkExplanation.Explain(Demo(), s_input, ExplanationFormat.Text, unicode: true);
        var output = Demo().Evaluate(s_input);

        Assert.Equal(1, output.PredictedIndex);
        Assert.Contains("PredictedIndex = 1: z2 = " + output.Output[1].ToString("R", CultureInfo.InvariantCulture) + " is the largest output", lines);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    public void TheTextIsTheSameInEveryCulture(string culture)
    {
        var invariant = Explain();
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new CultureInfo(culture);
            Assert.Equal(invariant, Explain());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }

        static string[] Explain() => NetworkExplanation.Explain(Demo(), new[] { -2.5, 1e-5, 1234567.5 }, ExplanationFormat.Text, true)
            .Concat(NetworkExplanation.Explain(Wide(), WideInput(), ExplanationFormat.Markdown, true)).ToArray();
    }

    [Fact]
    public void AnInputOfTheWrongLengthIsTheNetworksInputCountMismatch()
    {
        var error = Assert.Throws<NeuronToolsException>(() => NetworkExplanation.Explain(Demo(), new[] { 1.0 }, ExplanationFormat.Text, true));

        Assert.Equal("InputCountMismatch", error.ErrorId);
    }
}
