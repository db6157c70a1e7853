using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools;

/// <summary>Messages about column names that a data set lacks, with the closest name it has for each.</summary>
internal static class ColumnNames
{
    /// <summary>The present name closest to <paramref name="wanted"/> (case ignored, a prefix counts as close), or null when none is near.</summary>
    internal static string? Closest(string wanted, IEnumerable<string> present)
    {
        string upper = wanted.ToUpperInvariant();
        return present
            .Select(name => (Name: name, Distance: ActivationCatalog.Distance(upper, name.ToUpperInvariant())))
            .Where(c => c.Distance <= Math.Max(2, wanted.Length / 2))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>
    /// MissingInputColumn or MissingTargetColumn: the columns the first row lacks, the row's columns, and
    /// the closest match for each missing one (a misspelling, most often). <paramref name="what"/> is
    /// "input" or "target".
    /// </summary>
    internal static NeuronToolsException Missing(string errorId, string what, IReadOnlyList<string> missing, IReadOnlyList<string> present, string fix)
    {
        var described = missing.Select(name => Closest(name, present) is { } close ? $"'{name}' (did you mean '{close}'?)" : $"'{name}'");
        string columns = present.Count == 0 ? "none" : string.Join(", ", present);
        return new NeuronToolsException(
            errorId,
            ErrorKind.InvalidArgument,
            $"The first row has no {what} column {string.Join(", ", described)}. Its columns are: {columns}. {fix} Nothing was read past the first row.");
    }
}
