using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using NeuronTools.Rendering;
using Xunit;

namespace NeuronTools.Tests;

public class TrainingChartTests
{
    /// <summary>A made-up curve that falls fast then flattens, with a validation loss that turns up: the shape of overfitting.</summary>
    internal static TrainingHistory History(int epochs = 40, bool validation = true, bool accuracy = false, LossFunction loss = LossFunction.MeanSquaredError) =>
        new(loss, Optimizer.Adam, 0.01, 8, 1, 80, validation ? 20 : 0, Enumerable.Range(1, epochs).Select(e => new TrainingEpoch(
            e,
            Loss(e),
            validation ? Loss(e) + 0.05 + (0.004 * e) : null,
            accuracy ? 1 - (0.5 * Math.Exp(-e / 5.0)) : null,
            accuracy && validation ? 0.95 - (0.5 * Math.Exp(-e / 5.0)) : null)));

    private static double Loss(int epoch) => (1.2 * Math.Exp(-epoch / 6.0)) + 0.08 + (0.01 * Math.Sin(epoch));

    private static Chart Plot(TrainingMetric metric, params TrainingHistory[] histories) =>
        TrainingChart.Create(histories.Select((h, i) => new TrainingRunToPlot(h, histories.Length == 1 ? null : "lr " + (i + 1))).ToArray(), metric);

    [Theory]
    [InlineData("training-loss-ascii", false, false, 60, 16)]
    [InlineData("training-loss-unicode", true, false, 72, 18)]
    [InlineData("training-loss-colour", true, true, 72, 18)]
    public void TheLossAndValidationLossPlotPerEpoch(string expected, bool unicode, bool colour, int width, int height)
    {
        var lines = TextChart.Render(Plot(TrainingMetric.Loss, History()), new TextChartOptions(width, height, unicode, colour));

        ExpectedOutput.Match(expected, lines);
        Assert.Equal("loss   Training: MeanSquaredError, Adam at 0.01, 40 epochs", lines[0]);
        Assert.Contains("validation loss", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void TheAccuracyPlotsWithItsValidationCurve()
    {
        var lines = TextChart.Render(Plot(TrainingMetric.Accuracy, History(30, accuracy: true, loss: LossFunction.CrossEntropy)), new TextChartOptions(60, 14, unicode: false, colour: false));

        ExpectedOutput.Match("training-accuracy-ascii", lines);
        Assert.Matches(@"-- accuracy +\*\* validation accuracy", lines[^1]);
    }

    [Fact]
    public void SeveralTrainingsShareOneChartWithTheirLabels()
    {
        var chart = Plot(TrainingMetric.Loss, History(), History(25, validation: false));

        Assert.Equal(new[] { "loss (lr 1)", "validation loss (lr 1)", "loss (lr 2)" }, chart.Series.Select(s => s.Name));
        Assert.Equal("Loss per epoch of 2 trainings", chart.Title);
        Assert.Equal((1.0, 40.0), chart.XRange);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void EpochTicksAreWholeNumbers(int epochs)
    {
        var chart = Plot(TrainingMetric.Loss, History(epochs));

        var axis = chart.XAxis(10);

        Assert.NotEmpty(axis.Ticks);
        Assert.All(axis.Ticks, t => Assert.Equal(Math.Round(t), t));
        Assert.All(axis.Ticks.Select(axis.Label), l => Assert.DoesNotContain(".", l, StringComparison.Ordinal));
    }

    [Fact]
    public void SvgCurvePointsMapBackToEachEpochsLoss()
    {
        var history = History();
        var svg = XDocument.Parse(SvgChart.Render(Plot(TrainingMetric.Loss, history), 800, 400));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var area = svg.Descendants(ns + "rect").Single(r => (string?)r.Attribute("class") == "plot-area");
        double Attribute(string name) => double.Parse((string)area.Attribute(name)!, CultureInfo.InvariantCulture);
        var series = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "series").ToList();

        Assert.Equal(new[] { "loss", "validation loss" }, series.Select(g => (string)g.Attribute("data-name")!));
        for (int s = 0; s < 2; s++)
        {
            var points = ((string)series[s].Element(ns + "polyline")!.Attribute("points")!).Split(' ')
                .Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
            Assert.Equal(history.EpochCount, points.Length);
            for (int i = 0; i < points.Length; i++)
            {
                var epoch = history.Epoch[i];
                double x = Attribute("data-x-min") + ((points[i][0] - Attribute("x")) / Attribute("width") * (Attribute("data-x-max") - Attribute("data-x-min")));
                double y = Attribute("data-y-max") - ((points[i][1] - Attribute("y")) / Attribute("height") * (Attribute("data-y-max") - Attribute("data-y-min")));
                Assert.Equal(epoch.Epoch, x, 0.05);
                Assert.Equal(s == 0 ? epoch.Loss : epoch.ValidationLoss!.Value, y, 0.005);
            }
        }
    }

    [Fact]
    public void AnEpochWhoseLossOverflowedBreaksTheCurve()
    {
        var epochs = History(10, validation: false).Epoch.Select(e => new TrainingEpoch(e.Epoch, e.Epoch == 5 ? double.PositiveInfinity : e.Loss)).ToArray();
        var history = new TrainingHistory(LossFunction.MeanSquaredError, Optimizer.SGD, 10, 1, 1, 4, 0, epochs);
        var svg = XDocument.Parse(SvgChart.Render(Plot(TrainingMetric.Loss, history), 600, 300));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(new[] { 4, 5 }, svg.Descendants(ns + "polyline").Select(p => ((string)p.Attribute("points")!).Split(' ').Length));
    }

    [Fact]
    public void AHistoryWithoutAnEpochIsEmptyTrainingHistory()
    {
        var history = new TrainingHistory(LossFunction.MeanSquaredError, Optimizer.Adam, 0.01, 8, 1, 4, 0, Array.Empty<TrainingEpoch>(), stopped: true);

        var error = Assert.Throws<NeuronToolsException>(() => Plot(TrainingMetric.Loss, history));

        Assert.Equal("EmptyTrainingHistory", error.ErrorId);
    }

    [Fact]
    public void TheAccuracyOfARegressionIsNoAccuracy()
    {
        var error = Assert.Throws<NeuronToolsException>(() => Plot(TrainingMetric.Accuracy, History()));

        Assert.Equal("NoAccuracy", error.ErrorId);
        Assert.Contains("MeanSquaredError", error.Message, StringComparison.Ordinal);
    }
}
