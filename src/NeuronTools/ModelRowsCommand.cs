using System;
using System.Linq;
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
    /// <summary>The parameter set of the commands that read rows for a model given as -Model.</summary>
    private protected const string ModelSet = "Model";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ModelSet)]
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

    /// <summary>True when -Model was given.</summary>
    private protected bool IsModelGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Model));

    /// <summary>True when -Loss was given rather than left at its default.</summary>
    private protected bool IsLossGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Loss));

    protected override void ProcessRecord() => Rows.Add(InputObject);

    /// <summary>
    /// Gets ready to read rows for <paramref name="loss"/>, to train the model or to score it; a model or loss
    /// that does not fit stops the command here.
    /// </summary>
    private protected void StartRows(LossFunction loss, bool forTraining)
    {
        try
        {
            Rows = new LabelledRows(this, Model, Target, loss, forTraining);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model.ErrorTarget));
        }
    }

    /// <summary>Property names when every -Target value is text that is not a number.</summary>
    private protected static bool IsPropertyNames(object?[] target) =>
        target.Length > 0 && target.All(t => InputVectorReader.Unwrap(t) is string text && !InvariantNumberAttribute.TryParse(text, out _));

    private protected string[] TargetNames()
    {
        if (!IsPropertyNames(Target))
        {
            ThrowTerminatingError(ErrorRecords.Create(
                "TargetPropertyNeedsObjectRows",
                ErrorCategory.InvalidArgument,
                "Rows of named columns need -Target to be the name of the target column, such as -Target species, and rows with named values (Import-Csv rows).",
                Target));
        }

        return Array.ConvertAll(Target, t => (string)InputVectorReader.Unwrap(t)!);
    }
}
