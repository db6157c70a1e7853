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
    private ExplanationOutput _output = null!;

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
        _output = new ExplanationOutput(this);
    }

    protected override void ProcessRecord()
    {
        if (ExplanationOutput.IsModelOnly(MyInvocation, nameof(InputObject), InputObject, Neuron))
        {
            _output.Write(NeuronExplanation.Explain(Neuron, null, As, _unicode));
            return;
        }

        _output.ExplainEach(Neuron, InputObject, ",(1,2,3) | Show-Neuron $neuron, or Show-Neuron $neuron 1,2,3", input => NeuronExplanation.Explain(Neuron, input, As, _unicode));
    }
}
