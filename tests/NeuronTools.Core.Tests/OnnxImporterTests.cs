using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;

namespace NeuronTools.Tests;

public class OnnxImporterTests
{
    private static readonly double[][] s_inputs =
    {
        new[] { 5.0, 3.0, 1.0 },
        new[] { 0.0, 0.0, 0.0 },
        new[] { -2.5, 0.75, 1.25 },
        new[] { 0.125, -0.5, -3.0 },
        new[] { 10.0, -7.0, 2.0 },
        new[] { -20.0, 5.0, -3.0 },
    };

    public static IEnumerable<object[]> Accepted() => OnnxCorpus.Files().Where(f => !OnnxCorpus.Refused.ContainsKey((string)f[0]));

    public static IEnumerable<object[]> Refused() => OnnxCorpus.Refused.Select(r => new object[] { r.Key, r.Value });

    public static IEnumerable<object[]> ExportableActivations() =>
        OnnxExporter.SupportedActivations
            .Select(name => ActivationCatalog.All.First(d => d.Name == name))
            .SelectMany(d => d.Parameters.Any(p => p.IsRequired) ? new[] { d.Name + "(" + string.Join(", ", d.Parameters.Select(p => p.Name + "=1.5")) + ")" } : new[] { d.Name })
            .Concat(new[] { "LeakyReLU(negative_slope=0.2)", "ELU(alpha=0.3)", "Softplus(beta=2, threshold=5)", "GELU(approximate=tanh)", "CELU(alpha=0.7)", "Hardtanh(min_val=-0.3, max_val=0.9)", "Softshrink(lambd=0.3)", "RReLU(lower=0.1, upper=0.3)", "PReLU(init=0.1)" })
            .SelectMany(spec => new[] { new object[] { spec, OnnxElementType.Double }, new object[] { spec, OnnxElementType.Float } });

