using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;

namespace NeuronTools.Tests;

public class OnnxExporterTests
{
    private static readonly double[][] s_inputs =
    {
        new[] { 5.0, 3.0, 1.0 },
        new[] { 1.0, 4.0, 0.0 },
        new[] { 0.0, 0.0, 0.0 },
        new[] { -2.5, 0.75, 1.25 },
        new[] { 0.125, -0.5, -3.0 },
        new[] { 10.0, -7.0, 2.0 },
        new[] { -0.25, 0.0, 0.25 },
        new[] { 20.0, -5.0, 3.0 },
        new[] { -20.0, 5.0, -3.0 },
        new[] { 2.0, 0.0, -0.25 },
    };

    public static IEnumerable<object[]> ScalarActivations() =>
        ActivationCatalog.All
            .Where(d => !d.IsVector && OnnxExporter.SupportedActivations.Contains(d.Name))
            .Select(d => new object[] { d.Parameters.Any(p => p.IsRequired) ? Example(d) : d.Name })
            .Concat(new[] { new object[] { "Softplus(beta=2, threshold=5)" }, new object[] { "ELU(alpha=0.5)" }, new object[] { "GELU(approximate=tanh)" } });

    private static string Example(ActivationDefinition definition) =>
        definition.Name + "(" + string.Join(", ", definition.Parameters.Select(p => p.Name + "=" + (p.IsRequired ? "1.5" : p.Default is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : p.Default))) + ")";

    /// <summary>The activations whose ONNX operators ONNX Runtime's CPU provider implements for doubles.</summary>
    public static IEnumerable<object[]> DoubleActivations() =>
        new[] { "Identity", "ReLU", "Sigmoid", "Tanh", "BinaryStep", "Exponential", "ReLU6", "Hardtanh", "SparseSigmoid", "SiLU", "Tanhshrink" }
            .Select(name => new object[] { name });

