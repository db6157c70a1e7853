using System;
using System.Collections.Generic;
using System.Globalization;

namespace NeuronTools;

/// <summary>A parameter of an activation function, named as PyTorch names it.</summary>
public sealed class ActivationParameter
{
    private readonly Func<double, bool> _isAllowed;

    private ActivationParameter(string name, object? defaultValue, string description, string allowed, Func<double, bool> isAllowed, IReadOnlyList<string>? choices)
    {
        Name = name;
        Default = defaultValue;
        Description = description;
        Allowed = allowed;
        _isAllowed = isAllowed;
        Choices = choices;
    }

    public string Name { get; }

    /// <summary>The default value (a double, or a string for a choice), or null when the parameter is required.</summary>
    public object? Default { get; }

    public string Description { get; }

    /// <summary>The values the parameter accepts, in words, e.g. <c>any finite number</c> or <c>&gt; 0</c>.</summary>
    public string Allowed { get; }

    /// <summary>The accepted words for a choice parameter; null for a number.</summary>
    public IReadOnlyList<string>? Choices { get; }

    public bool IsRequired => Default is null;

    public bool IsChoice => Choices is not null;

    internal static ActivationParameter Number(string name, double? defaultValue, string description, string allowed = "any finite number", Func<double, bool>? isAllowed = null) =>
        new(name, defaultValue, description, allowed, isAllowed ?? (_ => true), null);

    internal static ActivationParameter Choice(string name, string defaultValue, string description, params string[] choices) =>
        new(name, defaultValue, description, "one of " + string.Join(", ", choices), _ => true, choices);

    internal bool IsAllowed(double value) => !double.IsNaN(value) && !double.IsInfinity(value) && _isAllowed(value);

    public override string ToString() => Default switch
    {
        null => Name + " (required)",
        double number => Name + "=" + number.ToString("R", CultureInfo.InvariantCulture),
        _ => Name + "=" + Default,
    };
}
