using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class InputPreprocessingTests
{
    /// <summary>A CSV from tests/Data as its header and rows of text cells.</summary>
    internal static (string[] Header, List<string[]> Rows) ReadCsv(string fileName)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", fileName));
        return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    /// <summary>A fitter holding every input column of a data set (the last column, the class, left out).</summary>
    private static PreprocessingFitter FitterFor(string fileName, InputScaling scaling, out List<int> training)
    {
        var (header, rows) = ReadCsv(fileName);
        var fitter = new PreprocessingFitter(header.Take(header.Length - 1), null, scaling, MissingValueHandling.Error);
        foreach (var row in rows)
        {
            fitter.Add(row.Take(row.Length - 1).Cast<object?>().ToArray());
        }

        training = Enumerable.Range(0, rows.Count).Where(i => i % 4 != 3).ToList();
        return fitter;
    }

    public static IEnumerable<object[]> ScalingCases() =>
        from dataset in new[] { "wine", "digits" }
        from scaling in new[] { InputScaling.Standard, InputScaling.MinMax }
        select new object[] { dataset, scaling };

    [Theory]
    [MemberData(nameof(ScalingCases))]
    public void TheFittedScalingIsScikitLearnsOnTheTrainingRows(string dataset, InputScaling scaling)
    {
        var reference = ReferenceTable.Read("scaling.tsv").Skip(1).Where(r => r[0] == dataset).ToList();
        var fitter = FitterFor(dataset + ".csv", scaling, out var training);

        var preprocessing = fitter.Fit(training);
        double[] firstTest = fitter.Features(3, preprocessing);

        Assert.Equal(reference.Count, preprocessing.InputCount);
        for (int c = 0; c < reference.Count; c++)
        {
            var row = reference[c];
            var column = preprocessing.Column[c];
            Assert.Equal(row[1], column.Name);
            double mean = ReferenceTable.ParseDouble(row[2]);
            double deviation = ReferenceTable.ParseDouble(row[3]);
            double min = ReferenceTable.ParseDouble(row[4]);
            double max = ReferenceTable.ParseDouble(row[5]);
            if (scaling == InputScaling.Standard)
            {
                // scikit-learn's scale_ is 1 for a constant column, as the stored scale here. Its incremental
                // variance is off by up to ~1e-14 on digits' sparse columns (pixel_1_7: the exact value, by
                // fractions and numpy's std, is the one fitted here), hence the tolerance.
                AssertClose(mean, column.Offset, 1e-14, column.Name + " offset");
                AssertClose(1.0 / deviation, column.Scale, 1e-13, column.Name + " scale");
                AssertClose(ReferenceTable.ParseDouble(row[6]), firstTest[c], 1e-13, column.Name + " scaled");
            }
            else
            {
                Assert.Equal(min, column.Offset);
                Assert.Equal(max == min ? 1.0 : 1.0 / (max - min), column.Scale);
                AssertClose(ReferenceTable.ParseDouble(row[7]), firstTest[c], 1e-13, column.Name + " scaled");
            }
        }
    }

    [Theory]
    [InlineData(InputScaling.Standard)]
    [InlineData(InputScaling.MinMax)]
    public void AConstantColumnBecomesZeroAndNeverDividesByZero(InputScaling scaling)
    {
        var fitter = new PreprocessingFitter(new[] { "constant", "varying" }, null, scaling, MissingValueHandling.Error);
        foreach (double v in new[] { 1.0, 2.0, 4.0 })
        {
            fitter.Add(new object?[] { 0.1, v });
        }

        var preprocessing = fitter.Fit();

        Assert.Equal(1.0, preprocessing.Column[0].Scale);
        Assert.Equal(0.1, preprocessing.Column[0].Offset);
        Assert.Equal(0.0, preprocessing.Transform(new object?[] { 0.1, 3.0 })[0]);
        Assert.Equal(0.9, preprocessing.Transform(new object?[] { 1.0, 3.0 })[0], 15);
    }

    [Fact]
    public void OnlyTheTrainingRowsShapeTheScaling()
    {
        var fitter = new PreprocessingFitter(new[] { "x" }, null, InputScaling.Standard, MissingValueHandling.Mean);
        foreach (object? v in new object?[] { 1.0, 3.0, 1000.0, null, -1000.0 })
        {
            fitter.Add(new[] { v });
        }

        var preprocessing = fitter.Fit(new[] { 0, 1, 3 });

        Assert.Equal(2.0, preprocessing.Column[0].Offset);
        Assert.Equal(1.0, preprocessing.Column[0].Scale);
        Assert.Equal(2.0, preprocessing.Column[0].FillValue);
    }

    [Fact]
    public void AMissingValueIsAnErrorNamingTheColumnUnlessMeanFillIsAsked()
    {
        var strict = new PreprocessingFitter(new[] { "alcohol", "ash" }, null, InputScaling.None, MissingValueHandling.Error);

        var error = Assert.Throws<NeuronToolsException>(() => strict.Add(new object?[] { "13.2", " " }));

        Assert.Equal("MissingValue", error.ErrorId);
        Assert.Contains("'ash'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, strict.RowCount);

        var filling = new PreprocessingFitter(new[] { "alcohol", "ash" }, null, InputScaling.MinMax, MissingValueHandling.Mean);
        filling.Add(new object?[] { "13", "2" });
        filling.Add(new object?[] { "14", null });
        filling.Add(new object?[] { "15", "4" });
        var preprocessing = filling.Fit();

        Assert.Equal(3.0, preprocessing.Column[1].FillValue);
        Assert.Equal(0.5, filling.Features(1, preprocessing)[1]);
        Assert.Equal(0.5, preprocessing.Transform(new object?[] { "14", string.Empty })[1]);
        Assert.Equal(
            "MissingValue",
            Assert.Throws<NeuronToolsException>(() => new InputPreprocessing(new[] { InputColumn.Numeric("x") }).Transform(new object?[] { null })).ErrorId);
    }

    [Fact]
    public void CategoriesAreOneHotInOrdinalOrderAndAnUnknownOneNamesTheKnownOnes()
    {
        var fitter = new PreprocessingFitter(new[] { "size", "region" }, new[] { "REGION" }, InputScaling.Standard, MissingValueHandling.Error);
        fitter.Add(new object?[] { 1.0, "south" });
        fitter.Add(new object?[] { 3.0, "North" });
        fitter.Add(new object?[] { 5.0, "east" });
        fitter.Add(new object?[] { 7.0, "south" });

        var preprocessing = fitter.Fit();

        Assert.Equal(new[] { "North", "east", "south" }, preprocessing.Column[1].Category);
        Assert.Equal(new[] { "size", "region=North", "region=east", "region=south" }, preprocessing.FeatureName);
        Assert.Equal(new[] { 0.0, 0.0, 1.0, 0.0 }, preprocessing.Transform(new object?[] { 4.0, "east" }));
        Assert.Equal(new[] { -1.3416407864998738, 0.0, 0.0, 1.0 }, fitter.Features(0, preprocessing));
        var error = Assert.Throws<NeuronToolsException>(() => preprocessing.Transform(new object?[] { 4.0, "west" }));
        Assert.Equal("UnknownCategory", error.ErrorId);
        Assert.Contains("'region' is 'west'", error.Message, StringComparison.Ordinal);
        Assert.Contains("North, east, south", error.Message, StringComparison.Ordinal);
        Assert.Equal("CategoricalInputNeedsNames", Assert.Throws<NeuronToolsException>(() => preprocessing.Transform(new[] { 1.0, 2.0 })).ErrorId);
    }

    [Theory]
    [InlineData("2,5", "InvalidInputValue")]
    [InlineData("abc", "InvalidInputValue")]
    [InlineData(double.NaN, "NonFiniteInput")]
    [InlineData(double.PositiveInfinity, "NonFiniteInput")]
    [InlineData("Infinity", "NonFiniteInput")]
    [InlineData(true, "InvalidInputValue")]
    public void ACellThatIsNotAFiniteNumberIsRefusedNamingTheColumn(object cell, string errorId)
    {
        var preprocessing = new InputPreprocessing(new[] { InputColumn.Numeric("cpu", 1.0, 2.0) });

        var error = Assert.Throws<NeuronToolsException>(() => preprocessing.Transform(new[] { cell }));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains("'cpu'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumbersInTextAreReadWithTheInvariantCultureWhateverTheCurrentOne()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var preprocessing = new InputPreprocessing(new[] { InputColumn.Numeric("x", 0.5, 4.0), InputColumn.Numeric("y") });

            Assert.Equal(new[] { 8.0, 1e-3 }, preprocessing.Transform(new object?[] { "2.5", "1E-3" }));
            Assert.Equal(new[] { 8.0, 7.0 }, preprocessing.Transform(new object?[] { 2.5m, 7 }));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void TheGradientWithRespectToTheRawInputsIsTheFiniteDifferenceOfTheModelOnRawInputs()
    {
        var preprocessing = new InputPreprocessing(new[] { InputColumn.Numeric("a", 10.0, 0.25), InputColumn.Numeric("b", -3.0, 8.0) });
        var neuron = new Neuron(new[] { 0.7, -0.2 }, 0.1, ActivationCatalog.CreateScalar("Tanh"));
        double[] raw = { 12.0, -2.9 };
        double F(double[] x) => neuron.Evaluate(preprocessing.Transform(x)).Output;
        var output = neuron.Evaluate(preprocessing.Transform(raw));
        double[] featureGradient = neuron.Weight.Select(w => w * output.Derivative).ToArray();

        double[] gradient = preprocessing.RawGradient(featureGradient);

        for (int i = 0; i < raw.Length; i++)
        {
            double h = 1e-6;
            double[] up = (double[])raw.Clone();
            double[] down = (double[])raw.Clone();
            up[i] += h;
            down[i] -= h;
            AssertClose((F(up) - F(down)) / (2 * h), gradient[i], 1e-7, "input " + i);
        }
    }

    [Fact]
    public void ColumnRangesMoreThanAHundredfoldApartAreFoundConstantColumnsAside()
    {
        var fitter = new PreprocessingFitter(new[] { "proline", "hue", "flag", "ash" }, null, InputScaling.None, MissingValueHandling.Error);
        fitter.Add(new object?[] { 300.0, 0.5, 1.0, 2.0 });
        fitter.Add(new object?[] { 1600.0, 1.7, 1.0, 2.5 });

        var disparity = fitter.FindRangeDisparity();

        Assert.NotNull(disparity);
        Assert.Equal("proline", disparity!.Widest);
        Assert.Equal("ash", disparity.Narrowest);
        Assert.Equal(2600.0, disparity.Ratio, 9);

        var similar = new PreprocessingFitter(new[] { "a", "b" }, null, InputScaling.None, MissingValueHandling.Error);
        similar.Add(new object?[] { 0.0, 0.0 });
        similar.Add(new object?[] { 100.0, 1.0 });
        Assert.Null(similar.FindRangeDisparity());
    }

    [Fact]
    public void AStoredPreprocessingReadsBackBitForBit()
    {
        var fitter = FitterFor("wine.csv", InputScaling.Standard, out var training);
        var numeric = fitter.Fit(training);
        var columns = numeric.Column.Take(3)
            .Append(InputColumn.Numeric("filled", 0.1 + 0.2, 1.0 / 3.0, Math.PI))
            .Append(InputColumn.Categorical("region", new[] { "Nörth", "east", "\"quoted\"" }));
        var original = new InputPreprocessing(columns, InputScaling.Standard, MissingValueHandling.Mean);

        var read = RoundTrip(original);

        Assert.Equal(original.Scaling, read.Scaling);
        Assert.Equal(original.MissingValue, read.MissingValue);
        Assert.Equal(original.FeatureName, read.FeatureName);
        for (int c = 0; c < original.InputCount; c++)
        {
            Assert.Equal(original.Column[c].Kind, read.Column[c].Kind);
            Assert.Equal(BitConverter.DoubleToInt64Bits(original.Column[c].Offset), BitConverter.DoubleToInt64Bits(read.Column[c].Offset));
            Assert.Equal(BitConverter.DoubleToInt64Bits(original.Column[c].Scale), BitConverter.DoubleToInt64Bits(read.Column[c].Scale));
            Assert.Equal(original.Column[c].FillValue, read.Column[c].FillValue);
            Assert.Equal(original.Column[c].Category, read.Column[c].Category);
        }
    }

    [Theory]
    [InlineData("""{"scaling":"Standard","missingValue":"Error","columns":[]}""", "'preprocessing.columns'")]
    [InlineData("""{"scaling":"Sometimes","missingValue":"Error","columns":[{"name":"x","kind":"Numeric","offset":0,"scale":1}]}""", "'preprocessing.scaling'")]
    [InlineData("""{"scaling":"None","missingValue":"Error","columns":[{"name":"x","kind":"Numeric","offset":0}]}""", "'preprocessing.columns[0].scale'")]
    [InlineData("""{"scaling":"None","missingValue":"Error","columns":[{"name":"x","kind":"Numeric","offset":0,"scale":1,"categories":["a"]}]}""", "'preprocessing.columns[0].categories'")]
    [InlineData("""{"scaling":"None","missingValue":"Error","columns":[{"name":"x","kind":"Categorical","categories":["a","a"]}]}""", "'preprocessing.columns[0]'")]
    [InlineData("""{"scaling":"None","missingValue":"Error","columns":[{"name":"x","kind":"Numeric","offset":0,"scale":1},{"name":"X","kind":"Numeric","offset":0,"scale":1}]}""", "more than once")]
    public void ABrokenPreprocessingIsAnInvalidModelFileNamingTheField(string json, string named)
    {
        var owner = (JsonObject)JsonParser.Parse("{\"preprocessing\":" + json + "}", 1 << 20, 64, "test.json");

        var error = Assert.ThrowsAny<NeuronToolsException>(() => PreprocessingJson.Read(new ModelFieldReader("test.json"), owner, string.Empty));

        Assert.True(error.ErrorId is "InvalidModelFile" or "DuplicateInputName", error.ErrorId);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    internal static InputPreprocessing RoundTrip(InputPreprocessing original)
    {
        string text = JsonWriter.ToText(new JsonObject().Add(PreprocessingJson.Field, PreprocessingJson.Write(original)), compress: false);
        var owner = (JsonObject)JsonParser.Parse(text, 1 << 20, 64, "test.json");
        return PreprocessingJson.Read(new ModelFieldReader("test.json"), owner, string.Empty)!;
    }

    internal static void AssertClose(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1.0, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
}
