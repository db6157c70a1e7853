using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NeuronTools.Tests;

/// <summary>Reads the tables written by tests/Reference/generate_gradients.py (PyTorch autograd, float64).</summary>
internal static class TrainingReference
{
    internal static IReadOnlyList<Dictionary<string, string>> Read(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", file);
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith('#') && l.Length > 0).ToArray();
        string[] header = lines[0].Split('\t');
        return lines.Skip(1)
            .Select(line => line.Split('\t'))
            .Select(cells => header.Zip(cells, (h, c) => (h, c)).ToDictionary(p => p.h, p => p.c))
            .ToArray();
    }

    internal static double[] Numbers(string text) =>
        text.Length == 0 ? Array.Empty<double>() : text.Split(' ').Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Builds the stack a row describes: sizes "3-4-2", activations "Tanh;Sigmoid", flat row-major weights.</summary>
    internal static DenseStack Stack(string sizes, string activations, string weight, string bias)
    {
        int[] n = sizes.Split('-').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        string[] f = activations.Split(';');
        double[] w = Numbers(weight);
        double[] b = Numbers(bias);
        var layers = new List<DenseLayer>();
        int wAt = 0, bAt = 0;
        for (int l = 0; l < n.Length - 1; l++)
        {
            int count = n[l] * n[l + 1];
            layers.Add(new DenseLayer(w.Skip(wAt).Take(count).ToArray(), b.Skip(bAt).Take(n[l + 1]).ToArray(), n[l], ActivationCatalog.Create(f[l])));
            wAt += count;
            bAt += n[l + 1];
        }

        return new DenseStack(layers);
    }

    /// <summary>|expected − actual| within a relative tolerance, or an absolute one near zero.</summary>
    internal static void Close(double expected, double actual, double tolerance, string what)
    {
        double scale = Math.Max(1.0, Math.Abs(expected));
        if (!(Math.Abs(expected - actual) <= tolerance * scale))
        {
            throw new Xunit.Sdk.XunitException(FormattableString.Invariant($"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):G3})."));
        }
    }

    internal static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Xunit.Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i], tolerance, FormattableString.Invariant($"{what}[{i}]"));
        }
    }
}
