using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Explains a network layer by layer: without input, its diagram and each layer's formulas; with input,
/// the forward pass with the real numbers, ending with the output vector and the predicted index.
/// Writes lines of text (strings), one explanation per input.
/// </summary>
[Cmdlet(VerbsCommon.Show, "NeuronNetwork")]
[OutputType(typeof(string))]
public sealed class ShowNeuronNetworkCommand : PSCmdlet
{
    private bool _unicode;
    private ExplanationOutput _output = null!;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public NeuronNetwork Network { get; set; } = null!;

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
        if (ExplanationOutput.IsModelOnly(MyInvocation, nameof(InputObject), InputObject, Network))
        {
            _output.Write(NetworkExplanation.Explain(Network, null, As, _unicode));
            return;
        }

        _output.ExplainEach(Network, InputObject, ",(1,2,3) | Show-NeuronNetwork $network, or Show-NeuronNetwork $network 1,2,3", input => NetworkExplanation.Explain(Network, input, As, _unicode));
    }
}
