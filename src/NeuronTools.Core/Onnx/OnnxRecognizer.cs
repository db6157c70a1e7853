using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// Turns an ONNX graph into an <see cref="OnnxChain"/>: it follows the one path from the graph's input to its
/// output, taking a dense step (Gemm; MatMul with or without Add; LinearRegressor; LinearClassifier), an
/// element-wise activation (one operator, or a known sub-graph such as the Erf form of GELU) or a step that changes
/// nothing for a [batch, n] tensor (Identity, Dropout, Flatten, Reshape to [-1, n], Cast between float and double)
/// at a time. Anything else is refused: UnsupportedOnnxOperator names the operator and node, UnsupportedOnnxGraph
/// says why the graph is not one dense chain.
/// </summary>
internal sealed class OnnxRecognizer
{
    internal const string SupportedSummary =
        "dense steps (Gemm, MatMul with or without Add, LinearRegressor, LinearClassifier), element-wise activations "
        + "(Relu, LeakyRelu, PRelu, Elu, Selu, Celu, Sigmoid, HardSigmoid, HardSwish, Tanh, Softplus, Softsign, Mish, Gelu, "
        + "Clip, ThresholdedRelu, Shrink, Exp, Softmax, LogSoftmax and the sub-graphs exporters write for GELU, SiLU and "
        + "the like), scaling in front (Scaler, Sub, Div, Mul), class labels (ArgMax, ArrayFeatureExtractor, ZipMap) and "
        + "steps that change nothing (Identity, Dropout, Flatten, Reshape, Cast)";

    private static readonly HashSet<string> s_elementWise = new(StringComparer.Ordinal)
    {
        "Add", "Sub", "Mul", "Div", "Neg", "Erf", "Tanh", "Sigmoid", "Softplus", "Exp", "Log", "Pow", "Where", "Greater",
        "GreaterOrEqual", "Less", "Or", "Cast", "Clip", "Relu", "Concat", "Softmax", "Max", "Min", "Abs", "Sqrt", "Reciprocal",
    };

    private readonly OnnxFile _file;
    private readonly ProtoSource _source;
    private readonly Dictionary<string, OnnxTensor> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OnnxNode> _producer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OnnxNode>> _consumers = new(StringComparer.Ordinal);
    private readonly HashSet<OnnxNode> _used = new();
    private readonly HashSet<string> _outputs = new(StringComparer.Ordinal);
    private readonly List<NeuronLayer> _layers = new();
    private OnnxScaling? _scaling;
    private DenseStep? _pending;
    private List<string>? _classLabel;
    private int _width;
    private bool _isDouble;
    private bool _endsInZipMap;

    private OnnxRecognizer(OnnxFile file, ProtoSource source)
    {
        _file = file;
        _source = source;
    }

    internal long Opset => _file.Opset;

    internal static OnnxChain Recognize(OnnxFile file, ProtoSource source)
    {
        try
        {
            return new OnnxRecognizer(file, source).Run();
        }
        catch (NeuronToolsException exception) when (exception.ErrorId is not (ErrorIds.InvalidModelFile or ErrorIds.UnsupportedOnnxGraph or ErrorIds.UnsupportedOnnxOperator))
        {
            // A layer the core refuses (a NaN weight, say): the file is well formed but holds no valid model.
            throw source.Invalid("its weights do not make a valid layer (" + exception.Message + ")");
        }
    }

    internal NeuronToolsException Graph(string problem) => new(
        ErrorIds.UnsupportedOnnxGraph,
        ErrorKind.InvalidData,
        $"{_source.Description} is an ONNX model this module cannot import: {problem}. Import-Neuron reads a single chain from one [batch, inputs] float or double input to one output (or, for a classifier, probabilities and a label), made of {SupportedSummary}.");

    internal NeuronToolsException Operator(OnnxNode node, string? why = null) => new(
        ErrorIds.UnsupportedOnnxOperator,
        ErrorKind.InvalidData,
        $"{_source.Description} has the node {node.Description}{(node.Domain.Length > 0 && !node.IsMl ? " of the domain '" + node.Domain + "'" : string.Empty)}, which this module cannot import{(why is null ? string.Empty : ": " + why)}. Supported: {SupportedSummary}.");

    internal bool TryConstant(string name, out OnnxTensor tensor) => _constants.TryGetValue(name, out tensor!);

