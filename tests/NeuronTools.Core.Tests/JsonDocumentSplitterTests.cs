using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Xunit;

namespace NeuronTools.Tests;

public sealed class JsonDocumentSplitterTests
{
    private const string Pretty = "{\n  \"a\": [\n    [1, 2],\n    [3]\n  ],\n  \"b\": \"}]{[\\\" \"\n}\n";

    private static readonly string[] PrettyLines = Pretty.TrimEnd('\n').Split('\n');

    private static readonly string Joined = string.Join("\n", PrettyLines);

    private static List<string> Split(params string[] pieces)
    {
        var splitter = new JsonDocumentSplitter();
        var documents = new List<string>();
        foreach (string piece in pieces)
        {
            splitter.Add(piece, documents);
        }

        splitter.End(documents);
        return documents;
    }

    [Fact]
    public void APieceOfSeveralLinesIsOneDocumentAsItIs() => Assert.Equal(new[] { Pretty }, Split(Pretty));

    [Fact]
    public void TheLinesOfOneDocumentAreJoined() => Assert.Equal(new[] { Joined }, Split(PrettyLines));

    [Fact]
    public void TheLinesOfTwoFilesAreTwoDocuments() =>
        Assert.Equal(new[] { Joined, Joined }, Split(PrettyLines.Concat(new[] { string.Empty, "  " }).Concat(PrettyLines).ToArray()));

    [Fact]
    public void JsonLinesAreOneDocumentEach() =>
        Assert.Equal(new[] { "{\"a\":1}", "[2]", "{\"c\":{}}" }, Split("{\"a\":1}", "[2]", "{\"c\":{}}"));

    [Fact]
    public void ALineBelongsToOneDocumentEvenWithTwoValuesOnIt() =>
        Assert.Equal(new[] { "{\"a\":1} {\"b\":2}" }, Split("{\"a\":1} {\"b\":2}"));

    [Theory]
    [InlineData("broken and whole", "{\n  \"a\": [1, 2,]\n}\n")]
    [InlineData("unfinished, several lines", "{\n  \"format\": \"NeuronTools.Model\",\n")]
    [InlineData("unfinished, one line", "{\"format\": ")]
    [InlineData("not JSON", "this is not json")]
    [InlineData("a stray bracket", "}\n")]
    public void ABrokenPieceBeforeWholeOnesCostsOnlyItself(string scenario, string broken)
    {
        string good = "{\n  \"b\": 2\n}\n";

        var documents = Split(broken, good, good);

        Assert.True(documents.SequenceEqual(new[] { broken, good, good }), scenario);
    }

    [Fact]
    public void BlankLinesBetweenDocumentsAreSkipped() =>
        Assert.Equal(new[] { "{}", "[]" }, Split(string.Empty, "{}", "   ", string.Empty, "[]", string.Empty));

    [Fact]
    public void BlankInputAloneIsOneEmptyDocument() => Assert.Equal(new[] { string.Empty }, Split(string.Empty, "  "));

    [Fact]
    public void NoInputIsNoDocument() => Assert.Empty(Split());

    [Fact]
    public void AValueThatIsNotAnObjectIsADocumentOfItsLine() =>
        Assert.Equal(new[] { "42", "\"text\"", "{}" }, Split("42", "\"text\"", "{}"));

    [Fact]
    public void BracketsInStringsAndEscapedQuotesAreNotCounted() =>
        Assert.Equal(new[] { "{\"a\": \"}\\\"}\"}", "{}" }, Split("{\"a\": \"}\\\"}\"}", "{}"));

    [Fact]
    public void AnyOneStringIsExactlyOneDocument() =>
        Gen.String[Gen.Char["{}[]\"\\ a1\n"], 0, 40].Sample(text => Split(text).Count == 1);

    [Fact]
    public void EveryCharacterOfTheLinesEndsUpInTheDocumentsInOrder() =>
        Gen.String[Gen.Char["{}[]\"\\a1"], 0, 12].Array[0, 8].Sample(lines =>
        {
            // Without spaces, the only blank lines are empty ones, so whether they are skipped changes nothing here.
            var documents = Split(lines);
            return string.Concat(documents).Replace("\n", string.Empty, System.StringComparison.Ordinal) == string.Concat(lines);
        });

    [Theory]
    [InlineData("cut off in its first line", new[] { "{\"format\": " })]
    [InlineData("cut off after some lines", new[] { "{", "  \"format\": \"NeuronTools.Model\"," })]
    [InlineData("a compressed model cut off", new[] { "{\"format\":\"NeuronTools.Model\",\"weight\":[1," })]
    public void AFileCutOffPartWaySentLineByLineCostsOnlyItself(string scenario, string[] brokenLines)
    {
        // The next file's first line starts with { in the first column: the writer indents every inner line.
        var documents = Split(brokenLines.Concat(PrettyLines).Concat(PrettyLines).ToArray());

        Assert.True(documents.SequenceEqual(new[] { string.Join("\n", brokenLines), Joined, Joined }), scenario);
    }

    [Fact]
    public void JsonLinesAfterABrokenLineAreStillOneDocumentEach() =>
        Assert.Equal(new[] { "{\"bad\": ", "{\"a\":1}", "[2]" }, Split("{\"bad\": ", "{\"a\":1}", "[2]"));
}
