using System.Collections.Generic;
using System.Linq;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Numbers as the table views in NeuronTools.Format.ps1xml show them: the same text under every culture,
/// and short enough for a column, so a right-aligned column never has to cut off the leading digits.
/// </summary>
/// <remarks>
/// A number shows at most six significant digits, as the explanations round them, or its exact shortest
/// text when that is shorter: 3.14159265358979 shows 3.14159, -123456.75 shows -123457, 1234567 shows
/// 1234567, 123456789.125 shows 1.23457E+08, 0.1 + 0.2 shows 0.3, and -0 shows 0. The properties keep every
/// bit: Format-List, Select-Object and arithmetic see the full double.
/// </remarks>
public static class ViewFormat
{
    /// <summary>Significant digits a table shows; twelve characters hold any such number but the rarest exponents.</summary>
    public const int SignificantDigits = 6;

    /// <summary>One number, e.g. [NeuronTools.Commands.ViewFormat]::Number($_.Bias).</summary>
    public static string Number(double value) => NumberText.Rounded(value, SignificantDigits);

    /// <summary>A list of numbers joined with ", " (which no culture confuses with a decimal point); empty for $null.</summary>
    public static string Numbers(IEnumerable<double>? values) =>
        values is null ? string.Empty : string.Join(", ", values.Select(Number));
}
