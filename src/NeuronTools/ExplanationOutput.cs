using System;
using System.Collections;
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

    internal ExplanationOutput(Cmdlet cmdlet)
    {
        _cmdlet = cmdlet;
    }

    /// <summary>
    /// True when the cmdlet has no input to explain: none was bound, or the pipeline bound the model
    /// itself (<c>$neuron | Show-Neuron</c> binds the neuron to both parameters; it is not an input).
    /// </summary>
    internal static bool IsModelOnly(InvocationInfo invocation, string inputParameter, object? input, object model) =>
        !invocation.BoundParameters.ContainsKey(inputParameter) || ReferenceEquals(InputVectorReader.Unwrap(input), model);

    /// <summary>Explains the input, or each of its rows when it is a list of vectors.</summary>
    internal void ExplainEach(object? input, Func<object?, IReadOnlyList<string>> explain)
    {
        var rows = InputVectorReader.IsListOfRows(input) ? (IList)InputVectorReader.Unwrap(input)! : new[] { input };
        foreach (object? row in rows)
        {
            try
            {
                Write(explain(row));
            }
            catch (NeuronToolsException exception)
            {
                _cmdlet.WriteError(ErrorRecords.From(exception, row));
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
