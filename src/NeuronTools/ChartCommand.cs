using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// The parameters every chart cmdlet shares: the size of the terminal chart, and (from
/// <see cref="FigureCommand"/>) the SVG file.
/// </summary>
public abstract class ChartCommand : FigureCommand
{
    [Parameter]
    [ValidateRange(TextChartOptions.MinimumWidth, 1000)]
    [InvariantInteger]
    public int Width { get; set; }

    [Parameter]
    [ValidateRange(TextChartOptions.MinimumHeight, 500)]
    [InvariantInteger]
    public int Height { get; set; } = 20;
}
