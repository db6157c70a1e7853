using System;
using System.Linq;
using CsCheck;
using Xunit;

namespace NeuronTools.Tests;

public class NeuronBatchTests
{
    private static readonly string[] s_activations = { "ReLU", "Identity", "Sigmoid", "Tanh", "LeakyReLU(negative_slope=0.2)", "BinaryStep" };

    private static Neuron ArticleNeuron(string activation = "ReLU") =>
        new(new[] { 0.5, -1.0, 2.0 }, 0.5, ActivationCatalog.CreateScalar(activation));

    private static double[,] ToMatrix(double[][] rows, int columns)
    {
        var matrix = new double[rows.Length, columns];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                matrix[r, c] = rows[r][c];
            }
        }

        return matrix;
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public void BatchGivesBitForBitWhatEvaluateGivesRowByRow()
    {
        // Row counts 0..13 cover every remainder of the four-row passes; wide exponents make rounding matter.
        var gen =
            from inputCount in Gen.Int[1, 40]
            from weight in Gen.Double[-1e3, 1e3].Array[inputCount]
            from bias in Gen.Double[-1e3, 1e3]
            from activation in Gen.Int[0, s_activations.Length - 1].Select(i => s_activations[i])
            from rows in Gen.Double[-1e6, 1e6].Array[inputCount].Array[0, 13]
            select (weight, bias, activation, rows);

        gen.Sample(sample =>
        {
            var neuron = new Neuron(sample.weight, sample.bias, ActivationCatalog.CreateScalar(sample.activation));
            double[] expected = sample.rows.Select(row => neuron.Evaluate(row).Output).ToArray();

            Assert.Equal(Bits(expected), Bits(neuron.EvaluateBatch(sample.rows)));
            Assert.Equal(Bits(expected), Bits(neuron.EvaluateBatch(ToMatrix(sample.rows, sample.weight.Length))));
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public void BatchSumsEachRowInTheDocumentedOrderThenAddsTheBias(int rowCount)
    {
        // DotProduct's order pairs x1 with x3, then adds x2: (1e16 + -1e16) + 1 is 1 (left to right would give 0),
        // then the bias 0.25.
        var neuron = new Neuron(new[] { 1.0, 1.0, 1.0 }, 0.25, ActivationCatalog.CreateScalar("Identity"));
        double[][] rows = Enumerable.Range(0, rowCount).Select(_ => new[] { 1e16, 1.0, -1e16 }).ToArray();

        Assert.All(neuron.EvaluateBatch(rows), z => Assert.Equal(1.25, z));
        Assert.All(neuron.EvaluateBatch(ToMatrix(rows, 3)), z => Assert.Equal(1.25, z));
    }

    [Fact]
    public void BatchOfTheArticlesRowsGivesTheirOutputsInOrder()
    {
        double[][] rows = { new[] { 5.0, 3, 1 }, new[] { 1.0, 4, 0 }, new[] { 0.0, 0, 0 }, new[] { -4.0, 1, 2 }, new[] { 1.0, 0.5, -0.5 } };

        Assert.Equal(new[] { 2.0, 0, 0.5, 1.5, 0 }, ArticleNeuron().EvaluateBatch(rows));
    }

    [Fact]
    public void AnEmptyBatchGivesNoOutputs()
    {
        Assert.Empty(ArticleNeuron().EvaluateBatch(Array.Empty<double[]>()));
        Assert.Empty(ArticleNeuron().EvaluateBatch(new double[0, 3]));
    }

    [Theory]
    [InlineData(0, "short", "InputCountMismatch")]
    [InlineData(2, "long", "InputCountMismatch")]
    [InlineData(3, "null", "InputCountMismatch")]
    [InlineData(4, "NaN", "NonFiniteInput")]
    [InlineData(5, "+inf", "NonFiniteInput")]
    [InlineData(7, "-inf", "NonFiniteInput")]
    [InlineData(8, "overflow", "NonFiniteResult")]
    public void BatchNamesTheBadRowAndItsProblem(int badRow, string problem, string errorId)
    {
        var neuron = new Neuron(new[] { 1.0, 1.0, 1.0 }, 0.0, ActivationCatalog.CreateScalar("Identity"));
        double[][] rows = Enumerable.Range(0, 9).Select(i => new[] { i, 1.0, 2.0 }).ToArray();
        rows[badRow] = problem switch
        {
            "short" => new[] { 1.0, 2.0 },
            "long" => new[] { 1.0, 2.0, 3.0, 4.0 },
            "null" => null!,
            "NaN" => new[] { 1.0, double.NaN, 3.0 },
            "+inf" => new[] { double.PositiveInfinity, 1.0, 3.0 },
            "-inf" => new[] { 1.0, 1.0, double.NegativeInfinity },
            _ => new[] { double.MaxValue, double.MaxValue, 0.0 },
        };

        var exception = Assert.Throws<NeuronToolsException>(() => neuron.EvaluateBatch(rows));

        Assert.Equal(errorId, exception.ErrorId);
        Assert.Equal(badRow, exception.Data["RowIndex"]);
        Assert.StartsWith($"Row {badRow} ", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 6)]
    [InlineData(5, 2)]
    [InlineData(4, 5)]
    [InlineData(9, 10)]
    public void BatchReportsTheFirstBadRowWhenThereAreSeveral(int nanRow, int shortRow)
    {
        var neuron = ArticleNeuron();
        double[][] rows = Enumerable.Range(0, 12).Select(i => new[] { i, 1.0, 2.0 }).ToArray();
        rows[nanRow] = new[] { 1.0, double.NaN, 3.0 };
        rows[shortRow] = new[] { 1.0 };

        var exception = Assert.Throws<NeuronToolsException>(() => neuron.EvaluateBatch(rows));

        Assert.Equal(Math.Min(nanRow, shortRow), exception.Data["RowIndex"]);
        Assert.Equal(nanRow < shortRow ? "NonFiniteInput" : "InputCountMismatch", exception.ErrorId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(9)]
    public void MatrixBatchNamesTheFirstNonFiniteRow(int badRow)
    {
        var matrix = new double[10, 3];
        matrix[badRow, 2] = double.NaN;
        if (badRow < 9)
        {
            matrix[badRow + 1, 0] = double.PositiveInfinity;
        }

        var exception = Assert.Throws<NeuronToolsException>(() => ArticleNeuron().EvaluateBatch(matrix));

        Assert.Equal("NonFiniteInput", exception.ErrorId);
        Assert.Equal(badRow, exception.Data["RowIndex"]);
        Assert.Contains("position 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatrixWithTheWrongNumberOfColumnsIsAnInputCountMismatch()
    {
        var exception = Assert.Throws<NeuronToolsException>(() => ArticleNeuron().EvaluateBatch(new double[5, 4]));

        Assert.Equal("InputCountMismatch", exception.ErrorId);
        Assert.Contains("4 values", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALargeBatchSplitAcrossProcessorsGivesBitForBitWhatEvaluateGives()
    {
        // 20,000 rows of 64 values is past the parallel threshold, so the rows are evaluated in parts.
        var random = new Random(11);
        double[] weight = Enumerable.Range(0, 64).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var neuron = new Neuron(weight, 0.25, ActivationCatalog.CreateScalar("Tanh"));
        double[][] rows = Enumerable.Range(0, 20_000).Select(_ => Enumerable.Range(0, 64).Select(_ => (random.NextDouble() * 200) - 100).ToArray()).ToArray();
        long[] expected = Bits(rows.Select(row => neuron.Evaluate(row).Output).ToArray());

        Assert.Equal(expected, Bits(neuron.EvaluateBatch(rows)));
        Assert.Equal(expected, Bits(neuron.EvaluateBatch(ToMatrix(rows, 64))));
    }

    [Theory]
    [InlineData(3, 19_990)]
    [InlineData(12_000, 19_999)]
    [InlineData(19_999, 5)]
    public void ALargeBatchSplitAcrossProcessorsReportsTheFirstBadRow(int firstBad, int secondBad)
    {
        var neuron = new Neuron(Enumerable.Repeat(0.5, 64), 0.0);
        var matrix = new double[20_000, 64];
        double[][] rows = Enumerable.Range(0, 20_000).Select(_ => new double[64]).ToArray();
        foreach (int bad in new[] { firstBad, secondBad })
        {
            matrix[bad, 7] = double.NaN;
            rows[bad][7] = double.NaN;
        }

        Assert.Equal(Math.Min(firstBad, secondBad), Assert.Throws<NeuronToolsException>(() => neuron.EvaluateBatch(matrix)).Data["RowIndex"]);
        Assert.Equal(Math.Min(firstBad, secondBad), Assert.Throws<NeuronToolsException>(() => neuron.EvaluateBatch(rows)).Data["RowIndex"]);
    }
}
