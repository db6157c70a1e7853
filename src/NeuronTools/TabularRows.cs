using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Reads rows of named columns (Import-Csv rows, [pscustomobject]s, hashtables) as the raw cells of a
/// model's columns: text, numbers or $null, unconverted, for the core's preprocessing to read. The first
/// row is checked once for every column the job needs, so that a misspelt or missing column is one error,
/// not one per row.
/// </summary>
internal static class TabularRows
{
    /// <summary>True for a row with named values rather than a vector.</summary>
    internal static bool IsRecord(object? row)
    {
        object? unwrapped = InputVectorReader.Unwrap(row);
        return unwrapped switch
        {
            null or string or IList => false,
            IDictionary or PSCustomObject => true,
            _ => row is PSObject && !unwrapped.GetType().IsPrimitive && unwrapped is not decimal,
        };
    }

    /// <summary>The names of a record's values, in order: a CSV row's columns, a hashtable's keys.</summary>
    internal static List<string> ColumnNames(object? row)
    {
        object? unwrapped = InputVectorReader.Unwrap(row);
        if (unwrapped is IDictionary dictionary)
        {
            var keys = new List<string>();
            foreach (object? key in dictionary.Keys)
            {
                keys.Add(Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }

            return keys;
        }

        return PSObject.AsPSObject(row!).Properties
            .Where(p => p.MemberType is PSMemberTypes.NoteProperty or PSMemberTypes.Property or PSMemberTypes.AliasProperty or PSMemberTypes.ScriptProperty)
            .Select(p => p.Name)
            .ToList();
    }

    /// <summary>The wanted names the row's columns lack (compared ignoring case, as PowerShell binds properties).</summary>
    internal static List<string> Lacking(IEnumerable<string> wanted, IReadOnlyList<string> present) =>
        wanted.Where(name => !present.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>One cell of a record by name (case ignored); false when the record has no such value.</summary>
    internal static bool TryGetCell(object? row, string name, out object? value)
    {
        object? unwrapped = InputVectorReader.Unwrap(row);
        if (unwrapped is IDictionary dictionary)
        {
            if (dictionary.Contains(name))
            {
                value = Plain(dictionary[name]);
                return true;
            }

            foreach (DictionaryEntry entry in dictionary)
            {
                if (string.Equals(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase))
                {
                    value = Plain(entry.Value);
                    return true;
                }
            }

            value = null;
            return false;
        }

        var property = PSObject.AsPSObject(row!).Properties[name];
        value = property is null ? null : Plain(property.Value);
        return property is not null;
    }

    /// <summary>
    /// The cells of <paramref name="columns"/> of one row: a record's values by name, or a vector's values by
    /// position. A record that lacks a column is a MissingInput error for that row.
    /// </summary>
    internal static object?[] Cells(object? row, IReadOnlyList<string> columns)
    {
        object? unwrapped = InputVectorReader.Unwrap(row);
        var cells = new object?[columns.Count];
        if (!IsRecord(row))
        {
            if (unwrapped is IList list)
            {
                if (list.Count != columns.Count)
                {
                    throw new NeuronToolsException(
                        "InputCountMismatch",
                        ErrorKind.InvalidArgument,
                        $"The model reads {Wording.Count(columns.Count, "column")} ({string.Join(", ", columns)}) but the row has {Wording.Count(list.Count, "value")}. Give one value per column, in column order, or send rows with named values.");
                }

                for (int i = 0; i < cells.Length; i++)
                {
                    cells[i] = Plain(list[i]);
                }

                return cells;
            }

            if (columns.Count == 1)
            {
                cells[0] = Plain(unwrapped);
                return cells;
            }

            throw new NeuronToolsException(
                "InputCountMismatch",
                ErrorKind.InvalidArgument,
                $"The model reads {Wording.Count(columns.Count, "column")} ({string.Join(", ", columns)}) but one value arrived. Send rows with named values, such as Import-Csv rows.");
        }

        List<string>? missing = null;
        for (int i = 0; i < cells.Length; i++)
        {
            if (!TryGetCell(row, columns[i], out cells[i]))
            {
                (missing ??= new List<string>()).Add(columns[i]);
            }
        }

        if (missing is not null)
        {
            throw new NeuronToolsException(
                "MissingInput",
                ErrorKind.InvalidData,
                $"The row has no value named {string.Join(", ", missing.Select(m => "'" + m + "'"))}. The model's columns are: {string.Join(", ", columns)}. The row's are: {string.Join(", ", ColumnNames(row))}.");
        }

        return cells;
    }

    /// <summary>
    /// Stops <paramref name="cmdlet"/> with one MissingInputColumn error when the first row is a record that
    /// lacks some of <paramref name="columns"/>.
    /// </summary>
    internal static void CheckFirstRow(PSCmdlet cmdlet, object? row, IReadOnlyList<string>? columns, string fix)
    {
        if (columns is null || !IsRecord(row))
        {
            return;
        }

        var present = ColumnNames(row);
        var lacking = Lacking(columns, present);
        if (lacking.Count > 0)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.From(NeuronTools.ColumnNames.Missing(ErrorIds.MissingInputColumn, "input", lacking, present, fix), row));
        }
    }

    /// <summary>The value a cell holds, unwrapped from PowerShell's object wrapper.</summary>
    private static object? Plain(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
