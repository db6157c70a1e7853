using System.Globalization;
using System.Text;

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

    /// <summary>The most characters of a value that a message quotes; a longer value is cut and its length given.</summary>
    internal const int QuotedLength = 60;

    /// <summary>
    /// A value from outside (a file, a parameter) as a message may quote it: at most <see cref="QuotedLength"/>
    /// characters, so a hostile 20-million-character name cannot make a 20 MB message, with control characters
    /// and lone surrogate halves (which no terminal or UTF-8 file can carry) written as \uXXXX escapes.
    /// </summary>
    internal static string Quote(string text)
    {
        int length = text.Length;
        int shown = length <= QuotedLength ? length : QuotedLength;
        if (shown < length && char.IsHighSurrogate(text[shown - 1]))
        {
            shown--;
        }

        var result = new StringBuilder(shown + 32);
        for (int i = 0; i < shown; i++)
        {
            char c = text[i];
            bool pairStart = char.IsHighSurrogate(c) && i + 1 < shown && char.IsLowSurrogate(text[i + 1]);
            bool pairEnd = char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]);
            if (c < 0x20 || c == 0x7F || (char.IsSurrogate(c) && !pairStart && !pairEnd))
            {
                result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        if (shown < length)
        {
            result.Append("… (").Append(Count(length, "character")).Append(" in all)");
        }

        return result.ToString();
    }
}
