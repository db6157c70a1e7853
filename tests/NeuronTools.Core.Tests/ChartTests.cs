using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using NeuronTools.Rendering;
using Xunit;

namespace NeuronTools.Tests;

public class ChartTests
{
    private static Chart Activations(string[] names, bool derivative, double minimum = -5, double maximum = 5) =>
        ActivationChart.Create(names.Select(ActivationCatalog.Create).ToArray(), minimum, maximum, derivative);

    [Theory]
    [InlineData("chart-relu-ascii", new[] { "ReLU" }, false, false, false, 60, 16)]
    [InlineData("chart-relu-derivative-unicode", new[] { "ReLU" }, true, true, false, 72, 18)]
    [InlineData("chart-relu-derivative-colour", new[] { "ReLU" }, true, true, true, 72, 18)]
    [InlineData("chart-sigmoid-tanh-unicode", new[] { "Sigmoid", "Tanh" }, false, true, false, 80, 20)]
    [InlineData("chart-binarystep-leakyrelu-ascii", new[] { "BinaryStep", "LeakyReLU(negative_slope=0.2)" }, false, false, false, 64, 16)]
    public void ActivationChartsMatchTheirExpectedText(string expected, string[] names, bool derivative, bool unicode, bool colour, int width, int height)
    {
        var lines = TextChart.Render(Activations(names, derivative), new TextChartOptions(width, height, unicode, colour));

        ExpectedOutput.Match(expected, lines);
    }

    [Fact]
    public void AnySeriesOfPointsPlotsTheSameWayLikeALossPerEpoch()
    {
        var epochs = Enumerable.Range(1, 50).Select(e => (double)e).ToArray();
        var loss = epochs.Select(e => 2.0 * Math.Exp(-e / 8.0) + 0.05).ToArray();
        var chart = new Chart("Training loss", new[] { new ChartSeries("loss", epochs, loss) }, "epoch", "loss");

        ExpectedOutput.Match("chart-loss-ascii", TextChart.Render(chart, new TextChartOptions(60, 14, unicode: false, colour: false)));
    }

    [Theory]
    [InlineData(30, 8, new[] { "ReLU" })]
    [InlineData(40, 12, new[] { "Sigmoid", "ReLU", "Tanh" })]
    [InlineData(80, 24, new[] { "Sigmoid", "ReLU", "Tanh" })]
    [InlineData(133, 41, new[] { "Sigmoid", "ReLU", "Tanh" })]
    public void TheChartHasExactlyTheAskedSize(int width, int height, string[] names)
    {
        var lines = TextChart.Render(Activations(names, true), new TextChartOptions(width, height, true, false));

        Assert.Equal(height, lines.Count);
        Assert.All(lines, l => Assert.True(l.Length <= width, l));
    }

    [Fact]
    public void AsciiChartsUseNoCharacterAbove127()
    {
        var lines = TextChart.Render(Activations(new[] { "Sigmoid", "Tanh", "ReLU" }, true), new TextChartOptions(80, 20, false, false));

        Assert.All(lines, l => Assert.True(l.All(c => c < 128), l));
    }

