using System;
using System.Collections.Generic;

namespace NeuronTools;

/// <summary>What a JSON value is, in words a message can use.</summary>
internal enum JsonKind
{
    Object,
    Array,
    Number,
    String,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value. Deliberately plain data: nothing in a file can name a .NET type or run code,
/// because these nodes are the only thing the parser makes.
/// </summary>
internal abstract class JsonNode
{
    private protected JsonNode(int line, int position)
    {
        Line = line;
        Position = position;
    }

    /// <summary>1-based line of the value's first character in the text; 0 when the value was built in memory.</summary>
    internal int Line { get; }

    internal int Position { get; }

    internal abstract JsonKind Kind { get; }

    /// <summary>The value in words for a message: <c>the string "NaN"</c>, <c>an array</c>, <c>null</c>.</summary>
    internal abstract string Describe();
}

internal sealed class JsonObject : JsonNode
{
    private readonly List<KeyValuePair<string, JsonNode>> _members = new();

    // Keys are looked up through an index so that a hostile object with a million keys costs linear time.
    private readonly Dictionary<string, JsonNode> _index = new(StringComparer.Ordinal);

    internal JsonObject(int line = 0, int position = 0)
        : base(line, position)
    {
    }

    internal override JsonKind Kind => JsonKind.Object;

    internal IReadOnlyList<KeyValuePair<string, JsonNode>> Members => _members;

    /// <summary>Adds a member; false when the key is already present (keys are compared exactly, as JSON does).</summary>
    internal bool TryAdd(string key, JsonNode value)
    {
        if (_index.ContainsKey(key))
        {
            return false;
        }

        _index.Add(key, value);
        _members.Add(new KeyValuePair<string, JsonNode>(key, value));
        return true;
    }

    internal JsonObject Add(string key, JsonNode value)
    {
        if (!TryAdd(key, value))
        {
            throw new ArgumentException("The key '" + key + "' is already present.", nameof(key));
        }

        return this;
    }

    internal bool TryGet(string key, out JsonNode value) => _index.TryGetValue(key, out value!);

    internal override string Describe() => "an object";
}

/// <summary>
/// An array. The shapes a model file is made of are kept compactly, without a node per element: numbers
/// (and nulls among them, a diverged loss) as a double[], 8 bytes each, with NaN standing for null (a JSON
/// number is never NaN); names as a string[]. Anything else keeps one node per element.
/// </summary>
internal sealed class JsonArray : JsonNode
{
    private readonly List<JsonNode>? _items;
    private readonly double[]? _numbers;
    private readonly string[]? _strings;
    private readonly bool _hasNull;

    internal JsonArray(List<JsonNode> items, int line = 0, int position = 0)
        : base(line, position) => _items = items;

    internal JsonArray(double[] numbers, int line = 0, int position = 0)
        : this(numbers, hasNull: false, line, position)
    {
    }

    /// <summary>Numbers among which some elements are null, stored as NaN, when <paramref name="hasNull"/> is true.</summary>
    internal JsonArray(double[] numbers, bool hasNull, int line, int position)
        : base(line, position)
    {
        _numbers = numbers;
        _hasNull = hasNull;
    }

    internal JsonArray(string[] strings, int line, int position)
        : base(line, position) => _strings = strings;

    internal override JsonKind Kind => JsonKind.Array;

    internal int Count => _numbers?.Length ?? _strings?.Length ?? _items!.Count;

    internal JsonNode this[int index] =>
        _numbers is not null ? (_hasNull && double.IsNaN(_numbers[index]) ? JsonLiteral.Create(JsonKind.Null, Line, Position) : new JsonNumber(_numbers[index], Line, Position))
        : _strings is not null ? new JsonString(_strings[index], Line, Position)
        : _items![index];

    /// <summary>
    /// The elements when every one is a number (an empty array counts). The array is the reader's own:
    /// a caller may keep it without copying, as the tree is dropped once the model is built.
    /// </summary>
    internal bool TryGetNumbers(out double[] numbers)
    {
        if (_numbers is not null && !_hasNull)
        {
            numbers = _numbers;
            return true;
        }

        numbers = null!;
        if (Count == 0)
        {
            numbers = Array.Empty<double>();
            return true;
        }

        return false;
    }

    internal override string Describe() => "an array";
}

internal sealed class JsonNumber : JsonNode
{
    internal JsonNumber(double value, int line = 0, int position = 0)
        : base(line, position) => Value = value;

    /// <summary>The nearest double; ±∞ when the text is beyond the range of a double.</summary>
    internal double Value { get; }

    internal override JsonKind Kind => JsonKind.Number;

    internal override string Describe() => double.IsInfinity(Value)
        ? "a number beyond the range of a double (larger than about 1.8e308)"
        : "the number " + DoubleText.Format(Value);
}

internal sealed class JsonString : JsonNode
{
    internal JsonString(string value, int line = 0, int position = 0)
        : base(line, position) => Value = value;

    internal string Value { get; }

    internal override JsonKind Kind => JsonKind.String;

    internal override string Describe() => "the string \"" + Wording.Quote(Value) + "\"";
}

/// <summary>true, false or null.</summary>
internal sealed class JsonLiteral : JsonNode
{
    private JsonLiteral(JsonKind kind, int line, int position)
        : base(line, position) => Kind = kind;

    internal static JsonLiteral Null { get; } = new(JsonKind.Null, 0, 0);

    internal override JsonKind Kind { get; }

    internal static JsonLiteral Create(JsonKind kind, int line, int position) => new(kind, line, position);

    internal static JsonLiteral Boolean(bool value) => new(value ? JsonKind.True : JsonKind.False, 0, 0);

    internal override string Describe() => Kind switch
    {
        JsonKind.True => "true",
        JsonKind.False => "false",
        _ => "null",
    };
}
