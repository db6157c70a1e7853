using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Reads pipeline rows for a Neuron or a NeuronNetwork: numeric vectors, or objects (Import-Csv rows,
/// PSCustomObjects, hashtables) whose properties bind by the model's input names.
/// </summary>
internal static class ModelRows
{
    /// <summary>The Neuron or NeuronNetwork a -Model argument carries; anything else is UnsupportedModel.</summary>
    internal static object Model(object? value)
    {
        object? model = value is PSObject wrapped ? wrapped.BaseObject : value;
        return model is Neuron or NeuronNetwork ? model : throw DenseStack.UnsupportedModel(model);
    }

    internal static IReadOnlyList<string>? InputNames(object model) => model is Neuron neuron ? neuron.InputName : ((NeuronNetwork)model).InputName;

    /// <summary>True for a row that is an object with properties rather than a vector or a number.</summary>
    internal static bool IsRecord(object? row)
    {
        object? unwrapped = InputVectorReader.Unwrap(row);
        return unwrapped is PSCustomObject or IDictionary || (unwrapped is not null && unwrapped is not IList && unwrapped is not string && !IsNumber(unwrapped) && row is PSObject);
    }

    /// <summary>Reads one row as the model's input vector.</summary>
    internal static double[] Read(object? row, object model, out bool isLoneNumber)
    {
        isLoneNumber = false;
        if (!IsRecord(row))
        {
            return InputVectorReader.Read(row, out isLoneNumber);
        }

        var names = InputNames(model) ?? throw new NeuronToolsException(
            "InputNameRequired",
            ErrorKind.InvalidArgument,
            "The row is an object with properties, but the model has no input names to bind them by. Build it with -InputName (for example New-Neuron -InputCount 2 -InputName cpu, memory), or send numeric vectors.");
        var vector = new double[names.Count];
        for (int i = 0; i < vector.Length; i++)
        {
            if (!TryGetProperty(row, names[i], out object? value))
            {
                throw new NeuronToolsException(
                    "InputPropertyNotFound",
                    ErrorKind.InvalidData,
                    $"The row has no property '{names[i]}', which the model reads as input {i}. Give every row the properties {string.Join(", ", names)}.");
            }

            vector[i] = ReadNamed(value, names[i], "input");
        }

        return vector;
    }

    /// <summary>Finds a property (or a dictionary key) by name, ignoring case as PowerShell does.</summary>
    internal static bool TryGetProperty(object? row, string name, out object? value)
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

    /// <summary>A named value as a number; the message names the property instead of a position.</summary>
    internal static double ReadNamed(object? value, string name, string what)
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
                what == "target" ? "InvalidTarget" : exception.ErrorId,
                exception.Kind,
                $"The {what} property '{name}' is {found}, which is not a number. Numbers in text are read with the invariant culture: write 2.5, not 2,5.");
        }
    }

    private static bool IsNumber(object value) =>
        value is double or float or decimal or int or long or short or byte or sbyte or uint or ulong or ushort;
}

/// <summary>
/// Collects labelled rows for training or evaluation: each row's input vector and its target, encoded for
/// the loss. A row with a bad input or a missing or non-numeric target is a non-terminating error; the
/// other rows go on.
/// </summary>
internal sealed class LabelledRows
{
    private readonly PSCmdlet _cmdlet;
    private readonly object _model;
    private readonly DenseStack _stack;
    private readonly LossFunction _loss;
    private readonly bool _isStep;
    private readonly string[]? _targetNames;
    private readonly object?[]? _targetValues;

    internal LabelledRows(PSCmdlet cmdlet, object model, object?[] target, LossFunction loss)
    {
        _cmdlet = cmdlet;
        _model = model;
        _stack = DenseStack.FromModel(model);
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
        if (InputVectorReader.IsListOfRows(inputObject))
        {
            foreach (object? row in (IList)InputVectorReader.Unwrap(inputObject)!)
            {
                AddRow(row);
            }
        }
        else
        {
            AddRow(inputObject);
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
                FormattableString.Invariant($"{Seen} rows arrived but -Target has {_targetValues.Length} values. Give one target per row, in row order, or name the target property, for example -Target label."),
                _targetValues));
        }

        if (Input.Count == 0)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                "NoTrainingData",
                ErrorCategory.InvalidData,
                FormattableString.Invariant($"None of the {Seen} rows could be used (see the errors above), so there is nothing to learn from or score. Send rows with numeric inputs and targets."),
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
        try
        {
            double[] input = ModelRows.Read(row, _model, out _);
            if (input.Length != _stack.InputCount)
            {
                throw new NeuronToolsException(
                    "InputCountMismatch",
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"The model has {_stack.InputCount} inputs but the row has {input.Length} values. Give one value per input, in order."));
            }

            for (int i = 0; i < input.Length; i++)
            {
                if (!Neuron.IsFinite(input[i]))
                {
                    throw new NeuronToolsException(
                        "NonFiniteInput",
                        ErrorKind.InvalidData,
                        FormattableString.Invariant($"The input value at position {i} is {Neuron.Describe(input[i])}; inputs must be finite numbers. Remove or replace the value."));
                }
            }

            double[] target = TargetEncoder.Encode(ReadTarget(row, index), _loss, _stack.OutputCount, _isStep);
            Input.Add(input);
            Target.Add(target);
        }
        catch (NeuronToolsException exception)
        {
            _cmdlet.WriteError(ErrorRecords.From(exception, row));
        }
    }

    private double[] ReadTarget(object? row, int index)
    {
        if (_targetNames is null)
        {
            if (index >= _targetValues!.Length)
            {
                throw new NeuronToolsException(
                    "TargetCountMismatch",
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"Row {index} has no target: -Target has only {_targetValues.Length} values. Give one target per row."));
            }

            try
            {
                return InputVectorReader.Read(_targetValues[index], out _);
            }
            catch (NeuronToolsException exception)
            {
                throw new NeuronToolsException("InvalidTarget", ErrorKind.InvalidData, FormattableString.Invariant($"The target of row {index} is not a number: {exception.Message}"));
            }
        }

        if (!ModelRows.IsRecord(row))
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                "TargetPropertyNeedsObjectRows",
                ErrorCategory.InvalidArgument,
                $"-Target names the property '{string.Join("', '", _targetNames)}', but the rows are vectors without properties. Give -Target an array with one target per row, or send objects such as Import-Csv rows.",
                row));
        }

        if (_targetNames.Length == 1 && ModelRows.TryGetProperty(row, _targetNames[0], out object? single) && InputVectorReader.Unwrap(single) is IList list)
        {
            return InputVectorReader.Read(list, out _);
        }

        var target = new double[_targetNames.Length];
        for (int j = 0; j < target.Length; j++)
        {
            if (!ModelRows.TryGetProperty(row, _targetNames[j], out object? value))
            {
                throw new NeuronToolsException(
                    "InvalidTarget",
                    ErrorKind.InvalidData,
                    $"The row has no target property '{_targetNames[j]}'. Give every row its target, or name the right property with -Target.");
            }

            target[j] = ModelRows.ReadNamed(value, _targetNames[j], "target");
        }

        return target;
    }
}
