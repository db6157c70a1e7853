using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace NeuronTools.Tests;

/// <summary>
/// Compares rendered text with a committed file in Expected/. Setting NEURONTOOLS_UPDATE_EXPECTED=1
/// rewrites the committed files instead and fails every test that wrote one, so that an update run can
/// never pass: read the rewritten files, commit them only if they look right, and run again without it.
/// </summary>
internal static class ExpectedOutput
{
    internal static void Match(string name, IReadOnlyList<string> lines, [CallerFilePath] string sourceFile = "") =>
        Match(name, lines, Environment.GetEnvironmentVariable("NEURONTOOLS_UPDATE_EXPECTED") == "1", sourceFile);

    internal static void Match(string name, IReadOnlyList<string> lines, bool update, string sourceFile)
    {
        string actual = string.Join("\n", lines) + "\n";
        if (update)
        {
            string source = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Expected", name + ".txt");
            File.WriteAllText(source, actual, new UTF8Encoding(false));
            Assert.Fail($"NEURONTOOLS_UPDATE_EXPECTED=1: rewrote {source} instead of checking it. Read the file, commit it if it is right, and run the tests again without NEURONTOOLS_UPDATE_EXPECTED.");
        }

        string path = Path.Combine(AppContext.BaseDirectory, "Expected", name + ".txt");
        Assert.True(File.Exists(path), $"No expected output {path}; run the tests once with NEURONTOOLS_UPDATE_EXPECTED=1, read the file, and commit it.");
        string expected = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
