using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// Recognises the element-wise part of a graph after a dense step as one of the catalogue's activations: a single
/// operator (Relu, LeakyRelu, Clip...) or a known small sub-graph (the Erf form of GELU, x·σ(x), x − tanh(x), the
/// Where forms NeuronTools writes for Softplus and Threshold...). Constants are compared with the float32 rounding
/// of the value they stand for; attributes are taken exactly as the float32 values stored.
/// </summary>
internal static class OnnxActivations
{
    /// <summary>The largest sub-graph tried as one activation: the tanh form of GELU has 9 nodes.</summary>
    private const int MaximumRegion = 16;

    /// <summary>NeuronTools' own Softplus threshold for the ONNX Softplus, which has none: from βx = 40 on, ln(1 + e^(βx)) is βx in double.</summary>
    private const double OnnxSoftplusThreshold = 40.0;

    private static readonly HashSet<string> s_operators = new(StringComparer.Ordinal)
    {
        "Relu", "LeakyRelu", "PRelu", "Elu", "Selu", "Celu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "Softplus", "Softsign",
        "Mish", "Gelu", "Clip", "ThresholdedRelu", "Shrink", "Exp", "Softmax", "LogSoftmax",
    };

    internal static bool IsActivationOperator(string opType) => s_operators.Contains(opType);

    /// <summary>Why an activation operator matched no catalogue function, in words for the error message.</summary>
    internal static string WhyNot(OnnxNode node)
    {
        string Value(string name, string fallback) => node.Attribute(name) is { } a ? a.Float.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return node.OpType switch
        {
            "HardSigmoid" => $"max(0, min(1, alpha·x + beta)) with alpha {Value("alpha", "0.2")} and beta {Value("beta", "0.5")} is not the catalogue's Hardsigmoid, relu6(x + 3)/6 (alpha 1/6, beta 1/2)",
            "Selu" => "its alpha and gamma are not the standard SELU constants",
            "PRelu" => "its slope is not one constant (a slope per channel has no catalogue activation)",
            "Clip" => "its bounds are not constants, or only its upper bound is set",
            "Softmax" or "LogSoftmax" => "it does not work on the last axis of a [batch, n] tensor",
            "Shrink" => "its bias is neither 0 (Hardshrink) nor lambd (Softshrink)",
            "Gelu" => "its approximate attribute is neither 'none' nor 'tanh'",
            _ => "its attributes match no catalogue activation",
        };
    }

    /// <summary>
    /// The activation that the nodes after <paramref name="current"/> compute, the value it ends at and the nodes it
    /// takes (the first is the one messages name); a null activation when nothing known matches.
    /// </summary>
    internal static (ActivationFunction? Activation, string End, List<OnnxNode> Nodes) Match(OnnxRecognizer graph, string current, IReadOnlyList<OnnxNode> consumers)
    {
        var region = Region(graph, current);
        if (region.Count == 0)
        {
            return (null, current, new List<OnnxNode>());
        }

        // Try the longest sub-graph that ends in one value first, so x·σ(x) is SiLU and not Sigmoid followed by Mul.
        for (int end = region.Count - 1; end >= 0; end--)
        {
            var endNode = region[end];
            if (endNode.Outputs.Count == 0 || endNode.Outputs[0].Length == 0)
            {
                continue;
            }

            string value = endNode.Outputs[0];
            var needed = Needed(graph, region, value, current);
            if (needed is null || !consumers.All(needed.Contains) || !IsClosed(graph, needed, value))
            {
                continue;
            }

            var expression = Build(graph, value, current, needed, 0);
            if (expression is null)
            {
                continue;
            }

            var activation = Recognize(graph, expression, endNode);
            if (activation is not null)
            {
                var nodes = region.Where(needed.Contains).ToList();
                return (activation, value, nodes);
            }
        }

        return (null, current, region);
    }

