using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Adds a model's output to the row it came from, for -AsProperty: the row goes on down the pipeline, scored.</summary>
internal static class RowProperty
{
    /// <summary>
    /// Refuses an -AsProperty name that is one of the model's input names (ignoring case, as PowerShell binds
    /// properties): the output would overwrite the input it was computed from, in the caller's own object.
    /// A setup problem, so it stops <paramref name="cmdlet"/> before any row is read.
    /// </summary>
    internal static void CheckName(PSCmdlet cmdlet, string? name, IReadOnlyList<string>? inputNames)
    {
        if (name is null || inputNames is null)
        {
            return;
        }

        foreach (string inputName in inputNames)
        {
            if (string.Equals(inputName, name, StringComparison.OrdinalIgnoreCase))
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    ErrorIds.AsPropertyConflict,
                    ErrorCategory.InvalidArgument,
                    string.Format(CultureInfo.InvariantCulture, "-AsProperty '{0}' is the name of one of the model's inputs ({1}), so the output would overwrite that input in every row. Choose another name, such as Score.", name, string.Join(", ", inputNames)),
                    name));
            }
        }
    }

    /// <summary>
    /// Sets <paramref name="name"/> to <paramref name="value"/> on <paramref name="row"/> and returns the object to
    /// write. Throws AsPropertyNotSupported for a dictionary that cannot take a key, and AsPropertyConflict for a
    /// property of the row's own type that cannot be replaced.
    /// </summary>
    internal static object Add(object? row, string name, object value)
    {
        object? unwrapped = InputVectorReader.Unwrap(row);
        if (unwrapped is IDictionary dictionary)
        {
            // A dictionary's "properties" are its keys: the output becomes one more key, so $row.Score,
            // $row['Score'] and Export-Csv all see it.
            if (dictionary.IsReadOnly || dictionary.IsFixedSize)
            {
                throw new NeuronToolsException(
                    ErrorIds.AsPropertyNotSupported,
                    ErrorKind.InvalidOperation,
                    string.Format(CultureInfo.InvariantCulture, "The row is a read-only or fixed-size {0}, so the key '{1}' cannot be added to it. Convert the rows to [pscustomobject] or [hashtable] first.", dictionary.GetType().Name, name));
            }

            dictionary[name] = value;
            return row!;
        }

        PSObject wrapped = row as PSObject ?? PSObject.AsPSObject(row!);
        PSPropertyInfo? existing = wrapped.Properties[name];
        if (existing is null)
        {
            wrapped.Properties.Add(new PSNoteProperty(name, value));
        }
        else if (existing is PSNoteProperty note)
        {
            note.Value = value;
        }
        else
        {
            throw new NeuronToolsException(
                ErrorIds.AsPropertyConflict,
                ErrorKind.InvalidArgument,
                string.Format(CultureInfo.InvariantCulture, "The row already has a property named '{0}' of its own ({1}), which cannot be replaced. Choose another name for -AsProperty.", existing.Name, existing.MemberType));
        }

        return wrapped;
    }

    /// <summary>
    /// The CSV-shaped columns -AsProperty adds for a network's output, never an array: for a labelled
    /// classifier <paramref name="name"/> is the predicted label and <paramref name="name"/>_&lt;class&gt; the
    /// probability of each class (the outputs themselves where they are not probabilities); for one unlabelled
    /// output <paramref name="name"/> is the output; for several, <paramref name="name"/>_&lt;n&gt; is output zn.
    /// </summary>
    internal static List<KeyValuePair<string, object>> Columns(NeuronNetwork network, NetworkOutput output, string name)
    {
        var columns = new List<KeyValuePair<string, object>>();
        var z = output.Output;
        if (network.ClassLabel is { } labels)
        {
            columns.Add(new KeyValuePair<string, object>(name, output.PredictedLabel!));
            for (int k = 0; k < labels.Count; k++)
            {
                double value = z.Count == 1 ? (k == 1 ? z[0] : 1.0 - z[0]) : z[k];
                columns.Add(new KeyValuePair<string, object>(name + "_" + labels[k], value));
            }

            return columns;
        }

        if (z.Count == 1)
        {
            columns.Add(new KeyValuePair<string, object>(name, z[0]));
            return columns;
        }

        for (int j = 0; j < z.Count; j++)
        {
            columns.Add(new KeyValuePair<string, object>(name + "_" + (j + 1).ToString(CultureInfo.InvariantCulture), z[j]));
        }

        return columns;
    }

    /// <summary>Adds every one of <paramref name="columns"/> to the row (see <see cref="Add"/>) and returns the object to write.</summary>
    internal static object AddAll(object? row, List<KeyValuePair<string, object>> columns)
    {
        object result = row!;
        foreach (var column in columns)
        {
            result = Add(result, column.Key, column.Value);
        }

        return result;
    }
}
