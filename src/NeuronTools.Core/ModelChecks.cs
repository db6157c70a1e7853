using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace NeuronTools;

/// <summary>The checks that neurons, layers and networks make alike on what they are built from and what they read.</summary>
internal static class ModelChecks
{
    /// <summary>
    /// The most weights a neuron, a layer or a network is built with: 800 MB of doubles, and far more than the
    /// module can train in reasonable time. Checked before anything is allocated, so that one parameter
    /// value (-InputCount 2000000000) gives an error instead of the kernel's out-of-memory killer.
    /// </summary>
    internal const long MaximumWeightCount = 100_000_000;

    /// <summary>Refuses a model of more than <see cref="MaximumWeightCount"/> weights; <paramref name="what"/> words it: "A layer of 3 neurons with 2 inputs".</summary>
    internal static void WeightCount(long count, string errorId, string what, string fix)
    {
        if (count > MaximumWeightCount)
        {
            throw new NeuronToolsException(
                errorId,
                ErrorKind.LimitsExceeded,
                FormattableString.Invariant($"{what} has {Wording.Count(count, "weight")}, more than the {MaximumWeightCount} this module builds. {fix}"));
        }
    }

    /// <summary>
    /// One name per input, none empty, none repeated (ignoring case, as PowerShell binds properties).
    /// <paramref name="model"/> and <paramref name="unit"/> word the message: "The neuron has 3 weights", "The network has 3 inputs".
    /// </summary>
    internal static IReadOnlyList<string> InputNames(string[] names, int count, string model, string unit, string parameterName)
    {
        if (names.Length != count)
        {
            throw new NeuronToolsException(
                ErrorIds.InputNameCountMismatch,
                ErrorKind.InvalidArgument,
                $"The {model} has {Wording.Count(count, unit)} but {Wording.Count(names.Length, "input name")}. Give one name per {unit}, in {unit} order.")
                .About(parameterName);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new NeuronToolsException(ErrorIds.InvalidInputName, ErrorKind.InvalidArgument, "An input name is empty. Give every input a name, such as cpu or memory.").About(parameterName);
            }

            if (!seen.Add(name))
            {
                throw new NeuronToolsException(
                    ErrorIds.DuplicateInputName,
                    ErrorKind.InvalidArgument,
                    $"The input name '{name}' is given more than once (names are compared without regard to case). Give each input its own name.")
                    .About(parameterName);
            }
        }

        return new ReadOnlyCollection<string>(names);
    }

    /// <summary>
    /// An input vector of the right length with finite values. <paramref name="model"/> and <paramref name="unit"/>
    /// word the message: "The neuron has 3 weights but the input has 1 value".
    /// </summary>
    internal static void Input(IReadOnlyList<double> input, int count, string model, string unit)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        if (input.Count != count)
        {
            throw new NeuronToolsException(
                ErrorIds.InputCountMismatch,
                ErrorKind.InvalidArgument,
                $"The {model} has {Wording.Count(count, unit)} but the input has {Wording.Count(input.Count, "value")}. Give one value per {unit}, in {unit} order.");
        }

        int bad = FirstNonFinite(input);
        if (bad >= 0)
        {
            throw new NeuronToolsException(
                ErrorIds.NonFiniteInput,
                ErrorKind.InvalidData,
                FormattableString.Invariant($"The input value at position {bad} is {Neuron.Describe(input[bad])}; a {model}'s inputs must be finite numbers. Remove or replace the value."));
        }
    }

    /// <summary>
    /// Weights or biases that are all finite: NonFiniteWeight or NonFiniteBias naming the first bad one by its
    /// position (and its row, for a layer's weight row). <paramref name="owner"/> words the message: "a layer's".
    /// </summary>
    internal static void FiniteParameters(IReadOnlyList<double> values, string what, string owner, string parameterName, int? row = null)
    {
        int bad = FirstNonFinite(values);
        if (bad < 0)
        {
            return;
        }

        bool isBias = what == "bias";
        string where = row is int r ? FormattableString.Invariant($"row {r}, position {bad}") : FormattableString.Invariant($"position {bad}");
        throw new NeuronToolsException(
            isBias ? ErrorIds.NonFiniteBias : ErrorIds.NonFiniteWeight,
            ErrorKind.InvalidArgument,
            $"The {what} at {where} is {Neuron.Describe(values[bad])}; {owner} {Wording.Plural(what)} must be finite numbers. Replace it with a finite value{(isBias ? " such as 0" : string.Empty)}.")
            .About(parameterName);
    }

    /// <summary>The index of the first NaN or infinity, or -1 when every value is finite.</summary>
    internal static int FirstNonFinite(IReadOnlyList<double> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (!Neuron.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
