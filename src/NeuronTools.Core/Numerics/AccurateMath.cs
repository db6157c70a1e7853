using System;

namespace NeuronTools;

/// <summary>
/// Special functions that .NET lacks or computes naively (netstandard2.0 has no erf, and
/// Math.Log(1 + x) loses everything for tiny x), written so that activation functions built on them
/// keep their relative precision in the tails.
/// </summary>
/// <remarks>
/// <para>
/// What is here, with the largest error measured against tests/Reference/accurate-math.tsv (see
/// AccurateMathTests for the bounds that are enforced):
/// <list type="bullet">
/// <item><see cref="Log1p"/> ln(1 + x) and <see cref="Expm1"/> e^x − 1: about 1 ulp everywhere, exact for tiny x.</item>
/// <item><see cref="Erf"/> within 1 ulp, <see cref="Erfc"/> within 3 ulp; Erfc keeps its relative precision down to
/// the subnormal range (0 only past x ≈ 27.23) and near 2 for negative x.</item>
/// <item><see cref="Erfcx"/> e^(x²)·erfc(x): the scaled form the Gaussian tails are built on.</item>
/// <item><see cref="NormalCdf"/> Φ(x) and <see cref="NormalPdf"/> φ(x): accurate in both tails (GELU and its derivative).</item>
/// <item><see cref="Log1pExp"/> ln(1 + e^x) (softplus) and <see cref="LogSigmoid"/> ln σ(x) = −ln(1 + e^−x).</item>
/// <item><see cref="TanhLog1pExp"/> tanh(ln(1 + e^x)), the factor of Mish, accurate for very negative x.</item>
/// <item><see cref="XMinusTanh"/> x − tanh(x) (tanhshrink), accurate near 0 where it is x³/3.</item>
/// </list>
/// </para>
/// <para>
/// Every function returns NaN for NaN. The exponentials and logarithms underneath are Math.Exp and
/// Math.Log; the errors quoted assume those are within about half an ulp, as in glibc and the .NET
/// Framework C runtime. Products that must be exact use Dekker's splitting (no fused multiply-add,
/// which netstandard2.0 lacks).
/// </para>
/// </remarks>
internal static partial class AccurateMath
{
    /// <summary>Below this, erfc(x) = 1 − erf(x) cancels too much and the scaled form takes over.</summary>
    private const double ErfcxFrom = 0.46;

    // Where two approximations meet, each seam sits at a point where both give the same doubles on
    // the neighbouring inputs, so that the functions stay monotone across it (AccurateMathTests checks).

    /// <summary>Erf uses x + x·Q(x²) up to here and 1 − erfc(|x|) beyond.</summary>
    private const double ErfSeriesTo = 0.99992;

    /// <summary>Erfc(x) for negative x is 1 − erf(x) down to −this and 2 − erfc(−x) below.</summary>
    private const double ErfcNegativeSeriesTo = 0.99995;

    /// <summary>Erfcx uses its polynomial pieces from here on and e^(x²)·(1 − erf(x)) below.</summary>
    private const double ErfcxPolynomialFrom = 0.46152;

    /// <summary>Erfcx(x) is 2e^(x²) − erfcx(−x) below −this.</summary>
    private const double ErfcxReflectionFrom = 0.46002;

    /// <summary>erfc(x) rounds to 0 beyond x ≈ 27.23; past this e^(−x²) underflows too.</summary>
    private const double ErfcZeroFrom = 28.0;

    /// <summary>Veltkamp's constant 2^27 + 1, which splits a double into two 26-bit halves.</summary>
    private const double SplitFactor = 134217729.0;

    /// <summary>ln(1 + x), within about 1 ulp; exact for |x| &lt; 2^−53, −0 for −0, −∞ at −1, NaN below −1.</summary>
    internal static double Log1p(double x)
    {
        if (!(x > -1.0))
        {
            return x == -1.0 ? double.NegativeInfinity : double.NaN;
        }

        if (x == 0.0 || double.IsPositiveInfinity(x))
        {
            return x;
        }

        // u = 1 + x rounded, c the part the rounding lost: ln(1 + x) = ln(u) + ln(1 + c/u) ≈ ln(u) + c/u.
        double u = 1.0 + x;
        double c = TwoSumError(1.0, x, u);
        return Math.Log(u) + (c / u);
    }

    /// <summary>e^x − 1, within about 1 ulp; exact for |x| &lt; 2^−54, −0 for −0, −1 at −∞, +∞ past 709.78.</summary>
    internal static double Expm1(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > 710.0)
        {
            return double.PositiveInfinity;
        }

