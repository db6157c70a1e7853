using System;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// Reads the fields of a model file's JSON, naming the field path (<c>layers[1].weight[2]</c>) and the
/// line and position of anything wrong, so that every shape error says exactly where to look.
/// </summary>
internal sealed class ModelFieldReader
{
    private readonly string _source;

    internal ModelFieldReader(string source) => _source = source;

    internal static string Member(string path, string key) => path.Length == 0 ? key : path + "." + key;

    internal static string Element(string path, int index) => path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    internal NeuronToolsException Invalid(string path, JsonNode? node, string problem)
    {
        string where = path.Length == 0 ? "the top level" : "'" + Wording.Quote(path) + "'";
        string at = node is null || node.Line == 0
            ? string.Empty
            : FormattableString.Invariant($" (line {node.Line}, position {node.Position})");
        return new NeuronToolsException(ErrorIds.InvalidModelFile, ErrorKind.InvalidData, $"{_source} is not a valid model: {where}{at} {problem}");
    }

    internal JsonObject Object(JsonNode node, string path) =>
        node as JsonObject ?? throw Invalid(path, node, "must be an object, but it is " + node.Describe() + ".");

    /// <summary>Refuses keys that are not fields of this object in this schema version (a misspelt field would otherwise be ignored).</summary>
    internal void OnlyKnownFields(JsonObject value, string path, string what, params string[] fields)
    {
        foreach (var member in value.Members)
        {
            if (!fields.Contains(member.Key, StringComparer.Ordinal))
            {
                throw Invalid(
                    Member(path, member.Key),
                    member.Value,
                    $"is not a field of {what} in schema version {ModelSerializer.SchemaVersion}; the fields are {string.Join(", ", fields)} (names are case-sensitive).");
            }
        }
    }

    internal JsonNode Required(JsonObject value, string path, string key)
    {
        if (!value.TryGet(key, out var node))
        {
            throw Invalid(Member(path, key), value, "is missing.");
        }

        return node;
    }

    internal JsonNode? Optional(JsonObject value, string key) =>
        value.TryGet(key, out var node) && node.Kind != JsonKind.Null ? node : null;

    internal double FiniteNumber(JsonNode node, string path)
    {
        if (node is JsonNumber number)
        {
            if (double.IsInfinity(number.Value))
            {
                throw Invalid(path, node, "is beyond the range of a double (larger than about 1.8e308); model values must be finite.");
            }

            return number.Value;
        }

        throw Invalid(path, node, NotANumber(node));
    }

    internal double FiniteNumber(JsonObject value, string path, string key) => FiniteNumber(Required(value, path, key), Member(path, key));

    /// <summary>A whole number from <paramref name="minimum"/> to int.MaxValue.</summary>
    internal int Count(JsonNode node, string path, int minimum)
    {
        double value = FiniteNumber(node, path);
        if (value != Math.Floor(value) || value < minimum || value > int.MaxValue)
        {
            throw Invalid(path, node, FormattableString.Invariant($"must be a whole number of at least {minimum}, but it is {DoubleText.Format(value)}."));
        }

        return (int)value;
    }

    internal int Count(JsonObject value, string path, string key, int minimum) => Count(Required(value, path, key), Member(path, key), minimum);

    /// <summary>Any whole number in the range of an int, negative ones too (a seed, say).</summary>
    internal int Integer(JsonNode node, string path)
    {
        double value = FiniteNumber(node, path);
        if (value != Math.Floor(value) || value < int.MinValue || value > int.MaxValue)
        {
            throw Invalid(path, node, FormattableString.Invariant($"must be a whole number from {int.MinValue} to {int.MaxValue}, but it is {DoubleText.Format(value)}."));
        }

        return (int)value;
    }

    internal bool Boolean(JsonNode node, string path) => node.Kind switch
    {
        JsonKind.True => true,
        JsonKind.False => false,
        _ => throw Invalid(path, node, "must be true or false, but it is " + node.Describe() + "."),
    };

    /// <summary>One of the names of an enum, exactly as written (numbers are not names).</summary>
    internal T EnumName<T>(JsonObject value, string path, string key)
        where T : struct
    {
        string fieldPath = Member(path, key);
        var node = Required(value, path, key);
        string text = String(node, fieldPath);
        string[] names = Enum.GetNames(typeof(T));
        if (!names.Contains(text, StringComparer.Ordinal))
        {
            throw Invalid(fieldPath, node, $"must be one of {string.Join(", ", names)}, but it is \"{Wording.Quote(text)}\".");
        }

        return (T)Enum.Parse(typeof(T), text);
    }

    internal string String(JsonNode node, string path) =>
        node is JsonString text ? text.Value : throw Invalid(path, node, "must be a string, but it is " + node.Describe() + ".");

    internal string? OptionalString(JsonObject value, string path, string key) =>
        Optional(value, key) is { } node ? String(node, Member(path, key)) : null;

    internal JsonArray Array(JsonNode node, string path) =>
        node as JsonArray ?? throw Invalid(path, node, "must be an array, but it is " + node.Describe() + ".");

    /// <summary>An array of exactly <paramref name="count"/> finite numbers.</summary>
    internal double[] FiniteNumbers(JsonNode node, string path, int count, string countMeaning)
    {
        var array = Array(node, path);
        if (array.Count != count)
        {
            throw Invalid(path, node, FormattableString.Invariant($"has {Wording.Count(array.Count, "value")}, but {countMeaning} {count}."));
        }

        if (!array.TryGetNumbers(out double[] numbers))
        {
            numbers = new double[array.Count];
            for (int i = 0; i < numbers.Length; i++)
            {
                numbers[i] = FiniteNumber(array[i], Element(path, i));
            }

            return numbers;
        }

        for (int i = 0; i < numbers.Length; i++)
        {
            if (double.IsInfinity(numbers[i]))
            {
                FiniteNumber(array[i], Element(path, i));
            }
        }

        return numbers;
    }

    internal string[]? OptionalStrings(JsonObject value, string path, string key, int count, string countMeaning)
    {
        if (Optional(value, key) is not { } node)
        {
            return null;
        }

        string fieldPath = Member(path, key);
        var array = Array(node, fieldPath);
        if (array.Count != count)
        {
            throw Invalid(fieldPath, node, FormattableString.Invariant($"has {Wording.Count(array.Count, "name")}, but {countMeaning} {count}."));
        }

        var names = new string[array.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = String(array[i], Element(fieldPath, i));
        }

        return names;
    }

    private static string NotANumber(JsonNode node)
    {
        string found = node.Describe();
        if (node is JsonString text && IsNonFiniteWord(text.Value))
        {
            return "must be a finite number, but it is " + found + ". NaN and infinities cannot be stored in a model, as a string or otherwise.";
        }

        return "must be a number, but it is " + found + ".";
    }

    private static bool IsNonFiniteWord(string text)
    {
        string word = text.Trim().TrimStart('+', '-');
        return word.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || word.Equals("Infinity", StringComparison.OrdinalIgnoreCase)
            || word.Equals("Inf", StringComparison.OrdinalIgnoreCase)
            || word == "∞";
    }
}
