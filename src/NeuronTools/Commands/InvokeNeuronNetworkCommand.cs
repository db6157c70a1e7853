using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Runs a network on each input row from the pipeline or the parameter.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "NeuronNetwork")]
[OutputType(typeof(NetworkOutput))]
[OutputType(typeof(PSObject))]
public sealed class InvokeNeuronNetworkCommand : PSCmdlet
{
    private InputBinder _binder = null!;
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
        _binder = new InputBinder(Network.InputCount, Network.InputName);
        RowProperty.CheckName(this, AsProperty, Network.RowColumnName);
    }

    protected override void ProcessRecord()
    {
        foreach (object? row in _binder.Rows(InputObject))
        {
            if (!_firstRowSeen)
            {
                _firstRowSeen = true;
                TabularRows.CheckFirstRow(this, row, Network.RowColumnName, "The network reads these columns by name; give rows that have them, or rename the columns to match.");
            }

            Evaluate(row);
        }
    }

    private void Evaluate(object? row)
    {
        bool isLoneNumber = false;
        object result;
        try
        {
            // A stored preprocessing reads the raw cells (text, numbers, categories, missing values) itself.
            double[] input = Network.Preprocessing is { } preprocessing
                ? preprocessing.Transform(TabularRows.Cells(row, preprocessing.InputName))
                : _binder.Bind(row, out isLoneNumber);
            NetworkOutput output = Network.EvaluateOwned(input, row);
            result = AsProperty is null ? output : RowProperty.AddAll(row, RowProperty.Columns(Network, output, AsProperty));
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(InputBinder.Explain(exception, isLoneNumber, ",(1,2,3) | Invoke-NeuronNetwork $network, or Invoke-NeuronNetwork $network 1,2,3"), row));
            return;
        }

        WriteObject(result);
    }
}
