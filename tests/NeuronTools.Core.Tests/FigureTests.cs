using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using NeuronTools.Rendering;
using Xunit;

namespace NeuronTools.Tests;

public class FigureTests
{
    private static readonly XNamespace s_svg = SvgDocument.Namespace;

    private static double D(XElement element, string attribute) => double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static XElement[] WithClass(XDocument svg, string name) =>
        svg.Descendants().Where(e => (e.Attribute("class")?.Value ?? string.Empty).Split(' ').Contains(name)).ToArray();

    private static Neuron Article(string activation = "ReLU") => new(new[] { 0.5, -1, 2 }, 0.5, ActivationCatalog.CreateScalar(activation), "article");

    [Fact]
    public void TheNeuronFigureIsAStandaloneSvgWithAnInputAndAPipePerWeight()
    {
        var svg = XDocument.Parse(NeuronFigure.Render(Article(), null, NumberRule.Rounded));

        Assert.Equal(s_svg + "svg", svg.Root!.Name);
        Assert.Equal("Neuron 'article': 3 inputs, activation ReLU", svg.Root.Element(s_svg + "title")!.Value);
        Assert.Equal(new[] { "1", "2", "3" }, WithClass(svg, "input").Select(e => e.Attribute("data-index")!.Value));
        Assert.Equal(new[] { "w1 = 0.5", "w2 = -1", "w3 = 2" }, WithClass(svg, "weight-label").Select(e => e.Value));
        Assert.Single(WithClass(svg, "sum"));
        Assert.Single(WithClass(svg, "output"));
        Assert.Empty(WithClass(svg, "point"));
        Assert.Empty(WithClass(svg, "weighted-input-label"));
    }

    [Theory]
    [InlineData(0.5, "#1f77b4")]
    [InlineData(-1, "#f28e2b")]
    [InlineData(2, "#1f77b4")]
    public void EachPipeIsColouredByItsSignAndAsWideAsItsWeightIsLarge(double weight, string colour)
    {
        var svg = XDocument.Parse(NeuronFigure.Render(Article(), null, NumberRule.Rounded));
        var pipe = WithClass(svg, "pipe").Single(p => D(p, "data-weight") == weight);

        Assert.Equal(colour, pipe.Attribute("stroke")!.Value);
        double expected = WeightStyle.ThinnestWidth + ((WeightStyle.WidestWidth - WeightStyle.ThinnestWidth) * Math.Abs(weight) / 2);
        Assert.Equal(expected, D(pipe, "stroke-width"), 2);
    }

    [Fact]
    public void AZeroWeightIsAThinGreyPipe()
    {
        var neuron = new Neuron(new[] { 0.0, 3 }, 0);
        var pipe = WithClass(XDocument.Parse(NeuronFigure.Render(neuron, null, NumberRule.Rounded)), "pipe").First();

        Assert.Equal(WeightStyle.Zero, pipe.Attribute("stroke")!.Value);
        Assert.Equal(WeightStyle.ThinnestWidth, D(pipe, "stroke-width"));
    }

