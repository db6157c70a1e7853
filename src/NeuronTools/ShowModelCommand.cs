using System.Collections.Generic;
using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// What Show-Neuron and Show-NeuronNetwork share: the model (declared by each, with its own name and type),
/// the input rows to explain, -As, and -OutFile. Without input the model is explained (or drawn) on its own;
/// with input, each row is bound as Invoke-Neuron binds it and explained (or drawn) with its real numbers.
/// </summary>
public abstract class ShowModelCommand : FigureCommand
{
    // Two sets so that the first position goes to the input when the model comes from the pipeline:
    // $model | Show-Neuron 5, 3, 1. PowerShell binds a position without conversion first,
    // so the model (its own type) takes the first position when it is given there.
    private protected const string ModelFirstSet = "ModelFirst";
    private protected const string ModelPipedSet = "ModelPiped";

    private bool _unicode;
    private ExplanationOutput _output = null!;
    private string? _outPath;

    [Parameter(Position = 1, ValueFromPipeline = true, ParameterSetName = ModelFirstSet)]
    [Parameter(Position = 0, ParameterSetName = ModelPipedSet)]
    [Alias("Input", "X")]
    [AllowNull]
    public object? InputObject { get; set; }

    [Parameter]
    public ExplanationFormat As { get; set; } = ExplanationFormat.Text;

    /// <summary>The model the cmdlet's own model parameter holds.</summary>
    private protected abstract NeuronModel Model { get; }

    /// <summary>The name of that parameter, for the hint on how to send one vector: Neuron gives $neuron.</summary>
    private protected abstract string ModelParameter { get; }

    private protected override string PictureNoun => "figure";

    /// <summary>The explanation's lines, of the model alone when <paramref name="input"/> is null.</summary>
    private protected abstract IReadOnlyList<string> Explain(double[]? input, ExplanationFormat format, bool unicode);

    /// <summary>The SVG figure, of the model alone when <paramref name="input"/> is null.</summary>
    private protected abstract string Figure(double[]? input);

    protected override void BeginProcessing()
    {
        _unicode = TerminalOutput.Decide(this).Unicode;
        _output = new ExplanationOutput(this);
        _outPath = ResolveOutFile();
    }

    protected override void ProcessRecord()
    {
        var model = Model;
        bool modelOnly = ExplanationOutput.IsModelOnly(MyInvocation, nameof(InputObject), InputObject, model);
        if (_outPath is { } outPath)
        {
            WriteFigures(outPath, _output, model, ModelParameter, InputObject, modelOnly, Figure);
            return;
        }

        if (modelOnly)
        {
            _output.Write(Explain(null, As, _unicode));
            return;
        }

        _output.ExplainEach(model, ModelParameter, InputObject, input => Explain(input, As, _unicode));
    }
}
