using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>What-if: the gradients of a neuron's or a network's output with respect to every input, weight and bias.</summary>
[Cmdlet(VerbsCommon.Get, "NeuronGradient")]
[OutputType(typeof(NeuronGradient), typeof(NetworkGradient))]
public sealed class GetNeuronGradientCommand : PSCmdlet
{
    private InputBinder _binder = null!;

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
            _binder = ModelRows.Binder(Model);
            GradientCalculator.CheckOutputIndex(OutputIndex, Model.OutputCount);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model.ErrorTarget));
        }
    }

    protected override void ProcessRecord()
    {
        foreach (object? row in _binder.Rows(InputObject))
        {
            Compute(row);
        }
    }

    private void Compute(object? row)
    {
        bool isLoneNumber = false;
        object gradient;
        try
        {
            double[] input = _binder.Bind(row, out isLoneNumber);
            gradient = GradientCalculator.Compute(Model, input, OutputIndex, row);
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(InputBinder.Explain(exception, isLoneNumber, ",(1,2,3) | Get-NeuronGradient $model, or Get-NeuronGradient $model 1,2,3"), row));
            return;
        }

        WriteObject(gradient);
    }
}