    [Theory]
    [InlineData("ReLU", 5, 3, 1)]
    [InlineData("ReLU", 1, 4, 0)]
    [InlineData("Sigmoid", 5, 3, 1)]
    [InlineData("Tanh", 0.1, 0.2, -0.3)]
    [InlineData("ReLU", 100, -20, 7)]
    public void TheCurvePointSitsAtAAndZInThePlotOfTheActivation(string activation, double x1, double x2, double x3)
    {
        var neuron = Article(activation);
        var output = neuron.Evaluate(new[] { x1, x2, x3 });
        var svg = XDocument.Parse(NeuronFigure.Render(neuron, output, NumberRule.Rounded));
        var box = WithClass(svg, "activation").Single();
        var area = box.Descendants().Single(e => e.Attribute("class")?.Value == "plot-area");
        var point = WithClass(svg, "point").Single();

        double a = D(area, "data-x-min") + ((D(point, "cx") - D(area, "x")) / D(area, "width") * (D(area, "data-x-max") - D(area, "data-x-min")));
        double z = D(area, "data-y-max") - ((D(point, "cy") - D(area, "y")) / D(area, "height") * (D(area, "data-y-max") - D(area, "data-y-min")));
        double xTolerance = (D(area, "data-x-max") - D(area, "data-x-min")) * 0.01 / D(area, "width");
        double yTolerance = (D(area, "data-y-max") - D(area, "data-y-min")) * 0.01 / D(area, "height");
        Assert.InRange(a, output.PreActivation - xTolerance, output.PreActivation + xTolerance);
        Assert.InRange(z, output.Output - yTolerance, output.Output + yTolerance);
        Assert.Equal(output.PreActivation, D(point, "data-a"));
        Assert.Equal(output.Output, D(point, "data-z"));

        // The point lies on the drawn curve: the curve's y at the point's x is the point's y.
        var curve = box.Descendants().Single(e => e.Attribute("class")?.Value == "curve").Attribute("points")!.Value
            .Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var right = curve.First(p => p[0] >= D(point, "cx"));
        var left = curve.Last(p => p[0] <= D(point, "cx"));
        double curveY = right[0] == left[0] ? left[1] : left[1] + ((right[1] - left[1]) * (D(point, "cx") - left[0]) / (right[0] - left[0]));
        Assert.InRange(D(point, "cy"), curveY - 1.5, curveY + 1.5);
    }

    [Fact]
    public void WithAnInputTheFigureLabelsValuesWeightedInputsAAndZWithOneRoundingRule()
    {
        var neuron = Article();
        var output = neuron.Evaluate(new[] { 0.1, 1.09, 0 });
        var svg = XDocument.Parse(NeuronFigure.Render(neuron, output, NumberRule.Rounded));

        Assert.Equal(new[] { "= 0.1", "= 1.09", "= 0" }, WithClass(svg, "input-value").Select(e => e.Value));
        Assert.Equal(new[] { "w1·x1 = 0.05", "w2·x2 = -1.09", "w3·x3 = 0" }, WithClass(svg, "weighted-input-label").Select(e => e.Value));
        Assert.Equal("a = -0.54", WithClass(svg, "pre-activation-label").Single().Value);
        Assert.Equal("(a, z) = (" + NumberText.Exact(output.PreActivation) + ", 0)", WithClass(svg, "point").Single().Element(s_svg + "title")!.Value);
    }

    [Fact]
    public void AWideNeuronShowsItsFirstAndLastThreeInputs()
    {
        var neuron = new Neuron(Enumerable.Range(1, 20).Select(i => (double)i), 0);
        var svg = XDocument.Parse(NeuronFigure.Render(neuron, null, NumberRule.Rounded));

        Assert.Equal(new[] { "1", "2", "3", "18", "19", "20" }, WithClass(svg, "input").Select(e => e.Attribute("data-index")!.Value));
        Assert.Equal("⋮ 14 more inputs", WithClass(svg, "more-inputs").Single().Value);
    }

    private static NeuronNetwork Demo()
    {
        var hidden = new NeuronLayer(new[] { new[] { 0.5, -1, 2 }, new[] { 1.0, 0, -1 } }, new[] { 0.5, 0 }, null, "hidden");
        var output = new NeuronLayer(new[] { new[] { 1.0, -2 }, new[] { -1.0, 1 } }, new[] { 0.25, 0 }, ActivationCatalog.Create("Sigmoid"), "output");
        return new NeuronNetwork(new[] { hidden, output }, "demo");
    }

