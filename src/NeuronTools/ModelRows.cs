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
/// Collects labelled rows for training or evaluation: each row's input vector and its target, encoded for
/// the loss. A row with a bad input or a missing or non-numeric target is a non-terminating error; the
/// other rows go on.
/// </summary>
internal sealed class LabelledRows
{
    private readonly PSCmdlet _cmdlet;
    private readonly InputBinder _binder;
    private readonly string _usage;
    private readonly DenseStack _stack;
    private readonly LossFunction _loss;
    private readonly bool _isStep;
    private readonly string[]? _targetNames;
    private readonly object?[]? _targetValues;

    internal LabelledRows(PSCmdlet cmdlet, NeuronModel model, object?[] target, LossFunction loss)
    {
        _cmdlet = cmdlet;
        _binder = ModelRows.Binder(model);
        _usage = ",(1,2,3) | " + cmdlet.MyInvocation.MyCommand.Name + " $model -Target 1";
        _stack = model.ToStack();
        _loss = loss;
        _isStep = _stack.Layers.Length == 1 && _stack.OutputCount == 1 && _stack.OutputLayer.Activation.Name == "BinaryStep";

        // A loss that does not fit the model is a setup problem, reported before any row is read.
        _ = new LossKernel(loss, _stack.OutputLayer.Activation, _stack.OutputCount);
        if (IsPropertyNames(target))
        {
            _targetNames = Array.ConvertAll(target, t => (string)InputVectorReader.Unwrap(t)!);
        }
        else
        {
            _targetValues = target;
        }
    }

    internal List<double[]> Input { get; } = new();

    internal List<double[]> Target { get; } = new();

    /// <summary>How many rows arrived, good or bad: the index of the next row in a parallel -Target array.</summary>
    internal int Seen { get; private set; }

    /// <summary>Reads a pipeline object, which may itself be an array of rows.</summary>
    internal void Add(object? inputObject)
    {
        foreach (object? row in _binder.Rows(inputObject))
        {
            AddRow(row);
        }
    }

    /// <summary>Refuses a parallel -Target array whose length is not the number of rows.</summary>
    internal void CheckComplete()
    {
        if (_targetValues is not null && _targetValues.Length != Seen)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                "TargetCountMismatch",
                ErrorCategory.InvalidArgument,
                $"{Wording.Count(Seen, "row")} arrived but -Target has {Wording.Count(_targetValues.Length, "value")}. Give one target per row, in row order, or name the target property, for example -Target label.",
                _targetValues));
        }

        if (Input.Count == 0)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                "NoTrainingData",
                ErrorCategory.InvalidData,
                Seen switch
                {
                    0 => "No row arrived",
                    1 => "The one row could not be used (see the error above)",
                    _ => FormattableString.Invariant($"None of the {Seen} rows could be used (see the errors above)"),
                } + ", so there is nothing to learn from or score. Send rows with numeric inputs and targets.",
                null));
        }
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

    private void AddRow(object? row)
    {
        int index = Seen++;
        if (_targetValues is not null && index >= _targetValues.Length)
        {
            // A row beyond a short -Target array is only counted: CheckComplete reports the mismatch once,
            // terminating, with the number of rows that arrived, before any training or scoring starts.
            return;
        }

        bool isLoneNumber = false;
        try
        {
            double[] input = _binder.Bind(row, out isLoneNumber);
            ModelChecks.Input(input, _stack.InputCount, "model", "input");
            double[] target = TargetEncoder.Encode(ReadTarget(row, index), _loss, _stack.OutputCount, _isStep);
            Input.Add(input);
            Target.Add(target);
        }
        catch (NeuronToolsException exception)
        {
            _cmdlet.WriteError(ErrorRecords.From(InputBinder.Explain(exception, isLoneNumber, _usage), row));
        }
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
                throw new NeuronToolsException("InvalidTarget", ErrorKind.InvalidData, FormattableString.Invariant($"The target of row {index} is not a number: {exception.Message}"));
            }
        }

        if (!IsRecord(row))
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                "TargetPropertyNeedsObjectRows",
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
                    "InvalidTarget",
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
                "InvalidTarget",
                exception.Kind,
                $"The target property '{name}' is {found}, which is not a number. Numbers in text are read with the invariant culture: write 2.5, not 2,5.");
        }
    }
}
