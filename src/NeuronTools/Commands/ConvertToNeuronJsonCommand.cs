using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Writes a neuron, layer or network as NeuronTools model JSON text.</summary>
[Cmdlet(VerbsData.ConvertTo, "NeuronJson")]
[OutputType(typeof(string))]
public sealed class ConvertToNeuronJsonCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Neuron", "Model")]
    [ModelTransformation]
    [ValidateNotNull]
    public NeuronModel InputObject { get; set; } = null!;

    [Parameter]
    public SwitchParameter Compress { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            WriteObject(ModelSerializer.ToJsonText(InputObject, Compress));
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(exception, InputObject.ErrorTarget));
        }
    }
}
