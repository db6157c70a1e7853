using System.Collections.Generic;
using System.Linq;

namespace NeuronTools.Tests;

/// <summary>Small ONNX models written field by field with the module's own <see cref="ProtoWriter"/>, for the refusal tests.</summary>
internal static class OnnxTestFile
{
    internal const int Float = 1;
    internal const int Double = 11;
    internal const int Integer64 = 7;

    internal static byte[] Model(IEnumerable<ProtoWriter> nodes, IEnumerable<ProtoWriter> initializers, IEnumerable<ProtoWriter> inputs, string output = "y", long opset = 13, string producer = "test")
    {
        var graph = new ProtoWriter();
        foreach (var node in nodes)
        {
            graph.Message(1, node);
        }

        graph.String(2, "g");
        foreach (var initializer in initializers)
        {
            graph.Message(5, initializer);
        }

        foreach (var input in inputs)
        {
            graph.Message(11, input);
        }

        graph.Message(12, Value(output, Float, null, 1));
        return new ProtoWriter()
            .Int64(1, 7)
            .String(2, producer)
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, string.Empty).Int64(2, opset))
            .ToArray();
    }

    /// <summary>A graph input or output: name, element type, and dims (null for a named batch dimension).</summary>
    internal static ProtoWriter Value(string name, int elementType, params long?[] dims)
    {
        var shape = new ProtoWriter();
        foreach (long? dim in dims)
        {
            shape.Message(1, dim is long size ? new ProtoWriter().Int64(1, size) : new ProtoWriter().String(2, "batch"));
        }

        var tensorType = new ProtoWriter().Int64(1, elementType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }

    internal static ProtoWriter Input(int width, string name = "x") => Value(name, Float, null, width);

    internal static ProtoWriter Tensor(string name, double[] values, params long[] dims)
    {
        var tensor = new ProtoWriter();
        foreach (long dim in dims)
        {
            tensor.Int64(1, dim);
        }

        return tensor.Int64(2, Float).String(8, name).Bytes(9, ProtoWriter.RawSingles(values));
    }

    internal static ProtoWriter Node(string op, string[] inputs, string output, params (string Name, object Value)[] attributes) =>
        NodeIn(string.Empty, op, inputs, output, attributes);

    internal static ProtoWriter NodeIn(string domain, string op, string[] inputs, string output, params (string Name, object Value)[] attributes)
    {
        var node = new ProtoWriter().Strings(1, inputs).String(2, output).String(3, op + "_" + output).String(4, op);
        if (domain.Length > 0)
        {
            node.String(7, domain);
        }

        foreach (var (name, value) in attributes)
        {
            var attribute = new ProtoWriter().String(1, name);
            switch (value)
            {
                case float f:
                    attribute.Float(2, f).Int64(20, 1);
                    break;
                case long i:
                    attribute.Int64(3, i).Int64(20, 2);
                    break;
                case string s:
                    attribute.String(4, s).Int64(20, 3);
                    break;
                case float[] fs:
                    foreach (float f in fs)
                    {
                        attribute.Float(7, f);
                    }

                    attribute.Int64(20, 6);
                    break;
            }

            node.Message(5, attribute);
        }

        return node;
    }

    /// <summary>Gemm(x, W, b) with transB = 1 for a [outputs, inputs] weight, as torch writes a Linear layer.</summary>
    internal static IEnumerable<ProtoWriter> Linear(string prefix, int inputs, int outputs) => new[]
    {
        Tensor(prefix + "W", Enumerable.Range(0, inputs * outputs).Select(i => (i % 5) - 2.0).ToArray(), outputs, inputs),
        Tensor(prefix + "b", Enumerable.Range(0, outputs).Select(i => 0.5 * i).ToArray(), outputs),
    };
}
