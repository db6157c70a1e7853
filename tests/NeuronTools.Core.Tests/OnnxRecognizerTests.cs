using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static NeuronTools.Tests.OnnxTestFile;

namespace NeuronTools.Tests;

public class OnnxRecognizerTests
{
    private static readonly ProtoWriter[] s_noNodes = Array.Empty<ProtoWriter>();

    public static IEnumerable<object[]> Refusals()
    {
        var linear = Linear("l", 2, 2).ToArray();
        (string Scenario, byte[] File, string ErrorId, string Mentions)[] cases =
        {
            ("a convolution", Model(new[] { Node("Conv", new[] { "x", "lW" }, "y") }, linear, new[] { Input(2) }), "UnsupportedOnnxOperator", "Conv"),
            ("an operator of another domain", Model(new[] { Node("Gemm", new[] { "x", "lW", "lb" }, "a", ("transB", 1L)), NodeIn("com.microsoft", "FastGelu", new[] { "a" }, "y") }, linear, new[] { Input(2) }), "UnsupportedOnnxOperator", "com.microsoft"),
            ("two inputs", Model(new[] { Node("Gemm", new[] { "x", "lW", "lb" }, "y", ("transB", 1L)) }, linear, new[] { Input(2), Input(2, "z") }), "UnsupportedOnnxGraph", "2 inputs"),
            ("no input", Model(s_noNodes, linear, Array.Empty<ProtoWriter>()), "UnsupportedOnnxGraph", "no input"),
            ("an integer input", Model(new[] { Node("Gemm", new[] { "x", "lW", "lb" }, "y", ("transB", 1L)) }, linear, new[] { Value("x", Integer64, null, 2) }), "UnsupportedOnnxGraph", "int64"),
            ("an image input", Model(new[] { Node("Gemm", new[] { "x", "lW", "lb" }, "y", ("transB", 1L)) }, linear, new[] { Value("x", Float, null, 3, 8, 8) }), "UnsupportedOnnxGraph", "4 dimensions"),
            ("a branch that joins again", Model(new[] { Node("Gemm", new[] { "x", "lW", "lb" }, "a", ("transB", 1L)), Node("Gemm", new[] { "x", "lW", "lb" }, "b", ("transB", 1L)), Node("Add", new[] { "a", "b" }, "y") }, linear, new[] { Input(2) }), "UnsupportedOnnxGraph", "several nodes"),
            ("a second output", Model(new[] { Node("Gemm", new[] { "x", "lW", "lb" }, "y", ("transB", 1L)), Node("Relu", new[] { "x" }, "z") }, linear, new[] { Input(2) }), "UnsupportedOnnxGraph", "several nodes"),
            ("Keras 2's hard sigmoid", Model(new[] { Node("Gemm", new[] { "x", "lW", "lb" }, "a", ("transB", 1L)), Node("HardSigmoid", new[] { "a" }, "y", ("alpha", 0.2f), ("beta", 0.5f)) }, linear, new[] { Input(2) }), "UnsupportedOnnxOperator", "relu6(x + 3)/6"),
            ("an activation before any dense step", Model(new[] { Node("Relu", new[] { "x" }, "a"), Node("Gemm", new[] { "a", "lW", "lb" }, "y", ("transB", 1L)) }, linear, new[] { Input(2) }), "UnsupportedOnnxOperator", "before the first dense step"),
            ("a weight that is an input", Model(new[] { Node("MatMul", new[] { "x", "w" }, "y") }, s_noNodes, new[] { Input(2), Value("w", Float, 2, 2) }), "UnsupportedOnnxGraph", "2 inputs"),
            ("a softmax over the batch", Model(new[] { Node("Gemm", new[] { "x", "lW", "lb" }, "a", ("transB", 1L)), Node("Softmax", new[] { "a" }, "y", ("axis", 0L)) }, linear, new[] { Input(2) }), "UnsupportedOnnxOperator", "Softmax"),
            ("a weight kept in an external file", Model(new[] { Node("MatMul", new[] { "x", "w" }, "y") }, new[] { new ProtoWriter().Int64(1, 2).Int64(1, 2).Int64(2, Float).String(8, "w").Message(13, new ProtoWriter().String(1, "location").String(2, "w.bin")).Int64(14, 1) }, new[] { Input(2) }), "UnsupportedOnnxGraph", "external file"),
            ("input scaling (until models store it)", Model(new[] { NodeIn("ai.onnx.ml", "Scaler", new[] { "x" }, "s", ("offset", new[] { 1f, 2f }), ("scale", new[] { 0.5f, 0.25f })), Node("Gemm", new[] { "s", "lW", "lb" }, "y", ("transB", 1L)) }, linear, new[] { Input(2) }), "UnsupportedOnnxGraph", "scaling"),
            ("a width that does not match the weights", Model(new[] { Node("Gemm", new[] { "x", "lW", "lb" }, "y", ("transB", 1L)) }, linear, new[] { Input(3) }), "UnsupportedOnnxGraph", "takes 2 inputs"),
        };
        return cases.Select(c => new object[] { c.Scenario, c.File, c.ErrorId, c.Mentions });
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void AGraphThatIsNotOneDenseChainIsRefusedWithItsReason(string scenario, byte[] file, string errorId, string mentions)
    {
        var exception = Assert.Throws<NeuronToolsException>(() => OnnxImporter.Import(file, "The file 'm.onnx'", ModelReadOptions.Default));

        Assert.True(errorId == exception.ErrorId, $"{scenario}: {exception.ErrorId}: {exception.Message}");
        Assert.Contains(mentions, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("The file 'm.onnx'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMatMulWithoutAddIsADenseStepWithZeroBias()
    {
        var file = Model(new[] { Node("MatMul", new[] { "x", "w" }, "y") }, new[] { Tensor("w", new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }, 3, 2) }, new[] { Input(3) });

        var network = Assert.IsType<NeuronNetwork>(OnnxImporter.Import(file, "m", ModelReadOptions.Default));

        // MatMul's weight is [inputs, outputs]: the module's rows are its columns.
        Assert.Equal(new[] { new[] { 1.0, 3.0, 5.0 }, new[] { 2.0, 4.0, 6.0 } }, network.Layers[0].WeightRows);
        Assert.Equal(new[] { 0.0, 0.0 }, network.Layers[0].BiasValues);
        Assert.Equal("Identity", network.Layers[0].Activation.Name);
    }

    [Theory]
    [InlineData(10L, "Clip", "ReLU6")]
    [InlineData(10L, "Clip01", "Hardtanh(min_val=0)")]
    [InlineData(13L, "Selu", "SELU")]
    [InlineData(13L, "ThresholdedRelu", "Threshold(threshold=0.5, value=0)")]
    [InlineData(13L, "Shrink", "Softshrink(lambd=0.25)")]
    [InlineData(13L, "Gelu", "GELU(approximate=tanh)")]
    [InlineData(12L, "Softmax", "Softmax")]
    [InlineData(13L, "Softplus", "Softplus(threshold=40)")]
    public void AnOperatorWithItsAttributesBecomesTheCataloguesFunction(long opset, string op, string expected)
    {
        var attributes = op switch
        {
            "Clip" => new (string, object)[] { ("min", 0f), ("max", 6f) },
            "Clip01" => new (string, object)[] { ("min", 0f), ("max", 1f) },
            "ThresholdedRelu" => new (string, object)[] { ("alpha", 0.5f) },
            "Shrink" => new (string, object)[] { ("bias", 0.25f), ("lambd", 0.25f) },
            "Gelu" => new (string, object)[] { ("approximate", "tanh") },
            _ => Array.Empty<(string, object)>(),
        };
        var file = Model(
            new[] { Node("Gemm", new[] { "x", "lW", "lb" }, "a", ("transB", 1L)), Node(op == "Clip01" ? "Clip" : op, new[] { "a" }, "y", attributes) },
            Linear("l", 2, 2),
            new[] { Input(2) },
            opset: opset);

        var network = Assert.IsType<NeuronNetwork>(OnnxImporter.Import(file, "m", ModelReadOptions.Default));

        Assert.Equal(expected, network.Layers[0].Activation.Specification);
    }

    [Fact]
    public void ATanhFormGeluWrittenWithPowIsRecognised()
    {
        var constants = new[]
        {
            Tensor("half", new[] { 0.5 }), Tensor("one", new[] { 1.0 }), Tensor("three", new[] { 3.0 }),
            Tensor("kappa", new[] { 0.044715 }), Tensor("beta", new[] { Math.Sqrt(2 / Math.PI) }),
        };
        var nodes = new[]
        {
            Node("Gemm", new[] { "x", "lW", "lb" }, "a", ("transB", 1L)),
            Node("Pow", new[] { "a", "three" }, "cube"),
            Node("Mul", new[] { "cube", "kappa" }, "k"),
            Node("Add", new[] { "a", "k" }, "inner"),
            Node("Mul", new[] { "beta", "inner" }, "scaled"),
            Node("Tanh", new[] { "scaled" }, "t"),
            Node("Add", new[] { "one", "t" }, "onePlus"),
            Node("Mul", new[] { "half", "a" }, "halfX"),
            Node("Mul", new[] { "halfX", "onePlus" }, "y"),
        };

        var network = Assert.IsType<NeuronNetwork>(OnnxImporter.Import(Model(nodes, Linear("l", 2, 2).Concat(constants), new[] { Input(2) }), "m", ModelReadOptions.Default));

        Assert.Equal("GELU(approximate=tanh)", network.Layers[0].Activation.Specification);
    }
}
