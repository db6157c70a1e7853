using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Reads one pipeline object as an input vector: a numeric array, a list of numbers or numeric strings
/// (read with the invariant culture, whatever the current culture), or a lone number.
/// </summary>
internal static class InputVectorReader
{
    /// <summary>Unwraps a PSObject to the object it carries, leaving PSCustomObjects as they are.</summary>
    internal static object? Unwrap(object? value) =>
        value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;

    /// <summary>Reads a vector. <paramref name="isLoneNumber"/> tells whether a single number arrived on its own.</summary>
    internal static double[] Read(object? value, out bool isLoneNumber)
    {
        object? unwrapped = Unwrap(value);
        isLoneNumber = false;
        switch (unwrapped)
        {
            case double[] doubles:
                return (double[])doubles.Clone();
            case IList list:
                var vector = new double[list.Count];
                for (int i = 0; i < vector.Length; i++)
                {
                    vector[i] = ReadElement(list[i], i);
                }

                return vector;
            default:
                isLoneNumber = true;
                return new[] { ReadElement(unwrapped, 0) };
        }
    }

    internal static double ReadElement(object? element, int position)
    {
        switch (element is PSObject wrapped ? wrapped.BaseObject : element)
        {
            case double d:
                return d;
            case int i:
                return i;
            case long l:
                return l;
            case float f:
                return f;
            case decimal m:
                return (double)m;
            case short s:
                return s;
            case byte b:
                return b;
            case sbyte sb:
                return sb;
            case ushort us:
                return us;
            case uint ui:
                return ui;
            case ulong ul:
                return ul;
            case string text:
                if (InvariantNumberAttribute.TryParse(text, out double parsed))
                {
                    return parsed;
                }

                throw InvalidValue(position, text.Length == 0 ? "an empty string" : "the string '" + text + "'", "Numbers in text are read with the invariant culture: write 2.5, not 2,5.");
            case null:
                throw InvalidValue(position, "$null", "Give every position a number.");
            case var other:
                throw InvalidValue(position, "a " + other.GetType().Name, "Give every position a number.");
        }
    }

    private static NeuronToolsException InvalidValue(int position, string found, string fix) => new(
        ErrorIds.InvalidInputValue,
        ErrorKind.InvalidData,
        string.Format(CultureInfo.InvariantCulture, "The input value at position {0} is {1}, which is not a number. {2}", position, found, fix));
}