    [Theory]
    [InlineData(new[] { 2, 3, 1 })]
    [InlineData(new[] { 3, 2, 2 })]
    [InlineData(new[] { 4, 8, 5, 3 })]
    public void TheNetworkFigureHasANodePerNeuronAndAnEdgePerWeight(int[] shape)
    {
        var network = NeuronNetwork.Create(shape, shape.Skip(1).Select(_ => ActivationCatalog.Create("Tanh")).ToArray(), seed: 3);
        var svg = XDocument.Parse(NetworkFigure.Render(network, null, NumberRule.Rounded));

        Assert.Equal(shape[0], WithClass(svg, "input").Length);
        Assert.Equal(shape.Skip(1).Sum(), WithClass(svg, "neuron").Length);
        Assert.Equal(shape[shape.Length - 1], WithClass(svg, "output").Length);
        var edges = WithClass(svg, "edge");
        Assert.Equal(Enumerable.Range(1, shape.Length - 1).Sum(l => shape[l] * shape[l - 1]), edges.Length);
        double largest = network.Layers.SelectMany(l => l.Weight.SelectMany(w => w).Concat(l.Bias)).Max(Math.Abs);
        foreach (var edge in edges)
        {
            int layer = int.Parse(edge.Attribute("data-layer")!.Value, CultureInfo.InvariantCulture) - 1;
            int neuron = int.Parse(edge.Attribute("data-neuron")!.Value, CultureInfo.InvariantCulture) - 1;
            int input = int.Parse(edge.Attribute("data-input")!.Value, CultureInfo.InvariantCulture) - 1;
            double weight = network.Layers[layer].Weight[neuron][input];
            Assert.Equal(weight, D(edge, "data-weight"));
            Assert.Equal(WeightStyle.Colour(weight), edge.Attribute("stroke")!.Value);
            Assert.Equal(WeightStyle.ThinnestWidth + ((WeightStyle.WidestWidth - WeightStyle.ThinnestWidth) * Math.Abs(weight) / largest), D(edge, "stroke-width"), 2);
            Assert.Contains("w = " + NumberText.Exact(weight), edge.Element(s_svg + "title")!.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EdgesJoinTheNodesTheyNameAndCarryTheirColour()
    {
        var svg = XDocument.Parse(NetworkFigure.Render(Demo(), null, NumberRule.Rounded));
        var edge = WithClass(svg, "edge").Single(e => e.Attribute("data-layer")!.Value == "2" && e.Attribute("data-neuron")!.Value == "1" && e.Attribute("data-input")!.Value == "2");
        XElement Circle(string layer, string index) => WithClass(svg, "node").Single(n => n.Attribute("data-layer")!.Value == layer && n.Attribute("data-index")!.Value == index).Element(s_svg + "circle")!;

        Assert.Equal(-2, D(edge, "data-weight"));
        Assert.Equal(WeightStyle.Negative, edge.Attribute("stroke")!.Value);
        Assert.Equal(WeightStyle.WidestWidth, D(edge, "stroke-width"), 2);
        Assert.Equal(D(Circle("1", "2"), "cy"), D(edge, "y1"), 2);
        Assert.Equal(D(Circle("2", "1"), "cy"), D(edge, "y2"), 2);
        Assert.True(D(edge, "x1") > D(Circle("1", "2"), "cx") && D(edge, "x2") < D(Circle("2", "1"), "cx"));
    }

    [Fact]
    public void WithAnInputEachNodeShowsItsValueAndTheHoverTheExactNumbers()
    {
        var network = Demo();
        var output = network.Evaluate(new[] { 5.0, 3, 1 });
        var svg = XDocument.Parse(NetworkFigure.Render(network, output, NumberRule.Rounded));

        Assert.Equal(new[] { "5", "3", "1", "2", "4", "0.00317", "0.881" }, WithClass(svg, "node-value").Select(e => e.Value));
        Assert.Equal(new[] { "z1 = 0.00317268", "z2 = 0.880797" }, WithClass(svg, "output-label").Select(e => e.Value));
        var last = WithClass(svg, "output").Last();
        Assert.Contains("z = " + NumberText.Exact(output.Output[1]), last.Element(s_svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal("0", last.Attribute("data-bias")!.Value);
    }
}
