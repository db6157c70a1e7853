using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NeuronTools.Tests;

/// <summary>
/// The committed ONNX corpus (tests/Data/onnx): each file with the inputs and the producing framework's own outputs
/// beside it (generate_torch.py, generate_skl2onnx.py, generate_tf2onnx.py).
/// </summary>
public static class OnnxCorpus
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Data", "onnx");

    /// <summary>Every corpus file, as a path relative to the corpus folder (for readable test names).</summary>
    public static IEnumerable<object[]> Files() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.onnx", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { p });

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    /// <summary>
    /// The corpus files the importer refuses on purpose, with the error id: graphs that compute something no
    /// catalogue activation does.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["skl2onnx/logistic_ovr_f.onnx"] = "UnsupportedOnnxOperator",
        ["tf2onnx/keras_hard_sigmoid_f.onnx"] = "UnsupportedOnnxOperator",
    };

    /// <summary>The inputs, the framework's outputs (x1..xn then y1..ym) and, for a classifier, its predicted labels.</summary>
    public static (double[][] Inputs, double[][] Outputs, string[]? Labels) Expected(string relativePath)
    {
        string path = Path.Combine(Directory, Path.ChangeExtension(relativePath, null) + ".expected.tsv");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToArray();
        double[][] Columns(char prefix) => rows
            .Select(r => header.Select((h, i) => (h, i)).Where(c => c.h[0] == prefix && c.h.Skip(1).All(char.IsDigit)).Select(c => double.Parse(r[c.i], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        int label = Array.IndexOf(header, "label");
        return (Columns('x'), Columns('y'), label < 0 ? null : rows.Select(r => r[label]).ToArray());
    }

    /// <summary>The manifest note of a corpus file (corpus-*.tsv), which says when an attribute cannot hold the framework's value.</summary>
    public static string Note(string relativePath)
    {
        string folder = relativePath.Split('/')[0];
        string name = Path.GetFileNameWithoutExtension(relativePath);
        return File.ReadLines(Path.Combine(Directory, "corpus-" + folder + ".tsv"))
            .Select(l => l.Split('\t'))
            .FirstOrDefault(c => c[0] == name)?.Last() ?? string.Empty;
    }

    /// <summary>The chain's outputs for one input: scaling, then the layers, as the imported model computes them.</summary>
    internal static double[] Evaluate(OnnxChain chain, double[] input)
    {
        var x = input.Select((v, i) => chain.Scaling is null ? v : chain.Scaling.Apply(i, v)).ToArray();
        return new NeuronNetwork(chain.Layers).Evaluate(x).Output.ToArray();
    }

    /// <summary>|a − e| / max(|e|, 1): relative for outputs of size 1 and more, absolute below.</summary>
    public static double Error(double expected, double actual) => Math.Abs(expected - actual) / Math.Max(1.0, Math.Abs(expected));
}