    [Fact]
    public void EveryCatalogueActivationButTheTwoWithoutAnOnnxFormIsExported()
    {
        var unsupported = ActivationCatalog.All.Select(d => d.Name).Where(name => !OnnxExporter.SupportedActivations.Contains(name));

        Assert.Equal(new[] { "SparsePlus", "Squareplus" }, unsupported.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DoubleActivations))]
    public void AnExportedNeuronGivesTheCoresOutputsInOnnxRuntimeInDouble(string activation)
    {
        var neuron = new Neuron(new[] { 0.5, -1.0, 2.0 }, 0.5, ActivationCatalog.CreateScalar(activation), "article");
        byte[] model = OnnxExporter.Export(neuron, OnnxElementType.Double);

        double[,] outputs = RunDouble(model, s_inputs);

        for (int row = 0; row < s_inputs.Length; row++)
        {
            double expected = neuron.Evaluate(s_inputs[row]).Output;
            Assert.True(Close(expected, outputs[row, 0], 1e-12), $"{activation} at row {row}: core {expected:R}, ONNX Runtime {outputs[row, 0]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(ScalarActivations))]
    public void AnExportedNeuronGivesTheCoresOutputsInOnnxRuntimeInFloat(string activation)
    {
        var neuron = new Neuron(new[] { 0.5, -1.0, 2.0 }, 0.5, ActivationCatalog.CreateScalar(activation));
        byte[] model = OnnxExporter.Export(neuron, OnnxElementType.Float);

        float[,] outputs = RunFloat(model, s_inputs);

        for (int row = 0; row < s_inputs.Length; row++)
        {
            double expected = neuron.Evaluate(s_inputs[row]).Output;
            Assert.True(Close(expected, outputs[row, 0], 1e-6), $"{activation} at row {row}: core {expected:R}, ONNX Runtime {outputs[row, 0]:R}");
        }
    }

    [Theory]
    [InlineData("Softmax", OnnxElementType.Double, 1e-12)]
    [InlineData("LogSoftmax", OnnxElementType.Double, 1e-12)]
    [InlineData("Softmin", OnnxElementType.Float, 1e-6)]
    [InlineData("Softmax", OnnxElementType.Float, 1e-6)]
    public void AnExportedLayerWithAVectorActivationGivesTheCoresOutputs(string activation, OnnxElementType elementType, double tolerance)
    {
        var layer = NeuronLayer.Create(3, 4, ActivationCatalog.Create(activation), Initialization.XavierNormal, 11);

        double[,] outputs = Run(OnnxExporter.Export(layer, elementType), s_inputs, elementType);

        for (int row = 0; row < s_inputs.Length; row++)
        {
            var expected = layer.Evaluate(s_inputs[row]).Output;
            for (int j = 0; j < 4; j++)
            {
                Assert.True(Close(expected[j], outputs[row, j], tolerance), $"{activation} row {row} output {j}: core {expected[j]:R}, ONNX Runtime {outputs[row, j]:R}");
            }
        }
    }

    [Theory]
    [InlineData(OnnxElementType.Double, 1e-12)]
    [InlineData(OnnxElementType.Float, 1e-5)]
    public void AnExportedNetworkGivesTheCoresOutputs(OnnxElementType elementType, double tolerance)
    {
        var network = NeuronNetwork.Create(
            new[] { 3, 6, 5, 2 },
            new[] { ActivationCatalog.Create("ReLU"), ActivationCatalog.Create("Tanh"), ActivationCatalog.Create("Softmax") },
            Initialization.HeUniform,
            3,
            "net");

        double[,] outputs = Run(OnnxExporter.Export(network, elementType), s_inputs, elementType);

        for (int row = 0; row < s_inputs.Length; row++)
        {
            var expected = network.Evaluate(s_inputs[row]).Output;
            for (int j = 0; j < expected.Count; j++)
            {
                Assert.True(Close(expected[j], outputs[row, j], tolerance), $"row {row} output {j}: core {expected[j]:R}, ONNX Runtime {outputs[row, j]:R}");
            }
        }
    }

    [Theory]
    [InlineData(0.25, -2.0)]
    [InlineData(0.2, -1.6000000238418579)]
    public void ALeakyReluSlopeTravelsAsAFloatAttribute(double slope, double expected)
    {
        var neuron = new Neuron(new[] { 1.0 }, 0.0, ActivationCatalog.CreateScalar(FormattableString.Invariant($"LeakyReLU(negative_slope={slope})")));

        float[,] outputs = RunFloat(OnnxExporter.Export(neuron), new[] { new[] { -8.0 } });

        // ONNX attributes are 32-bit floats: 0.25 is exact, 0.2 becomes 0.20000000298023224.
        Assert.Equal(expected, (double)outputs[0, 0]);
    }

    [Fact]
    public void AnActivationOnnxCannotExpressIsRefusedByName()
    {
        var cube = new ActivationDefinition(
            "Cube", Array.Empty<string>(), ActivationKind.Scalar, "x³", "3x²", "(-∞, ∞)", "none", Array.Empty<ActivationParameter>(),
            (definition, arguments) => new DelegateActivation(definition, arguments, x => x * x * x, x => 3 * x * x));
        var neuron = new Neuron(new[] { 1.0 }, 0.0, (ScalarActivation)cube.Create(ActivationArguments.Empty));

        var exception = Assert.Throws<NeuronToolsException>(() => OnnxExporter.Export(neuron));

        Assert.Equal("UnsupportedOnnxActivation", exception.ErrorId);
        Assert.Contains("Cube", exception.Message, StringComparison.Ordinal);
        Assert.Contains("-Format Json", exception.Message, StringComparison.Ordinal);
    }

    private static bool Close(double expected, double actual, double tolerance) =>
        Math.Abs(expected - actual) <= tolerance * Math.Max(1.0, Math.Abs(expected));

    private static double[,] Run(byte[] model, double[][] inputs, OnnxElementType elementType)
    {
        if (elementType == OnnxElementType.Double)
        {
            return RunDouble(model, inputs);
        }

        float[,] single = RunFloat(model, inputs);
        var values = new double[single.GetLength(0), single.GetLength(1)];
        for (int i = 0; i < values.GetLength(0); i++)
        {
            for (int j = 0; j < values.GetLength(1); j++)
            {
                values[i, j] = single[i, j];
            }
        }

        return values;
    }

    internal static double[,] RunDouble(byte[] model, double[][] inputs)
    {
        using var session = new InferenceSession(model);
        int width = inputs[0].Length;
        var tensor = new DenseTensor<double>(inputs.SelectMany(r => r).ToArray(), new[] { inputs.Length, width });
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("input", tensor) });
        var output = results.Single().AsTensor<double>();
        var values = new double[output.Dimensions[0], output.Dimensions[1]];
        for (int i = 0; i < values.GetLength(0); i++)
        {
            for (int j = 0; j < values.GetLength(1); j++)
            {
                values[i, j] = output[i, j];
            }
        }

        return values;
    }

    internal static float[,] RunFloat(byte[] model, double[][] inputs)
    {
        using var session = new InferenceSession(model);
        int width = inputs[0].Length;
        var tensor = new DenseTensor<float>(inputs.SelectMany(r => r).Select(v => (float)v).ToArray(), new[] { inputs.Length, width });
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("input", tensor) });
        var output = results.Single().AsTensor<float>();
        var values = new float[output.Dimensions[0], output.Dimensions[1]];
        for (int i = 0; i < values.GetLength(0); i++)
        {
            for (int j = 0; j < values.GetLength(1); j++)
            {
                values[i, j] = output[i, j];
            }
        }

        return values;
    }
}
