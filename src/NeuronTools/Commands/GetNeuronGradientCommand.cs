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
