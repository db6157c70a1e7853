using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools;

/// <summary>Every activation function the module knows, found by name or alias, case-insensitively.</summary>
public static class ActivationCatalog
{
    private static readonly ActivationDefinition[] s_all = BuiltInActivations.Create();

    private static readonly Dictionary<string, ActivationDefinition> s_byName = Index(s_all);

    private static readonly int s_longestName = Names.Max(n => n.Length);

    public static IReadOnlyList<ActivationDefinition> All => s_all;

    /// <summary>Every name and alias, for tab completion.</summary>
    public static IEnumerable<string> Names => s_all.SelectMany(d => new[] { d.Name }.Concat(d.Aliases));

    public static bool TryFind(string name, out ActivationDefinition definition)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return s_byName.TryGetValue(name.Trim(), out definition!);
    }

    /// <summary>
    /// Builds the function a specification names, e.g. <c>ReLU</c>, <c>LeakyReLU(negative_slope=0.2)</c>.
    /// Throws <see cref="NeuronToolsException"/> with the error id of what is wrong.
    /// </summary>
    public static ActivationFunction Create(string specification)
    {
        if (specification is null)
        {
            throw new ArgumentNullException(nameof(specification));
        }

        var (name, arguments) = ActivationSpecification.Parse(specification);
        if (!TryFind(name, out var definition))
        {
            throw new NeuronToolsException(ErrorIds.UnknownActivation, ErrorKind.ObjectNotFound, UnknownMessage(name));
        }

        return definition.Create(ActivationSpecification.Bind(definition, arguments, specification));
    }

    /// <summary>Builds a scalar function, refusing vector ones (which need a whole layer).</summary>
    public static ScalarActivation CreateScalar(string specification)
    {
        var function = Create(specification);
        return function as ScalarActivation ?? throw new NeuronToolsException(
            ErrorIds.VectorActivationNotAllowed,
            ErrorKind.InvalidArgument,
            $"{function.Name} works on a whole vector of pre-activations, so a single neuron cannot use it. Use a scalar activation such as ReLU or Sigmoid here, or give {function.Name} to a layer.");
    }

    /// <summary>The names closest to a misspelt one, best first.</summary>
    public static IReadOnlyList<string> Suggest(string name, int count = 3)
    {
        // A name is suggested within an edit distance of half the length typed, and the distance is at least
        // the difference in length: a name over twice as long as the longest known one can match none, so it
        // is not compared at all (a 20-million-character name would otherwise take seconds).
        if (name.Length > (2 * s_longestName) + 2)
        {
            return Array.Empty<string>();
        }

        string wanted = name.ToUpperInvariant();
        return s_all
            .Select(d => (Definition: d, Distance: new[] { d.Name }.Concat(d.Aliases).Min(n => Distance(wanted, n.ToUpperInvariant()))))
            .Where(c => c.Distance <= Math.Max(2, wanted.Length / 2))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Definition.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Definition.Name)
            .ToArray();
    }

    private static string UnknownMessage(string name)
    {
        var suggestions = Suggest(name);
        string hint = suggestions.Count > 0 ? " Did you mean " + string.Join(", ", suggestions.Select(s => "'" + s + "'")) + "?" : string.Empty;
        return $"There is no activation named '{Wording.Quote(name)}'.{hint} Run Get-Activation to list every activation with its parameters.";
    }

    private static Dictionary<string, ActivationDefinition> Index(IEnumerable<ActivationDefinition> definitions)
    {
        var index = new Dictionary<string, ActivationDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions)
        {
            foreach (string name in new[] { definition.Name }.Concat(definition.Aliases))
            {
                index.Add(name, definition);
            }
        }

        return index;
    }

    /// <summary>Levenshtein distance, where a prefix match also counts as close.</summary>
    internal static int Distance(string a, string b)
    {
        if (b.StartsWith(a, StringComparison.Ordinal) && a.Length >= 3)
        {
            return 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
