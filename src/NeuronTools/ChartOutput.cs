using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Writes a chart for the Show-* chart cmdlets: as lines of text that fit the terminal, or as an SVG
/// file with -OutFile, behind ShouldProcess.
/// </summary>
internal static class ChartOutput
{
    internal const int DefaultWidth = 80;

    /// <summary>Stops the cmdlet before any work when -OutFile does not name an SVG file.</summary>
    internal static void CheckOutFile(PSCmdlet cmdlet, string? outFile)
    {
        if (outFile is not null && !outFile.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                "UnsupportedChartFormat",
                ErrorCategory.InvalidArgument,
                $"{cmdlet.MyInvocation.MyCommand.Name} writes charts as SVG, and '{outFile}' does not end in .svg. Give a file name ending in .svg; a browser opens it, and tools such as rsvg-convert or Inkscape turn it into PNG.",
                outFile));
        }
    }

    /// <summary>
    /// Writes the chart to the pipeline, or to <paramref name="outFile"/>. A file gets the same size
    /// wherever it is written; the terminal chart fits the window unless a width is given.
    /// </summary>
    internal static void Write(PSCmdlet cmdlet, Chart chart, int? width, int height, string? outFile)
    {
        try
        {
            if (outFile is null)
            {
                var (unicode, colour) = TerminalOutput.Decide(cmdlet);
                cmdlet.WriteObject(TextChart.Render(chart, new TextChartOptions(width ?? TerminalWidth(cmdlet), height, unicode, colour)), enumerateCollection: true);
                return;
            }

            string path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(outFile);
            string svg = SvgChart.Render(chart, (width ?? DefaultWidth) * SvgChart.PixelsPerColumn, height * SvgChart.PixelsPerRow);
            if (cmdlet.ShouldProcess(path, "Write an SVG chart of " + chart.Title))
            {
                File.WriteAllText(path, svg, new UTF8Encoding(false));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var problem = new IOException($"The chart cannot be written to '{outFile}': {exception.Message} Check that the folder exists and that you may write there.", exception);
            cmdlet.ThrowTerminatingError(new ErrorRecord(problem, "OutFileNotWritable", ErrorCategory.WriteError, outFile));
        }
    }

    /// <summary>The console's width less one column (a full-width line wraps in some terminals), at most 80.</summary>
    private static int TerminalWidth(PSCmdlet cmdlet)
    {
        try
        {
            int columns = cmdlet.Host.UI.RawUI.WindowSize.Width;
            return columns > TextChartOptions.MinimumWidth ? Math.Min(DefaultWidth, columns - 1) : DefaultWidth;
        }
        catch (Exception exception) when (exception is PSNotImplementedException or NotSupportedException or IOException or InvalidOperationException)
        {
            return DefaultWidth;
        }
    }
}
