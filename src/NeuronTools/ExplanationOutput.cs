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
    private readonly PSCmdlet _cmdlet;
    private bool _any;
    private RowPipeline? _rows;

    internal ExplanationOutput(PSCmdlet cmdlet)
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
    /// <paramref name="modelParameter"/> names the model in the hint on how to send one vector.
    /// </summary>
    internal void ExplainEach(NeuronModel model, string modelParameter, object? input, Func<double[], IReadOnlyList<string>> explain) =>
        ForEachRow(model, modelParameter, input, (vector, _) => Write(explain(vector)));

    /// <summary>
    /// Binds each row the input stands for to the model's inputs, as Invoke-Neuron binds them, and hands it
    /// on with the row it came from; a row that cannot be bound is a non-terminating error.
    /// </summary>
    internal void ForEachRow(NeuronModel model, string modelParameter, object? input, Action<double[], object?> each)
    {
        // The model may arrive from the pipeline, one per record, so the rows bind to the model at hand.
        _rows ??= new RowPipeline(_cmdlet, model, modelParameter);
        _rows.Run(model, input, new Each(each));
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

    private readonly struct Each : IRowStep
    {
        private readonly Action<double[], object?> _each;

        internal Each(Action<double[], object?> each) => _each = each;

        public object? Process(double[] input, object? row, int index)
        {
            _each(input, row);
            return null;
        }
    }
}
