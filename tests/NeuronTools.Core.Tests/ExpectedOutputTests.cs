using System;
using System.IO;
using Xunit;
using Xunit.Sdk;

namespace NeuronTools.Tests;

public sealed class ExpectedOutputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "neurontools-expected-" + Guid.NewGuid().ToString("N"));

    public ExpectedOutputTests() => Directory.CreateDirectory(Path.Combine(_folder, "Expected"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AnUpdateRunRewritesTheFileAndThenFails()
    {
        string sourceFile = Path.Combine(_folder, "SomeTests.cs");
        string expectedFile = Path.Combine(_folder, "Expected", "update-check.txt");
        File.WriteAllText(expectedFile, "stale\n");

        var failure = Assert.Throws<FailException>(() => ExpectedOutput.Match("update-check", new[] { "line one", "line two" }, update: true, sourceFile));

        Assert.Contains("NEURONTOOLS_UPDATE_EXPECTED", failure.Message, StringComparison.Ordinal);
        Assert.Equal("line one\nline two\n", File.ReadAllText(expectedFile));
    }

    [Fact]
    public void AnOrdinaryRunFailsOnADifference()
    {
        Assert.ThrowsAny<XunitException>(() => ExpectedOutput.Match("chart-relu-ascii", new[] { "not the chart" }, update: false, Path.Combine(_folder, "SomeTests.cs")));
    }
}
