using System;
using System.Globalization;
using Xunit.Sdk;

namespace NeuronTools.Tests;

/// <summary>
/// Errors in units in the last place, measured against the exact value. ulp(v) is 2^(e − 52) for
/// 2^e ≤ |v| &lt; 2^(e + 1), and 2^−1074 for subnormals and zero (the spacing of doubles there).
/// </summary>
/// <remarks>
/// A reference table gives the exact value as the double nearest to it plus the fraction of an ulp
/// that rounding lost (see tests/Reference/generate_accurate_math.py), so an error of 0.5 ulp really
/// is half an ulp of the exact value, not up to one ulp of its rounding.
/// </remarks>
public static class Ulp
{
    private const double SmallestNormal = 2.2250738585072014e-308;

    /// <summary>ulp(value) as defined above; NaN for infinities and NaN.</summary>
    public static double Of(double value)
    {
        double magnitude = Math.Abs(value);
        if (double.IsNaN(magnitude) || double.IsInfinity(magnitude))
        {
            return double.NaN;
        }

        if (magnitude < SmallestNormal)
        {
            return double.Epsilon;
        }

        long exponentBits = BitConverter.DoubleToInt64Bits(magnitude) & 0x7FF0000000000000L;
        return Math.ScaleB(BitConverter.Int64BitsToDouble(exponentBits), -52);
    }

    /// <summary>
    /// ulp of the exact value expected + fraction·ulp: half of ulp(expected) when the exact value lies just
    /// below a power of two that it rounded up to.
    /// </summary>
    public static double OfExact(double expected, double fraction = 0.0)
    {
        double ulp = Of(expected);
        double magnitude = Math.Abs(expected);
        bool isPowerOfTwo = (BitConverter.DoubleToInt64Bits(magnitude) & 0x000FFFFFFFFFFFFFL) == 0;
        bool exactIsBelow = expected > 0 ? fraction < 0 : fraction > 0;
        return isPowerOfTwo && magnitude > SmallestNormal && exactIsBelow ? ulp / 2 : ulp;
    }

    /// <summary>
    /// |actual − exact| / ulp(exact), where exact = expected + fraction·ulp(exact). 0 when actual equals an
    /// infinite expected value, +∞ for any other non-finite mismatch.
    /// </summary>
    public static double Error(double actual, double expected, double fraction = 0.0)
    {
        if (actual.Equals(expected) && fraction == 0.0)
        {
            return 0.0;
        }

        if (double.IsNaN(actual) || double.IsNaN(expected) || double.IsInfinity(actual) || double.IsInfinity(expected))
        {
            return double.PositiveInfinity;
        }

        double ulp = OfExact(expected, fraction);

        // actual − expected is exact when the two are close (Sterbenz); when they are not, the error is huge anyway.
        return Math.Abs(((actual - expected) / ulp) - fraction);
    }
}

/// <summary>Assertions on errors measured in ulp.</summary>
public static class UlpAssert
{
    /// <summary>Fails unless actual is within maxUlp of the exact value expected + fraction·ulp.</summary>
    public static void Within(double maxUlp, double actual, double expected, double fraction = 0.0, string? context = null)
    {
        double error = Ulp.Error(actual, expected, fraction);
        if (!(error <= maxUlp))
        {
            throw new XunitException(string.Format(
                CultureInfo.InvariantCulture,
                "{0}expected {1:R} (+{2} ulp), got {3:R}: {4:G4} ulp off, more than the {5} allowed.",
                context is null ? string.Empty : context + ": ",
                expected,
                fraction,
                actual,
                error,
                maxUlp));
        }
    }
}