    internal OnnxNode? Producer(string value) => _producer.TryGetValue(value, out var node) ? node : null;

    internal IReadOnlyList<OnnxNode> Consumers(string value) =>
        _consumers.TryGetValue(value, out var list) ? list.Where(n => !_used.Contains(n)).ToList() : Array.Empty<OnnxNode>();

    internal bool IsGraphOutput(string value) => _outputs.Contains(value);

    internal bool IsElementWise(OnnxNode node) => node.IsDefaultDomain && s_elementWise.Contains(node.OpType);

    private OnnxChain Run()
    {
        var graph = _file.Graph;
        if (_file.HasFunctions)
        {
            throw Graph("it defines model-local functions");
        }

        if (graph.HasSparseInitializers)
        {
            throw Graph("it has sparse initializers");
        }

        foreach (var initializer in graph.Initializers)
        {
            AddConstant(initializer);
        }

        foreach (var output in graph.Outputs)
        {
            _outputs.Add(output.Name);
        }

        foreach (var node in graph.Nodes)
        {
            if (!node.IsDefaultDomain && !node.IsMl)
            {
                throw Operator(node, "the domain '" + node.Domain + "' is not a standard ONNX operator set");
            }

            if (node.Attributes.Any(a => a.HasGraph || a.IsReference))
            {
                throw Operator(node, "it holds a sub-graph");
            }

            foreach (string output in node.Outputs.Where(o => o.Length > 0))
            {
                if (_producer.ContainsKey(output) || _constants.ContainsKey(output))
                {
                    throw _source.Invalid("the value '" + output + "' is produced twice");
                }

                _producer[output] = node;
            }
        }

        FoldConstants(graph);

        var inputs = graph.Inputs.Where(i => !_constants.ContainsKey(i.Name)).ToList();
        if (inputs.Count != 1)
        {
            throw Graph(inputs.Count == 0 ? "it has no input" : "it has " + inputs.Count.ToString(CultureInfo.InvariantCulture) + " inputs (" + string.Join(", ", inputs.Select(i => "'" + i.Name + "'")) + "), where a dense chain has one");
        }

        var input = inputs[0];
        if (!input.IsTensor || input.ElementType is not (OnnxTensor.Float or OnnxTensor.Double))
        {
            throw Graph("its input '" + input.Name + "' is " + (input.IsTensor ? "a tensor of " + OnnxTensor.TypeName(input.ElementType) : "not a tensor") + ", where a dense chain takes float or double");
        }

        if (input.HasShape && input.Dimensions.Count != 2)
        {
            throw Graph("its input '" + input.Name + "' has " + input.Dimensions.Count.ToString(CultureInfo.InvariantCulture) + " dimensions, where a dense chain takes [batch, inputs]");
        }

        _isDouble = input.ElementType == OnnxTensor.Double;
        long declared = input.HasShape && input.Dimensions[1] is long size ? size : -1;
        if (declared == 0 || declared > int.MaxValue)
        {
            throw Graph("its input '" + input.Name + "' has " + declared.ToString(CultureInfo.InvariantCulture) + " columns");
        }

        _width = (int)declared;

        foreach (var node in graph.Nodes.Where(n => !_used.Contains(n)))
        {
            foreach (string value in node.Inputs.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal))
            {
                if (!_consumers.TryGetValue(value, out var list))
                {
                    _consumers[value] = list = new List<OnnxNode>();
                }

                list.Add(node);
            }
        }

        string current = Walk(input.Name);
        Flush(null);
        if (_layers.Count == 0)
        {
            throw Graph("it has no dense step (Gemm or MatMul)");
        }

        var unused = graph.Nodes.Where(n => !_used.Contains(n)).ToList();
        if (unused.Count > 0)
        {
            throw Graph("the node " + unused[0].Description + " is not on the path from the input to the output '" + current + "' (a branch or a second output)");
        }

        int inputCount = _layers[0].InputCount;
        if (_scaling is not null && _scaling.Offset.Length != inputCount)
        {
            throw Graph(FormattableString.Invariant($"its scaling has {_scaling.Offset.Length} values for {inputCount} inputs"));
        }

