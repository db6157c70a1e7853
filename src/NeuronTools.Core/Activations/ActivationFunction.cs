using System;
using System.Collections.Generic;

namespace NeuronTools;

/// <summary>
/// An activation function with its parameters bound. Scalar functions act on one pre-activation at a
/// time (<see cref="ScalarActivation"/>); vector functions such as Softmax act on a whole layer's
/// pre-activations at once (<see cref="VectorActivation"/>).
/// </summary>
public abstract class ActivationFunction
{
    private protected ActivationFunction(ActivationDefinition definition, ActivationArguments arguments)
    {
        Definition = definition;
        Arguments = arguments;
        Specification = arguments.ToSpecification(definition);
    }

    public ActivationDefinition Definition { get; }

    public string Name => Definition.Name;

    /// <summary>The canonical text of this function and its non-default parameters, e.g. <c>LeakyReLU(negative_slope=0.2)</c>.</summary>
    public string Specification { get; }

    internal ActivationArguments Arguments { get; }

    public bool IsVector => Definition.IsVector;

    /// <summary>Applies the function to a whole vector; <paramref name="derivative"/> receives ∂y_i/∂x_i.</summary>
    public abstract void Apply(IReadOnlyList<double> input, double[] output, double[] derivative);

    /// <summary>Evaluates the function on each value of <paramref name="input"/>, refusing NaN.</summary>
    public ActivationValue[] Evaluate(IReadOnlyList<double> input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        for (int i = 0; i < input.Count; i++)
        {
            if (double.IsNaN(input[i]))
            {
                throw NaNInput(i);
            }
        }

        var output = new double[input.Count];
        var derivative = new double[input.Count];
        Apply(input, output, derivative);
        var values = new ActivationValue[input.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = new ActivationValue(Specification, input[i], output[i], derivative[i]);
        }

        return values;
    }

    public override string ToString() => Specification;

    private protected NeuronToolsException NaNInput(int position) => new(
        ErrorIds.NaNInput,
        ErrorKind.InvalidData,
        FormattableString.Invariant($"The value at position {position} is NaN, and {Specification} of NaN is not a number. Remove or replace NaN values before evaluating the activation."));
}

/// <summary>An activation applied to each pre-activation on its own: <c>z = f(a)</c>.</summary>
public abstract class ScalarActivation : ActivationFunction
{
    private protected ScalarActivation(ActivationDefinition definition, ActivationArguments arguments)
        : base(definition, arguments)
    {
    }

    /// <summary>f(x). Defined for every double but NaN; ±∞ give the mathematical limits.</summary>
    public abstract double Value(double x);

    /// <summary>f′(x), with PyTorch's autograd conventions at kinks.</summary>
    public abstract double Derivative(double x);

    /// <summary>Evaluates one value, refusing NaN.</summary>
    public ActivationValue Evaluate(double x)
    {
        if (double.IsNaN(x))
        {
            throw NaNInput(0);
        }

        return new ActivationValue(Specification, x, Value(x), Derivative(x));
    }

    public override void Apply(IReadOnlyList<double> input, double[] output, double[] derivative)
    {
        for (int i = 0; i < input.Count; i++)
        {
            output[i] = Value(input[i]);
            derivative[i] = Derivative(input[i]);
        }
    }
}

/// <summary>An activation that needs the whole vector of pre-activations, such as Softmax.</summary>
public abstract class VectorActivation : ActivationFunction
{
    private protected VectorActivation(ActivationDefinition definition, ActivationArguments arguments)
        : base(definition, arguments)
    {
    }
}
