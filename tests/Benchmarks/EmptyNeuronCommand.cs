using System.Management.Automation;

namespace NeuronTools.Benchmarks;

/// <summary>
/// PowerShell's floor for a compiled cmdlet: the same parameters, sets and pipeline binding as
/// Invoke-Neuron, no work, and one small object written per row.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "EmptyNeuron", DefaultParameterSetName = "InputObject")]
[OutputType(typeof(SmallResult))]
public sealed class EmptyNeuronCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public object Neuron { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ParameterSetName = "InputObject")]
    [Alias("Input", "X")]
    [AllowNull]
    public object? InputObject { get; set; }

    [Parameter(ParameterSetName = "InputObject")]
    [ValidateNotNullOrEmpty]
    public string? AsProperty { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "InputMatrix")]
    [ValidateNotNull]
    public object InputMatrix { get; set; } = null!;

    protected override void ProcessRecord() => WriteObject(new SmallResult(InputObject, 0.0));
}

/// <summary>A small C# object, as one WriteObject per row would carry.</summary>
public sealed class SmallResult
{
    public SmallResult(object? inputObject, double output)
    {
        InputObject = inputObject;
        Output = output;
    }

    public object? InputObject { get; }

    public double Output { get; }
}
