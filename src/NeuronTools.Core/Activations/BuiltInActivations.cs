using System;

namespace NeuronTools;

/// <summary>
/// The catalogue's entries: every activation PyTorch's torch.nn offers, and Keras's exponential,
/// sparse_plus, sparse_sigmoid and squareplus. Parameter names and defaults are PyTorch's (Keras's for
/// the Keras functions). Each scalar entry gives f and f′; conventions at kinks follow PyTorch's autograd,
/// so gradients agree with what users see there, and each entry says where its convention comes from.
/// </summary>
internal static class BuiltInActivations
{
    private const string NoKink = "none: smooth everywhere";

    internal static ActivationDefinition[] Create() => new[]
    {
        Scalar(
            "Identity", new[] { "Linear" },
            "x", "1", "(-∞, ∞)", NoKink,
            NoParameters,
            _ => (x => x, _ => 1.0)),
        Scalar(
            "BinaryStep", new[] { "Heaviside" },
            "1 if x ≥ 0, else 0", "0", "{0, 1}",
            "f′ = 0 everywhere, including the jump at 0 (the classic perceptron; trained with the perceptron rule). f(0) = 1.",
            NoParameters,
            _ => (x => x >= 0 ? 1.0 : 0.0, _ => 0.0)),
        Scalar(
            "ReLU", Array.Empty<string>(),
            "max(0, x)", "1 if x > 0, else 0", "[0, ∞)",
            "ReLU′(0) = 0, as the article assumes and as PyTorch's autograd computes (threshold_backward passes the gradient only where x > 0).",
            NoParameters,
            _ => (x => x > 0 ? x : 0.0, x => x > 0 ? 1.0 : 0.0)),
        Scalar(
            "LeakyReLU", Array.Empty<string>(),
            "x if x > 0, else negative_slope·x", "1 if x > 0, else negative_slope", "(-∞, ∞)",
            "LeakyReLU′(0) = negative_slope, as PyTorch's leaky_relu_backward (x > 0 ? 1 : negative_slope).",
            new[] { ActivationParameter.Number("negative_slope", 0.01, "The slope for x ≤ 0.") },
            a => Leaky(a.Number(0))),
        Scalar(
            "PReLU", Array.Empty<string>(),
            "x if x > 0, else init·x", "1 if x > 0, else init", "(-∞, ∞)",
            "PReLU′(0) = init, as PyTorch's prelu backward (x > 0 ? 1 : weight). PyTorch learns the slope, starting from init; here it stays fixed at init.",
            new[] { ActivationParameter.Number("init", 0.25, "The slope for x ≤ 0 (PyTorch's starting value of the learnt weight).") },
            a => Leaky(a.Number(0))),
        Scalar(
            "RReLU", Array.Empty<string>(),
            "x if x > 0, else ((lower + upper)/2)·x (evaluation mode)", "1 if x > 0, else (lower + upper)/2", "(-∞, ∞)",
            "RReLU′(0) = (lower + upper)/2: in evaluation mode PyTorch's rrelu is leaky_relu with that slope, whose backward takes the slope at 0. Training mode's random slope is not offered.",
            new[]
            {
                ActivationParameter.Number("lower", 0.125, "The lower bound of the random slope; evaluation mode uses the mean of lower and upper."),
                ActivationParameter.Number("upper", 1.0 / 3.0, "The upper bound of the random slope; at least lower."),
            },
            a => Leaky((a.Number(0) + a.Number(1)) / 2.0),
            a => a.Number(0) <= a.Number(1) ? null : Invariant($"lower ({a.Number(0)}) must not be greater than upper ({a.Number(1)}). Give lower ≤ upper, for example RReLU(lower=0.1, upper=0.3).")),
        Scalar(
            "ELU", Array.Empty<string>(),
            "x if x > 0, else alpha·(e^x − 1)", "1 if x > 0, else alpha·e^x", "(-alpha, ∞)",
            "ELU′(0) = alpha, as PyTorch's elu_backward (x ≤ 0 takes the exponential branch).",
            new[] { ActivationParameter.Number("alpha", 1.0, "The value ELU approaches as x → −∞ is −alpha.") },
            a =>
            {
                double alpha = a.Number(0);
                return (x => ActivationKernels.Elu(x, alpha), x => ActivationKernels.EluDerivative(x, alpha));
            }),
        Scalar(
            "SELU", Array.Empty<string>(),
            "scale·x if x > 0, else scale·alpha·(e^x − 1), with PyTorch's alpha = 1.6732632423543772848170429916717 and scale = 1.0507009873554804934193349852946",
            "scale if x > 0, else scale·alpha·e^x", "(≈ -1.7581, ∞)",
            "SELU′(0) = scale·alpha ≈ 1.7581, as PyTorch's elu_backward (x ≤ 0 takes the exponential branch).",
            NoParameters,
            _ => (ActivationKernels.Selu, ActivationKernels.SeluDerivative)),
        Scalar(
            "CELU", Array.Empty<string>(),
            "x if x > 0, else alpha·(e^(x/alpha) − 1)", "1 if x > 0, else e^(x/alpha)", "(-alpha, ∞)",
            "none: f′ is continuous (CELU′(0) = 1 from both sides).",
            new[] { ActivationParameter.Number("alpha", 1.0, "The value CELU approaches as x → −∞ is −alpha; not 0.", "any finite number but 0", v => v != 0) },
            a =>
            {
                double alpha = a.Number(0);
                return (x => ActivationKernels.Celu(x, alpha), x => ActivationKernels.CeluDerivative(x, alpha));
            }),
        Scalar(
            "GELU", Array.Empty<string>(),
            "x·Φ(x), Φ the standard normal CDF; with approximate=tanh: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))",
            "Φ(x) + x·φ(x), φ the standard normal density; with approximate=tanh: the derivative of that formula",
            "[≈ -0.17, ∞)", NoKink,
            new[] { ActivationParameter.Choice("approximate", "none", "'none' for the exact x·Φ(x), 'tanh' for the tanh approximation.", "none", "tanh") },
            a => a.Choice(0) == "tanh"
                ? (ActivationKernels.GeluTanh, ActivationKernels.GeluTanhDerivative)
                : (ActivationKernels.Gelu, ActivationKernels.GeluDerivative)),
        Scalar(
            "SiLU", new[] { "Swish" },
            "x·σ(x)", "σ(x)·(1 + x·(1 − σ(x)))", "[≈ -0.2785, ∞)", NoKink,
            NoParameters,
            _ => (ActivationKernels.Silu, ActivationKernels.SiluDerivative)),
        Scalar(
            "Mish", Array.Empty<string>(),
            "x·tanh(softplus(x))", "tanh(s) + x·sech²(s)·σ(x), s = softplus(x)", "[≈ -0.3088, ∞)", NoKink,
            NoParameters,
            _ => (ActivationKernels.Mish, ActivationKernels.MishDerivative)),
        Scalar(
            "Sigmoid", new[] { "Logistic" },
            "1 / (1 + e^(-x))", "σ(x)·(1 − σ(x))", "(0, 1)", NoKink,
            NoParameters,
            _ => (Elementary.Sigmoid, Elementary.SigmoidDerivative)),
        Scalar(
            "LogSigmoid", Array.Empty<string>(),
            "ln σ(x) = −ln(1 + e^(−x))", "σ(−x) = 1 − σ(x)", "(-∞, 0)", NoKink,
            NoParameters,
            _ => (ActivationKernels.LogSigmoid, ActivationKernels.LogSigmoidDerivative)),
        Scalar(
            "Tanh", Array.Empty<string>(),
            "tanh(x) = (e^x − e^(-x)) / (e^x + e^(-x))", "1 − tanh²(x)", "(-1, 1)", NoKink,
            NoParameters,
            _ => (Elementary.Tanh, Elementary.TanhDerivative)),
        Scalar(
            "Hardtanh", Array.Empty<string>(),
            "min_val if x < min_val, max_val if x > max_val, else x", "1 if min_val < x < max_val, else 0", "[min_val, max_val]",
            "Hardtanh′ = 0 at both ends, x = min_val and x = max_val, as PyTorch's hardtanh_backward (1 only on the open interval).",
            new[]
            {
                ActivationParameter.Number("min_val", -1.0, "The lower limit of the output."),
                ActivationParameter.Number("max_val", 1.0, "The upper limit of the output; greater than min_val."),
            },
            a => Clamp(a.Number(0), a.Number(1)),
            a => a.Number(0) < a.Number(1) ? null : Invariant($"min_val ({a.Number(0)}) must be less than max_val ({a.Number(1)}). Give min_val < max_val, for example Hardtanh(min_val=-2, max_val=2).")),
        Scalar(
            "ReLU6", Array.Empty<string>(),
            "min(max(0, x), 6)", "1 if 0 < x < 6, else 0", "[0, 6]",
            "ReLU6′(0) = ReLU6′(6) = 0: PyTorch computes ReLU6 as hardtanh(x, 0, 6), whose backward is 0 at both ends.",
            NoParameters,
            _ => Clamp(0.0, 6.0)),
        Scalar(
            "Hardsigmoid", Array.Empty<string>(),
            "0 if x ≤ −3, 1 if x ≥ 3, else x/6 + 1/2", "1/6 if −3 < x < 3, else 0", "[0, 1]",
            "Hardsigmoid′(−3) = Hardsigmoid′(3) = 0, as PyTorch's hardsigmoid_backward (1/6 only on the open interval).",
            NoParameters,
            _ => (x => x <= -3.0 ? 0.0 : x >= 3.0 ? 1.0 : (x + 3.0) / 6.0, x => x > -3.0 && x < 3.0 ? 1.0 / 6.0 : 0.0)),
        Scalar(
            "Hardswish", new[] { "HardSiLU" },
            "0 if x ≤ −3, x if x ≥ 3, else x·(x + 3)/6", "0 if x ≤ −3, 1 if x ≥ 3, else (2x + 3)/6", "[-0.375, ∞)",
            "Hardswish′(−3) = 0 and Hardswish′(3) = 1, as PyTorch 2.7 and later (pytorch/pytorch#143899: hardswish_backward is 0 for x ≤ −3, x/3 + 1/2 for −3 < x < 3, 1 for x ≥ 3, matching the documented formula). PyTorch 2.6 and earlier used the closed band [−3, 3] and gave −0.5 and 1.5 there.",
            NoParameters,
            _ => (x => x <= -3.0 ? 0.0 : x >= 3.0 ? x : x * (x + 3.0) / 6.0, x => x <= -3.0 ? 0.0 : x >= 3.0 ? 1.0 : ((2.0 * x) + 3.0) / 6.0)),
        Scalar(
            "Softplus", Array.Empty<string>(),
            "ln(1 + e^(beta·x)) / beta, or x where beta·x > threshold", "σ(beta·x), or 1 where beta·x > threshold", "(0, ∞)",
            "At beta·x = threshold PyTorch switches to x, so f jumps by less than e^(−threshold)/beta there; as PyTorch's softplus_backward, f′ = σ(threshold) at the switch and 1 above it. beta·x is the product rounded to a double, as in PyTorch.",
            new[]
            {
                ActivationParameter.Number("beta", 1.0, "The sharpness: larger beta is closer to ReLU.", "> 0", v => v > 0),
                ActivationParameter.Number("threshold", 20.0, "Above beta·x = threshold the function is x."),
            },
            a =>
            {
                double beta = a.Number(0);
                double threshold = a.Number(1);
                return (x => ActivationKernels.Softplus(x, beta, threshold), x => ActivationKernels.SoftplusDerivative(x, beta, threshold));
            }),
        Scalar(
            "Softsign", Array.Empty<string>(),
            "x / (1 + |x|)", "1 / (1 + |x|)²", "(-1, 1)", "none: f′ is continuous (1 at 0 from both sides).",
            NoParameters,
            _ => (ActivationKernels.Softsign, ActivationKernels.SoftsignDerivative)),
        Scalar(
            "Softshrink", Array.Empty<string>(),
            "x − lambd if x > lambd, x + lambd if x < −lambd, else 0", "1 if |x| > lambd, else 0", "(-∞, ∞)",
            "Softshrink′ = 0 on the closed interval [−lambd, lambd], ends included, as PyTorch's softshrink_backward.",
            new[] { ActivationParameter.Number("lambd", 0.5, "The half-width of the band mapped to 0.", "≥ 0", v => v >= 0) },
            a =>
            {
                double lambd = a.Number(0);
                return (x => x > lambd ? x - lambd : x < -lambd ? x + lambd : 0.0, x => x > lambd || x < -lambd ? 1.0 : 0.0);
            }),
        Scalar(
            "Hardshrink", Array.Empty<string>(),
            "x if |x| > lambd, else 0", "1 if |x| > lambd, else 0", "0, or |y| > lambd",
            "Hardshrink′ = 0 on the closed interval [−lambd, lambd], ends included (f jumps there), as PyTorch's hardshrink_backward.",
            new[] { ActivationParameter.Number("lambd", 0.5, "The half-width of the band mapped to 0.", "≥ 0", v => v >= 0) },
            a =>
            {
                double lambd = a.Number(0);
                return (x => x > lambd || x < -lambd ? x : 0.0, x => x > lambd || x < -lambd ? 1.0 : 0.0);
            }),
        Scalar(
            "Tanhshrink", Array.Empty<string>(),
            "x − tanh(x)", "tanh²(x)", "(-∞, ∞)", NoKink,
            NoParameters,
            _ => (ActivationKernels.Tanhshrink, ActivationKernels.TanhshrinkDerivative)),
        Scalar(
            "Threshold", Array.Empty<string>(),
            "x if x > threshold, else value", "1 if x > threshold, else 0", "value, or > threshold",
            "Threshold′ = 0 where x ≤ threshold (f jumps at threshold unless value = threshold), as PyTorch's threshold_backward.",
            new[]
            {
                ActivationParameter.Number("threshold", null, "Inputs above it pass through."),
                ActivationParameter.Number("value", null, "The output for inputs at or below threshold."),
            },
            a =>
            {
                double limit = a.Number(0);
                double value = a.Number(1);
                return (x => x > limit ? x : value, x => x > limit ? 1.0 : 0.0);
            }),
        Scalar(
            "Exponential", Array.Empty<string>(),
            "e^x (Keras's exponential)", "e^x", "(0, ∞)", NoKink,
            NoParameters,
            _ => (Math.Exp, Math.Exp)),
        Scalar(
            "SparsePlus", Array.Empty<string>(),
            "0 if x ≤ −1, (x + 1)²/4 if −1 < x < 1, x if x ≥ 1 (Keras's sparse_plus)", "0 if x ≤ −1, (x + 1)/2 if −1 < x < 1, 1 if x ≥ 1", "[0, ∞)",
            "none: f′ is continuous (0 at −1, 1 at 1), so every convention agrees.",
            NoParameters,
            _ => (x => x <= -1.0 ? 0.0 : x >= 1.0 ? x : (x + 1.0) * (x + 1.0) * 0.25, x => x <= -1.0 ? 0.0 : x >= 1.0 ? 1.0 : (x + 1.0) * 0.5)),
        Scalar(
            "SparseSigmoid", Array.Empty<string>(),
            "0 if x ≤ −1, (x + 1)/2 if −1 < x < 1, 1 if x ≥ 1 (Keras's sparse_sigmoid)", "1/2 if −1 < x < 1, else 0", "[0, 1]",
            "SparseSigmoid′(−1) = SparseSigmoid′(1) = 0: Keras writes it as where(x ≤ −1, 0, where(x ≥ 1, 1, (x + 1)/2)), and autograd differentiates the constant branch at ±1.",
            NoParameters,
            _ => (x => x <= -1.0 ? 0.0 : x >= 1.0 ? 1.0 : (x + 1.0) * 0.5, x => x > -1.0 && x < 1.0 ? 0.5 : 0.0)),
        Scalar(
            "Squareplus", Array.Empty<string>(),
            "(x + √(x² + b)) / 2 (Keras's squareplus)", "(1 + x/√(x² + b)) / 2", "(0, ∞)",
            "none for b > 0. With b = 0 it is ReLU, and f′(0) = 1/2: √(x²)′ at 0 is taken as sgn(0) = 0, as PyTorch differentiates |x|.",
            new[] { ActivationParameter.Number("b", 4.0, "The smoothness: larger b rounds the corner more; 0 gives ReLU.", "≥ 0", v => v >= 0) },
            a =>
            {
                double b = a.Number(0);
                return (x => ActivationKernels.Squareplus(x, b), x => ActivationKernels.SquareplusDerivative(x, b));
            }),
        Vector(
            "Softmax", SoftmaxFamily.Softmax,
            "e^(x_i) / Σ_j e^(x_j)", "∂y_i/∂x_i = y_i·(1 − y_i)", "(0, 1), summing to 1"),
        Vector(
            "LogSoftmax", SoftmaxFamily.LogSoftmax,
            "x_i − ln Σ_j e^(x_j)", "∂y_i/∂x_i = 1 − softmax_i", "(-∞, 0)"),
        Vector(
            "Softmin", SoftmaxFamily.Softmin,
            "e^(−x_i) / Σ_j e^(−x_j) = softmax(−x)_i", "∂y_i/∂x_i = −y_i·(1 − y_i)", "(0, 1), summing to 1"),
    };

