using System.Collections.Generic;

namespace NeuronTools;

/// <summary>
/// What a recognised ONNX graph computes, in the module's terms and independent of how the exporter spelt it:
/// optional per-input scaling, then dense layers (each y = f(W·x + b)), then optional class labels.
/// </summary>
internal sealed class OnnxChain
{
    internal OnnxChain(int inputCount, bool isDouble, OnnxScaling? scaling, IReadOnlyList<NeuronLayer> layers, IReadOnlyList<string>? classLabel)
    {
        InputCount = inputCount;
        IsDouble = isDouble;
        Scaling = scaling;
        Layers = layers;
        ClassLabel = classLabel;
    }

    internal int InputCount { get; }

    /// <summary>True when the graph's input and weights are doubles, false for float32 (widened exactly).</summary>
    internal bool IsDouble { get; }

    internal OnnxScaling? Scaling { get; }

    internal IReadOnlyList<NeuronLayer> Layers { get; }

    /// <summary>The class of each output, in order, for a classifier graph that also outputs a label; else null.</summary>
    internal IReadOnlyList<string>? ClassLabel { get; }
}

/// <summary>
/// Scaling in front of the first dense step, per input: (x − Offset)·Scale, or (x − Offset)/Scale where the graph
/// divides (skl2onnx's Sub/Div form), so that no reciprocal is rounded on the way in.
/// </summary>
internal sealed class OnnxScaling
{
    internal OnnxScaling(double[] offset, double[] scale, bool divides)
    {
        Offset = offset;
        Scale = scale;
        Divides = divides;
    }

    internal double[] Offset { get; }

    internal double[] Scale { get; }

    internal bool Divides { get; }

    internal double Apply(int index, double x) => Divides ? (x - Offset[index]) / Scale[index] : (x - Offset[index]) * Scale[index];
}
