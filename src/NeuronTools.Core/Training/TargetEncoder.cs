using System;
using System.Collections.Generic;

namespace NeuronTools;

/// <summary>
/// Turns the target a user gives for one row into one value per model output: a class index becomes a
/// one-hot row for CrossEntropy and multi-class Hinge, a 0 for Hinge becomes −1. Problems with one row
/// are <see cref="NeuronToolsException"/>s the cmdlets report for that row alone.
/// </summary>
internal sealed class TargetEncoder
{
    private readonly LossFunction _loss;
    private readonly int _outputCount;
    private readonly bool _isStep;

    /// <summary>An encoder for a model of <paramref name="outputCount"/> outputs; <paramref name="isStep"/> for a perceptron (0/1 targets).</summary>
    internal TargetEncoder(LossFunction loss, int outputCount, bool isStep)
    {
        _loss = loss;
        _outputCount = outputCount;
        _isStep = isStep;
    }

    internal static double[] Encode(IReadOnlyList<double> raw, LossFunction loss, int outputCount, bool isStep) =>
        new TargetEncoder(loss, outputCount, isStep).Encode(raw);

    /// <summary>
    /// A target for one row as the user gave it: one value per output, or a class index (one number) where the
    /// loss takes one. A class given another way (a label as text) comes in through <see cref="EncodeClass"/>.
    /// </summary>
    internal double[] Encode(IReadOnlyList<double> raw)
    {
        var loss = _loss;
        int outputCount = _outputCount;
        bool isStep = _isStep;
        for (int j = 0; j < raw.Count; j++)
        {
            if (!Neuron.IsFinite(raw[j]))
            {
                throw Invalid(FormattableString.Invariant($"The target value at position {j} is {Neuron.Describe(raw[j])}; targets must be finite numbers."));
            }
        }

        bool classIndex = outputCount > 1 && raw.Count == 1 && loss is LossFunction.CrossEntropy or LossFunction.Hinge;
        if (classIndex)
        {
            double value = raw[0];
            if (value != Math.Floor(value) || value < 0 || value >= outputCount)
            {
                throw Invalid(FormattableString.Invariant($"The class {Neuron.Describe(value)} is not a class index of this model; give a whole number from 0 to {outputCount - 1} (one per output)."));
            }

            return EncodeClass((int)value);
        }

        if (raw.Count != outputCount)
        {
            string wanted = outputCount == 1
                ? "one target value"
                : loss is LossFunction.CrossEntropy or LossFunction.Hinge
                    ? FormattableString.Invariant($"a class index (0 to {outputCount - 1}) or {outputCount} values (one-hot)")
                    : FormattableString.Invariant($"{outputCount} target values, one per output");
            throw new NeuronToolsException(
                ErrorIds.TargetCountMismatch,
                ErrorKind.InvalidData,
                $"The model has {Wording.Count(outputCount, "output")} but the target has {Wording.Count(raw.Count, "value")}. Give {wanted}.");
        }

        var target = new double[outputCount];
        for (int j = 0; j < target.Length; j++)
        {
            target[j] = raw[j];
        }

        if (isStep || loss == LossFunction.BinaryCrossEntropy)
        {
            foreach (double value in target)
            {
                if (value < 0 || value > 1)
                {
                    throw Invalid(FormattableString.Invariant($"The target {Neuron.Describe(value)} is outside [0, 1]; {(isStep ? "a BinaryStep neuron learns 0/1 targets" : "BinaryCrossEntropy needs targets in [0, 1] (a class 0 or 1, or a probability)")}."));
                }
            }
        }
        else if (loss == LossFunction.Hinge && outputCount == 1)
        {
            double value = target[0];
            if (value != -1.0 && value != 0.0 && value != 1.0)
            {
                throw Invalid(FormattableString.Invariant($"The target {Neuron.Describe(value)} is not a class of Hinge; give −1 or +1 (0 counts as −1)."));
            }

            target[0] = value == 1.0 ? 1.0 : -1.0;
        }
        else if (loss is LossFunction.CrossEntropy or LossFunction.Hinge)
        {
            double sum = 0.0;
            foreach (double value in target)
            {
                if (value < 0)
                {
                    throw Invalid(FormattableString.Invariant($"A {loss} target row has the negative value {Neuron.Describe(value)}; give a one-hot row such as 0,1,0 or class probabilities."));
                }

                sum += value;
            }

            if (Math.Abs(sum - 1.0) > 1e-9 || (loss == LossFunction.Hinge && Array.IndexOf(target, 1.0) < 0))
            {
                throw Invalid(FormattableString.Invariant($"A {loss} target row sums to {Neuron.Describe(sum)}; give a one-hot row such as 0,1,0{(loss == LossFunction.CrossEntropy ? " or class probabilities that sum to 1" : string.Empty)}, or the class index."));
            }
        }

        return target;
    }

    /// <summary>
    /// The target of class <paramref name="classIndex"/>: its one-hot row for a model of several outputs (0 to
    /// outputs − 1); for one output, class 0 or 1 as the value itself (−1 or +1 for Hinge).
    /// </summary>
    internal double[] EncodeClass(int classIndex)
    {
        if (_outputCount == 1)
        {
            return new[] { _loss == LossFunction.Hinge ? (classIndex == 1 ? 1.0 : -1.0) : classIndex };
        }

        var target = new double[_outputCount];
        target[classIndex] = 1.0;
        return target;
    }

    private static NeuronToolsException Invalid(string message) => new(ErrorIds.InvalidTarget, ErrorKind.InvalidData, message);
}
