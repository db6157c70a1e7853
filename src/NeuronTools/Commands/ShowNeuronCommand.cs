using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Explains a neuron: without input, its diagram and formulas; with input, every step of the article's
/// calculation with the real numbers. Writes lines of text (strings), one explanation per input.
/// </summary>
[Cmdlet(VerbsCommon.Show, "Neuron", DefaultParameterSetName = ModelFirstSet, SupportsShouldProcess = true)]
[OutputType(typeof(string))]
public sealed class ShowNeuronCommand : FigureCommand
{
    private bool _unicode;
    private ExplanationOutput _output = null!;
    private string? _outPath;

    // Two sets so that the first position goes to the input when the model comes from the pipeline:
    // $model | Show-Neuron 5, 3, 1. PowerShell binds a position without conversion first,
    // so the model (its own type) takes the first position when it is given there.
    private const string ModelFirstSet = "ModelFirst";
    private const string ModelPipedSet = "ModelPiped";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ModelFirstSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ModelPipedSet)]
    [ValidateNotNull]
    public Neuron Neuron { get; set; } = null!;

    [Parameter(Position = 1, ValueFromPipeline = true, ParameterSetName = ModelFirstSet)]
    [Parameter(Position = 0, ParameterSetName = ModelPipedSet)]
    [Alias("Input", "X")]
    [AllowNull]
    public object? InputObject { get; set; }

    [Parameter]
    public ExplanationFormat As { get; set; } = ExplanationFormat.Text;

    private const string Usage = ",(1,2,3) | Show-Neuron $neuron, or Show-Neuron $neuron 1,2,3";

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
            bool modelOnly = ExplanationOutput.IsModelOnly(MyInvocation, nameof(InputObject), InputObject, Neuron);
            WriteFigures(outPath, _output, Neuron, InputObject, modelOnly, Usage, input => NeuronFigure.Render(Neuron, input is null ? null : Neuron.Evaluate(input), NumberRule.Rounded));
            return;
        }

        if (ExplanationOutput.IsModelOnly(MyInvocation, nameof(InputObject), InputObject, Neuron))
        {
            _output.Write(NeuronExplanation.Explain(Neuron, null, As, _unicode));
            return;
        }

        _output.ExplainEach(Neuron, InputObject, Usage, input => NeuronExplanation.Explain(Neuron, input, As, _unicode));
    }
}
