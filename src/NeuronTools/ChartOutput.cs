using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Writes a chart for the Show-* chart cmdlets: as lines of text that fit the terminal, or as an SVG
/// file with -OutFile, behind ShouldProcess, through <see cref="AtomicFile"/> so that a failed write
/// leaves any earlier chart whole.
/// </summary>
internal static class ChartOutput
{
    internal const int DefaultWidth = 80;

    /// <summary>
    /// Resolves -OutFile as a literal path (as Invoke-WebRequest -OutFile does) on a file-system drive,
    /// and stops the cmdlet before any work when the chart could not be written there: not an SVG name,
    /// not the file system, a folder, a missing folder, an existing file with -NoClobber, or a read-only
    /// one without -Force. Returns null when there is no -OutFile.
    /// </summary>
    internal static string? ResolveOutFile(PSCmdlet cmdlet, string? outFile, bool force, bool noClobber, string noun = "chart")
    {
        if (outFile is null)
        {
            return null;
        }

        if (!outFile.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                ErrorIds.UnsupportedChartFormat,
                ErrorCategory.InvalidArgument,
                $"{cmdlet.MyInvocation.MyCommand.Name} writes {noun}s as SVG, and '{outFile}' does not end in .svg. Give a file name ending in .svg; a browser opens it, and tools such as rsvg-convert or Inkscape turn it into PNG.",
                outFile));
        }

        try
        {
            string fullPath = ModelPath.ResolveOutput(cmdlet, outFile, isLiteral: true, noun: noun, exampleName: noun + ".svg");
            if (Directory.Exists(fullPath))
            {
                throw FileRules.PathIsDirectory(outFile, $"so the {noun} cannot be written there", "a file name, such as", noun + ".svg");
            }

            string? folder = Path.GetDirectoryName(fullPath);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new DirectoryNotFoundException($"The {noun} cannot be written to '{outFile}': the folder '{folder}' does not exist. Create it first (New-Item -ItemType Directory), or give another path."),
                    ErrorIds.OutFileNotWritable,
                    ErrorCategory.WriteError,
                    outFile));
            }

            if (noClobber && File.Exists(fullPath))
            {
                throw AtomicFile.FileExists(fullPath, "Remove -NoClobber to replace it");
            }

            AtomicFile.CheckExisting(fullPath, Rule(force, noClobber));
            return fullPath;
        }
        catch (NeuronToolsException exception)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.From(exception, outFile));
            return null;
        }
    }

    /// <summary>
    /// Writes the chart to the pipeline, or atomically to <paramref name="outPath"/> (from
    /// <see cref="ResolveOutFile"/>). A file gets the same size wherever it is written; the terminal chart
    /// fits the window unless a width is given.
    /// </summary>
    internal static void Write(PSCmdlet cmdlet, Chart chart, int? width, int height, string? outPath, bool force, bool noClobber)
    {
        if (outPath is null)
        {
            var (unicode, colour) = TerminalOutput.Decide(cmdlet);
            cmdlet.WriteObject(TextChart.Render(chart, new TextChartOptions(width ?? TerminalWidth(cmdlet), height, unicode, colour)), enumerateCollection: true);
            return;
        }

        string svg = SvgChart.Render(chart, (width ?? DefaultWidth) * SvgChart.PixelsPerColumn, height * SvgChart.PixelsPerRow);
        WriteSvg(cmdlet, svg, "an SVG chart of " + chart.Title, outPath, force, noClobber);
    }

    /// <summary>
    /// Writes an SVG document atomically to <paramref name="outPath"/> (from <see cref="ResolveOutFile"/>),
    /// behind ShouldProcess, so a failed write leaves any earlier file whole.
    /// </summary>
    internal static void WriteSvg(PSCmdlet cmdlet, string svg, string description, string outPath, bool force, bool noClobber)
    {
        string replacing = File.Exists(outPath) ? ", replacing the existing file" : string.Empty;
        if (!cmdlet.ShouldProcess(outPath, "Write " + description + replacing))
        {
            return;
        }

        byte[] content = new UTF8Encoding(false).GetBytes(svg);
        try
        {
            AtomicFile.Write(outPath, stream => stream.Write(content, 0, content.Length), Rule(force, noClobber));
        }
        catch (NeuronToolsException exception) when (exception.ErrorId is ErrorIds.ModelWriteFailed or ErrorIds.DirectoryNotFound)
        {
            // The folder may have gone, or the disk filled, since ResolveOutFile looked.
            cmdlet.ThrowTerminatingError(new ErrorRecord(new IOException(exception.Message, exception), ErrorIds.OutFileNotWritable, ErrorCategory.WriteError, outPath));
        }
        catch (NeuronToolsException exception)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.From(exception, outPath));
        }
    }

    // Out-File's rule: replace an existing file, unless -NoClobber; only -Force replaces a read-only one.
    private static ExistingFileRule Rule(bool force, bool noClobber) => FileRules.Overwrite(force, noClobber, ExistingFileRule.Replace);

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
