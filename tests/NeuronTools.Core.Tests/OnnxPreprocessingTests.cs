using System;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class OnnxPreprocessingTests
{
    private static readonly InputPreprocessing s_preprocessing = new(
        new[]
        {
            InputColumn.Numeric("proline", 746.893, 1.0 / 314.9, 746.893),
            InputColumn.Numeric("hue", 0.48, 1.0 / 1.23),
            InputColumn.Categorical("region", new[] { "east", "north" }),
        },
        InputScaling.Standard,
        MissingValueHandling.Mean);

    private static NeuronNetwork Network() => NeuronNetwork.Create(
        new[] { 4, 3, 2 },
        new[] { ActivationCatalog.Create("Tanh"), ActivationCatalog.Create("Softmax") },
        seed: 7);

    [Fact]
    public void OnnxRuntimeOnRawInputsGivesTheCoresOutputsWithinOnePartInATrillion()
    {
        var network = Network();
        object?[][] raw =
        {
            new object?[] { 1065.0, 1.04, "north" },
            new object?[] { 278.0, 0.48, "east" },
            new object?[] { null, 1.71, "east" },
            new object?[] { 1680.0, 0.54, "north" },
        };
        double[][] onnxInput = raw.Select(r => new[] { r[0] is double d ? d : double.NaN, (double)r[1]!, (string)r[2]! == "east" ? 1.0 : 0.0, (string)r[2]! == "north" ? 1.0 : 0.0 }).ToArray();

        double[,] outputs = OnnxExporterTests.RunDouble(OnnxExporter.Export(network, OnnxElementType.Double, s_preprocessing), onnxInput);

        for (int row = 0; row < raw.Length; row++)
        {
            var expected = network.Evaluate(s_preprocessing.Transform(raw[row])).Output;
            for (int j = 0; j < expected.Count; j++)
            {
                Assert.True(Math.Abs(expected[j] - outputs[row, j]) <= 1e-12 * Math.Max(1.0, Math.Abs(expected[j])), $"row {row}, output {j}: core {expected[j]:R}, ONNX Runtime {outputs[row, j]:R}");
            }
        }
    }

    [Fact]
    public void AScaledNeuronRunsInOnnxRuntimeInFloat()
    {
        var preprocessing = new InputPreprocessing(new[] { InputColumn.Numeric("a", 100.0, 0.01), InputColumn.Numeric("b", -2.0, 4.0) });
        var neuron = new Neuron(new[] { 0.5, -0.25 }, 0.1, ActivationCatalog.CreateScalar("Sigmoid"));
        double[][] raw = { new[] { 150.0, -1.5 }, new[] { 20.0, 0.25 } };

        float[,] outputs = OnnxExporterTests.RunFloat(OnnxExporter.Export(neuron, OnnxElementType.Float, preprocessing), raw);

        for (int row = 0; row < raw.Length; row++)
        {
            double expected = neuron.Evaluate(preprocessing.Transform(raw[row])).Output;
            Assert.True(Math.Abs(expected - outputs[row, 0]) <= 1e-6, $"row {row}: core {expected:R}, ONNX Runtime {outputs[row, 0]:R}");
        }
    }

    [Fact]
    public void OnlyTheStepsThePreprocessingNeedsAreWritten()
    {
        var plain = new InputPreprocessing(new[] { InputColumn.Numeric("a"), InputColumn.Numeric("b") });
        var neuron = new Neuron(new[] { 0.5, -0.25 }, 0.1, ActivationCatalog.CreateScalar("Identity"));

        byte[] without = OnnxExporter.Export(neuron, OnnxElementType.Double, null);
        byte[] identity = OnnxExporter.Export(neuron, OnnxElementType.Double, plain);
        byte[] scaled = OnnxExporter.Export(neuron, OnnxElementType.Double, new InputPreprocessing(s_preprocessing.Column.Take(2)));

        Assert.DoesNotContain("Sub", Text(identity), StringComparison.Ordinal);
        Assert.DoesNotContain("Where", Text(identity), StringComparison.Ordinal);
        Assert.Contains("Input columns, in order: a, b.", Text(identity), StringComparison.Ordinal);
        Assert.DoesNotContain("Input columns", Text(without), StringComparison.Ordinal);
        Assert.Contains("IsNaN", Text(scaled), StringComparison.Ordinal);
        Assert.Contains("Sub", Text(scaled), StringComparison.Ordinal);
        Assert.Contains("Mul", Text(scaled), StringComparison.Ordinal);
    }

    private static string Text(byte[] model) => System.Text.Encoding.UTF8.GetString(model);
}
