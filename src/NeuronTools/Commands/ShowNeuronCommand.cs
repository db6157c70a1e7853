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
    private InputBinder? _binder;
    private Neuron? _binderNeuron;

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

        foreach (object? row in Binder().Rows(InputObject))
        {
            Explain(row);
        }
    }

    private void Explain(object? row)
    {
        bool isLoneNumber = false;
        try
        {
            Write(Binder().Bind(row, out isLoneNumber));
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(InputBinder.Explain(exception, isLoneNumber, ",(1,2,3) | Show-Neuron $neuron, or Show-Neuron $neuron 1,2,3"), row));
        }
    }

    // The neuron may arrive from the pipeline, one per record, so the binder follows the neuron at hand.
    private InputBinder Binder()
    {
        if (!ReferenceEquals(_binderNeuron, Neuron))
        {
            _binder = new InputBinder(Neuron.InputCount, Neuron.InputName);
            _binderNeuron = Neuron;
        }

        return _binder!;
    }

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
