using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// The parts of an ONNX ModelProto (onnx/onnx.proto) that a dense chain can use, read with <see cref="ProtoReader"/>.
/// Fields the importer has no use for are skipped, fields it must not ignore (a sub-graph attribute, a tensor kept
/// in an external file, a training section) are remembered so that the recogniser can refuse them by name.
/// </summary>
internal sealed class OnnxFile
{
    // onnx.proto field numbers.
    private const int ModelIrVersion = 1;
    private const int ModelProducerName = 2;
    private const int ModelProducerVersion = 3;
    private const int ModelGraph = 7;
    private const int ModelOpsetImport = 8;
    private const int ModelMetadata = 14;
    private const int ModelFunctions = 25;
    private const int OpsetDomain = 1;
    private const int OpsetVersion = 2;
    private const int EntryKey = 1;
    private const int EntryValue = 2;

    internal long IrVersion { get; private set; }

    internal string ProducerName { get; private set; } = string.Empty;

    internal string ProducerVersion { get; private set; } = string.Empty;

    /// <summary>Opset version by domain ("" is the default ai.onnx domain; "ai.onnx.ml" the classic ML operators).</summary>
    internal Dictionary<string, long> Opsets { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    internal OnnxGraph Graph { get; private set; } = new();

    internal bool HasFunctions { get; private set; }

    /// <summary>The opset of the default domain (ai.onnx), which decides what an operator's attributes mean.</summary>
    internal long Opset => Opsets.TryGetValue(string.Empty, out long version) ? version : Opsets.TryGetValue("ai.onnx", out version) ? version : 1;

    /// <summary>
    /// True when the bytes start as an ONNX ModelProto does: a varint ir_version (field 1) first, as every exporter
    /// writes it. A JSON model file starts with '{' or white space, neither of which is that tag.
    /// </summary>
    internal static bool LooksLikeOnnx(byte[] start, int count) => count >= 2 && start[0] == 0x08 && start[1] is > 0 and < 0x80;

    internal static OnnxFile Read(byte[] data, ProtoSource source)
    {
        var file = new OnnxFile();
        var reader = new ProtoReader(data, source);
        bool hasGraph = false;
        while (reader.Next(out int field))
        {
            switch (field)
            {
                case ModelIrVersion:
                    file.IrVersion = reader.Int64();
                    break;
                case ModelProducerName:
                    file.ProducerName = reader.String();
                    break;
                case ModelProducerVersion:
                    file.ProducerVersion = reader.String();
                    break;
                case ModelGraph:
                    file.Graph = OnnxGraph.Read(reader.Message(), source);
                    hasGraph = true;
                    break;
                case ModelOpsetImport:
                    var (domain, version) = ReadOpset(reader.Message());
                    file.Opsets[domain] = version;
                    break;
                case ModelMetadata:
                    var (key, value) = ReadEntry(reader.Message());
                    file.Metadata[key] = value;
                    break;
                case ModelFunctions:
                    file.HasFunctions = true;
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!hasGraph)
        {
            throw source.Invalid("it has no graph (ModelProto field 7)");
        }

        if (file.IrVersion <= 0)
        {
            throw source.Invalid("it has no ir_version (ModelProto field 1)");
        }

        return file;
    }

    private static (string Domain, long Version) ReadOpset(ProtoReader reader)
    {
        string domain = string.Empty;
        long version = 0;
        while (reader.Next(out int field))
        {
            switch (field)
            {
                case OpsetDomain:
                    domain = reader.String();
                    break;
                case OpsetVersion:
                    version = reader.Int64();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return (domain, version);
    }

    private static (string Key, string Value) ReadEntry(ProtoReader reader)
    {
        string key = string.Empty;
        string value = string.Empty;
        while (reader.Next(out int field))
        {
            switch (field)
            {
                case EntryKey:
                    key = reader.String();
                    break;
                case EntryValue:
                    value = reader.String();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return (key, value);
    }
}

/// <summary>GraphProto: nodes in topological order, initializers, inputs and outputs.</summary>
internal sealed class OnnxGraph
{
    private const int GraphNode = 1;
    private const int GraphName = 2;
    private const int GraphInitializer = 5;
    private const int GraphDocString = 10;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int GraphSparseInitializer = 15;

    internal string Name { get; private set; } = string.Empty;

    internal string DocString { get; private set; } = string.Empty;

    internal List<OnnxNode> Nodes { get; } = new();

    internal List<OnnxTensor> Initializers { get; } = new();

    internal List<OnnxValueInfo> Inputs { get; } = new();

    internal List<OnnxValueInfo> Outputs { get; } = new();

    internal bool HasSparseInitializers { get; private set; }

    internal static OnnxGraph Read(ProtoReader reader, ProtoSource source)
    {
        var graph = new OnnxGraph();
        while (reader.Next(out int field))
        {
            switch (field)
            {
                case GraphNode:
                    graph.Nodes.Add(OnnxNode.Read(reader.Message(), source));
                    break;
                case GraphName:
                    graph.Name = reader.String();
                    break;
                case GraphInitializer:
                    graph.Initializers.Add(OnnxTensor.Read(reader.Message(), source));
                    break;
                case GraphDocString:
                    graph.DocString = reader.String();
                    break;
                case GraphInput:
                    graph.Inputs.Add(OnnxValueInfo.Read(reader.Message()));
                    break;
                case GraphOutput:
                    graph.Outputs.Add(OnnxValueInfo.Read(reader.Message()));
                    break;
                case GraphSparseInitializer:
                    graph.HasSparseInitializers = true;
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return graph;
    }
}

/// <summary>NodeProto: one operator application.</summary>
internal sealed class OnnxNode
{
    private const int NodeInput = 1;
    private const int NodeOutput = 2;
    private const int NodeName = 3;
    private const int NodeOpType = 4;
    private const int NodeAttribute = 5;
    private const int NodeDomain = 7;

    internal List<string> Inputs { get; } = new();

    internal List<string> Outputs { get; } = new();

    internal string Name { get; private set; } = string.Empty;

    internal string OpType { get; private set; } = string.Empty;

    internal string Domain { get; private set; } = string.Empty;

    internal List<OnnxAttribute> Attributes { get; } = new();

    /// <summary>How messages name the node: its name, or its operator and first output when it has none.</summary>
    internal string Description => Name.Length > 0 ? $"'{Name}' ({OpType})" : $"{OpType} (output '{(Outputs.Count > 0 ? Outputs[0] : string.Empty)}')";

    internal bool IsMl => Domain == "ai.onnx.ml";

    internal bool IsDefaultDomain => Domain.Length == 0 || Domain == "ai.onnx";

    internal OnnxAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    internal static OnnxNode Read(ProtoReader reader, ProtoSource source)
    {
        var node = new OnnxNode();
        while (reader.Next(out int field))
        {
            switch (field)
            {
                case NodeInput:
                    node.Inputs.Add(reader.String());
                    break;
                case NodeOutput:
                    node.Outputs.Add(reader.String());
                    break;
                case NodeName:
                    node.Name = reader.String();
                    break;
                case NodeOpType:
                    node.OpType = reader.String();
                    break;
                case NodeAttribute:
                    node.Attributes.Add(OnnxAttribute.Read(reader.Message(), source));
                    break;
                case NodeDomain:
                    node.Domain = reader.String();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return node;
    }
}

/// <summary>AttributeProto, the kinds a dense chain's operators use; a graph-valued attribute is only noted.</summary>
internal sealed class OnnxAttribute
{
    private const int AttributeName = 1;
    private const int AttributeFloat = 2;
    private const int AttributeInt = 3;
    private const int AttributeString = 4;
    private const int AttributeTensor = 5;
    private const int AttributeGraph = 6;
    private const int AttributeFloats = 7;
    private const int AttributeInts = 8;
    private const int AttributeStrings = 9;
    private const int AttributeGraphs = 11;
    private const int AttributeType = 20;
    private const int AttributeRefName = 21;

    internal string Name { get; private set; } = string.Empty;

    /// <summary>AttributeProto.AttributeType: 1 FLOAT, 2 INT, 3 STRING, 4 TENSOR, 6 FLOATS, 7 INTS, 8 STRINGS...</summary>
    internal int Type { get; private set; }

    /// <summary>The float32 value widened exactly to a double.</summary>
    internal double Float { get; private set; }

    internal long Int { get; private set; }

    internal string String { get; private set; } = string.Empty;

    internal OnnxTensor? Tensor { get; private set; }

    internal List<double> Floats { get; } = new();

    internal List<long> Ints { get; } = new();

    internal List<string> Strings { get; } = new();

    /// <summary>A sub-graph (If, Loop, Scan): nothing a dense chain has.</summary>
    internal bool HasGraph { get; private set; }

    /// <summary>A reference to a function's attribute, which only functions use.</summary>
    internal bool IsReference { get; private set; }

    internal static OnnxAttribute Read(ProtoReader reader, ProtoSource source)
    {
        var attribute = new OnnxAttribute();
        while (reader.Next(out int field))
        {
            switch (field)
            {
                case AttributeName:
                    attribute.Name = reader.String();
                    break;
                case AttributeFloat:
                    attribute.Float = reader.Float();
                    break;
                case AttributeInt:
                    attribute.Int = reader.Int64();
                    break;
                case AttributeString:
                    attribute.String = reader.String();
                    break;
                case AttributeTensor:
                    attribute.Tensor = OnnxTensor.Read(reader.Message(), source);
                    break;
                case AttributeGraph:
                case AttributeGraphs:
                    attribute.HasGraph = true;
                    reader.Skip();
                    break;
                case AttributeFloats:
                    reader.Floats(attribute.Floats);
                    break;
                case AttributeInts:
                    reader.Int64s(attribute.Ints);
                    break;
                case AttributeStrings:
                    attribute.Strings.Add(reader.String());
                    break;
                case AttributeType:
                    attribute.Type = reader.Int32();
                    break;
                case AttributeRefName:
                    attribute.IsReference = true;
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return attribute;
    }
}

/// <summary>ValueInfoProto of a tensor: name, element type and shape (a dimension is a number, a name or unknown).</summary>
internal sealed class OnnxValueInfo
{
    private const int ValueInfoName = 1;
    private const int ValueInfoType = 2;
    private const int TypeTensor = 1;
    private const int TensorElementType = 1;
    private const int TensorShape = 2;
    private const int ShapeDimension = 1;
    private const int DimensionValue = 1;
    private const int DimensionParameter = 2;

    internal string Name { get; private set; } = string.Empty;

    /// <summary>True for a tensor type; false for a sequence, map or optional (skl2onnx's ZipMap output, say).</summary>
    internal bool IsTensor { get; private set; }

    internal int ElementType { get; private set; }

    internal bool HasShape { get; private set; }

    /// <summary>Each dimension's size, or null for a named (symbolic) or unknown one.</summary>
    internal List<long?> Dimensions { get; } = new();

    internal static OnnxValueInfo Read(ProtoReader reader)
    {
        var info = new OnnxValueInfo();
        while (reader.Next(out int field))
        {
            if (field == ValueInfoName)
            {
                info.Name = reader.String();
            }
            else if (field == ValueInfoType)
            {
                var type = reader.Message();
                while (type.Next(out int typeField))
                {
                    if (typeField == TypeTensor)
                    {
                        info.IsTensor = true;
                        ReadTensorType(type.Message(), info);
                    }
                    else
                    {
                        type.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return info;
    }

    private static void ReadTensorType(ProtoReader reader, OnnxValueInfo info)
    {
        while (reader.Next(out int field))
        {
            if (field == TensorElementType)
            {
                info.ElementType = reader.Int32();
            }
            else if (field == TensorShape)
            {
                info.HasShape = true;
                var shape = reader.Message();
                while (shape.Next(out int shapeField))
                {
                    if (shapeField != ShapeDimension)
                    {
                        shape.Skip();
                        continue;
                    }

                    long? size = null;
                    var dimension = shape.Message();
                    while (dimension.Next(out int dimensionField))
                    {
                        if (dimensionField == DimensionValue)
                        {
                            size = dimension.Int64();
                        }
                        else if (dimensionField == DimensionParameter)
                        {
                            size = null;
                            dimension.Skip();
                        }
                        else
                        {
                            dimension.Skip();
                        }
                    }

                    info.Dimensions.Add(size);
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }
}

/// <summary>
/// TensorProto with numeric values widened exactly to doubles (float, double and the integer types), or strings.
/// The values come from raw_data or the typed repeated field; their count must equal the product of the dims, which
/// is checked without ever allocating by the dims.
/// </summary>
internal sealed class OnnxTensor
{
    internal const int Float = 1;
    internal const int UInt8 = 2;
    internal const int Int8 = 3;
    internal const int UInt16 = 4;
    internal const int Int16 = 5;
    internal const int Int32 = 6;
    internal const int Int64 = 7;
    internal const int String = 8;
    internal const int Bool = 9;
    internal const int Double = 11;
    internal const int UInt32 = 12;
    internal const int UInt64 = 13;

    private const int TensorDims = 1;
    private const int TensorDataType = 2;
    private const int TensorFloatData = 4;
    private const int TensorInt32Data = 5;
    private const int TensorStringData = 6;
    private const int TensorInt64Data = 7;
    private const int TensorName = 8;
    private const int TensorRawData = 9;
    private const int TensorDoubleData = 10;
    private const int TensorUInt64Data = 11;
    private const int TensorExternalData = 13;
    private const int TensorDataLocation = 14;

    internal string Name { get; private set; } = string.Empty;

    internal List<long> Dims { get; } = new();

    internal int DataType { get; private set; }

    /// <summary>The numeric values, widened exactly; empty for a string tensor.</summary>
    internal double[] Values { get; private set; } = Array.Empty<double>();

    internal List<string> StringValues { get; } = new();

    internal bool IsExternal { get; private set; }

    internal long ElementCount => Dims.Aggregate(1L, (product, d) => product * d);

    internal bool IsFloatingPoint => DataType is Float or Double;

    internal static string TypeName(int dataType) => dataType switch
    {
        Float => "float",
        Double => "double",
        UInt8 => "uint8",
        Int8 => "int8",
        UInt16 => "uint16",
        Int16 => "int16",
        Int32 => "int32",
        Int64 => "int64",
        String => "string",
        Bool => "bool",
        10 => "float16",
        16 => "bfloat16",
        UInt32 => "uint32",
        UInt64 => "uint64",
        _ => "type " + dataType.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The single value of a scalar (or one-element) tensor, else null.</summary>
    internal double? Scalar() => Values.Length == 1 ? Values[0] : null;

    internal static OnnxTensor Create(string name, List<long> dims, double[] values, int dataType)
    {
        var tensor = new OnnxTensor { Name = name, Values = values, DataType = dataType };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    internal static OnnxTensor Scalar(string name, double value, int dataType) => Create(name, new List<long>(), new[] { value }, dataType);

    internal static OnnxTensor Vector(string name, IEnumerable<double> values, int dataType)
    {
        var array = values.ToArray();
        return Create(name, new List<long> { array.Length }, array, dataType);
    }

    /// <summary>The same values under another name, with other dims where a reshape gave them.</summary>
    internal OnnxTensor WithName(string name, List<long>? dims)
    {
        var tensor = Create(name, dims ?? Dims, Values, DataType);
        tensor.StringValues.AddRange(StringValues);
        return tensor;
    }

    internal static OnnxTensor Read(ProtoReader reader, ProtoSource source)
    {
        var tensor = new OnnxTensor();
        byte[]? raw = null;
        var floats = new List<double>();
        var integers = new List<long>();
        int start = reader.Position;
        while (reader.Next(out int field))
        {
            switch (field)
            {
                case TensorDims:
                    reader.Int64s(tensor.Dims);
                    break;
                case TensorDataType:
                    tensor.DataType = reader.Int32();
                    break;
                case TensorFloatData:
                    reader.Floats(floats);
                    break;
                case TensorDoubleData:
                    reader.Doubles(floats);
                    break;
                case TensorInt32Data:
                case TensorInt64Data:
                case TensorUInt64Data:
                    reader.Int64s(integers);
                    break;
                case TensorStringData:
                    tensor.StringValues.Add(reader.String());
                    break;
                case TensorName:
                    tensor.Name = reader.String();
                    break;
                case TensorRawData:
                    raw = reader.Bytes();
                    break;
                case TensorExternalData:
                    tensor.IsExternal = true;
                    reader.Skip();
                    break;
                case TensorDataLocation:
                    tensor.IsExternal |= reader.Int64() == 1;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (tensor.IsExternal)
        {
            return tensor;
        }

        long count = 1;
        foreach (long dim in tensor.Dims)
        {
            // A dimension larger than the file has bytes cannot be backed by values, so the product stays small.
            if (dim < 0 || dim > int.MaxValue || (count *= dim) > int.MaxValue)
            {
                throw source.Invalid(start, "a tensor '" + tensor.Name + "' with the shape [" + string.Join(", ", tensor.Dims) + "]");
            }
        }

        tensor.Values = tensor.DataType switch
        {
            String => Array.Empty<double>(),
            Float or Double when raw is null => floats.ToArray(),
            Float or Double => Raw(raw, tensor.DataType == Double ? 8 : 4, tensor, source, start),
            UInt8 or Int8 or UInt16 or Int16 or Int32 or Int64 or Bool or UInt32 or UInt64 when raw is null =>
                integers.Select(v => tensor.DataType == UInt64 ? (double)unchecked((ulong)v) : v).ToArray(),
            UInt8 or Int8 or UInt16 or Int16 or Int32 or Int64 or Bool or UInt32 or UInt64 => Raw(raw, IntegerSize(tensor.DataType), tensor, source, start),
            _ => Array.Empty<double>(),
        };

        long present = tensor.DataType == String ? tensor.StringValues.Count : tensor.Values.Length;
        bool known = tensor.DataType is Float or Double or String or UInt8 or Int8 or UInt16 or Int16 or Int32 or Int64 or Bool or UInt32 or UInt64;
        if (known && present != count)
        {
            throw source.Invalid(start, FormattableString.Invariant($"a tensor '{tensor.Name}' of shape [{string.Join(", ", tensor.Dims)}] ({count} values) that holds {present} values"));
        }

        return tensor;
    }

    private static int IntegerSize(int dataType) => dataType switch
    {
        UInt8 or Int8 or Bool => 1,
        UInt16 or Int16 => 2,
        Int32 or UInt32 => 4,
        _ => 8,
    };

    private static double[] Raw(byte[] raw, int size, OnnxTensor tensor, ProtoSource source, int start)
    {
        if (raw.Length % size != 0)
        {
            throw source.Invalid(start, FormattableString.Invariant($"a tensor '{tensor.Name}' whose raw_data of {raw.Length} bytes is not a whole number of {size}-byte values"));
        }

        var values = new double[raw.Length / size];
        var bytes = new byte[size];
        for (int i = 0; i < values.Length; i++)
        {
            Buffer.BlockCopy(raw, i * size, bytes, 0, size);
            if (!BitConverter.IsLittleEndian)
            {
                Array.Reverse(bytes);
            }

            values[i] = (tensor.DataType, size) switch
            {
                (Float, _) => BitConverter.ToSingle(bytes, 0),
                (Double, _) => BitConverter.ToDouble(bytes, 0),
                (Int8, _) => unchecked((sbyte)bytes[0]),
                (_, 1) => bytes[0],
                (Int16, _) => BitConverter.ToInt16(bytes, 0),
                (_, 2) => BitConverter.ToUInt16(bytes, 0),
                (Int32, _) => BitConverter.ToInt32(bytes, 0),
                (_, 4) => BitConverter.ToUInt32(bytes, 0),
                (UInt64, _) => BitConverter.ToUInt64(bytes, 0),
                _ => BitConverter.ToInt64(bytes, 0),
            };
        }

        return values;
    }
}
