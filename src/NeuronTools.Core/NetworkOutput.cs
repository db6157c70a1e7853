using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>One input run through a network, with every layer's values kept for inspection.</summary>
public sealed class NetworkOutput
{
    internal NetworkOutput(double[] input, LayerOutput[] layer, object? inputObject, ActivationFunction outputActivation, IReadOnlyList<string>? classLabel)
    {
        Input = new ReadOnlyCollection<double>(input);
        Layer = new ReadOnlyCollection<LayerOutput>(layer);
        Output = layer[layer.Length - 1].Output;
        double[] z = layer[layer.Length - 1].OutputValues;
        bool isProbability = ClassLabels.IsProbability(outputActivation, z.Length);
        PredictedIndex = z.Length == 1 && isProbability ? (z[0] >= 0.5 ? 1 : 0) : ArgMax(z);
        if (isProbability)
        {
            Probability = z.Length == 1 ? (PredictedIndex == 1 ? z[0] : 1.0 - z[0]) : z[PredictedIndex];
        }

        PredictedLabel = classLabel?[PredictedIndex];
        InputObject = inputObject;
    }

    /// <summary>The network's input vector.</summary>
    public IReadOnlyList<double> Input { get; }

    /// <summary>The last layer's output vector.</summary>
    public IReadOnlyList<double> Output { get; }

    /// <summary>Each layer's input, pre-activations, outputs and derivatives, first layer first.</summary>
    public IReadOnlyList<LayerOutput> Layer { get; }

    /// <summary>
    /// The class a classifier predicts: the position of the largest output (the first one on a tie); for
    /// one output that is a probability (Sigmoid and the like), 1 from 0.5 up and 0 below.
    /// </summary>
    public int PredictedIndex { get; }

    /// <summary>The name of the predicted class for a network with class labels; otherwise null.</summary>
    public string? PredictedLabel { get; }

    /// <summary>
    /// The probability of the predicted class where the outputs are probabilities (a Softmax output layer, or
    /// one Sigmoid-like output: then 1 − z for class 0); otherwise null.
    /// </summary>
    public double? Probability { get; }

    /// <summary>What arrived on the pipeline, so results can be joined back to their rows.</summary>
    public object? InputObject { get; }

    public override string ToString() => string.Join(", ", Output.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    internal static int ArgMax(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
