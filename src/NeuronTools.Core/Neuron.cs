using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// The article's neuron: inputs x_i flow through weights w_i (w_out_i = w_i·x_i), the neuron adds them
/// and its bias (a = Σ w_i·x_i + b) and applies its activation (z = f(a)). Immutable, so one neuron can
/// be shared by any number of pipelines and threads.
/// </summary>
public sealed class Neuron
{
    private readonly double[] _weight;

    public Neuron(IEnumerable<double> weight, double bias = 0.0, ScalarActivation? activation = null, string? name = null, IEnumerable<string>? inputName = null)
        : this(weight, bias, activation, name, inputName, null)
    {
    }

    /// <summary>A neuron that carries the history of the training that produced it.</summary>
    public Neuron(IEnumerable<double> weight, double bias, ScalarActivation? activation, string? name, IEnumerable<string>? inputName, TrainingHistory? trainingHistory)
    {
        if (weight is null)
        {
            throw new ArgumentNullException(nameof(weight));
        }

        _weight = weight.ToArray();
        if (_weight.Length == 0)
        {
            throw new NeuronToolsException("EmptyWeight", ErrorKind.InvalidArgument, "A neuron needs at least one weight. Give -Weight one number per input, for example -Weight 0.5,-1,2.");
        }

        for (int i = 0; i < _weight.Length; i++)
        {
            if (!IsFinite(_weight[i]))
            {
                throw new NeuronToolsException(
                    "NonFiniteWeight",
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"The weight at position {i} is {Describe(_weight[i])}; a neuron's weights must be finite numbers. Replace it with a finite value."));
            }
        }

        if (!IsFinite(bias))
        {
            throw new NeuronToolsException(
                "NonFiniteBias",
                ErrorKind.InvalidArgument,
                $"The bias is {Describe(bias)}; a neuron's bias must be a finite number. Replace it with a finite value such as 0.");
        }

        Weight = new ReadOnlyCollection<double>(_weight);
        Bias = bias;
        Activation = activation ?? ActivationCatalog.CreateScalar("ReLU");
        Name = name;
        InputName = inputName is null ? null : ValidateInputNames(inputName.ToArray(), _weight.Length);
        TrainingHistory = trainingHistory;
    }

    public IReadOnlyList<double> Weight { get; }

    public double Bias { get; }

    public ScalarActivation Activation { get; }

    public int InputCount => _weight.Length;

    public string? Name { get; }

    /// <summary>The names of the inputs, in weight order, when the neuron reads named inputs; otherwise null.</summary>
    public IReadOnlyList<string>? InputName { get; }

    /// <summary>How this neuron was trained, when Invoke-NeuronTraining made it; otherwise null.</summary>
    public TrainingHistory? TrainingHistory { get; }

    /// <summary>a = Σ w_i·x_i + b, summed left to right as the article writes it, then the bias added.</summary>
    public double PreActivation(IReadOnlyList<double> input)
    {
        CheckInput(input);
        return Sum(input);
    }

    /// <summary>Runs the neuron on one input vector and keeps every intermediate value of the article's calculation.</summary>
    public NeuronOutput Evaluate(IReadOnlyList<double> input, object? inputObject = null)
    {
        CheckInput(input);
        var copy = input.ToArray();
        return EvaluateOwned(copy, inputObject);
    }

    /// <summary>As <see cref="Evaluate"/>, for an input array that the caller hands over and will not change.</summary>
    internal NeuronOutput EvaluateOwned(double[] input, object? inputObject)
    {
        CheckInput(input);
        var weighted = new double[input.Length];
        for (int i = 0; i < weighted.Length; i++)
        {
            weighted[i] = _weight[i] * input[i];
        }

        double a = Sum(input);
        double z = Activation.Value(a);
        if (!IsFinite(a) || !IsFinite(z))
        {
            throw new NeuronToolsException(
                "NonFiniteResult",
                ErrorKind.InvalidResult,
                $"The inputs are finite but the neuron's result is not: a = {Describe(a)}, z = {Describe(z)}. The result overflowed the range of a double (about ±1.8e308); scale the inputs or weights down.");
        }

        return new NeuronOutput(input, weighted, a, z, Activation.Derivative(a), Activation.Specification, inputObject);
    }

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Neuron({0} inputs, {1})", InputCount, Activation.Specification);

    internal static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    internal static string Describe(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private double Sum(IReadOnlyList<double> input)
    {
        double sum = 0.0;
        for (int i = 0; i < _weight.Length; i++)
        {
            sum += _weight[i] * input[i];
        }

        return sum + Bias;
    }

    private void CheckInput(IReadOnlyList<double> input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        if (input.Count != _weight.Length)
        {
            throw new NeuronToolsException(
                "InputCountMismatch",
                ErrorKind.InvalidArgument,
                FormattableString.Invariant($"The neuron has {_weight.Length} weights but the input has {input.Count} values. Give one value per weight, in weight order."));
        }

        for (int i = 0; i < input.Count; i++)
        {
            if (!IsFinite(input[i]))
            {
                throw new NeuronToolsException(
                    "NonFiniteInput",
                    ErrorKind.InvalidData,
                    FormattableString.Invariant($"The input value at position {i} is {Describe(input[i])}; a neuron's inputs must be finite numbers. Remove or replace the value."));
            }
        }
    }

    private static IReadOnlyList<string> ValidateInputNames(string[] names, int count)
    {
        if (names.Length != count)
        {
            throw new NeuronToolsException(
                "InputNameCountMismatch",
                ErrorKind.InvalidArgument,
                FormattableString.Invariant($"The neuron has {count} weights but {names.Length} input names. Give one name per weight, in weight order."));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new NeuronToolsException("InvalidInputName", ErrorKind.InvalidArgument, "An input name is empty. Give every input a name, such as cpu or memory.");
            }

            if (!seen.Add(name))
            {
                throw new NeuronToolsException(
                    "DuplicateInputName",
                    ErrorKind.InvalidArgument,
                    $"The input name '{name}' is given more than once (names are compared without regard to case). Give each input its own name.");
            }
        }

        return new ReadOnlyCollection<string>(names);
    }
}
