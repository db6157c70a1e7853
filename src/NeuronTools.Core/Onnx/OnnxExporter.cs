using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools;

/// <summary>The element type of an exported ONNX model's tensors.</summary>
public enum OnnxElementType
{
    /// <summary>32-bit floats: what every ONNX runtime and accelerator supports.</summary>
    Float,

    /// <summary>64-bit doubles: the weights exactly as the module holds them, for runtimes with double kernels.</summary>
    Double,
}

/// <summary>
/// Writes a model as a standard ONNX model: for each layer a Gemm node (Y = X·Wᵀ + b) and then the
/// activation's node, or a few standard nodes where ONNX has no single operator with the same
/// definition. Opset 13, raised only as far as an activation needs (HardSwish 14, Mish 18, Gelu 20).
/// </summary>
internal static class OnnxExporter
{
    // onnx.proto field numbers.
    private const int ModelIrVersion = 1;
    private const int ModelProducerName = 2;
    private const int ModelProducerVersion = 3;
    private const int ModelDocString = 6;
    private const int ModelGraph = 7;
    private const int ModelOpsetImport = 8;
    private const int ModelMetadata = 14;
    private const int EntryKey = 1;
    private const int EntryValue = 2;
    private const int OpsetDomain = 1;
    private const int OpsetVersion = 2;
    private const int GraphNode = 1;
    private const int GraphName = 2;
    private const int GraphInitializer = 5;
    private const int GraphDocString = 10;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int NodeInput = 1;
    private const int NodeOutput = 2;
    private const int NodeName = 3;
    private const int NodeOpType = 4;
    private const int NodeAttribute = 5;
    private const int AttributeName = 1;
    private const int AttributeFloat = 2;
    private const int AttributeInt = 3;
    private const int AttributeString = 4;
    private const int AttributeType = 20;
    private const int AttributeTypeFloat = 1;
    private const int AttributeTypeInt = 2;
    private const int AttributeTypeString = 3;
    private const int TensorDims = 1;
    private const int TensorDataType = 2;
    private const int TensorName = 8;
    private const int TensorRawData = 9;
    private const int TensorDataTypeFloat = 1;
    private const int TensorDataTypeDouble = 11;
    private const int ValueInfoName = 1;
    private const int ValueInfoType = 2;
    private const int TypeTensorType = 1;
    private const int TensorTypeElemType = 1;
    private const int TensorTypeShape = 2;
    private const int ShapeDim = 1;
    private const int DimValue = 1;
    private const int DimParam = 2;

    private const int BaseOpset = 13;

    private delegate string ActivationEmitter(GraphBuilder graph, string input, ActivationFunction activation, string output);

    private static readonly Dictionary<string, (int Opset, ActivationEmitter Emit)> s_activations = CreateActivations();

    /// <summary>The activations (canonical names) this exporter can express.</summary>
    internal static IEnumerable<string> SupportedActivations =>
        ActivationCatalog.All.Where(d => s_activations.ContainsKey(d.Name)).Select(d => d.Name);

    internal static byte[] Export(NeuronModel model, OnnxElementType elementType = OnnxElementType.Float) => Export(model, elementType, model.Preprocessing);

