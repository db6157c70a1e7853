using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// A layer of neurons that read the same input vector and share one activation. Neuron j computes
/// a_j = Σ_i w_ji·x_i + b_j exactly as a <see cref="Neuron"/> does (left to right, then the bias), and the
/// activation maps the vector a to the outputs z, one element at a time for a scalar activation, or all
/// at once for a vector activation such as Softmax. Immutable.
/// </summary>
public sealed class NeuronLayer : NeuronModel
{
    private readonly double[][] _weight;
    private readonly double[] _bias;

    /// <summary>A layer from a weight matrix, one row per neuron, and one bias per neuron (zeros when null).</summary>
    public NeuronLayer(IEnumerable<IEnumerable<double>> weight, IEnumerable<double>? bias = null, ActivationFunction? activation = null, string? name = null)
        : this(CopyRows(weight), bias?.ToArray(), activation ?? ActivationCatalog.Create("ReLU"), name)
    {
    }

    /// <summary>Takes ownership of the arrays: callers hand over arrays that nobody changes afterwards.</summary>
    private NeuronLayer(double[][] weight, double[]? bias, ActivationFunction activation, string? name)
    {
        Validate(weight, bias);
        _weight = weight;
        _bias = bias ?? new double[weight.Length];
        Activation = activation ?? throw new ArgumentNullException(nameof(activation));
        Name = name;
        Weight = new ReadOnlyCollection<IReadOnlyList<double>>(_weight.Select(row => (IReadOnlyList<double>)new ReadOnlyCollection<double>(row)).ToArray());
        Bias = new ReadOnlyCollection<double>(_bias);
    }

    /// <summary>The weights, one read-only row per neuron: <c>Weight[j][i]</c> is w_ji, from input i to neuron j.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Weight { get; }

    /// <summary>b_j, one per neuron.</summary>
    public IReadOnlyList<double> Bias { get; }

    public ActivationFunction Activation { get; }

    public override int InputCount => _weight[0].Length;

    public int NeuronCount => _weight.Length;

    /// <summary>Weights and biases: NeuronCount × (InputCount + 1).</summary>
    public int ParameterCount => NeuronCount * (InputCount + 1);

    /// <summary>One output per neuron: <see cref="NeuronCount"/>.</summary>
    public override int OutputCount => _weight.Length;

    internal override string Noun => "layer";

    internal override ActivationFunction? SharedActivation => Activation;

    internal override IReadOnlyList<DenseLayerView> DenseLayers =>
        new[] { new DenseLayerView(_weight, _bias, Activation, "the layer", string.Empty) };

    /// <summary>The weight rows themselves, for the core's own readers (forward pass, training); never changed.</summary>
    internal double[][] WeightRows => _weight;

    internal double[] BiasValues => _bias;

    /// <summary>A layer of <paramref name="neuronCount"/> neurons with seeded starting weights and zero biases.</summary>
    public static NeuronLayer Create(int inputCount, int neuronCount, ActivationFunction? activation = null, Initialization initialization = Initialization.Uniform, int seed = 0, string? name = null)
    {
        CheckCount(inputCount, "input count", ErrorIds.InvalidInputCount, nameof(inputCount));
        CheckCount(neuronCount, "neuron count", ErrorIds.InvalidNeuronCount, nameof(neuronCount));
        long total = (long)inputCount * neuronCount;
        ModelChecks.WeightCount(total, "LayerTooLarge", $"A layer of {Wording.Count(neuronCount, "neuron")} with {Wording.Count(inputCount, "input")}", "Use fewer neurons or inputs.");

        // Row j holds draws j·n … j·n + n − 1, so a one-neuron layer draws exactly what New-Neuron draws for the seed.
        double[] draws = WeightInitializer.Draw(initialization, inputCount, neuronCount, (int)total, seed);
        var rows = new double[neuronCount][];
        for (int j = 0; j < neuronCount; j++)
        {
            rows[j] = new double[inputCount];
            Array.Copy(draws, j * inputCount, rows[j], 0, inputCount);
        }

        return new NeuronLayer(rows, null, activation ?? ActivationCatalog.Create("ReLU"), name);
    }

