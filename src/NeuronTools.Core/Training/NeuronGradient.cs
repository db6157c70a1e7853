using System.Collections.Generic;
using System.Globalization;

namespace NeuronTools;

/// <summary>
/// What-if for one input of a neuron: how z = f(a) moves per unit move of each input, weight and the bias.
/// ∂z/∂x_i = f′(a)·w_i, ∂z/∂w_i = f′(a)·x_i, ∂z/∂b = f′(a), with the catalogue's f′ at kinks.
/// </summary>
public sealed class NeuronGradient
{
    internal NeuronGradient(double[] input, double preActivation, double output, double derivative, double[] inputGradient, double[] weightGradient, string activation, IReadOnlyList<string>? inputName, object? inputObject)
    {
        Input = input;
        PreActivation = preActivation;
        Output = output;
        Derivative = derivative;
        InputGradient = inputGradient;
        WeightGradient = weightGradient;
        BiasGradient = derivative;
        Activation = activation;
        InputName = inputName;
        InputObject = inputObject;
    }

    /// <summary>x_1 … x_n.</summary>
    public IReadOnlyList<double> Input { get; }

    /// <summary>a = Σ w_i·x_i + b.</summary>
    public double PreActivation { get; }

    /// <summary>z = f(a).</summary>
    public double Output { get; }

    /// <summary>f′(a).</summary>
    public double Derivative { get; }

    /// <summary>∂z/∂x_i = f′(a)·w_i, one per input.</summary>
    public IReadOnlyList<double> InputGradient { get; }

    /// <summary>∂z/∂w_i = f′(a)·x_i, one per weight.</summary>
    public IReadOnlyList<double> WeightGradient { get; }

    /// <summary>∂z/∂b = f′(a).</summary>
    public double BiasGradient { get; }

    public string Activation { get; }

    /// <summary>The neuron's input names, in weight order, when it has them.</summary>
    public IReadOnlyList<string>? InputName { get; }

    /// <summary>What arrived on the pipeline.</summary>
    public object? InputObject { get; }

    public override string ToString() => Output.ToString("R", CultureInfo.InvariantCulture);
}
