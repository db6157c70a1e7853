using System;

namespace NeuronTools;

/// <summary>
/// The smooth activations and their derivatives, written so that no formula cancels, overflows or
/// loses an argument's rounding to a large condition number. Each stays within (4 + κ) ulp of the
/// exact value at every finite double (κ = |x f′(x) / f(x)|), which tests/Reference/activations.tsv checks.
/// Where f′ has a root, f′ is a difference of nearly equal terms; there it is computed in
/// <see cref="DoubleDouble"/> and rounded once.
/// </summary>
internal static class ActivationKernels
{
    internal const double SeluAlpha = 1.6732632423543772848170429916717;
    internal const double SeluScale = 1.0507009873554804934193349852946;

    /// <summary>λ·α rounded once from the exact product, so SELU′(0) is the double nearest λα.</summary>
    internal const double SeluScaleTimesAlpha = 1.7580993408473768599402175208123;

    private const double GeluTanhKappa = 0.044715;

    /// <summary>√(2/π) as a double-double.</summary>
    private static readonly DoubleDouble s_sqrtTwoOverPi = new(0.7978845608028654, -4.98465440455546e-17);

    /// <summary>1/√(2π) as a double-double.</summary>
    private static readonly DoubleDouble s_inverseSqrtTwoPi = new(0.3989422804014327, -2.49232720227773e-17);

    // ---- ELU family ----

    internal static double Elu(double x, double alpha) => x > 0 ? x : alpha * AccurateMath.Expm1(x);

    internal static double EluDerivative(double x, double alpha) => x > 0 ? 1.0 : alpha * Math.Exp(x);

    internal static double Selu(double x) => x > 0 ? SeluScale * x : SeluScaleTimesAlpha * AccurateMath.Expm1(x);

    internal static double SeluDerivative(double x) => x > 0 ? SeluScale : SeluScaleTimesAlpha * Math.Exp(x);

    internal static double Celu(double x, double alpha) => x > 0 ? x : alpha * AccurateMath.Expm1(x / alpha);

    internal static double CeluDerivative(double x, double alpha) => x > 0 ? 1.0 : Math.Exp(x / alpha);

    // ---- Softplus and the sigmoid family ----

    /// <summary>PyTorch's softplus: x where β·x &gt; threshold, else ln(1 + e^(βx)) / β.</summary>
    internal static double Softplus(double x, double beta, double threshold)
    {
        double t = x * beta;
        return t > threshold ? x : AccurateMath.Log1pExp(t) / beta;
    }

    internal static double SoftplusDerivative(double x, double beta, double threshold)
    {
        double t = x * beta;
        return t > threshold ? 1.0 : Elementary.Sigmoid(t);
    }

    /// <summary>ln σ(x) = −ln(1 + e^(−x)).</summary>
    internal static double LogSigmoid(double x) => -AccurateMath.Log1pExp(-x);

    internal static double LogSigmoidDerivative(double x) => Elementary.Sigmoid(-x);

    // ---- SiLU ----

    internal static double Silu(double x) => double.IsNegativeInfinity(x) ? 0.0 : x * Elementary.Sigmoid(x);

    /// <summary>σ(x)(1 + x·σ(−x)), as one fraction of e^(−|x|); in double-double near its root at −1.278.</summary>
    internal static double SiluDerivative(double x)
    {
        if (x >= 0)
        {
            if (double.IsPositiveInfinity(x))
            {
                return 1.0;
            }

            // u = e^(−x): (1 + u + x·u) / (1 + u)²; x·u underflows to 0 rather than overflowing.
            double u = Math.Exp(-x);
            double d = 1.0 + u;
            return (d + (x * u)) / d / d;
        }

        if (x > -4.0)
        {
            var e = DoubleDouble.Exp(new DoubleDouble(x));
            var d = e + 1.0;
            return (e * (d + x) / (d * d)).ToDouble();
        }

        // e(1 + e + x) / (1 + e)² with e = e^x; no cancellation for x ≤ −4.
        double ex = Math.Exp(x);
        double one = 1.0 + ex;
        return double.IsNegativeInfinity(x) ? 0.0 : ex * ((one + x) / one / one);
    }

    // ---- Mish ----

    /// <summary>x·tanh(softplus(x)) with tanh(ln(1 + e^x)) = n / (n + 2), n = e^x (e^x + 2).</summary>
    internal static double Mish(double x)
    {
        if (double.IsInfinity(x))
        {
            return x > 0 ? x : 0.0;
        }

        return x * MishTanhSoftplus(x);
    }

