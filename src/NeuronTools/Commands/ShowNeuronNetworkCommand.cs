using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Explains a network layer by layer: without input, its diagram and each layer's formulas; with input,
/// the forward pass with the real numbers, ending with the output vector and the predicted index.
/// Writes lines of text (strings), one explanation per input.
/// </summary>
[Cmdlet(VerbsCommon.Show, "NeuronNetwork", DefaultParameterSetName = ModelFirstSet, SupportsShouldProcess = true)]
[OutputType(typeof(string))]
public sealed class ShowNeuronNetworkCommand : FigureCommand
{
    private bool _unicode;
    private ExplanationOutput _output = null!;
    private string? _outPath;

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

    private const string Usage = ",(1,2,3) | Show-NeuronNetwork $network, or Show-NeuronNetwork $network 1,2,3";

    protected override void BeginProcessing()
    {
        _unicode = TerminalOutput.Decide(this).Unicode;
        _output = new ExplanationOutput(this);
        _outPath = ResolveOutFile();
    }

    private protected override string PictureNoun => "figure";

    protected override void ProcessRecord()
    {
        if (_outPath is { } outPath)
        {
            bool modelOnly = ExplanationOutput.IsModelOnly(MyInvocation, nameof(InputObject), InputObject, Network);
            WriteFigures(outPath, _output, Network, InputObject, modelOnly, Usage, input => NetworkFigure.Render(Network, input is null ? null : Network.Evaluate(input), NumberRule.Rounded));
            return;
        }

        if (ExplanationOutput.IsModelOnly(MyInvocation, nameof(InputObject), InputObject, Network))
        {
            _output.Write(NetworkExplanation.Explain(Network, null, As, _unicode));
            return;
        }

        _output.ExplainEach(Network, InputObject, Usage, input => NetworkExplanation.Explain(Network, input, As, _unicode));
    }
}
