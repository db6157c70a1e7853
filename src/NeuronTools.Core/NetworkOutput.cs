using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>One input run through a network, with every layer's values kept for inspection.</summary>
public sealed class NetworkOutput
{
    internal NetworkOutput(double[] input, LayerOutput[] layer, object? inputObject)
    {
        Input = new ReadOnlyCollection<double>(input);
        Layer = new ReadOnlyCollection<LayerOutput>(layer);
        Output = layer[layer.Length - 1].Output;
        PredictedIndex = ArgMax(layer[layer.Length - 1].OutputValues);
        InputObject = inputObject;
    }

    /// <summary>The network's input vector.</summary>
    public IReadOnlyList<double> Input { get; }

    /// <summary>The last layer's output vector.</summary>
    public IReadOnlyList<double> Output { get; }

    /// <summary>Each layer's input, pre-activations, outputs and derivatives, first layer first.</summary>
    public IReadOnlyList<LayerOutput> Layer { get; }

    /// <summary>The position of the largest output (the first one on a tie): the class a classifier predicts.</summary>
    public int PredictedIndex { get; }

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
