using System.Collections.Generic;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Evaluates an activation function and its derivative at each value.</summary>
[Cmdlet(VerbsCommon.Get, "ActivationValue")]
[OutputType(typeof(ActivationValue))]
public sealed class GetActivationValueCommand : PSCmdlet
{
    private ActivationFunction _function = null!;
    private readonly List<double> _vector = new();

    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(ActivationCompleter))]
    [ValidateNotNullOrEmpty]
    [Alias("Name")]
    public string Activation { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [Alias("Value", "X")]
    [InvariantNumber]
    public double[] InputObject { get; set; } = null!;

    protected override void BeginProcessing()
    {
        try
        {
            _function = ActivationCatalog.Create(Activation);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Activation));
        }
    }

    protected override void ProcessRecord()
    {
        if (_function is ScalarActivation scalar)
        {
            foreach (double value in InputObject)
            {
                try
                {
                    WriteObject(scalar.Evaluate(value));
                }
                catch (NeuronToolsException exception)
                {
                    WriteError(ErrorRecords.From(exception, value));
                }
            }
        }
        else
        {
            // A vector function needs every value before it can give any: collect, like Sort-Object.
            _vector.AddRange(InputObject);
        }
    }

    protected override void EndProcessing()
    {
        if (_function is ScalarActivation || _vector.Count == 0)
        {
            return;
        }

        try
        {
            WriteObject(_function.Evaluate(_vector), enumerateCollection: true);
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(exception, _vector.ToArray()));
        }
    }
}
