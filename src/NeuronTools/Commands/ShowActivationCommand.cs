using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Plots activation functions, and with -Derivative their derivatives, as a chart of text lines in the
/// terminal, or as a standalone SVG file with -OutFile. Every name is collected first, since one chart
/// shows them all.
/// </summary>
[Cmdlet(VerbsCommon.Show, "Activation", SupportsShouldProcess = true)]
[OutputType(typeof(string))]
public sealed class ShowActivationCommand : PSCmdlet
{
    private const int DefaultWidth = 80;
    private readonly List<ActivationFunction> _functions = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ActivationCompleter))]
    [ValidateNotNullOrEmpty]
    [Alias("Activation")]
    public string[] Name { get; set; } = null!;

    [Parameter]
    public double Minimum { get; set; } = -5;

    [Parameter]
    public double Maximum { get; set; } = 5;

    [Parameter]
    public SwitchParameter Derivative { get; set; }

    [Parameter]
    [ValidateRange(TextChartOptions.MinimumWidth, 1000)]
    public int Width { get; set; }

    [Parameter]
    [ValidateRange(TextChartOptions.MinimumHeight, 500)]
    public int Height { get; set; } = 20;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

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

        if (OutFile is not null && !OutFile.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            ThrowTerminatingError(ErrorRecords.Create(
                "UnsupportedChartFormat",
                ErrorCategory.InvalidArgument,
                $"Show-Activation writes charts as SVG, and '{OutFile}' does not end in .svg. Give a file name ending in .svg; a browser opens it, and tools such as rsvg-convert or Inkscape turn it into PNG.",
                OutFile));
        }
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
            // A file gets the same size wherever it is written; the terminal chart fits the window.
            int width = MyInvocation.BoundParameters.ContainsKey(nameof(Width)) ? Width : OutFile is null ? TerminalWidth() : DefaultWidth;
            if (OutFile is null)
            {
                var (unicode, colour) = TerminalOutput.Decide(this);
                WriteObject(TextChart.Render(chart, new TextChartOptions(width, Height, unicode, colour)), enumerateCollection: true);
                return;
            }

            string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
            string svg = SvgChart.Render(chart, width * SvgChart.PixelsPerColumn, Height * SvgChart.PixelsPerRow);
            if (ShouldProcess(path, "Write an SVG chart of " + chart.Title))
            {
                File.WriteAllText(path, svg, new UTF8Encoding(false));
            }
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Name));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var problem = new IOException($"The chart cannot be written to '{OutFile}': {exception.Message} Check that the folder exists and that you may write there.", exception);
            ThrowTerminatingError(new ErrorRecord(problem, "OutFileNotWritable", ErrorCategory.WriteError, OutFile));
        }
    }

    /// <summary>The console's width less one column (a full-width line wraps in some terminals), at most 80.</summary>
    private int TerminalWidth()
    {
        try
        {
            int columns = Host.UI.RawUI.WindowSize.Width;
            return columns > TextChartOptions.MinimumWidth ? Math.Min(DefaultWidth, columns - 1) : DefaultWidth;
        }
        catch (Exception exception) when (exception is PSNotImplementedException or NotSupportedException or IOException or InvalidOperationException)
        {
            return DefaultWidth;
        }
    }
}
