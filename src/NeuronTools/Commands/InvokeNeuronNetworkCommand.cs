using System.Linq;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Runs a network on each input row from the pipeline or the parameter.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "NeuronNetwork")]
[OutputType(typeof(NetworkOutput))]
[OutputType(typeof(PSObject))]
public sealed class InvokeNeuronNetworkCommand : PSCmdlet
{
    private InputBinder _binder = null!;

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
        RowProperty.CheckName(this, AsProperty, Network.InputName);
    }

    protected override void ProcessRecord()
    {
        foreach (object? row in _binder.Rows(InputObject))
        {
            Evaluate(row);
        }
    }

    private void Evaluate(object? row)
    {
        bool isLoneNumber = false;
        object result;
        try
        {
            NetworkOutput output = Network.EvaluateOwned(_binder.Bind(row, out isLoneNumber), row);
            result = AsProperty is null ? output : RowProperty.Add(row, AsProperty, PropertyValue(output));
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(InputBinder.Explain(exception, isLoneNumber, ",(1,2,3) | Invoke-NeuronNetwork $network, or Invoke-NeuronNetwork $network 1,2,3"), row));
            return;
        }

        WriteObject(result);
    }

    // One output is a number, so Export-Csv writes it as a column; several stay together as one array.
    private static object PropertyValue(NetworkOutput output) =>
        output.Output.Count == 1 ? output.Output[0] : output.Output.ToArray();
}
