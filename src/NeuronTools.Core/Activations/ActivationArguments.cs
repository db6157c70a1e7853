using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NeuronTools;

/// <summary>The bound values of an activation's parameters, in the definition's order.</summary>
internal sealed class ActivationArguments
{
    private readonly object[] _values;

    internal ActivationArguments(object[] values) => _values = values;

    internal static ActivationArguments Empty { get; } = new(Array.Empty<object>());

    internal double Number(int index) => (double)_values[index];

    internal string Choice(int index) => (string)_values[index];

    internal IReadOnlyList<object> Values => _values;

    /// <summary>The name, followed by the parameters that differ from their defaults (all of them when one is required).</summary>
    internal string ToSpecification(ActivationDefinition definition)
    {
        var parameters = definition.Parameters;
        var text = new StringBuilder(definition.Name);
        bool any = false;
        for (int i = 0; i < parameters.Count; i++)
        {
            if (!parameters[i].IsRequired && Equals(parameters[i].Default, _values[i]))
            {
                continue;
            }

            text.Append(any ? ", " : "(").Append(parameters[i].Name).Append('=').Append(Format(_values[i]));
            any = true;
        }

        return any ? text.Append(')').ToString() : text.ToString();
    }

    private static string Format(object value) => value is double number
        ? number.ToString("R", CultureInfo.InvariantCulture)
        : (string)value;
}
