using System;
using System.Globalization;

namespace NeuronTools.Rendering;

/// <summary>
/// Numbers as the explanations and charts print them, identical under every culture. Steps of a
/// calculation use the shortest text that reads back to the same double ("R"), so nothing is hidden;
/// diagrams and tick labels, which must fit, round to a few significant digits.
/// </summary>
internal static class NumberText
{
    /// <summary>The shortest text that parses back to exactly <paramref name="value"/>, e.g. 0.30000000000000004.</summary>
    internal static string Exact(double value) => Normalize(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>At most <paramref name="digits"/> significant digits, e.g. 0.333333 for 1/3 at 6.</summary>
    internal static string Rounded(double value, int digits)
    {
        string exact = Exact(value);
        string rounded = Normalize(value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        return rounded.Length < exact.Length ? rounded : exact;
    }

    /// <summary>A tick label with as many decimals as its step needs, the same for every tick of an axis: 0.0, 0.5, 1.0.</summary>
    internal static string Tick(double value, double step)
    {
        double magnitude = Math.Max(Math.Abs(value), step);
        if (magnitude >= 1e6 || step < 1e-4)
        {
            return Rounded(value, 4);
        }

        int decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(step) - 1e-9));
        return Normalize(Math.Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    /// <summary>A number as a LaTeX term: 1E-05 becomes 1 \times 10^{-5}.</summary>
    internal static string LaTeX(string number)
    {
        int e = number.IndexOf('E');
        if (e < 0)
        {
            return number;
        }

        string mantissa = number.Substring(0, e);
        int exponent = int.Parse(number.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + @" \times 10^{" + exponent.ToString(CultureInfo.InvariantCulture) + "}";
    }

    /// <summary>Negative numbers in brackets, as a term after an operator: 3·(-1).</summary>
    internal static string Term(string number) => number.StartsWith("-", StringComparison.Ordinal) ? "(" + number + ")" : number;

    // -0 prints as 0: the sign of zero is a detail of IEEE arithmetic, not of the neuron.
    private static string Normalize(string text) => text == "-0" ? "0" : text;
}