    [Fact]
    public void ReluIsZeroLeftOfTheKinkAndRisesToTheTopRightCorner()
    {
        // ASCII, 1 x 3 dots per character: the bottom plot row is y = 0, the top one y = 5.
        var lines = TextChart.Render(Activations(new[] { "ReLU" }, false), new TextChartOptions(60, 16, false, false));
        int axisRow = lines.ToList().FindIndex(l => l.Contains("+-----", StringComparison.Ordinal));
        int plotLeft = lines[axisRow].IndexOf('+', StringComparison.Ordinal) + 1;
        string bottom = lines[axisRow - 1].PadRight(60);
        string top = lines[1].PadRight(60);

        int kink = plotLeft + ((60 - plotLeft - 1) / 2);
        Assert.All(Enumerable.Range(plotLeft, kink - plotLeft - 1), c => Assert.NotEqual(' ', bottom[c]));
        Assert.Equal(' ', bottom[58]);
        Assert.NotEqual(' ', top.TrimEnd()[^1]);
        Assert.StartsWith("5 +", lines[1].TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void SamplesIncludeBothEndsAndZero()
    {
        var x = ActivationChart.Sample(-1, 2, 4);

        Assert.Equal(new[] { -1.0, 0.0, 1.0, 2.0 }, x);
        Assert.Equal(new[] { -3.0, -1.25, 0.0, 0.5 }, ActivationChart.Sample(-3, 0.5, 3));
        Assert.Contains(0.0, ActivationChart.Sample(-1, 1.5, 10));
    }

    [Theory]
    [InlineData(1.0, 1.0, "does not have the minimum below the maximum")]
    [InlineData(2.0, -2.0, "does not have the minimum below the maximum")]
    [InlineData(double.NaN, 1.0, "is not a finite interval")]
    [InlineData(0.0, double.PositiveInfinity, "is not a finite interval")]
    [InlineData(-1.7e308, 1.7e308, "is too wide")]
    public void ARangeThatCannotBePlottedIsInvalidPlotRangeSayingWhy(double minimum, double maximum, string reason)
    {
        var error = Assert.Throws<NeuronToolsException>(() => ActivationChart.Create(new[] { ActivationCatalog.Create("ReLU") }, minimum, maximum, false));

        Assert.Equal("InvalidPlotRange", error.ErrorId);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AVectorActivationHasNoCurve()
    {
        var error = Assert.Throws<NeuronToolsException>(() => ActivationChart.Create(new ActivationFunction[] { new FakeSoftmax() }, -1, 1, false));

        Assert.Equal("VectorActivationNotPlottable", error.ErrorId);
        Assert.Contains("FakeSoftmax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATooSmallChartIsChartTooSmall()
    {
        Assert.Equal("ChartTooSmall", Assert.Throws<NeuronToolsException>(() => new TextChartOptions(29, 20, true, true)).ErrorId);
        Assert.Equal("ChartTooSmall", Assert.Throws<NeuronToolsException>(() => SvgChart.Render(Activations(new[] { "ReLU" }, false), 100, 100)).ErrorId);
    }

    [Theory]
    [InlineData(0.0, 5.0, 3, 0.0, 5.0, 1.0)]
    [InlineData(0.0, 9.0, 3, 0.0, 10.0, 2.0)]
    [InlineData(0.0, 5.0, 4, 0.0, 5.0, 1.0)]
    [InlineData(0.0066928509242848554, 0.9933071490757153, 4, 0.0, 1.0, 0.2)]
    [InlineData(-0.9999092042625951, 0.9999092042625951, 4, -1.0, 1.0, 0.5)]
    [InlineData(1.0, 1.0, 4, 0.4, 1.6, 0.2)]
    public void TheYAxisWidensToRoundTicks(double low, double high, int target, double minimum, double maximum, double step)
    {
        var axis = ChartAxis.Create(low, high, target, extend: true);

        Assert.Equal(minimum, axis.Minimum, 12);
        Assert.Equal(maximum, axis.Maximum, 12);
        Assert.Equal(step, axis.Step, 12);
        Assert.Equal(axis.Minimum, axis.Ticks[0], 12);
        Assert.Equal(axis.Maximum, axis.Ticks[^1], 12);
    }

    [Fact]
    public void TickLabelsAreRoundWhateverTheFloatingPointDrift()
    {
        var axis = ChartAxis.Create(0, 1, 10, extend: false);

        Assert.Equal(new[] { "0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0" }, axis.Ticks.Select(axis.Label));
    }

    [Theory]
    [InlineData("ReLU")]
    [InlineData("Sigmoid")]
    [InlineData("Tanh")]
    [InlineData("LeakyReLU(negative_slope=0.3)")]
    public void SvgCurvePointsMapBackToTheFunction(string name)
    {
        var function = ActivationCatalog.CreateScalar(name);
        var svg = XDocument.Parse(SvgChart.Render(Activations(new[] { name }, true, -4, 3), 800, 480));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var area = svg.Descendants(ns + "rect").Single(r => (string?)r.Attribute("class") == "plot-area");
        double D(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);
        double left = D(area, "x"), top = D(area, "y"), width = D(area, "width"), height = D(area, "height");
        double xMin = D(area, "data-x-min"), xMax = D(area, "data-x-max"), yMin = D(area, "data-y-min"), yMax = D(area, "data-y-max");

        var series = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "series").ToList();
        Assert.Equal(new[] { function.Specification, function.Specification + "′" }, series.Select(g => (string)g.Attribute("data-name")!));
        foreach (var (group, f) in series.Zip(new Func<double, double>[] { function.Value, function.Derivative }))
        {
            var points = group.Elements(ns + "polyline").SelectMany(p => ((string)p.Attribute("points")!).Split(' ')).Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
            Assert.True(points.Count >= ActivationChart.DefaultSampleCount, $"{points.Count} points");
            Assert.Equal(left, points[0][0], 2);
            Assert.Equal(left + width, points[^1][0], 2);
            foreach (var point in points)
            {
                double x = xMin + ((point[0] - left) / width * (xMax - xMin));
                double expectedPy = top + ((yMax - f(x)) / (yMax - yMin) * height);

                // Pixels are written to 0.01; at the kink a 0.005 px error in x may cross it, so compare with the ends of that interval too.
                double dx = 0.006 / width * (xMax - xMin);
                double nearest = new[] { x - dx, x, x + dx }.Select(v => Math.Abs(top + ((yMax - f(v)) / (yMax - yMin) * height) - point[1])).Min();
                Assert.True(nearest <= 0.01, $"{name} at x = {x}: pixel y {point[1]}, expected {expectedPy}");
            }
        }
    }

    [Fact]
    public void SvgIsAStandaloneDocumentWithTitleTicksAndLegend()
    {
        var text = SvgChart.Render(Activations(new[] { "Sigmoid", "Tanh" }, false), 640, 400);
        var svg = XDocument.Parse(text);
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal("640", (string?)svg.Root.Attribute("width"));
        Assert.Equal("Sigmoid, Tanh on [-5, 5]", svg.Root.Element(ns + "title")!.Value);
        var tickLabels = svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "ticks").Elements(ns + "text").Select(t => t.Value).ToList();
        Assert.Equal(new[] { "-4", "-2", "0", "2", "4", "-1.0", "-0.5", "0.0", "0.5", "1.0", "x" }, tickLabels);
        var legend = svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "legend").Elements(ns + "text").Select(t => t.Value);
        Assert.Equal(new[] { "Sigmoid", "Tanh" }, legend);
    }

    [Fact]
    public void AnInfiniteValueBreaksTheSvgLineInsteadOfDrawingToIt()
    {
        var x = new[] { 0.0, 1, 2, 3, 4 };
        var y = new[] { 0.0, 1, double.PositiveInfinity, 3, 4 };
        var svg = XDocument.Parse(SvgChart.Render(new Chart("gap", new[] { new ChartSeries("y", x, y) }), 400, 300));

        Assert.Equal(2, svg.Descendants(XName.Get("polyline", "http://www.w3.org/2000/svg")).Count());
    }

    private sealed class FakeSoftmax : VectorActivation
    {
        internal FakeSoftmax()
            : base(FakeDefinition(), ActivationArguments.Empty)
        {
        }

        public override void Apply(System.Collections.Generic.IReadOnlyList<double> input, double[] output, double[] derivative) => throw new NotSupportedException();

        private static ActivationDefinition FakeDefinition() => new("FakeSoftmax", Array.Empty<string>(), ActivationKind.Vector, "e^x_i / Σ e^x_j", "", "(0, 1)", "", Array.Empty<ActivationParameter>(), (d, a) => new FakeSoftmax());
    }
}
