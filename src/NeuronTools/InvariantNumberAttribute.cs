using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Reads numbers given as text with the invariant culture, for every parameter typed double, double?,
/// double[] or double[][]. PowerShell's own string-to-double conversion accepts thousands separators and
/// hexadecimal, so "2,5" silently became 25 and "0x10" 16, under every culture; this reads "2.5" as 2.5
/// and refuses the rest with a message that says how to write the number.
/// </summary>
/// <remarks>
/// Only strings change: numbers, arrays without strings and anything else pass through untouched (the very
/// same object), so numeric input binds exactly as before. Strings inside an array, or an array of arrays,
/// are replaced in a copy of the array with the same shape, leaving PowerShell to convert the shape as
/// before (a flat list to a double[][] included).
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class InvariantNumberAttribute : ArgumentTransformationAttribute
{
    // Deeper than double[][] needs, but bounded: a self-containing list must not overflow the stack.
    private const int MaximumDepth = 8;

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => ReadText(inputData);

    /// <summary>The transformation itself, for other transformations (-Weight's) that also take numbers.</summary>
    internal static object? ReadText(object? inputData) => Transform(inputData, static text => Parse(text), 0);

    /// <summary>
    /// The same walk with another reading of each string, for <see cref="InvariantIntegerAttribute"/>: only
    /// strings, alone or inside (nested) lists, change.
    /// </summary>
    internal static object? ReadText(object? inputData, Func<string, object> parse) => Transform(inputData, parse, 0);

    /// <summary>
    /// Reads a number given as text the way every NeuronTools cmdlet does: NumberStyles.Float with the
    /// invariant culture (a dot for the decimal point, an optional exponent, no thousands separators, no
    /// hexadecimal), whatever the current culture.
    /// </summary>
    internal static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The same rule as <see cref="TryParse"/>, throwing the binding message for text that is not a number.</summary>
    internal static double Parse(string text)
    {
        if (TryParse(text, out double value))
        {
            return value;
        }

        throw new ArgumentTransformationMetadataException(NotANumberMessage(text));
    }

    internal static string NotANumberMessage(string text) => string.Format(
        CultureInfo.InvariantCulture,
        "{0} is not a number. Numbers given as text are read with the invariant culture, whatever the current culture: write 2.5, not 2,5; 1234.5, not 1,234.5; 16, not 0x10.",
        Quote(text));

    /// <summary>The message for text that is not a whole number, worded like <see cref="NotANumberMessage"/>.</summary>
    internal static string NotAWholeNumberMessage(string text) => string.Format(
        CultureInfo.InvariantCulture,
        "{0} is not a whole number. Whole numbers given as text are read with the invariant culture, whatever the current culture, and take digits only: write 1000, not 1,000 or 1.000; 16, not 0x10; and 2 or 3, not 2,5 or 2.5.",
        Quote(text));

    private static string Quote(string text) => text.Length == 0 ? "An empty string" : "The text '" + text + "'";

    private static object? Transform(object? inputData, Func<string, object> parse, int depth)
    {
        object? unwrapped = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (unwrapped)
        {
            case string text:
                return parse(text);
            case IList list when depth < MaximumDepth && unwrapped is not double[] && ContainsText(list, depth):
                var copy = new object?[list.Count];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = Transform(list[i], parse, depth + 1);
                }

                return copy;
            default:
                return inputData;
        }
    }

    private static bool ContainsText(IList list, int depth)
    {
        foreach (object? item in list)
        {
            switch (item is PSObject wrapped ? wrapped.BaseObject : item)
            {
                case string:
                    return true;
                case IList inner when depth + 1 < MaximumDepth && inner is not double[] && ContainsText(inner, depth + 1):
                    return true;
            }
        }

        return false;
    }
}
