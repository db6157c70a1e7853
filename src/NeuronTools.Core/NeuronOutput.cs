using System.Collections.Generic;
using System.Globalization;

namespace NeuronTools;

/// <summary>One run of a neuron, with every step of the article's calculation.</summary>
public sealed class NeuronOutput
{
    internal NeuronOutput(double[] input, double[] weightedInput, double preActivation, double output, double derivative, string activation, object? inputObject)
    {
        Input = input;
        WeightedInput = weightedInput;
        PreActivation = preActivation;
        Output = output;
        Derivative = derivative;
        Activation = activation;
        InputObject = inputObject;
    }

    /// <summary>x_1 … x_n.</summary>
    public IReadOnlyList<double> Input { get; }

    /// <summary>w_out_i = w_i·x_i, one per input.</summary>
    public IReadOnlyList<double> WeightedInput { get; }

    /// <summary>a = Σ w_i·x_i + b.</summary>
    public double PreActivation { get; }

    /// <summary>z = f(a).</summary>
    public double Output { get; }

    /// <summary>f′(a).</summary>
    public double Derivative { get; }

    public string Activation { get; }

    /// <summary>What arrived on the pipeline, so results can be joined back to their rows.</summary>
    public object? InputObject { get; }

    public override string ToString() => Output.ToString("R", CultureInfo.InvariantCulture);
}