        return new OnnxChain(inputCount, _isDouble, _scaling, _layers, _classLabel);
    }

    /// <summary>Follows the chain from the input; returns the name of the output value it ends at.</summary>
    private string Walk(string current)
    {
        int guard = _file.Graph.Nodes.Count + 1;
        while (guard-- > 0)
        {
            var consumers = Consumers(current).ToList();
            consumers.RemoveAll(node => TakeLabelBranch(current, node));
            if (consumers.Count == 0)
            {
                if (!IsGraphOutput(current) && !_endsInZipMap)
                {
                    throw Graph("the value '" + current + "' leads nowhere: it is neither used nor an output");
                }

                return current;
            }

            if (consumers.Count == 1 && TryStructural(consumers[0], current, out string next))
            {
                current = next;
                continue;
            }

            if (TryTwoClassComplement(current, consumers, out next))
            {
                current = next;
                continue;
            }

            var (activation, end, nodes) = OnnxActivations.Match(this, current, consumers);
            if (activation is null)
            {
                var first = consumers[0];
                throw first.IsDefaultDomain && s_elementWise.Contains(first.OpType) && consumers.Count == 1 && !OnnxActivations.IsActivationOperator(first.OpType)
                    ? Operator(first, "here it is not part of a sub-graph that computes one of the module's activations")
                    : consumers.Count > 1 ? Graph("the value '" + current + "' feeds several nodes (" + string.Join(", ", consumers.Select(c => c.Description)) + ") that do not compute one known activation")
                    : first.IsDefaultDomain && OnnxActivations.IsActivationOperator(first.OpType) ? Operator(first, OnnxActivations.WhyNot(first))
                    : Operator(first);
            }

            Activation(activation, nodes[0]);
            Use(nodes);
            current = end;
        }

        throw Graph("its nodes form a cycle");
    }

    private void Use(IEnumerable<OnnxNode> nodes)
    {
        foreach (var node in nodes)
        {
            _used.Add(node);
        }
    }

    /// <summary>The steps that are not activations: dense steps, scaling, and steps that change nothing.</summary>
    private bool TryStructural(OnnxNode node, string current, out string next)
    {
        next = node.Outputs.Count > 0 ? node.Outputs[0] : string.Empty;
        if (node.IsMl)
        {
            return node.OpType switch
            {
                "Scaler" => Scaler(node),
                "LinearRegressor" => LinearRegressor(node),
                "LinearClassifier" => LinearClassifier(node, out next),
                "Normalizer" => Normalizer(node),
                _ => throw Operator(node),
            };
        }

        switch (node.OpType)
        {
            case "Identity":
            case "Dropout":
                if (node.OpType == "Dropout" && node.Outputs.Skip(1).Any(o => o.Length > 0 && Consumers(o).Count > 0))
                {
                    throw Operator(node, "its mask output is used");
                }

                _used.Add(node);
                return true;
            case "Flatten":
                long axis = node.Attribute("axis")?.Int ?? 1;
                if (axis is not (1 or -1))
                {
                    throw Operator(node, "it flattens from axis " + axis.ToString(CultureInfo.InvariantCulture) + ", which changes a [batch, n] tensor");
                }

                _used.Add(node);
                return true;
            case "Reshape":
                return Reshape(node);
            case "Cast":
                long to = node.Attribute("to")?.Int ?? 0;
                if (to is not (OnnxTensor.Float or OnnxTensor.Double))
                {
                    throw Operator(node, "it casts to " + OnnxTensor.TypeName((int)to));
                }

                _used.Add(node);
                return true;
            case "Gemm":
                Gemm(node);
                return true;
            case "MatMul":
                MatMul(node, out next);
                return true;
            case "Sub" or "Div" or "Mul" when _layers.Count == 0 && _pending is null && _scaling is null && SingleConstantOperand(node, current):
                return SubDivScaling(node, current, out next);
            default:
                return false;
        }
    }

    private bool SingleConstantOperand(OnnxNode node, string current) =>
        node.Inputs.Count == 2 && node.Inputs[0] == current && TryConstant(node.Inputs[1], out var c) && c.IsFloatingPoint;

    private bool Reshape(OnnxNode node)
    {
        if (node.Inputs.Count < 2 || !TryConstant(node.Inputs[1], out var shape) || shape.Values.Length != 2 || !(shape.Values[0] is -1 or 0 || shape.Values[0] > 0 && shape.Values[1] == -1)
            || (shape.Values[1] > 0 && WidthNow() > 0 && shape.Values[1] != WidthNow()))
        {
            // skl2onnx's regressor ends with Reshape(-1, 1); a reshape to anything but [batch, n] is not a dense chain.
            throw Operator(node, "it reshapes to something other than [batch, n]");
        }

        _used.Add(node);
        return true;
    }

    private int WidthNow() => _pending?.Bias.Length ?? (_layers.Count > 0 ? _layers[_layers.Count - 1].NeuronCount : _width);

    private void Gemm(OnnxNode node)
    {
        if (node.Inputs.Count < 2 || !TryConstant(node.Inputs[1], out var b) || b.Dims.Count != 2 || !b.IsFloatingPoint)
        {
            throw Operator(node, "its weight B is not a constant 2-D float or double tensor");
        }

        if ((node.Attribute("transA")?.Int ?? 0) != 0)
        {
            throw Operator(node, "it transposes its input (transA = 1)");
        }

        bool transposed = (node.Attribute("transB")?.Int ?? 0) != 0;
        double alpha = node.Attribute("alpha")?.Float ?? 1.0;
        double beta = node.Attribute("beta")?.Float ?? 1.0;
        var weight = Matrix(b, transposed);
        if (alpha != 1.0)
        {
            foreach (var row in weight)
            {
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] *= alpha;
                }
            }
        }

        var bias = new double[weight.Length];
        if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
        {
            if (!TryConstant(node.Inputs[2], out var c))
            {
                throw Operator(node, "its bias C is not a constant");
            }

            bias = Bias(node, c, weight.Length).Select(v => v * beta).ToArray();
        }

        Dense(node, weight, bias);
        _used.Add(node);
    }

    private void MatMul(OnnxNode node, out string next)
    {
        if (node.Inputs.Count != 2 || !TryConstant(node.Inputs[1], out var b) || b.Dims.Count != 2 || !b.IsFloatingPoint)
        {
            throw Operator(node, "its second input is not a constant 2-D float or double weight matrix");
        }

        var weight = Matrix(b, transposed: false);
        var bias = new double[weight.Length];
        next = node.Outputs[0];
        _used.Add(node);
        var consumers = Consumers(next);
        if (consumers.Count == 1 && consumers[0].OpType == "Add" && consumers[0].IsDefaultDomain && consumers[0].Inputs.Count == 2)
        {
            var add = consumers[0];
            string other = add.Inputs[0] == next ? add.Inputs[1] : add.Inputs[0];
            if (TryConstant(other, out var c) && !IsGraphOutput(next))
            {
                bias = Bias(add, c, weight.Length);
                _used.Add(add);
                next = add.Outputs[0];
            }
        }

        Dense(node, weight, bias);
    }

    private bool Scaler(OnnxNode node)
    {
        if (_layers.Count > 0 || _pending is not null || _scaling is not null)
        {
            throw Operator(node, "scaling is supported only in front of the first dense step");
        }

        var offset = node.Attribute("offset")?.Floats.ToArray() ?? Array.Empty<double>();
        var scale = node.Attribute("scale")?.Floats.ToArray() ?? Array.Empty<double>();
        if (offset.Length == 0 && scale.Length == 0)
        {
            throw Operator(node, "it has neither offset nor scale");
        }

        int count = Math.Max(Math.Max(offset.Length, scale.Length), _width);

        _scaling = new OnnxScaling(Broadcast(node, offset, count, 0.0), Broadcast(node, scale, count, 1.0), divides: false);
        _used.Add(node);
        return true;
    }

    /// <summary>skl2onnx's Sub then Div (or Mul) form of a scaler, with one constant each.</summary>
    private bool SubDivScaling(OnnxNode node, string current, out string next)
    {
        double[] offset = Array.Empty<double>();
        double[] scale = Array.Empty<double>();
        bool divides = false;
        var step = node;
        next = current;
        if (step.OpType == "Sub" && SingleConstantOperand(step, next))
        {
            TryConstant(step.Inputs[1], out var c);
            offset = c.Values;
            _used.Add(step);
            next = step.Outputs[0];
            var after = Consumers(next);
            step = after.Count == 1 ? after[0] : null!;
        }

        if (step is not null && step.OpType is "Div" or "Mul" && step.IsDefaultDomain && SingleConstantOperand(step, next))
        {
            TryConstant(step.Inputs[1], out var c);
            scale = c.Values;
            divides = step.OpType == "Div";
            _used.Add(step);
            next = step.Outputs[0];
        }

        if (offset.Length == 0 && scale.Length == 0)
        {
            return false;
        }

        int count = Math.Max(Math.Max(offset.Length, scale.Length), _width);
        _scaling = new OnnxScaling(Broadcast(node, offset, count, 0.0), Broadcast(node, scale, count, 1.0), divides);
        return true;
    }

    private double[] Broadcast(OnnxNode node, double[] values, int count, double empty)
    {
        if (values.Length == count)
        {
            return values;
        }

        if (values.Length <= 1 && count > 0)
        {
            return Enumerable.Repeat(values.Length == 0 ? empty : values[0], count).ToArray();
        }

        throw Operator(node, FormattableString.Invariant($"it has {values.Length} values where the data has {count} columns"));
    }

    private bool LinearRegressor(OnnxNode node)
    {
        string transform = node.Attribute("post_transform")?.String ?? "NONE";
        if (transform != "NONE")
        {
            throw Operator(node, "its post_transform is " + transform);
        }

        var coefficients = node.Attribute("coefficients")?.Floats ?? new List<double>();
        int targets = (int)(node.Attribute("targets")?.Int ?? 1);
        var intercepts = node.Attribute("intercepts")?.Floats ?? new List<double>();
        Dense(node, Rows(node, coefficients, targets), intercepts.Count == 0 ? new double[targets] : Broadcast(node, intercepts.ToArray(), targets, 0.0));
        _used.Add(node);
        return true;
    }

    /// <summary>
    /// ai.onnx.ml LinearClassifier: scores = X·coefficientsᵀ + intercepts, then its post_transform; outputs the label and
    /// the scores. The label output ends at the graph output (possibly through Cast/Reshape).
    /// </summary>
    private bool LinearClassifier(OnnxNode node, out string next)
    {
        if (node.Outputs.Count != 2)
        {
            throw Operator(node, "it does not have a label and a score output");
        }

        var labels = node.Attribute("classlabels_strings")?.Strings.ToList()
            ?? node.Attribute("classlabels_ints")?.Ints.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (labels is null || labels.Count == 0)
        {
            throw Operator(node, "it has no class labels");
        }

        var coefficients = node.Attribute("coefficients")?.Floats ?? new List<double>();
        var intercepts = node.Attribute("intercepts")?.Floats ?? new List<double>();
        int width = WidthNow();
        if (width <= 0)
        {
            throw Graph("the width of the input of " + node.Description + " is not declared");
        }

        var rows = Rows(node, coefficients, coefficients.Count / width);
        var bias = intercepts.Count == 0 ? new double[rows.Length] : Broadcast(node, intercepts.ToArray(), rows.Length, 0.0);
        if (rows.Length == 1 && labels.Count == 2)
        {
            // One score for two classes: the operator scores them −s and s.
            rows = new[] { rows[0].Select(w => -w).ToArray(), rows[0] };
            bias = new[] { -bias[0], bias[0] };
        }

        Dense(node, rows, bias);
        string transform = node.Attribute("post_transform")?.String ?? "NONE";
        ActivationFunction activation = transform switch
        {
            "NONE" => ActivationCatalog.Create("Identity"),
            "LOGISTIC" => ActivationCatalog.Create("Sigmoid"),
            "SOFTMAX" => ActivationCatalog.Create("Softmax"),
            _ => throw Operator(node, "its post_transform is " + transform),
        };
        Activation(activation, node);
        _used.Add(node);
        TakeLabelOutput(node.Outputs[0], labels, node);
        next = node.Outputs[1];
        return true;
    }

    /// <summary>
    /// Normalizer(L1) after scores that already sum to 1 (softmax, or the two-class sigmoid pair [σ(−a), σ(a)]) changes
    /// nothing; after one-vs-rest sigmoids it is σ(aᵢ)/Σσ(aⱼ), which no activation of the module computes.
    /// </summary>
    private bool Normalizer(OnnxNode node)
    {
        string norm = node.Attribute("norm")?.String ?? "MAX";
        Flush(null);
        var last = _layers.Count > 0 ? _layers[_layers.Count - 1] : null;
        bool sumsToOne = last is not null && (last.Activation.Name == "Softmax"
            || (last.Activation.Name == "Sigmoid" && last.NeuronCount == 2 && last.WeightRows[0].Zip(last.WeightRows[1], (a, b) => a == -b).All(x => x) && last.BiasValues[0] == -last.BiasValues[1]));
        if (norm != "L1" || !sumsToOne)
        {
            throw Operator(node, norm != "L1" ? "its norm is " + norm : "it normalises one-vs-rest sigmoid scores, σ(aᵢ)/Σσ(aⱼ), which no activation of the module computes");
        }

        _used.Add(node);
        return true;
    }

    /// <summary>ArgMax(axis=1) → ArrayFeatureExtractor(classes) → Cast/Reshape → the label output, or ZipMap.</summary>
    private bool TakeLabelBranch(string current, OnnxNode node)
    {
        if (node.IsDefaultDomain && node.OpType == "ArgMax")
        {
            long axis = node.Attribute("axis")?.Int ?? 0;
            if (axis is not (1 or -1) || (node.Attribute("select_last_index")?.Int ?? 0) != 0)
            {
                throw Operator(node, "it does not pick the largest of each row's scores");
            }

            _used.Add(node);
            var extract = Consumers(node.Outputs[0]);
            if (extract.Count != 1 || extract[0].OpType != "ArrayFeatureExtractor" || extract[0].Inputs.Count != 2 || extract[0].Inputs[1] != node.Outputs[0]
                || !TryConstant(extract[0].Inputs[0], out var classes))
            {
                throw Operator(node, "its index does not pick a class label (ArrayFeatureExtractor of constant classes)");
            }

            var labels = classes.DataType == OnnxTensor.String
                ? classes.StringValues.ToList()
                : classes.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToList();
            _used.Add(extract[0]);
            TakeLabelOutput(extract[0].Outputs[0], labels, extract[0]);
            return true;
        }

        if (node.IsMl && node.OpType == "ZipMap")
        {
            var labels = node.Attribute("classlabels_strings")?.Strings.ToList()
                ?? node.Attribute("classlabels_int64s")?.Ints.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
            if (labels is null || !IsGraphOutput(node.Outputs[0]))
            {
                throw Operator(node, "it has no class labels or its output is not a graph output");
            }

            SetLabels(labels, node);
            _used.Add(node);
            _endsInZipMap = true;
            return true;
        }

        return false;
    }

    private void TakeLabelOutput(string value, List<string> labels, OnnxNode from)
    {
        int guard = _file.Graph.Nodes.Count;
        while (!IsGraphOutput(value) || Consumers(value).Count > 0)
        {
            var next = Consumers(value);
            if (next.Count != 1 || next[0].OpType is not ("Cast" or "Reshape" or "Identity") || guard-- <= 0)
            {
                throw Operator(next.Count > 0 ? next[0] : from, "the class label does not go straight to a graph output");
            }

            _used.Add(next[0]);
            value = next[0].Outputs[0];
        }

        SetLabels(labels, from);
    }

    private void SetLabels(List<string> labels, OnnxNode node)
    {
        if (_classLabel is not null && !_classLabel.SequenceEqual(labels, StringComparer.Ordinal))
        {
            throw Operator(node, "its class labels differ from the classifier's");
        }

        _classLabel = labels;
    }

    /// <summary>
    /// skl2onnx's two-class probabilities: Concat(1 − p, p) after a one-unit sigmoid layer. The layer becomes two sigmoid
    /// units with the weights −w and w, which give σ(−a) = 1 − σ(a) and σ(a): the same function, with no rounding
    /// in the new weights.
    /// </summary>
    private bool TryTwoClassComplement(string current, List<OnnxNode> consumers, out string next)
    {
        next = current;
        if (consumers.Count != 2 || _pending is not null || _layers.Count == 0)
        {
            return false;
        }

        var last = _layers[_layers.Count - 1];
        var sub = consumers.FirstOrDefault(n => n.OpType == "Sub" && n.IsDefaultDomain);
        var concat = consumers.FirstOrDefault(n => n.OpType == "Concat" && n.IsDefaultDomain);
        if (last.NeuronCount != 1 || last.Activation.Name != "Sigmoid" || sub is null || concat is null || sub.Inputs.Count != 2 || sub.Inputs[1] != current
            || !TryConstant(sub.Inputs[0], out var one) || one.Values.Length != 1 || one.Values[0] != 1.0
            || concat.Inputs.Count != 2 || concat.Inputs[0] != sub.Outputs[0] || concat.Inputs[1] != current || (concat.Attribute("axis")?.Int ?? 0) is not (1 or -1))
        {
            return false;
        }

        var weight = last.WeightRows[0];
        _layers[_layers.Count - 1] = NeuronLayer.FromOwned(
            new[] { weight.Select(w => -w).ToArray(), (double[])weight.Clone() },
            new[] { -last.BiasValues[0], last.BiasValues[0] },
            last.Activation,
            null);
        _used.Add(sub);
        _used.Add(concat);
        next = concat.Outputs[0];
        return true;
    }

    /// <summary>A dense step: the previous one, if it had no activation, is completed with Identity.</summary>
    private void Dense(OnnxNode node, double[][] weight, double[] bias)
    {
        if (weight.Length == 0 || weight[0].Length == 0)
        {
            throw Operator(node, "its weight matrix is empty");
        }

        int width = WidthNow();
        if (width > 0 && weight[0].Length != width)
        {
            throw Graph(FormattableString.Invariant($"the node {node.Description} takes {weight[0].Length} inputs where the value before it has {width} columns"));
        }

        Flush(null);
        _pending = new DenseStep(weight, bias, node);
    }

    private void Activation(ActivationFunction activation, OnnxNode node)
    {
        if (_pending is null)
        {
            throw Operator(node, _layers.Count == 0 ? "an activation before the first dense step has no place in a chain of dense layers" : "two activations in a row have no place in a chain of dense layers");
        }

        Flush(activation);
    }

    private void Flush(ActivationFunction? activation)
    {
        if (_pending is null)
        {
            return;
        }

        var step = _pending;
        _pending = null;
        activation ??= ActivationCatalog.Create("Identity");
        _layers.Add(NeuronLayer.FromOwned(step.Weight, step.Bias, activation, null));
    }

    /// <summary>The last dense step, still without its activation; the two-class sub-graph rewrites it.</summary>
    internal DenseStep? Pending => _pending;

    internal void ReplacePending(double[][] weight, double[] bias) => _pending = new DenseStep(weight, bias, _pending!.Node);

    /// <summary>Rows of the module's weight (one per output) from B, [in, out] (MatMul, Gemm) or [out, in] (transB).</summary>
    private double[][] Matrix(OnnxTensor b, bool transposed)
    {
        int rows = (int)b.Dims[0];
        int columns = (int)b.Dims[1];
        int outputs = transposed ? rows : columns;
        int inputs = transposed ? columns : rows;
        var weight = new double[outputs][];
        for (int o = 0; o < outputs; o++)
        {
            weight[o] = new double[inputs];
            for (int i = 0; i < inputs; i++)
            {
                weight[o][i] = transposed ? b.Values[(o * columns) + i] : b.Values[(i * columns) + o];
            }
        }

        return weight;
    }

    private double[][] Rows(OnnxNode node, List<double> coefficients, int rows)
    {
        if (rows <= 0 || coefficients.Count == 0 || coefficients.Count % rows != 0)
        {
            throw Operator(node, FormattableString.Invariant($"its {coefficients.Count} coefficients do not divide into {rows} rows"));
        }

        int columns = coefficients.Count / rows;
        return Enumerable.Range(0, rows).Select(r => coefficients.Skip(r * columns).Take(columns).ToArray()).ToArray();
    }

    private double[] Bias(OnnxNode node, OnnxTensor c, int count)
    {
        if (c.Values.Length == count && c.Dims.Count(d => d != 1) <= 1)
        {
            return (double[])c.Values.Clone();
        }

        if (c.Values.Length == 1)
        {
            return Enumerable.Repeat(c.Values[0], count).ToArray();
        }

        throw Operator(node, FormattableString.Invariant($"its bias has the shape [{string.Join(", ", c.Dims)}] for {count} outputs"));
    }

    private void AddConstant(OnnxTensor tensor)
    {
        if (tensor.IsExternal)
        {
            throw Graph("the tensor '" + tensor.Name + "' is kept in an external file; save the model with its weights inside (onnx.save_model(model, path, save_as_external_data=False))");
        }

        _constants[tensor.Name] = tensor;
    }

    /// <summary>Constant nodes, and operators applied to constants only that merely reshape or retype them.</summary>
    private void FoldConstants(OnnxGraph graph)
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var node in graph.Nodes.Where(n => !_used.Contains(n)))
            {
                bool fromConstants = node.Inputs.Where(i => i.Length > 0).All(_constants.ContainsKey);
                if (!fromConstants || node.Outputs.Count != 1 || !node.IsDefaultDomain)
                {
                    continue;
                }

                OnnxTensor? folded = node.OpType switch
                {
                    "Constant" => ConstantValue(node),
                    "Identity" or "Cast" or "Reshape" or "Unsqueeze" or "Squeeze" or "Flatten" => _constants[node.Inputs[0]].WithName(node.Outputs[0], node.OpType == "Reshape" || node.OpType == "Unsqueeze" || node.OpType == "Squeeze" || node.OpType == "Flatten" ? ReshapedDims(node) : null),
                    "Transpose" => Transpose(node, _constants[node.Inputs[0]]),
                    _ => null,
                };
                if (folded is null)
                {
                    continue;
                }

                if (folded.IsExternal)
                {
                    AddConstant(folded);
                }

                _constants[node.Outputs[0]] = folded;
                _producer.Remove(node.Outputs[0]);
                _used.Add(node);
                changed = true;
            }
        }
    }

    private List<long>? ReshapedDims(OnnxNode node)
    {
        var tensor = _constants[node.Inputs[0]];
        if (node.OpType == "Reshape" && node.Inputs.Count > 1 && _constants.TryGetValue(node.Inputs[1], out var shape) && shape.Values.All(v => v >= -1))
        {
            var dims = shape.Values.Select(v => (long)v).ToList();
            int unknown = dims.IndexOf(-1);
            for (int i = 0; i < dims.Count; i++)
            {
                if (dims[i] == 0 && i < tensor.Dims.Count)
                {
                    dims[i] = tensor.Dims[i];
                }
            }

            long known = dims.Where(d => d > 0).Aggregate(1L, (a, d) => a * d);
            if (unknown >= 0 && known > 0)
            {
                dims[unknown] = tensor.Values.Length / known;
            }

            return dims.Aggregate(1L, (a, d) => a * d) == tensor.Values.Length ? dims : null;
        }

        // Squeeze and Unsqueeze keep the values; only their count matters for a bias or a scalar.
        return tensor.Values.Length == 1 ? new List<long>() : new List<long> { tensor.Values.Length };
    }

    private OnnxTensor? ConstantValue(OnnxNode node)
    {
        var attribute = node.Attributes.FirstOrDefault();
        if (attribute is null || node.Attributes.Count != 1)
        {
            throw Operator(node, "it has no single value");
        }

        return attribute.Name switch
        {
            "value" when attribute.Tensor is not null => attribute.Tensor.WithName(node.Outputs[0], null),
            "value_float" => OnnxTensor.Scalar(node.Outputs[0], attribute.Float, OnnxTensor.Float),
            "value_int" => OnnxTensor.Scalar(node.Outputs[0], attribute.Int, OnnxTensor.Int64),
            "value_floats" => OnnxTensor.Vector(node.Outputs[0], attribute.Floats, OnnxTensor.Float),
            "value_ints" => OnnxTensor.Vector(node.Outputs[0], attribute.Ints.Select(i => (double)i), OnnxTensor.Int64),
            _ => throw Operator(node, "its value is a " + attribute.Name),
        };
    }

    private OnnxTensor? Transpose(OnnxNode node, OnnxTensor tensor)
    {
        var perm = node.Attribute("perm")?.Ints;
        if (tensor.Dims.Count != 2 || (perm is not null && perm.Count > 0 && !(perm.Count == 2 && perm[0] == 1 && perm[1] == 0)))
        {
            throw Operator(node, "it transposes a constant that is not a 2-D matrix");
        }

        int rows = (int)tensor.Dims[0];
        int columns = (int)tensor.Dims[1];
        var values = new double[tensor.Values.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                values[(c * rows) + r] = tensor.Values[(r * columns) + c];
            }
        }

        return OnnxTensor.Create(node.Outputs[0], new List<long> { columns, rows }, values, tensor.DataType);
    }

    /// <summary>A dense step waiting for the activation that follows it.</summary>
    internal sealed class DenseStep
    {
        internal DenseStep(double[][] weight, double[] bias, OnnxNode node)
        {
            Weight = weight;
            Bias = bias;
            Node = node;
        }

        internal double[][] Weight { get; }

        internal double[] Bias { get; }

        internal OnnxNode Node { get; }
    }
}
