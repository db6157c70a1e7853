using System.Collections.Generic;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// What Invoke-NeuronTraining and Test-NeuronModel share: a -Model (a Neuron or a NeuronNetwork; a layer is taken
/// as the network of that one layer), labelled rows
/// from the pipeline with their -Target, and the -Loss. The rows are collected as they arrive; a bad row is a
/// non-terminating error and the others go on.
/// </summary>
public abstract class ModelRowsCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ModelTransformation(LayerAsNetwork = true)]
    [ValidateNotNull]
    [Alias("Neuron", "Network")]
    public NeuronModel Model { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [Alias("Input", "X")]
    [AllowNull]
    public object? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [AllowNull]
    public object?[] Target { get; set; } = null!;

    [Parameter]
    public LossFunction Loss { get; set; } = LossFunction.MeanSquaredError;

    private protected LabelledRows Rows { get; private set; } = null!;

    /// <summary>True when -Loss was given rather than left at its default.</summary>
    private protected bool IsLossGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Loss));

    /// <summary>The collected rows' inputs and targets, as the core's trainer and evaluator take them.</summary>
    private protected List<IReadOnlyList<double>> RowInputs => Rows.Input.ConvertAll(r => (IReadOnlyList<double>)r);

    private protected List<IReadOnlyList<double>> RowTargets => Rows.Target.ConvertAll(r => (IReadOnlyList<double>)r);

    protected override void ProcessRecord() => Rows.Add(InputObject);

    /// <summary>
    /// Resolves -Model and gets ready to read rows for <paramref name="loss"/> (a function of the model, for a
    /// default taken from its training history); a model or loss that does not fit stops the command here.
    /// </summary>
    private protected void StartRows(System.Func<NeuronModel, LossFunction> loss, System.Action<NeuronModel, LossFunction>? check = null)
    {
        try
        {
            LossFunction chosen = loss(Model);
            Rows = new LabelledRows(this, Model, Target, chosen);
            check?.Invoke(Model, chosen);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model.ErrorTarget));
        }
    }
}
