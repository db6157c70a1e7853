using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>What-if: the gradients of a neuron's or a network's output with respect to every input, weight and bias.</summary>
[Cmdlet(VerbsCommon.Get, "NeuronGradient")]
[OutputType(typeof(NeuronGradient), typeof(NetworkGradient))]
public sealed class GetNeuronGradientCommand : PSCmdlet, IRowStep
{
    private RowPipeline _rows = null!;

    [Parameter(Mandatory = true, Position = 0)]
    [ModelTransformation(LayerAsNetwork = true)]
    [ValidateNotNull]
    [Alias("Neuron", "Network")]
    public NeuronModel Model { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [Alias("Input", "X")]
    [AllowNull]
    public object? InputObject { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    [InvariantInteger]
    public int OutputIndex { get; set; }

    protected override void BeginProcessing()
    {
        if (Model.Preprocessing is not null)
        {
            // The row pipeline hands the model its scaled features, so the input gradients would be with respect to
            // those, not to the raw inputs the user gave: refuse rather than answer a different question.
            ThrowTerminatingError(ErrorRecords.Create(
                ErrorIds.PreprocessingNotSupported,
                ErrorCategory.NotImplemented,
                "The model scales or encodes its inputs (it was trained with -Scaling, -CategoricalInput or -MissingValue), and Get-NeuronGradient cannot yet give gradients with respect to the raw inputs of such a model. For gradients, use a model trained without -Scaling, -CategoricalInput and -MissingValue.",
                Model));
        }

        try
        {
            _rows = new RowPipeline(this, Model, nameof(Model));
            GradientCalculator.CheckOutputIndex(OutputIndex, Model.OutputCount);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model.ErrorTarget));
        }
    }

    protected override void ProcessRecord() => _rows.Run(InputObject, this);

    object? IRowStep.Process(double[] input, object? row, int index) => GradientCalculator.Compute(Model, input, OutputIndex, row);
}
