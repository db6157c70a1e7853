using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>What a cmdlet does with one bound input row: one call into the core.</summary>
internal interface IRowStep
{
    /// <summary>
    /// The result for the row <paramref name="row"/>, bound to <paramref name="input"/> (a new array the step may
    /// keep), to write to the pipeline; null writes nothing. <paramref name="index"/> counts the rows the
    /// pipeline has read, good or bad, from 0. A <see cref="NeuronToolsException"/> is that row's error.
    /// </summary>
    object? Process(double[] input, object? row, int index);
}

/// <summary>
/// The row loop of every cmdlet that streams input to a model: each row of a pipeline object is bound to the
/// model's inputs (by position, or by name for objects), handed to one step, and its result written; a row that
/// cannot be bound or that the step refuses is a non-terminating error with the row as its target, and the
/// other rows go on. The error of a lone number that should have been a vector ends with how to send one vector
/// to this very command, built from the invocation.
/// </summary>
internal sealed class RowPipeline
{
    private readonly PSCmdlet _cmdlet;
    private readonly string _usage;
    private InputBinder _binder;
    private NeuronModel _model;

    /// <param name="cmdlet">The cmdlet that writes the results and errors.</param>
    /// <param name="model">The model whose inputs the rows bind to.</param>
    /// <param name="modelParameter">The cmdlet's model parameter, which names the variable in the hint: Neuron gives $neuron.</param>
    /// <param name="requiredArguments">Further arguments the hint needs, such as " -Target 1".</param>
    internal RowPipeline(PSCmdlet cmdlet, NeuronModel model, string modelParameter, string requiredArguments = "")
    {
        _cmdlet = cmdlet;
        _model = model;
        _binder = ModelRows.Binder(model);
        _usage = Usage(cmdlet.MyInvocation, modelParameter, requiredArguments);
    }

    /// <summary>How many rows arrived, good or bad.</summary>
    internal int Seen { get; private set; }

    /// <summary>Rows from this index on are only counted, not read (rows beyond a short parallel -Target array).</summary>
    internal int RowLimit { get; set; } = int.MaxValue;

    /// <summary>The binder of the current model, for callers that bind rows themselves (a whole matrix).</summary>
    internal InputBinder Binder => _binder;

    /// <summary>
    /// Binds the rows of <paramref name="input"/> to <paramref name="model"/>, which may change from one pipeline
    /// object to the next (a model piped to Show-Neuron), and hands each to <paramref name="step"/>.
    /// </summary>
    internal void Run<TStep>(NeuronModel model, object? input, TStep step)
        where TStep : IRowStep
    {
        if (!ReferenceEquals(model, _model))
        {
            _model = model;
            _binder = ModelRows.Binder(model);
        }

        Run(input, step);
    }

    /// <summary>Binds each row of <paramref name="input"/> (a vector, or an array of rows) and hands it to <paramref name="step"/>.</summary>
    internal void Run<TStep>(object? input, TStep step)
        where TStep : IRowStep
    {
        foreach (object? row in _binder.Rows(input))
        {
            int index = Seen++;
            if (index >= RowLimit)
            {
                continue;
            }

            bool isLoneNumber = false;
            object? result;
            try
            {
                // A model's stored preprocessing reads the raw cells (text, numbers, categories, missing values) itself.
                double[] vector = _model.Preprocessing is { } preprocessing
                    ? preprocessing.Transform(TabularRows.Cells(row, preprocessing.InputName))
                    : _binder.Bind(row, out isLoneNumber);
                result = step.Process(vector, row, index);
            }
            catch (NeuronToolsException exception)
            {
                _cmdlet.WriteError(ErrorRecords.From(InputBinder.Explain(exception, isLoneNumber, _usage), row));
                continue;
            }

            if (result is not null)
            {
                _cmdlet.WriteObject(result);
            }
        }
    }

    /// <summary>
    /// ",(1,2,3) | Invoke-Neuron $neuron, or Invoke-Neuron $neuron 1,2,3": the piped form, and the form with
    /// the vector as an argument where the command takes the input by position.
    /// </summary>
    internal static string Usage(InvocationInfo invocation, string modelParameter, string requiredArguments)
    {
        string name = invocation.MyCommand.Name;
        string model = "$" + char.ToLowerInvariant(modelParameter[0]) + modelParameter.Substring(1);
        string piped = ",(1,2,3) | " + name + " " + model + requiredArguments;
        return TakesInputByPosition(invocation.MyCommand) ? piped + ", or " + name + " " + model + " 1,2,3" + requiredArguments : piped;
    }

    private static bool TakesInputByPosition(CommandInfo command)
    {
        if (!command.Parameters.TryGetValue("InputObject", out var parameter))
        {
            return false;
        }

        foreach (var set in parameter.ParameterSets.Values)
        {
            if (set.Position >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
