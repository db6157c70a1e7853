using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>The models that read labelled or unlabelled rows.</summary>
internal static class ModelRows
{
    /// <summary>The binder for the model's rows: its input count, and its input names if it has them.</summary>
    internal static InputBinder Binder(NeuronModel model) => new(model.InputCount, model.InputName);
}

/// <summary>
/// Reads labelled rows for training or evaluation into the core's <see cref="LabelledData"/>: each row's input
/// vector, bound by the <see cref="RowPipeline"/>, and its target, from a parallel -Target array or the row's
/// own properties. A row with a bad input or a missing or non-numeric target is a non-terminating error; the
/// other rows go on.
/// </summary>
internal sealed class LabelledRows : IRowStep
{
    private readonly PSCmdlet _cmdlet;
    private readonly RowPipeline _rows;
    private readonly string[]? _targetNames;
    private readonly object?[]? _targetValues;

    /// <summary>Rows for <paramref name="loss"/>; a model and loss that do not fit (or cannot learn, for training) throw here.</summary>
    internal LabelledRows(PSCmdlet cmdlet, NeuronModel model, object?[] target, LossFunction loss, bool forTraining)
    {
        _cmdlet = cmdlet;
        Data = forTraining ? LabelledData.ForTraining(model, loss) : new LabelledData(model, loss);
        _rows = new RowPipeline(cmdlet, model, "Model", " -Target 1");
        if (IsPropertyNames(target))
        {
            _targetNames = Array.ConvertAll(target, t => (string)InputVectorReader.Unwrap(t)!);
        }
        else
        {
            // A row beyond a short -Target array is only counted: CheckComplete reports the mismatch once,
            // terminating, with the number of rows that arrived, before any training or scoring starts.
            _targetValues = target;
            _rows.RowLimit = target.Length;
        }
    }

    internal LabelledData Data { get; }

    /// <summary>Reads a pipeline object, which may itself be an array of rows.</summary>
    internal void Add(object? inputObject) => _rows.Run(inputObject, this);

    /// <summary>Refuses a parallel -Target array whose length is not the number of rows.</summary>
    internal void CheckComplete()
    {
        int seen = _rows.Seen;
        if (_targetValues is not null && _targetValues.Length != seen)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                ErrorIds.TargetCountMismatch,
                ErrorCategory.InvalidArgument,
                $"{Wording.Count(seen, "row")} arrived but -Target has {Wording.Count(_targetValues.Length, "value")}. Give one target per row, in row order, or name the target property, for example -Target label.",
                _targetValues));
        }

        if (Data.Count == 0)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                ErrorIds.NoTrainingData,
                ErrorCategory.InvalidData,
                seen switch
                {
                    0 => "No row arrived",
                    1 => "The one row could not be used (see the error above)",
                    _ => FormattableString.Invariant($"None of the {seen} rows could be used (see the errors above)"),
                } + ", so there is nothing to learn from or score. Send rows with numeric inputs and targets.",
                null));
        }
    }

    object? IRowStep.Process(double[] input, object? row, int index)
    {
        // The input is checked before the target is read, so that a row wrong in both reports its input.
        Data.CheckInput(input);
        Data.AddOwned(input, ReadTarget(row, index));
        return null;
    }

    /// <summary>Property names when every -Target value is text that is not a number.</summary>
    private static bool IsPropertyNames(object?[] target)
    {
        if (target.Length == 0)
        {
            return false;
        }

        foreach (object? value in target)
        {
            if (InputVectorReader.Unwrap(value) is not string text || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }
        }

        return true;
    }

    private double[] ReadTarget(object? row, int index)
    {
        if (_targetNames is null)
        {
            try
            {
                return InputVectorReader.Read(_targetValues![index], out _);
            }
            catch (NeuronToolsException exception)
            {
                throw new NeuronToolsException(ErrorIds.InvalidTarget, ErrorKind.InvalidData, FormattableString.Invariant($"The target of row {index} is not a number: {exception.Message}"));
            }
        }

        if (!IsRecord(row))
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                ErrorIds.TargetPropertyNeedsObjectRows,
                ErrorCategory.InvalidArgument,
                $"-Target names the property '{string.Join("', '", _targetNames)}', but the rows are vectors without properties. Give -Target an array with one target per row, or send objects such as Import-Csv rows.",
                row));
        }

        if (_targetNames.Length == 1 && TryGetProperty(row, _targetNames[0], out object? single) && InputVectorReader.Unwrap(single) is IList list)
        {
            return InputVectorReader.Read(list, out _);
        }

        var target = new double[_targetNames.Length];
        for (int j = 0; j < target.Length; j++)
        {
            if (!TryGetProperty(row, _targetNames[j], out object? value))
            {
                throw new NeuronToolsException(
                    ErrorIds.InvalidTarget,
                    ErrorKind.InvalidData,
                    $"The row has no target property '{_targetNames[j]}'. Give every row its target, or name the right property with -Target.");
            }

            target[j] = ReadTargetValue(value, _targetNames[j]);
        }

        return target;
    }

    /// <summary>True for a row that is an object with properties rather than a vector or a number.</summary>
    private static bool IsRecord(object? row)
    {
        object? unwrapped = InputVectorReader.Unwrap(row);
        return unwrapped is PSCustomObject or IDictionary || (unwrapped is not null && unwrapped is not IList && unwrapped is not string && !unwrapped.GetType().IsPrimitive && unwrapped is not decimal && row is PSObject);
    }

    /// <summary>Finds a target property (or a dictionary key) by name, ignoring case as PowerShell does.</summary>
    private static bool TryGetProperty(object? row, string name, out object? value)
    {
        object? unwrapped = InputVectorReader.Unwrap(row);
        if (unwrapped is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                {
                    value = entry.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }

        var property = PSObject.AsPSObject(row!).Properties[name];
        value = property?.Value;
        return property is not null;
    }

    /// <summary>A target property's value as a number; the message names the property.</summary>
    private static double ReadTargetValue(object? value, string name)
    {
        try
        {
            return InputVectorReader.ReadElement(value, 0);
        }
        catch (NeuronToolsException exception)
        {
            string found = InputVectorReader.Unwrap(value) switch
            {
                null => "empty",
                string text when text.Length == 0 => "empty",
                var other => "'" + Convert.ToString(other, CultureInfo.InvariantCulture) + "'",
            };
            throw new NeuronToolsException(
                ErrorIds.InvalidTarget,
                exception.Kind,
                $"The target property '{name}' is {found}, which is not a number. Numbers in text are read with the invariant culture: write 2.5, not 2,5.");
        }
    }
}