    /// <summary>As <see cref="Export(NeuronModel, OnnxElementType)"/>, with <paramref name="preprocessing"/> as the graph's first nodes.</summary>
    internal static byte[] Export(NeuronModel model, OnnxElementType elementType, InputPreprocessing? preprocessing)
    {
        if (!ModelSerializer.IsModel(model))
        {
            throw ModelErrors.UnsupportedModelType(model);
        }

        var graph = new GraphBuilder(elementType);
        string value = Preprocess(graph, preprocessing);
        var layers = model.DenseLayers;
        for (int i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            string output = i == layers.Count - 1 ? graph.Output : layer.NodePrefix + "output";
            value = Dense(graph, value, layer.Weight, layer.Bias, layer.Activation, layer.Description, layer.NodePrefix, output);
        }

        string graphName = model.Name ?? model.GetType().Name;
        int inputCount = model.InputCount;
        int outputCount = model.OutputCount;
        string? documentation = model.InputName is null ? null : "Input columns, in order: " + string.Join(", ", model.InputName) + ".";
        var graphMessage = new ProtoWriter().String(GraphName, graphName);
        foreach (var node in graph.Nodes)
        {
            graphMessage.Message(GraphNode, node);
        }

        foreach (var initializer in graph.Initializers)
        {
            graphMessage.Message(GraphInitializer, initializer);
        }

        if (preprocessing is not null)
        {
            documentation = "Input columns, in order: " + string.Join(", ", preprocessing.FeatureName) + "."
                + (preprocessing.IsNumeric ? string.Empty : " A categorical column is one 0/1 column per category (column=category).")
                + " The graph scales them as the model does; NaN is a missing value.";
        }

        if (documentation is not null)
        {
            graphMessage.String(GraphDocString, documentation);
        }

        graphMessage.Message(GraphInput, ValueInfo("input", graph.ElementCode, inputCount));
        graphMessage.Message(GraphOutput, ValueInfo(graph.Output, graph.ElementCode, outputCount));

        int opset = graph.Opset;
        var file = new ProtoWriter()
            .Int64(ModelIrVersion, opset <= 13 ? 7 : opset <= 18 ? 8 : 9)
            .String(ModelProducerName, OnnxMetadata.Producer)
            .String(ModelProducerVersion, typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0")
            .String(ModelDocString, "Exported by NeuronTools Export-Neuron -Format Onnx. Input 'input' is [batch, inputs]; output '" + graph.Output + "' is [batch, outputs].")
            .Message(ModelGraph, graphMessage)
            .Message(ModelOpsetImport, new ProtoWriter().String(OpsetDomain, string.Empty).Int64(OpsetVersion, opset));

        // What the graph cannot say exactly (a LeakyReLU slope is a float32 attribute, RReLU is written as PRelu), kept
        // so that Import-Neuron gives back the very model; any other runtime ignores metadata.
        foreach (var (key, text) in OnnxMetadata.Write(model.Name, model.InputName, layers.Select(l => l.Activation.Specification).ToList()))
        {
            file.Message(ModelMetadata, new ProtoWriter().String(EntryKey, key).String(EntryValue, text));
        }

        return file.ToArray();
    }

    /// <summary>
    /// The model's stored preprocessing as the first nodes, so that the graph reads raw values: Where(IsNaN(x),
    /// fill, x) where a column has a fill value, then Sub(offset) and Mul(scale), each only where some
    /// column needs it. A categorical column arrives as its one-hot 0/1 columns and passes through. Returns
    /// the name of the value the first layer reads.
    /// </summary>
    private static string Preprocess(GraphBuilder graph, InputPreprocessing? preprocessing)
    {
        if (preprocessing is null)
        {
            return "input";
        }

        var offset = new List<double>();
        var scale = new List<double>();
        var fill = new List<double>();
        foreach (var column in preprocessing.Column)
        {
            for (int k = 0; k < column.FeatureCount; k++)
            {
                offset.Add(column.Offset);
                scale.Add(column.Scale);
                fill.Add(column.FillValue ?? double.NaN);
            }
        }

        int width = offset.Count;
        string value = "input";
        if (preprocessing.Column.Any(c => c.FillValue is not null))
        {
            value = graph.Node("Where", new[] { graph.Node("IsNaN", new[] { value }), graph.Initializer("input_fill_value", fill, width), value }, "filled_input");
        }

        if (offset.Any(o => o != 0.0))
        {
            value = graph.Node("Sub", new[] { value, graph.Initializer("input_offset", offset, width) }, "offset_input");
        }

        if (scale.Any(f => f != 1.0))
        {
            value = graph.Node("Mul", new[] { value, graph.Initializer("input_scale", scale, width) }, "scaled_input");
        }

        return value;
    }

    /// <summary>Gemm(X, W, b) with transB = 1, then the activation; returns the output's name.</summary>
    private static string Dense(GraphBuilder graph, string input, double[][] weight, double[] bias, ActivationFunction activation, string where, string prefix, string output)
    {
        if (!s_activations.TryGetValue(activation.Name, out var mapping))
        {
            throw new NeuronToolsException(
                ErrorIds.UnsupportedOnnxActivation,
                ErrorKind.InvalidArgument,
                $"The activation {activation.Specification} of {where} has no ONNX form in this module, so the model cannot be written as ONNX. Activations that can: {string.Join(", ", SupportedActivations)}. Save the model as JSON instead (-Format Json).");
        }

        string weightName = graph.Initializer(prefix + "weight", weight.SelectMany(row => row).ToArray(), weight.Length, weight[0].Length);
        string biasName = graph.Initializer(prefix + "bias", bias, bias.Length);
        string preActivation = graph.Node("Gemm", new[] { input, weightName, biasName }, prefix + "pre_activation", ("transB", 1L));
        graph.RaiseOpset(mapping.Opset);
        return mapping.Emit(graph, preActivation, activation, output);
    }

    private static ProtoWriter ValueInfo(string name, int elementCode, int width)
    {
        var shape = new ProtoWriter()
            .Message(ShapeDim, new ProtoWriter().String(DimParam, "batch"))
            .Message(ShapeDim, new ProtoWriter().Int64(DimValue, width));
        var tensorType = new ProtoWriter().Int64(TensorTypeElemType, elementCode).Message(TensorTypeShape, shape);
        return new ProtoWriter()
            .String(ValueInfoName, name)
            .Message(ValueInfoType, new ProtoWriter().Message(TypeTensorType, tensorType));
    }

    private static Dictionary<string, (int, ActivationEmitter)> CreateActivations()
    {
        var map = new Dictionary<string, (int, ActivationEmitter)>(StringComparer.OrdinalIgnoreCase);

        void Add(string name, int opset, ActivationEmitter emit) => map[name] = (opset, emit);

        ActivationEmitter Single(string op) => (g, x, _, y) => g.Node(op, new[] { x }, y);

        Add("Identity", BaseOpset, Single("Identity"));
        Add("ReLU", BaseOpset, Single("Relu"));
        Add("Sigmoid", BaseOpset, Single("Sigmoid"));
        Add("Tanh", BaseOpset, Single("Tanh"));
        Add("Softsign", BaseOpset, Single("Softsign"));
        Add("Softmax", BaseOpset, (g, x, _, y) => g.Node("Softmax", new[] { x }, y, ("axis", -1L)));
        Add("LogSoftmax", BaseOpset, (g, x, _, y) => g.Node("LogSoftmax", new[] { x }, y, ("axis", -1L)));
        Add("Softmin", BaseOpset, (g, x, _, y) => g.Node("Softmax", new[] { g.Node("Neg", new[] { x }) }, y, ("axis", -1L)));
        Add("LeakyReLU", BaseOpset, (g, x, f, y) => g.Node("LeakyRelu", new[] { x }, y, ("alpha", (float)Number(f, "negative_slope"))));
        Add("ELU", BaseOpset, (g, x, f, y) => g.Node("Elu", new[] { x }, y, ("alpha", (float)Number(f, "alpha"))));
        Add("CELU", BaseOpset, (g, x, f, y) => g.Node("Celu", new[] { x }, y, ("alpha", (float)Number(f, "alpha"))));
        Add("SELU", BaseOpset, (g, x, _, y) => g.Node("Selu", new[] { x }, y, ("alpha", 1.6732632423543772f), ("gamma", 1.0507009873554805f)));

        // 1 where x ≥ 0, else 0: BinaryStep(0) = 1.
        Add("BinaryStep", BaseOpset, (g, x, _, y) => g.Node("Cast", new[] { g.Node("GreaterOrEqual", new[] { x, g.Constant(0.0) }) }, y, ("to", (long)g.ElementCode)));

        // relu6(x + 3) / 6 is HardSigmoid with alpha = 1/6, beta = 1/2.
        Add("Hardsigmoid", BaseOpset, (g, x, _, y) => g.Node("HardSigmoid", new[] { x }, y, ("alpha", 1f / 6f), ("beta", 0.5f)));
        Add("Hardswish", 14, Single("HardSwish"));
        Add("Exponential", BaseOpset, Single("Exp"));

        // PRelu takes its slope as a tensor, so the slope keeps the model's precision (a LeakyRelu alpha is always a float).
        Add("PReLU", BaseOpset, (g, x, f, y) => g.Node("PRelu", new[] { x, g.Constant(Number(f, "init")) }, y));
        Add("RReLU", BaseOpset, (g, x, f, y) => g.Node("PRelu", new[] { x, g.Constant((Number(f, "lower") + Number(f, "upper")) / 2) }, y));

        // clip((x + 1)/2, 0, 1) is 0 for x ≤ −1 and 1 for x ≥ 1, as Keras's sparse_sigmoid.
        Add("SparseSigmoid", BaseOpset, (g, x, _, y) =>
            g.Node("Clip", new[] { g.Node("Div", new[] { g.Node("Add", new[] { x, g.Constant(1.0) }), g.Constant(2.0) }), g.Constant(0.0), g.Constant(1.0) }, y));
        Add("Mish", 18, Single("Mish"));
        Add("GELU", 20, (g, x, f, y) => g.Node("Gelu", new[] { x }, y, ("approximate", Choice(f, "approximate"))));
        Add("SiLU", BaseOpset, (g, x, _, y) => g.Node("Mul", new[] { x, g.Node("Sigmoid", new[] { x }) }, y));
        Add("Tanhshrink", BaseOpset, (g, x, _, y) => g.Node("Sub", new[] { x, g.Node("Tanh", new[] { x }) }, y));
        Add("Hardshrink", BaseOpset, (g, x, f, y) => g.Node("Shrink", new[] { x }, y, ("bias", 0f), ("lambd", (float)Number(f, "lambd"))));
        Add("Softshrink", BaseOpset, (g, x, f, y) => g.Node("Shrink", new[] { x }, y, ("bias", (float)Number(f, "lambd")), ("lambd", (float)Number(f, "lambd"))));
        Add("ReLU6", BaseOpset, (g, x, _, y) => g.Node("Clip", new[] { x, g.Constant(0.0), g.Constant(6.0) }, y));
        Add("Hardtanh", BaseOpset, (g, x, f, y) => g.Node("Clip", new[] { x, g.Constant(Number(f, "min_val")), g.Constant(Number(f, "max_val")) }, y));
        Add("LogSigmoid", BaseOpset, (g, x, _, y) => g.Node("Neg", new[] { g.Node("Softplus", new[] { g.Node("Neg", new[] { x }) }) }, y));

        // PyTorch's Softplus is (1/β)·log(1 + e^(βx)), and x itself where βx > threshold: ONNX's Softplus
        // has neither β nor the threshold, so both are spelt out to give the same function.
        Add("Softplus", BaseOpset, (g, x, f, y) =>
        {
            double beta = Number(f, "beta");
            string scaled = beta == 1.0 ? x : g.Node("Mul", new[] { x, g.Constant(beta) });
            string softplus = g.Node("Softplus", new[] { scaled });
            string smooth = beta == 1.0 ? softplus : g.Node("Div", new[] { softplus, g.Constant(beta) });
            string linear = g.Node("Greater", new[] { scaled, g.Constant(Number(f, "threshold")) });
            return g.Node("Where", new[] { linear, x, smooth }, y);
        });

        // Threshold(threshold, value): x where x > threshold, else value.
        Add("Threshold", BaseOpset, (g, x, f, y) =>
            g.Node("Where", new[] { g.Node("Greater", new[] { x, g.Constant(Number(f, "threshold")) }), x, g.Constant(Number(f, "value")) }, y));
        return map;
    }

    private static int IndexOf(ActivationFunction activation, string parameter)
    {
        var parameters = activation.Definition.Parameters;
        for (int i = 0; i < parameters.Count; i++)
        {
            if (string.Equals(parameters[i].Name.Replace("_", string.Empty), parameter.Replace("_", string.Empty), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new InvalidOperationException(activation.Name + " has no parameter " + parameter + ".");
    }

    private static double Number(ActivationFunction activation, string parameter) => activation.Arguments.Number(IndexOf(activation, parameter));

    private static string Choice(ActivationFunction activation, string parameter) => activation.Arguments.Choice(IndexOf(activation, parameter));

    /// <summary>Collects the nodes and initializers of a graph, naming intermediate values uniquely.</summary>
    private sealed class GraphBuilder
    {
        private readonly OnnxElementType _elementType;
        private int _counter;

        internal GraphBuilder(OnnxElementType elementType) => _elementType = elementType;

        internal List<ProtoWriter> Nodes { get; } = new();

        internal List<ProtoWriter> Initializers { get; } = new();

        internal int Opset { get; private set; } = BaseOpset;

        internal int ElementCode => _elementType == OnnxElementType.Double ? TensorDataTypeDouble : TensorDataTypeFloat;

        internal string Output { get; set; } = "output";

        internal void RaiseOpset(int opset) => Opset = Math.Max(Opset, opset);

        internal string Initializer(string name, IReadOnlyList<double> values, params long[] dims)
        {
            var tensor = new ProtoWriter();
            foreach (long dim in dims)
            {
                tensor.Int64(TensorDims, dim);
            }

            tensor.Int64(TensorDataType, ElementCode)
                .String(TensorName, name)
                .Bytes(TensorRawData, _elementType == OnnxElementType.Double ? ProtoWriter.RawDoubles(values) : ProtoWriter.RawSingles(values));
            Initializers.Add(tensor);
            return name;
        }

        /// <summary>A scalar constant of the model's element type.</summary>
        internal string Constant(double value) => Initializer("constant_" + (_counter++).ToString(System.Globalization.CultureInfo.InvariantCulture), new[] { value });

        internal string Node(string op, string[] inputs, string? output = null, params (string Name, object Value)[] attributes)
        {
            int index = _counter++;
            output ??= op.ToLowerInvariant() + "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var node = new ProtoWriter().Strings(NodeInput, inputs).String(NodeOutput, output)
                .String(NodeName, op + "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .String(NodeOpType, op);
            foreach (var (name, value) in attributes)
            {
                var attribute = new ProtoWriter().String(AttributeName, name);
                switch (value)
                {
                    case float number:
                        attribute.Float(AttributeFloat, number).Int64(AttributeType, AttributeTypeFloat);
                        break;
                    case long integer:
                        attribute.Int64(AttributeInt, integer).Int64(AttributeType, AttributeTypeInt);
                        break;
                    case string text:
                        attribute.String(AttributeString, text).Int64(AttributeType, AttributeTypeString);
                        break;
                    default:
                        throw new ArgumentException("Unsupported attribute value.", nameof(attributes));
                }

                node.Message(NodeAttribute, attribute);
            }

            Nodes.Add(node);
            return output;
        }
    }
}
