using System.Collections;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Runs a network on each input vector from the pipeline or the parameter.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "NeuronNetwork")]
[OutputType(typeof(NetworkOutput))]
public sealed class InvokeNeuronNetworkCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public NeuronNetwork Network { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [Alias("Input", "X")]
    [AllowNull]
    public object? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        if (InputVectorReader.IsListOfRows(InputObject))
        {
            foreach (object? row in (IList)InputVectorReader.Unwrap(InputObject)!)
            {
                Evaluate(row);
            }
        }
        else
        {
            Evaluate(InputObject);
        }
    }

    /// <summary>The one place a pipeline object becomes an input vector.</summary>
    private static double[] ReadInput(object? row, out bool isLoneNumber) => InputVectorReader.Read(row, out isLoneNumber);

    private void Evaluate(object? row)
    {
        bool isLoneNumber = false;
        try
        {
            double[] vector = ReadInput(row, out isLoneNumber);
            WriteObject(Network.EvaluateOwned(vector, row));
        }
        catch (NeuronToolsException exception) when (exception.ErrorId == "InputCountMismatch" && isLoneNumber)
        {
            string hint = " A lone number arrived: PowerShell sends the items of an array down the pipeline one by one, so to send one vector write ,(1,2,3) | Invoke-NeuronNetwork $network, or Invoke-NeuronNetwork $network 1,2,3.";
            WriteError(ErrorRecords.From(new NeuronToolsException(exception.ErrorId, exception.Kind, exception.Message + hint), row));
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(exception, row));
        }
    }
}