    /// <summary>tanh(sp) + x·sech²(sp)·σ(x), sp = softplus(x), as rational functions of e^(−|x|).</summary>
    internal static double MishDerivative(double x)
    {
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : 0.0;
        }

        if (x > 0)
        {
            // u = e^(−x): tanh(sp) = (1 + 2u) / q, x·sech²(sp)·σ(x) = 4x·u²(1 + u) / q², q = 1 + 2u + 2u².
            double u = Math.Exp(-x);
            double q = 1.0 + (2.0 * u) + (2.0 * u * u);
            double correction = 4.0 * (x * u) * (u * (1.0 + u) / q / q);
            return ((1.0 + (2.0 * u)) / q) + correction;
        }

        if (x > -4.0)
        {
            // tanh(sp) = n / (n + 2), x·sech²(sp)·σ(x) = 4x·e(1 + e) / (n + 2)², n = e(e + 2).
            var e = DoubleDouble.Exp(new DoubleDouble(x));
            var n = e * (e + 2.0);
            var m = n + 2.0;
            var sum = (n / m) + (e * (e + 1.0) * (4.0 * x) / (m * m));
            return sum.ToDouble();
        }

        double ex = Math.Exp(x);
        double nx = ex * (ex + 2.0);
        double mx = nx + 2.0;
        // x·e first: e underflows to 0 long before 4x could overflow.
        return (nx / mx) + (4.0 * (x * ex) * ((1.0 + ex) / mx / mx));
    }

    private static double MishTanhSoftplus(double x)
    {
        if (x > 0)
        {
            double u = Math.Exp(-x);
            return (1.0 + (2.0 * u)) / (1.0 + (2.0 * u) + (2.0 * u * u));
        }

        double e = Math.Exp(x);
        double n = e * (e + 2.0);
        return n / (n + 2.0);
    }

    // ---- GELU ----

    /// <summary>x·Φ(x).</summary>
    internal static double Gelu(double x) => double.IsNegativeInfinity(x) ? 0.0 : x * AccurateMath.NormalCdf(x);

    /// <summary>Φ(x) + x·φ(x); in double-double near its root at −0.7518.</summary>
    internal static double GeluDerivative(double x)
    {
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : 0.0;
        }

        if (x > -3.0 && x < -0.05)
        {
            var xx = new DoubleDouble(x);
            var pdf = NormalPdf(xx);
            return (NormalCdf(xx) + (pdf * x)).ToDouble();
        }

        double density = AccurateMath.NormalPdf(x);
        return AccurateMath.NormalCdf(x) + (x * density);
    }

    /// <summary>
    /// The tanh approximation 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))) = x·σ(2g): the identity
    /// 1 + tanh g = 2σ(2g) removes the cancellation for x &lt; 0, and g is kept in double-double
    /// because σ's condition number (up to |2g|) would multiply its rounding.
    /// </summary>
    internal static double GeluTanh(double x)
    {
        if (Math.Abs(x) > 1e5)
        {
            // |2g| > 1e13: σ(2g) is exactly 0 or 1 in double.
            return x > 0 ? x : 0.0;
        }

        var t = GeluTanhArgument(x);
        return x * SigmoidOf(t);
    }

    internal static double GeluTanhDerivative(double x)
    {
        if (Math.Abs(x) > 1e5)
        {
            return x > 0 ? 1.0 : 0.0;
        }

        var t = GeluTanhArgument(x);

        // f′ = σ(t) + x·t′·σ(t)σ(−t), t = 2g, t′ = 2√(2/π)(1 + 3κx²).
        if (x > -4.0 && x < -0.05)
        {
            var s = DoubleDouble.Sigmoid(t);
            var sMinus = DoubleDouble.Sigmoid(-t);
            var slope = s_sqrtTwoOverPi * 2.0 * ((DoubleDouble.TwoProduct(x, x) * (3.0 * GeluTanhKappa)) + 1.0);
            return (s + (s * sMinus * slope * x)).ToDouble();
        }

        double sigma = SigmoidOf(t);
        if (sigma == 0.0)
        {
            return 0.0;
        }

        double sigmaMinus = SigmoidOf(-t);
        double tSlope = 2.0 * s_sqrtTwoOverPi.Hi * (1.0 + (3.0 * GeluTanhKappa * x * x));
        return sigma + (x * tSlope * sigma * sigmaMinus);
    }

    /// <summary>t = 2√(2/π)·x·(1 + κx²) in double-double.</summary>
    private static DoubleDouble GeluTanhArgument(double x)
    {
        var square = DoubleDouble.TwoProduct(x, x);
        var inner = (square * GeluTanhKappa) + 1.0;
        return s_sqrtTwoOverPi * inner * (2.0 * x);
    }

    /// <summary>σ(hi + lo) ≈ σ(hi)·(1 + σ(−hi)·lo): the first-order correction is all that survives rounding.</summary>
    private static double SigmoidOf(DoubleDouble t)
    {
        double s = Elementary.Sigmoid(t.Hi);
        return s + (s * Elementary.Sigmoid(-t.Hi) * t.Lo);
    }

    // ---- Tanhshrink ----

    /// <summary>x − tanh x: a series for tiny x, double-double where the two terms are close.</summary>
    internal static double Tanhshrink(double x)
    {
        double a = Math.Abs(x);
        if (a < 0.01)
        {
            // x³/3 − 2x⁵/15 + 17x⁷/315 − 62x⁹/2835, enough for 2^-60 at |x| = 0.01.
            double x2 = x * x;
            return x * x2 * ((1.0 / 3.0) + (x2 * ((-2.0 / 15.0) + (x2 * ((17.0 / 315.0) + (x2 * (-62.0 / 2835.0)))))));
        }

        if (a < 4.0)
        {
            var value = new DoubleDouble(x) - DoubleDouble.Tanh(new DoubleDouble(x));
            return value.ToDouble();
        }

        return x - Elementary.Tanh(x);
    }

    internal static double TanhshrinkDerivative(double x)
    {
        double t = Elementary.Tanh(x);
        return t * t;
    }

    // ---- Softsign, Squareplus ----

    internal static double Softsign(double x) => double.IsInfinity(x) ? Math.Sign(x) : x / (1.0 + Math.Abs(x));

    internal static double SoftsignDerivative(double x)
    {
        double d = 1.0 + Math.Abs(x);
        return 1.0 / d / d;
    }

    /// <summary>(x + √(x² + b)) / 2, as b / (2(√(x² + b) − x)) for x &lt; 0, without overflow of x².</summary>
    internal static double Squareplus(double x, double b)
    {
        if (double.IsInfinity(x))
        {
            return x > 0 ? x : 0.0;
        }

        double s = SquareplusRoot(x, b);
        if (x >= 0)
        {
            return (0.5 * x) + (0.5 * s);
        }

        return b / ((0.5 * s) + (0.5 * -x)) * 0.25;
    }

    internal static double SquareplusDerivative(double x, double b)
    {
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : 0.0;
        }

        double s = SquareplusRoot(x, b);
        if (s == 0.0)
        {
            // b = 0 and x = 0: the kink of ReLU, with √(x²)′ taken as sgn(0) = 0 as PyTorch's |x|′ does.
            return 0.5;
        }

        if (x >= 0)
        {
            return 0.5 + (0.5 * (x / s));
        }

        // (1 + x/s) / 2 = b / (2s(s − x)), computed as (b / ((s − x)/2)) / s / 4.
        return b / ((0.5 * s) + (0.5 * -x)) / s * 0.25;
    }

    private static double SquareplusRoot(double x, double b)
    {
        double a = Math.Abs(x);
        if (a > 1e150)
        {
            // b/x² < 2^-900: √(x² + b) rounds to |x|, and x² would overflow.
            return a;
        }

        return Math.Sqrt((x * x) + b);
    }

    // ---- double-double helpers for GELU ----

    /// <summary>φ(x) = e^(−x²/2)/√(2π) for |x| &lt; 30.</summary>
    private static DoubleDouble NormalPdf(DoubleDouble x)
    {
        var half = x * x * -0.5;
        return DoubleDouble.Exp(half) * s_inverseSqrtTwoPi;
    }

    /// <summary>Φ(x) = 1/2 + φ(x)·Σ x^(2n+1)/(1·3·5⋯(2n+1)) for |x| ≤ 3 (all terms positive for x &gt; 0, so no cancellation in the sum).</summary>
    private static DoubleDouble NormalCdf(DoubleDouble x)
    {
        var square = x * x;
        var term = x;
        var sum = x;
        for (int n = 1; n < 200; n++)
        {
            term = term * square / new DoubleDouble(2 * n + 1);
            sum += term;
            if (Math.Abs(term.Hi) < Math.Abs(sum.Hi) * 1e-34)
            {
                break;
            }
        }

        return (NormalPdf(x) * sum) + 0.5;
    }
}
