using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Runs a network on each input row from the pipeline or the parameter.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "NeuronNetwork")]
[OutputType(typeof(NetworkOutput))]
[OutputType(typeof(PSObject))]
public sealed class InvokeNeuronNetworkCommand : PSCmdlet, IRowStep
{
    private RowPipeline _rows = null!;
    private bool _firstRowSeen;

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
        RowProperty.CheckName(this, AsProperty, Network.RowColumnName);
    }

    protected override void ProcessRecord()
    {
        if (!_firstRowSeen)
        {
            _firstRowSeen = true;
            foreach (object? row in _rows.Binder.Rows(InputObject))
            {
                TabularRows.CheckFirstRow(this, row, Network.RowColumnName, "The network reads these columns by name; give rows that have them, or rename the columns to match.");
                break;
            }
        }

        _rows.Run(InputObject, this);
    }

    object? IRowStep.Process(double[] input, object? row, int index)
    {
        NetworkOutput output = Network.EvaluateOwned(input, row);
        return AsProperty is null ? output : RowProperty.AddAll(row, RowProperty.Columns(Network, output, AsProperty));
    }
}
