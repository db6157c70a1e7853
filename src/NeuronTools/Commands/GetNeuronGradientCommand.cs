using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>What-if: the gradients of a neuron's or a network's output with respect to every input, weight and bias.</summary>
[Cmdlet(VerbsCommon.Get, "NeuronGradient")]
[OutputType(typeof(NeuronGradient), typeof(NetworkGradient))]
public sealed class GetNeuronGradientCommand : PSCmdlet
{
    private object _model = null!;
    private InputBinder _binder = null!;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    [Alias("Neuron", "Network")]
    public object Model { get; set; } = null!;

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
            _model = ModelRows.Model(Model);
            _binder = ModelRows.Binder(_model);
            int outputs = _model is NeuronNetwork network ? network.OutputCount : 1;
            if (OutputIndex >= outputs)
            {
                throw new NeuronToolsException(
                    "InvalidOutputIndex",
                    ErrorKind.InvalidArgument,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, "-OutputIndex is {0}, but the model's outputs are numbered 0 to {1}. Give one of those.", OutputIndex, outputs - 1));
            }
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model));
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
            gradient = _model is Neuron neuron
                ? GradientCalculator.Compute(neuron, input, row)
                : GradientCalculator.Compute((NeuronNetwork)_model, input, OutputIndex, row);
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(InputBinder.Explain(exception, isLoneNumber, ",(1,2,3) | Get-NeuronGradient $model, or Get-NeuronGradient $model 1,2,3"), row));
            return;
        }

        WriteObject(gradient);
    }
}
