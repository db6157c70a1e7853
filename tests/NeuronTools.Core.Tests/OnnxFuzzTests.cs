using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace NeuronTools.Tests;

/// <summary>
/// Thousands of mutated ONNX files: every one ends in a model or in a NeuronToolsException with one of the import's
/// error ids, never another exception, and each within a time bound.
/// </summary>
public class OnnxFuzzTests
{
    private static readonly HashSet<string> s_knownIds = new(StringComparer.Ordinal) { "InvalidModelFile", "UnsupportedOnnxGraph", "UnsupportedOnnxOperator" };

    private readonly ITestOutputHelper _output;

    public OnnxFuzzTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Seeds() => new[]
    {
        "torch/gelu_op13_f.onnx", "torch/flatten_dropout_relu_op9_d.onnx", "torch/softshrink_op11_f.onnx", "torch/prelu_op17_f.onnx",
        "skl2onnx/mlp_classifier_binary_f.onnx", "skl2onnx/standard_scaler_mlp_d.onnx", "skl2onnx/logistic_multinomial_f.onnx",
        "tf2onnx/keras_transpose_sigmoid_f.onnx", "tf2onnx/keras_gemm_relu6_f.onnx", "neurontools:softplus", "neurontools:network",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryMutationEndsInAModelOrAKnownErrorQuickly(string seed)
    {
        byte[] original = Seed(seed);
        var random = new Random(seed.Length * 7919);
        const int mutations = 600;
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        for (int i = 0; i < mutations; i++)
        {
            byte[] mutated = Mutate(original, random);
            var watch = Stopwatch.StartNew();
            string outcome;
            try
            {
                object model = OnnxImporter.Import(mutated, "fuzz", ModelReadOptions.Default);
                outcome = model.GetType().Name;
            }
            catch (NeuronToolsException exception)
            {
                Assert.True(s_knownIds.Contains(exception.ErrorId), $"mutation {i} of {seed}: unexpected id {exception.ErrorId}: {exception.Message}");
                outcome = exception.ErrorId;
            }

            watch.Stop();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            outcomes[outcome] = outcomes.TryGetValue(outcome, out int n) ? n + 1 : 1;
        }

        total.Stop();
        _output.WriteLine($"{seed}: {mutations} mutations in {total.Elapsed.TotalMilliseconds:F0} ms, slowest {slowest.TotalMilliseconds:F1} ms: " + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + " " + o.Value)));

        // A generous bound on a loaded 2-core machine: a hang or a blow-up would take far longer.
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"the slowest mutation took {slowest.TotalMilliseconds:F0} ms");
        Assert.True(outcomes.Keys.Count(k => s_knownIds.Contains(k)) >= 1);
    }

    private static byte[] Seed(string name) => name switch
    {
        "neurontools:softplus" => OnnxExporter.Export(
            NeuronNetwork.Create(new[] { 3, 4, 2 }, new[] { ActivationCatalog.Create("Softplus(beta=2, threshold=5)"), ActivationCatalog.Create("Softmax") }, Initialization.HeUniform, 1),
            OnnxElementType.Double),
        "neurontools:network" => OnnxExporter.Export(
            NeuronNetwork.Create(new[] { 2, 3, 1 }, new[] { ActivationCatalog.Create("SiLU"), ActivationCatalog.Create("Sigmoid") }, Initialization.HeUniform, 2, "n", new[] { "a", "b" })),
        _ => OnnxCorpus.Read(name),
    };

    /// <summary>One to three of: a flipped bit, a random byte, a cut, a removed or a repeated run, a varint of 0xFF bytes.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        int count = 1 + random.Next(3);
        for (int m = 0; m < count && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                    break;
                case 4:
                    int length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes.InsertRange(at, Enumerable.Repeat((byte)0xFF, 1 + random.Next(12)));
                    break;
            }
        }

        return bytes.ToArray();
    }
}
