using System;

namespace NeuronTools;

/// <summary>
/// Activation kernels written to stay accurate in the tails, where the textbook formulas cancel or
/// overflow (σ′(800) is 0, not NaN; σ(−700) keeps its full relative precision).
/// </summary>
internal static class Elementary
{
    internal static double Sigmoid(double x)
    {
        if (x >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        double e = Math.Exp(x);
        return e / (1.0 + e);
    }

    /// <summary>σ′(x) = e^(−|x|) / (1 + e^(−|x|))², which neither cancels nor overflows.</summary>
    internal static double SigmoidDerivative(double x)
    {
        double e = Math.Exp(-Math.Abs(x));
        double d = 1.0 + e;
        return e / d / d;
    }

    /// <summary>Odd by construction, so tanh(−x) = −tanh(x) to the bit.</summary>
    internal static double Tanh(double x) => x < 0 ? -Math.Tanh(-x) : Math.Tanh(x);

    /// <summary>sech²(x) = 4e^(−2|x|) / (1 + e^(−2|x|))², free of the cancellation in 1 − tanh²(x).</summary>
    internal static double TanhDerivative(double x)
    {
        double e = Math.Exp(-2.0 * Math.Abs(x));
        double d = 1.0 + e;
        return 4.0 * e / d / d;
    }
}
