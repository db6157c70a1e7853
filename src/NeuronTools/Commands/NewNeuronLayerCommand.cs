using System.Collections.Generic;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Creates an immutable layer of neurons that share one input vector and one activation.</summary>
[Cmdlet(VerbsCommon.New, "NeuronLayer", DefaultParameterSetName = InitializationSet)]
[OutputType(typeof(NeuronLayer))]
public sealed class NewNeuronLayerCommand : PSCmdlet
{
    private const string InitializationSet = "Initialization";
    private const string WeightSet = "Weight";
    private const string NeuronSet = "Neuron";

    private readonly List<Neuron> _neurons = new();

    [Parameter(Mandatory = true, ParameterSetName = InitializationSet)]
    [ValidateRange(1, int.MaxValue)]
    [InvariantInteger]
    public int InputCount { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = InitializationSet)]
    [ValidateRange(1, int.MaxValue)]
    [InvariantInteger]
    public int NeuronCount { get; set; }

    [Parameter(ParameterSetName = InitializationSet)]
    public Initialization Initialization { get; set; } = Initialization.Uniform;

    [Parameter(ParameterSetName = InitializationSet)]
    [InvariantInteger]
    public int? Seed { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = WeightSet)]
    [Alias("Weights", "W")]
    [WeightRowsTransformation]
    [ValidateNotNull]
    [AllowEmptyCollection]
    [InvariantNumber]
    public double[][] Weight { get; set; } = null!;

    [Parameter(ParameterSetName = WeightSet)]
    [Alias("Biases", "B")]
    [ValidateNotNull]
    [AllowEmptyCollection]
    [InvariantNumber]
    public double[]? Bias { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = NeuronSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Neuron[] Neuron { get; set; } = null!;

    [Parameter]
    [ArgumentCompleter(typeof(ActivationCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Activation { get; set; }

    [Parameter]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == NeuronSet)
        {
            _neurons.AddRange(Neuron);
        }
    }

    protected override void EndProcessing()
    {
        ActivationFunction? activation = null;
        try
        {
            // With -Neuron and no -Activation the layer keeps the neurons' own activation.
            if (Activation is not null || ParameterSetName != NeuronSet)
            {
                activation = ActivationCatalog.Create(Activation ?? "ReLU");
            }
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Activation));
        }

        try
        {
            NeuronLayer layer = ParameterSetName switch
            {
                NeuronSet => NeuronLayer.FromNeurons(_neurons, activation, Name),
                WeightSet => new NeuronLayer(Weight, Bias, activation, Name),
                _ => NeuronLayer.Create(InputCount, NeuronCount, activation, Initialization, Seed ?? WeightInitializer.NewSeed(), Name),
            };
            WriteObject(layer);
        }
        catch (NeuronToolsException exception)
        {
            // The target is the value the problem is with: the weights, the biases or the neurons.
            object? target = (exception.ParameterName, ParameterSetName) switch
            {
                ("bias", _) => Bias,
                ("inputCount", _) => InputCount,
                ("neuronCount", _) => NeuronCount,
                (_, NeuronSet) => _neurons.ToArray(),
                (_, WeightSet) => Weight,
                _ => new[] { InputCount, NeuronCount },
            };
            ThrowTerminatingError(ErrorRecords.From(exception, target));
        }
    }
}
