using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Runtime.CompilerServices;

namespace NeuronTools.Commands;

/// <summary>
/// Lets -Weight take a dictionary of input name to weight, such as [ordered]@{ cpu = 0.6; memory = 0.3 },
/// as well as a plain list of numbers. The parameter stays a double[] (so help, completion and -Weight 1,2,3
/// are unchanged); the names travel beside the array that this transformation makes. Numbers given as
/// text, in the dictionary or in the list, are read with the invariant culture (<see cref="InvariantNumberAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class WeightTransformationAttribute : ArgumentTransformationAttribute
{
    // Keyed by the very array handed to the parameter, which nothing else holds, so names cannot leak
    // from one call to another, and a weak table lets the array go when the command is done.
    private static readonly ConditionalWeakTable<double[], string[]> s_inputNames = new();

    /// <summary>The input names of a -Weight given as a dictionary; null for a -Weight given as numbers.</summary>
    internal static string[]? InputNamesOf(double[]? weight) =>
        weight is not null && s_inputNames.TryGetValue(weight, out string[]? names) ? names : null;

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is not IDictionary dictionary)
        {
            return InvariantNumberAttribute.ReadText(inputData);
        }

        var names = new string[dictionary.Count];
        var weights = new double[dictionary.Count];
        int i = 0;
        foreach (DictionaryEntry entry in dictionary)
        {
            object key = entry.Key is PSObject wrappedKey ? wrappedKey.BaseObject : entry.Key;
            names[i] = Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;
            weights[i] = ReadWeight(names[i], entry.Value);
            i++;
        }

        s_inputNames.Add(weights, names);
        return weights;
    }

    private static double ReadWeight(string name, object? value)
    {
        object? unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        if (unwrapped is string text)
        {
            if (InvariantNumberAttribute.TryParse(text, out double parsed))
            {
                return parsed;
            }

            throw new ArgumentTransformationMetadataException(string.Format(
                CultureInfo.InvariantCulture,
                "The weight of the input '{0}' is '{1}', which is not a number. Numbers given as text are read with the invariant culture: write 2.5, not 2,5, for example [ordered]@{{ cpu = '0.6'; memory = 0.3 }}.",
                name,
                text));
        }

        try
        {
            return LanguagePrimitives.ConvertTo<double>(value);
        }
        catch (PSInvalidCastException exception)
        {
            throw new ArgumentTransformationMetadataException(
                string.Format(CultureInfo.InvariantCulture, "The weight of the input '{0}' is '{1}', which is not a number. Give every input a number, for example [ordered]@{{ cpu = 0.6; memory = 0.3 }}.", name, value),
                exception);
        }
    }
}