    /// <summary>The element-wise nodes reachable from the value, in graph order, at most <see cref="MaximumRegion"/>.</summary>
    private static List<OnnxNode> Region(OnnxRecognizer graph, string current)
    {
        var values = new HashSet<string>(StringComparer.Ordinal) { current };
        var region = new List<OnnxNode>();
        var frontier = new Queue<string>();
        frontier.Enqueue(current);
        while (frontier.Count > 0 && region.Count < MaximumRegion)
        {
            string value = frontier.Dequeue();
            foreach (var node in graph.Consumers(value))
            {
                if (region.Contains(node) || !(graph.IsElementWise(node) || (node.IsDefaultDomain && s_operators.Contains(node.OpType))))
                {
                    continue;
                }

                if (!node.Inputs.Where(i => i.Length > 0).All(i => values.Contains(i) || graph.TryConstant(i, out _)))
                {
                    continue;
                }

                region.Add(node);
                foreach (string output in node.Outputs.Where(o => o.Length > 0))
                {
                    if (values.Add(output))
                    {
                        frontier.Enqueue(output);
                    }
                }

                if (region.Count >= MaximumRegion)
                {
                    break;
                }
            }
        }

        return region;
    }

    /// <summary>The region's nodes the value depends on, or null when it depends on something outside the region.</summary>
    private static HashSet<OnnxNode>? Needed(OnnxRecognizer graph, List<OnnxNode> region, string value, string current)
    {
        var needed = new HashSet<OnnxNode>();
        var stack = new Stack<string>();
        stack.Push(value);
        int guard = MaximumRegion * 8;
        while (stack.Count > 0)
        {
            if (guard-- <= 0)
            {
                return null;
            }

            string v = stack.Pop();
            if (v == current || graph.TryConstant(v, out _))
            {
                continue;
            }

            var producer = graph.Producer(v);
            if (producer is null || !region.Contains(producer))
            {
                return null;
            }

            if (needed.Add(producer))
            {
                foreach (string input in producer.Inputs.Where(i => i.Length > 0))
                {
                    stack.Push(input);
                }
            }
        }

        return needed;
    }

