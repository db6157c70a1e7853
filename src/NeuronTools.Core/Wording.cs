using System.Globalization;

namespace NeuronTools;

/// <summary>Small pieces of message text that read right in English whatever the count.</summary>
internal static class Wording
{
    /// <summary>"1 value", "3 values", "2 biases": a count with its noun in the singular or plural.</summary>
    internal static string Count(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : Plural(noun));

    /// <summary>"weights", "biases": the plural of the few nouns the messages count.</summary>
    internal static string Plural(string noun) =>
        noun.EndsWith("s", System.StringComparison.Ordinal) || noun.EndsWith("x", System.StringComparison.Ordinal)
            ? noun + "es"
            : noun + "s";
}
