using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;

namespace NeuronTools;

/// <summary>One run of a neuron, with every step of the article's calculation.</summary>
public sealed class NeuronOutput
{
    private readonly double[] _input;
    private readonly double[] _weight;
    private ReadOnlyCollection<double>? _weightedInput;
    private ReadOnlyCollection<double>? _inputView;

    /// <summary>Takes the neuron's own (never changed) weights, so w_i·x_i is worked out only if someone asks.</summary>
    internal NeuronOutput(double[] input, double[] weight, double preActivation, double output, double derivative, string activation, object? inputObject)
    {
        _input = input;
        _weight = weight;
        PreActivation = preActivation;
        Output = output;
        Derivative = derivative;
        Activation = activation;
        InputObject = inputObject;
    }

    /// <summary>x_1 … x_n, read-only (so they always match PreActivation and WeightedInput); the view is made on first use.</summary>
    public IReadOnlyList<double> Input => _inputView ??= new ReadOnlyCollection<double>(_input);

    /// <summary>w_out_i = w_i·x_i, one per input: the same products the pre-activation sums.</summary>
    /// <remarks>
    /// Worked out on first use: a stream of a million rows scored for their Output never pays for it. Two threads
    /// reading it at once may both compute it, and get the same values.
    /// </remarks>
    public IReadOnlyList<double> WeightedInput => _weightedInput ??= new ReadOnlyCollection<double>(Multiply(_weight, _input));

    /// <summary>a = Σ w_i·x_i + b.</summary>
    public double PreActivation { get; }

    /// <summary>z = f(a).</summary>
    public double Output { get; }

    /// <summary>f′(a).</summary>
    public double Derivative { get; }

    public string Activation { get; }

    /// <summary>What arrived on the pipeline, so results can be joined back to their rows.</summary>
    public object? InputObject { get; }

    private static double[] Multiply(double[] weight, double[] input)
    {
        var weighted = new double[input.Length];
        for (int i = 0; i < weighted.Length; i++)
        {
            weighted[i] = weight[i] * input[i];
        }

        return weighted;
    }

    public override string ToString() => Output.ToString("R", CultureInfo.InvariantCulture);
}
