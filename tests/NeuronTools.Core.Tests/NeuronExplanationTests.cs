using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using NeuronTools.Rendering;
using Xunit;

namespace NeuronTools.Tests;

public class NeuronExplanationTests
{
    private static Neuron Article(string activation = "ReLU") =>
        new(new[] { 0.5, -1.0, 2.0 }, 0.5, ActivationCatalog.CreateScalar(activation), "article");

    private static Neuron Wide(int inputs) =>
        new(Enumerable.Range(1, inputs).Select(i => i % 2 == 0 ? -0.1 * i : 0.1 * i), -0.25, ActivationCatalog.CreateScalar("Sigmoid"));

    [Theory]
    [InlineData("neuron-article-unicode", true)]
    [InlineData("neuron-article-ascii", false)]
    public void TheArticlesNeuronWithoutInputIsItsDiagramAndFormulas(string expected, bool unicode)
    {
        ExpectedOutput.Match(expected, NeuronExplanation.Explain(Article(), null, ExplanationFormat.Text, unicode));
    }

    [Theory]
    [InlineData("neuron-article-steps-unicode", true)]
    [InlineData("neuron-article-steps-ascii", false)]
    public void TheArticlesNeuronWithAnInputShowsEveryStep(string expected, bool unicode)
    {
        ExpectedOutput.Match(expected, NeuronExplanation.Explain(Article(), new[] { 5.0, 3.0, 1.0 }, ExplanationFormat.Text, unicode));
    }

    [Theory]
    [InlineData("neuron-article-steps-markdown", ExplanationFormat.Markdown)]
    [InlineData("neuron-article-steps-latex", ExplanationFormat.LaTeX)]
    public void TheStepsPasteIntoMarkdownAndLaTeX(string expected, ExplanationFormat format)
    {
        ExpectedOutput.Match(expected, NeuronExplanation.Explain(Article(), new[] { 5.0, 3.0, 1.0 }, format, unicode: true));
    }

    [Theory]
    [InlineData("neuron-article-markdown", ExplanationFormat.Markdown)]
    [InlineData("neuron-article-latex", ExplanationFormat.LaTeX)]
    public void TheFormulasPasteIntoMarkdownAndLaTeX(string expected, ExplanationFormat format)
    {
        ExpectedOutput.Match(expected, NeuronExplanation.Explain(Article(), null, format, unicode: true));
    }

    [Fact]
    public void ANeuronWithTwelveInputsShowsTheFirstAndLastThreeAndWrapsTheSum()
    {
        var neuron = Wide(12);
        var input = Enumerable.Range(1, 12).Select(i => i / 3.0).ToArray();

        ExpectedOutput.Match("neuron-wide-steps-unicode", NeuronExplanation.Explain(neuron, input, ExplanationFormat.Text, unicode: true));
    }

    [Fact]
    public void ANamedInputLeakyReluNeuronShowsItsNamesAndParameter()
    {
        var neuron = new Neuron(new[] { 0.25, -2.0 }, 1.0, ActivationCatalog.CreateScalar("LeakyReLU(negative_slope=0.2)"), null, new[] { "cpu", "memory" });

        ExpectedOutput.Match("neuron-named-leakyrelu-ascii", NeuronExplanation.Explain(neuron, new[] { 80.0, 64.0 }, ExplanationFormat.Text, unicode: false));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void EveryLineFitsEightyColumnsWhateverTheInputCount(int inputs)
    {
        var neuron = new Neuron(Enumerable.Repeat(-0.30000000000000004, inputs), 1e-300, ActivationCatalog.CreateScalar("Tanh"), new string('n', 30), Enumerable.Range(1, inputs).Select(i => "a-rather-long-input-name-" + i));
        var input = Enumerable.Repeat(-1.0 / 3.0, inputs).ToArray();

        foreach (bool unicode in new[] { true, false })
        {
            foreach (var lines in new[] { NeuronExplanation.Explain(neuron, null, ExplanationFormat.Text, unicode), NeuronExplanation.Explain(neuron, input, ExplanationFormat.Text, unicode) })
            {
                Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
            }
        }
    }

    [Fact]
    public void AsciiTextHasNoCharacterAbove127()
    {
        var lines = NeuronExplanation.Explain(Article("Sigmoid"), new[] { 5.0, 3.0, 1.0 }, ExplanationFormat.Text, unicode: false)
            .Concat(NeuronExplanation.Explain(Wide(12), null, ExplanationFormat.Text, unicode: false))
            .Concat(NeuronExplanation.Explain(Article("Tanh"), null, ExplanationFormat.LaTeX, unicode: true));

        Assert.All(lines, line => Assert.True(line.All(c => c < 128), line));
    }

    [Fact]
    public void TheStepsShowTheSameDoublesAsEvaluateToTheLastBit()
    {
        var neuron = new Neuron(new[] { 0.1, 0.2 }, 0.3, ActivationCatalog.CreateScalar("Sigmoid"));
        var output = neuron.Evaluate(new[] { 3.0, 7.0 });

        var lines = NeuronExplanation.Explain(neuron, new[] { 3.0, 7.0 }, ExplanationFormat.Text, unicode: false);

        Assert.Contains("w_out1 = x1 * w1 = 3 * 0.1 = 0.30000000000000004", lines);
        string a = output.PreActivation.ToString("R", CultureInfo.InvariantCulture);
        Assert.Contains(lines, l => l.StartsWith("a = w_out1 + w_out2 + b = 0.30000000000000004 + 1.4000000000000001 + 0.3 = " + a, StringComparison.Ordinal));
        Assert.Contains("z = sigmoid(a) = sigmoid(" + a + ") = " + output.Output.ToString("R", CultureInfo.InvariantCulture), lines);
        Assert.Equal(output.Output, double.Parse(lines.Single(l => l.StartsWith("z = ", StringComparison.Ordinal)).Split(" = ").Last(), CultureInfo.InvariantCulture));
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

        static string[] Explain() => NeuronExplanation.Explain(Article("LeakyReLU(negative_slope=0.25)"), new[] { -2.5, 1e-5, 1234567.5 }, ExplanationFormat.Text, true)
            .Concat(NeuronExplanation.Explain(Article(), new[] { -2.5, 1e-5, 1234567.5 }, ExplanationFormat.LaTeX, true)).ToArray();
    }

    [Fact]
    public void AnInputOfTheWrongLengthIsTheNeuronsInputCountMismatch()
    {
        var error = Assert.Throws<NeuronToolsException>(() => NeuronExplanation.Explain(Article(), new[] { 1.0 }, ExplanationFormat.Text, true));

        Assert.Equal("InputCountMismatch", error.ErrorId);
    }
}
