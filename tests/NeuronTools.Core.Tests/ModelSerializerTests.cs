using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class ModelSerializerTests
{
    private const string Header = "\"format\": \"NeuronTools.Model\", \"schemaVersion\": 1, ";

    private static object Read(string text) => ModelSerializer.FromJsonText(text, new ModelReadOptions(), "The text");

    private static NeuronToolsException Fails(string text) => Assert.Throws<NeuronToolsException>(() => Read(text));

    private static double[] RandomValues(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => random.Next(4) switch
        {
            0 => random.NextDouble() - 0.5,
            1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)),
            2 => BitConverter.Int64BitsToDouble((long)(random.NextDouble() * 0x000FFFFFFFFFFFFFL)), // subnormal
            _ => new[] { 0.1, -0.0, 0.0, double.MaxValue, -double.MaxValue, double.Epsilon, 1.0 / 3.0 }[random.Next(7)],
        }).ToArray();

    private static void AssertSameBits(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(actual[i]));
        }
    }

    [Fact]
    public void ANeuronRoundTripsWithBitIdenticalWeightsAndTheSameOutputs()
    {
        var random = new Random(1);
        for (int trial = 0; trial < 200; trial++)
        {
            int inputs = random.Next(1, 8);
            var neuron = new Neuron(RandomValues(random, inputs), RandomValues(random, 1)[0], ActivationCatalog.CreateScalar(trial % 2 == 0 ? "Tanh" : "LeakyReLU(negative_slope=0.3)"), trial % 3 == 0 ? null : "n" + trial, trial % 4 == 0 ? Enumerable.Range(0, inputs).Select(i => "x" + i).ToArray() : null);

            foreach (bool compress in new[] { false, true })
            {
                var back = Assert.IsType<Neuron>(Read(ModelSerializer.ToJsonText(neuron, compress)));

                AssertSameBits(neuron.Weight, back.Weight);
                AssertSameBits(new[] { neuron.Bias }, new[] { back.Bias });
                Assert.Equal(neuron.Activation.Specification, back.Activation.Specification);
                Assert.Equal(neuron.Name, back.Name);
                Assert.Equal(neuron.InputName, back.InputName);
            }
        }
    }

    [Fact]
    public void ANeuronReadBackGivesExactlyTheSameOutputs()
    {
        var random = new Random(2);
        var neuron = new Neuron(Enumerable.Range(0, 5).Select(_ => random.NextDouble() - 0.5), 0.1, ActivationCatalog.CreateScalar("Sigmoid"));
        var back = (Neuron)Read(ModelSerializer.ToJsonText(neuron, compress: false));

        for (int i = 0; i < 100; i++)
        {
            double[] input = Enumerable.Range(0, 5).Select(_ => (random.NextDouble() - 0.5) * 10).ToArray();
            Assert.Equal(BitConverter.DoubleToInt64Bits(neuron.Evaluate(input).Output), BitConverter.DoubleToInt64Bits(back.Evaluate(input).Output));
        }
    }

    [Fact]
    public void ANetworkRoundTripsLayerByLayer()
    {
        var network = NeuronNetwork.Create(new[] { 3, 5, 4, 2 }, new[] { ActivationCatalog.Create("ReLU"), ActivationCatalog.Create("LeakyReLU(0.05)"), ActivationCatalog.Create("Sigmoid") }, Initialization.HeNormal, 42, "net", new[] { "a", "b", "c" });

        var back = Assert.IsType<NeuronNetwork>(Read(ModelSerializer.ToJsonText(network, compress: false)));

        Assert.Equal(network.Shape, back.Shape);
        Assert.Equal(network.Name, back.Name);
        Assert.Equal(network.InputName, back.InputName);
        for (int i = 0; i < network.Layers.Count; i++)
        {
            for (int j = 0; j < network.Layers[i].NeuronCount; j++)
            {
                AssertSameBits(network.Layers[i].Weight[j], back.Layers[i].Weight[j]);
            }

            AssertSameBits(network.Layers[i].Bias, back.Layers[i].Bias);
            Assert.Equal(network.Layers[i].Activation.Specification, back.Layers[i].Activation.Specification);
        }

        double[] input = { 0.3, -1.2, 2.5 };
        AssertSameBits(network.Evaluate(input).Output, back.Evaluate(input).Output);
    }

    [Fact]
    public void ALayerRoundTrips()
    {
        var layer = NeuronLayer.Create(4, 3, ActivationCatalog.Create("Tanh"), Initialization.XavierUniform, 5, "hidden");

        var back = Assert.IsType<NeuronLayer>(Read(ModelSerializer.ToJsonText(layer, compress: true)));

        Assert.Equal("hidden", back.Name);
        for (int j = 0; j < 3; j++)
        {
            AssertSameBits(layer.Weight[j], back.Weight[j]);
        }
    }

    [Fact]
    public void TheExactAlgorithmsGiveTheSameFileAndTheSameModel()
    {
        // What Windows PowerShell 5.1 runs: 17-digit text and the BigInteger parser.
        var network = NeuronNetwork.Create(new[] { 3, 4, 2 }, new[] { ActivationCatalog.Create("ReLU") }, Initialization.Uniform, 9);
        string shortest = ModelSerializer.ToJsonText(network, compress: false);
        try
        {
            DoubleText.ForceExactAlgorithms = true;
            string exact = ModelSerializer.ToJsonText(network, compress: false);
            var fromShortest = (NeuronNetwork)Read(shortest);
            var fromExact = (NeuronNetwork)Read(exact);

            AssertSameBits(network.Layers[0].Weight[1], fromShortest.Layers[0].Weight[1]);
            AssertSameBits(network.Layers[1].Weight[0], fromExact.Layers[1].Weight[0]);
        }
        finally
        {
            DoubleText.ForceExactAlgorithms = false;
        }
    }

    [Fact]
    public void WritesTheDocumentedFieldsInOrder()
    {
        var neuron = new Neuron(new[] { 0.5, -1.0, 2.0 }, 0.5, ActivationCatalog.CreateScalar("ReLU"), "article");

        string text = ModelSerializer.ToJsonText(neuron, compress: true);

        Assert.Equal(
            "{\"format\":\"NeuronTools.Model\",\"schemaVersion\":1,\"type\":\"Neuron\",\"name\":\"article\",\"inputCount\":3,\"weight\":[0.5,-1,2],\"bias\":0.5,\"activation\":{\"name\":\"ReLU\",\"parameters\":{}}}",
            text);
    }

    [Fact]
    public void LeftOutOptionalFieldsTakeTheirDefaults()
    {
        var neuron = Assert.IsType<Neuron>(Read("{" + Header + "\"type\": \"Neuron\", \"inputCount\": 1, \"weight\": [2], \"bias\": 0, \"activation\": {\"name\": \"leakyrelu\"}, \"description\": \"hand-written\"}"));

        Assert.Equal("LeakyReLU", neuron.Activation.Name);
        Assert.Equal(-0.02, neuron.Evaluate(new[] { -1.0 }).Output);
        Assert.Null(neuron.Name);
    }

    [Theory]
    [InlineData("\"type\": \"NeuronLayer\", \"inputCount\": 2, \"neuronCount\": 2, \"weight\": [[1, 2], [3]], \"bias\": [0, 0], \"activation\": {\"name\": \"ReLU\"}", "'weight[1]'", "has 1 value, but inputCount is 2")]
    [InlineData("\"type\": \"NeuronLayer\", \"inputCount\": 2, \"neuronCount\": 2, \"weight\": [[1, 2], [3, 4]], \"activation\": {\"name\": \"ReLU\"}", "'bias'", "is missing")]
    [InlineData("\"type\": \"Neuron\", \"inputCount\": 1, \"weight\": [1], \"bias\": 0, \"activation\": {\"name\": \"Swoosh\"}", "'activation.name'", "'Swoosh'")]
    [InlineData("\"type\": \"Neuron\", \"inputCount\": 1, \"weight\": [1], \"bias\": 0, \"activation\": {\"name\": \"LeakyReLU\", \"parameters\": {\"negative_slope\": \"x\"}}", "'activation.parameters.negative_slope'", "must be a number")]
    [InlineData("\"type\": \"Neuron\", \"inputCount\": 1, \"weight\": [1], \"bias\": 0, \"activation\": {\"name\": \"LeakyReLU\", \"parameters\": {\"slope\": 1}}", "'activation.parameters.slope'", "is not a field")]
    [InlineData("\"type\": \"Neuron\", \"inputCount\": 2, \"weight\": [1, \"NaN\"], \"bias\": 0, \"activation\": {\"name\": \"ReLU\"}", "'weight[1]'", "NaN and infinities")]
    [InlineData("\"type\": \"Neuron\", \"inputCount\": 1, \"weight\": [1], \"bias\": \"-Infinity\", \"activation\": {\"name\": \"ReLU\"}", "'bias'", "NaN and infinities")]
    [InlineData("\"type\": \"Neuron\", \"inputCount\": 1, \"weight\": [1e999], \"bias\": 0, \"activation\": {\"name\": \"ReLU\"}", "'weight[0]'", "beyond the range of a double")]
    [InlineData("\"type\": \"Neuron\", \"inputCount\": -3, \"weight\": [1], \"bias\": 0, \"activation\": {\"name\": \"ReLU\"}", "'inputCount'", "whole number of at least 1")]
    [InlineData("\"type\": \"Neuron\", \"inputCount\": 1.5, \"weight\": [1], \"bias\": 0, \"activation\": {\"name\": \"ReLU\"}", "'inputCount'", "whole number")]
    [InlineData("\"type\": \"Neuron\", \"inputCount\": 1, \"wieght\": [1], \"bias\": 0, \"activation\": {\"name\": \"ReLU\"}", "'wieght'", "is not a field of a Neuron")]
    [InlineData("\"type\": \"Neuron\", \"inputCount\": 2, \"inputName\": [\"a\", \"A\"], \"weight\": [1, 2], \"bias\": 0, \"activation\": {\"name\": \"ReLU\"}", "not a valid model", "more than once")]
    [InlineData("\"type\": \"Brain\"", "'type'", "must be one of Neuron, NeuronLayer, NeuronNetwork")]
    [InlineData("\"type\": \"NeuronNetwork\", \"inputCount\": 2, \"layers\": [{\"inputCount\": 2, \"neuronCount\": 1, \"weight\": [[1, 2]], \"bias\": [0], \"activation\": {\"name\": \"ReLU\"}}, {\"inputCount\": 3, \"neuronCount\": 1, \"weight\": [[1, 2, 3]], \"bias\": [0], \"activation\": {\"name\": \"ReLU\"}}]", "'layers[1].inputCount'", "layers[0] has neuronCount 1")]
    [InlineData("\"type\": \"NeuronNetwork\", \"inputCount\": 2, \"layers\": [{\"inputCount\": 2, \"neuronCount\": 1, \"weight\": [[1, \"2\"]], \"bias\": [0], \"activation\": {\"name\": \"ReLU\"}}]", "'layers[0].weight[0][1]'", "must be a number")]
    [InlineData("\"type\": \"NeuronNetwork\", \"inputCount\": 2, \"layers\": []", "'layers'", "is empty")]
    public void AWellFormedFileOfTheWrongShapeIsRefusedNamingTheField(string body, string field, string problem)
    {
        var exception = Fails("{" + Header + body + "}");

        Assert.Equal("InvalidModelFile", exception.ErrorId);
        Assert.Contains(field, exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]", "the top level")]
    [InlineData("{\"schemaVersion\": 1}", "'format' (line 1, position 1) is missing")]
    [InlineData("{\"format\": \"Other\", \"schemaVersion\": 1}", "'format'")]
    [InlineData("{\"format\": \"NeuronTools.Model\"}", "'schemaVersion'")]
    [InlineData("{\"format\": \"NeuronTools.Model\", \"schemaVersion\": 0}", "'schemaVersion'")]
    public void AFileThatIsNotAModelIsRefused(string text, string field)
    {
        var exception = Fails(text);

        Assert.Equal("InvalidModelFile", exception.ErrorId);
        Assert.Contains(field, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewerSchemaVersionIsRefusedSayingWhichVersionThisModuleReads()
    {
        var exception = Fails("{\"format\": \"NeuronTools.Model\", \"schemaVersion\": 3, \"type\": \"Hypernetwork\", \"newField\": 1}");

        Assert.Equal("UnsupportedSchemaVersion", exception.ErrorId);
        Assert.Contains("schema version 3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("reads schema version 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingInAFileNamesATypeThatIsCreated()
    {
        // Type hints in the style of other serializers are just unknown fields here.
        var exception = Fails("{\"$type\": \"System.Diagnostics.Process, System\", " + Header + "\"type\": \"Neuron\", \"inputCount\": 1, \"weight\": [1], \"bias\": 0, \"activation\": {\"name\": \"ReLU\"}}");

        Assert.Equal("InvalidModelFile", exception.ErrorId);
        Assert.Contains("'$type'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATrainingHistoryRoundTripsWithEveryEpoch()
    {
        var epochs = new[]
        {
            new TrainingEpoch(1, 0.75, 0.8, 0.5, 0.25),
            new TrainingEpoch(2, 0.1 + 0.2, 0.7, 0.75, 0.5),
            new TrainingEpoch(3, double.PositiveInfinity, 0.6, 1.0, 0.75),
        };
        var history = new TrainingHistory(LossFunction.BinaryCrossEntropy, Optimizer.Adam, 0.001, 4, -17, 12, 3, epochs, stopped: true);
        var network = new NeuronNetwork(new[] { NeuronLayer.Create(2, 1, ActivationCatalog.Create("Sigmoid"), seed: 1) }, "trained", null, history);

        string text = ModelSerializer.ToJsonText(network, compress: false);
        var back = Assert.IsType<NeuronNetwork>(Read(text)).TrainingHistory!;

        Assert.Contains("\"loss\": [0.75, 0.30000000000000004, null]", text, StringComparison.Ordinal);
        Assert.Equal(LossFunction.BinaryCrossEntropy, back.Loss);
        Assert.Equal(Optimizer.Adam, back.Optimizer);
        Assert.Equal(0.001, back.LearningRate);
        Assert.Equal((4, -17, 12, 3, true), (back.BatchSize, back.Seed, back.TrainingRowCount, back.ValidationRowCount, back.Stopped));
        Assert.Equal(new[] { 1, 2, 3 }, back.Epoch.Select(e => e.Epoch));
        Assert.Equal(new[] { 0.75, 0.30000000000000004, double.NaN }, back.Epoch.Select(e => e.Loss));
        Assert.Equal(new double?[] { 0.8, 0.7, 0.6 }, back.Epoch.Select(e => e.ValidationLoss));
        Assert.Equal(new double?[] { 0.25, 0.5, 0.75 }, back.Epoch.Select(e => e.ValidationAccuracy));
    }

    [Fact]
    public void AHistoryWithoutValidationOrAccuracyKeepsThemNull()
    {
        var history = new TrainingHistory(LossFunction.MeanSquaredError, Optimizer.SGD, 0.5, 1, 1, 4, 0, new[] { new TrainingEpoch(1, 0.5) });
        var neuron = new Neuron(new[] { 1.0 }, 0.0, ActivationCatalog.CreateScalar("Identity"), null, null, history);

        var back = Assert.IsType<Neuron>(Read(ModelSerializer.ToJsonText(neuron, compress: true))).TrainingHistory!;

        Assert.Null(back.Epoch[0].ValidationLoss);
        Assert.Null(back.Epoch[0].Accuracy);
        Assert.Equal(0.5, back.Epoch[0].Loss);
        Assert.False(back.Stopped);
    }

    [Theory]
    [InlineData("\"loss\": \"Entropy\"", "'trainingHistory.loss'", "must be one of MeanSquaredError")]
    [InlineData("\"loss\": \"1\"", "'trainingHistory.loss'", "must be one of")]
    [InlineData("\"batchSize\": -4", "'trainingHistory.batchSize'", "whole number of at least 0")]
    [InlineData("\"epochs\": {\"epoch\": [1, 2], \"loss\": [0.5]}", "'trainingHistory.epochs.loss'", "has 1 value, but epochs.epoch has 2")]
    [InlineData("\"epochs\": {\"epoch\": [1], \"loss\": [\"NaN\"]}", "'trainingHistory.epochs.loss[0]'", "NaN and infinities")]
    public void ABadTrainingHistoryIsRefusedNamingTheField(string replacement, string field, string problem)
    {
        var fields = new System.Collections.Generic.Dictionary<string, string>
        {
            ["loss"] = "\"loss\": \"MeanSquaredError\"",
            ["batchSize"] = "\"batchSize\": 4",
            ["epochs"] = "\"epochs\": {\"epoch\": [1], \"loss\": [0.5]}",
        };
        string key = replacement.Substring(1, replacement.IndexOf('"', 1) - 1);
        fields[key] = replacement;
        string history = "{" + string.Join(", ", fields.Values) + ", \"optimizer\": \"SGD\", \"learningRate\": 0.1, \"seed\": 1, \"trainingRowCount\": 4, \"validationRowCount\": 0}";

        var exception = Fails("{" + Header + "\"type\": \"Neuron\", \"inputCount\": 1, \"weight\": [1], \"bias\": 0, \"activation\": {\"name\": \"ReLU\"}, \"trainingHistory\": " + history + "}");

        Assert.Equal("InvalidModelFile", exception.ErrorId);
        Assert.Contains(field, exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextLongerThanTheLimitIsRefusedBeforeParsing()
    {
        var exception = Assert.Throws<NeuronToolsException>(() => ModelSerializer.FromJsonText(new string(' ', 101) + "{}", new ModelReadOptions { MaximumSize = 100 }, "The text"));

        Assert.Equal("ModelFileTooLarge", exception.ErrorId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheTextEndsWithItsClosingBraceAndAFileAddsOneLineFeed(bool compress)
    {
        var neuron = new Neuron(new[] { 0.5, -1.0, 2.0 }, 0.5, ActivationCatalog.CreateScalar("ReLU"), "article");
        string text = ModelSerializer.ToJsonText(neuron, compress);
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "neurontools-newline-" + Guid.NewGuid().ToString("N") + ".json");

        try
        {
            ModelFile.Save(path, neuron, ModelFileFormat.Json, overwrite: false);

            Assert.EndsWith("}", text, StringComparison.Ordinal);
            Assert.Equal(ModelSerializer.ToJsonText(neuron, compress: false) + "\n", System.IO.File.ReadAllText(path));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
