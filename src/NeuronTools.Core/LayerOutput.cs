using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// One layer's part of a forward pass: what came in, the pre-activations a_j = Σ_i w_ji·x_i + b_j, the
/// outputs and, for a scalar activation, f′(a_j) — everything backpropagation needs from the forward pass.
/// </summary>
public sealed class LayerOutput
{
    internal LayerOutput(int index, string? name, string activation, double[] input, double[] preActivation, double[] output, double[]? derivative)
    {
        Index = index;
        Name = name;
        Activation = activation;
        InputValues = input;
        PreActivationValues = preActivation;
        OutputValues = output;
        DerivativeValues = derivative;
        Input = new ReadOnlyCollection<double>(input);
        PreActivation = new ReadOnlyCollection<double>(preActivation);
        Output = new ReadOnlyCollection<double>(output);
        Derivative = derivative is null ? null : new ReadOnlyCollection<double>(derivative);
    }

    /// <summary>The layer's position in the network, from 0, as in <c>$network.Layers[$index]</c>.</summary>
    public int Index { get; }

    public string? Name { get; }

    /// <summary>The specification of the layer's activation, e.g. <c>ReLU</c>.</summary>
    public string Activation { get; }

    /// <summary>The layer's input: the network's input for the first layer, else the previous layer's output.</summary>
    public IReadOnlyList<double> Input { get; }

    /// <summary>a_j = Σ_i w_ji·x_i + b_j, one per neuron.</summary>
    public IReadOnlyList<double> PreActivation { get; }

    /// <summary>z = f(a), one per neuron.</summary>
    public IReadOnlyList<double> Output { get; }

    /// <summary>
    /// f′(a_j), one per neuron, for a scalar activation. Null for a vector activation such as Softmax,
    /// whose derivative is a full Jacobian matrix rather than one number per neuron.
    /// </summary>
    public IReadOnlyList<double>? Derivative { get; }

    internal double[] InputValues { get; }

    internal double[] PreActivationValues { get; }

    internal double[] OutputValues { get; }

    internal double[]? DerivativeValues { get; }

    public override string ToString() => string.Join(", ", OutputValues.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
