using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// What-if for one input of a network: how its output z_k (k = <see cref="OutputIndex"/>) moves per unit move
/// of each input, weight and bias, by backpropagation. <c>WeightGradient[l][j][i]</c> is ∂z_k/∂w_ji of layer
/// l, indexed as <c>Layers[l].Weight[j][i]</c>; <c>BiasGradient[l][j]</c> is ∂z_k/∂b_j of layer l.
/// </summary>
public sealed class NetworkGradient
{
    internal NetworkGradient(NeuronNetwork network, double[] input, int outputIndex, StackGradient gradient, object? inputObject)
    {
        Input = new ReadOnlyCollection<double>(input);
        OutputIndex = outputIndex;
        var last = gradient.LayerOutput[gradient.LayerOutput.Length - 1];
        OutputVector = new ReadOnlyCollection<double>(last);
        Output = last[outputIndex];
        InputGradient = new ReadOnlyCollection<double>(Positive(gradient.InputGradient));
        var weight = new IReadOnlyList<IReadOnlyList<double>>[network.Layers.Count];
        var bias = new IReadOnlyList<double>[network.Layers.Count];
        for (int l = 0; l < weight.Length; l++)
        {
            int inputs = network.Layers[l].InputCount;
            weight[l] = new ReadOnlyCollection<IReadOnlyList<double>>(
                Enumerable.Range(0, network.Layers[l].NeuronCount)
                    .Select(j => (IReadOnlyList<double>)new ReadOnlyCollection<double>(Positive(gradient.WeightGradient[l].Skip(j * inputs).Take(inputs).ToArray())))
                    .ToArray());
            bias[l] = new ReadOnlyCollection<double>(Positive(gradient.BiasGradient[l]));
        }

        WeightGradient = new ReadOnlyCollection<IReadOnlyList<IReadOnlyList<double>>>(weight);
        BiasGradient = new ReadOnlyCollection<IReadOnlyList<double>>(bias);
        InputName = network.InputName;
        InputObject = inputObject;
    }

    public IReadOnlyList<double> Input { get; }

    /// <summary>k: which output the gradients are of.</summary>
    public int OutputIndex { get; }

    /// <summary>z_k.</summary>
    public double Output { get; }

    /// <summary>Every output of the network for this input.</summary>
    public IReadOnlyList<double> OutputVector { get; }

    /// <summary>∂z_k/∂x_i, one per input.</summary>
    public IReadOnlyList<double> InputGradient { get; }

    /// <summary>∂z_k/∂w_ji per layer: [layer][neuron][input].</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> WeightGradient { get; }

    /// <summary>∂z_k/∂b_j per layer: [layer][neuron].</summary>
    public IReadOnlyList<IReadOnlyList<double>> BiasGradient { get; }

    public IReadOnlyList<string>? InputName { get; }

    public object? InputObject { get; }

    public override string ToString() => Output.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Turns −0 (a zero derivative times a negative number) into 0, which reads better; other values are unchanged.</summary>
    private static double[] Positive(double[] values) => values.Select(v => v + 0.0).ToArray();
}