    [Theory]
    [MemberData(nameof(Accepted))]
    public void ACorpusFileGivesTheProducingFrameworksOutputs(string file)
    {
        var chain = OnnxImporter.Recognize(OnnxCorpus.Read(file), file, ModelReadOptions.Default);
        var (inputs, outputs, labels) = OnnxCorpus.Expected(file);

        // A float32 attribute cannot hold the framework's double value (LeakyReLU's 0.2): in double the file
        // then computes with 0.20000000298…, a relative change of 1.5e-8 in that slope.
        double tolerance = !chain.IsDouble ? 1e-5 : OnnxCorpus.Note(file).Contains("float32 attribute", StringComparison.Ordinal) ? 1e-7 : 1e-12;
        for (int row = 0; row < inputs.Length; row++)
        {
            var actual = OnnxCorpus.Evaluate(chain, inputs[row]);
            Assert.Equal(outputs[row].Length, actual.Length);
            for (int j = 0; j < actual.Length; j++)
            {
                double error = OnnxCorpus.Error(outputs[row][j], actual[j]);
                Assert.True(error <= tolerance, $"{file} row {row + 1} y{j + 1}: expected {outputs[row][j]:R}, imported {actual[j]:R} (error {error:E2}, tolerance {tolerance:E0})");
            }

            if (labels is not null)
            {
                Assert.NotNull(chain.ClassLabel);
                int predicted = Array.IndexOf(actual, actual.Max());
                Assert.Equal(labels[row], chain.ClassLabel![predicted]);
            }
        }

        Assert.Equal(labels is not null, chain.ClassLabel is not null);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void ACorpusFileThatComputesNoCatalogueActivationIsRefusedByName(string file, string errorId)
    {
        var exception = Assert.Throws<NeuronToolsException>(() => OnnxImporter.Import(OnnxCorpus.Read(file), file, ModelReadOptions.Default));

        Assert.Equal(errorId, exception.ErrorId);
        Assert.Contains(file, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void ACorpusFileImportsAsANeuronOrNetworkOrIsRefusedForItsScalingOrLabels(string file)
    {
        var chain = OnnxImporter.Recognize(OnnxCorpus.Read(file), file, ModelReadOptions.Default);
        if (chain.Scaling is not null || chain.ClassLabel is not null)
        {
            // Until a model can store scaling and class labels (the tabular-data work), such graphs are refused.
            var exception = Assert.Throws<NeuronToolsException>(() => OnnxImporter.Import(OnnxCorpus.Read(file), file, ModelReadOptions.Default));
            Assert.Equal("UnsupportedOnnxGraph", exception.ErrorId);
            Assert.Contains(chain.Scaling is not null ? "scaling" : "class labels", exception.Message, StringComparison.Ordinal);
            return;
        }

        object model = OnnxImporter.Import(OnnxCorpus.Read(file), file, ModelReadOptions.Default);
        var (inputs, _, _) = OnnxCorpus.Expected(file);
        bool oneUnit = chain.Layers.Count == 1 && chain.Layers[0].NeuronCount == 1 && !chain.Layers[0].Activation.IsVector;
        Assert.IsType(oneUnit ? typeof(Neuron) : typeof(NeuronNetwork), model);
        foreach (var input in inputs)
        {
            var expected = OnnxCorpus.Evaluate(chain, input);
            var actual = model is Neuron neuron ? new[] { neuron.Evaluate(input).Output } : ((NeuronNetwork)model).Evaluate(input).Output.ToArray();
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>ONNX Runtime on the file itself, on the same inputs: where it has the kernel, the import agrees.</summary>
    [Theory]
    [MemberData(nameof(Accepted))]
    public void ACorpusFileGivesOnnxRuntimesOutputsWhereItHasTheKernels(string file)
    {
        var bytes = OnnxCorpus.Read(file);
        var chain = OnnxImporter.Recognize(bytes, file, ModelReadOptions.Default);
        var (inputs, _, _) = OnnxCorpus.Expected(file);
        InferenceSession session;
        try
        {
            session = new InferenceSession(bytes);
        }
        catch (OnnxRuntimeException exception) when (chain.IsDouble && exception.Message.Contains("NotImplemented", StringComparison.Ordinal))
        {
            // ONNX Runtime's CPU provider has no double kernel for some operators (Elu, Selu, Softplus, LeakyRelu...).
            Assert.Contains(OnnxRuntimeMissingDoubleKernels, op => exception.Message.Contains(op, StringComparison.Ordinal));
            return;
        }

        using (session)
        {
            string inputName = session.InputMetadata.Keys.Single();
            int width = inputs[0].Length;
            var values = inputs.SelectMany(r => r).ToArray();
            NamedOnnxValue input = chain.IsDouble
                ? NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<double>(values, new[] { inputs.Length, width }))
                : NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(values.Select(v => (float)v).ToArray(), new[] { inputs.Length, width }));
            using var results = session.Run(new[] { input });
            // ONNX Runtime's double Celu (a function of float32 operators in its CPU provider) is good to about 1e-8.
            bool floatCelu = chain.IsDouble && chain.Layers.Any(l => l.Activation.Name == "CELU");
            double tolerance = !chain.IsDouble ? 1e-5 : floatCelu ? 1e-7 : 1e-12;
            foreach (var result in results)
            {
                if (result.ValueType != OnnxValueType.ONNX_TYPE_TENSOR)
                {
                    continue;
                }

                if (result.ElementType is TensorElementType.Float or TensorElementType.Double)
                {
                    var tensor = result.ElementType == TensorElementType.Float ? result.AsTensor<float>().Select(v => (double)v).ToArray() : result.AsTensor<double>().ToArray();
                    int columns = tensor.Length / inputs.Length;
                    for (int row = 0; row < inputs.Length; row++)
                    {
                        var actual = OnnxCorpus.Evaluate(chain, inputs[row]);
                        Assert.Equal(columns, actual.Length);
                        for (int j = 0; j < columns; j++)
                        {
                            double error = OnnxCorpus.Error(tensor[(row * columns) + j], actual[j]);
                            Assert.True(error <= tolerance, $"{file} row {row + 1} y{j + 1}: ONNX Runtime {tensor[(row * columns) + j]:R}, imported {actual[j]:R} (error {error:E2})");
                        }
                    }
                }
            }
        }
    }

    private static readonly string[] OnnxRuntimeMissingDoubleKernels = { "Elu", "Selu", "Celu", "Softplus", "Softsign", "LeakyRelu", "HardSigmoid", "HardSwish", "PRelu", "Erf", "Mish", "Clip", "ThresholdedRelu", "Shrink", "Where", "Greater", "Less", "Log" };

    [Theory]
    [MemberData(nameof(ExportableActivations))]
    public void AnExportedNetworkImportsBackAsTheSameNetwork(string activation, OnnxElementType elementType)
    {
        var function = ActivationCatalog.Create(activation);
        var network = NeuronNetwork.Create(
            new[] { 3, 4, 2 },
            // Exponential twice overflows on these inputs; a vector activation belongs on the output layer.
            new[] { function.IsVector || function.Name == "Exponential" ? ActivationCatalog.Create("Tanh") : function, function },
            Initialization.HeUniform,
            7,
            "net",
            new[] { "height", "width", "depth" });

        var imported = Assert.IsType<NeuronNetwork>(OnnxImporter.Import(OnnxExporter.Export(network, elementType), "export", ModelReadOptions.Default));

        Assert.Equal("net", imported.Name);
        Assert.Equal(new[] { "height", "width", "depth" }, imported.InputName);
        Assert.Equal(network.Shape, imported.Shape);
        for (int i = 0; i < network.Layers.Count; i++)
        {
            Assert.Equal(network.Layers[i].Activation.Specification, imported.Layers[i].Activation.Specification);
            var expectedWeights = network.Layers[i].WeightRows.SelectMany(r => r).Concat(network.Layers[i].BiasValues);
            var actualWeights = imported.Layers[i].WeightRows.SelectMany(r => r).Concat(imported.Layers[i].BiasValues);

            // Double export keeps every bit; float export keeps the float32 rounding of each weight, widened exactly.
            Assert.Equal(
                expectedWeights.Select(w => elementType == OnnxElementType.Double ? BitConverter.DoubleToInt64Bits(w) : BitConverter.DoubleToInt64Bits((float)w)),
                actualWeights.Select(BitConverter.DoubleToInt64Bits));
        }

        if (elementType == OnnxElementType.Double)
        {
            Assert.All(s_inputs, input => Assert.Equal(network.Evaluate(input).Output, imported.Evaluate(input).Output));
        }
    }

    [Theory]
    [InlineData(OnnxElementType.Double)]
    [InlineData(OnnxElementType.Float)]
    public void AnExportedNeuronImportsBackAsANeuron(OnnxElementType elementType)
    {
        var neuron = new Neuron(new[] { 0.5, -1.0, 2.0 }, 0.5, ActivationCatalog.CreateScalar("LeakyReLU(negative_slope=0.2)"), "article", new[] { "a", "b", "c" });

        var imported = Assert.IsType<Neuron>(OnnxImporter.Import(OnnxExporter.Export(neuron, elementType), "export", ModelReadOptions.Default));

        Assert.Equal(neuron.Weight, imported.Weight);
        Assert.Equal(neuron.Bias, imported.Bias);
        Assert.Equal("LeakyReLU(negative_slope=0.2)", imported.Activation.Specification);
        Assert.Equal("article", imported.Name);
        Assert.Equal(new[] { "a", "b", "c" }, imported.InputName);
    }

    [Fact]
    public void AnExportedLayerImportsBackAsANetworkOfThatLayer()
    {
        var layer = NeuronLayer.Create(3, 4, ActivationCatalog.Create("Softmax"), Initialization.XavierNormal, 11);

        var imported = Assert.IsType<NeuronNetwork>(OnnxImporter.Import(OnnxExporter.Export(layer, OnnxElementType.Double), "export", ModelReadOptions.Default));

        Assert.Single(imported.Layers);
        Assert.Equal(layer.WeightRows, imported.Layers[0].WeightRows);
        Assert.Equal(layer.BiasValues, imported.Layers[0].BiasValues);
        Assert.Equal("Softmax", imported.Layers[0].Activation.Specification);
    }

    [Fact]
    public void AForeignFloatAttributeIsWidenedExactly()
    {
        var network = Assert.IsType<NeuronNetwork>(OnnxImporter.Import(OnnxCorpus.Read("torch/leakyrelu_op13_f.onnx"), "torch", ModelReadOptions.Default));

        // torch writes nn.LeakyReLU(0.2) as the float32 attribute 0.2f, which is 0.20000000298023224 as a double.
        Assert.All(network.Layers, layer => Assert.Equal("LeakyReLU(negative_slope=0.20000000298023224)", layer.Activation.Specification));
        Assert.Null(network.Name);
        Assert.Equal(new[] { "x1", "x2", "x3" }, network.InputName);
    }

    [Fact]
    public void MetadataThatDisagreesWithTheGraphIsIgnored()
    {
        var network = NeuronNetwork.Create(new[] { 2, 2 }, new[] { ActivationCatalog.Create("LeakyReLU(negative_slope=0.2)") }, Initialization.HeUniform, 3);
        byte[] file = OnnxExporter.Export(network, OnnxElementType.Double);

        // The stored specification claims ReLU; the graph's LeakyRelu node decides.
        byte[] tampered = Replace(file, "[\"LeakyReLU(negative_slope=0.2)\"]", "[\"ReLU\"" + new string(' ', 25) + "]");
        var imported = Assert.IsType<NeuronNetwork>(OnnxImporter.Import(tampered, "tampered", ModelReadOptions.Default));

        Assert.Equal("LeakyReLU(negative_slope=0.20000000298023224)", imported.Layers[0].Activation.Specification);
    }

    private static byte[] Replace(byte[] data, string from, string to)
    {
        var a = System.Text.Encoding.UTF8.GetBytes(from);
        var b = System.Text.Encoding.UTF8.GetBytes(to);
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i + a.Length <= data.Length; i++)
        {
            if (data.Skip(i).Take(a.Length).SequenceEqual(a))
            {
                var copy = (byte[])data.Clone();
                Array.Copy(b, 0, copy, i, b.Length);
                return copy;
            }
        }

        throw new InvalidOperationException("not found");
    }
}
