using System.Collections.Generic;
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
public sealed class ShowNeuronNetworkCommand : ShowModelCommand
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ModelFirstSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ModelPipedSet)]
    [NetworkTransformation]
    [ValidateNotNull]
    public NeuronNetwork Network { get; set; } = null!;

    private protected override NeuronModel Model => Network;

    private protected override string ModelParameter => nameof(Network);

    private protected override IReadOnlyList<string> Explain(double[]? input, ExplanationFormat format, bool unicode) =>
        NetworkExplanation.Explain(Network, input, format, unicode);

    private protected override string Figure(double[]? input) =>
        NetworkFigure.Render(Network, input is null ? null : Network.Evaluate(input), NumberRule.Rounded);
}
