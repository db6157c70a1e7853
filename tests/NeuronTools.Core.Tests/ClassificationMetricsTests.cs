using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class ClassificationMetricsTests
{
    public static IEnumerable<object[]> Cases() =>
        ReferenceTable.Read("class-metrics.tsv").Skip(1).Select(r => r[0]).Distinct().Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(Cases))]
    public void MetricsAreScikitLearnsPrecisionRecallAndF1(string name)
    {
        var rows = ReferenceTable.Read("class-metrics.tsv").Skip(1).Where(r => r[0] == name).ToList();
        string[] labels = rows[0][1].Split(' ');
        int[] actual = rows[0][2].Split(' ').Select(l => ClassLabels.IndexOf(labels, l)).ToArray();
        int[] predicted = rows[0][3].Split(' ').Select(l => ClassLabels.IndexOf(labels, l)).ToArray();

        var metrics = ClassificationMetrics.FromClasses(labels, actual, predicted);

        foreach (var row in rows)
        {
            double precision = ReferenceTable.ParseDouble(row[5]);
            switch (row[4])
            {
                case "(accuracy)":
                    Assert.Equal(precision, metrics.Accuracy, 15);
                    Assert.Equal(long.Parse(row[8], System.Globalization.CultureInfo.InvariantCulture), metrics.RowCount);
                    break;
                case "(macro)":
                    Assert.Equal(precision, metrics.MacroPrecision, 15);
                    Assert.Equal(ReferenceTable.ParseDouble(row[6]), metrics.MacroRecall, 15);
                    Assert.Equal(ReferenceTable.ParseDouble(row[7]), metrics.MacroF1, 15);
                    break;
                default:
                    var perClass = metrics.PerClass.Single(m => m.Class == row[4]);
                    Assert.Equal(precision, perClass.Precision, 15);
                    Assert.Equal(ReferenceTable.ParseDouble(row[6]), perClass.Recall, 15);
                    Assert.Equal(ReferenceTable.ParseDouble(row[7]), perClass.F1, 15);
                    Assert.Equal(long.Parse(row[8], System.Globalization.CultureInfo.InvariantCulture), perClass.Support);
                    break;
            }
        }
    }

    [Fact]
    public void TheConfusionMatrixCountsTrueClassesByRowAndNamesTheClasses()
    {
        var metrics = ClassificationMetrics.FromClasses(new[] { "cat", "dog" }, new[] { 0, 0, 1, 1, 1 }, new[] { 0, 1, 1, 1, 0 });

        Assert.Equal(new[] { "cat", "dog" }, metrics.ConfusionMatrix.ClassLabel);
        Assert.Equal(1, metrics.ConfusionMatrix[0, 0]);
        Assert.Equal(1, metrics.ConfusionMatrix[0, 1]);
        Assert.Equal(1, metrics.ConfusionMatrix[1, 0]);
        Assert.Equal(2, metrics.ConfusionMatrix[1, 1]);
        Assert.Contains("dog", metrics.ConfusionMatrix.ToString(), StringComparison.Ordinal);
    }

    public static IEnumerable<object[]> RegressionCases() =>
        ReferenceTable.Read("regression-metrics.tsv").Skip(1).Select(r => new object[] { r[0], r[1], r[2], r[3], r[4], r[5] });

    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void RegressionMetricsAreScikitLearns(string name, string actual, string predicted, string r2, string mae, string rmse)
    {
        IReadOnlyList<IReadOnlyList<double>> Column(string values) =>
            values.Split(' ').Select(v => (IReadOnlyList<double>)new[] { ReferenceTable.ParseDouble(v) }).ToList();

        var metrics = new RegressionMetrics(Column(actual), Column(predicted));

        Assert.True(Math.Abs(ReferenceTable.ParseDouble(r2) - metrics.RSquared) < 1e-15, name + " R²");
        Assert.Equal(ReferenceTable.ParseDouble(mae), metrics.MeanAbsoluteError, 15);
        Assert.Equal(ReferenceTable.ParseDouble(rmse), metrics.RootMeanSquaredError, 15);
    }

    [Fact]
    public void SeveralOutputsAreAveragedOutputByOutput()
    {
        var actual = new IReadOnlyList<double>[] { new[] { 1.0, 10.0 }, new[] { 2.0, 20.0 }, new[] { 3.0, 30.0 } };
        var predicted = new IReadOnlyList<double>[] { new[] { 1.0, 12.0 }, new[] { 2.0, 20.0 }, new[] { 3.0, 28.0 } };

        var metrics = new RegressionMetrics(actual, predicted);

        Assert.Equal((1.0 + (1.0 - (8.0 / 200.0))) / 2, metrics.RSquared, 15);
        Assert.Equal((0.0 + (4.0 / 3.0)) / 2, metrics.MeanAbsoluteError, 15);
        Assert.Equal((0.0 + Math.Sqrt(8.0 / 3.0)) / 2, metrics.RootMeanSquaredError, 15);
    }
}

public class ClassLabelsTests
{
    [Fact]
    public void ClassesAreInOrdinalOrderAsScikitLearnSortsStrings()
    {
        Assert.Equal(new[] { "B", "a", "b", "Ä" }, ClassLabels.Order(new[] { "b", "a", "Ä", "B", "a" }));
        Assert.Equal(new[] { "class_0", "class_1", "class_10", "class_2" }, ClassLabels.Order(new[] { "class_2", "class_10", "class_1", "class_0" }));
    }

    [Theory]
    [InlineData(3, new[] { "a", "b", "c" }, null)]
    [InlineData(1, new[] { "no", "yes" }, null)]
    [InlineData(2, new[] { "a", "b", "c" }, "ClassLabelCountMismatch")]
    [InlineData(1, new[] { "yes" }, "ClassLabelCountMismatch")]
    [InlineData(2, new[] { "a", "a" }, "InvalidClassLabel")]
    [InlineData(2, new[] { "a", "" }, "InvalidClassLabel")]
    public void LabelsAreOnePerOutputOrTwoForOneProbabilityOutput(int outputCount, string[] labels, string? errorId)
    {
        if (errorId is null)
        {
            Assert.Equal(labels, ClassLabels.Check(labels, outputCount, "classLabel"));
        }
        else
        {
            Assert.Equal(errorId, Assert.Throws<NeuronToolsException>(() => ClassLabels.Check(labels, outputCount, "classLabel")).ErrorId);
        }
    }

    [Fact]
    public void AnUnknownTargetLabelNamesTheClasses()
    {
        var error = Assert.Throws<NeuronToolsException>(() => ClassLabels.IndexOf(new[] { "setosa", "virginica" }, "Setosa"));

        Assert.Equal("UnknownClassLabel", error.ErrorId);
        Assert.Contains("setosa, virginica", error.Message, StringComparison.Ordinal);
    }
}
