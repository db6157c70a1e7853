using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public sealed class JsonDocumentSplitterTests
{
    private static List<string> Split(params string[] pieces)
    {
        var splitter = new JsonDocumentSplitter();
        var documents = new List<string>();
        foreach (string piece in pieces)
        {
            splitter.Add(piece, documents);
        }

        splitter.Finish(documents);
        return documents;
    }

    private const string Pretty = "{\n  \"a\": [\n    [1, 2],\n    [3]\n  ],\n  \"b\": \"}]{[\\\" \"\n}\n";

    [Fact]
    public void APieceOfSeveralLinesIsOneDocument() =>
        Assert.Equal(new[] { Pretty.TrimEnd('\n') }, Split(Pretty));

    [Fact]
    public void TheLinesOfOneDocumentAreJoined() =>
        Assert.Equal(new[] { Pretty.TrimEnd('\n') }, Split(Pretty.TrimEnd('\n').Split('\n')));

    [Fact]
    public void TheLinesOfTwoFilesAreTwoDocuments()
    {
        string[] lines = Pretty.TrimEnd('\n').Split('\n');

        var documents = Split(lines.Concat(new[] { string.Empty }).Concat(lines).ToArray());

        Assert.Equal(2, documents.Count);
        Assert.All(documents, d => Assert.Equal(Pretty.TrimEnd('\n'), d));
    }

    [Fact]
    public void JsonLinesAreOneDocumentEach() =>
        Assert.Equal(new[] { "{\"a\":1}", "[2]", "{\"c\":{}}" }, Split("{\"a\":1}", "[2]", "{\"c\":{}}"));

    [Fact]
    public void TwoDocumentsOnOneLineAreSplit() =>
        Assert.Equal(new[] { "{\"a\":1}", " {\"b\":2}" }, Split("{\"a\":1} {\"b\":2}"));

    [Theory]
    [InlineData("broken and whole", "{\n  \"a\": [1, 2,]\n}")]
    [InlineData("unfinished, several lines", "{\n  \"format\": \"NeuronTools.Model\",\n")]
    [InlineData("unfinished, one line", "{\"format\": ")]
    [InlineData("not JSON", "this is not json")]
    [InlineData("a stray bracket", "}\n")]
    public void ABrokenPieceBeforeWholeOnesCostsOnlyItself(string scenario, string broken)
    {
        string good = "{\n  \"b\": 2\n}\n";

        var documents = Split(broken, good, good);

        Assert.True(documents.Count == 3, scenario);
        Assert.Equal(broken.TrimEnd('\n'), documents[0].TrimEnd('\n'));
        Assert.Equal(good.TrimEnd('\n'), documents[1]);
        Assert.Equal(good.TrimEnd('\n'), documents[2]);
    }

    [Fact]
    public void BlankPiecesGiveNoDocument() => Assert.Empty(Split(string.Empty, "  ", "\n", "\r\n"));

    [Fact]
    public void AValueThatIsNotAnObjectEndsWithItsLine() =>
        Assert.Equal(new[] { "42", "\"text\"", "{}" }, Split("42", "\"text\"", "{}"));

    [Fact]
    public void BracketsInStringsAndEscapedQuotesAreNotCounted() =>
        Assert.Equal(new[] { "{\"a\": \"}\\\"}\"}", "{}" }, Split("{\"a\": \"}\\\"}\"}", "{}"));
}
