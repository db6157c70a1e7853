using System;
using System.Collections.Generic;

namespace NeuronTools;

/// <summary>One entry of the activation catalogue: what <c>Get-Activation</c> lists.</summary>
public sealed class ActivationDefinition
{
    private readonly Func<ActivationDefinition, ActivationArguments, ActivationFunction> _factory;
    private readonly Func<ActivationArguments, string?>? _validate;

    internal ActivationDefinition(
        string name,
        string[] aliases,
        ActivationKind kind,
        string formula,
        string derivativeFormula,
        string range,
        string kinkConvention,
        ActivationParameter[] parameters,
        Func<ActivationDefinition, ActivationArguments, ActivationFunction> factory,
        Func<ActivationArguments, string?>? validate = null)
    {
        Name = name;
        Aliases = aliases;
        Kind = kind;
        Formula = formula;
        DerivativeFormula = derivativeFormula;
        Range = range;
        KinkConvention = kinkConvention;
        Parameters = parameters;
        _factory = factory;
        _validate = validate;
    }

    public string Name { get; }

    public IReadOnlyList<string> Aliases { get; }

    public ActivationKind Kind { get; }

    public bool IsVector => Kind == ActivationKind.Vector;

    public string Formula { get; }

    public string DerivativeFormula { get; }

    /// <summary>The set of values the function takes, e.g. <c>[0, ∞)</c>.</summary>
    public string Range { get; }

    /// <summary>Which derivative is used where the function has a kink, and where that convention comes from.</summary>
    public string KinkConvention { get; }

    public IReadOnlyList<ActivationParameter> Parameters { get; }

    internal ActivationFunction Create(ActivationArguments arguments) => _factory(this, arguments);

    /// <summary>Checks rules that span several parameters; returns a message or null.</summary>
    internal string? Validate(ActivationArguments arguments) => _validate?.Invoke(arguments);

    public override string ToString() => Name;
}
