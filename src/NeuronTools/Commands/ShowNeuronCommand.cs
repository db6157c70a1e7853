using System.Collections.Generic;
using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Explains a neuron: without input, its diagram and formulas; with input, every step of the article's
/// calculation with the real numbers. Writes lines of text (strings), one explanation per input.
/// </summary>
[Cmdlet(VerbsCommon.Show, "Neuron", DefaultParameterSetName = ModelFirstSet, SupportsShouldProcess = true)]
[OutputType(typeof(string))]
public sealed class ShowNeuronCommand : ShowModelCommand
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ModelFirstSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ModelPipedSet)]
    [ValidateNotNull]
    public Neuron Neuron { get; set; } = null!;

    private protected override NeuronModel Model => Neuron;

    private protected override string ModelParameter => nameof(Neuron);

    private protected override IReadOnlyList<string> Explain(double[]? input, ExplanationFormat format, bool unicode) =>
        NeuronExplanation.Explain(Neuron, input, format, unicode);

    private protected override string Figure(double[]? input) =>
        NeuronFigure.Render(Neuron, input is null ? null : Neuron.Evaluate(input), NumberRule.Rounded);
}
