using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class TabularTrainingSetTests
{
    /// <summary>The rows of a CSV in tests/Data as a training set, the class column <paramref name="target"/> and <paramref name="excluded"/> left out of the inputs.</summary>
    private static TabularTrainingSet Load(string fileName, string target, InputScaling scaling, out List<string[]> rows, params string[] excluded)
    {
        var (header, all) = InputPreprocessingTests.ReadCsv(fileName);
        int t = Array.IndexOf(header, target);
        var inputs = Enumerable.Range(0, header.Length).Where(i => i != t && !excluded.Contains(header[i])).ToArray();
        var set = new TabularTrainingSet(inputs.Select(i => header[i]).ToArray(), new[] { target }, null, scaling, MissingValueHandling.Error);
        foreach (var row in all)
        {
            set.Add(inputs.Select(i => (object?)row[i]).ToArray(), new object?[] { row[t] });
        }

        rows = all;
        return set;
    }

    [Fact]
    public void TextLabelsBecomeSoftmaxClassesInOrdinalOrderAndTheScalingIsFittedOnTheTrainingRowsOnly()
    {
        var set = Load("iris.csv", "species_name", InputScaling.Standard, out var rows, "species");
        var options = new TabularTrainingOptions { Training = { EpochCount = 60, Seed = 3, ValidationFraction = 0.2, LearningRate = 0.01 } };

        var result = set.Train(null, options);

        Assert.Equal(new[] { "setosa", "versicolor", "virginica" }, result.ClassLabel);
        Assert.Equal(new[] { 4, 16, 3 }, ((NeuronNetwork)result.Network).Shape);
        Assert.Equal("Softmax", ((NeuronNetwork)result.Network).Layers[1].Activation.Name);
        Assert.Equal(LossFunction.CrossEntropy, result.Network.TrainingHistory!.Loss);
        Assert.Equal(120, result.Network.TrainingHistory!.TrainingRowCount);
        var (training, _) = StackTrainer.Split(150, 0.2, new DeterministicRandom(3));
        var fitter = new PreprocessingFitter(new[] { "sepal_length", "sepal_width", "petal_length", "petal_width" }, null, InputScaling.Standard, MissingValueHandling.Error);
        foreach (var row in rows)
        {
            fitter.Add(row.Take(4).Cast<object?>().ToArray());
        }

        var expected = fitter.Fit(training);
        var everyRow = fitter.Fit();
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(expected.Column[c].Offset, result.Preprocessing.Column[c].Offset);
            Assert.Equal(expected.Column[c].Scale, result.Preprocessing.Column[c].Scale);
            Assert.NotEqual(everyRow.Column[c].Offset, result.Preprocessing.Column[c].Offset);
        }

        int right = rows.Count(r => result.ClassLabel![((NeuronNetwork)result.Network).Evaluate(result.Preprocessing.Transform(r.Take(4).Cast<object?>().ToArray())).PredictedIndex] == r[5]);
        Assert.True(right >= 135, $"{right} of 150 right");
    }

    [Fact]
    public void TwoClassesAreOneSigmoidOutputWithBinaryCrossEntropy()
    {
        var set = Load("breast_cancer.csv", "diagnosis", InputScaling.MinMax, out _);

        var result = set.Train(null, new TabularTrainingOptions { HiddenLayer = Array.Empty<int>(), Training = { EpochCount = 2, Seed = 1 } });

        Assert.Equal(new[] { "benign", "malignant" }, result.ClassLabel);
        Assert.Equal(new[] { 30, 1 }, ((NeuronNetwork)result.Network).Shape);
        Assert.Equal("Sigmoid", ((NeuronNetwork)result.Network).Layers[0].Activation.Name);
        Assert.Equal(LossFunction.BinaryCrossEntropy, result.Network.TrainingHistory!.Loss);
    }

    [Fact]
    public void NumericTargetsAreRegressionWithIdentityOutputsAndUnscaledRangesAreFound()
    {
        var set = new TabularTrainingSet(new[] { "rooms", "area" }, new[] { "price" }, null, InputScaling.None, MissingValueHandling.Error);
        var random = new Random(5);
        for (int i = 0; i < 40; i++)
        {
            double rooms = 1 + random.Next(6);
            double area = 300 + (random.NextDouble() * 1700);
            set.Add(new object?[] { rooms.ToString(System.Globalization.CultureInfo.InvariantCulture), area }, new object?[] { Math.Round((10 * rooms) + area, 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var result = set.Train(null, new TabularTrainingOptions { CheckRanges = true, HiddenLayer = new[] { 4 }, Training = { EpochCount = 2, Seed = 1 } });

        Assert.Null(result.ClassLabel);
        Assert.Equal("Identity", ((NeuronNetwork)result.Network).Layers[1].Activation.Name);
        Assert.Equal(LossFunction.MeanSquaredError, result.Network.TrainingHistory!.Loss);
        Assert.NotNull(result.RangeDisparity);
        Assert.Equal("area", result.RangeDisparity!.Widest);
        Assert.Equal("rooms", result.RangeDisparity.Narrowest);
    }

    [Fact]
    public void ARowWithAMissingTargetOrAnUnknownStoredLabelIsRefusedAlone()
    {
        var preprocessing = new InputPreprocessing(new[] { InputColumn.Numeric("x") });
        var set = new TabularTrainingSet(preprocessing, new[] { "label" }, new[] { "no", "yes" });

        Assert.Equal("InvalidTarget", Assert.Throws<NeuronToolsException>(() => set.Add(new object?[] { 1.0 }, new object?[] { string.Empty })).ErrorId);
        Assert.Equal("UnknownClassLabel", Assert.Throws<NeuronToolsException>(() => set.Add(new object?[] { 1.0 }, new object?[] { "maybe" })).ErrorId);
        set.Add(new object?[] { 1.0 }, new object?[] { "yes" });
        Assert.Equal(1, set.RowCount);
    }

    [Fact]
    public void ASavedModelWithPreprocessingAndLabelsReadsBackAndGivesTheSameBitsAndItsOnnxRunsOnRawRows()
    {
        var (header, rows) = InputPreprocessingTests.ReadCsv("wine.csv");
        var set = new TabularTrainingSet(header.Take(13).ToArray(), new[] { "cultivar" }, null, InputScaling.Standard, MissingValueHandling.Mean);
        foreach (var row in rows)
        {
            set.Add(row.Take(13).Cast<object?>().ToArray(), new object?[] { row[13] });
        }

        var model = set.Train(null, new TabularTrainingOptions { HiddenLayer = new[] { 8 }, Activation = "Tanh", Training = { EpochCount = 5, Seed = 4 } }).Network;

        string json = ModelSerializer.ToJsonText(model, compress: false);
        var read = (NeuronNetwork)ModelSerializer.FromJsonText(json, ModelReadOptions.Default, "wine.json");

        Assert.Contains("\"schemaVersion\": 2", json, StringComparison.Ordinal);
        Assert.Equal(model.ClassLabel, read.ClassLabel);
        Assert.Equal(model.Preprocessing!.FeatureName, read.Preprocessing!.FeatureName);
        var raw = rows.Take(20).Select(r => r.Take(13).Select(double.Parse).ToArray()).ToArray();
        raw[1][4] = double.NaN;
        var onnx = OnnxExporterTests.RunDouble(OnnxExporter.Export(model, OnnxElementType.Double), raw);
        for (int i = 0; i < raw.Length; i++)
        {
            object?[] cells = raw[i].Select(v => double.IsNaN(v) ? null : (object?)v).ToArray();
            var expected = ((NeuronNetwork)model).Evaluate(model.Preprocessing.Transform(cells));
            var again = read.Evaluate(read.Preprocessing.Transform(cells));
            Assert.Equal(expected.Output.Select(BitConverter.DoubleToInt64Bits), again.Output.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(expected.PredictedLabel, again.PredictedLabel);
            for (int j = 0; j < 3; j++)
            {
                Assert.True(Math.Abs(expected.Output[j] - onnx[i, j]) <= 1e-12, $"row {i}, output {j}: core {expected.Output[j]:R}, ONNX Runtime {onnx[i, j]:R}");
            }
        }
    }

    [Fact]
    public void AVersionOneFileWithVersionTwoFieldsIsRefused()
    {
        const string json = """{"format": "NeuronTools.Model", "schemaVersion": 1, "type": "Neuron", "name": null, "inputCount": 1, "weight": [1], "bias": 0, "activation": {"name": "Identity"}, "classLabel": ["a", "b"]}""";

        var error = Assert.Throws<NeuronToolsException>(() => ModelSerializer.FromJsonText(json, ModelReadOptions.Default, "old.json"));

        Assert.Equal("InvalidModelFile", error.ErrorId);
        Assert.Contains("'classLabel'", error.Message, StringComparison.Ordinal);
    }
}
