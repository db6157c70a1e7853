using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// The parameters every chart cmdlet shares: the size of the terminal chart, and the SVG file with the
/// Out-File rules for replacing it (replace, unless -NoClobber; -Force for a read-only file).
/// </summary>
public abstract class ChartCommand : PSCmdlet
{
    [Parameter]
    [ValidateRange(TextChartOptions.MinimumWidth, 1000)]
    [InvariantInteger]
    public int Width { get; set; }

    [Parameter]
    [ValidateRange(TextChartOptions.MinimumHeight, 500)]
    [InvariantInteger]
    public int Height { get; set; } = 20;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>The file-system path of -OutFile, checked before any work is done; null when there is none.</summary>
    private protected string? ResolveOutFile() => ChartOutput.ResolveOutFile(this, OutFile, Force, NoClobber);
}
