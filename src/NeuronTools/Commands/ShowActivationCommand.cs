using System.Collections.Generic;
using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Plots activation functions, and with -Derivative their derivatives, as a chart of text lines in the
/// terminal, or as a standalone SVG file with -OutFile. Every name is collected first, since one chart
/// shows them all.
/// </summary>
[Cmdlet(VerbsCommon.Show, "Activation", SupportsShouldProcess = true)]
[OutputType(typeof(string))]
public sealed class ShowActivationCommand : ChartCommand
{
    private readonly List<ActivationFunction> _functions = new();
    private string? _outPath;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ActivationCompleter))]
    [ActivationSpecificationTransformation]
    [ValidateNotNullOrEmpty]
    [Alias("Activation")]
    public string[] Name { get; set; } = null!;

    [Parameter]
    [InvariantNumber]
    public double Minimum { get; set; } = -5;

    [Parameter]
    [InvariantNumber]
    public double Maximum { get; set; } = 5;

    [Parameter]
    public SwitchParameter Derivative { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            ActivationChart.CheckRange(Minimum, Maximum);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, new[] { Minimum, Maximum }));
        }

        _outPath = ResolveOutFile();
    }

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            try
            {
                var function = ActivationCatalog.Create(name);
                ActivationChart.Scalar(function);
                _functions.Add(function);
            }
            catch (NeuronToolsException exception)
            {
                WriteError(ErrorRecords.From(exception, name));
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_functions.Count == 0)
        {
            return;
        }

        try
        {
            var chart = ActivationChart.Create(_functions, Minimum, Maximum, Derivative);
            ChartOutput.Write(this, chart, MyInvocation.BoundParameters.ContainsKey(nameof(Width)) ? Width : null, Height, _outPath, Force, NoClobber);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Name));
        }
    }
}
