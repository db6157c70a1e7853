using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NeuronTools.Tests;

/// <summary>
/// Reads a tab-separated table from tests/Reference (copied next to the test assembly): one row per line,
/// '#' lines are comments. Numbers are written by Python's repr and parsed back exactly here.
/// </summary>
public static class ReferenceTable
{
    public static IReadOnlyList<string[]> Read(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", fileName);
        return File.ReadLines(path)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .ToList();
    }

    public static double ParseDouble(string text) =>
        text switch
        {
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "nan" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
}
