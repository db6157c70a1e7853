using System;

namespace NeuronTools;

/// <summary>
/// The catalogue's entries. Each scalar entry gives f and f′; conventions at kinks follow PyTorch's
/// autograd, so gradients agree with what users see there.
/// </summary>
internal static class BuiltInActivations
{
    private const string NoKink = "none: smooth everywhere";

    internal static ActivationDefinition[] Create() => new[]
    {
        Scalar(
            "Identity", new[] { "Linear" },
            "x", "1", "(-∞, ∞)", NoKink,
            _ => (x => x, _ => 1.0)),
        Scalar(
            "BinaryStep", new[] { "Heaviside" },
            "1 if x ≥ 0, else 0", "0", "{0, 1}",
            "f′ = 0 everywhere, including the jump at 0 (the classic perceptron; trained with the perceptron rule). f(0) = 1.",
            _ => (x => x >= 0 ? 1.0 : 0.0, _ => 0.0)),
        Scalar(
            "ReLU", Array.Empty<string>(),
            "max(0, x)", "1 if x > 0, else 0", "[0, ∞)",
            "ReLU′(0) = 0, as the article assumes and as PyTorch's autograd computes (threshold_backward passes the gradient only where x > 0).",
            _ => (x => x > 0 ? x : 0.0, x => x > 0 ? 1.0 : 0.0)),
        Scalar(
            "LeakyReLU", Array.Empty<string>(),
            "x if x > 0, else negative_slope·x", "1 if x > 0, else negative_slope", "(-∞, ∞) for negative_slope > 0",
            "LeakyReLU′(0) = negative_slope, as PyTorch's leaky_relu_backward (x > 0 ? 1 : negative_slope).",
            a =>
            {
                double slope = a.Number(0);
                return (x => x > 0 ? x : x * slope, x => x > 0 ? 1.0 : slope);
            },
            ActivationParameter.Number("negative_slope", 0.01, "The slope for x ≤ 0.")),
        Scalar(
            "Sigmoid", new[] { "Logistic" },
            "1 / (1 + e^(-x))", "σ(x)·(1 − σ(x))", "(0, 1)", NoKink,
            _ => (Elementary.Sigmoid, Elementary.SigmoidDerivative)),
        Scalar(
            "Tanh", Array.Empty<string>(),
            "tanh(x) = (e^x − e^(-x)) / (e^x + e^(-x))", "1 − tanh²(x)", "(-1, 1)", NoKink,
            _ => (Elementary.Tanh, Elementary.TanhDerivative)),
    };

    private static ActivationDefinition Scalar(
        string name,
        string[] aliases,
        string formula,
        string derivativeFormula,
        string range,
        string kinkConvention,
        Func<ActivationArguments, (Func<double, double> Value, Func<double, double> Derivative)> bind,
        params ActivationParameter[] parameters) =>
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
            });
}
