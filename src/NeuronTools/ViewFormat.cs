using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
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

    /// <summary>
    /// One number with every bit, as the list views show it: the round-trip text with the invariant culture,
    /// e.g. [NeuronTools.Commands.ViewFormat]::Exact($_.Loss) shows 0.060923767... and never 0,0609... .
    /// </summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A list of exact numbers joined with ", "; empty for $null.</summary>
    public static string ExactList(IEnumerable<double>? values) =>
        values is null ? string.Empty : string.Join(", ", values.Select(Exact));

    /// <summary>
    /// Any value as the list views show it, for InputObject: numbers exact and invariant, lists as {a, b},
    /// objects as @{name=value; ...}, everything else as its own text.
    /// </summary>
    public static string Value(object? value) => Value(value, 0);

    // Deep enough for a row of lists, bounded for a self-containing one.
    private const int MaximumValueDepth = 4;

    private static string Value(object? value, int depth)
    {
        object? unwrapped = value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;
        switch (unwrapped)
        {
            case null:
                return string.Empty;
            case string text:
                return text;
            case double number:
                return Exact(number);
            case float number:
                return number.ToString("R", CultureInfo.InvariantCulture);
            case PSObject row when depth < MaximumValueDepth:
                return "@{" + string.Join("; ", row.Properties.Select(property => property.Name + "=" + PropertyValue(property, depth))) + "}";
            case PSObject:
                return unwrapped.ToString() ?? string.Empty;
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case IDictionary dictionary when depth < MaximumValueDepth:
                return "@{" + string.Join("; ", dictionary.Keys.Cast<object?>().Select(key => Value(key, depth + 1) + "=" + Value(key is null ? null : dictionary[key], depth + 1))) + "}";
            case IEnumerable items when depth < MaximumValueDepth:
                return "{" + string.Join(", ", items.Cast<object?>().Select(item => Value(item, depth + 1))) + "}";
            default:
                return unwrapped.ToString() ?? string.Empty;
        }
    }

    private static string PropertyValue(PSPropertyInfo property, int depth)
    {
        try
        {
            return Value(property.Value, depth + 1);
        }
        catch (GetValueException)
        {
            // A script property that fails shows empty, as Format-List shows it.
            return string.Empty;
        }
    }
}
