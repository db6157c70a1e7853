using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// The class names of a labelled classifier, in class-index order: the order of the text in ordinal
/// (code-point) order, as scikit-learn's LabelEncoder and a classifier's classes_ sort string labels, so a
/// model trained here and one trained there number their classes alike. One output per class, or two
/// classes on one probability output (index 0 below 0.5, index 1 from 0.5 up).
/// </summary>
internal static class ClassLabels
{
    /// <summary>
    /// True when an output layer's values are class probabilities: a Softmax layer of several outputs, or
    /// one output whose activation maps onto [0, 1] (Sigmoid, Hardsigmoid, SparseSigmoid, BinaryStep).
    /// </summary>
    internal static bool IsProbability(ActivationFunction activation, int outputCount) =>
        outputCount == 1
            ? activation.Name is "Sigmoid" or "Hardsigmoid" or "SparseSigmoid" or "BinaryStep"
            : activation.Name == "Softmax";

    /// <summary>The distinct labels in class-index order.</summary>
    internal static string[] Order(IEnumerable<string> labels)
    {
        var distinct = new HashSet<string>(labels ?? throw new ArgumentNullException(nameof(labels)), StringComparer.Ordinal).ToArray();
        Array.Sort(distinct, StringComparer.Ordinal);
        return distinct;
    }

    /// <summary>Checks class labels against a model's output count: one per output (two or more), or two for one output.</summary>
    internal static ReadOnlyCollection<string> Check(IEnumerable<string> labels, int outputCount, string parameterName)
    {
        string[] names = labels?.ToArray() ?? throw new ArgumentNullException(nameof(labels));
        bool fits = outputCount == 1 ? names.Length == 2 : names.Length == outputCount;
        if (!fits)
        {
            throw new NeuronToolsException(
                ErrorIds.ClassLabelCountMismatch,
                ErrorKind.InvalidArgument,
                $"The model has {Wording.Count(outputCount, "output")} but {Wording.Count(names.Length, "class label")} {(names.Length == 1 ? "was" : "were")} given. Give one label per output, or two labels (the class below 0.5 first) for one probability output.")
                .About(parameterName);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (string.IsNullOrEmpty(name) || !seen.Add(name))
            {
                throw new NeuronToolsException(
                    ErrorIds.InvalidClassLabel,
                    ErrorKind.InvalidArgument,
                    string.IsNullOrEmpty(name) ? "A class label is empty; give every class a name." : $"The class label '{name}' is given more than once; give each class its own name.")
                    .About(parameterName);
            }
        }

        return new ReadOnlyCollection<string>(names);
    }

    /// <summary>The class index of a label; a label the model does not know is an UnknownClassLabel error for that row.</summary>
    internal static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new NeuronToolsException(
            ErrorIds.UnknownClassLabel,
            ErrorKind.InvalidData,
            $"The target '{label}' is not one of the model's classes: {string.Join(", ", labels)} (case-sensitive).");
    }
}