    /// <summary>True when nothing outside the nodes uses a value made inside them, other than the end value.</summary>
    private static bool IsClosed(OnnxRecognizer graph, HashSet<OnnxNode> nodes, string end)
    {
        foreach (var node in nodes)
        {
            foreach (string output in node.Outputs.Where(o => o.Length > 0 && o != end))
            {
                if (graph.IsGraphOutput(output) || graph.Consumers(output).Any(c => !nodes.Contains(c)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static Expr? Build(OnnxRecognizer graph, string value, string current, HashSet<OnnxNode> nodes, int depth)
    {
        if (depth > MaximumRegion)
        {
            return null;
        }

        if (value == current)
        {
            return Expr.X;
        }

        if (graph.TryConstant(value, out var constant))
        {
            return new Expr(constant);
        }

        var node = graph.Producer(value);
        if (node is null || !nodes.Contains(node))
        {
            return null;
        }

        var arguments = new Expr?[node.Inputs.Count];
        for (int i = 0; i < node.Inputs.Count; i++)
        {
            if (node.Inputs[i].Length == 0)
            {
                continue;
            }

            arguments[i] = Build(graph, node.Inputs[i], current, nodes, depth + 1);
            if (arguments[i] is null)
            {
                return null;
            }
        }

        return new Expr(node, arguments);
    }

    private static ActivationFunction? Recognize(OnnxRecognizer graph, Expr e, OnnxNode where)
    {
        try
        {
            return Single(graph, e) ?? Composite(graph, e);
        }
        catch (NeuronToolsException exception) when (exception.ErrorId is ErrorIds.InvalidActivationParameter)
        {
            throw graph.Operator(where, exception.Message);
        }
    }

    /// <summary>One operator applied to x.</summary>
    private static ActivationFunction? Single(OnnxRecognizer graph, Expr e)
    {
        if (e.Node is null || e.Arguments.Length == 0 || !e.Arguments[0]!.IsX)
        {
            return null;
        }

        var node = e.Node;
        double Attribute(string name, double fallback) => node.Attribute(name)?.Float ?? fallback;
        switch (e.Op)
        {
            case "Relu":
                return Make("ReLU");
            case "LeakyRelu":
                return Make("LeakyReLU", Attribute("alpha", 0.01f));
            case "PRelu":
                var slope = e.Arguments.Length == 2 ? e.Arguments[1]?.Constant : null;
                return slope is not null && slope.Values.Length > 0 && slope.Values.All(v => v == slope.Values[0]) ? Make("PReLU", slope.Values[0]) : null;
            case "Elu":
                return Make("ELU", Attribute("alpha", 1.0));
            case "Celu":
                return Make("CELU", Attribute("alpha", 1.0));
            case "Selu":
                // The catalogue's SELU has PyTorch's constants; ONNX stores them as float32 attributes (the defaults).
                return Attribute("alpha", 1.67326319217681884765625) == (float)1.6732632423543772 && Attribute("gamma", 1.05070102214813232421875) == (float)1.0507009873554805 ? Make("SELU") : null;
            case "Sigmoid":
                return Make("Sigmoid");
            case "HardSigmoid":
                // max(0, min(1, αx + β)) is the catalogue's relu6(x + 3)/6 only for α = 1/6, β = 1/2.
                return Attribute("alpha", 0.2f) == (float)(1.0 / 6.0) && Attribute("beta", 0.5) == 0.5 ? Make("Hardsigmoid") : null;
            case "HardSwish":
                return Make("Hardswish");
            case "Tanh":
                return Make("Tanh");
            case "Softplus":
                return Make("Softplus", 1.0, OnnxSoftplusThreshold);
            case "Softsign":
                return Make("Softsign");
            case "Mish":
                return Make("Mish");
            case "Exp":
                return Make("Exponential");
            case "Gelu":
                string approximate = node.Attribute("approximate")?.String ?? "none";
                return approximate is "none" or "tanh" ? Make("GELU", approximate) : null;
            case "ThresholdedRelu":
                return Make("Threshold", Attribute("alpha", 1.0), 0.0);
            case "Shrink":
                double bias = Attribute("bias", 0.0);
                double lambd = Attribute("lambd", 0.5);
                return bias == 0 ? Make("Hardshrink", lambd) : bias == lambd ? Make("Softshrink", lambd) : null;
            case "Clip":
                return Clip(graph, e);
            case "Softmax":
            case "LogSoftmax":
                return IsLastAxis(graph, node) ? Make(e.Op) : null;
            default:
                return null;
        }
    }

    private static bool IsLastAxis(OnnxRecognizer graph, OnnxNode node)
    {
        // Before opset 13 the default axis is 1 (and the input is seen as 2-D from it); from 13 on it is −1. For a
        // [batch, n] tensor both are the last axis.
        long axis = node.Attribute("axis")?.Int ?? (graph.Opset < 13 ? 1 : -1);
        return axis is 1 or -1;
    }

    private static ActivationFunction? Clip(OnnxRecognizer graph, Expr e)
    {
        double? min;
        double? max;
        if (graph.Opset < 11)
        {
            min = e.Node!.Attribute("min")?.Float;
            max = e.Node!.Attribute("max")?.Float;
        }
        else
        {
            min = Bound(e, 1);
            max = Bound(e, 2);
            if ((e.Arguments.Length > 1 && e.Arguments[1] is not null && min is null) || (e.Arguments.Length > 2 && e.Arguments[2] is not null && max is null))
            {
                return null;
            }
        }

        if (min is null && max is null)
        {
            return Make("Identity");
        }

        if (min == 0 && max is null or double.PositiveInfinity)
        {
            return Make("ReLU");
        }

        if (min == 0 && max == 6)
        {
            return Make("ReLU6");
        }

        return min is double low && max is double high && !double.IsInfinity(low) && !double.IsInfinity(high) ? Make("Hardtanh", low, high) : null;
    }

    private static double? Bound(Expr e, int index) =>
        e.Arguments.Length > index && e.Arguments[index]?.Constant?.Scalar() is double value ? value : null;

    /// <summary>The sub-graphs exporters write for one activation.</summary>
    private static ActivationFunction? Composite(OnnxRecognizer graph, Expr e)
    {
        switch (e.Op)
        {
            case "Mul":
                var factors = Factors(e);
                var other = factors.Count != 2 ? null : factors[0].IsX ? factors[1] : factors[1].IsX ? factors[0] : null;
                if (other is not null)
                {
                    if (other.Is("Sigmoid") && other.Arguments[0]!.IsX)
                    {
                        return Make("SiLU");
                    }

                    if (other.Is("Tanh") && other.Arguments[0]!.Is("Softplus") && other.Arguments[0]!.Arguments[0]!.IsX)
                    {
                        return Make("Mish");
                    }

                    // PyTorch before opset 14 writes hardswish as x · HardSigmoid(x; 1/6, 1/2).
                    if (other.Is("HardSigmoid") && other.Arguments[0]!.IsX && Single(graph, other)?.Name == "Hardsigmoid")
                    {
                        return Make("Hardswish");
                    }
                }

                return Gelu(factors);
            case "Sub":
                return e.Arguments[0]!.IsX && e.Arguments[1]!.Is("Tanh") && e.Arguments[1]!.Arguments[0]!.IsX ? Make("Tanhshrink") : null;
            case "Neg":
                var inner = e.Arguments[0]!;
                return inner.Is("Softplus") && inner.Arguments[0]!.Is("Neg") && inner.Arguments[0]!.Arguments[0]!.IsX ? Make("LogSigmoid") : null;
            case "Log":
                return e.Arguments[0]!.Is("Sigmoid") && e.Arguments[0]!.Arguments[0]!.IsX ? Make("LogSigmoid") : null;
            case "Softmax":
                return e.Arguments[0]!.Is("Neg") && e.Arguments[0]!.Arguments[0]!.IsX && IsLastAxis(graph, e.Node!) ? Make("Softmin") : null;
            case "Cast":
                var compare = e.Arguments[0]!;
                return compare.Is("GreaterOrEqual") && compare.Arguments[0]!.IsX && compare.Arguments[1]!.IsConstant(0.0)
                    && (e.Node!.Attribute("to")?.Int ?? 0) is OnnxTensor.Float or OnnxTensor.Double ? Make("BinaryStep") : null;
            case "Clip":
                // clip((x + 1)/2, 0, 1): NeuronTools' SparseSigmoid.
                var half = e.Arguments[0]!;
                return half.Is("Div") && half.Arguments[1]!.IsConstant(2.0) && half.Arguments[0]!.Is("Add") && IsXPlus(half.Arguments[0]!, 1.0)
                    && Bound(e, 1) == 0 && Bound(e, 2) == 1 ? Make("SparseSigmoid") : null;
            case "Div":
                // x / (1 + |x|), and PyTorch's softplus with beta: Softplus(βx) / β.
                if (e.Arguments[0]!.IsX && e.Arguments[1]!.Is("Add") && Sum(e.Arguments[1]!).Count == 2 && Sum(e.Arguments[1]!).Any(t => t.IsConstant(1.0))
                    && Sum(e.Arguments[1]!).Any(t => t.Is("Abs") && t.Arguments[0]!.IsX))
                {
                    return Make("Softsign");
                }

                return e.Arguments[1]!.Constant?.Scalar() is double beta && e.Arguments[0]!.Is("Softplus") && IsXTimes(e.Arguments[0]!.Arguments[0]!, beta)
                    ? Make("Softplus", beta, OnnxSoftplusThreshold) : null;
            case "Where":
                return Where(e) ?? Hardshrink(e);
            case "Add":
                return Softshrink(e);
            default:
                return null;
        }
    }

    /// <summary>PyTorch's softshrink: Where(x &gt; λ, x − λ, 0) + Where(x &lt; −λ, x + λ, 0).</summary>
    private static ActivationFunction? Softshrink(Expr e)
    {
        var terms = Sum(e);
        if (terms.Count != 2 || !terms.All(t => t.Is("Where") && t.Arguments[2]!.IsConstant(0.0)))
        {
            return null;
        }

        var upper = terms.FirstOrDefault(t => t.Arguments[0]!.Is("Greater"));
        var lower = terms.FirstOrDefault(t => t.Arguments[0]!.Is("Less"));
        if (upper is null || lower is null || upper.Arguments[0]!.Arguments[1]!.Constant?.Scalar() is not double lambd)
        {
            return null;
        }

        bool shape = upper.Arguments[0]!.Arguments[0]!.IsX && upper.Arguments[1]!.Is("Sub") && upper.Arguments[1]!.Arguments[0]!.IsX && upper.Arguments[1]!.Arguments[1]!.IsConstant(lambd)
            && lower.Arguments[0]!.Arguments[0]!.IsX && lower.Arguments[0]!.Arguments[1]!.IsConstant(-lambd) && lower.Arguments[1]!.Is("Add") && IsXPlus(lower.Arguments[1]!, lambd);
        return shape ? Make("Softshrink", lambd) : null;
    }

    /// <summary>PyTorch's hardshrink: Where(x &gt; λ or x &lt; −λ, x, 0), the comparisons cast to bool.</summary>
    private static ActivationFunction? Hardshrink(Expr e)
    {
        if (!e.Arguments[0]!.Is("Or") || !e.Arguments[1]!.IsX || !e.Arguments[2]!.IsConstant(0.0))
        {
            return null;
        }

        var sides = e.Arguments[0]!.Arguments.Select(a => a is not null && a.Is("Cast") ? a.Arguments[0] : a).ToList();
        var upper = sides.FirstOrDefault(s => s is not null && s.Is("Greater") && s.Arguments[0]!.IsX);
        var lower = sides.FirstOrDefault(s => s is not null && s.Is("Less") && s.Arguments[0]!.IsX);
        return upper?.Arguments[1]!.Constant?.Scalar() is double lambd && lower is not null && lower.Arguments[1]!.IsConstant(-lambd) ? Make("Hardshrink", lambd) : null;
    }

    /// <summary>NeuronTools' Softplus (Where(βx &gt; t, x, softplus(βx)/β)) and Threshold (Where(x &gt; t, x, v)).</summary>
    private static ActivationFunction? Where(Expr e)
    {
        var condition = e.Arguments[0]!;
        if (!condition.Is("Greater") || !e.Arguments[1]!.IsX || condition.Arguments[1]!.Constant?.Scalar() is not double threshold)
        {
            return null;
        }

        var scaled = condition.Arguments[0]!;
        var otherwise = e.Arguments[2]!;
        if (scaled.IsX && otherwise.Constant?.Scalar() is double value)
        {
            return Make("Threshold", threshold, value);
        }

        double beta = scaled.IsX ? 1.0 : scaled.Is("Mul") && Factors(scaled).Count == 2 && Factors(scaled).Any(f => f.IsX) && Factors(scaled).First(f => !f.IsX).Constant?.Scalar() is double b ? b : double.NaN;
        if (double.IsNaN(beta))
        {
            return null;
        }

        bool smooth = beta == 1.0
            ? otherwise.Is("Softplus") && Same(otherwise.Arguments[0]!, scaled)
            : otherwise.Is("Div") && otherwise.Arguments[1]!.IsConstant(beta) && otherwise.Arguments[0]!.Is("Softplus") && Same(otherwise.Arguments[0]!.Arguments[0]!, scaled);
        return smooth ? Make("Softplus", beta, threshold) : null;
    }

    /// <summary>x·0.5·(1 + erf(x/√2)), and the tanh form 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), in any order.</summary>
    private static ActivationFunction? Gelu(List<Expr> factors)
    {
        if (factors.Count != 3 || factors.Count(f => f.IsX) != 1 || !factors.Any(f => f.IsConstant(0.5)))
        {
            return null;
        }

        var sum = factors.FirstOrDefault(f => f.Is("Add"));
        if (sum is null)
        {
            return null;
        }

        var terms = Sum(sum);
        if (terms.Count != 2 || !terms.Any(t => t.IsConstant(1.0)))
        {
            return null;
        }

        var function = terms.First(t => !t.IsConstant(1.0));
        if (function.Is("Erf"))
        {
            var argument = function.Arguments[0]!;
            bool divides = argument.Is("Div") && argument.Arguments[0]!.IsX && argument.Arguments[1]!.IsNear(Math.Sqrt(2.0));
            bool multiplies = argument.Is("Mul") && IsXTimes(argument, 1.0 / Math.Sqrt(2.0), near: true);
            return divides || multiplies ? Make("GELU", "none") : null;
        }

        if (function.Is("Tanh"))
        {
            var inner = Factors(function.Arguments[0]!);
            var constant = inner.FirstOrDefault(f => f.IsNear(Math.Sqrt(2.0 / Math.PI)));
            var cubic = inner.FirstOrDefault(f => f.Is("Add"));
            if (inner.Count != 2 || constant is null || cubic is null)
            {
                return null;
            }

            var parts = Sum(cubic);
            var cube = parts.FirstOrDefault(p => !p.IsX);
            if (parts.Count != 2 || !parts.Any(p => p.IsX) || cube is null)
            {
                return null;
            }

            var cubeFactors = Factors(cube).SelectMany(f => f.Is("Pow") && f.Arguments[0]!.IsX && f.Arguments[1]!.IsConstant(3.0) ? new[] { Expr.X, Expr.X, Expr.X } : new[] { f }).ToList();
            return cubeFactors.Count == 4 && cubeFactors.Count(f => f.IsX) == 3 && cubeFactors.Any(f => f.IsNear(0.044715)) ? Make("GELU", "tanh") : null;
        }

        return null;
    }

    private static bool IsXTimes(Expr e, double factor, bool near = false)
    {
        if (factor == 1.0 && e.IsX)
        {
            return true;
        }

        var factors = Factors(e);
        return factors.Count == 2 && factors.Any(f => f.IsX) && factors.Any(f => near ? f.IsNear(factor) : f.IsConstant(factor));
    }

    private static bool IsXPlus(Expr e, double term)
    {
        var terms = Sum(e);
        return terms.Count == 2 && terms.Any(t => t.IsX) && terms.Any(t => t.IsConstant(term));
    }

    private static bool Same(Expr a, Expr b) => ReferenceEquals(a, b) || (a.IsX && b.IsX) || (a.Node is not null && a.Node == b.Node);

    /// <summary>The factors of a product, with nested Mul nodes flattened.</summary>
    private static List<Expr> Factors(Expr e) => Flatten(e, "Mul");

    private static List<Expr> Sum(Expr e) => Flatten(e, "Add");

    private static List<Expr> Flatten(Expr e, string op)
    {
        var result = new List<Expr>();
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (next.Is(op) && next.Arguments.Length == 2 && next.Arguments.All(a => a is not null))
            {
                stack.Push(next.Arguments[1]!);
                stack.Push(next.Arguments[0]!);
            }
            else
            {
                result.Add(next);
            }
        }

        return result;
    }

    /// <summary>The function of the catalogue with its parameters in the definition's order, checked as a specification would be.</summary>
    internal static ActivationFunction Make(string name, params object[] values)
    {
        ActivationCatalog.TryFind(name, out var definition);
        var parameters = definition.Parameters;
        var bound = new object[parameters.Count];
        for (int i = 0; i < bound.Length; i++)
        {
            bound[i] = i < values.Length ? values[i] : parameters[i].Default!;
            if (bound[i] is double number && !parameters[i].IsAllowed(number))
            {
                throw new NeuronToolsException(
                    ErrorIds.InvalidActivationParameter,
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"{definition.Name}'s {parameters[i].Name} would be {number:R}, where it must be {parameters[i].Allowed}"));
            }
        }

        var arguments = new ActivationArguments(bound);
        string? problem = definition.Validate(arguments);
        if (problem is not null)
        {
            throw new NeuronToolsException(ErrorIds.InvalidActivationParameter, ErrorKind.InvalidArgument, definition.Name + ": " + problem);
        }

        return definition.Create(arguments);
    }

    /// <summary>A node of an element-wise sub-graph, as a tree over x (the value after the dense step) and constants.</summary>
    private sealed class Expr
    {
        internal static readonly Expr X = new();

        private Expr()
        {
            Op = "x";
            Arguments = Array.Empty<Expr?>();
        }

        internal Expr(OnnxTensor constant)
        {
            Op = "constant";
            Constant = constant;
            Arguments = Array.Empty<Expr?>();
        }

        internal Expr(OnnxNode node, Expr?[] arguments)
        {
            Op = node.OpType;
            Node = node;
            Arguments = arguments;
        }

        internal string Op { get; }

        internal OnnxNode? Node { get; }

        internal OnnxTensor? Constant { get; }

        internal Expr?[] Arguments { get; }

        internal bool IsX => ReferenceEquals(this, X);

        internal bool Is(string op) => Node is not null && Op == op && Arguments.Length > 0 && Arguments[0] is not null;

        internal bool IsConstant(double value) => Constant?.Scalar() == value;

        /// <summary>Equal to the value or to its float32 rounding: how an exporter stores √2 or 0.044715.</summary>
        internal bool IsNear(double value) => Constant?.Scalar() is double c && (c == value || c == (float)value);
    }
}
