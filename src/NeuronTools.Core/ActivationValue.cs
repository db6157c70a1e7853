namespace NeuronTools;

/// <summary>One activation function evaluated at one point: the output and its derivative there.</summary>
public sealed class ActivationValue
{
    public ActivationValue(string activation, double input, double output, double derivative)
    {
        Activation = activation;
        Input = input;
        Output = output;
        Derivative = derivative;
    }

    public string Activation { get; }

    public double Input { get; }

    public double Output { get; }

    public double Derivative { get; }

    public override string ToString() => Output.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
