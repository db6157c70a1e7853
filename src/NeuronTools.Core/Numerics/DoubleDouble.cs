using System;

namespace NeuronTools;

/// <summary>
/// An unevaluated sum hi + lo of two doubles (about 106 bits), built from error-free transformations
/// only (Dekker's split, since netstandard2.0 has no fused multiply-add). The activation kernels use it
/// for the few places where a double result needs a more precise intermediate: next to the roots of
/// f′, where f′ is a difference of nearly equal terms, and inside arguments whose rounding the
/// function's condition number would otherwise multiply. Arguments must stay below about 1e290 in
/// magnitude, or the split overflows.
/// </summary>
internal readonly struct DoubleDouble
{
    private const double Splitter = 134217729.0; // 2^27 + 1

    internal DoubleDouble(double hi, double lo = 0.0)
    {
        Hi = hi;
        Lo = lo;
    }

    internal double Hi { get; }

    internal double Lo { get; }

    internal static DoubleDouble Ln2 { get; } = new(0.6931471805599453, 2.3190468138462996e-17);

    internal double ToDouble() => Hi + Lo;

    internal static DoubleDouble TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
    }

    internal static DoubleDouble TwoProduct(double a, double b)
    {
        double p = a * b;
        Split(a, out double ah, out double al);
        Split(b, out double bh, out double bl);
        return new DoubleDouble(p, ((((ah * bh) - p) + (ah * bl)) + (al * bh)) + (al * bl));
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var s = TwoSum(a.Hi, b.Hi);
        var t = TwoSum(a.Lo, b.Lo);
        var u = Renormalize(s.Hi, s.Lo + t.Hi);
        return Renormalize(u.Hi, u.Lo + t.Lo);
    }

    public static DoubleDouble operator +(DoubleDouble a, double b)
    {
        var s = TwoSum(a.Hi, b);
        return Renormalize(s.Hi, s.Lo + a.Lo);
    }

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + (-b);

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var p = TwoProduct(a.Hi, b.Hi);
        return Renormalize(p.Hi, p.Lo + ((a.Hi * b.Lo) + (a.Lo * b.Hi)));
    }

    public static DoubleDouble operator *(DoubleDouble a, double b)
    {
        var p = TwoProduct(a.Hi, b);
        return Renormalize(p.Hi, p.Lo + (a.Lo * b));
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        // Long division: a first quotient, then the correction from the exact remainder.
        double q1 = a.Hi / b.Hi;
        var r = a - (b * q1);
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        var q = Renormalize(q1, q2);
        return q + q3;
    }

    /// <summary>e^x for |x| &lt; 700, to about 100 bits.</summary>
    internal static DoubleDouble Exp(DoubleDouble x)
    {
        double k = Math.Round(x.Hi / Ln2.Hi);
        var em = Expm1Reduced(x - (Ln2 * k));
        return Scale(em + 1.0, (int)k);
    }

    /// <summary>e^x − 1, to about 100 bits relative even for tiny x (|x| &lt; 700).</summary>
    internal static DoubleDouble Expm1(DoubleDouble x)
    {
        if (Math.Abs(x.Hi) < 0.5)
        {
            return Expm1Reduced(x);
        }

        return Exp(x) + -1.0;
    }

    /// <summary>tanh x to about 100 bits relative, for |x| &lt; 350.</summary>
    internal static DoubleDouble Tanh(DoubleDouble x)
    {
        // tanh x = expm1(2x) / (expm1(2x) + 2), odd and free of cancellation for x ≥ 0.
        bool negative = x.Hi < 0;
        var e = Expm1(negative ? x * -2.0 : x * 2.0);
        var t = e / (e + 2.0);
        return negative ? -t : t;
    }

    /// <summary>σ(x) = 1 / (1 + e^(−x)), for |x| &lt; 700.</summary>
    internal static DoubleDouble Sigmoid(DoubleDouble x) => x.Hi >= 0
        ? new DoubleDouble(1.0) / (Exp(-x) + 1.0)
        : Exp(x) / (Exp(x) + 1.0);

    internal static DoubleDouble Scale(DoubleDouble a, int exponent)
    {
        double factor = Math.Pow(2.0, exponent);
        return new DoubleDouble(a.Hi * factor, a.Lo * factor);
    }

    private static DoubleDouble Renormalize(double hi, double lo)
    {
        double s = hi + lo;
        return new DoubleDouble(s, lo - (s - hi));
    }

    private static void Split(double a, out double hi, out double lo)
    {
        double t = Splitter * a;
        hi = t - (t - a);
        lo = a - hi;
    }

    /// <summary>e^r − 1 for |r| ≤ ln2/2: Taylor on r/2^10, then ten doublings e ↦ 2e + e².</summary>
    private static DoubleDouble Expm1Reduced(DoubleDouble r)
    {
        const int Halvings = 10;
        var s = new DoubleDouble(r.Hi / 1024.0, r.Lo / 1024.0);
        var term = s;
        var sum = s;
        for (int n = 2; n <= 10; n++)
        {
            term = term * s * (1.0 / n);
            sum += term;
        }

        for (int i = 0; i < Halvings; i++)
        {
            sum = (sum * 2.0) + (sum * sum);
        }

        return sum;
    }
}
