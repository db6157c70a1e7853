using System.Collections.Generic;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Creates an immutable network from layers, or from a shape with seeded starting weights.</summary>
[Cmdlet(VerbsCommon.New, "NeuronNetwork", DefaultParameterSetName = LayerSet)]
[OutputType(typeof(NeuronNetwork))]
public sealed class NewNeuronNetworkCommand : PSCmdlet
{
    private const string LayerSet = "Layer";
    private const string ShapeSet = "Shape";

    private readonly List<NeuronLayer> _layers = new();

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = LayerSet, ValueFromPipeline = true)]
    [Alias("Layers")]
    [ValidateNotNull]
    public NeuronLayer[] Layer { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = ShapeSet)]
    [ValidateNotNullOrEmpty]
    [InvariantInteger]
    public int[] Shape { get; set; } = null!;

    [Parameter(ParameterSetName = ShapeSet)]
    [ArgumentCompleter(typeof(ActivationCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Activation { get; set; } = { "ReLU" };

    [Parameter(ParameterSetName = ShapeSet)]
    public Initialization Initialization { get; set; } = Initialization.Uniform;

    [Parameter(ParameterSetName = ShapeSet)]
    [InvariantInteger]
    public int? Seed { get; set; }

    [Parameter]
    public string? Name { get; set; }

    [Parameter]
    [Alias("InputNames")]
    [ValidateNotNullOrEmpty]
    public string[]? InputName { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == LayerSet)
        {
            _layers.AddRange(Layer);
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == LayerSet)
        {
            Build(() => new NeuronNetwork(_layers, Name, InputName));
            return;
        }

        var activations = new List<ActivationFunction>();
        foreach (string specification in Activation)
        {
            try
            {
                activations.Add(ActivationCatalog.Create(specification));
            }
            catch (NeuronToolsException exception)
            {
                ThrowTerminatingError(ErrorRecords.From(exception, specification));
            }
        }

        Build(() => NeuronNetwork.Create(Shape, activations, Initialization, Seed ?? WeightInitializer.NewSeed(), Name, InputName));
    }

    private void Build(System.Func<NeuronNetwork> build)
    {
        try
        {
            WriteObject(build());
        }
        catch (NeuronToolsException exception)
        {
            // The target is the value the problem is with: the input names, the activations, the shape or the layers.
            object? target = exception.ParameterName switch
            {
                "inputName" => InputName,
                "activations" => Activation,
                "shape" => Shape,
                _ => ParameterSetName == LayerSet ? _layers.ToArray() : Shape,
            };
            ThrowTerminatingError(ErrorRecords.From(exception, target));
        }
    }
}
