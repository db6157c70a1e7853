using System;

namespace NeuronTools;

/// <summary>A scalar activation given by its value and derivative functions, with parameters already bound.</summary>
internal sealed class DelegateActivation : ScalarActivation
{
    private readonly Func<double, double> _value;
    private readonly Func<double, double> _derivative;

    internal DelegateActivation(ActivationDefinition definition, ActivationArguments arguments, Func<double, double> value, Func<double, double> derivative)
        : base(definition, arguments)
    {
        _value = value;
        _derivative = derivative;
    }

    public override double Value(double x) => _value(x);

    public override double Derivative(double x) => _derivative(x);
}
