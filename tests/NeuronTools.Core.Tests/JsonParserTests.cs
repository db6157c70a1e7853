using System;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class JsonParserTests
{
    private static JsonNode Parse(string text, long maximumLength = 1_000_000, int maximumDepth = 64) =>
        JsonParser.Parse(text, maximumLength, maximumDepth, "The text");

    private static NeuronToolsException Fails(string text, long maximumLength = 1_000_000, int maximumDepth = 64) =>
        Assert.Throws<NeuronToolsException>(() => Parse(text, maximumLength, maximumDepth));

    [Fact]
    public void ReadsEveryKindOfValue()
    {
        var value = (JsonObject)Parse("{\"a\": [1, -2.5e3, 0], \"b\": \"x\\n\\u00e9\\\"\", \"c\": true, \"d\": false, \"e\": null, \"f\": [\"s\", {}]}");

        Assert.True(value.TryGet("a", out var a));
        Assert.True(((JsonArray)a).TryGetNumbers(out double[] numbers));
        Assert.Equal(new[] { 1.0, -2500.0, 0.0 }, numbers);
        Assert.True(value.TryGet("b", out var b));
        Assert.Equal("x\né\"", ((JsonString)b).Value);
        Assert.True(value.TryGet("c", out var c));
        Assert.Equal(JsonKind.True, c.Kind);
        Assert.True(value.TryGet("e", out var e));
        Assert.Equal(JsonKind.Null, e.Kind);
        Assert.True(value.TryGet("f", out var f));
        Assert.Equal(2, ((JsonArray)f).Count);
        Assert.False(((JsonArray)f).TryGetNumbers(out _));
    }

    [Theory]
    [InlineData("{\"a\": 1,}", 1, 9)]
    [InlineData("[1, 2,]", 1, 7)]
    [InlineData("{\n  \"a\": [1, 2,\n  }", 3, 3)]
    [InlineData("{'a': 1}", 1, 2)]
    [InlineData("[NaN]", 1, 2)]
    [InlineData("[Infinity]", 1, 2)]
    [InlineData("[01]", 1, 3)]
    [InlineData("[1.]", 1, 4)]
    [InlineData("[.5]", 1, 2)]
    [InlineData("[+1]", 1, 2)]
    [InlineData("[1e]", 1, 4)]
    [InlineData("// comment\n{}", 1, 1)]
    [InlineData("{} {}", 1, 4)]
    [InlineData("\"a\tb\"", 1, 3)]
    [InlineData("\"\\x\"", 1, 3)]
    [InlineData("\"\\u12g4\"", 1, 6)]
    [InlineData("[tru]", 1, 5)]
    [InlineData("", 1, 1)]
    [InlineData("{\"a\" 1}", 1, 6)]
    [InlineData("\"open", 1, 6)]
    public void RefusesTextThatIsNotStrictJsonNamingTheLineAndPosition(string text, int line, int position)
    {
        var exception = Fails(text);

        Assert.Equal("JsonSyntaxError", exception.ErrorId);
        Assert.Contains(FormattableString.Invariant($"line {line}, position {position}"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesADuplicateKey()
    {
        var exception = Fails("{\"a\": 1,\n \"a\": 2}");

        Assert.Equal("JsonSyntaxError", exception.ErrorId);
        Assert.Contains("\"a\" appears twice", exception.Message, StringComparison.Ordinal);
        Assert.Contains("line 2, position 2", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "[[[1]]]", false)]
    [InlineData(3, "[[[[1]]]]", true)]
    [InlineData(2, "{\"a\": {\"b\": 1}}", false)]
    [InlineData(2, "{\"a\": {\"b\": [1]}}", true)]
    public void RefusesNestingBeyondTheLimit(int limit, string text, bool refused)
    {
        if (refused)
        {
            Assert.Equal("JsonTooDeep", Fails(text, maximumDepth: limit).ErrorId);
        }
        else
        {
            Assert.NotNull(Parse(text, maximumDepth: limit));
        }
    }

    [Fact]
    public void RefusesAHundredThousandOpeningBracketsWithoutOverflowingTheStack()
    {
        var exception = Fails(new string('[', 100_000), maximumDepth: 1000);

        Assert.Equal("JsonTooDeep", exception.ErrorId);
    }

    [Fact]
    public void StopsReadingAtTheLengthLimit()
    {
        string text = "[" + string.Join(",", Enumerable.Repeat("1", 1000)) + "]";

        Assert.Equal("ModelFileTooLarge", Fails(text, maximumLength: 100).ErrorId);
        Assert.NotNull(Parse(text, maximumLength: text.Length));
    }

    [Fact]
    public void RefusesANumberLiteralOfMoreThanAThousandCharacters()
    {
        Assert.Equal("JsonSyntaxError", Fails("[1" + new string('0', 1000) + "]").ErrorId);
        Assert.NotNull(Parse("[1" + new string('0', 998) + "]"));
    }

    [Fact]
    public void ReadsNumbersBeyondTheRangeOfADoubleAsInfinityForTheModelReaderToRefuse()
    {
        var array = (JsonArray)Parse("[1e400, -1e400, 1e-400]");

        Assert.True(array.TryGetNumbers(out double[] numbers));
        Assert.Equal(new[] { double.PositiveInfinity, double.NegativeInfinity, 0.0 }, numbers);
    }

    [Fact]
    public void ReadsAMillionKeyObjectInLinearTime()
    {
        string text = "{" + string.Join(",", Enumerable.Range(0, 200_000).Select(i => "\"k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\":1")) + "}";

        var value = (JsonObject)Parse(text, maximumLength: long.MaxValue);

        Assert.Equal(200_000, value.Members.Count);
    }

    [Fact]
    public void SkipsAByteOrderMark() => Assert.Equal(JsonKind.Object, Parse("\uFEFF{}").Kind);

    [Fact]
    public void WriterOutputReadsBackToTheSameTree()
    {
        var tree = new JsonObject()
            .Add("text", new JsonString("quote \" backslash \\ tab \t newline \n control \u0001 lone \ud800 pair 😀"))
            .Add("numbers", new JsonArray(new[] { 0.1, -0.0, 5e-324, double.MaxValue }))
            .Add("nested", new JsonArray(new System.Collections.Generic.List<JsonNode> { new JsonObject(), JsonLiteral.Null, JsonLiteral.Boolean(true) }));

        foreach (bool compress in new[] { false, true })
        {
            string text = JsonWriter.ToText(tree, compress);
            var back = (JsonObject)Parse(text);

            Assert.True(back.TryGet("text", out var s));
            Assert.Equal(((JsonString)tree.Members[0].Value).Value, ((JsonString)s).Value);
            Assert.True(back.TryGet("numbers", out var n));
            Assert.True(((JsonArray)n).TryGetNumbers(out double[] numbers));
            Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(numbers[1]));
            Assert.Equal(double.MaxValue, numbers[3]);
            Assert.Equal(compress, !text.Contains('\n', StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("{},")]
    [InlineData("[],")]
    [InlineData("{\"k\":0},")]
    [InlineData("true,")]
    [InlineData("[[]],")]
    public void AnArrayOfMillionsOfSmallNodesIsRefusedWhileReading(string unit)
    {
        string text = "[" + string.Concat(Enumerable.Repeat(unit, 3_000_000)) + "0]";

        var error = Fails(text, maximumLength: long.MaxValue);

        Assert.Equal("JsonTooComplex", error.ErrorId);
        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
    }

    [Fact]
    public void AnObjectOfMillionsOfKeysIsRefusedWhileReading()
    {
        string text = "{" + string.Join(",", Enumerable.Range(0, 2_000_000).Select(i => "\"" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\":0")) + "}";

        Assert.Equal("JsonTooComplex", Fails(text, maximumLength: long.MaxValue).ErrorId);
    }

    [Fact]
    public void NumbersNullsAndNamesAreKeptCompactlySoLargeModelsStillRead()
    {
        // One-character numbers cost 8 bytes per 2 characters and short names about 48 bytes per 8: both within the
        // bound, however many there are, and read back element by element as before.
        int count = 2_000_000;
        string names = string.Join(",", Enumerable.Range(0, count).Select(i => "\"x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\""));
        string text = "{\"n\":[" + names + "],\"w\":[" + string.Join(",", Enumerable.Repeat("1", count)) + "],\"h\":[1,null,2]}";

        var value = (JsonObject)Parse(text, maximumLength: long.MaxValue);

        Assert.True(value.TryGet("n", out var n));
        Assert.Equal(count, ((JsonArray)n).Count);
        Assert.Equal("x1999999", ((JsonString)((JsonArray)n)[count - 1]).Value);
        Assert.True(value.TryGet("w", out var w));
        Assert.True(((JsonArray)w).TryGetNumbers(out double[] numbers));
        Assert.Equal(count, numbers.Length);
        Assert.True(value.TryGet("h", out var h));
        var history = (JsonArray)h;
        Assert.False(history.TryGetNumbers(out _));
        Assert.Equal(new[] { JsonKind.Number, JsonKind.Null, JsonKind.Number }, Enumerable.Range(0, 3).Select(i => history[i].Kind));
    }

    [Fact]
    public void AMixedArrayKeepsItsElementsInOrder()
    {
        var array = (JsonArray)Parse("[1, null, \"a\", {}]");

        Assert.Equal(new[] { JsonKind.Number, JsonKind.Null, JsonKind.String, JsonKind.Object }, Enumerable.Range(0, 4).Select(i => array[i].Kind));
    }
}