    /// <summary>
    /// Assembles neurons into a layer: row j is neuron j's weights, b_j its bias. Their input counts must
    /// agree, and so must their activations unless <paramref name="activation"/> is given for the layer.
    /// </summary>
    public static NeuronLayer FromNeurons(IEnumerable<Neuron> neurons, ActivationFunction? activation = null, string? name = null)
    {
        if (neurons is null)
        {
            throw new ArgumentNullException(nameof(neurons));
        }

        Neuron[] all = neurons.ToArray();
        if (all.Length == 0)
        {
            throw new NeuronToolsException(ErrorIds.EmptyLayer, ErrorKind.InvalidArgument, "A layer needs at least one neuron. Give -Neuron one or more neurons from New-Neuron.").About(nameof(neurons));
        }

        for (int j = 0; j < all.Length; j++)
        {
            if (all[j] is null)
            {
                throw new ArgumentNullException(nameof(neurons), FormattableString.Invariant($"The neuron at position {j} is null."));
            }

            if (all[j].InputCount != all[0].InputCount)
            {
                throw new NeuronToolsException(
                    ErrorIds.NeuronInputCountMismatch,
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"The neuron at position 0 has {Wording.Count(all[0].InputCount, "input")} but the neuron at position {j} has {all[j].InputCount}. The neurons of a layer read the same input vector, so give them all the same number of weights."))
                    .About(nameof(neurons));
            }

            if (activation is null && all[j].Activation.Specification != all[0].Activation.Specification)
            {
                throw new NeuronToolsException(
                    ErrorIds.NeuronActivationMismatch,
                    ErrorKind.InvalidArgument,
                    $"The neuron at position 0 uses {all[0].Activation.Specification} but the neuron at position {j} uses {all[j].Activation.Specification}. A layer has one activation: give the neurons the same one, or choose the layer's with -Activation.")
                    .About(nameof(neurons));
            }
        }

