using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// Layers in a row: each layer's outputs are the next layer's inputs, as in PyTorch's
/// <c>nn.Sequential(nn.Linear, activation, nn.Linear, activation, …)</c>. Immutable.
/// </summary>
public sealed class NeuronNetwork : NeuronModel
{
    private readonly NeuronLayer[] _layers;

    public NeuronNetwork(IEnumerable<NeuronLayer> layers, string? name = null, IEnumerable<string>? inputName = null)
        : this(layers?.ToArray() ?? throw new ArgumentNullException(nameof(layers)), name, inputName?.ToArray())
    {
    }

    /// <summary>A network that carries the history of the training that produced it.</summary>
    public NeuronNetwork(IEnumerable<NeuronLayer> layers, string? name, IEnumerable<string>? inputName, TrainingHistory? trainingHistory)
        : this(layers?.ToArray() ?? throw new ArgumentNullException(nameof(layers)), name, inputName?.ToArray())
    {
        TrainingHistory = trainingHistory;
    }

    private NeuronNetwork(NeuronLayer[] layers, string? name, string[]? inputName)
    {
        if (layers.Length == 0)
        {
            throw new NeuronToolsException(ErrorIds.EmptyNetwork, ErrorKind.InvalidArgument, "A network needs at least one layer. Give -Layer one or more layers from New-NeuronLayer, or use -Shape.").About(nameof(layers));
        }

        for (int k = 0; k < layers.Length; k++)
        {
            if (layers[k] is null)
            {
                throw new ArgumentNullException(nameof(layers), FormattableString.Invariant($"The layer at position {k} is null."));
            }

            if (k > 0 && layers[k - 1].NeuronCount != layers[k].InputCount)
            {
                throw new NeuronToolsException(
                    ErrorIds.LayerShapeMismatch,
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"{Describe(layers, k - 1)} has {Wording.Count(layers[k - 1].NeuronCount, "neuron")}, so it gives {Wording.Count(layers[k - 1].NeuronCount, "output")}, but {Describe(layers, k)} takes {Wording.Count(layers[k].InputCount, "input")}. Each layer's neuron count must equal the next layer's input count: make {Describe(layers, k)} with -InputCount {layers[k - 1].NeuronCount}, or change the neuron count of {Describe(layers, k - 1)}."))
                    .About(nameof(layers));
            }
        }

        _layers = layers;
        Layers = new ReadOnlyCollection<NeuronLayer>(layers);
        Name = name;
        InputName = inputName is null ? null : ModelChecks.InputNames(inputName, layers[0].InputCount, "network", "input", nameof(inputName));
        var shape = new int[layers.Length + 1];
        shape[0] = layers[0].InputCount;
        for (int k = 0; k < layers.Length; k++)
        {
            shape[k + 1] = layers[k].NeuronCount;
        }

