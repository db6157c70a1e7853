using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// What Invoke-NeuronTraining reads when it trains from named columns: the first row decides the input
/// columns (and is checked once for them and the target), each row becomes its raw cells and target, a bad
/// row is a non-terminating error and the others go on.
/// </summary>
internal sealed class TabularTrainingRows
{
    private readonly PSCmdlet _cmdlet;
    private readonly NeuronModel? _model;
    private readonly string[] _target;
    private readonly TabularSettings _settings;
    private string[] _columns = Array.Empty<string>();

    internal TabularTrainingRows(PSCmdlet cmdlet, NeuronModel? model, string[] target, TabularSettings settings)
    {
        _cmdlet = cmdlet;
        _model = model;
        _target = target;
        _settings = settings;
    }

    /// <summary>The rows collected, with their preprocessing to come; null before the first row.</summary>
    internal TabularTrainingSet? Set { get; private set; }

    /// <summary>How many rows arrived, good or bad.</summary>
    internal int Seen { get; private set; }

    /// <summary>True when the model's stored preprocessing applies (retraining without -Scaling).</summary>
    internal bool KeepsStoredPreprocessing => _model?.Preprocessing is not null && !_settings.ScalingGiven;

    /// <summary>True when a row with this target should be trained through named columns: a record whose target is text that is not a number.</summary>
    internal static bool HasTextTarget(object? pipelineObject, string[] target)
    {
        object? row = FirstRow(pipelineObject);
        return TabularRows.IsRecord(row)
            && target.Length == 1
            && TabularRows.TryGetCell(row, target[0], out object? value)
            && value is string text
            && text.Trim().Length > 0
            && !InvariantNumberAttribute.TryParse(text, out _);
    }

    internal void Add(object? pipelineObject)
    {
        foreach (object? row in Rows(pipelineObject))
        {
            Seen++;
            Set ??= Start(row);
            object?[] cells;
            object?[] target;
            try
            {
                cells = TabularRows.Cells(row, _columns);
                target = new object?[_target.Length];
                for (int j = 0; j < target.Length; j++)
                {
                    if (!TabularRows.TryGetCell(row, _target[j], out target[j]))
                    {
                        throw new NeuronToolsException("InvalidTarget", ErrorKind.InvalidData, $"The row has no target property '{_target[j]}'. Give every row its target.");
                    }
                }

                Set.Add(cells, target);
            }
            catch (NeuronToolsException exception)
            {
                _cmdlet.WriteError(ErrorRecords.From(exception, row));
            }
        }
    }

    private static IEnumerable Rows(object? pipelineObject)
    {
        object? unwrapped = InputVectorReader.Unwrap(pipelineObject);
        if (unwrapped is IList list && list.Count > 0 && list.Cast<object?>().All(TabularRows.IsRecord))
        {
            return list;
        }

        return new[] { pipelineObject };
    }

    private static object? FirstRow(object? pipelineObject)
    {
        foreach (object? row in Rows(pipelineObject))
        {
            return row;
        }

        return null;
    }

    /// <summary>Reads the first row's columns, checks the target and input columns once, and makes the training set.</summary>
    private TabularTrainingSet Start(object? row)
    {
        try
        {
            return CreateSet(row);
        }
        catch (NeuronToolsException exception)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.From(exception, row));
            throw;
        }
    }

    private TabularTrainingSet CreateSet(object? row)
    {
        if (!TabularRows.IsRecord(row))
        {
            throw new NeuronToolsException(
                "TargetPropertyNeedsObjectRows",
                ErrorKind.InvalidArgument,
                $"-Target names the column '{string.Join("', '", _target)}', but the rows are vectors without named columns. Send objects with named values, such as Import-Csv rows, or give -Model and -Target one value per row.");
        }

        var present = TabularRows.ColumnNames(row);
        var lackingTarget = TabularRows.Lacking(_target, present);
        if (lackingTarget.Count > 0)
        {
            throw ColumnNames.Missing(ErrorIds.MissingTargetColumn, "target", lackingTarget, present, "Name the target column with -Target, as it is written in the file's header.");
        }

        var stored = _model?.Preprocessing;
        if (KeepsStoredPreprocessing)
        {
            _columns = stored!.InputName.ToArray();
            CheckInputs(present, "The model reads these columns; give rows that have them.");
            return new TabularTrainingSet(stored, _target, _model!.ClassLabel);
        }

        if (_model is not null)
        {
            _columns = (stored?.InputName ?? _model.InputName ?? throw new NeuronToolsException(
                "InputNameRequired",
                ErrorKind.InvalidArgument,
                "The model's inputs have no names to bind the rows' columns to. Train a new model from the rows (leave out -Model), or give the model input names.")).ToArray();
            CheckInputs(present, "The model reads these columns; give rows that have them.");
        }
        else if (_settings.InputName is { Length: > 0 } chosen)
        {
            _columns = chosen;
            CheckInputs(present, "Give -InputName the columns as the file's header writes them.");
        }
        else
        {
            foreach (string excluded in _settings.ExcludeProperty ?? Array.Empty<string>())
            {
                if (!present.Contains(excluded, StringComparer.OrdinalIgnoreCase))
                {
                    string hint = ColumnNames.Closest(excluded, present) is { } close ? $" Did you mean '{close}'?" : string.Empty;
                    _cmdlet.WriteWarning($"-ExcludeProperty '{excluded}' is not a column of the rows, so it leaves nothing out.{hint}");
                }
            }

            _columns = present
                .Where(name => !_target.Contains(name, StringComparer.OrdinalIgnoreCase) && !(_settings.ExcludeProperty ?? Array.Empty<string>()).Contains(name, StringComparer.OrdinalIgnoreCase))
                .ToArray();
        }

        var categorical = _settings.CategoricalInput
            ?? stored?.Column.Where(c => c.Kind == InputColumnKind.Categorical).Select(c => c.Name).ToArray();
        return new TabularTrainingSet(_columns, _target, categorical, _settings.Scaling, _settings.MissingValue, _model?.ClassLabel);
    }

    private void CheckInputs(List<string> present, string fix)
    {
        var lacking = TabularRows.Lacking(_columns, present);
        if (lacking.Count > 0)
        {
            throw ColumnNames.Missing(ErrorIds.MissingInputColumn, "input", lacking, present, fix);
        }
    }
}

/// <summary>Invoke-NeuronTraining's settings for training from named columns.</summary>
internal sealed class TabularSettings
{
    internal string[]? InputName { get; set; }

    internal string[]? ExcludeProperty { get; set; }

    internal string[]? CategoricalInput { get; set; }

    internal InputScaling Scaling { get; set; }

    internal bool ScalingGiven { get; set; }

    internal MissingValueHandling MissingValue { get; set; }
}