        var rows = all.Select(n => n.Weight.ToArray()).ToArray();
        var bias = all.Select(n => n.Bias).ToArray();
        return new NeuronLayer(rows, bias, activation ?? all[0].Activation, name);
    }

    /// <summary>
    /// A layer for the core's own builders (training, import) from arrays it hands over and never changes
    /// afterwards: validated, not copied.
    /// </summary>
    internal static NeuronLayer FromOwned(double[][] weight, double[] bias, ActivationFunction activation, string? name) =>
        new(weight, bias, activation, name);

    /// <summary>The same layer (activation, name) with new weights and biases, copied once.</summary>
    public NeuronLayer WithParameters(IEnumerable<IEnumerable<double>> weight, IEnumerable<double> bias)
    {
        if (bias is null)
        {
            throw new ArgumentNullException(nameof(bias));
        }

        var layer = new NeuronLayer(CopyRows(weight), bias.ToArray(), Activation, Name);
        if (layer.InputCount != InputCount || layer.NeuronCount != NeuronCount)
        {
            throw new NeuronToolsException(
                ErrorIds.LayerShapeMismatch,
                ErrorKind.InvalidArgument,
                $"The layer has {Wording.Count(NeuronCount, "neuron")} of {Wording.Count(InputCount, "input")}, but the new weights are {Wording.Count(layer.NeuronCount, "row")} of {layer.InputCount}. Give new weights of the same shape.")
                .About(nameof(weight));
        }

        return layer;
    }

    /// <summary>Runs the layer on one input vector.</summary>
    public LayerOutput Evaluate(IReadOnlyList<double> input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        double[] copy = input.ToArray();
        ModelChecks.Input(copy, InputCount, "layer", "input");
        var preActivation = new double[NeuronCount];
        var output = new double[NeuronCount];
        var derivative = new double[NeuronCount];
        Forward(copy, preActivation, output, derivative);
        NeuronNetwork.CheckFinite(this, "the layer", preActivation, output);
        return new LayerOutput(0, Name, Activation.Specification, copy, preActivation, output, Activation.IsVector ? null : derivative);
    }

    /// <summary>
    /// The forward pass into buffers the caller owns: a_j = Σ_i w_ji·x_i (in <see cref="DotProduct"/>'s order) + b_j, as
    /// <see cref="Neuron"/> sums, then the activation. <paramref name="derivative"/> receives ∂z_j/∂a_j.
    /// </summary>
    internal void Forward(double[] input, double[] preActivation, double[] output, double[] derivative)
    {
        for (int j = 0; j < _weight.Length; j++)
        {
            preActivation[j] = DotProduct.Sum(_weight[j], input) + _bias[j];
        }

        Activation.Apply(preActivation, output, derivative);
    }

    internal override NeuronModel WithParameters(DenseStack stack, TrainingHistory? history) =>
        new NeuronLayer(stack.Layers[0].Rows(), (double[])stack.Layers[0].Bias.Clone(), Activation, Name) { TrainingHistory = history };

    // A layer is differentiated as the network of that one layer.
    internal override object Gradient(IReadOnlyList<double> input, int outputIndex, object? inputObject) =>
        GradientCalculator.Compute(NeuronNetwork.FromLayer(this), input, outputIndex, inputObject);

    internal override void WriteJson(JsonObject root) => ModelSerializer.WriteLayer(root, this);

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "NeuronLayer({0} → {1}, {2})", InputCount, NeuronCount, Activation.Specification);

    private static double[][] CopyRows(IEnumerable<IEnumerable<double>> weight)
    {
        if (weight is null)
        {
            throw new ArgumentNullException(nameof(weight));
        }

        return weight.Select(row => row?.ToArray()!).ToArray();
    }

    private static void Validate(double[][] weight, double[]? bias)
    {
        if (weight.Length == 0)
        {
            throw new NeuronToolsException(ErrorIds.EmptyWeight, ErrorKind.InvalidArgument, "A layer needs at least one neuron. Give -Weight one row of weights per neuron, for example -Weight @(0.5, -1, 2), @(1, 0, -1).").About(nameof(weight));
        }

        for (int j = 0; j < weight.Length; j++)
        {
            double[] row = weight[j];
            if (row is null || row.Length == 0)
            {
                throw new NeuronToolsException(
                    ErrorIds.EmptyWeight,
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"The weight row {j} is empty. Give each neuron one weight per input."))
                    .About(nameof(weight));
            }

            if (row.Length != weight[0].Length)
            {
                throw new NeuronToolsException(
                    ErrorIds.RaggedWeight,
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"The weight row 0 has {Wording.Count(weight[0].Length, "weight")} but row {j} has {row.Length}. Every neuron of a layer reads the same input vector, so give every row the same number of weights, one per input."))
                    .About(nameof(weight));
            }

            ModelChecks.FiniteParameters(row, "weight", "a layer's", nameof(weight), j);
        }

        if (bias is null)
        {
            return;
        }

        if (bias.Length != weight.Length)
        {
            throw new NeuronToolsException(
                ErrorIds.BiasCountMismatch,
                ErrorKind.InvalidArgument,
                $"The layer has {Wording.Count(weight.Length, "neuron")} (weight rows) but {Wording.Count(bias.Length, "bias")}. Give one bias per neuron, in row order.")
                .About(nameof(bias));
        }

        ModelChecks.FiniteParameters(bias, "bias", "a layer's", nameof(bias));
    }

    private static void CheckCount(int count, string what, string errorId, string parameterName)
    {
        if (count < 1)
        {
            throw new NeuronToolsException(errorId, ErrorKind.InvalidArgument, FormattableString.Invariant($"The {what} is {count}; it must be at least 1.")).About(parameterName);
        }
    }
}
