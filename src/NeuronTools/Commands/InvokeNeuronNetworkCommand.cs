using System.Linq;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Runs a network on each input row from the pipeline or the parameter.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "NeuronNetwork")]
[OutputType(typeof(NetworkOutput))]
[OutputType(typeof(PSObject))]
public sealed class InvokeNeuronNetworkCommand : PSCmdlet, IRowStep
{
    private RowPipeline _rows = null!;

    [Parameter(Mandatory = true, Position = 0)]
    [NetworkTransformation]
    [ValidateNotNull]
    public NeuronNetwork Network { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [Alias("Input", "X")]
    [AllowNull]
    public object? InputObject { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AsProperty { get; set; }

    protected override void BeginProcessing()
    {
        _rows = new RowPipeline(this, Network, nameof(Network));
        RowProperty.CheckName(this, AsProperty, Network.InputName);
    }

    protected override void ProcessRecord()
    {
        _rows.Run(InputObject, this);
    }

    object? IRowStep.Process(double[] input, object? row, int index)
    {
        NetworkOutput output = Network.EvaluateOwned(input, row);
        return AsProperty is null ? output : RowProperty.Add(row, AsProperty, PropertyValue(output));
    }

    // One output is a number, so Export-Csv writes it as a column; several stay together as one array.
    private static object PropertyValue(NetworkOutput output) =>
        output.Output.Count == 1 ? output.Output[0] : output.Output.ToArray();
}
