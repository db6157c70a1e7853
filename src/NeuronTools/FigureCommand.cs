using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// The parameters of every cmdlet that can write its picture to an SVG file: -OutFile, with the Out-File
/// rules for replacing it (replace, unless -NoClobber; -Force for a read-only file).
/// </summary>
public abstract class FigureCommand : PSCmdlet
{
    private bool _figureWritten;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>What the file holds, in the file messages: "chart" or "figure".</summary>
    private protected virtual string PictureNoun => "chart";

    /// <summary>The file-system path of -OutFile, checked before any work is done; null when there is none.</summary>
    private protected string? ResolveOutFile() => ChartOutput.ResolveOutFile(this, OutFile, Force, NoClobber, PictureNoun);

    /// <summary>Writes <paramref name="svg"/> to <paramref name="outPath"/> (from <see cref="ResolveOutFile"/>) behind ShouldProcess.</summary>
    private protected void WriteSvgFile(string svg, string description, string outPath) =>
        ChartOutput.WriteSvg(this, svg, description, outPath, Force, NoClobber);

    /// <summary>
    /// Writes the one figure a file holds: the first call writes it, and each later input (the row it came
    /// from is <paramref name="row"/>) is a non-terminating OneFigurePerFile error, since nothing is dropped silently.
    /// </summary>
    private protected void WriteFigure(string outPath, System.Func<string> render, string description, object? row)
    {
        if (_figureWritten)
        {
            WriteError(ErrorRecords.Create(
                ErrorIds.OneFigurePerFile,
                ErrorCategory.InvalidOperation,
                $"{MyInvocation.MyCommand.Name} -OutFile writes one figure to one file, and '{OutFile}' already holds the figure of the first input, so this input was not drawn. Give one input, or give each its own file: $rows | ForEach-Object {{ $i++; {MyInvocation.MyCommand.Name} $model $_ -OutFile \"figure$i.svg\" }}.",
                row));
            return;
        }

        _figureWritten = true;
        WriteSvgFile(render(), description, outPath);
    }

    /// <summary>
    /// Draws the figure of the model alone (<paramref name="modelOnly"/>), or of each input row bound as
    /// <see cref="ExplanationOutput"/> binds them; <paramref name="render"/> takes the bound vector, or null.
    /// </summary>
    private protected void WriteFigures(string outPath, ExplanationOutput output, NeuronModel model, string modelParameter, object? input, bool modelOnly, System.Func<double[]?, string> render)
    {
        string description = "an SVG figure of " + model;
        if (modelOnly)
        {
            WriteFigure(outPath, () => render(null), description, model);
            return;
        }

        output.ForEachRow(model, modelParameter, input, (vector, row) => WriteFigure(outPath, () => render(vector), description, row));
    }
}