        Shape = new ReadOnlyCollection<int>(shape);
        ParameterCount = layers.Sum(l => l.ParameterCount);
    }

    public IReadOnlyList<NeuronLayer> Layers { get; }

    /// <summary>The input count, then each layer's neuron count: what <c>New-NeuronNetwork -Shape</c> takes.</summary>
    public IReadOnlyList<int> Shape { get; }

    public override int InputCount => _layers[0].InputCount;

    public override int OutputCount => _layers[_layers.Length - 1].NeuronCount;

    public int ParameterCount { get; }

    internal override string Noun => "network";

    internal override IReadOnlyList<DenseLayerView> DenseLayers
    {
        get
        {
            var views = new DenseLayerView[_layers.Length];
            for (int k = 0; k < views.Length; k++)
            {
                var layer = _layers[k];
                string index = k.ToString(CultureInfo.InvariantCulture);
                views[k] = new DenseLayerView(layer.WeightRows, layer.BiasValues, layer.Activation, "layer " + index + (layer.Name is null ? string.Empty : " (" + layer.Name + ")"), "layer" + index + "_");
            }

            return views;
        }
    }

    internal override NeuronModel WithParameters(DenseStack stack, TrainingHistory? history)
    {
        var layers = new NeuronLayer[_layers.Length];
        for (int k = 0; k < layers.Length; k++)
        {
            var trained = stack.Layers[k];
            layers[k] = NeuronLayer.FromOwned(trained.Rows(), (double[])trained.Bias.Clone(), trained.Activation, _layers[k].Name);
        }

        return new NeuronNetwork(layers, Name, InputName, history);
    }

    internal override object Gradient(IReadOnlyList<double> input, int outputIndex, object? inputObject) =>
        GradientCalculator.Compute(this, input, outputIndex, inputObject);

    internal override void WriteJson(JsonObject root) => ModelSerializer.WriteNetwork(root, this);

    internal override bool IsMadeFrom(object? value) => _layers.Length == 1 && ReferenceEquals(value, _layers[0]);

    /// <summary>
    /// A network of the given shape (input count, then each layer's neuron count) with seeded starting
    /// weights and zero biases. Layer k draws with the seed <see cref="LayerSeed"/>(seed, k).
    /// </summary>
    public static NeuronNetwork Create(IReadOnlyList<int> shape, IReadOnlyList<ActivationFunction> activations, Initialization initialization = Initialization.Uniform, int seed = 0, string? name = null, IEnumerable<string>? inputName = null)
    {
        if (shape is null)
        {
            throw new ArgumentNullException(nameof(shape));
        }

        if (activations is null)
        {
            throw new ArgumentNullException(nameof(activations));
        }

        string text = string.Join(",", shape.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        if (shape.Count < 2)
        {
            throw new NeuronToolsException(
                ErrorIds.InvalidShape,
                ErrorKind.InvalidArgument,
                $"The shape {text} has no layer. Give the input count, then the neuron count of each layer, for example -Shape 3,4,2 for 3 inputs, a hidden layer of 4 and an output layer of 2.")
                .About(nameof(shape));
        }

        for (int k = 0; k < shape.Count; k++)
        {
            if (shape[k] < 1)
            {
                throw new NeuronToolsException(
                    ErrorIds.InvalidShape,
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"The shape {text} has {shape[k]} at position {k}; every count must be at least 1."))
                    .About(nameof(shape));
            }
        }

        int layerCount = shape.Count - 1;
        if (activations.Count != 1 && activations.Count != layerCount)
        {
            throw new NeuronToolsException(
                ErrorIds.ActivationCountMismatch,
                ErrorKind.InvalidArgument,
                $"The shape {text} makes {Wording.Count(layerCount, "layer")} but {Wording.Count(activations.Count, "activation")} {(activations.Count == 1 ? "was" : "were")} given. Give one activation for all layers, or one per layer, in order.")
                .About(nameof(activations));
        }

        long total = 0;
        for (int k = 0; k < layerCount; k++)
        {
            total += (long)shape[k] * shape[k + 1];
        }

        ModelChecks.WeightCount(total, ErrorIds.NetworkTooLarge, "The network of shape " + text, "Use fewer or smaller layers.");
        var layers = new NeuronLayer[layerCount];
        for (int k = 0; k < layerCount; k++)
        {
            var activation = activations[activations.Count == 1 ? 0 : k];
            layers[k] = NeuronLayer.Create(shape[k], shape[k + 1], activation, initialization, LayerSeed(seed, k));
        }

        return new NeuronNetwork(layers, name, inputName?.ToArray());
    }

    /// <summary>
    /// The seed layer <paramref name="layerIndex"/> of a seeded network draws with, derived from the
    /// network's seed by SplitMix64 so that every layer draws different numbers, on every machine.
    /// </summary>
    public static int LayerSeed(int seed, int layerIndex)
    {
        unchecked
        {
            ulong z = ((ulong)(uint)seed << 32) | (uint)layerIndex;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z ^ (z >> 32));
        }
    }

    /// <summary>The same network (name, input names) with other layers, which are not copied.</summary>
    public NeuronNetwork WithLayers(IEnumerable<NeuronLayer> layers)
    {
        if (layers is null)
        {
            throw new ArgumentNullException(nameof(layers));
        }

        return new NeuronNetwork(layers.ToArray(), Name, InputName?.ToArray());
    }

    /// <summary>
    /// A network of the one layer, which is not copied, named as the layer: its outputs are the layer's,
    /// so a layer saved on its own can be run and explained as a network.
    /// </summary>
    public static NeuronNetwork FromLayer(NeuronLayer layer)
    {
        if (layer is null)
        {
            throw new ArgumentNullException(nameof(layer));
        }

        return new NeuronNetwork(new[] { layer }, layer.Name, inputName: null);
    }

    /// <summary>Runs the network on one input vector and keeps every layer's values.</summary>
    public NetworkOutput Evaluate(IReadOnlyList<double> input, object? inputObject = null) =>
        EvaluateOwned(input?.ToArray() ?? throw new ArgumentNullException(nameof(input)), inputObject);

    /// <summary>As <see cref="Evaluate"/>, for an input array that the caller hands over and will not change.</summary>
    internal NetworkOutput EvaluateOwned(double[] input, object? inputObject)
    {
        ModelChecks.Input(input, InputCount, "network", "input");
        var buffers = new ForwardBuffers(this);
        Forward(input, buffers);
        var layers = new LayerOutput[_layers.Length];
        double[] layerInput = input;
        for (int k = 0; k < layers.Length; k++)
        {
            double[]? derivative = _layers[k].Activation.IsVector ? null : buffers.Derivative[k];
            layers[k] = new LayerOutput(k, _layers[k].Name, _layers[k].Activation.Specification, layerInput, buffers.PreActivation[k], buffers.Output[k], derivative);
            layerInput = buffers.Output[k];
        }

        return new NetworkOutput(input, layers, inputObject, _layers[_layers.Length - 1].Activation, ClassLabel);
    }

    /// <summary>
    /// The forward pass into preallocated buffers, for callers that run many inputs (training): no
    /// allocation. The input must already have been checked (length, finite values).
    /// </summary>
    internal void Forward(double[] input, ForwardBuffers buffers)
    {
        double[] layerInput = input;
        for (int k = 0; k < _layers.Length; k++)
        {
            _layers[k].Forward(layerInput, buffers.PreActivation[k], buffers.Output[k], buffers.Derivative[k]);
            CheckFinite(_layers[k], Describe(_layers, k), buffers.PreActivation[k], buffers.Output[k]);
            layerInput = buffers.Output[k];
        }
    }

    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "NeuronNetwork({0}: {1})",
            string.Join("-", Shape.Select(n => n.ToString(CultureInfo.InvariantCulture))),
            string.Join(", ", _layers.Select(l => l.Activation.Specification)));

    internal static void CheckFinite(NeuronLayer layer, string description, double[] preActivation, double[] output)
    {
        for (int j = 0; j < output.Length; j++)
        {
            if (!Neuron.IsFinite(preActivation[j]) || !Neuron.IsFinite(output[j]))
            {
                throw new NeuronToolsException(
                    ErrorIds.NonFiniteResult,
                    ErrorKind.InvalidResult,
                    FormattableString.Invariant($"The inputs are finite but {description} gives a non-finite result at neuron {j}: a = {Neuron.Describe(preActivation[j])}, z = {Neuron.Describe(output[j])} ({layer.Activation.Specification}). The result overflowed the range of a double (about ±1.8e308); scale the inputs or weights down."));
            }
        }
    }

    private static string Describe(NeuronLayer[] layers, int k) =>
        layers[k].Name is { Length: > 0 } name
            ? FormattableString.Invariant($"Layers[{k}] ('{name}')")
            : FormattableString.Invariant($"Layers[{k}]");
}

/// <summary>One forward pass's worth of arrays for a network, reusable from one input to the next.</summary>
internal sealed class ForwardBuffers
{
    internal ForwardBuffers(NeuronNetwork network)
    {
        int count = network.Layers.Count;
        PreActivation = new double[count][];
        Output = new double[count][];
        Derivative = new double[count][];
        for (int k = 0; k < count; k++)
        {
            int width = network.Layers[k].NeuronCount;
            PreActivation[k] = new double[width];
            Output[k] = new double[width];
            Derivative[k] = new double[width];
        }
    }

    internal double[][] PreActivation { get; }

    internal double[][] Output { get; }

    internal double[][] Derivative { get; }
}
