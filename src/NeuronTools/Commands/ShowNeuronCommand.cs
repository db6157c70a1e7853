using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Explains a neuron: without input, its diagram and formulas; with input, every step of the article's
/// calculation with the real numbers. Writes lines of text (strings), one explanation per input.
/// </summary>
[Cmdlet(VerbsCommon.Show, "Neuron")]
[OutputType(typeof(string))]
public sealed class ShowNeuronCommand : PSCmdlet
{
    private bool _unicode;
    private bool _any;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Neuron Neuron { get; set; } = null!;

    [Parameter(Position = 1, ValueFromPipeline = true)]
    [Alias("Input", "X")]
    [AllowNull]
    public object? InputObject { get; set; }

    [Parameter]
    public ExplanationFormat As { get; set; } = ExplanationFormat.Text;

    protected override void BeginProcessing()
    {
        _unicode = TerminalOutput.Decide(this).Unicode;
    }

    protected override void ProcessRecord()
    {
        // $neuron | Show-Neuron binds the neuron to both parameters; it is the neuron, not an input.
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(InputObject)) || ReferenceEquals(InputVectorReader.Unwrap(InputObject), Neuron))
        {
            Write(null);
            return;
        }

        if (InputVectorReader.IsListOfRows(InputObject))
        {
            foreach (object? row in (System.Collections.IList)InputVectorReader.Unwrap(InputObject)!)
            {
                Explain(row);
            }
        }
        else
        {
            Explain(InputObject);
        }
    }

    private void Explain(object? row)
    {
        try
        {
            Write(ReadInput(row));
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(exception, row));
        }
    }

    /// <summary>The one place an input object becomes a vector, so richer input binding can slot in here.</summary>
    private static double[] ReadInput(object? row) => InputVectorReader.Read(row, out _);

    private void Write(double[]? input)
    {
        var lines = NeuronExplanation.Explain(Neuron, input, As, _unicode);
        if (_any)
        {
            // Explanations of several inputs are separated by an empty line.
            WriteObject(string.Empty);
        }

        _any = true;
        WriteObject(lines, enumerateCollection: true);
    }
}
