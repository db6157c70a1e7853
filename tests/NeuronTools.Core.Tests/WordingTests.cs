using System;
using Xunit;

namespace NeuronTools.Tests;

public class WordingTests
{
    [Theory]
    [InlineData(1, "value", "1 value")]
    [InlineData(0, "value", "0 values")]
    [InlineData(2, "row", "2 rows")]
    [InlineData(1, "bias", "1 bias")]
    [InlineData(3, "bias", "3 biases")]
    [InlineData(40, "epoch", "40 epochs")]
    [InlineData(1, "input name", "1 input name")]
    [InlineData(-1, "value", "-1 values")]
    [InlineData(1234567, "weight", "1234567 weights")]
    public void CountPutsTheNounInTheSingularOnlyForOne(long count, string noun, string expected) =>
        Assert.Equal(expected, Wording.Count(count, noun));

    [Theory]
    [InlineData("ReLU", "ReLU")]
    [InlineData("a\u0001b", "a\\u0001b")]
    [InlineData("tab\there", "tab\\u0009here")]
    public void QuoteEscapesControlCharacters(string text, string expected) =>
        Assert.Equal(expected, Wording.Quote(text));

    [Theory]
    [InlineData(0xD800, "x\\uD800y")]
    [InlineData(0xDC00, "x\\uDC00y")]
    public void QuoteEscapesALoneSurrogateHalf(int code, string expected)
    {
        // Built in code: an attribute cannot carry a lone surrogate (metadata strings are UTF-8).
        Assert.Equal(expected, Wording.Quote("x" + (char)code + "y"));
    }

    [Fact]
    public void QuoteKeepsASurrogatePair() =>
        Assert.Equal("\uD83D\uDE00 ok", Wording.Quote("\uD83D\uDE00 ok"));

    [Fact]
    public void QuoteCutsALongValueAndSaysHowLongItWas()
    {
        string quoted = Wording.Quote(new string('y', 20_000_000));

        Assert.Equal(new string('y', Wording.QuotedLength) + "… (20000000 characters in all)", quoted);
    }

    [Fact]
    public void QuoteNeverCutsASurrogatePairInHalf()
    {
        string text = new string('a', Wording.QuotedLength - 1) + "\uD83D\uDE00" + new string('b', 100);

        string quoted = Wording.Quote(text);

        Assert.StartsWith(new string('a', Wording.QuotedLength - 1) + "…", quoted, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", quoted, StringComparison.Ordinal);
    }
}