        if (x < -45.0)
        {
            return -1.0;
        }

        double magnitude = Math.Abs(x);
        if (magnitude <= 0.34657359027997264)
        {
            return magnitude < 5.551115123125783e-17 ? x : x + Expm1Tail(x);
        }

        // x = k ln2 + r + c with |r| ≤ ln2/2 and c the rounding error of r; k*Ln2Hi is exact and so is
        // x − k*Ln2Hi (the two are within a factor of 2).
        int k = (int)Math.Round(x * InvLn2);
        double reducedHigh = x - (k * Ln2Hi);
        double kLow = k * Ln2Lo;
        double r = reducedHigh - kLow;
        double c = (reducedHigh - r) - kLow;

        // e^(r + c) − 1 ≈ r + tail(r) + c·(1 + r); the small part p carries all the rounding.
        double p = Expm1Tail(r) + (c * (1.0 + r));

        if (k < -2)
        {
            // The result is within 0.2 of −1, so the −1 dominates and nothing cancels.
            return ScaleByPowerOfTwo((1.0 + r) + p, k) - 1.0;
        }

        // e^x − 1 = 2^k·((1 − 2^−k) + r + p); 1 − 2^−k is exact for −2 ≤ k ≤ 53, and 1 is as good above.
        double offset = k > 60 ? 1.0 : 1.0 - ScaleByPowerOfTwo(1.0, -k);
        double sum = offset + r;
        double sumError = TwoSumError(offset, r, sum);
        return ScaleByPowerOfTwo(sum + (sumError + p), k);
    }

    /// <summary>The error function, within 1 ulp; odd to the bit, ±1 from |x| ≈ 5.9 on.</summary>
    internal static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        double magnitude = Math.Abs(x);
        if (magnitude <= ErfSeriesTo)
        {
            return ErfSmall(x);
        }

        double value = magnitude < 6.0 ? 1.0 - ErfcAtLeastErfcxFrom(magnitude) : 1.0;
        return x > 0 ? value : -value;
    }

    /// <summary>
    /// The complementary error function 1 − erf(x), within about 3 ulp, with full relative precision in
    /// the right tail (erfc(26.5) ≈ 2.2e−307, subnormal from x ≈ 26.55, 0 past 27.23) and near 2 for negative x.
    /// </summary>
    internal static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x >= ErfcxFrom)
        {
            return ErfcAtLeastErfcxFrom(x);
        }

        if (x > -ErfcNegativeSeriesTo)
        {
            return 1.0 - ErfSmall(x);
        }

        return x > -6.0 ? 2.0 - ErfcAtLeastErfcxFrom(-x) : 2.0;
    }

    /// <summary>
    /// The scaled complementary error function erfcx(x) = e^(x²)·erfc(x), within about 2 ulp for x ≥ 0.
    /// It falls like 1/(x√π) for large x (no underflow until x ≈ 1e308) and overflows to +∞ below x ≈ −26.6.
    /// </summary>
    internal static double Erfcx(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x >= ErfcxPolynomialFrom)
        {
            return ErfcxAtLeastErfcxFrom(x);
        }

        if (x < -26.7)
        {
            return double.PositiveInfinity;
        }

        double square = x * x;
        double squareError = TwoProductError(x, x, square);
        double expSquare = Math.Exp(square);
        expSquare += expSquare * squareError;
        if (x > -ErfcxReflectionFrom)
        {
            return expSquare * (1.0 - ErfSmall(x));
        }

        // erfc(x) = 2 − erfc(−x), so erfcx(x) = 2e^(x²) − erfcx(−x); the second term is below 1.
        return (2.0 * expSquare) - ErfcxAtLeastErfcxFrom(-x);
    }

    /// <summary>
    /// The standard normal cumulative distribution Φ(x) = erfc(−x/√2)/2, within 3.5 ulp and with full
    /// relative precision in the left tail (Φ(−10) ≈ 7.62e−24, subnormal below x ≈ −37.5, 0 below −38.5).
    /// The rounding of x/√2 is compensated, so GELU = x·Φ(x) inherits this accuracy.
    /// </summary>
    internal static double NormalCdf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x < -40.0)
        {
            return 0.0;
        }

        if (x > 40.0)
        {
            return 1.0;
        }

        // y = −x/√2 as a double-double yHigh + yLow.
        double minusX = -x;
        double yHigh = minusX * InvSqrt2Hi;
        double yLow = TwoProductError(minusX, InvSqrt2Hi, yHigh) + (minusX * InvSqrt2Lo);

        if (yHigh < ErfcxFrom)
        {
            // erfc(y + δ) ≈ erfc(y) − δ·(2/√π)·e^(−y²).
            double derivative = TwoOverSqrtPi * Math.Exp(-(yHigh * yHigh));
            return 0.5 * (Erfc(yHigh) - (yLow * derivative));
        }

        // Φ(x) = ½e^(−x²/2)·erfcx(y): the exponent comes from x itself (x² exactly, as a double-double), so
        // the rounding of y only reaches erfcx, which varies slowly: erfcx′(y) = 2y·erfcx(y) − 2/√π.
        double scaled = ErfcxAtLeastErfcxFrom(yHigh);
        scaled += yLow * ((2.0 * yHigh * scaled) - TwoOverSqrtPi);
        double square = x * x;
        double squareError = TwoProductError(x, x, square);
        double product = Math.Exp(-0.5 * square) * (0.5 * scaled);
        return product - (product * (0.5 * squareError));
    }

    /// <summary>
    /// The standard normal density φ(x) = e^(−x²/2)/√(2π), within about 1 ulp for every x, including the
    /// tails where x² must be carried exactly (φ(37) ≈ 5.7e−298); 0 past |x| ≈ 38.6.
    /// </summary>
    internal static double NormalPdf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        double magnitude = Math.Abs(x);
        if (magnitude > 40.0)
        {
            return 0.0;
        }

        // −x²/2 − ln√(2π) as a double-double, then e^(h + l) ≈ e^h·(1 + l).
        double square = magnitude * magnitude;
        double squareError = TwoProductError(magnitude, magnitude, square);
        double halfSquare = -0.5 * square;
        double high = halfSquare - LnSqrt2PiHi;
        double low = TwoSumError(halfSquare, -LnSqrt2PiHi, high) - (0.5 * squareError) - LnSqrt2PiLo;
        double value = Math.Exp(high);
        return value + (value * low);
    }

    /// <summary>
    /// ln(1 + e^x), the softplus core, within about 2 ulp: e^x for very negative x (softplus(−745) ≈ 5e−324),
    /// x itself for x ≥ 40, +∞ at +∞ and 0 at −∞. Its derivative is the logistic sigmoid.
    /// </summary>
    internal static double Log1pExp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > 0)
        {
            // ln(1 + e^x) = x + ln(1 + e^−x); the second term is below ulp(x)/2 from x = 40 on.
            return x >= 40.0 ? x : x + Log1p(Math.Exp(-x));
        }

        // ln(1 + u) = u(1 − u/2 + …), and u/2 is below 2^−58 from x = −40 down.
        double u = Math.Exp(x);
        return x < -40.0 ? u : Log1p(u);
    }

    /// <summary>
    /// ln σ(x) = −ln(1 + e^−x), within about 2 ulp: x itself for x ≤ −40 (logsigmoid(−800) = −800),
    /// −e^−x for large x.
    /// </summary>
    internal static double LogSigmoid(double x) => -Log1pExp(-x);

    /// <summary>
    /// tanh(ln(1 + e^x)) = n/(n + 2) with n = e^x(e^x + 2), within about 3 ulp; it is e^x for very negative x
    /// (so Mish = x·tanh(softplus(x)) keeps its precision at x = −30 and below) and 1 from x = 40 on.
    /// </summary>
    internal static double TanhLog1pExp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x >= 40.0)
        {
            return 1.0;
        }

        double u = Math.Exp(x);
        double n = u * (u + 2.0);
        return n / (n + 2.0);
    }

    /// <summary>
    /// x − tanh(x) (tanhshrink), within 3 ulp: x³/3 near 0 (3.3333e−19 at 1e−6), no cancellation
    /// anywhere, odd to the bit, ±∞ at ±∞.
    /// </summary>
    internal static double XMinusTanh(double x)
    {
        if (double.IsNaN(x) || x == 0.0)
        {
            return x;
        }

        double magnitude = Math.Abs(x);
        double value;
        if (magnitude < 1.0)
        {
            // x³·Q(x²) with x² carried as t + tError, which would otherwise cost half an ulp.
            double t = magnitude * magnitude;
            double tError = TwoProductError(magnitude, magnitude, t);
            double q = Horner(XMinusTanhCoefficients, t);
            value = magnitude * ((t * q) + (tError * q));
        }
        else
        {
            // |x| − tanh|x| = (|x| − 1) + 2/(e^(2|x|) + 1); |x| − 1 is exact up to 2, and the sum never cancels.
            value = (magnitude - 1.0) + (2.0 / (Math.Exp(2.0 * magnitude) + 1.0));
        }

        return x < 0 ? -value : value;
    }

    /// <summary>erf(x) for |x| ≤ 1 as x + x·Q(x²); scaled near the subnormal range so x·Q rounds once.</summary>
    private static double ErfSmall(double x)
    {
        if (Math.Abs(x) < 1e-290)
        {
            double scaled = x * 18446744073709551616.0; // 2^64
            return (scaled + (scaled * ErfSmallCoefficients[ErfSmallCoefficients.Length - 1])) * 5.421010862427522e-20; // 2^−64
        }

        return x + (x * Horner(ErfSmallCoefficients, x * x));
    }

    /// <summary>erfc(x) = e^(−x²)·erfcx(x) for x ≥ 0.46, with x² split exactly into square + squareError.</summary>
    private static double ErfcAtLeastErfcxFrom(double x)
    {
        if (x >= ErfcZeroFrom)
        {
            return 0.0;
        }

        double square = x * x;
        double squareError = TwoProductError(x, x, square);
        double product = Math.Exp(-square) * ErfcxAtLeastErfcxFrom(x);
        return product - (product * squareError);
    }

    private static double ErfcxAtLeastErfcxFrom(double y)
    {
        if (y < 1.25)
        {
            return Horner(Erfcx0Coefficients, y - ErfcxMid0);
        }

        if (y < 2.2)
        {
            return Horner(Erfcx1Coefficients, y - ErfcxMid1);
        }

        if (y < 4.0)
        {
            return Horner(Erfcx2Coefficients, y - ErfcxMid2);
        }

        if (y > 1e150)
        {
            // 1/y² is below 1e−300, far past the last term that matters; this also avoids y·y overflowing.
            return InvSqrtPi / y;
        }

        return Horner(ErfcxTailCoefficients, 1.0 / (y * y)) / y;
    }

    /// <summary>e^r − 1 − r for |r| ≤ 0.36, as r²(1/2 + r/6 + … + r^13/15!).</summary>
    private static double Expm1Tail(double r)
    {
        double q = 7.647163731819816e-13; // 1/15!
        q = (q * r) + 1.1470745597729725e-11; // 1/14!
        q = (q * r) + 1.6059043836821613e-10;
        q = (q * r) + 2.08767569878681e-09;
        q = (q * r) + 2.505210838544172e-08;
        q = (q * r) + 2.755731922398589e-07;
        q = (q * r) + 2.7557319223985893e-06;
        q = (q * r) + 2.48015873015873e-05;
        q = (q * r) + 0.0001984126984126984;
        q = (q * r) + 0.001388888888888889;
        q = (q * r) + 0.008333333333333333;
        q = (q * r) + 0.041666666666666664;
        q = (q * r) + 0.16666666666666666;
        q = (q * r) + 0.5;
        return r * r * q;
    }

    private static double Horner(double[] coefficients, double t)
    {
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.Length; i++)
        {
            sum = (sum * t) + coefficients[i];
        }

        return sum;
    }

    /// <summary>The exact rounding error of sum = a + b (Knuth's two-sum): a + b = sum + error.</summary>
    private static double TwoSumError(double a, double b, double sum)
    {
        double bVirtual = sum - a;
        double aVirtual = sum - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }

    /// <summary>The exact rounding error of product = a·b (Dekker): a·b = product + error, barring overflow.</summary>
    private static double TwoProductError(double a, double b, double product)
    {
        double t = SplitFactor * a;
        double aHigh = t - (t - a);
        double aLow = a - aHigh;
        t = SplitFactor * b;
        double bHigh = t - (t - b);
        double bLow = b - bHigh;
        return (((aHigh * bHigh) - product) + (aHigh * bLow) + (aLow * bHigh)) + (aLow * bLow);
    }

    /// <summary>value·2^k without intermediate overflow for k up to 1024.</summary>
    private static double ScaleByPowerOfTwo(double value, int k)
    {
        if (k > 1023)
        {
            return value * BitConverter.Int64BitsToDouble(2046L << 52) * 2.0;
        }

        return value * BitConverter.Int64BitsToDouble((long)(k + 1023) << 52);
    }
}
