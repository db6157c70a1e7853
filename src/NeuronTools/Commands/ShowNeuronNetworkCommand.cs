using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Explains a network layer by layer: without input, its diagram and each layer's formulas; with input,
/// the forward pass with the real numbers, ending with the output vector and the predicted index.
/// Writes lines of text (strings), one explanation per input.
/// </summary>
[Cmdlet(VerbsCommon.Show, "NeuronNetwork", DefaultParameterSetName = ModelFirstSet)]
[OutputType(typeof(string))]
public sealed class ShowNeuronNetworkCommand : PSCmdlet
{
    private bool _unicode;
    private ExplanationOutput _output = null!;

    // Two sets so that the first position goes to the input when the model comes from the pipeline:
    // $model | Show-NeuronNetwork 5, 3, 1. PowerShell binds a position without conversion first,
    // so the model (its own type) takes the first position when it is given there.
    private const string ModelFirstSet = "ModelFirst";
    private const string ModelPipedSet = "ModelPiped";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ModelFirstSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ModelPipedSet)]
    [NetworkTransformation]
    [ValidateNotNull]
    public NeuronNetwork Network { get; set; } = null!;

    [Parameter(Position = 1, ValueFromPipeline = true, ParameterSetName = ModelFirstSet)]
    [Parameter(Position = 0, ParameterSetName = ModelPipedSet)]
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