    private static ActivationParameter[] NoParameters => Array.Empty<ActivationParameter>();

    private static (Func<double, double> Value, Func<double, double> Derivative) Leaky(double slope) =>
        (x => x > 0 ? x : slope == 0 ? 0.0 : slope * x, x => x > 0 ? 1.0 : slope);

    private static (Func<double, double> Value, Func<double, double> Derivative) Clamp(double low, double high) =>
        (x => x <= low ? low : x >= high ? high : x, x => x > low && x < high ? 1.0 : 0.0);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static ActivationDefinition Scalar(
        string name,
        string[] aliases,
        string formula,
        string derivativeFormula,
        string range,
        string kinkConvention,
        ActivationParameter[] parameters,
        Func<ActivationArguments, (Func<double, double> Value, Func<double, double> Derivative)> bind,
        Func<ActivationArguments, string?>? validate = null) =>
        new(
            name,
            aliases,
            ActivationKind.Scalar,
            formula,
            derivativeFormula,
            range,
            kinkConvention,
            parameters,
            (definition, arguments) =>
            {
                var (value, derivative) = bind(arguments);
                return new DelegateActivation(definition, arguments, value, derivative);
            },
            validate);

    private static ActivationDefinition Vector(string name, SoftmaxFamily family, string formula, string derivativeFormula, string range) =>
        new(
            name,
            Array.Empty<string>(),
            ActivationKind.Vector,
            formula,
            derivativeFormula,
            range,
            "none: smooth. Computed with the largest input subtracted first, so large inputs neither overflow nor lose precision; +∞ inputs share the output equally, as the limit along equal inputs.",
            Array.Empty<ActivationParameter>(),
            (definition, arguments) => new SoftmaxActivation(definition, arguments, family));
}
