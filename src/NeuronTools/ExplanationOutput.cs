using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Writes the explanations of Show-Neuron and Show-NeuronNetwork: one string per line, an empty line
/// between explanations, and an error per input that cannot be explained while the others go on.
/// </summary>
internal sealed class ExplanationOutput
{
    private readonly Cmdlet _cmdlet;
    private bool _any;
    private InputBinder? _binder;
    private NeuronModel? _binderModel;

    internal ExplanationOutput(Cmdlet cmdlet)
    {
        _cmdlet = cmdlet;
    }

    /// <summary>
    /// True when the cmdlet has no input to explain: none was bound, or the pipeline bound the model
    /// itself (<c>$neuron | Show-Neuron</c> binds the neuron to both parameters; it is not an input), or
    /// the layer that the model was made from (<c>$layer | Show-NeuronNetwork</c>).
    /// </summary>
    internal static bool IsModelOnly(InvocationInfo invocation, string inputParameter, object? input, NeuronModel model)
    {
        if (!invocation.BoundParameters.ContainsKey(inputParameter))
        {
            return true;
        }

        object? unwrapped = InputVectorReader.Unwrap(input);
        return ReferenceEquals(unwrapped, model) || model.IsMadeFrom(unwrapped);
    }

    /// <summary>
    /// Explains each row the input stands for, bound to the model's inputs as Invoke-Neuron binds them;
    /// <paramref name="usage"/> shows how to send one vector to the command, for the lone-number hint.
    /// </summary>
    internal void ExplainEach(NeuronModel model, object? input, string usage, Func<double[], IReadOnlyList<string>> explain) =>
        ForEachRow(model, input, usage, (vector, _) => Write(explain(vector)));

    /// <summary>
    /// Binds each row the input stands for to the model's inputs, as Invoke-Neuron binds them, and hands it
    /// on with the row it came from; a row that cannot be bound is a non-terminating error.
    /// </summary>
    internal void ForEachRow(NeuronModel model, object? input, string usage, Action<double[], object?> each)
    {
        // The model may arrive from the pipeline, one per record, so the binder follows the model at hand.
        if (!ReferenceEquals(_binderModel, model))
        {
            _binder = ModelRows.Binder(model);
            _binderModel = model;
        }

        foreach (object? row in _binder!.Rows(input))
        {
            bool isLoneNumber = false;
            try
            {
                each(_binder.Bind(row, out isLoneNumber), row);
            }
            catch (NeuronToolsException exception)
            {
                _cmdlet.WriteError(ErrorRecords.From(InputBinder.Explain(exception, isLoneNumber, usage), row));
            }
        }
    }

    internal void Write(IReadOnlyList<string> lines)
    {
        if (_any)
        {
            _cmdlet.WriteObject(string.Empty);
        }

        _any = true;
        _cmdlet.WriteObject(lines, enumerateCollection: true);
    }
}
